"""Named entities and what mentions refer to.

:mod:`.names` finds the named entities and gives each its canonical name (the fullest name of the
same referent in the article); :mod:`.referents` resolves any mention (a pronoun, a role noun such
as "the minister", a surname, a possessive) to that canonical name, for every stage that needs it
(attribution speakers, event actors); :mod:`.lexicon` holds the word lists.
"""
from __future__ import annotations

from .names import NAME_LABELS, TITLE_WORDS, canonical_for, find_entities
from .referents import Referent, Referents, office_of, resolve_mention

__all__ = ["NAME_LABELS", "TITLE_WORDS", "Referent", "Referents", "canonical_for", "find_entities", "office_of",
           "resolve_mention"]
