"""Resolvers for durations ("two years", "months of fighting", "a decade") and sets ("every
week", "annually", "15 a year")."""
from __future__ import annotations

import re

from .accept import prev_word, range_years
from .extract import Candidate
from .lexicon import FREQUENCY_WORDS, MONTHS, PARTS_OF_DAY, WEEKDAYS
from .normalize import _RATE_BEFORE, Context, Found, _number, duration_value

# "will one day be", "he one day hopes": "one day" between a subject or modal and its verb is some
# day, not a day's length (TimeML: FUTURE_REF, or PAST_REF told in the past)
_SOME_DAY_BEFORE = re.compile(r"(?i)\b(?:will|would|could|might|may|can|shall|should|must|he|she|they|we|I|you)[ \t]+$")


# "(save lives) in a year or two", "(reopen) in a week or so": some time ahead, a vague point (TimeML FUTURE_REF)
_OR_SO_AFTER = re.compile(r"[ \t]+or[ \t]+(?:two|so)\b")


def r_duration(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    num = g["num"]
    unit = g["unit"]
    if ctx.text[c.start:c.end] == "one day" and _SOME_DAY_BEFORE.search(ctx.text, max(0, c.start - 8), c.start):
        past = ctx.tense.verb_tense(c.start, c.end) == "past"
        return [(c.start, c.end, "DATE", "PAST_REF" if past else "FUTURE_REF")]
    approx = _OR_SO_AFTER.match(ctx.text, c.end)
    if approx and num.lower() in ("a", "an", "one") and prev_word(ctx.text, c.start).lower() == "in" \
            and ctx.tense.verb_tense(c.start, c.end) != "past":
        return [(c.start, approx.end(), "DATE", "FUTURE_REF")]
    value = duration_value(num, unit, half=bool(g.get("half") or g.get("half_after")))
    start = c.start
    if g.get("the") and g.get("amod"):        # "over the past nine days": the modifier is a preposition here
        start = g["_spans"]["the"][0]
    single = num.lower() in ("a", "an", "one")
    if single and not g.get("the") and not g.get("amod"):
        before = ctx.text[max(0, c.start - 40):c.start]
        if _RATE_BEFORE.search(before):       # "15 a year", "$3 billion a year": a rate, so a SET
            return [(c.start, c.end, "SET", value)]
    return [(start, c.end, "DURATION", value)]


def r_dur_range(c: Candidate, ctx: Context) -> list[Found]:
    """"between 60 and 90 days": two durations, the first one borrowing the unit of the second."""
    g = c.groups
    a, b = g["_spans"]["num"], g["_spans"]["num2"]
    return [(a[0], a[1], "DURATION", duration_value(g["num"], g["unit"])),
            (b[0], c.end, "DURATION", duration_value(g["num2"], g["unit"]))]


def r_bare_plural(c: Candidate, ctx: Context) -> list[Found]:
    if c.groups.get("ago"):       # "years ago": some time past (TimeML), not a stretch of years
        return [(c.start, c.end, "DATE", "PAST_REF")]
    return [(c.start, c.end, "DURATION", duration_value(None, c.groups["unit"]))]


def r_set(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    unit = g["unit"]
    if unit.lower() in WEEKDAYS:
        return [(c.start, c.end, "SET", f"XXXX-WXX-{WEEKDAYS[unit.lower()]}")]
    if unit.lower() in PARTS_OF_DAY:
        return [(c.start, c.end, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit.lower()]}")]
    month = MONTHS.get(unit.lower().rstrip("."))
    if month is not None:                                  # "each July"
        return [(c.start, c.end, "SET", f"XXXX-{month:02d}")]
    num = g.get("num")
    if num and num.lower() == "other":
        num = "2"
    n = _number(num) if num else 1
    if n is None:
        return [(c.start, c.end, "SET", duration_value(None, unit))]
    return [(c.start, c.end, "SET", duration_value(str(int(n)) if float(n).is_integer() else str(n), unit))]


def r_weekly(c: Candidate, ctx: Context) -> list[Found]:
    """"on Mondays", "Tuesday nights": every such day (TimeML SET)."""
    part = c.groups.get("pod")
    value = f"XXXX-WXX-{WEEKDAYS[c.groups['wd'].lower()]}" + (f"T{PARTS_OF_DAY[part.lower()]}" if part else "")
    return [(c.start, c.end, "SET", value)]


def r_freq(c: Candidate, ctx: Context) -> list[Found]:
    return [(c.start, c.end, "SET", FREQUENCY_WORDS[c.groups["w"].lower()])]



def r_year_range(c: Candidate, ctx: Context) -> list[Found]:
    """"from 2009 to 2011", "between 2014 and 2016", "2009-2010", "1957-58": each end is a DATE
    of its own (as TimeBank and MEANTIME annotate them; the preposition stays out)."""
    y1, y2 = range_years(c.groups)
    (a, b), (d, e) = c.groups["_spans"]["y1"], c.groups["_spans"]["y2"]
    return [(a, b, "DATE", str(y1)), (d, e, "DATE", str(y2))]


# One measure in one unit ("PT1H", "P3D", "PT40.2S"); the units of a compound, largest first.
_SIMPLE = re.compile(r"P(T?)(\d+(?:\.\d+)?)([YMWDHS])$")
_ORDER = ["Y", "M", "W", "D", "TH", "TM", "TS"]
_JOINT = re.compile(r"[ \t]*,?[ \t]*(?:and[ \t]+)?$")


def _part(value: str) -> tuple[str, str] | None:
    m = _SIMPLE.match(value)
    return (m[1] + m[3], m[2]) if m else None


def join_compounds(found: list[Found], text: str) -> list[Found]:
    """"1 hour 59 minutes 40.2 seconds", "two years and three months": one DURATION whose units
    run from larger to smaller ("PT1H59M40.2S"), not a duration per unit."""
    out: list[Found] = []
    for item in found:
        prev = out[-1] if out else None
        if prev and prev[2] == item[2] == "DURATION" and _JOINT.match(text[prev[1]:item[0]]):
            last, part = _last_unit(prev[3]), _part(item[3])
            if last and part and _ORDER.index(last) < _ORDER.index(part[0]):
                time_part = part[0].startswith("T")
                joiner = "T" if time_part and "T" not in prev[3] else ""
                out[-1] = (prev[0], item[1], "DURATION", f"{prev[3]}{joiner}{part[1]}{part[0][-1]}")
                continue
        out.append(item)
    return out


def _last_unit(value: str) -> str | None:
    """The smallest unit of a simple or compound value ("PT1H59M" -> "TM"), None for a vague one."""
    m = re.fullmatch(r"P(?:\d+(?:\.\d+)?[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS])+)?", value)
    if not m or value == "P":
        return None
    last = value[-1]
    return ("T" + last) if "T" in value else last
