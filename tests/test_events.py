"""Events: dated clauses with status, actors and merged evidence. Timexes and attributions are
built by hand here so the events stage is tested on its own."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from analysis import entities, events, structure
from analysis.events.actors import Actors
from analysis.types import Attribution, Entity, Timex

CASES_DIR = Path(__file__).parent / "cases"
STATUS_CASES = json.loads((CASES_DIR / "events_status.json").read_text(encoding="utf-8"))
MERGE_CASES = json.loads((CASES_DIR / "events_merge.json").read_text(encoding="utf-8"))


def _timexes(text, specs):
    out = []
    for spec in specs:
        start = -1
        for _ in range(spec.get("occurrence", 0) + 1):
            start = text.index(spec["text"], start + 1)
        d0 = date.fromisoformat(spec["date_start"]) if spec["date_start"] else None
        d1 = date.fromisoformat(spec["date_end"]) if spec["date_end"] else None
        out.append(Timex(start, start + len(spec["text"]), spec["text"], spec["type"], spec["value"], d0, d1))
    return out


def _attributions(text, specs):
    out = []
    for a in specs:
        s = text.index(a["source"])
        c = text.index(a["content"])
        cue = text.index(a["cue"], s)
        out.append(Attribution(a["kind"], a["source"], s, s + len(a["source"]), a["speaker"], "organisation",
                               a["cue"], cue, cue + len(a["cue"]), a["content"], c, c + len(a["content"])))
    return out


def _events(nlp, case, *, undated=False):
    text = case["text"]
    doc = nlp(text)
    paragraphs = structure.find_paragraphs(text)
    sentences = structure.find_sentences(doc, paragraphs)
    ents = entities.find_entities(doc, paragraphs=paragraphs)
    return events.find_events(doc, paragraphs=paragraphs, sentences=sentences,
                              timexes=_timexes(text, case["timexes"]), entities=ents,
                              attributions=_attributions(text, case.get("attributions", [])),
                              published=date.fromisoformat(case["published"]), undated=undated)


@pytest.mark.parametrize("case", STATUS_CASES, ids=[c["label"] for c in STATUS_CASES])
def test_event_status(nlp, case):
    found = _events(nlp, case)
    assert len(found) == len(case["expected"])
    for ev, exp in zip(found, case["expected"], strict=True):
        assert ev.date == exp["date"]
        assert ev.status == exp["status"]
        assert case["text"][ev.start:ev.end] == ev.text
        if "text_contains" in exp:
            assert exp["text_contains"] in ev.text
        for actor in exp.get("actors_include", []):
            assert actor in ev.actors
        for actor in exp.get("actors_exclude", []):
            assert actor not in ev.actors
        if "speaker" in exp:
            assert ev.speaker == exp["speaker"]


@pytest.mark.parametrize("case", MERGE_CASES, ids=[c["label"] for c in MERGE_CASES])
def test_event_merging(nlp, case):
    found = _events(nlp, case)
    assert len(found) == case["expected_events"]
    assert all(len(ev.evidence) == case["expected_evidence"] for ev in found)
    for ev in found:
        for s, e in ev.evidence:
            assert 0 <= s < e <= len(case["text"])


def test_synchronous_sentence_takes_previous_date(nlp):
    case = {"text": "Talks\n\nThe ministers met in Geneva on March 3. Meanwhile, in Paris, President Emmanuel "
                    "Macron urged a ceasefire.", "published": "2024-03-04",
            "timexes": [{"text": "March 3", "type": "DATE", "value": "2024-03-03", "date_start": "2024-03-03",
                         "date_end": "2024-03-03"}]}
    found = _events(nlp, case)
    macron = [e for e in found if "Emmanuel Macron" in e.actors]
    assert len(macron) == 1 and macron[0].date == "2024-03-03"
    assert case["text"][macron[0].timex_start:macron[0].timex_end] == "March 3"


def test_coordinated_dates_give_a_range(nlp):
    case = {"text": "Arms\n\nThe new tanks are not expected to arrive before spring or summer.",
            "published": "2024-01-10",
            "timexes": [{"text": "spring", "type": "DATE", "value": "2024-SP", "date_start": "2024-03-01",
                         "date_end": "2024-05-31"},
                        {"text": "summer", "type": "DATE", "value": "2024-SU", "date_start": "2024-06-01",
                         "date_end": "2024-08-31"}]}
    (ev,) = _events(nlp, case)
    assert (ev.date_start, ev.date_end) == (date(2024, 3, 1), date(2024, 8, 31))
    assert ev.status == "expected"


SEED_EXPECTED = [   # (date, status, words that must be in the event text or its actors)
    ("2022-11-25", "background", "Bakhmut"),
    ("2023-02", "asserted", "Vladimir Putin"),
    ("2023-02-22", "asserted", "Wang Yi"),
    ("2023-03-02", "asserted", "Sergei Lavrov"),
    ("2023-03-02", "asserted", "Olaf Scholz"),
    ("2023-03-02", "unverified", "video"),
    ("2023-03-02", "asserted", "three civilians"),
]


@pytest.mark.parametrize("value, status, words", SEED_EXPECTED)
def test_seed_timeline(seed_analysis, value, status, words):
    if not seed_analysis.timexes:
        pytest.skip("the temporal stage found no timexes")
    hits = [e for e in seed_analysis.events if e.date == value and (words in e.text or words in e.actors)]
    assert hits, [(e.date, e.text[:60]) for e in seed_analysis.events]
    assert hits[0].status == status


def test_seed_tanks_expected_in_spring_or_summer(seed_analysis):
    if not seed_analysis.timexes:
        pytest.skip("the temporal stage found no timexes")
    tanks = [e for e in seed_analysis.events if "tanks" in e.text]
    assert len(tanks) == 1 and tanks[0].status == "expected"
    assert tanks[0].date_start and tanks[0].date_start.month >= 3 and tanks[0].date_end.month >= 6


def test_seed_standfirst_and_body_merged(seed_analysis):
    meetings = [e for e in seed_analysis.events if "Sergei Lavrov" in e.actors and e.date == "2023-03-02"
                and e.date_from == "explicit"]
    if not seed_analysis.timexes:
        pytest.skip("the temporal stage found no timexes")
    assert len(meetings) == 1 and len(meetings[0].evidence) >= 2


UNDATED_CASES = json.loads((CASES_DIR / "events_undated.json").read_text(encoding="utf-8"))
# States, descriptions, findings and dates of other events that must not become (dated) events
UNDATED_CASES += json.loads((CASES_DIR / "events_states.json").read_text(encoding="utf-8"))
# Clock times without their day, on the story's day
UNDATED_CASES += json.loads((CASES_DIR / "events_clock.json").read_text(encoding="utf-8"))
# Dates of another clause, of an object, of a report or of the saying, that must not date the event
UNDATED_CASES += json.loads((CASES_DIR / "events_dates.json").read_text(encoding="utf-8"))
# Status, actors and non-events: the scope of hedges and attributions, captions, roles as actors
UNDATED_CASES += json.loads((CASES_DIR / "events_roles.json").read_text(encoding="utf-8"))
# Actors: parts of names, institutions of a place, qualifiers of a title, agents of a passive
UNDATED_CASES += json.loads((CASES_DIR / "events_actors.json").read_text(encoding="utf-8"))
# An older story told without a date in each clause, decades and centuries, the news told again after history
UNDATED_CASES += json.loads((CASES_DIR / "events_older.json").read_text(encoding="utf-8"))
# Status: which attribution or hedge reaches the event (a participle's speaker, a missed clause, a number's hedge)
UNDATED_CASES += json.loads((CASES_DIR / "events_status_scope.json").read_text(encoding="utf-8"))
# Descriptions: plans not carried out, namings, relations, findings of research
UNDATED_CASES += json.loads((CASES_DIR / "events_nonevents.json").read_text(encoding="utf-8"))
# History or news: 'previously', 'originally' and the pluperfect on the lead's participants; verbs of telling; times named by events
UNDATED_CASES += json.loads((CASES_DIR / "events_background_news.json").read_text(encoding="utf-8"))
# The word that names the event: participles on a noun, connectors, tellings without what they tell, method steps
UNDATED_CASES += json.loads((CASES_DIR / "events_triggers.json").read_text(encoding="utf-8"))
# Times tied to an occasion the article dated ("attended the ceremony"), history told for comparison,
# conditions, forecasts
UNDATED_CASES += json.loads((CASES_DIR / "events_occasions.json").read_text(encoding="utf-8"))


def _trigger(text, ev):
    return text[ev.trigger_start:ev.trigger_end] if ev.trigger_start is not None else None


@pytest.mark.parametrize("case", UNDATED_CASES, ids=[c["label"] for c in UNDATED_CASES])
def test_undated_events(nlp, case):
    found = _events(nlp, case, undated=True)
    by_trigger = {_trigger(case["text"], ev): ev for ev in found}
    for exp in case["expected"]:
        ev = by_trigger.get(exp["trigger"])
        assert ev is not None, sorted(t for t in by_trigger if t)
        assert (ev.date, ev.date_from) == (exp["date"], exp["date_from"])
        assert ev.start <= ev.trigger_start < ev.trigger_end <= ev.end
        if "status" in exp:
            assert ev.status == exp["status"]
        for actor in exp.get("actors_include", []):
            assert actor in ev.actors
        for actor in exp.get("actors_exclude", []):
            assert actor not in ev.actors
    assert not set(case.get("not_triggers", [])) & set(by_trigger)
    if not case["expected"]:
        assert found == []


@pytest.mark.parametrize("word, countries", [
    ("Ukrainian", ("Ukraine",)), ("Sino-Russian", ("China", "Russia")), ("Russo-Ukrainian", ("Russia", "Ukraine")),
    ("Kurdish", ()), ("Mexicans", ("Mexico",)), ("Europeans", ()),
    ("Tongan", ("Tonga",)), ("Bahamian", ("Bahamas",)), ("Haitian", ("Haiti",)), ("Omani", ("Oman",)),
    ("Bhutanese", ("Bhutan",)), ("Maltese", ("Malta",)), ("Salvadoran", ("El Salvador",)),
    ("Dominican", ("Dominican Republic",)), ("Christian", ()), ("Bengali", ()), ("Parisian", ()),
])
def test_nationality_countries(word, countries):
    assert events.nationality_countries(word) == countries


@pytest.mark.parametrize("text, label, names", [
    ("Wikinews", "ORG", ()), ("COVID-19", "ORG", ()), ("Ebola virus", "ORG", ()), ("UTC", "ORG", ()),
    ("Ukrainian", "NORP", ("Ukraine",)), ("US", "GPE", ("United States",)), ("iPhone 4", "PRODUCT", ("iPhone 4",)),
    ("the Dow Jones Industrial Average", "ORG", ("the Dow Jones Industrial Average",)),
    ("Humberto 75 miles", "PERSON", ("Humberto",)), ("Boeing 737", "PRODUCT", ("Boeing 737",)),
    ("Anna Berg of", "PERSON", ("Anna Berg",)), ("Europeans", "NORP", ("Europeans",)),
])
def test_actor_names(text, label, names):
    assert events.actor_names(Entity(0, len(text), text, label, text)) == names


SEED_UNDATED = ["confirmed", "denounced", "accused"]   # Blinken to Lavrov; Moscow and Beijing; Lavrov and Qin Gang


@pytest.mark.parametrize("trigger", SEED_UNDATED)
def test_seed_news_without_a_date(seed_analysis, seed_text, trigger):
    hits = [e for e in seed_analysis.events if _trigger(seed_text, e) == trigger]
    assert len(hits) == 1
    # no date of their own: the publication day, or the day of the meeting they were told of ("during the meeting")
    assert hits[0].date == "2023-03-02" and hits[0].date_from in ("publication", "discourse")
    assert hits[0].status in ("asserted", "attributed")


def test_seed_events_keep_their_triggers(seed_analysis, seed_text):
    for ev in seed_analysis.events:
        assert ev.trigger_start is not None and ev.start <= ev.trigger_start < ev.trigger_end <= ev.end
        assert ev.date_from in ("explicit", "discourse", "publication")
        assert (ev.timex_start is None) == (ev.date_from == "publication")


@pytest.mark.parametrize("text, mention, canonical, label, kept", [
    ("Photographs and letters from the house were burned by the soldiers.", "Photographs", "Photographs", "ORG", False),
    ("Jobs resigned in a letter to the board.", "Jobs", "Steve Jobs", "PERSON", True),
    ("ISIS claimed the attack on the convoy.", "ISIS", "ISIS", "ORG", True),
])
def test_capitalised_common_noun_is_no_actor(nlp, text, mention, canonical, label, kept):
    doc = nlp(text)
    ent = Entity(0, len(mention), mention, label, canonical)
    verb = next(t for t in doc if t.pos_ == "VERB")
    assert (canonical in Actors(doc, text, [ent]).of(0, len(text), verb=verb)) == kept


@pytest.mark.parametrize("name, time", [
    ("Tuesday", True), ("Tuesday night", True), ("Saturday morning", True), ("Tuesday Club", False),
    ("May", False), ("Theresa May", False), ("Friday Harbor", False),
])
def test_time_words_are_no_actors(name, time):
    from analysis.events.actors import a_time
    assert a_time(name) is time
