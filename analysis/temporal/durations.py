"""Resolvers for durations ("two years", "months of fighting", "a decade") and sets ("every
week", "annually", "15 a year")."""
from __future__ import annotations

from .accept import range_years
from .extract import Candidate
from .lexicon import FREQUENCY_WORDS, MONTHS, PARTS_OF_DAY, WEEKDAYS
from .normalize import _RATE_BEFORE, Context, Found, _number, duration_value


def r_duration(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    num = g["num"]
    unit = g["unit"]
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
