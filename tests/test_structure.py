"""Article structure: paragraph kinds, duplicates and sentences."""
from __future__ import annotations

import json

import pytest
from conftest import CASES

from analysis.structure import classify, find_paragraphs, find_sentences

STRUCTURE_CASES = json.loads((CASES / "structure.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", STRUCTURE_CASES, ids=[c["label"] for c in STRUCTURE_CASES])
def test_structure_cases(case):
    paragraphs = find_paragraphs(case["text"])
    assert [p.kind for p in paragraphs] == case["kinds"]
    for p in paragraphs:
        assert case["text"][p.start:p.end] == p.text and p.text == p.text.strip()
    for i, j in case.get("duplicates", {}).items():
        assert paragraphs[int(i)].duplicate_of == j


@pytest.mark.parametrize("texts,kinds", [
    (["Storm hits coast", "A storm hit the coast on Monday.", "Source link"], ["headline", "body", "boilerplate"]),
    (["A storm hit the coast on Monday.", "It was strong."], ["body", "body"]),
    (["Title", "Protesters march in the capital.", "© AP Photo"], ["headline", "caption", "credit"]),
])
def test_classify_inline(texts, kinds):
    assert [k for k, _ in classify(texts)] == kinds


def test_seed_structure(seed_text):
    paragraphs = find_paragraphs(seed_text)
    by_kind = {}
    for p in paragraphs:
        by_kind.setdefault(p.kind, []).append(p)
    assert by_kind["headline"][0].text.startswith("Blinken and Lavrov meet at the G20")
    assert [p.text[:22] for p in by_kind["subhead"]] == [
        "Moscow and Beijing acc", "‘Don’t hand over weapo", "Wagner points out that"]
    captions = by_kind["caption"]
    originals = [p for p in captions if p.duplicate_of is None]
    repeats = [p for p in captions if p.duplicate_of is not None]
    assert [p.text[:20] for p in originals] == ["German Chancellor Ol", "Two Ukrainian soldie"]
    assert len(repeats) == 2 and all(paragraphs[p.duplicate_of].text == p.text for p in repeats)
    assert [p.text for p in by_kind["credit"]] == ["© Odd Andersen/AFP", "Leah Millis/Reuters"]
    assert [p.text for p in by_kind["signoff"]] == ["With Reuters and AP"]
    assert [p.text for p in by_kind["boilerplate"]] == ["Source link"]
    assert not any("Odd Andersen" in p.text for p in by_kind["body"] + captions)


def test_sentences_stay_inside_paragraphs(nlp, seed_text):
    paragraphs = find_paragraphs(seed_text)
    sentences = find_sentences(nlp(seed_text), paragraphs)
    for s in sentences:
        p = paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end and seed_text[s.start:s.end] == s.text
    texts = [s.text for s in sentences]
    assert "Blinken urged his counterpart to reverse their decision to suspend the New START nuclear treaty." in texts
    assert "With Reuters and AP" in texts


def test_sentence_ends_before_a_line_without_final_punctuation(nlp):
    case = next(c for c in STRUCTURE_CASES if c["label"].startswith("promotional lines"))
    text = case["text"]
    paragraphs = find_paragraphs(text)
    sentences = find_sentences(nlp(text), paragraphs)
    said = next(s for s in sentences if s.text.startswith("Heavy rain"))
    assert said.text.endswith("the council said.")
    assert paragraphs[said.paragraph + 1].kind == "boilerplate"
