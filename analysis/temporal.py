"""Temporal expressions (TIMEX3) and the article's reference date. Filled in by the dates issue."""
from __future__ import annotations

from typing import NamedTuple
from datetime import date

from .types import Timex


class Dating(NamedTuple):
    published: date | None
    published_from: str | None
    timexes: list[Timex]


def date_article(text, *, given, paragraphs, sentences, doc=None) -> Dating:
    return Dating(given, "given" if given else None, [])
