"""The spaCy pipeline as the stages get it: the attribute ruler's part-of-speech rules run as
lookups and the layers multiply with NumPy's BLAS on one thread, and the tags, parse and entities
are exactly the model's own within a paragraph; a line break ends a sentence."""
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


@pytest.mark.parametrize("text, first_line", [
    ("Harbour strike\n\nThe dockers said the strike would go on.", "Harbour strike"),
    ("Tuesday, May 7, 2024\n\nA ferry ran aground off the coast.", "Tuesday, May 7, 2024"),
    ('"We will not give in"\n\nThe union has said it would strike.', '"We will not give in"'),
])
def test_no_dependency_crosses_a_line_break(nlp, text, first_line):
    """A headline, a dateline or a quotation on its own line is not parsed into the paragraph under it."""
    doc = nlp(text)
    cut = len(first_line)
    assert all((t.idx < cut) == (t.head.idx < cut) for t in doc if not t.is_space)
    assert doc[0].is_sent_start and any(t.is_sent_start for t in doc if t.idx > cut)


@pytest.mark.parametrize("text, sentences", [
    ("Arms\n\nBeijing assures that it has no such intentions.", 2),
    ('Drummer\n\nLena Holm wrote on Twitter, "What a night. We played till dawn."', 3),
])
def test_inside_a_line_a_sentence_starts_only_after_a_stop(nlp, text, sentences):
    """The parser does not cut a line where no stop stands ("Lena | Holm wrote")."""
    doc = nlp(text)
    assert len(list(doc.sents)) == sentences
    for sent in list(doc.sents)[1:]:
        before = doc[sent.start - 1]
        assert "\n" in before.text or before.text.endswith((".", "!", "?", '"'))
