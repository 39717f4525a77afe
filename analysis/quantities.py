"""Numbers with what they count, in the spirit of GDELT's *Amounts* field.

"1,550 nuclear warheads", "at least three civilians", "about 2 kilometers", "thousands of people",
"5%", "$5 million". A number is read from digits or words; what it counts is the noun the number
modifies in spaCy's dependency parse (with the words between them: "nuclear warheads"), the noun
after "of" ("thousands of people"), or, for a bare number that stands for a noun ("out of the
70,000 that lived there"), the unit of the previous quantity in the same sentence. Dates, times,
ordinals and numbers that count nothing are not quantities.
"""
from __future__ import annotations

import logging
import re

from .lexicons import CARDINAL_WORDS
from .types import Quantity

LOGGER = logging.getLogger(__name__)

NUMBER_WORDS = {"zero": 0, **CARDINAL_WORDS}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "mn": 1_000_000}
# Vague amounts: a count is stated but no exact number ("dozens of", "a few thousand").
VAGUE_WORDS = frozenset({"few", "several", "many", "dozens", "hundreds", "thousands", "millions", "billions",
                         "scores", "tens"})
# Hedges before a number that make it approximate (the modifiers GDELT and CAMEO coders treat as
# approximate: "at least", "about", "more than" …).
APPROX_BEFORE = ("at least", "at most", "more than", "less than", "fewer than", "up to", "as many as",
                 "as few as", "close to", "an estimated", "nearly", "almost", "about", "around", "roughly",
                 "approximately", "some", "over", "under", "estimated", "upwards of", "around about")
CURRENCY = {"$": "dollars", "US$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₹": "rupees",
            "₽": "rubles", "₴": "hryvnias"}
PERCENT = frozenset({"%", "percent", "per cent", "pct"})
_NUMERIC = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
_UNIT_DEPS = frozenset({"amod", "compound", "nmod", "punct", "nummod", "quantmod", "advmod", "poss"})
MAX_UNIT_GAP = 4


def parse_number(words: list[str]) -> float | None:
    """The value of a number written in digits and/or words; None if it is vague.

    >>> parse_number(["1,550"]), parse_number(["3.5", "million"]), parse_number(["twenty", "-", "five"])
    (1550.0, 3500000.0, 25.0)
    """
    total, current, seen = 0.0, 0.0, False
    for w in words:
        lw = w.lower()
        if lw in ("-", "and", "a", "an"):
            continue
        if _NUMERIC.match(w):
            current += float(w.replace(",", ""))
        elif lw in SCALES and lw != "hundred":
            current = (current or 1) * SCALES[lw]
            total, current = total + current, 0.0
        elif lw == "hundred":
            current = (current or 1) * 100
        elif lw in NUMBER_WORDS:
            current += NUMBER_WORDS[lw]
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_number_token(tok) -> bool:
    lw = tok.lower_
    return bool(_NUMERIC.match(tok.text)) or lw in NUMBER_WORDS or lw in SCALES and tok.tag_ == "CD" \
        or lw in VAGUE_WORDS and (tok.tag_ == "CD" or lw.endswith("s"))


def _could_be_number(lower: str) -> bool:
    """A lower-cased word that :func:`_is_number_token` may accept, whatever its tag."""
    return bool(_NUMERIC.match(lower)) or lower in NUMBER_WORDS or lower in SCALES or lower in VAGUE_WORDS


_CANDIDATE: dict[int, bool] = {}     # lower-case string id -> _could_be_number (ids are hashes: stable)


def _candidates(doc) -> list[bool]:
    """For each token, whether it may be a number (read from the doc's array of lower-case ids, so
    that only those tokens are looked at one by one)."""
    from spacy.attrs import LOWER

    strings, out = doc.vocab.strings, []
    for key in doc.to_array(LOWER).tolist() if len(doc) else ():
        hit = _CANDIDATE.get(key)
        if hit is None:
            hit = _CANDIDATE[key] = _could_be_number(strings[key])
        out.append(hit)
    return out


