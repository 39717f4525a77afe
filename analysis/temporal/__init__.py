"""Temporal expressions (TIMEX3) and the article's reference date.

``date_article`` is the pipeline stage: it finds every temporal expression, settles the date the
article was published (given, or read from the text) and resolves each expression against it.
It needs only the text: the spaCy ``doc`` is accepted but not required.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from ..types import Paragraph, Sentence, Timex
from .extract import find_candidates
from .published import infer_published
from .spans import value_span
from .tagger import find_timexes, resolve, to_timex
from .tense import Tense

LOGGER = logging.getLogger(__name__)

__all__ = ["Dating", "date_article", "find_timexes", "value_span"]


class Dating(NamedTuple):
    published: date | None
    published_from: str | None        # "given", "text" or None
    timexes: list[Timex]


def date_article(text: str, *, given: date | None, paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence],
                 doc=None) -> Dating:
    """Timexes of ``text`` resolved against its publication date.

    ``given`` (the argument or the input's metadata) wins; otherwise the date is read from the
    article (dateline, dated captions, latest full date, weekday agreement).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    candidates = find_candidates(text)
    tense = Tense(text, [(s.start, s.end) for s in sentences] or None, doc=doc)
    published, source = given, ("given" if given else None)
    if published is None:
        published = infer_published(text, resolve(text, candidates, published=None, tense=tense),
                                    paragraphs=paragraphs, tense=tense)
        source = "text" if published else None
        LOGGER.debug("publication date from the text: %s", published)
    found = resolve(text, candidates, published=published, tense=tense)
    return Dating(published, source, [to_timex(text, item) for item in found])
