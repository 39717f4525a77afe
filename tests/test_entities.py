"""Entities: labels corrected by rules, possessives stripped, aliases resolved to the fullest name."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import entities, gazetteer, structure

CASES = json.loads((Path(__file__).parent / "cases" / "entities_people_places.json").read_text(encoding="utf-8"))


def _find(nlp, text):
    return entities.find_entities(nlp(text), paragraphs=structure.find_paragraphs(text))


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_entity_cases(nlp, case):
    found = _find(nlp, case["text"])
    got = {(e.text, e.label, e.canonical) for e in found}
    for exp in case.get("expected", []):
        assert (exp["text"], exp["label"], exp["canonical"]) in got, (exp, sorted(got))
    for name in case.get("absent", []):      # names that must not be found (words glued to a name)
        assert all(name not in (text, canonical) for text, _, canonical in got), (name, sorted(got))
    texts = {e.text for e in found}
    for absent in case.get("absent", []):
        assert absent not in texts


def test_offsets_index_the_text(nlp):
    text = "Lavrov’s aides met Blinken in New Delhi.\n\nSergei Lavrov later spoke to Antony Blinken again."
    for e in _find(nlp, text):
        assert text[e.start:e.end] == e.text
        assert not e.text.endswith(("’s", "'s"))


def test_person_once_is_person_everywhere(nlp):
    text = ("Opposition leader Kemal Arslan called for early elections. "
            "Arslan told supporters in Ankara that Arslan would run.")
    found = _find(nlp, text)
    assert {e.label for e in found if "Arslan" in e.text} == {"PERSON"}
    assert {e.canonical for e in found if "Arslan" in e.text} == {"Kemal Arslan"}


def test_entity_never_crosses_a_line_break(nlp):
    text = "Soldiers rest near Bakhmut.\nLeah Millis/Reuters\n\nReuters reported the attack."
    for e in _find(nlp, text):
        assert "\n" not in e.text and "/" not in e.text


@pytest.mark.parametrize("mention, expected", [
    ("Blinken", "Antony Blinken"), ("the Kremlin’s", "Kremlin"), ("Antony Blinken", "Antony Blinken"),
    ("Nobody Here", None)])
def test_canonical_for(nlp, mention, expected):
    found = _find(nlp, "US Secretary of State Antony Blinken criticised the Kremlin. Blinken spoke in Kyiv.")
    assert entities.canonical_for(mention, found) == expected


def test_gazetteer_built_from_packages():
    places = gazetteer.gazetteer()
    assert places["France"].kind == "country"
    assert places["Bakhmut"].kind == "city"
    assert "Reuters" not in places


def test_seed_people_and_places(seed_analysis):
    by_text: dict[str, set[str]] = {}
    canon: dict[str, set[str]] = {}
    for e in seed_analysis.entities:
        by_text.setdefault(e.text, set()).add(e.label)
        canon.setdefault(e.text, set()).add(e.canonical)
    for name in ("Olaf Scholz", "Scholz", "Lavrov", "Blinken", "Wang", "Prigozhin", "Sergei Lavrov", "Wang Yi"):
        assert by_text[name] == {"PERSON"}, name
    for place in ("Bakhmut", "Moscow", "Berlin", "New Delhi", "Zaporizhia"):
        assert by_text[place] == {"GPE"}, place
    assert by_text["Bundestag"] == {"ORG"}
    assert canon["Blinken"] == {"Antony Blinken"} and canon["Scholz"] == {"Olaf Scholz"}
    assert "hypersonic missiles" not in by_text
    assert not any(t.endswith("’s") for t in by_text)


REFERENT_CASES = json.loads((Path(__file__).parent / "cases" / "entities_referents.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", REFERENT_CASES, ids=[c["label"] for c in REFERENT_CASES])
def test_resolve_mention(nlp, case):
    text = case["text"]
    doc = nlp(text)
    found = entities.find_entities(doc, paragraphs=structure.find_paragraphs(text))
    start = -1
    for _ in range(case["occurrence"] + 1):
        start = text.index(case["mention"], start + 1)
    end = start + len(case["mention"])
    assert entities.resolve_mention(doc, found, start, end) == case["canonical"]
    assert entities.Referents(doc, found).canonical(start, end) == case["canonical"]


@pytest.mark.parametrize("text, name, is_person", [
    ("The prize jury member Lars Holmqvist spoke first.", "Lars Holmqvist", True),
    ("The carmaker Volvo Cars spoke first.", "Volvo Cars", False),
    ("Maren Tull, Okafor's former spokeswoman, spoke first.", "Maren Tull", True),
    ("Maren Tull, the senator's spokeswoman, spoke first.", "Maren Tull", True),
    ("Tull Freight, Okafor's biggest company, spoke first.", "Tull Freight", False),
])
def test_a_role_next_to_a_name_makes_it_a_person(nlp, text, name, is_person):
    """What tells the recogniser's ORG is a person: a person's role just before the name ("committee
    member X"), or an apposition with a title after it, also after a possessive ("X, Y's spokeswoman")."""
    from analysis.entities import names
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    end = start + len(name.split())
    assert (names._title_before(doc, start) or names._title_after(doc, end)) == is_person
