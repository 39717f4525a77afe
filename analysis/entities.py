"""Named entities with canonical names. Filled in by the entities issue."""
from __future__ import annotations


def find_entities(doc, *, paragraphs):
    return []
