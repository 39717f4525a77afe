"""Resolvers for expressions relative to the reference date or to the last date mentioned:
today/yesterday, this/last/next week, weekdays, "two days ago", "that day", parts of days, times."""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import calendar as cal
from . import periods
from .accept import prev_word
from .extract import Candidate
from .lexicon import (
    EASTER_HOLIDAYS,
    FLOATING_HOLIDAYS,
    GENERIC_TODAY_NOUNS,
    HOLIDAYS,
    PARTS_OF_DAY,
    UTC_ZONES,
    VAGUE_WORDS,
    WEEKDAYS,
)
from .normalize import ANCHOR_REACH, Context, Found, _number, _unit, duration_value

# "Today," opening a clause in the present tense is generic: the present, not the day; so is "And
# today," or "But today," opening a sentence ("… they could not work. And today, work is survival")
_GENERIC_TODAY = re.compile(r"[Tt]oday,(?![ \t]+(?:I|I'm|we|you)\b)")
_CLAUSE_OPENING = re.compile(r"(?:^|[.!?:;]['\"’”]?[ \t\n]+|\n[ \t]*|[\"“‘'][ \t]*)(?:(?:And|But)[ \t]+)?$")
_THAN_AFTER = re.compile(r"[ \t]+than\b")
_THEN_BEFORE = re.compile(r"\b[Tt]hen[ \t-]+$")
# "over the next decade", "for the coming year": the stretch of time from now (TimeML DURATION)
_STRETCH_BEFORE = frozenset({"over", "for", "within", "throughout"})
_PERIOD = {"week", "weekend", "month", "year", "decade", "century", "quarter"}


def _parse_day(value: str | None) -> date | None:
    if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value[:10]) and (len(value) == 10 or value[10] == "T"):
        return date.fromisoformat(value[:10])
    return None


def period_value(unit: str, d: date) -> str:
    """The value of the calendar ``unit`` ("week", "month", ...) that contains day ``d``."""
    if unit == "day":
        return d.isoformat()
    if unit == "week":
        return cal.iso_week(d)
    if unit == "weekend":
        return cal.iso_week(d) + "-WE"
    if unit == "month":
        return cal.iso_month(d.year, d.month)
    if unit == "quarter":
        y, q = cal.quarter_of(d)
        return f"{y}-Q{q}"
    if unit == "decade":
        return str(d.year)[:3]
    if unit == "century":
        return str(d.year)[:2]
    return str(d.year)


