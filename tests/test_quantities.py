"""Quantities: numbers with what they count."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import quantities

CASES = json.loads((Path(__file__).parent / "cases" / "quantities_counts.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_quantity_cases(nlp, case):
    found = quantities.find_quantities(nlp(case["text"]))
    got = [(q.text, q.number, q.unit, q.approximate) for q in found]
    want = [(e["text"], None if e["number"] is None else float(e["number"]), e["unit"], e["approximate"])
            for e in case["expected"]]
    assert got == want


@pytest.mark.parametrize("words, value", [
    (["1,550"], 1550.0), (["3.5", "million"], 3_500_000.0), (["twenty", "-", "five"], 25.0),
    (["a", "dozen"], 12.0), (["two", "hundred", "thousand"], 200_000.0), (["few"], None)])
def test_parse_number(words, value):
    assert quantities.parse_number(words) == value


def test_seed_quantities(seed_analysis):
    text = seed_analysis.text
    got = {(q.unit, q.number, q.approximate) for q in seed_analysis.quantities}
    assert ("nuclear warheads", 1550.0, False) in got
    assert ("inhabitants", 70000.0, False) in got
    assert ("civilians", 3.0, True) in got
    assert ("kilometers", 2.0, True) in got
    for q in seed_analysis.quantities:
        assert text[q.start:q.end] == q.text
