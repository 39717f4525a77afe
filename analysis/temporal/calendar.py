"""Calendar arithmetic for TIMEX3 values: months, ISO weeks, quarters, seasons, value strings."""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

NEAR_DAYS = 120        # a day of the month this close to the reference date needs no tense to place it
SEASON_ORDER = ("WI", "SP", "SU", "FA")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}   # meteorological seasons, Northern hemisphere


def iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def last_day(y: int, m: int) -> int:
    return _cal.monthrange(y, m)[1]


def add_days(d: date, k: int) -> date:
    return d + timedelta(days=k)


def season_of(d: date) -> tuple[int, str]:
    """The meteorological season containing ``d`` (December belongs to that year's winter)."""
    code = SEASON_ORDER[(d.month % 12) // 3]
    year = d.year - 1 if d.month in (1, 2) else d.year
    return year, code


def season_occurrence(code: str, dct: date, direction: str | None, strict: bool = False) -> int:
    """Year of the season ``code`` nearest to ``dct`` in ``direction`` ("past", "future" or None)."""
    cur_y, cur_code = season_of(dct)
    if code == cur_code and not strict:
        return cur_y
    index = SEASON_ORDER.index
    # seasons numbered on one axis: year*4 + position (winter of Y opens the Y+1 count)
    cur = cur_y * 4 + (index(cur_code) + (4 if cur_code == "WI" else 0))
    base = cur_y * 4 + index(code) + (4 if code == "WI" else 0)
    options = [base - 4, base, base + 4]
    if direction == "past":
        best = max(o for o in options if o < cur or (o == cur and not strict))
    elif direction == "future":
        best = min(o for o in options if o > cur or (o == cur and not strict))
    else:
        best = min(options, key=lambda o: (abs(o - cur), -o))
    return best // 4 - (1 if code == "WI" else 0)


def nearest_year(month: int, day: int | None, dct: date, direction: str | None, *, strict: bool = False) -> int:
    """The year of month (and day) closest to ``dct`` in ``direction`` ("past", "future"; "near" or
    None for either way: "the NATO summit in April", written in December, is next April).
    ``strict``: the direction holds for a day close to ``dct`` too ("the year ended Jan. 31")."""
    options = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        d = safe_date(y, month, day or 1)
        if d is None and day == 29:
            d = date(y, month, 28)
        if d is not None:
            options.append((y, d))
    if day is None:
        key = (dct.year, dct.month)
        if direction in ("near", None):
            return min((y for y, _ in options), key=lambda y: (abs(12 * (y - dct.year) + month - dct.month), y))
        if direction == "past":
            return max(y for y, _ in options if (y, month) <= key)
        if direction == "future":
            return min(y for y, _ in options if (y, month) >= key)
        return dct.year
    nearest = min(options, key=lambda o: (abs((o[1] - dct).days), -o[0]))
    if (abs((nearest[1] - dct).days) <= NEAR_DAYS and not strict) or direction in (None, "near"):
        return nearest[0]    # news dates a day of the month without its year when it is close
    if direction == "past":
        return max(y for y, d in options if d <= dct)
    return min(y for y, d in options if d >= dct)


def weekday_date(iso_wd: int, dct: date, direction: str | None, strict: bool = False) -> date:
    """The date of a weekday around ``dct``: the past one unless the clause is in the future ("near":
    the closer one either way)."""
    delta = iso_wd - dct.isoweekday()
    if direction == "near":
        return dct + timedelta(days=min((delta - 7, delta, delta + 7), key=lambda k: (abs(k), k)))
    if direction == "future":
        if delta < 0 or (strict and delta == 0):
            delta += 7
    elif delta > 0 or (strict and delta == 0):
        delta -= 7
    return dct + timedelta(days=delta)


def fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def easter(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, iso_wd: int, n: int) -> date:
    """The ``n``-th ``iso_wd`` of a month (``n`` = -1: the last one)."""
    if n < 0:
        last = date(year, month, last_day(year, month))
        return last - timedelta(days=(last.isoweekday() - iso_wd) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(iso_wd - first.isoweekday()) % 7 + 7 * (n - 1))
