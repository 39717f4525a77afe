"""The publication date of an article that does not give one, inferred from its own text.

Sources, strongest first: a dateline ("Friday, January 4, 2019" on its own line, "NEW DELHI,
March 2 (Reuters) -"), then the latest full date of the article that is not in a future clause
(captions are dated with the day of the story: "… in Berlin, on March 2, 2023"), then a day of
the month whose weekday agrees with a weekday the article mentions ("on Thursday" and "March 2":
a year in which March 2 is a Thursday).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..lexicons import WIRE_AGENCIES
from ..types import Paragraph
from .calendar import safe_date
from .lexicon import WEEKDAYS
from .normalize import Found
from .tense import Tense

DATELINE_PARAGRAPHS = 4          # a dateline sits in the first few paragraphs
DATELINE_SHARE = 0.5             # ... and the date is most of its paragraph
_AGENCY = "|".join(sorted((re.escape(a) for a in WIRE_AGENCIES), key=len, reverse=True))
# "NEW DELHI, March 2 (Reuters) -", "LONDON (AP) — ", "Kyiv, 2 March (AFP) -"
WIRE_DATELINE = re.compile(rf"^[A-Z][\w .,'’-]{{0,60}}?[,\s]\s*(?P<date>[^()\n]{{3,25}}?)\s*\((?:{_AGENCY})\)\s*[-–—]")
_FULL = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")
_PARTIAL = re.compile(r"XXXX-(\d\d)-(\d\d)$")
_WEEKDAY = re.compile(r"XXXX-WXX-(\d)")
_WEEKDAY_NAME = re.compile(r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")


def _day(value: str) -> date | None:
    m = _FULL.match(value[:10])
    return safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _dateline(text: str, found: Sequence[Found], paragraphs: Sequence[Paragraph]) -> tuple[date | None, str | None]:
    """A full date that makes up most of one of the first paragraphs, or the date of a wire dateline
    (which may lack its year: then its value is returned as ``XXXX-MM-DD``)."""
    heads = list(paragraphs[:DATELINE_PARAGRAPHS]) if paragraphs else []
    if not heads:
        first = text.lstrip()[:200].split("\n", 1)[0]
        off = len(text) - len(text.lstrip())
        heads = [Paragraph(off, off + len(first), first, "body")]
    for p in heads:
        size = len(p.text.strip()) or 1
        for s, e, _ty, v in found:
            if p.start <= s and e <= p.end and (e - s) / size >= DATELINE_SHARE and _day(v):
                return _day(v), None
        m = WIRE_DATELINE.match(p.text)
        if m:
            ds, de = p.start + m.start("date"), p.start + m.end("date")
            for s, e, _ty, v in found:
                if ds <= s and e <= de:
                    if _day(v):
                        return _day(v), None
                    if _PARTIAL.match(v):
                        return None, v
    return None, None


def _year_for(partial: str, found: Sequence[Found], weekdays: set[int]) -> int | None:
    """The year that completes ``XXXX-MM-DD``: the one of the article's own dates, checked against
    the weekdays it mentions."""
    m = _PARTIAL.match(partial)
    month, day = int(m[1]), int(m[2])
    years = [int(v[:4]) for _s, _e, ty, v in found if ty == "DATE" and re.match(r"\d{4}", v)]
    if not years:
        return None
    latest = max(years)
    if not weekdays:
        return latest
    for y in (latest, latest + 1):
        d = safe_date(y, month, day)
        if d is not None and d.isoweekday() in weekdays:
            return y
    return None


def infer_published(text: str, found: Sequence[Found], *, paragraphs: Sequence[Paragraph], tense: Tense
                    ) -> date | None:
    """The publication date read from the article (``found`` are its timexes resolved without a
    reference date), or None when the text does not tell."""
    weekdays = {int(m[1]) for _s, _e, _ty, v in found if (m := _WEEKDAY.match(v))}
    weekdays |= {WEEKDAYS[m[0].lower()] for s, e, _ty, v in found if _PARTIAL.match(v) and (m := _WEEKDAY_NAME.search(text, s, e))}
    full, partial = _dateline(text, found, paragraphs)
    if full:
        return full
    if partial:
        year = _year_for(partial, found, weekdays)
        if year:
            return safe_date(year, int(partial[5:7]), int(partial[8:10]))
    past = [(s, e, v) for s, e, ty, v in found if ty == "DATE" and tense.at(s, e) != "future"]
    years = [int(v[:4]) for _s, _e, v in past if re.match(r"\d{4}(?:-\d\d)*$", v)]
    dated = [_day(v) for _s, _e, v in past if _day(v)]
    if dated and max(dated).year >= max(years):    # a full date older than a year the article names is history
        return max(dated)
    partials = [v for _s, _e, v in past if _PARTIAL.match(v)]
    if partials and weekdays:
        latest = max(partials, key=lambda v: (int(v[5:7]), int(v[8:10])))
        year = _year_for(latest, found, weekdays)
        if year:
            return safe_date(year, int(latest[5:7]), int(latest[8:10]))
    return None
