"""Attribution: quote pairing, reported speech, "according to", credits, speakers and source types.

Expected outputs are data in tests/cases/attribution_*.json: each case lists attributions that
must be found (every given field must match one attribution) and, optionally, ones that must not.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.attribution import find_attributions, find_quotes
from analysis.attribution.credits import find_credits
from analysis.attribution.sourcetypes import affiliation, source_type
from analysis.entities import office_of
from analysis.types import ATTRIBUTION_KINDS, SOURCE_TYPES, Paragraph

CASES_DIR = Path(__file__).parent / "cases"
CASE_FILES = sorted(CASES_DIR.glob("attribution_*.json"))
CASES = [(f.stem, c) for f in CASE_FILES for c in json.loads(f.read_text(encoding="utf-8"))]
# Known failures (label -> reason), kept strict so a fix is noticed.
KNOWN_FAILURES: dict[str, str] = {}


def _matches(attr, want: dict) -> bool:
    d = attr.to_dict()     # JSON-shaped: segments as lists
    return all(d[k] == v for k, v in want.items())


@pytest.fixture(scope="module")
def run(nlp):
    from analysis.entities import find_entities
    from analysis.structure import find_paragraphs, find_sentences

    def _run(text: str):
        doc = nlp(text)
        paragraphs = find_paragraphs(text)
        sentences = find_sentences(doc, paragraphs)
        ents = find_entities(doc, paragraphs=paragraphs)
        return find_attributions(doc, paragraphs=paragraphs, sentences=sentences, entities=ents)
    return _run


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[f"{f}:{c['label']}" for f, c in CASES])
def test_attribution_cases(run, case, request):
    if case["label"] in KNOWN_FAILURES:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_FAILURES[case["label"]], strict=True))
    text = case["text"]
    found = run(text)
    for a in found:   # offsets always point at the text they name
        assert a.kind in ATTRIBUTION_KINDS and a.source_type in SOURCE_TYPES
        if a.content is not None:
            assert text[a.content_start:a.content_end] == a.content
        if a.source is not None:
            assert text[a.source_start:a.source_end] == a.source
        if a.cue is not None:
            assert text[a.cue_start:a.cue_end] == a.cue
    for want in case["expected"]:
        assert any(_matches(a, want) for a in found), f"missing {want}; found {[a.to_dict() for a in found]}"
    for unwanted in case.get("absent", []):
        assert not any(_matches(a, unwanted) for a in found), f"unexpected {unwanted}"


# ------------------------------------------------------------------------------- quote marks
@pytest.mark.parametrize("text, quotes", [
    ("He said “yes” and ‘no’.", ["“yes”", "‘no’"]),
    ("Moscow’s soldiers’ \"ok\" he said.", ['"ok"']),                       # apostrophes are not marks
    ("''Tax reform,'' said Cole. ''It's more.''", ["''Tax reform,''", "''It's more.''"]),   # NYT style
    ("«Non,» dit-il.", ["«Non,»"]),
    ("“Outer ‘inner’ outer,” she said.", ["“Outer ‘inner’ outer,”"]),      # nested: one top-level quote
    ("He said \"never closed and more.\nNext \"fine\" here.", ['"never closed and more.', '"fine"']),
    ("”Wrong opening mark here.” ― Ann Lee", ["”Wrong opening mark here.”"]),
])
def test_find_quotes(text, quotes):
    assert [text[q.start:q.end] for q in find_quotes(text)] == quotes


def test_unbalanced_mark_keeps_later_quotes():
    text = "A stray \" mark here\n" + "\n".join(f"“Quote number {i},” she said." for i in range(5))
    found = [text[q.start:q.end] for q in find_quotes(text)]
    assert [f"“Quote number {i},”" for i in range(5)] == [q for q in found if q.startswith("“")]


def test_multi_paragraph_quote_is_one():
    text = "“First part.\n“Second part.\n“Third part,” he said."
    (q,) = find_quotes(text)
    assert (q.start, q.end, q.paragraphs) == (0, len(text) - len(" he said."), 3)


# ------------------------------------------------------------------------------- credits
def test_credit_paragraphs():
    paras = [Paragraph(0, 18, "© Odd Andersen/AFP", "credit"), Paragraph(20, 39, "With Reuters and AP", "signoff")]
    got = [(a.kind, a.speaker, a.content) for a in find_credits(paras)]
    assert got == [("photo_credit", "AFP", None), ("wire_credit", "Reuters", None), ("wire_credit", "AP", None)]


# ------------------------------------------------------------------------------- types and sides
@pytest.mark.parametrize("text, office, country", [
    ("Russian Foreign Minister", "foreign minister", "Russia"),
    ("US Secretary of State", "foreign minister", "United States"),
    ("the highest representative of Chinese diplomacy", "foreign minister", "China"),
    ("German Chancellor", "head of government", "Germany"),
    ("a local baker", None, None),
])
def test_office_of(text, office, country):
    assert office_of(text) == (office, country)


@pytest.mark.parametrize("source, speaker, label, head, expected", [
    ("people familiar with the matter", "people familiar with the matter", None, "people", "anonymous"),
    ("a senior official", "senior official", None, "official", "anonymous"),
    ("Reuters", "Reuters", "ORG", "Reuters", "media"),
    ("the report", "report", None, "report", "document"),
    ("Olaf Scholz", "Olaf Scholz", "PERSON", "Scholz", "person"),
    ("the Kremlin", "Kremlin", "ORG", "Kremlin", "organisation"),
])
def test_source_type(source, speaker, label, head, expected):
    assert source_type(source, speaker=speaker, label=label, head=head) == expected


@pytest.mark.parametrize("source, speaker, label, expected", [
    ("the Russian Foreign Ministry", "Russian Foreign Ministry", "ORG", "Russia"),
    ("Beijing", "Beijing", "GPE", "China"),
    ("the Kremlin", "Kremlin", "ORG", "Russia"),
    ("Republican senators", "Republican senators", None, "Republican Party"),
    ("a farmer", "farmer", None, None),
    ("Western diplomats", "Western diplomats", None, "the West"),
    ("Ana Cruz of the army's Western Command", "Ana Cruz", "PERSON", None),
    ("Ana Cruz of American University", "Ana Cruz", "PERSON", "American University"),
    ("a geologist at the University of Bergen", "geologist", None, "University of Bergen"),
    ("Tom Reyes, a curator from the British Museum", "Tom Reyes", "PERSON", "British Museum"),
    ("Li Na of Norway's Bergen Institute of Marine and Coastal Research", "Li Na", "PERSON",
     "Bergen Institute of Marine and Coastal Research"),
    ("biologists from the University of Utah and Kyoto University", "biologists", None,
     "University of Utah and Kyoto University"),      # coordinated institutions: both
    ("chemists from the University of Leeds and UC Irvine", "chemists", None, "University of Leeds and UC Irvine"),
    ("the House of Lords Library", "House of Lords Library", "ORG", None),      # not its own side
    ("Hungarian daily newspaper Magyar Ujsag", "Magyar Ujsag", "ORG", None),      # an outlet, not Hungary
    ("French inventor Marc Duval", "Marc Duval", "PERSON", None),                 # a private person
    ("the Kurdish-led Syrian Democratic Forces", "Syrian Democratic Forces", "ORG", None),
    ("Iraqi military", "Iraqi military", None, "Iraq"),
    ("a spokesman for the Russian Foreign Ministry", "spokesman", None, "Russia"),
])
def test_affiliation(source, speaker, label, expected):
    assert affiliation(source, speaker=speaker, label=label) == expected


# ------------------------------------------------------------------------------- the seed
def test_seed_direct_quotes(seed_analysis):
    direct = [a for a in seed_analysis.attributions if a.kind == "direct" and (a.content or "").startswith(("“", "Both"))]
    speakers = {a.speaker for a in direct}
    assert {"Sergei Lavrov", "Olaf Scholz", "Wang Yi", "Russian Foreign Ministry", "Prigozhin"} <= speakers
    ministry = next(a for a in direct if a.speaker == "Russian Foreign Ministry")
    assert ministry.channel == "press release" and ministry.affiliation == "Russia"
    prig = next(a for a in direct if a.speaker == "Prigozhin")
    assert "press service" in prig.channel and "Telegram" in prig.channel


def test_seed_role_resolved_to_the_name_given_after_it(seed_analysis):
    # "The founder of the Russian group of mercenaries Wagner published a video that, he says, …"
    says = next(a for a in seed_analysis.attributions if a.cue == "says" and a.source == "he")
    assert says.speaker == "Prigozhin"


def test_seed_sources(seed_analysis):
    attrs = seed_analysis.attributions
    anonymous = [a for a in attrs if a.source_type == "anonymous"]
    assert any("Joe Biden government official" in (a.source or "") for a in anonymous)
    assert any(a.kind == "according_to" and a.channel == "Reuters" for a in anonymous)
    media = {a.speaker for a in attrs if a.source_type == "media"}
    assert {"Reuters", "AP", "AFP", "France24"} <= media
    assert any(a.speaker == "Beijing" and a.cue == "assures" for a in attrs)
    assert sum(a.kind == "photo_credit" for a in attrs) == 2
    assert {a.speaker for a in attrs if a.kind == "wire_credit"} == {"Reuters", "AP"}
    positions = [min(x for x in (a.source_start, a.cue_start, a.content_start) if x is not None) for a in attrs]
    assert positions == sorted(positions)
