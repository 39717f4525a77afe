"""The spaCy pipeline as the stages get it: the attribute ruler's part-of-speech rules, run as
lookups, give exactly the model's own tags."""
from __future__ import annotations

import pytest

from analysis.nlp import DEFAULT_MODEL, RULER

TEXTS = [
    "That is what she said: the ministers had not met since March, but they will meet again.",
    "There were 12 protesters outside; nobody knows if anything will change , though it may.",
    "Gon na say it again: I'd have done it, and he does too.\n\nDo n't you think so?",
]


@pytest.fixture(scope="module")
def reference():
    import spacy
    return spacy.load(DEFAULT_MODEL, exclude=["lemmatizer", "senter"])


def test_pos_rules_replace_the_attribute_ruler(nlp):
    assert RULER not in nlp.pipe_names and "pos_rules" in nlp.pipe_names


@pytest.mark.parametrize("text", TEXTS)
def test_pos_rules_give_the_models_tags(nlp, reference, text):
    ours, theirs = nlp(text), reference(text)
    assert [(t.text, t.pos_, t.tag_, t.dep_, t.head.i) for t in ours] == \
        [(t.text, t.pos_, t.tag_, t.dep_, t.head.i) for t in theirs]
