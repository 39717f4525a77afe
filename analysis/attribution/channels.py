"""The medium a statement was made through, named on its reporting verb ("said in a Telegram post")."""
from __future__ import annotations

from ..entities.lexicon import DOCUMENT_WORDS, PLATFORMS, POST_WORDS


def verb_channel(verb) -> str | None:
    """The medium named on a reporting verb: "said in a Telegram post" -> "Telegram post",
    "wrote on X" -> "X", "said in a statement" -> "statement"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "via", "through"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            low = obj.lower_
            if low in POST_WORDS or low in DOCUMENT_WORDS or low in PLATFORMS or obj.text == "X":
                words = [t.text for t in obj.subtree if t.dep_ not in ("det", "poss", "case", "punct") and t.i <= obj.i]
                return " ".join(words)
    return None
