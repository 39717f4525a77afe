"""Quotation marks paired into quotations, paragraph by paragraph.

Pairs straight ("), curly (“ ” ‘ ’) and angle (« » ‹ ›) marks. Quotes nest; an apostrophe
("Moscow’s") is never a quote mark. Pairing restarts in every paragraph, so one unbalanced mark
never shifts the pairs of the rest of the article. A paragraph that leaves a quote open and a
next paragraph that reopens with a quote mark make one multi-paragraph quotation.

>>> [(q.start, q.end) for q in find_quotes('He said “yes” and ‘no’.')]
[(8, 13), (18, 22)]
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
ALL_MARKS = "\"“”„«»‘’‹›'"
_OPEN_BEFORE = " \t\n([{—–-/:;,…"  # characters after which a straight mark opens


class Quote(NamedTuple):
    start: int          # offset of the opening mark
    end: int            # offset just after the closing mark (or the paragraph's end if left open)
    closed: bool        # False when the quote runs to the end of a paragraph without a closing mark
    paragraphs: int = 1  # how many paragraphs it spans

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def _kind(text: str, i: int, stack: list[tuple[str, int]]) -> tuple[str, str] | None:
    """('open'|'close', 'd'|'s') for the mark at ``i``, or None when it is not a quote mark."""
    c = text[i]
    if c == "'" and text[i + 1:i + 2] == "'":
        c = '"'                           # '' used as a double quote mark (The New York Times)
    elif c == "'" and text[i - 1:i] == "'":
        return None
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if c in DOUBLE_OPEN:
        if c == "“" and stack and stack[-1][0] == "d" and text[stack[-1][1]] == "„":
            return ("close", "d")         # German „…“
        return ("open", "d")
    if c in DOUBLE_CLOSE:
        if not stack and (prev.isspace() or i == 0) and nxt.isalnum():
            return ("open", "d")          # a closing mark typed where an opening one belongs
        return ("close", "d")
    if c == '"':
        nxt = text[i + 2] if text[i:i + 2] == "''" and i + 2 < len(text) else nxt
        if prev.isspace() and stack and stack[-1][0] == "d" and text[:i].rstrip()[-1:] in "'’":
            return ("close", "d")         # "… the term 'outreach,' " he said": a space before the closing mark
        if prev.isspace() or i == 0 or prev in "([{—–/" or prev in DOUBLE_OPEN + SINGLE_OPEN:
            return ("open", "d") if not nxt.isspace() else None
        if nxt.isspace() or nxt in ".,;:!?)]}—–-…’”" or i + 1 == len(text):
            return ("close", "d")
        return ("close", "d") if stack and stack[-1][0] == "d" else ("open", "d")
    if c in "‘‹":
        return ("open", "s") if not prev.isalnum() else None
    if c in "’›'":
        if prev.isalnum() and nxt.isalnum():
            return None                   # don't, Moscow’s
        in_single = any(k == "s" for k, _ in stack)
        if c in "'" and prev in _OPEN_BEFORE and nxt.isalpha():
            return ("open", "s")
        if in_single and not nxt.isalnum():
            return ("close", "s")
        return None                       # a plural possessive (soldiers’) or a stray mark
    return None


def _pair(text: str, start: int, end: int, carry: bool) -> tuple[list[tuple[int, int]], int | None]:
    """Top-level pairs in text[start:end]; and the offset of a top-level double quote left open."""
    stack: list[tuple[str, int]] = [("d", -1)] if carry else []
    pairs: list[tuple[int, int]] = []
    for i in range(start, end):
        if text[i] not in ALL_MARKS:
            continue
        k = _kind(text, i, stack)
        if k is None:
            continue
        what, typ = k
        if what == "open":
            if typ == "d" and stack and stack[-1][0] == "d" and text[i] == '"':
                what = "close"            # a straight mark while a straight one is open closes it
            else:
                stack.append((typ, i))
                continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == typ:
                opened = stack[depth][1]
                del stack[depth:]
                if not stack:
                    pairs.append((opened, i + (2 if text[i:i + 2] == "''" else 1)))
                break
    return pairs, next((pos for typ, pos in stack if typ == "d"), None)


def find_quotes(text: str, paragraphs: Sequence | None = None) -> list[Quote]:
    """Top-level quotations of ``text``, in order. ``paragraphs`` are records with ``start``/``end``
    (every line is a paragraph when they are not given)."""
    if paragraphs is None:
        spans, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
    else:
        spans = [(p.start, p.end) for p in paragraphs]
    out: list[Quote] = []
    open_from: int | None = None      # start of a quote carried over from earlier paragraphs
    n_par = 0
    for pi, (s, e) in enumerate(spans):
        carry = open_from is not None
        pairs, left = _pair(text, s + 1 if carry else s, e, carry)
        for a, b in pairs:
            if a < 0:
                out.append(Quote(open_from, b, True, n_par + 1))
                open_from = None
            else:
                out.append(Quote(a, b, True))
        if left is not None and left < 0:
            n_par += 1                    # the carried quote stays open through this paragraph
        elif left is not None:
            open_from, n_par = left, 1
        else:
            open_from, n_par = None, 0
        nxt = spans[pi + 1][0] if pi + 1 < len(spans) else None
        if open_from is not None and (nxt is None or not _reopens(text[open_from], text[nxt])):
            # unbalanced: a quote left open runs to the paragraph's end, unless it is a stray mark
            if len(text[open_from:e].split()) >= 3:
                out.append(Quote(open_from, e, False, max(n_par, 1)))
            open_from, n_par = None, 0
    return sorted(out)


def _reopens(opened: str, mark: str) -> bool:
    """True when a paragraph opening with ``mark`` continues a quote opened with ``opened``."""
    if opened in "\"'":
        return mark == '"' or mark == "'"
    return mark in "“«„”" and mark != '"'
