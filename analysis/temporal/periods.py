"""Reporting periods of business and economic news: "the latest quarter", "the year-ago period",
"year-earlier profit", "the 1988 second quarter", "fiscal 1989", "the current fiscal year",
"year-end", and "a year earlier" said of a quarter or a month.

Such expressions name the period the article reports on, or the same period one year before it.
That period is the last quarter (or half, month or day) the article named; without one, the
quarter that ended last before the reference date (the one results are reported for). Values
follow the TimeML TIMEX3 guidelines as TimeBank applies them ("the year-ago quarter" = 1988-Q3).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import calendar as cal
from .extract import MONTH, Candidate
from .lexicon import MONTHS, ORDINALS
from .normalize import ANCHOR_REACH, Context, Found

_PERIOD_VALUE = re.compile(r"(\d{4})(-(?:Q[1-4]|H[12]|\d\d(?:-\d\d)?))$")
_QUARTERISH = re.compile(r"\d{4}-(?:Q[1-4]|H[12])$")
_BACK = re.compile(r"(?i)year-(?:ago|earlier)|prior-year|year-before|last\s+year['’]s")
# Results figures in a sentence: "$85.7 million", "19%", "65 cents a share", "4.5 billion"
# A sentence about a longer period than a quarter compares years: "in the first nine months ... a year earlier"
_LONGER_PERIOD = re.compile(r"(?i)\b(?:nine|six|twelve|12) months\b|\b(?:first|second) half\b|\b(?:full|fiscal) year\b")
_FIGURES = re.compile(r"[$€£¥]\s?\d|\d\s?%|\d\s+(?:percent|cents?|million|billion)\b")


def last_period(ctx: Context, pos: int, *, ended_by: date | None = None) -> str | None:
    """The last quarter or half named before ``pos`` (within twice the usual reach: a results
    story names its quarter once, at the top); with ``ended_by``, only one that ended before
    that day (results are reported for a period past, not for the one a charge will fall in)."""
    current = "{}-Q{}".format(*cal.quarter_of(ended_by)) if ended_by else None
    for value, at in reversed(ctx.anchors):
        if pos - at > 2 * ANCHOR_REACH:
            return None
        if _QUARTERISH.match(value) and (current is None or value < current):
            return value
    return None


def reported_quarter(ctx: Context, pos: int, *, ended: bool = False) -> str | None:
    """The quarter the article reports on: the last one it named (if ``ended``, only one that has
    begun by the reference date), else the one that ended last before the reference date."""
    value = last_period(ctx, pos)
    if ctx.dct is None:
        return value
    y, q = cal.quarter_of(ctx.dct)
    if value and not (ended and value >= f"{y}-Q{q}"):
        return value
    y, q = (y - 1, 4) if q == 1 else (y, q - 1)
    return f"{y}-Q{q}"


# "(the quarter) ended Sept. 30", "(the quarter) that ended on July 31, 1989"
_ENDED_ON = re.compile(rf"[ \t]+(?:that[ \t]+)?ended[ \t]+(?:on[ \t]+)?(?P<mon>{MONTH})[ \t]+(?P<d>\d{{1,2}})(?![\d])"
                       rf"(?:,?[ \t]+(?P<y>\d{{4}}))?")


def quarter_ended(ctx: Context, end: int) -> str | None:
    """"the quarter ended July 31": the calendar quarter that holds most of the three months
    ending on that day (May to July: 1989-Q2), the day taken in the past when it has no year."""
    m = _ENDED_ON.match(ctx.text, end)
    if m is None or (ctx.dct is None and not m["y"]):
        return None
    month, day = MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])
    year = int(m["y"]) if m["y"] else cal.nearest_year(month, day, ctx.dct, "past", strict=True)
    last = cal.safe_date(year, month, day)
    if last is None:
        return None
    y, q = cal.quarter_of(last - timedelta(days=45))
    return f"{y}-Q{q}"


def years_back(value: str, n: int) -> str | None:
    """``value`` ``n`` years earlier ("1989-Q3" -> "1988-Q3"; Feb 29 becomes Feb 28)."""
    m = _PERIOD_VALUE.match(value)
    if not m:
        return None
    rest = m[2]
    y = int(m[1]) - n
    if rest == "-02-29" and cal.safe_date(y, 2, 29) is None:
        rest = "-02-28"
    return f"{y:04d}{rest}"


def r_fin_period(c: Candidate, ctx: Context) -> list[Found]:
    """"the latest quarter", "the year-ago period", "the 1988 second quarter", "the year-earlier
    third quarter"."""
    g = c.groups
    adj = g["adj"].lower()
    # results are reported for a period that has begun: "the latest quarter", and the one "the
    # year-ago period" goes back from, are never a quarter a forecast named ahead
    current = reported_quarter(ctx, c.start, ended=adj.split()[0] in ("latest", "most") or bool(_BACK.fullmatch(adj)))
    if g.get("ord"):
        o = g["ord"].lower()
        q = int(o[0]) if o[0].isdigit() else ORDINALS[o]
        year = int(g["y"]) if g.get("y") else (int(current[:4]) if current else None)
        if year is None:
            return []
        if _BACK.fullmatch(adj) and not g.get("y"):
            year -= 1
        return [(c.start, c.end, "DATE", f"{year}-Q{q}")]
    if current is None:
        return []
    if g.get("y"):
        return [(c.start, c.end, "DATE", g["y"] + current[4:])]
    if _BACK.fullmatch(adj):
        current = years_back(current, 1)
    return [(c.start, c.end, "DATE", current)] if current else []


