"""TIMEX3 types and values for the extents found by :mod:`.extract`.

Each rule has a resolver ``(cand, ctx) -> [(start, end, type, value), ...]``. Deictic and
underspecified expressions ("Thursday", "last February", "this morning") resolve against the
reference date ``ctx.dct`` and the tense of their clause; anaphoric ones ("that day", "at the
time", "the following week") against the last date mentioned, when it is near enough to be
reliable. Without a reference date, values keep ``X`` placeholders (``XXXX-03-02``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import calendar as cal
from .extract import Candidate
from .lexicon import (
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SEASONS,
    SPELLED_DECADES,
    UNITS,
    WEEKDAYS,
)
from .tense import Tense

Found = tuple[int, int, str, str]
ANCHOR_REACH = 1500        # characters within which the last date mentioned anchors "that day"
_YEAR_AFTER = re.compile(r",?[ \t]+(?:of[ \t]+)?(last|this|next)[ \t]+year\b", re.IGNORECASE)
_RATE_BEFORE = re.compile(r"(?:\d[\d,.]*%?|million|billion|thousand|hundred|percent|times|once|twice)"
                          r"(?:[ \t]+(?!(?:after|before|in|of|for|the|and|or|to|on|at|by|with|from|than|over|"
                          r"about|nearly|almost|was|were|is|are|had|has|have|been|be|it|they)\b)[a-z]+){0,2}[ \t]+$")
_VAGUE_NUM = re.compile(r"(?i)^(?:several|many|some|a few|few|numerous|multiple|"
                        r"dozens of|hundreds of)$")


_PAST_AUXILIARY = re.compile(r"\b(?:was|were|had|did)\b", re.I)


@dataclass
class Context:
    text: str
    dct: date | None
    tense: Tense
    # (value, position) of every date mentioned so far, of every day, and of every year (bare years included)
    anchors: list[tuple[str, int]] = field(default_factory=list)
    anchor_days: list[tuple[str, int]] = field(default_factory=list)
    anchor_years: list[tuple[str, int]] = field(default_factory=list)
    days: list[tuple[int, str]] = field(default_factory=list)   # (position, YYYY-MM-DD) of day dates

    def _plainly_past(self, pos: int) -> bool:
        """The clause around ``pos`` has a past auxiliary ("were released later that day")."""
        start, end = self.tense.sentence(pos)
        return bool(_PAST_AUXILIARY.search(self.text, max(start, pos - 80), min(end, pos + 40)))

    def anchor_value(self, pos: int, *, day: bool = False, year: bool = False) -> str | None:
        """The last date mentioned before ``pos`` (within reach) that can anchor "that day" or
        "three years later". A clause in the past tense is not anchored to a date after the
        reference date ("take effect on December 10 … were released later the same day")."""
        anchors = self.anchor_days if day else self.anchor_years if year else self.anchors
        past = self.dct is not None and self._plainly_past(pos)
        for value, at in reversed(anchors):
            if pos - at > ANCHOR_REACH:
                return None
            if past and value[:10] > self.dct.isoformat()[:len(value[:10])]:
                continue
            return value
        return None


def _number(word: str) -> float | None:
    w = word.lower().replace("-", " ")
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _unit(word: str) -> tuple[str, float]:
    w = word.lower()
    return UNITS.get(w) or UNITS.get(w[:-1]) or UNITS[w.rstrip("s").rstrip("ie") + ("y" if w.endswith("ies") else "")]


# A fraction of a unit written in the next smaller one (TimeML: "2 1/2 years" is P2Y6M)
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def _mixed_duration(n: float, letter: str) -> str | None:
    """ "P2Y6M" for 2.5 years, "PT5H30M" for 5.5 hours; None when the fraction is no whole number
    of the smaller unit."""
    small, per = _SMALLER[letter]
    whole, rest = int(n), (n - int(n)) * per
    if not float(rest).is_integer():
        return None
    head = f"{whole}{letter[-1]}" if whole else ""
    tail = f"{int(rest)}{small[-1]}"
    if small.startswith("T") and not letter.startswith("T"):
        return f"P{head}T{tail}"          # 1.5 days: P1DT12H
    return f"PT{head}{tail}" if small.startswith("T") else f"P{head}{tail}"


def duration_value(num: str | None, unit: str, half: bool = False) -> str:
    letter, factor = _unit(unit)
    n = None if num is None or _VAGUE_NUM.match(num) else _number(num)
    if n is not None:
        n = n * factor + (0.5 * factor if half else 0)
    if n is not None and not float(n).is_integer() and letter in _SMALLER:
        mixed = _mixed_duration(n, letter)
        if mixed:
            return mixed
    amount = "X" if n is None else cal.fmt_number(n)
    # "decades" is some number of years (PXY: TimeBank and MEANTIME alike); "centuries" keeps its unit
    if letter == "Y" and factor == 100 and n is None:
        letter = "CE"
    if letter.startswith("T"):
        return f"PT{amount}{letter[1:]}"
    return f"P{amount}{letter}"


def _day_value(ctx: Context, month: int, day: int, year: int | None, start: int, end: int, wd: str | None = None
               ) -> str | None:
    if year is None:
        if ctx.dct is None:
            return f"XXXX-{month:02d}-{day:02d}"
        year = cal.nearest_year(month, day, ctx.dct, ctx.tense.at(start, end), strict=ctx.tense.ended_before(start))
        if wd:   # "Thursday, March 2": pick the nearby year where the weekday agrees
            for y in (year, year - 1, year + 1):
                d = cal.safe_date(y, month, day)
                if d is not None and d.isoweekday() == WEEKDAYS[wd.lower()]:
                    year = y
                    break
    d = cal.safe_date(year, month, day)
    return d.isoformat() if d else None


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _year2(yy: str, dct: date | None) -> int:
    n = int(yy)
    pivot = (dct.year % 100 + 5) if dct else 30
    return 2000 + n if n <= pivot else 1900 + n


def r_iso(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    d = cal.safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
    if d is None:
        return []
    if g.get("hh"):
        return [(c.start, c.end, "TIME", f"{d.isoformat()}T{g['hh']}:{g['mi']}")]
    return [(c.start, c.end, "DATE", d.isoformat())]


def r_slash(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    a, b = int(g["a"]), int(g["b"])
    y = int(g["y"]) if len(g["y"]) == 4 else _year2(g["y"], ctx.dct)
    month, day = (b, a) if a > 12 else (a, b)       # US order unless the first number cannot be a month
    d = cal.safe_date(y, month, day)
    return [(c.start, c.end, "DATE", d.isoformat())] if d else []


def _year_named_after(ctx: Context, end: int) -> int | None:
    """The year of a day of the month that a relative year follows ("July 13 of last year", "on
    March 5 this year", "July 13 to 17 of last year"); that year expression is a timex of its own."""
    m = _YEAR_AFTER.match(ctx.text, end, min(len(ctx.text), end + 24))
    if m is None or ctx.dct is None:
        return None
    return ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m.group(1).lower()]


