"""DuckDB queries over the store give what the pandas metrics give, and only the rows asked for."""
from __future__ import annotations

import pytest
from store_corpus import PATHS, TABLES, plain, records, run

from analysis import analyze, metrics, queries
from analysis.engine import LocalEngine
from analysis.ingest import read_articles
from analysis.store import Store
from analysis.tables import build_tables


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("queries") / "store")
    _plan, errors, corpus = run(store, LocalEngine(n_process=1))
    assert errors == {}
    yield corpus
    corpus.close()


@pytest.fixture(scope="module")
def tables(corpus):
    return {name: corpus.table(name) for name in TABLES}


def test_tables_from_the_store_equal_tables_from_analyze(tables):
    articles = read_articles(PATHS)
    results = {a.article_id: analyze(a.text, a.published).to_dict() for a in articles if a.error is None}
    direct = build_tables(articles, results)
    for name in TABLES:
        want = direct._asdict()[name]
        want = want.drop(columns=["text"]) if name == "articles" else want
        assert list(tables[name].columns) == list(want.columns), name
        assert records(tables[name]) == records(want), name
    assert "line 4" in tables["articles"].set_index("article_id").loc["corpus_small-00004", "error"]


def _without_evidence(frame):
    return records(frame.drop(columns=["evidence"]))


def test_speakers_affiliations_kinds_types_summary_match_metrics(corpus, tables):
    att = tables["attributions"]
    assert _without_evidence(queries.quotes_per_speaker(corpus, top=5)) == \
        _without_evidence(metrics.quotes_per_speaker(att).head(5))
    assert _without_evidence(queries.affiliations(corpus, top=50)) == _without_evidence(metrics.affiliations(att))
    assert _without_evidence(queries.quote_kinds(corpus)) == _without_evidence(metrics.quote_kinds(att))
    assert _without_evidence(queries.source_types(corpus)) == _without_evidence(metrics.source_types(att))
    assert records(queries.summary(corpus)) == [
        {**r, "evidence": plain(r["evidence"][:queries.EVIDENCE])} for r in records(metrics.summary(att))]
    top = queries.quotes_per_speaker(corpus, top=3)
    assert len(top) == 3 and all(1 <= len(ev) <= queries.EVIDENCE for ev in top["evidence"])
    want = metrics.quotes_per_speaker(att).head(3)
    assert [list(ev) for ev in top["evidence"]] == [list(ev)[:queries.EVIDENCE] for ev in want["evidence"]]


def test_wire_reliance_matches_metrics(corpus, tables):
    want = metrics.wire_reliance(tables["attributions"], articles=tables["articles"][tables["articles"].error.isna()],
                                 paragraphs=tables["paragraphs"]).drop(columns=["evidence"])
    got = queries.wire_reliance(corpus, limit=100)
    assert sorted(records(got), key=lambda r: r["article_id"]) == sorted(records(want), key=lambda r: r["article_id"])
    assert len(queries.wire_reliance(corpus, limit=2)) == 2
    summary = queries.wire_summary(corpus).set_index("measure")
    for col in summary.index:
        assert summary.loc[col, "mentions"] == want[col].sum()
        assert summary.loc[col, "n_articles"] == (want[col] > 0).sum()
    assert set(summary["n_relying"]) == {int(want["relies_on_wires"].sum())}
    assert set(summary["n_total"]) == {len(want)}


def test_events_per_period_and_top_events(corpus, tables):
    events = tables["events"]
    counts = queries.events_per_period(corpus, period="month")
    assert counts["n"].sum() == events["date_start"].notna().sum()
    assert set(counts["status"]) <= set(events["status"])
    assert queries.events_per_period(corpus, period="year")["n"].sum() == counts["n"].sum()
    with pytest.raises(ValueError):
        queries.events_per_period(corpus, period="fortnight")
    top = queries.top_events(corpus, limit=4)
    assert len(top) == 4 and list(top["n_articles"]) == sorted(top["n_articles"], reverse=True)
    actor = next(a for acts in events["actors"] for a in acts)
    mine = queries.top_events(corpus, limit=1000, actor=actor.upper())
    assert len(mine) and all(any(actor.lower() in a.lower() for a in acts) for acts in mine["actors"])


def test_empty_store_gives_empty_frames(tmp_path):
    corpus = queries.Corpus(Store(tmp_path / "none"), [])
    assert corpus.count("events") == 0
    assert queries.quotes_per_speaker(corpus).empty and queries.events_per_period(corpus).empty
    assert queries.summary(corpus)["n_citations"].tolist() == [0]


def test_corpus_over_an_fsspec_store():
    fsspec = pytest.importorskip("fsspec")
    from analysis.store import analysis_key

    store = Store("memory://queries-test/store")
    key = analysis_key("abc", None, code_version="v", model="m")
    try:
        store.write_batch([(key, {"published": "2024-01-02", "published_from": "given", "events": [
            {"date": "2024-01-02", "date_start": "2024-01-02", "date_end": "2024-01-02", "text": "It happened.",
             "start": 0, "end": 12, "actors": [], "status": "asserted", "speaker": None, "timex_start": 0,
             "timex_end": 1}]})])
        corpus = queries.Corpus(store, [{"article_id": "a", "key": key.key, "pos": 0}])
        assert corpus.table("events")["text"].tolist() == ["It happened."]
        assert corpus.table("articles")["published"].tolist() == ["2024-01-02"]
    finally:
        fsspec.filesystem("memory").rm("/queries-test", recursive=True)


def test_attitudes_and_chosen_acts_match_metrics(corpus, tables):
    att = tables["attributions"]
    assert _without_evidence(queries.attitudes(corpus, top=100)) == _without_evidence(metrics.attitudes(att))
    try:
        corpus.choose_acts("all")
        chosen = metrics.choose_acts(att, "all")
        assert _without_evidence(queries.quotes_per_speaker(corpus, top=100)) == \
            _without_evidence(metrics.quotes_per_speaker(chosen))
    finally:
        corpus.choose_acts(None)
    assert _without_evidence(queries.quote_kinds(corpus)) == _without_evidence(metrics.quote_kinds(att))


def test_linker_over_the_store_links_as_the_linker_over_tables(corpus, tables):
    """A corpus report's links (looked up in the store a table at a time) point at the same sentences,
    with the same snippets, as links built from the whole sentences table; an offset before the first
    sentence goes to the first one, an unknown article to no link."""
    from analysis.evidence import Linker

    whole = Linker(tables["sentences"], tables["articles"])
    over_store = Linker.from_db(corpus)
    s = tables["sentences"]
    found = [(a, o) for a, st, en in zip(s["article_id"], s["start"], s["end"], strict=True)
             for o in (st, (st + en) // 2, en)]
    found += [(found[0][0], -5), ("no-such-article", 10)]
    over_store.prefetch(found)
    assert len(over_store._found) == len(set(found))
    for article_id, offset in found:
        assert over_store.target(article_id, offset) == whole.target(article_id, offset), (article_id, offset)
        assert over_store.link(article_id, offset) == whole.link(article_id, offset)
    assert over_store.target("no-such-article", 10) is None
    assert over_store.target(found[0][0], -5).sentence == 0
