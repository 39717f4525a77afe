"""The spaCy pipeline as the stages get it: the attribute ruler's part-of-speech rules run as
lookups and the layers multiply with NumPy's BLAS on one thread, and the tags, parse and entities
are exactly the model's own."""
from __future__ import annotations

import pytest

from analysis.nlp import DEFAULT_MODEL, RULER, one_blas_thread

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
def test_the_workbooks_pipeline_gives_the_models_own_analysis(nlp, reference, text):
    with one_blas_thread():
        ours = nlp(text)
    theirs = reference(text)
    assert [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in ours] == \
        [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in theirs]


def test_one_blas_thread_restores_the_thread_count():
    from threadpoolctl import threadpool_info

    before = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    with one_blas_thread():
        assert all(lib["num_threads"] == 1 for lib in threadpool_info() if lib["user_api"] == "blas")
    assert [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"] == before
