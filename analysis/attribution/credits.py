"""Photo credits and wire credits, from the paragraphs the structure stage marked as
``credit`` ("© Odd Andersen/AFP", "Leah Millis/Reuters") and ``signoff`` ("With Reuters and AP").

>>> from analysis.types import Paragraph
>>> [(a.kind, a.speaker) for a in find_credits([Paragraph(0, 18, "© Odd Andersen/AFP", "credit")])]
[('photo_credit', 'AFP')]
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicons import OUTLETS
from ..types import Attribution

_AGENCIES = sorted(OUTLETS, key=len, reverse=True)
_AGENCY_RE = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in _AGENCIES) + r")(?![\w])")
_LABEL_RE = re.compile(r"^\(?\s*(?:©|\(c\)|(?:Photo(?:graph)?s?|Image|Picture|Pictures|Credit|Foto|Video|Illustration)"
                       r"\s*(?:credit)?\s*[:/])\s*", re.I)
_SIGNOFF_CUE = re.compile(r"^\(?\s*(With|Additional reporting by|Reporting by|Written by|Compiled by|Source|Sources|"
                          r"Inputs from|Via|From)\b", re.I)


def _agency(text: str) -> re.Match | None:
    matches = list(_AGENCY_RE.finditer(text))
    return matches[-1] if matches else None


def _photo_credit(p) -> Attribution | None:
    text = p.text
    label = _LABEL_RE.match(text)
    s = label.end() if label else 0
    e = len(text.rstrip(" .)"))
    if e <= s:
        return None
    body = text[s:e]
    agency = _agency(body)
    if agency is not None:
        speaker = agency.group(0)
        stype = "media"
    else:
        speaker = body.split("/")[-1].strip() or body
        stype = "person" if re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}", speaker) else "unknown"
    photographer = body[:agency.start()].strip(" /") if agency is not None else None
    cue = text[label.start():label.end()].strip() if label else None
    return Attribution(
        kind="photo_credit", source=body, source_start=p.start + s, source_end=p.start + e, speaker=speaker,
        source_type=stype, cue=cue or None, cue_start=p.start + label.start() if label else None,
        cue_end=p.start + label.start() + len(cue) if label and cue else None, content=None, content_start=None,
        content_end=None, affiliation=speaker if stype == "media" else None,
        channel="photo" + (f" by {photographer}" if photographer else ""))


def _wire_credits(p) -> list[Attribution]:
    text = p.text
    cue = _SIGNOFF_CUE.match(text)
    out = []
    for m in _AGENCY_RE.finditer(text):
        out.append(Attribution(
            kind="wire_credit", source=m.group(0), source_start=p.start + m.start(), source_end=p.start + m.end(),
            speaker=m.group(0), source_type="media", cue=cue.group(1) if cue else None,
            cue_start=p.start + cue.start(1) if cue else None, cue_end=p.start + cue.end(1) if cue else None,
            content=None, content_start=None, content_end=None, affiliation=m.group(0), channel="wire copy"))
    return out


def find_credits(paragraphs: Sequence) -> list[Attribution]:
    """A ``photo_credit`` for each credit paragraph; a ``wire_credit`` for each agency in a sign-off."""
    out: list[Attribution] = []
    for p in paragraphs:
        if p.kind == "credit":
            a = _photo_credit(p)
            if a is not None:
                out.append(a)
        elif p.kind == "signoff":
            out.extend(_wire_credits(p))
    return out
