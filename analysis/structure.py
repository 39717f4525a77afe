"""Article structure: what kind each paragraph is, and sentences within paragraphs.

Paragraphs are blocks separated by blank lines; inside a block each line is its own paragraph
unless the block is hard-wrapped prose. A photo credit glued to the end of a caption
("… on March 2, 2023. © Odd Andersen/AFP") is split off as its own paragraph, so each piece has
one kind. Rules look at the shape of a paragraph (length, final punctuation, position) and at
small lexicons, never at a particular article.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .lexicons import WIRE_AGENCIES
from .temporal.extract import MONTH, WEEKDAY
from .types import Paragraph, Sentence

_AGENCY = "|".join(sorted((re.escape(a) for a in WIRE_AGENCIES), key=len, reverse=True))
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:de|van|von|da|di|del|la|le|[A-Z][\w'’.-]*)){0,4}"

# A credit standing alone or at the end of a caption: "© Odd Andersen/AFP", "Leah Millis/Reuters",
# "Photo: AP", "Image: Nicholas Moreau.", "(Reuters)", "Getty Images".
CREDIT_RE = re.compile(
    rf"""(?:
        ©\s*[^\n]{{1,80}}
      | (?:Photo(?:graph)?s?|Image|Picture|Pictures|Credit|Foto|Video|Illustration)\s*(?:credit)?\s*[:/]\s*[^\n]{{1,80}}
      | (?:\(?\s*(?:{_NAME}\s*/\s*)+(?:{_AGENCY})(?:\s*/\s*[\w ]+)?\s*\)?)
      | \(?(?:{_AGENCY})(?:\s+(?:Photo|Images|/\s*File|File))?\)?
    )[.]?$""", re.X)

# Sign-offs that say where the copy came from: "With Reuters and AP", "(Reporting by …; Editing by …)".
SIGNOFF_RE = re.compile(
    rf"""^\(?\s*(?:
        (?:With|Additional\ reporting\ by|Reporting\ by|Written\ by|Compiled\ by|Edited\ by|Editing\ by|
           Writing\ by|Contributing|Source|Sources|Agencies|Agency|Wires|Inputs\ from|Inputs)\b[^\n]{{0,160}}
      | (?:{_AGENCY})(?:\s*(?:,|and|&)\s*(?:{_AGENCY}))*\s*contributed\ to\ this\ (?:report|story|article)[^\n]*
      | [-–—]{{1,2}}\s*(?:{_AGENCY})
      | (?:{_AGENCY})(?:\s*(?:,|and|&|/)\s*(?:{_AGENCY}))+
    )\s*\)?\.?$""", re.X)
_WITH_WIRES = re.compile(rf"^(?:With|Via|From)\s+(?:{_AGENCY})(?:\s*(?:,|and|&)\s*(?:{_AGENCY}))*\.?$", re.I)

# Boilerplate that web pages and wire feeds leave in the text (seen across news sites and the
# boilerplate lists of trafilatura and jusText).
BOILERPLATE_RE = re.compile(
    r"""^(?:Source\ link|Read\ more|Read\ also|See\ also|Related(?:\ articles?|\ stories|\ content)?|More\ on\ this|
        Share(?:\ this)?(?:\ article|\ story)?|Advertisement|Sponsored|Subscribe[^\n]{0,80}|Sign\ up[^\n]{0,80}|
        Follow\ us[^\n]{0,80}|Click\ here[^\n]{0,80}|All\ rights\ reserved[^\n]{0,40}|Copyright[^\n]{0,80}|
        Comments?|Print|Email|Tweet|Loading[.…]*|Watch(?:\ the)?\ video|Listen\ to\ this\ article|
        This\ (?:article|story)\ (?:was|has\ been|is)\ [^\n]{0,120}|Sources?|External\ links?|
        Have\ your\ say[^\n]{0,60}|Skip\ to\ [^\n]{0,40})[.:!]?$""",
    re.X | re.I)

# Promotional lines that point elsewhere: "READ MORE: …", "WATCH: …", "Also read | …" (the teaser
# labels of news sites; a label in capitals or followed by a colon, a bar or a dash).
PROMO_RE = re.compile(
    r"""^(?:(?:READ\ MORE|READ\ ALSO|ALSO\ READ|MORE|WATCH|LISTEN|SEE\ ALSO|RELATED|RECOMMENDED|TRENDING|
        SIGN\ UP|SUBSCRIBE|FOLLOW|DON'T\ MISS|MUST\ READ|LIVE|VIDEO|PHOTOS|OPINION)\b\s*[:|–—-]
      | (?:Read\ more|Read\ also|Also\ read|More|Watch|Listen|See\ also|Related|Recommended|Don't\ miss|Must\ read|
           Sign\ up|Subscribe|Follow\ us)\s*[:|–—]\s*\S)""", re.X)
# A line that is only a date: "Friday, January 4, 2019", "March 01, 2008", "2023-03-02".
DATELINE_RE = re.compile(
    rf"^(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}})(?:\s*[\d:]+\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{{2,4}})?)?\.?$")
_CAPTION_START = re.compile(r"^(?:Photo|Pictured|Above|Below|Left|Right|File\ photo|FILE|Image|Caption)\b\s*[:—-]",
                            re.X)

_TERMINAL = re.compile(r"[.!?…:;,]['\"’”»)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…]['\"’”»)\]]*$")
MAX_HEADLINE_WORDS = 30
MAX_SUBHEAD_WORDS = 20


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text``, with the leading and trailing spaces trimmed."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _hard_wrapped(text: str, lines: Sequence[tuple[int, int]]) -> bool:
    """True when consecutive lines are one paragraph broken at a fixed width (plain-text e-mail style)."""
    if len(lines) < 2 or any(PROMO_RE.match(text[s:e]) or BOILERPLATE_RE.match(text[s:e]) or _is_credit(text[s:e])
                             for s, e in lines[1:]):
        return False          # a teaser, boilerplate or credit line is its own paragraph
    inner = lines[:-1]
    widths = [e - s for s, e in inner]
    return (min(widths) >= 40 and max(widths) <= 100 and max(widths) - min(widths) <= 30
            and not any(_SENTENCE_END.search(text[s:e]) for s, e in inner[:1])
            and all(text[e - 1] not in ".!?:”\"" for s, e in inner))


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line blocks, split into lines unless hard-wrapped."""
    spans: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []
    last_end = 0
    for s, e in _blocks(text):
        if block and text.count("\n", last_end, s) >= 2:
            spans.extend(_merge_block(text, block))
            block = []
        block.append((s, e))
        last_end = e
    if block:
        spans.extend(_merge_block(text, block))
    return spans


def _merge_block(text: str, block: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if _hard_wrapped(text, block):
        return [(block[0][0], block[-1][1])]
    return block


def _split_credit(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a trailing photo credit off a caption line: "…, 2023. © Odd Andersen/AFP"."""
    seg = text[start:end]
    for m in re.finditer(r"(?<=[.!?”\"])\s+(?=\S)", seg):
        tail = seg[m.end():]
        if CREDIT_RE.fullmatch(tail.strip()) and len(tail) < 90:
            return [(start, start + m.start()), (start + m.end(), end)]
    return [(start, end)]


def _words(s: str) -> int:
    return len(s.split())


def _is_credit(s: str) -> bool:
    return len(s) <= 90 and bool(CREDIT_RE.fullmatch(s))


def _is_signoff(s: str) -> bool:
    return len(s) <= 200 and bool(SIGNOFF_RE.match(s) or _WITH_WIRES.match(s))


def _is_headline_like(s: str, limit: int) -> bool:
    """Short, and not ending like a sentence of prose."""
    return 0 < _words(s) <= limit and not _TERMINAL.search(s.rstrip()) and s[:1] not in "(-–—•*"


def _title_case(s: str) -> bool:
    """A headline in title case, even with a final period ("Poll: Voters Abandon the Party.")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", s)
    long = [w for w in words if len(w) > 3]
    return 3 <= len(words) <= MAX_HEADLINE_WORDS and len(long) >= 2 and not re.search(r"[.!?]\s", s) \
        and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def classify(texts: Sequence[str]) -> list[tuple[str, int | None]]:
    """Kind (and the index of the paragraph it repeats, if any) of each paragraph text.

    >>> classify(["Storm hits coast", "A storm hit the coast on Monday.", "Source link"])
    [('headline', None), ('body', None), ('boilerplate', None)]
    """
    n = len(texts)
    kinds: list[str] = ["body"] * n
    dup: list[int | None] = [None] * n
    seen: dict[str, int] = {}
    for i, t in enumerate(texts):
        key = re.sub(r"\s+", " ", t).strip().lower()
        if key in seen and _words(t) >= 4:
            dup[i] = seen[key]
        else:
            seen.setdefault(key, i)
        if BOILERPLATE_RE.match(t) or PROMO_RE.match(t):
            kinds[i] = "boilerplate"
        elif DATELINE_RE.match(t):
            kinds[i] = "boilerplate"      # a bare dateline is metadata, not body text
        elif _is_credit(t):
            kinds[i] = "credit"
        elif _is_signoff(t) and (i >= n - 4 or _WITH_WIRES.match(t)):
            kinds[i] = "signoff"
    first = next((i for i in range(n) if kinds[i] == "body"), None)
    if first is not None and first <= 1 and n > 1 and (_is_headline_like(texts[first], MAX_HEADLINE_WORDS)
                                                        or _title_case(texts[first])):
        kinds[first] = "headline"
        nxt = next((i for i in range(first + 1, n) if kinds[i] == "body"), None)
        later_body = sum(1 for k in kinds[first + 2:] if k == "body")
        if nxt == first + 1 and later_body >= 2 and _SENTENCE_END.search(texts[nxt]):
            kinds[nxt] = "standfirst"
    for i, t in enumerate(texts):
        if kinds[i] != "body":
            continue
        followed_by_credit = i + 1 < n and kinds[i + 1] == "credit"
        if _CAPTION_START.match(t) or (followed_by_credit and _words(t) <= 60):
            kinds[i] = "caption"
        elif dup[i] is not None and kinds[dup[i]] in ("caption", "body") and followed_by_credit:
            kinds[i] = "caption"
        elif _is_headline_like(t, MAX_SUBHEAD_WORDS) and i > 0:
            kinds[i] = "subhead"
    for i in range(n):   # a paragraph printed twice, once bare and once with its credit: both captions
        if dup[i] is not None and kinds[i] == "caption":
            kinds[dup[i]] = "caption"
    return list(zip(kinds, dup, strict=True))


def find_paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of ``text`` with their kinds and offsets."""
    spans = [piece for s, e in _line_spans(text) for piece in _split_credit(text, s, e)]
    kinds = classify([text[s:e] for s, e in spans])
    return [Paragraph(s, e, text[s:e], kind, d) for (s, e), (kind, d) in zip(spans, kinds, strict=True)]


def find_sentences(doc, paragraphs: Sequence[Paragraph]) -> list[Sentence]:
    """Sentences from spaCy's parse, never crossing a paragraph boundary, trimmed of spaces. Each
    piece is read from its paragraph's text (``doc.text`` is rebuilt from the tokens on every read):
    what lies between the paragraphs of :func:`find_paragraphs` is only spaces and makes no sentence."""
    cuts = sorted({p.start for p in paragraphs} | {p.end for p in paragraphs})
    out: list[Sentence] = []
    pi = 0
    for sent in doc.sents:
        s0, e0 = sent.start_char, sent.end_char
        pieces = [s0, *cuts[bisect.bisect_right(cuts, s0):bisect.bisect_left(cuts, e0)], e0]
        for a, b in zip(pieces, pieces[1:], strict=False):
            while pi < len(paragraphs) - 1 and paragraphs[pi].end <= a:
                pi += 1
            if not (paragraphs and paragraphs[pi].start <= a < paragraphs[pi].end):
                continue   # text between paragraphs (only spaces) never makes a sentence
            para = paragraphs[pi]
            piece = para.text[a - para.start:b - para.start]
            text = piece.strip()
            if text:
                start = a + len(piece) - len(piece.lstrip())
                out.append(Sentence(start, start + len(text), text, pi))
    return out
