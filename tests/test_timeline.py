"""The corpus timeline: merging across articles, filtering by actor, TimelineJS and CSV exports."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from analysis import timeline


def _row(article_id, text, actors, day="2024-05-09", status="asserted", outlet=None):
    d = date.fromisoformat(day)
    return {"article_id": article_id, "date": day, "date_start": d, "date_end": d, "text": text, "start": 0,
            "end": len(text), "actors": actors, "status": status, "speaker": None, "timex_start": 0,
            "timex_end": 1, "evidence": [[0, len(text)]], "outlet": outlet}


def test_same_event_in_two_articles_is_merged():
    df = pd.DataFrame([
        _row("a1", "Giorgia Meloni met Emmanuel Macron in Rome on May 9 to discuss migration.",
             ["Giorgia Meloni", "Emmanuel Macron", "Rome"], outlet="Outlet A"),
        _row("a2", "Macron and Meloni discussed migration at talks in Rome on Thursday.",
             "Emmanuel Macron; Giorgia Meloni; Rome", outlet="Outlet B"),
        _row("a3", "A bomb exploded in Kabul on Thursday, killing four people.", ["Kabul"], outlet="Outlet B"),
    ])
    merged = timeline.merge_corpus_events(df)
    assert len(merged) == 2
    meeting = merged[merged["n_articles"] == 2].iloc[0]
    assert meeting["n_sources"] == 2 and sorted(meeting["article_ids"]) == ["a1", "a2"]
    assert len(meeting["evidence"]) == 2


@pytest.mark.parametrize("day2, text2, merged_rows", [
    ("2024-05-10", "Giorgia Meloni met Emmanuel Macron in Rome to discuss migration.", 2),   # other day
    ("2024-05-09", "Emmanuel Macron opened a car factory near Rome with Giorgia Meloni.", 2),  # other story
    ("2024-05-09", "Giorgia Meloni met Emmanuel Macron in Rome to discuss migration.", 1),
])
def test_merge_needs_same_date_and_same_story(day2, text2, merged_rows):
    df = pd.DataFrame([
        _row("a1", "Giorgia Meloni met Emmanuel Macron in Rome on May 9 to discuss migration.",
             ["Giorgia Meloni", "Emmanuel Macron", "Rome"]),
        _row("a2", text2, ["Giorgia Meloni", "Emmanuel Macron", "Rome"], day=day2)])
    assert len(timeline.merge_corpus_events(df)) == merged_rows


def test_events_of_one_article_are_never_merged_together():
    df = pd.DataFrame([_row("a1", "Meloni met Macron in Rome.", ["Giorgia Meloni", "Emmanuel Macron"]),
                       _row("a1", "Meloni met Macron in Rome again.", ["Giorgia Meloni", "Emmanuel Macron"])])
    assert len(timeline.merge_corpus_events(df)) == 2


def test_filter_by_actor():
    df = pd.DataFrame([_row("a1", "x", ["Antony Blinken", "Moscow"]), _row("a2", "y", "Olaf Scholz; Berlin")])
    merged = timeline.merge_corpus_events(df)
    assert len(timeline.filter_by_actor(merged, "Blinken")) == 1
    assert len(timeline.filter_by_actor(merged, "olaf scholz")) == 1
    assert len(timeline.filter_by_actor(merged, "Scholz Olaf")) == 0
    assert len(timeline.filter_by_actor(merged, "Chancellor Olaf Scholz")) == 1     # a qualifier before the name
    assert len(timeline.filter_by_actor(merged, "Blinken's")) == 1
    assert len(timeline.filter_by_actor(merged, "Scholz Berlin")) == 0              # one word of a name is no alias


@pytest.mark.parametrize("query, n", [("the Beatles' Apple Corps", 1), ("Apple Corps", 1), ("Apple", 3),
                                      ("Corps", 1), ("Beatles", 0), ("Apple Computer", 0)])
def test_filter_by_actor_qualified_names(query, n):
    merged = timeline.merge_corpus_events(pd.DataFrame([_row("a1", "x", ["Apple Corps"]), _row("a2", "y", ["Apple"]),
                                                        _row("a3", "z", ["Apple Inc."])]))
    assert len(timeline.filter_by_actor(merged, query)) == n


def test_timelinejs_escapes_html():
    df = pd.DataFrame([_row("a1", "<script>alert(1)</script> & more", ["X"])])
    doc = timeline.to_timelinejs(timeline.merge_corpus_events(df), title="<b>T</b>")
    ev = doc["events"][0]
    assert "<script>" not in ev["text"]["text"] and "&lt;script&gt;" in ev["text"]["text"]
    assert "<script>" not in ev["text"]["headline"] and doc["title"]["text"]["headline"] == "&lt;b&gt;T&lt;/b&gt;"


@pytest.mark.parametrize("value, start, end, shown", [
    ("2023-SP", date(2023, 3, 1), date(2023, 5, 31), "Spring 2023"),
    ("2023-02", date(2023, 2, 1), date(2023, 2, 28), "February 2023"),
    ("2023-03-02", date(2023, 3, 2), date(2023, 3, 2), "2 March 2023"),
])
def test_display_date(value, start, end, shown):
    assert timeline.display_date(value, start, end) == shown


def test_seed_timelinejs_export(seed_analysis, tmp_path):
    if not seed_analysis.timexes:
        pytest.skip("the temporal stage found no timexes")
    df = timeline.events_frame([("seed", seed_analysis)])
    paths = timeline.write_timeline(df, tmp_path, title="Seed")
    assert [p.name for p in paths] == ["timeline.json", "timeline.csv"]
    doc = json.loads(paths[0].read_text(encoding="utf-8"))
    assert doc["title"]["text"]["headline"] == "Seed"
    for ev in doc["events"]:
        assert {"start_date", "end_date", "text", "group", "display_date"} <= set(ev)
        assert set(ev["text"]) == {"headline", "text"}
        assert ev["start_date"]["year"].isdigit()
        assert ev["group"] in ("asserted", "attributed", "unverified", "expected", "background")
    days = {(e["start_date"]["year"], e["start_date"]["month"], e["start_date"]["day"]) for e in doc["events"]}
    assert {("2022", "11", "25"), ("2023", "2", "22"), ("2023", "3", "2"), ("2023", "2", "1")} <= days
    table = pd.read_csv(paths[1])
    assert len(doc["events"]) == table["date_start"].notna().sum()     # undated rows stay in the CSV only
    assert {"date", "actors", "n_articles", "status"} <= set(table.columns)
    assert not list(tmp_path.glob("*.tmp"))


def test_merge_needs_a_specific_shared_actor():
    """Same day, same words, but the only shared actor is a country: two events."""
    df = pd.DataFrame([_row("a1", "Flooding closed roads in the north of the country.", ["Italy", "Verona"]),
                       _row("a2", "Flooding closed roads in the north of the country.", ["Italy", "Trento"])])
    assert len(timeline.merge_corpus_events(df)) == 2


def test_merge_needs_the_same_story_not_just_the_same_person():
    df = pd.DataFrame([_row("a1", "Giorgia Meloni opened a bridge in Genoa.", ["Giorgia Meloni", "Genoa"]),
                       _row("a2", "Giorgia Meloni criticised the budget rules of Brussels.", ["Giorgia Meloni"])])
    assert len(timeline.merge_corpus_events(df)) == 2


def _told(article_id, text, trigger, actors):
    row = _row(article_id, text, actors)
    row["trigger_start"] = text.index(trigger)
    row["trigger_end"] = row["trigger_start"] + len(trigger)
    return row


TANAKA, ORTIZ = "Keiko Tanaka", "Lena Ortiz"


@pytest.mark.parametrize("first, second, merged_rows", [
    (("Keiko Tanaka won Osaka, Kyoto and Nara.", "won", [TANAKA, "Osaka", "Kyoto", "Nara"]),   # other places
     ("Tanaka won Hokkaido.", "won", [TANAKA, "Hokkaido"]), 2),
    (("Lena Ortiz made comments.", "made", [ORTIZ]), ("Lena Ortiz made a counteroffer.", "made", [ORTIZ]), 2),
    (("Lena Ortiz resigned as mayor.", "resigned", [ORTIZ]),                    # the verb and more in common
     ("Ortiz resigned her post as mayor.", "resigned", [ORTIZ]), 1),
    (("Militants killed 130 people in Lyon.", "killed", ["Lyon"]),               # a number in common
     ("the attack that killed 130 in Lyon", "killed", ["Lyon"]), 1),
    (("Lena Ortiz ran for the Senate in 2008.", "ran", [ORTIZ]),                # a year is a date, not a word
     ("Lena Ortiz ran for president in 2008.", "ran", [ORTIZ]), 2),
])
def test_two_tellings_need_more_in_common_than_the_event_word(first, second, merged_rows):
    rows = [_told(aid, *telling) for aid, telling in (("a1", first), ("a2", second))]
    assert len(timeline.merge_corpus_events(pd.DataFrame(rows))) == merged_rows


@pytest.mark.parametrize("first, second, merged_rows", [
    (("Lena Ortiz lost the primary in Nice to Marc Petit.", "lost", [ORTIZ, "Nice", "Marc Petit"]),  # two losers
     ("Keiko Tanaka lost the primary in Nice to Marc Petit.", "lost", [TANAKA, "Nice", "Marc Petit"]), 2),
    (("Keiko Tanaka won the primary in Osaka and in her home city of Nara.", "won", [TANAKA, "Osaka", "Nara"]),
     ("Lena Ortiz won the primary in Osaka and in her home city of Kobe.", "won", [ORTIZ, "Osaka", "Kobe"]), 2),
    (("Last month, Keiko Tanaka fired her campaign manager, Lena Ortiz.", "fired", ["Keiko A. Tanaka", ORTIZ]),
     ("Ortiz was fired from the Tanaka campaign last month.", "fired", [ORTIZ, TANAKA]), 1),   # a surname
    (("LYON, France - Lena Ortiz won the Lyon primary, beating Keiko Tanaka.", "won", ["Lyon", "France", ORTIZ,
                                                                                      TANAKA]),
     ("Ortiz won the primary in Lyon, beating Tanaka.", "won", [ORTIZ, "Lyon", TANAKA]), 1),   # a dateline first
])
def test_the_first_parties_take_part_in_both_tellings(first, second, merged_rows):
    rows = [_told(aid, *telling) for aid, telling in (("a1", first), ("a2", second))]
    assert len(timeline.merge_corpus_events(pd.DataFrame(rows))) == merged_rows


def test_short_names_take_the_corpus_full_name():
    assert timeline.corpus_names([["Steve Jobs", "Apple"], ["Jobs"], ["Smith"], ["Anna Smith"], ["Tom Smith"]]) \
        == {"Jobs": "Steve Jobs"}
    df = pd.DataFrame([_row("a1", "Jobs unveiled the phone.", ["Jobs"]), _row("a2", "x", ["Steve Jobs"], day="2024-05-01")])
    merged = timeline.merge_corpus_events(df)
    assert all(actors == ["Steve Jobs"] for actors in merged["actors"])


@pytest.mark.parametrize("alias, n", [("Ukrainian", 1), ("US", 1), ("U.S.", 1), ("united states", 1),
                                      ("Kyiv", 0)])
def test_filter_by_actor_accepts_aliases(alias, n):
    df = pd.DataFrame([_row("a1", "x", ["Ukraine"]), _row("a2", "y", ["United States"])])
    assert len(timeline.filter_by_actor(timeline.merge_corpus_events(df), alias)) == n


def test_filter_by_actor_returns_time_order_with_ties_together():
    df = pd.DataFrame([_row("a1", "third", ["Antony Blinken"], day="2024-05-09"),
                       _row("a2", "first", ["Antony Blinken"], day="2024-01-02"),
                       _row("a3", "second", ["Antony Blinken", "Rome"], day="2024-05-01"),
                       _row("a4", "tie", ["Antony Blinken"], day="2024-05-09")])
    rows = timeline.filter_by_actor(df, "Blinken")
    assert list(rows["text"]) == ["first", "second", "third", "tie"]


def test_background_is_listed_apart():
    df = pd.DataFrame([_row("a1", "news", ["X"]), _row("a1", "history", ["X"], day="1869-05-01", status="background")])
    shown, background = timeline.split_background(df)
    assert list(shown["text"]) == ["news"] and list(background["text"]) == ["history"]
    shown, background = timeline.split_background(df, window="all")
    assert len(shown) == 2 and background.empty
    with pytest.raises(ValueError):
        timeline.split_background(df, window="recent")
