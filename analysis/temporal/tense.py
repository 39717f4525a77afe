"""Tense of the clause around a temporal expression, from small word lists (no parser needed).

News resolves an underspecified date ("Thursday", "in March") by the tense of its clause: "met on
Thursday" is the past Thursday, "will meet on Monday" the coming one. The marker nearest to the
expression in its sentence decides.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

# Future: modal and periphrastic futures, plans and schedules (as news reports them).
FUTURE_MARKERS = (
    r"(?:would|will|to|could|may|might|should|must|shall)(?: not)? be \w+|will|"
    r"(?:has|have|had) been (?:scheduled|set|planned|slated|pushed back|postponed|delayed|moved)|shall|won't|wo n't|'ll|’ll|going to|gonna|would|is to|are to|due to|slated to|poised to|set to|"
    r"expected to|scheduled(?: to| for)?|planned for|plans? to|planning to|intends? to|intended to|aims? to|"
    r"hopes? to|wants? to|agreed to|agree to|promised to|vowed to|pledged to|threatened to|likely to|"
    r"until|till|next|upcoming|coming|forthcoming|from now|later this|tomorrow|to be held|will be|"
    r"is due|are due|to meet|to visit|to hold|to begin|to start|to take place|to travel|to vote|to sign"
)
# Past: auxiliaries, "ago"/"last", regular -ed forms and the irregular past forms common in news.
PAST_MARKERS = (
    r"did|was|were|had|since|has been|have been|ago|last|yesterday|earlier|previously|said|told|met|made|took|gave|"
    r"went|came|saw|found|held|left|began|won|lost|fell|rose|sold|bought|brought|sent|spent|paid|ran|became|"
    r"broke|chose|drove|flew|got|grew|kept|knew|led|fled|meant|shot|spoke|stood|struck|swore|taught|thought|"
    r"threw|wrote|sought|fought|caught|felt|heard|built|hit|quit|beat|bore|forgot|hung|overtook|undertook|"
    r"withdrew|arose|awoke|slid|stole|stuck|swept|swung|tore|woke|won|wound|\w{2,}ed"
)
_MARKER = re.compile(rf"(?i)\b(?:(?P<future>{FUTURE_MARKERS})|(?P<past>{PAST_MARKERS}))\b")
_NOT_PAST = frozenset({"need", "speed", "seed", "feed", "bed", "red", "shed", "hundred", "united", "indeed",
                       "proceed", "exceed", "succeed", "breed", "bleed", "greed", "weed", "deed", "embed",
                       "based", "naked", "wicked", "sacred", "kindred", "armed", "related", "detailed",
                       "limited", "advanced", "alleged", "supposed", "so-called", "concerned"})
_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*\s+(?=[A-Z\"“‘'])|\n")


class Tense:
    """Looks up the tense of the clause around a position of ``text``.

    ``sentences`` are (start, end) pairs; without them sentences are cut at full stops and newlines.
    """

    __slots__ = ("_ends", "_starts", "_text")

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]] | None = None):
        self._text = text
        if not sentences:
            cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
            starts = [0] + cuts
            sentences = list(zip(starts, cuts + [len(text)], strict=True))
        self._starts = [s for s, _ in sentences]
        self._ends = [e for _, e in sentences]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return 0, len(self._text)
        return self._starts[i], max(self._ends[i], pos)

    def at(self, start: int, end: int) -> str | None:
        """"past", "future" or None for the expression at ``start:end``."""
        s, e = self.sentence(start)
        best, best_d = None, 10 ** 9
        for m in _MARKER.finditer(self._text, s, e):
            if start <= m.start() < end:
                continue
            word = m.group().lower()
            kind = "future" if m.group("future") else "past"
            if kind == "past" and word in _NOT_PAST:
                continue
            d = start - m.end() if m.end() <= start else (m.start() - end) * 1.5   # words before weigh more
            if d < best_d:
                best, best_d = kind, d
        return best
