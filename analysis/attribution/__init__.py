"""Sources: quotations, reported speech, "according to" and credits, with speakers resolved and typed.

``find_attributions(doc, *, paragraphs, sentences, entities)`` is the stage function; the modules
split it by concern: :mod:`.quotes` pairs quotation marks, :mod:`.speech` reads reporting verbs
off the parse, :mod:`.according` finds verbless attributions, :mod:`.credits` reads photo and wire
credits, :class:`analysis.entities.Referents` resolves who a mention is, :mod:`.sourcetypes` types it, and
:mod:`.lexicon` holds the word lists.
"""
from __future__ import annotations

from .extract import find_attributions
from .quotes import Quote, find_quotes

__all__ = ["Quote", "find_attributions", "find_quotes"]