def r_md(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    month = _month_num(g["mon"])
    day = int(re.match(r"\d+", g["d"]).group())
    year = int(g["y"]) if g.get("y") else _year_named_after(ctx, c.end)
    spans = g["_spans"]
    if "d2" not in g:
        if year is None and g.get("rel") and ctx.dct is not None:     # "last Oct. 23", "next March 5"
            year = year_by_rel(g["rel"], month, day, ctx.dct)
        v = _day_value(ctx, month, day, year, c.start, c.end, g.get("wd"))
        return [(c.start, c.end, "DATE", v)] if v else []
    day2 = int(re.match(r"\d+", g["d2"]).group())
    if c.rule == "md_range":
        first = (c.start, spans["d"][1])
        second = (spans["d2"][0], c.end)
    else:
        first = (c.start, spans["d"][1])
        second = (spans["d2"][0], c.end)
    v1 = _day_value(ctx, month, day, year, c.start, c.end)
    out = [(first[0], first[1], "DATE", v1)] if v1 else []
    if v1:
        y = int(v1[:4]) if v1[0].isdigit() else None
        v2 = _day_value(ctx, month, day2, y, c.start, c.end)
        if v2:
            out.append((second[0], second[1], "DATE", v2))
    return out


def r_my(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    if g.get("y"):
        year = int(g["y"])
    elif ctx.dct is None:
        return [(c.start, c.end, "DATE", f"XXXX-{_month_num(g['mon']):02d}")]
    else:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(g["rel"], 0)
    return [(c.start, c.end, "DATE", cal.iso_month(year, _month_num(g["mon"])))]


def r_month(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    month = _month_num(g["mon"])
    if ctx.dct is None:
        return [(c.start, c.end, "DATE", f"XXXX-{month:02d}")]
    year = year_by_rel(g.get("rel") or "", month, None, ctx.dct)
    if year is None:
        year = cal.nearest_year(month, None, ctx.dct, ctx.tense.at(c.start, c.end))
    return [(c.start, c.end, "DATE", cal.iso_month(year, month))]


def year_by_rel(rel: str, month: int, day: int | None, dct: date) -> int | None:
    """The year of "last/next/this <month> [<day>]": the latest one before ``dct``, the first one
    after it, or the one of its year (None for another word)."""
    rel = rel.lower()
    then, now = (month, day or 0), (dct.month, dct.day if day is not None else 0)
    if rel in ("last", "past"):
        return dct.year if then < now else dct.year - 1
    if rel in ("next", "coming"):
        return dct.year if then > now else dct.year + 1
    return dct.year if rel == "this" else None


def r_month_range(c: Candidate, ctx: Context) -> list[Found]:
    """"March–May 2023", "from June to August": two months of one year (the first one a year
    earlier when it comes later in the calendar, "November to February")."""
    g = c.groups
    m1, m2 = _month_num(g["mon"]), _month_num(g["mon2"])
    second = g["_spans"]["mon2"][0]
    if g.get("y"):
        year2 = int(g["y"])
    elif ctx.dct is None:
        return [(c.start, c.start + len(g["mon"]), "DATE", f"XXXX-{m1:02d}"), (second, c.end, "DATE", f"XXXX-{m2:02d}")]
    else:
        year2 = cal.nearest_year(m2, None, ctx.dct, ctx.tense.at(second, c.end))
    year1 = year2 - 1 if m1 > m2 else year2
    return [(c.start, c.start + len(g["mon"]), "DATE", cal.iso_month(year1, m1)),
            (second, c.end, "DATE", cal.iso_month(year2, m2))]


def r_year(c: Candidate, ctx: Context) -> list[Found]:
    return [(c.start, c.end, "DATE", f"{int(c.groups['y']):04d}")]


def spoken_year(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "nineteen oh five" -> 1905, "the year two thousand" -> 2000."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in ("the", "year", "and")]
    if parts[:2] == ["two", "thousand"]:
        rest = parts[2:]
        return 2000 + int(NUMBER_WORDS[rest[0]]) if rest else 2000
    century = NUMBER_WORDS.get(parts[0])
    rest = parts[1:]
    if century is None or not rest:
        return None
    if rest == ["hundred"]:
        return int(century) * 100
    tail = sum(int(NUMBER_WORDS[w]) for w in rest if w != "oh")
    return int(century) * 100 + tail


def r_spoken_year(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    year = spoken_year(g["sy"])
    if year is None:
        return []
    if g.get("mon"):
        return [(c.start, c.end, "DATE", cal.iso_month(year, _month_num(g["mon"])))]
    return [(c.start, c.end, "DATE", f"{year:04d}")]


def r_short_year(c: Candidate, ctx: Context) -> list[Found]:
    return [(c.start, c.end, "DATE", str(_year2(c.groups["yy"], ctx.dct)))]


def decade_value(dec: str) -> str:
    """"1990s" -> 199, "'80s" -> 198, "the 1800s" -> 18 (the 19th century, not 1800-1809)."""
    dec = dec.lstrip("'’")
    if len(dec) == 5 and dec.endswith("00s") and dec < "2000s":
        return dec[:2]
    if len(dec) == 5:
        return dec[:3]
    return ("20" if dec[0] in "01" else "19") + dec[0]


def r_decade(c: Candidate, ctx: Context) -> list[Found]:
    return [(c.start, c.end, "DATE", decade_value(c.groups["dec"]))]


def r_spelled_decade(c: Candidate, ctx: Context) -> list[Found]:
    """"the nineties" -> 199, as "the 1990s"."""
    return [(c.start, c.end, "DATE", SPELLED_DECADES[c.groups["dec"].lower()])]


def r_century(c: Candidate, ctx: Context) -> list[Found]:
    o = c.groups["ord"].lower()
    n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else ORDINALS.get(o)
    if not n or n > 21:
        return []
    return [(c.start, c.end, "DATE", f"{n - 1:02d}")]


def _rel_year(rel: str | None, ctx: Context, start: int, end: int, unit_no: int, per_year: int) -> str:
    dct = ctx.dct
    if dct is None:
        return "XXXX"
    current = (dct.month - 1) * per_year // 12 + 1
    r = (rel or "").lower()
    if r in ("this", "current", "the"):
        return str(dct.year)
    if r in ("last", "previous"):
        return str(dct.year - 1)
    if r == "next":
        return str(dct.year + 1)
    tense = ctx.tense.at(start, end)
    if tense == "past" and unit_no > current:
        return str(dct.year - 1)
    if tense == "future" and unit_no < current - 1:    # the quarter just ended is reported on ahead
        return str(dct.year + 1)
    return str(dct.year)


def r_quarter(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    if g.get("dec"):        # "the last half of the '80s": a part of a decade, valued as the decade (TimeML)
        return [(c.start, c.end, "DATE", decade_value(g["dec"]))]
    o = g["ord"].lower()
    per_year = 4 if g["unit"] == "quarter" else 2
    letter = "Q" if per_year == 4 else "H"
    if o == "last" and not g.get("y") and not g.get("rel"):    # "the last quarter": the one before now
        if ctx.dct is None:
            return [(c.start, c.end, "DATE", "XXXX-" + letter + "X")]
        y, q = cal.quarter_of(ctx.dct)
        if per_year == 2:
            y, q = y, (1 if q <= 2 else 2)
        q -= 1
        if q == 0:
            y, q = y - 1, per_year
        return [(c.start, c.end, "DATE", f"{y}-{letter}{q}")]
    n = per_year if o in ("final", "last") else (int(o[0]) if o[0].isdigit() else ORDINALS[o])
    if n > per_year:
        return []
    year = g["y"] if g.get("y") else _rel_year(g.get("rel"), ctx, c.start, c.end, n, per_year)
    return [(c.start, c.end, "DATE", f"{year}-{letter}{n}")]


def r_qshort(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    y = (g.get("y1") or g.get("y") or "").strip()
    if not y:
        y = str(ctx.dct.year) if ctx.dct else "XXXX"
    return [(c.start, c.end, "DATE", f"{y}-{g['q']}")]


def r_week_of_day(c: Candidate, ctx: Context) -> list[Found]:
    """"the week of March 6": the (ISO) week that holds the day."""
    g = c.groups
    v = _day_value(ctx, _month_num(g["mon"]), int(re.match(r"\d+", g["d"]).group()), int(g["y"]) if g.get("y") else None,
                   c.start, c.end)
    if v is None:
        return []
    d = cal.safe_date(int(v[:4]), int(v[5:7]), int(v[8:10])) if v[0].isdigit() else None
    return [(c.start, c.end, "DATE", cal.iso_week(d) if d else "XXXX-WXX")]


def r_week_of(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    month = _month_num(g["mon"])
    year = int(g["y"]) if g.get("y") else (cal.nearest_year(month, None, ctx.dct, ctx.tense.at(c.start, c.end))
                                            if ctx.dct else None)
    if year is None:
        return [(c.start, c.end, "DATE", "XXXX-WXX")]
    o = g["ord"].lower()
    weekend = bool(g.get("we"))      # "the last weekend of July": its Saturday and Sunday, both in the month
    if o in ("last", "final"):
        d = date(year, month, cal.last_day(year, month))
        d = cal.add_days(d, -((d.isoweekday()) % 7))           # the last Sunday: the last whole week (weekend)
    else:
        d = cal.add_days(date(year, month, 1), 7 * (ORDINALS[o] - 1))
        first = 6 if weekend else 1                             # the first Saturday (Monday) of the month
        d = cal.add_days(d, (first + 7 - d.isoweekday()) % 7)
    return [(c.start, c.end, "DATE", cal.iso_week(d) + ("-WE" if weekend else ""))]


def r_season(c: Candidate, ctx: Context) -> list[Found]:
    g = c.groups
    code = SEASONS[g["s"].lower()]
    if g.get("y"):
        return [(c.start, c.end, "DATE", f"{g['y']}-{code}")]
    if ctx.dct is None:
        return [(c.start, c.end, "DATE", f"XXXX-{code}")]
    rel = (g.get("rel") or "").lower()
    if rel in ("last", "past", "previous"):
        y = cal.season_occurrence(code, ctx.dct, "past", strict=True)
    elif rel in ("next", "coming", "upcoming", "following"):
        y = cal.season_occurrence(code, ctx.dct, "future", strict=True)
    elif rel in ("this", "current"):
        y = cal.season_occurrence(code, ctx.dct, None)
    else:
        tense = ctx.tense.at(c.start, c.end)
        before = ctx.text[max(0, c.start - 8):c.start].lower()
        if tense is None and re.search(r"\b(?:in|during)\s+$", before):
            # "penguins feed in winter": a generic season, not a dated one ("spring shows signs
            # of hope" is this spring)
            return [(c.start, c.end, "DATE", f"XXXX-{code}")]
        y = cal.season_occurrence(code, ctx.dct, tense)
    return [(c.start, c.end, "DATE", f"{y}-{code}")]