def _number_groups(doc) -> list[tuple[int, int]]:
    """Token spans of numbers: "1,550", "a few thousand", "twenty-five", "3.5 million"."""
    groups = []
    n = len(doc)
    maybe = _candidates(doc)
    i = 0
    while i < n:
        if not maybe[i]:
            i += 1
            continue
        t = doc[i]
        if t.ent_type_ in _SKIP_ENTS or not _is_number_token(t):
            i += 1
            continue
        if t.lower_ in ("few", "several", "many") and not (i + 1 < n and doc[i + 1].lower_ in SCALES):
            i += 1
            continue
        j = i + 1
        while j < n and ((maybe[j] and _is_number_token(doc[j])) or doc[j].text == "-" and j + 1 < n and
                         doc[j + 1].lower_ in NUMBER_WORDS and doc[j - 1].lower_ in NUMBER_WORDS):
            j += 1
        a = i
        if a > 0 and doc[a - 1].lower_ in ("few", "several") and a > 0:
            a -= 1
        if a > 0 and doc[a - 1].lower_ in ("a", "an") and doc[a].lower_ in ("few", "dozen", "hundred",
                                                                               "thousand", "million"):
            a -= 1
        groups.append((a, j))
        i = j
    return groups


def _by_last_word(phrases) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase.split()[-1], []).append(tuple(phrase.split()))
    return out


_APPROX_BY_LAST = _by_last_word(APPROX_BEFORE)     # the hedges by their last word, in APPROX_BEFORE's order


def _approx_start(doc, a: int) -> int:
    """Index of the first token of a hedge right before a number ("at least", "about"), else ``a``."""
    for words in _APPROX_BY_LAST.get(doc[a - 1].lower_, ()) if a > 0 else ():
        k = a - len(words)
        if k >= 0 and all(doc[k + m].lower_ == w for m, w in enumerate(words)):
            return k
    return a


def _unit_after(doc, a: int, b: int) -> tuple[int, int] | None:
    """Token span of what the number counts."""
    last = doc[b - 1]
    head = last.head
    if last.dep_ in ("nummod", "compound", "quantmod", "amod") and head.i >= b and head.i - b <= MAX_UNIT_GAP \
            and head.pos_ in ("NOUN", "PROPN", "SYM", "ADJ"):
        if all(doc[k].dep_ in _UNIT_DEPS or doc[k].head.i == head.i for k in range(b, head.i)):
            end = head.i + 1
            while head.dep_ == "compound" and head.head.i > head.i and head.head.i - b <= MAX_UNIT_GAP + 2:
                head = head.head        # "five-story apartment building"
                end = head.i + 1
            start = b + 1 if doc[b].text == "-" else b
            return (start, end) if end > start else None
    for child in last.children:         # "thousands of people", "three of the victims"
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == b:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.i - b <= MAX_UNIT_GAP + 1:
                return b + 1, obj.i + 1
    return None


def _clean_unit(doc, start: int, end: int) -> str:
    words = [t.text for t in doc[start:end] if t.lower_ not in ("the", "a", "an", "of")]
    return " ".join(words).replace(" - ", "-").strip()


def find_quantities(doc) -> list[Quantity]:
    """The quantities of a parsed ``doc`` in text order."""
    out: list[Quantity] = []
    last_unit: tuple[int, str] | None = None     # (sentence start, unit) of the previous quantity
    for a, b in _number_groups(doc):
        words = [t.text for t in doc[a:b]]
        number = parse_number(words)
        vague = number is None or any(t.lower_ in VAGUE_WORDS for t in doc[a:b])
        start = _approx_start(doc, a)
        approx = start < a or vague
        unit = None
        end = b
        prev = doc[a - 1].text if a > 0 else ""
        if prev in CURRENCY:
            start, unit = min(start, a - 1), CURRENCY[prev]
        elif b < len(doc) and doc[b].lower_ in PERCENT:
            unit, end = "percent", b + 1
        else:
            span = _unit_after(doc, a, b)
            if span:
                unit, end = _clean_unit(doc, *span), span[1]
        sent_start = doc[a].sent.start
        if not unit:
            if last_unit and last_unit[0] == sent_start and doc[b - 1].dep_ in ("pobj", "nsubj", "dobj", "appos"):
                unit = last_unit[1]     # "… out of the 70,000 that lived there"
            else:
                continue
        if _looks_like_year(doc, a, b, number, unit):
            continue
        s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        out.append(Quantity(s, e, doc[start:end].text, number, unit, approx))   # doc.text is costly
        last_unit = (sent_start, unit)
    return out


def _looks_like_year(doc, a: int, b: int, number: float | None, unit: str) -> bool:
    return (b - a == 1 and number is not None and 1800 <= number <= 2100 and number.is_integer()
            and "," not in doc[a].text and unit[:1].isupper())