def r_year_back(c: Candidate, ctx: Context) -> list[Found]:
    """"year-earlier profit", "year-ago results": the reported period a year before."""
    current = reported_quarter(ctx, c.start, ended=True)
    if current is None:
        return [(c.start, c.end, "DATE", str(ctx.dct.year - 1))] if ctx.dct else []
    return [(c.start, c.end, "DATE", years_back(current, 1))]


def r_fiscal(c: Candidate, ctx: Context) -> list[Found]:
    """"fiscal 1989", "fiscal 2019-20", "this fiscal year", "the current fiscal year", "FY2020":
    the fiscal year is named by its year (TimeBank writes "fiscal 1989" as 1989)."""
    g = c.groups
    if g.get("y"):
        return [(c.start, c.end, "DATE", g["y"])]
    if ctx.dct is None:
        return [(c.start, c.end, "DATE", "XXXX")]
    rel = (g.get("rel") or "this").lower()
    step = {"last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}.get(rel, 0)
    return [(c.start, c.end, "DATE", str(ctx.dct.year + step))]


def r_year_ended(c: Candidate, ctx: Context) -> list[Found]:
    """"the year ended Sept. 30", "the fiscal year ending in June": a twelve-month period named by its
    end, which is dated on its own (TimeBank: a DURATION of one year)."""
    return [(c.start, c.end, "DURATION", "P1Y")]


def r_year_end(c: Candidate, ctx: Context) -> list[Found]:
    """"year-end", "by year's end": the current year (TimeBank marks the granularity of the year,
    as for "the end of the year")."""
    return [(c.start, c.end, "DATE", str(ctx.dct.year) if ctx.dct else "XXXX")]


def year_earlier(c: Candidate, ctx: Context, n: int) -> str | None:
    """"a year earlier" / "a year ago" said of a quarter, a month or a day named in the same
    sentence ("sales rose in the third quarter from a year earlier"): that period ``n`` years back.
    In a sentence that compares results ("revenue fell to $85 million from $93 million a year
    earlier"), the period is the quarter the article reports on, if it named one."""
    s_start, s_end = ctx.tense.sentence(c.start)
    for value, at in reversed(ctx.anchors):
        if at < s_start:
            break
        if _PERIOD_VALUE.match(value):
            return years_back(value, n)
    if _FIGURES.search(ctx.text, s_start, s_end) and not _LONGER_PERIOD.search(ctx.text, s_start, s_end):
        quarter = last_period(ctx, c.start, ended_by=ctx.dct)
        return years_back(quarter, n) if quarter else None
    return None
