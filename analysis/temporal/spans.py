"""The days a TIMEX3 value covers: ``2023-02`` -> 2023-02-01..2023-02-28, ``2023-SP`` ->
2023-03-01..2023-05-31 (Northern-hemisphere meteorological seasons), ``2023-W09`` -> its Monday to
Sunday. Durations, sets and vague references cover no fixed days (None, None)."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import SEASON_START, add_months, last_day

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_MONTH = re.compile(r"(\d{4})-(\d\d)$")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE|-\d)?$")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEARISH = re.compile(r"(\d{2,4})$")


def _months(y: int, m: int, n: int) -> tuple[date, date]:
    y2, m2 = add_months(y, m, n - 1)
    return date(y, m, 1), date(y2, m2, last_day(y2, m2))


def value_span(value: str | None) -> tuple[date | None, date | None]:
    """First and last day covered by a TIMEX3 ``value``.

    >>> value_span("2023-02")
    (datetime.date(2023, 2, 1), datetime.date(2023, 2, 28))
    >>> value_span("2022-WI")
    (datetime.date(2022, 12, 1), datetime.date(2023, 2, 28))
    """
    if not value:
        return None, None
    try:
        m = _DAY.match(value)
        if m:
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        m = _MONTH.match(value)
        if m:
            return _months(int(m[1]), int(m[2]), 1)
        m = _WEEK.match(value)
        if m:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3] == "-WE":
                return monday + timedelta(days=5), monday + timedelta(days=6)
            if m[3]:
                d = monday + timedelta(days=int(m[3][1:]) - 1)
                return d, d
            return monday, monday + timedelta(days=6)
        m = _PART.match(value)
        if m:
            y, part = int(m[1]), m[2]
            if part[0] == "Q":
                return _months(y, 3 * int(part[1]) - 2, 3)
            if part[0] == "H":
                return _months(y, 6 * int(part[1]) - 5, 6)
            return _months(y, SEASON_START[part], 3)
        m = _YEARISH.match(value)
        if m:
            digits = m[1]
            span = 10 ** (4 - len(digits))
            first = int(digits) * span
            return date(first, 1, 1), date(first + span - 1, 12, 31)
    except ValueError:
        return None, None
    return None, None
