"""Typed records shared by the stages.

Every record carries character offsets into the article text exactly as it was
passed in (Python ``str`` indices, end exclusive), so anything shown in a report
can be traced back to its sentence.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

PARAGRAPH_KINDS = ("headline", "standfirst", "subhead", "body", "caption", "credit", "signoff", "boilerplate")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
ATTRIBUTION_KINDS = ("direct", "mixed", "indirect", "according_to", "photo_credit", "wire_credit")
SOURCE_TYPES = ("person", "organisation", "media", "anonymous", "document", "social_media", "unknown")
EVENT_STATUSES = ("asserted", "attributed", "unverified", "expected", "background")
ATTRIBUTION_ACTS = ("speech", "belief", "intention", "evidence")
DATE_FROM = ("explicit", "discourse", "publication")


def _plain(value: Any) -> Any:
    """A JSON-serialisable copy of a record field."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        return value.to_dict()
    return value


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True, slots=True)
class Article(_Record):
    """One input article, as read by :mod:`analysis.ingest`."""
    article_id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    source_path: str | None = None
    sha256: str | None = None
    error: str | None = None
    warning: str | None = None    # what a reader should know: a guessed encoding, replaced bytes, a renamed id


@dataclass(frozen=True, slots=True)
class Paragraph(_Record):
    start: int
    end: int
    text: str
    kind: str
    duplicate_of: int | None = None   # index of the paragraph this one repeats (captions printed twice)


@dataclass(frozen=True, slots=True)
class Sentence(_Record):
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Timex(_Record):
    start: int
    end: int
    text: str
    type: str
    value: str
    date_start: date | None = None    # first day the value covers ("2023-02" -> 2023-02-01)
    date_end: date | None = None      # last day it covers ("2023-02" -> 2023-02-28)


@dataclass(frozen=True, slots=True)
class Entity(_Record):
    start: int
    end: int
    text: str
    label: str
    canonical: str


@dataclass(frozen=True, slots=True)
class Quantity(_Record):
    start: int
    end: int
    text: str
    number: float | None
    unit: str                 # what is counted: "nuclear warheads", "inhabitants", "kilometers"
    approximate: bool = False  # "at least", "about", "some"


@dataclass(frozen=True, slots=True)
class Attribution(_Record):
    kind: str
    source: str | None
    source_start: int | None
    source_end: int | None
    speaker: str | None
    source_type: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    content: str | None
    content_start: int | None
    content_end: int | None
    affiliation: str | None = None    # country or organisation the source speaks for
    channel: str | None = None        # "press service", "Telegram post", "press release"
    act: str | None = None            # speech, belief, intention or evidence; None for credits
    segments: tuple[tuple[int, int], ...] = ()   # [start, end] of each quoted piece, else the content span


@dataclass(frozen=True, slots=True)
class Event(_Record):
    date: str
    date_start: date | None
    date_end: date | None
    text: str
    start: int
    end: int
    actors: tuple[str, ...]
    status: str
    speaker: str | None
    timex_start: int
    timex_end: int
    evidence: tuple[tuple[int, int], ...] = ()   # every (start, end) that tells this event
    date_from: str = "explicit"       # explicit, discourse or publication: where the date comes from
    trigger_start: int | None = None  # the word that names the event (usually the main verb)
    trigger_end: int | None = None


@dataclass(frozen=True, slots=True)
class Analysis(_Record):
    """Everything found in one article. ``to_dict()`` is the public contract."""
    text: str
    published: date | None
    published_from: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    article_id: str | None = None
