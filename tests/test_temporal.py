"""Tests for analysis.temporal: TIMEX3 extents, types and values, spans, tense and the publication date."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from analysis.structure import find_paragraphs
from analysis.temporal import Dating, date_article, find_timexes, value_span
from analysis.temporal.extract import find_candidates
from analysis.temporal.tense import Tense, span_tense, tense_reading, token_tense

CASES = Path(__file__).resolve().parent / "cases"

GATE_F1 = 0.9     # floor on strict (extent + value) F1 over our own exhaustive cases


def _load_cases():
    out = []
    for path in sorted(CASES.glob("timex_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            out.append(pytest.param(case, id=f"{path.stem}:{case['label']}", marks=marks))
    return out


ALL_CASES = _load_cases()


def _tag(case, nlp):
    pub = date.fromisoformat(case["published"]) if case.get("published") else None
    return find_timexes(case["text"], published=pub, doc=nlp(case["text"]))


@pytest.mark.parametrize("case", ALL_CASES)
def test_case(case, nlp):
    found = {(t.text, t.type, t.value) for t in _tag(case, nlp)}
    expected = {(e["text"], e["type"], e["value"]) for e in case["expected"]}
    assert expected <= found, f"missing {expected - found}; found {found}"
    if case.get("exhaustive"):
        assert found == expected, f"unexpected {found - expected}"


def test_quality_gate_on_own_cases(nlp):
    """Strict extent + value F1 over the exhaustive cases that are not known failures."""
    tp = n_sys = n_gold = 0
    for param in ALL_CASES:
        case = param.values[0]
        if case.get("xfail") or not case.get("exhaustive"):
            continue
        found = {(t.text, t.type, t.value) for t in _tag(case, nlp)}
        expected = {(e["text"], e["type"], e["value"]) for e in case["expected"]}
        tp += len(found & expected)
        n_sys += len(found)
        n_gold += len(expected)
    p, r = tp / max(n_sys, 1), tp / max(n_gold, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert n_gold >= 40
    assert f1 >= GATE_F1, f"F1 {f1:.3f} (P {p:.3f}, R {r:.3f}) below {GATE_F1}"


@pytest.mark.parametrize(("text", "extent"), [
    ("The vote is on Friday.", "Friday"),
    ("It opened in 2019.", "2019"),
    ("They met during the weekend.", "the weekend"),
    ("It will be ready by March 2, 2023.", "March 2, 2023"),
])
def test_leading_preposition_is_not_part_of_the_extent(text, extent):
    assert [text[c.start:c.end] for c in find_candidates(text)] == [extent]


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2023-03-02", date(2023, 3, 2), date(2023, 3, 2)),
    ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2023", date(2023, 1, 1), date(2023, 12, 31)),
    ("199", date(1990, 1, 1), date(1999, 12, 31)),
    ("19", date(1900, 1, 1), date(1999, 12, 31)),
    ("2023-SP", date(2023, 3, 1), date(2023, 5, 31)),
    ("2023-SU", date(2023, 6, 1), date(2023, 8, 31)),
    ("2023-FA", date(2023, 9, 1), date(2023, 11, 30)),
    ("2022-WI", date(2022, 12, 1), date(2023, 2, 28)),
    ("2023-Q3", date(2023, 7, 1), date(2023, 9, 30)),
    ("2023-H2", date(2023, 7, 1), date(2023, 12, 31)),
    ("2023-W09", date(2023, 2, 27), date(2023, 3, 5)),
    ("2023-W09-WE", date(2023, 3, 4), date(2023, 3, 5)),
    ("2023-03-02TMO", date(2023, 3, 2), date(2023, 3, 2)),
    ("PAST_REF", None, None),
    ("P2Y", None, None),
    ("XXXX-03-02", None, None),
])
def test_value_span(value, first, last):
    assert value_span(value) == (first, last)


def test_durations_and_sets_have_no_span():
    tx = find_timexes("It lasted two years and happens every week.", published=date(2023, 3, 2))
    assert [(t.type, t.date_start, t.date_end) for t in tx] == [("DURATION", None, None), ("SET", None, None)]


def test_month_timex_spans_its_days():
    (t,) = find_timexes("It was suspended last February.", published=date(2023, 3, 2))
    assert (t.date_start, t.date_end) == (date(2023, 2, 1), date(2023, 2, 28))


@pytest.mark.parametrize(("text", "tense"), [
    ("The ministers met on Monday.", "past"),
    ("The ministers will meet on Monday.", "future"),
    ("The ministers are expected to meet on Monday.", "future"),
    ("Officials said on Monday that talks would continue.", "past"),
    ("The ministers meet on Monday.", None),
])
def test_tense_of_the_clause_by_markers(text, tense):
    i = text.index("Monday")
    assert Tense(text).at(i, i + 6) == tense


@pytest.mark.parametrize(("text", "word", "tense"), [
    ("The ministers met on Monday.", "Monday", "past"),
    ("The ministers will meet on Monday.", "Monday", "future"),
    ("The ministers won't meet before Monday.", "Monday", "future"),
    ("The ministers are expected to meet on Monday.", "Monday", "future"),
    ("The summit is to open on Monday.", "Monday", "future"),
    ("The envoy is set to arrive in Cairo on Monday.", "Monday", "future"),
    ("The hearing is scheduled for Monday.", "Monday", "future"),
    ("The match was postponed until Monday.", "Monday", "future"),
    ("The patient was moved to a clinic on Monday.", "Monday", "past"),
    ("Officials said on Monday that talks would resume.", "Monday", "past"),
    ("Officials said that talks would resume on Monday.", "Monday", "future"),
    ("Rebels may attack as early as Monday.", "Monday", "future"),
    ("Rebels may have attacked on Monday.", "Monday", "past"),
    ("The mayor could not be reached on Monday.", "Monday", "past"),
    ("Rebels could attack as early as Monday.", "Monday", "future"),
    ("The company has cut jobs since Monday.", "Monday", "past"),
    ("A truce agreed on Monday has held.", "Monday", "past"),
    ("The ministers meet on Monday.", "Monday", "present"),
    ("Flood waters rose on Monday and forced hundreds to flee.", "forced", "past"),
    ("Storm batters coast: Monday, 2 March", "2 March", "present"),
    ("Monday, 2 March", "Monday", None),
])
def test_tense_from_the_parse(nlp, text, word, tense):
    i = text.index(word)
    assert span_tense(nlp(text), i, i + len(word)) == tense


@pytest.mark.parametrize(("text", "aspect", "modal"), [
    ("The talks have been running since Monday.", "perfect progressive", None),
    ("The talks have stalled since Monday.", "perfect", None),
    ("The envoy is meeting rebels on Monday.", "progressive", None),
    ("The vote might take place on Monday.", None, "might"),
    ("The vote is likely to take place on Monday.", None, "likely"),
])
def test_aspect_and_modality_from_the_parse(nlp, text, aspect, modal):
    doc = nlp(text)
    monday = next(t for t in doc if t.text == "Monday")
    reading = tense_reading(monday)
    assert (reading.aspect, reading.modal) == (aspect, modal)
    assert reading.verb is not None and reading.verb.pos_ in ("VERB", "AUX")
    assert token_tense(monday) == reading.tense


def test_present_of_an_action_points_ahead_a_state_does_not(nlp):
    """"is meeting on Monday" and "meets on Monday" are on the schedule; "is open on Monday"
    gives no direction."""
    for text, direction in (("The envoy is meeting rebels on Monday.", "future"),
                            ("The envoy meets rebels on Monday.", "future"),
                            ("The museum is open on Monday.", None)):
        i = text.index("Monday")
        assert Tense(text, doc=nlp(text)).at(i, i + 6) == direction


@pytest.mark.parametrize(("text", "word", "value"), [
    ("The firm announced the sale of its plant in January.", "January", "2023-01"),
    ("The firm announced in January that it would sell its plant.", "January", "2022-01"),
    ("The firm announced on Monday the sale of its plant.", "Monday", "2022-11-07"),
])
def test_a_date_after_the_object_of_announced_may_lie_ahead(nlp, text, word, value):
    """Published on Thursday 2022-11-10: what is announced may happen next January; the
    announcement itself was made in the past."""
    found = {t.text: t.value for t in find_timexes(text, published=date(2022, 11, 10), doc=nlp(text))}
    assert found[word] == value


def test_the_parse_overrides_a_marker_of_another_clause(nlp):
    """The marker word "met" is nearest, but the date belongs to the verb "are meeting"."""
    text = "Ministers who met in Paris are meeting again on Monday."
    i = text.index("Monday")
    assert Tense(text).at(i, i + 6) == "past"
    assert Tense(text, doc=nlp(text)).at(i, i + 6) == "future"


def _date(text, given=None):
    return date_article(text, given=given, paragraphs=find_paragraphs(text), sentences=[])


def test_given_date_wins():
    d = _date("Storm hits coast\n\nMarch 1, 2008\n\nA storm hit the coast on Monday.", given=date(2023, 3, 2))
    assert isinstance(d, Dating)
    assert (d.published, d.published_from) == (date(2023, 3, 2), "given")
    assert [t.value for t in d.timexes if t.text == "Monday"] == ["2023-02-27"]


@pytest.mark.parametrize(("text", "published"), [
    ("Storm hits coast\n\nFriday, January 4, 2019\n\nA storm hit the coast on Monday.", date(2019, 1, 4)),
    ("Storm hits coast\n\nNEW DELHI, March 2 (Reuters) - Ministers met on Thursday. The G20 first met in 1999 "
     "and again in 2023.", date(2023, 3, 2)),
    ("Scholz warns China\n\nScholz spoke to the Bundestag on Thursday.\n\nOlaf Scholz in Berlin, on March 2, 2023.\n"
     "© Photo Agency\n\nTroops were seen there on November 25, 2022.", date(2023, 3, 2)),
    ("Ministers meet\n\nThe ministers met on Thursday, March 2, as the war that began in 2022 went on.",
     date(2023, 3, 2)),
    ("Talks fail\n\nThe talks failed on Thursday. They had started on March 2 after a year of delays in 2023.",
     date(2023, 3, 2)),
])
def test_publication_date_from_the_text(text, published):
    d = _date(text)
    assert (d.published, d.published_from) == (published, "text")


def test_no_publication_date_when_the_text_gives_none():
    d = _date("Storm hits coast\n\nA storm hit the coast on Monday, ten years after the last one.")
    assert (d.published, d.published_from) == (None, None)
    assert [t.value for t in d.timexes if t.text == "Monday"] == ["XXXX-WXX-1"]


def test_weekday_agreement_picks_the_year():
    """March 2 is a Thursday in 2023, not in 2022: the year follows the weekday."""
    d = _date("Ministers meet\n\nThe talks opened on Thursday. Since 2022 they have met twice; March 2 was the third.")
    assert d.published == date(2023, 3, 2)


def test_a_future_date_is_not_the_publication_date():
    d = _date("Vote set\n\nThe vote was called on March 2, 2023. It will be held on May 14, 2023.")
    assert d.published == date(2023, 3, 2)


def test_offsets_index_the_text_as_given():
    text = "  Übersicht —\r\n\r\nThe ministers met on Thursday, 2 March 2023, in Delhi.  "
    for t in _date(text).timexes:
        assert text[t.start:t.end] == t.text


def test_works_without_doc_and_without_sentences():
    d = date_article("It rained on Monday.", given=date(2023, 3, 2), paragraphs=[], sentences=[], doc=None)
    assert [(t.text, t.value) for t in d.timexes] == [("Monday", "2023-02-27")]


def test_rejects_non_text():
    with pytest.raises(TypeError):
        date_article(b"bytes", given=None, paragraphs=[], sentences=[])


SEED_EXPECTED = {
    ("March 2", "DATE", "2023-03-02"), ("last February", "DATE", "2023-02"),
    ("recent days", "DATE", "PAST_REF"), ("March 2, 2023", "DATE", "2023-03-02"),
    ("February 22", "DATE", "2023-02-22"), ("the time", "DATE", "2023-02-22"),
    ("Thursday", "DATE", "2023-03-02"), ("months", "DURATION", "PXM"),
    ("this morning", "TIME", "2023-03-02TMO"), ("November 25, 2022", "DATE", "2022-11-25"),
    ("recent months", "DATE", "PAST_REF"), ("spring", "DATE", "2023-SP"), ("summer", "DATE", "2023-SU"),
}


def test_seed_dates(seed_analysis):
    assert (seed_analysis.published, seed_analysis.published_from) == (date(2023, 3, 2), "text")
    found = {(t.text, t.type, t.value) for t in seed_analysis.timexes}
    assert SEED_EXPECTED <= found
    for t in seed_analysis.timexes:
        assert seed_analysis.text[t.start:t.end] == t.text