def shift(d: date, unit: str, k: int) -> date:
    """``d`` moved by ``k`` calendar units."""
    if unit in ("day", "night"):
        return d + timedelta(days=k)
    if unit in ("week", "weekend", "fortnight"):
        return d + timedelta(days=7 * k * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return d
    y, m = cal.add_months(d.year, d.month, k * months)
    return date(y, m, min(d.day, cal.last_day(y, m)))


def _with_part(d: date | None, part: str | None) -> tuple[str, str]:
    base = d.isoformat() if d else "XXXX-XX-XX"
    if part:
        return "TIME", f"{base}T{PARTS_OF_DAY[part.lower()]}"
    return "DATE", base


def r_deictic(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    w = g["w"].lower()
    part = g.get("pod") or ("night" if w == "tonight" else None)
    if ctx.dct is None:
        return [(c.start, c.end, "TIME" if part else "DATE", "PRESENT_REF" if w in ("today", "tonight") else
                 ("PAST_REF" if w == "yesterday" else "FUTURE_REF"))]
    if w == "today" and not part and _GENERIC_TODAY.match(ctx.text, c.start) \
            and _CLAUSE_OPENING.search(ctx.text, max(0, c.start - 8), c.start) \
            and ctx.tense.verb_tense(c.start, c.end) == "present":
        return [(c.start, c.end, "DATE", "PRESENT_REF")]     # "Today, most people own a phone": nowadays
    if w == "today" and not part and (_generic_possessive(ctx.text, c.end) or _generic_subject(ctx, c.start, c.end)):
        return [(c.start, c.end, "DATE", "PRESENT_REF")]     # "today's world", "today's GM": nowadays
    d = ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
    ty, v = _with_part(d, part)
    return [(c.start, c.end, ty, v)]


_POSSESSIVE_NEXT = re.compile(r"['’]s[ \t]+([A-Za-z]+)([.,;:!?]?)(?:[ \t]+([a-z]+))?")
_GENERIC_BEFORE = re.compile(r"\b([A-Za-z]+)[ \t]+$")


def _generic_possessive(text: str, end: int) -> bool:
    """"today's" before a generic noun, alone or after one adjective ("today's young people"), or
    a name that ends the clause ("today's GM."): the present age, not the day ("today's Senate
    vote" is the day)."""
    m = _POSSESSIVE_NEXT.match(text, end)
    if not m:
        return False
    first, stop, second = m.group(1), m.group(2), m.group(3)
    if first.lower() in GENERIC_TODAY_NOUNS or (first[0].isupper() and bool(stop)):
        return True
    return first.islower() and not stop and second in GENERIC_TODAY_NOUNS


def _generic_subject(ctx: Context, start: int, end: int) -> bool:
    """"young people today face …": "today" after a generic noun, in a present clause."""
    m = _GENERIC_BEFORE.search(ctx.text, max(0, start - 20), start)
    return bool(m) and m.group(1).lower() in GENERIC_TODAY_NOUNS and ctx.tense.verb_tense(start, end) == "present"


def r_relunit(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    rel, unit = g["rel"].lower(), g["unit"].lower()
    the = bool(g.get("the"))
    if rel == "past" and unit == "weekend":   # "this past weekend": the last one
        rel = "last"
    if unit in _PERIOD and (rel == "past" or (the and rel in ("next", "coming")
                                              and prev_word(ctx.text, c.start).lower() in _STRETCH_BEFORE)):
        # "the past week", "over the next decade": the stretch of time up to or from now
        return [(c.start, c.end, "DURATION", duration_value("1", unit))]
    if rel in ("following", "same") or (the and rel in ("next", "previous")):
        by_year = unit in ("year", "decade", "century")      # "in 2011 … the following year": a bare year too
        base = _anchor_for(ctx.anchor_value(c.start, year=by_year), unit) or ctx.dct
    else:
        base = ctx.dct
    if base is None:
        return [(c.start, c.end, "DATE", {"last": "PAST_REF", "previous": "PAST_REF"}.get(rel, "FUTURE_REF")
                 if rel not in ("this", "current", "same") else "PRESENT_REF")]
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1, "upcoming": 1, "following": 1}.get(rel, 0)
    if unit in PARTS_OF_DAY:
        d = base + timedelta(days=step if unit == "night" or step else 0)
        return [(c.start, c.end, "TIME", f"{d.isoformat()}T{PARTS_OF_DAY[unit]}")]
    if unit == "weekend" and step == 0 and base == ctx.dct:
        return [(c.start, c.end, "DATE", _weekend(c, ctx))]
    return [(c.start, c.end, "DATE", period_value(unit, shift(base, unit, step)))]


def _weekend(c: Candidate, ctx: Context) -> str:
    """"this weekend", "over the weekend": the one just past in a past clause, else the coming one."""
    base = ctx.dct
    if ctx.tense.at(c.start, c.end) == "past" and base.isoweekday() < 6:
        base = base - timedelta(days=base.isoweekday())
    return period_value("weekend", base)


# How fine an anchor must be to count a unit from it: "the following month" needs a month or a day.
_ANY_YEAR = re.compile(r"\d{4}(?:-.*)?$")
_FINE_ENOUGH = {"month": re.compile(r"\d{4}-\d\d(?:-\d\d)?$"), "quarter": re.compile(r"\d{4}-(?:\d\d(?:-\d\d)?|Q[1-4])$"),
                "year": _ANY_YEAR, "decade": _ANY_YEAR, "century": _ANY_YEAR}


def _anchor_for(value: str | None, unit: str) -> date | None:
    """The day that ``unit`` is counted from in "the following <unit>": a day told before, or for
    units of a month or more, any date at least as fine as the unit ("In March … The following
    month" counts from March)."""
    if value is None:
        return None
    fine = _FINE_ENOUGH.get(unit)
    return _anchor_date(value) if fine is not None and fine.match(value) else _parse_day(value)


def _anchor_date(value: str | None) -> date | None:
    """A representative day of an anchor value (its first day for months and years)."""
    if not value:
        return None
    d = _parse_day(value)
    if d:
        return d
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m:
        return date(int(m[1]), int(m[2]), 1)
    m = re.fullmatch(r"(\d{4})-W(\d\d)", value)
    if m:
        return date.fromisocalendar(int(m[1]), int(m[2]), 1)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        return date(int(m[1]), 3 * int(m[2]) - 2, 1)
    m = re.fullmatch(r"(\d{4})", value)
    return date(int(m[1]), 1, 1) if m else None


_STEP = {"following": 1, "next": 1, "after": 1, "later": 1, "previous": -1, "preceding": -1, "prior": -1,
         "before": -1, "earlier": -1}


def _year_back(value: str) -> str | None:
    """``value`` one year earlier ("2009-Q3" -> "2008-Q3"), for "the same period a year earlier"."""
    m = re.match(r"(\d{4})(.*)$", value)
    if not m:
        return None
    y = int(m[1]) - 1
    rest = m[2]
    if rest == "-02-29":
        rest = "-02-28"
    return f"{y:04d}{rest}"


def r_anaphor(c: Candidate, ctx: Context) -> list[Found]:
    """"that day", "at the time", "the following week", "the day before": from the last date mentioned."""
    g = c.groups
    det = g["det"].lower().split()[-1]
    unit = g["unit"].lower()
    day_like = unit == "day" or unit in PARTS_OF_DAY
    if unit == "quarter" and not g.get("mod") and det in ("the", "that", "same"):
        value = (periods.quarter_ended(ctx, c.end) if det == "the" else None) \
            or periods.reported_quarter(ctx, c.start)        # "for the quarter", "that quarter"
        if value and g.get("ya"):                             # "the quarter a year ago"
            value = periods.years_back(value, 1)
        return [(c.start, c.end, "DATE", value)] if value else []
    if unit == "weekend" and det == "the" and not g.get("mod") and not g.get("after") and ctx.dct:
        return [(c.start, c.end, "DATE", _weekend(c, ctx))]     # "over the weekend": around the reference date
    if unit == "year" and g["det"].lower() == "the" and not g.get("after") and not g.get("mod") and not g.get("ya"):
        value = _year_of_sentence(ctx, c.start)        # "for the year", "nine months of the year"
        return [(c.start, c.end, "DATE", value)] if value else []
    # "that year", "the same year", "the year after": from the last year named, a bare "1988" included
    by_year = unit == "year" and (bool(g.get("after")) or det in ("that", "same"))
    anchor = ctx.anchor_value(c.start, day=day_like, year=by_year)
    if g.get("mod") and det == "the":
        return [(c.start, c.end, "DATE", period_value(unit, ctx.dct))] if ctx.dct else []
    if g.get("ya"):
        anchor = ctx.anchor_value(c.start)
        if unit == "period" and (anchor is None or _parse_day(anchor)):
            # a period is no single day: "(the quarter ended Sept. 30 …) the corresponding period last year"
            anchor = periods.reported_quarter(ctx, c.start, ended=True)
        value = _year_back(anchor) if anchor else None
        return [(c.start, c.end, "DATE", value)] if value else []
    if unit in ("time", "period"):        # "at the time" with no date before it: some time past
        return [(c.start, c.end, "DATE", anchor or ("PAST_REF" if unit == "time" else None))] \
            if anchor or unit == "time" else []
    if det in ("entire", "whole", "full"):
        anchor = ctx.anchor_value(c.start)
        base = _anchor_date(anchor) or ctx.dct
        return [(c.start, c.end, "DATE", period_value(unit, base))] if base else []
    base = _anchor_date(anchor)
    step = _STEP.get(g.get("after") or det, 0)
    if base is None:
        if (det == "the" and unit == "day") or step:
            base = ctx.dct
        if base is None:
            return []
    if unit in PARTS_OF_DAY:
        d = base + timedelta(days=step)
        return [(c.start, c.end, "TIME", f"{d.isoformat()}T{PARTS_OF_DAY[unit]}")]
    return [(c.start, c.end, "DATE", period_value(unit, shift(base, unit, step)))]


def _year_of_sentence(ctx: Context, pos: int) -> str | None:
    """The year of the last date named earlier in the sentence at ``pos``, else the reference year."""
    s_start, _ = ctx.tense.sentence(pos)
    for value, at in reversed(ctx.anchor_years):
        if at < s_start:
            break
        if at < pos:
            return value[:4]
    return str(ctx.dct.year) if ctx.dct else None


def r_in_the(c: Candidate, ctx: Context) -> list[Found]:
    """"late in the day", "earlier in the year": the day (year) of the last date mentioned."""
    unit = c.groups["unit"].lower()
    base = _anchor_date(ctx.anchor_value(c.start, day=unit == "day")) or ctx.dct
    return [(c.start, c.end, "DATE", period_value(unit, base))] if base else []


def r_ago(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    unit = g["unit"].lower()
    direction = g["dir"].lower()
    n = _number(g["num"])
    measure_end = g["_spans"]["dir"][0]
    while measure_end > c.start and ctx.text[measure_end - 1].isspace():
        measure_end -= 1
    measure = (c.start, measure_end)
    if direction in ("earlier", "later") and _THAN_AFTER.match(ctx.text, c.end):
        # "a month earlier than usual": a measure of how much earlier, not a date (TimeML)
        return [(*measure, "DURATION", duration_value(g["num"], unit))]
    if direction.startswith("from"):      # "eight years from now": a duration, and "now"
        return [(*measure, "DURATION", duration_value(g["num"], unit)), (c.end - 3, c.end, "DATE", "PRESENT_REF")]
    sign = 1 if direction in ("later", "after", "hence") else -1
    if direction in ("later", "earlier", "before", "after"):
        # "three years later": after the last year named, a bare "2011" included; shorter steps
        # count from the last full date
        anchor = ctx.anchor_value(c.start, year=_unit(unit)[0] == "Y") or ctx.anchor_value(c.start)
        base = _anchor_date(anchor) or ctx.dct
    else:
        base = ctx.dct
    if n is None or base is None:
        return [(c.start, c.end, "DATE", _vague_step(c, ctx, sign, base))]
    letter, factor = _unit(unit)
    n = n * factor
    if not float(n).is_integer():
        return [(c.start, c.end, "DATE", _vague_step(c, ctx, sign, base))]
    n = int(n)
    if letter == "Y" and sign < 0 and n == 1:      # "sales rose in the third quarter from a year earlier"
        same_period = periods.year_earlier(c, ctx, n)
        if same_period:
            return [(c.start, c.end, "DATE", same_period)]
    if letter.startswith("T"):
        return [(c.start, c.end, "DATE", base.isoformat())]
    if letter == "W" and n > 2:       # "six weeks ago": a count of weeks this long is a week, not a day
        return [(c.start, c.end, "DATE", cal.iso_week(base + timedelta(days=sign * 7 * n)))]
    if letter in ("D", "W"):
        return [(c.start, c.end, "DATE", (base + timedelta(days=sign * n * (7 if letter == "W" else 1))).isoformat())]
    if letter == "M" or letter == "Q":
        y, m = cal.add_months(base.year, base.month, sign * n * (3 if letter == "Q" else 1))
        return [(c.start, c.end, "DATE", cal.iso_month(y, m))]
    return [(c.start, c.end, "DATE", str(base.year + sign * n))]


def _vague_step(c: Candidate, ctx: Context, sign: int, base: date | None) -> str:
    """"a few days later" told in the past ("A few days later, on July 2, he announced") is some
    time past, not the future; "some years ago" is past."""
    if sign < 0:
        return "PAST_REF"
    told_past = ctx.tense.at(c.start, c.end) == "past" or (base is not None and ctx.dct is not None and base < ctx.dct)
    return "PAST_REF" if c.groups["dir"].lower() in ("later", "after") and told_past else "FUTURE_REF"


def r_weekday(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    wd = WEEKDAYS[g["wd"].lower()]
    part = g.get("pod")
    if ctx.dct is None:
        base = f"XXXX-WXX-{wd}"
        return [(c.start, c.end, "TIME" if part else "DATE", base + (f"T{PARTS_OF_DAY[part]}" if part else ""))]
    rel = (g.get("rel") or "").lower().split()[-1:] or [""]
    rel = rel[0]
    if rel in ("previous", "preceding", "following"):     # "the previous Friday": a week from the day told
        base = _parse_day(ctx.anchor_value(c.start, day=True)) or ctx.dct
        d = cal.weekday_date(wd, base, "future" if rel == "following" else "past", strict=True)
    elif rel in ("last", "past"):
        d = cal.weekday_date(wd, ctx.dct, "past", strict=True)
    elif rel in ("next", "coming"):
        d = cal.weekday_date(wd, ctx.dct, "future", strict=True)
    elif rel == "this":     # the day of this week, unless the clause's tense puts it on the other side
        d = ctx.dct + timedelta(days=wd - ctx.dct.isoweekday())
        tense = ctx.tense.at(c.start, c.end)
        if d > ctx.dct and tense == "past":
            d -= timedelta(days=7)          # "This Sunday, he crossed the Channel" told on a Tuesday
        elif d < ctx.dct and tense == "future":
            d += timedelta(days=7)          # "this Monday he will sign it" told on a Friday
    else:
        # "Wednesday's ruling" names a day just past, whatever the clause around it says
        possessive = ctx.text.startswith(("'s", "’s"), c.end)
        d = cal.weekday_date(wd, ctx.dct, "past" if possessive else _weekday_direction(c, ctx))
    ty, v = _with_part(d, part)
    return [(c.start, c.end, ty, v)]


def _weekday_direction(c: Candidate, ctx: Context) -> str | None:
    """The direction of a bare weekday: the tense of its clause (the plain present of an action is
    a schedule: "the leaders meet on Monday", ahead); in another present ("is open on Monday") the
    nearest such day, either way."""
    direction = ctx.tense.at(c.start, c.end)
    if direction is None and ctx.tense.verb_tense(c.start, c.end) == "present":
        return "near"
    return direction


def holiday_date(name: str, year: int) -> date:
    """The day of holiday ``name`` (lower case) in ``year``."""
    if name in HOLIDAYS:
        return date(year, *HOLIDAYS[name])
    if name in EASTER_HOLIDAYS:
        return cal.easter(year) + timedelta(days=EASTER_HOLIDAYS[name])
    month, wd, n, extra = FLOATING_HOLIDAYS[name]
    return cal.nth_weekday(year, month, wd, n) + timedelta(days=extra)


def r_holiday(c: Candidate, ctx: Context) -> list[Found]:
    """"Christmas", "Thanksgiving", "last Easter": the nearest one in the direction of the clause;
    "Easter week", "Christmas week": the (ISO) week that holds it."""
    name = c.groups["w"].lower()
    week = bool(c.groups.get("wk"))
    if c.groups.get("y"):
        d = holiday_date(name, int(c.groups["y"]))
    elif ctx.dct is None:
        fixed = HOLIDAYS.get(name)
        return [(c.start, c.end, "DATE", "XXXX-WXX" if week else
                 f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX")]
    else:
        rel = (c.groups.get("rel") or "").lower()
        direction = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(rel)
        if rel == "this":
            y = ctx.dct.year
        else:
            this_year = holiday_date(name, ctx.dct.year)
            y = cal.nearest_year(this_year.month, this_year.day, ctx.dct, direction or ctx.tense.at(c.start, c.end))
        d = holiday_date(name, y)
    return [(c.start, c.end, "DATE", cal.iso_week(d) if week else d.isoformat())]


def r_vague(c: Candidate, ctx: Context) -> list[Found]:
    w = c.groups["w"].lower()
    if w == "soon" and ctx.tense.verb_tense(c.start, c.end) == "past":
        return []       # "the trickle soon became a flood": soon after the story's time, not after now
    if w == "current" and _THEN_BEFORE.search(ctx.text, max(0, c.start - 6), c.start):
        return [(c.start, c.end, "DATE", "PAST_REF")]      # "the then-current chairman": current back then
    return [(c.start, c.end, "DATE", VAGUE_WORDS.get(w, "PAST_REF"))]


def r_vague_phrase(c: Candidate, ctx: Context) -> list[Found]:
    w = re.sub(r"\s+", " ", c.groups["w"].lower())
    if w.startswith("over the "):     # "over the years": the extent leaves out the preposition
        start = c.start + re.search(r"[Tt]he\b", c.groups["w"]).start()
        return [(start, c.end, "DURATION", duration_value(None, w.split()[-1]))]
    bare = w[4:] if w.startswith("the ") else w
    if bare.startswith(("past few", "last few", "next few", "coming ")):   # TimeML: a stretch of time
        return [(c.start, c.end, "DURATION", duration_value(None, w.split()[-1]))]
    if w.startswith("recent") or w == "the past":
        v = "PAST_REF"
    elif "time being" in w or w in ("these days", "right now"):
        v = "PRESENT_REF"
    else:
        v = "FUTURE_REF"
    return [(c.start, c.end, "DATE", v)]


def r_clock_part(c: Candidate, ctx: Context) -> list[Found]:
    """"4 in the morning", "9:30 in the evening": a clock time; the day is filled in by :func:`date_times`."""
    g = c.groups
    h = int(g["h"]) % 12 + (12 if g["pod"].lower() != "morning" else 0)
    return [(c.start, c.end, "TIME", f"T{h:02d}:{int(g.get('mi') or 0):02d}")]


def r_part_mod(c: Candidate, ctx: Context) -> list[Found]:
    """"mid-afternoon", "late evening Friday": a part of a day (TimeML TIME "TAF"), dated like a clock time."""
    return [(c.start, c.end, "TIME", "T" + PARTS_OF_DAY[c.groups["pod"].lower()])]


def r_noon(c: Candidate, ctx: Context) -> list[Found]:
    return [(c.start, c.end, "TIME", "T24:00" if c.groups["w"].lower() == "midnight" else "T12:00")]


def r_time(c: Candidate, ctx: Context) -> list[Found]:
    """Clock times; the day is filled in afterwards by :func:`date_times`."""
    g = c.groups
    h, mi = int(g["h"]), int(g.get("mi") or 0)
    ap = (g.get("ap") or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 24 or (ap and int(g["h"]) > 12):
        return []
    zone = g.get("z") or ""
    suffix = "Z" if any(z in zone for z in UTC_ZONES) and not re.search(r"\d", zone) else ""
    return [(c.start, c.end, "TIME", f"T{h:02d}:{mi:02d}{suffix}")]


# What may stand between a clock time and the day it belongs to: "6 p.m. local time (1700 UTC) tomorrow".
_TIME_TO_DAY = re.compile(r"\)?[ ,]*(?:local time)?[ ,]*(?:\([^()\n]{0,25}\))?[ ,]*(?:on )?", re.I)


# A day named in an earlier sentence dates a clock time only when it is this close to the reference date.
_RECENT_DAYS = 7
# A blank line: the end of a paragraph, beyond which a day named does not date a clock time.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


def _day_of_paragraph(days: list[tuple[int, int, str]], s: int, e: int, ctx: Context) -> str | None:
    """The last day named earlier in the paragraph of a clock time at ``s:e``, when it lies in the
    direction of the time's clause ("Fire broke out on Friday. … The roof fell in at 3 p.m."):
    a past clause takes no later day than the reference date, a future one no earlier day."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(ctx.text, max(0, s - ANCHOR_REACH), s)]
    para_start = breaks[-1] if breaks else max(0, s - ANCHOR_REACH)
    before = [d for ds, de, d in days if para_start <= ds and de <= s]
    if not before:
        return None
    day, direction = before[-1], ctx.tense.at(s, e)
    if ctx.dct is None:
        return day
    if abs((date.fromisoformat(day) - ctx.dct).days) > _RECENT_DAYS:
        return None         # "his last vote was on September 11. At 2:45 a.m. … he died": an older day is background
    if direction == "past" and day > ctx.dct.isoformat() or direction == "future" and day < ctx.dct.isoformat():
        return None
    return day


_DAY_NEXT_TO = re.compile(r"\b[Tt]he[ \t]+day[ \t]+(?P<dir>before|after)[ \t]+$")


def day_next_to(found: list[Found], text: str) -> list[Found]:
    """"the day before last Tuesday", "the day after Christmas": one DATE, the day told moved by one."""
    out: list[Found] = []
    for s, e, ty, v in found:
        m = _DAY_NEXT_TO.search(text, max(0, s - 20), s)
        d = _parse_day(v) if ty == "DATE" and len(v) == 10 else None
        if m and d:
            d += timedelta(days=1 if m.group("dir") == "after" else -1)
            s, v = m.start(), d.isoformat()
        out.append((s, e, ty, v))
    return out


def date_times(found: list[Found], ctx: Context) -> list[Found]:
    """Give each bare clock time ("T15:00") the day it belongs to: a day named right next to it
    ("12:00 UTC Monday", "16:15 UTC, June 1"), else the last day named in its sentence, else the
    last day named earlier in its paragraph (see :func:`_day_of_paragraph`), else the reference date."""
    # a day with its part ("Saturday morning", TIME) dates a clock time as well as a bare day does
    days = [(s, e, v[:10]) for s, e, ty, v in found if ty in ("DATE", "TIME") and _parse_day(v)]
    out = []
    for s, e, ty, v in found:
        if ty != "TIME" or not v.startswith("T"):
            out.append((s, e, ty, v))
            continue
        tail = re.search(r"(?i)(today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$",
                         ctx.text[s:e])
        day = None
        if tail and ctx.dct:
            w = tail.group(1).lower()
            if w in WEEKDAYS:
                day = cal.weekday_date(WEEKDAYS[w], ctx.dct, ctx.tense.at(s, e)).isoformat()
            else:
                day = (ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))).isoformat()
        if day is None:
            after = [d for ds, de, d in days if 0 <= ds - e <= 40 and _TIME_TO_DAY.fullmatch(ctx.text[e:ds])]
            sent_start, _ = ctx.tense.sentence(s)
            before = [d for ds, de, d in days if sent_start <= ds and de <= s]
            day = after[0] if after else (before[-1] if before else _day_of_paragraph(days, s, e, ctx))
            day = day or (ctx.dct.isoformat() if ctx.dct else None)
        out.append((s, e, ty, (day or "XXXX-XX-XX") + v))
    return out
