"""Long or pathological articles analysed in pieces, with offsets kept exact.

An article is cut only when it would make a stage's work grow faster than its length: when it is
longer than :data:`LONG_CHARS`, when it has a run of more than :data:`MAX_RUN` characters without a
sentence end, or more than :data:`MAX_QUOTES` quotation marks. Cuts fall at paragraph boundaries,
then at sentence ends, then (for a run without a sentence end) at white space. Each piece is
analysed on its own and the records are shifted back to offsets into the whole text, so
``text[start:end]`` still equals every reported text. Normal news articles are never cut.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import NamedTuple

from .types import Analysis, Paragraph

LONG_CHARS = 100_000     # longer articles are cut (spaCy's own limit is 1,000,000)
PIECE_CHARS = 20_000     # the most characters in one piece
MAX_RUN = 1_500          # a longer run without a sentence end is cut at white space...
RUN_CUT = 1_000          # ...into parts of at most this many characters, each its own piece
MAX_QUOTES = 400         # the most quotation marks in one piece (quote pairing is quadratic in them)
QUOTE_MARKS = "\"“”„«»"
_QUOTES = re.compile(f"[{QUOTE_MARKS}]")
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+")
_LONG_RUN = re.compile(r"[^.!?…\n]{" + str(MAX_RUN) + ",}")
# offset fields of each record, and index fields that count paragraphs
_OFFSETS = ("start", "end", "source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end",
            "timex_start", "timex_end", "trigger_start", "trigger_end")
_SPANS = ("segments", "evidence")
_PARAGRAPH_INDEX = ("paragraph", "duplicate_of")
_FIRST_PIECE_ONLY = {"headline": "body", "standfirst": "body"}   # later pieces have no headline
RECORD_LISTS = ("paragraphs", "sentences", "timexes", "entities", "attributions", "events", "quantities")


class Piece(NamedTuple):
    start: int
    end: int
    alone: bool = False      # a part of an over-long run: never joined to its neighbours


def needs_pieces(text: str) -> bool:
    """Whether ``text`` is long or pathological enough to be analysed in pieces."""
    if len(text) > LONG_CHARS:
        return True
    if len(_QUOTES.findall(text)) > MAX_QUOTES:
        return True
    return _LONG_RUN.search(text) is not None


def _split(text: str, start: int, end: int, pattern: re.Pattern) -> Iterator[tuple[int, int]]:
    pos = start
    for m in pattern.finditer(text, start, end):
        if m.end() < end:
            yield pos, m.end()
            pos = m.end()
    yield pos, end


def _run_parts(text: str, start: int, end: int) -> Iterator[Piece]:
    """A span without sentence ends in parts of at most RUN_CUT characters, cut after white space."""
    pos = start
    while end - pos > RUN_CUT:
        cut = max(text.rfind(" ", pos + 1, pos + RUN_CUT), text.rfind("\n", pos + 1, pos + RUN_CUT))
        cut = cut + 1 if cut > pos else pos + RUN_CUT
        yield Piece(pos, cut, alone=True)
        pos = cut
    yield Piece(pos, end, alone=end - start > RUN_CUT)


def _units(text: str) -> Iterator[Piece]:
    """Spans that tile ``text``: paragraphs, or the sentences (and run parts) of an oversized one."""
    for p0, p1 in _split(text, 0, len(text), _PARAGRAPH_END):
        para = text[p0:p1]
        if p1 - p0 <= PIECE_CHARS and len(_QUOTES.findall(para)) <= MAX_QUOTES and not _LONG_RUN.search(para):
            yield Piece(p0, p1)
            continue
        for s0, s1 in _split(text, p0, p1, _SENTENCE_END):
            yield from (_run_parts(text, s0, s1) if s1 - s0 > MAX_RUN else (Piece(s0, s1),))


def cut(text: str) -> list[Piece]:
    """Pieces that tile ``text``, each within the limits above, cut at the most natural boundary."""
    pieces: list[Piece] = []
    start = end = quotes = 0
    for unit in _units(text):
        n = len(_QUOTES.findall(text, unit.start, unit.end))
        if end > start and (unit.alone or unit.end - start > PIECE_CHARS or quotes + n > MAX_QUOTES):
            pieces.append(Piece(start, end))
            start, quotes = end, 0
        if unit.alone:
            pieces.append(unit)
            start = end = unit.end
            continue
        end, quotes = unit.end, quotes + n
    if end > start:
        pieces.append(Piece(start, end))
    return pieces


def _shift(record, offset: int, paragraphs: int, *, first: bool):
    changes = {}
    for name in _OFFSETS:
        value = getattr(record, name, None)
        if isinstance(value, int):
            changes[name] = value + offset
    for name in _SPANS:
        value = getattr(record, name, None)
        if value:
            changes[name] = tuple((a + offset, b + offset) for a, b in value)
    for name in _PARAGRAPH_INDEX:
        value = getattr(record, name, None)
        if isinstance(value, int):
            changes[name] = value + paragraphs
    if isinstance(record, Paragraph) and not first and record.kind in _FIRST_PIECE_ONLY:
        changes["kind"] = _FIRST_PIECE_ONLY[record.kind]
    return dataclasses.replace(record, **changes) if changes else record


def analyze_in_pieces(text: str, *, published: date | None, parse: Callable[[Iterable[str]], Iterable],
                      analyze_doc: Callable[..., Analysis], article_id: str | None = None) -> Analysis:
    """Analyse ``text`` piece by piece and merge the results: ``parse`` turns the pieces' texts into
    spaCy docs (lazily, e.g. ``nlp.pipe``), ``analyze_doc(doc, published=...)`` analyses one. The first
    piece fixes the reference date; the later ones are dated with it."""
    merged: dict[str, list] = {name: [] for name in RECORD_LISTS}
    head: Analysis | None = None
    pieces = cut(text)
    docs = parse(text[p.start:p.end] for p in pieces)
    for i, (piece, doc) in enumerate(zip(pieces, docs, strict=True)):
        part = analyze_doc(doc, published=published if head is None else head.published)
        head = head or part
        n_paragraphs = len(merged["paragraphs"])
        for name in RECORD_LISTS:
            merged[name].extend(_shift(r, piece.start, n_paragraphs, first=i == 0) for r in getattr(part, name))
    assert head is not None
    return Analysis(text=text, published=head.published, published_from=head.published_from,
                    article_id=article_id, **merged)
