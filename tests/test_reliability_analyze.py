"""``analyze()`` never raises on text, keeps its offsets exact, and one article never takes down a batch.

The hypothesis test draws texts from news-like words, quotation marks, dollar signs, surrogates and
odd white space. ``make test`` runs a modest number of examples; ``HYPOTHESIS_EXAMPLES=10000``
runs more.
"""
from __future__ import annotations

import os
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis import pieces, pipeline
from analysis.types import Article

TEXT_FIELDS = (("text", "start", "end"), ("source", "source_start", "source_end"), ("cue", "cue_start", "cue_end"),
               ("content", "content_start", "content_end"))


def offset_errors(text: str, d: dict) -> list[str]:
    """Every record whose offsets do not index ``text`` or whose reported text is not that slice."""
    bad = []
    for kind, records in d.items():
        if not isinstance(records, list):
            continue
        for r in records:
            for field, start, end in TEXT_FIELDS:
                i, j = r.get(start), r.get(end)
                if i is None or j is None:
                    continue
                if not 0 <= i <= j <= len(text):
                    bad.append(f"{kind}.{start}/{end} = {i}/{j} out of range")
                elif isinstance(r.get(field), str) and text[i:j] != r[field]:
                    bad.append(f"{kind}.{field} {r[field]!r} != text[{i}:{j}] {text[i:j]!r}")
            for a, b in list(r.get("segments") or []) + list(r.get("evidence") or []):
                if not 0 <= a <= b <= len(text):
                    bad.append(f"{kind} span {a}-{b} out of range")
    return bad


# --------------------------------------------------------------------------- reproducers
@pytest.mark.parametrize("text", ["a \ud800", "Said on Monday \ud800 x.", "\udcff\n\n\"Quote \ud83d,\" he said."])
def test_lone_surrogates(text):
    d = analysis.analyze(text).to_dict()
    assert not offset_errors(text, d)


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-01T00:00:00Z", "9999-12-31", date(9999, 12, 31)])
def test_calendar_edge_reference_dates(published):
    text = "Talks\n\nThe ministers met last year, on Monday, next month and in two weeks, officials said."
    d = analysis.analyze(text, published).to_dict()
    assert d["published"] is None or "0001" not in d["published"]


def test_published_with_trailing_text_is_refused():
    with pytest.raises(analysis.ParameterError):
        analysis.analyze("x", "2023-03-02garbage")


# --------------------------------------------------------------------------- pieces
def _assert_tiles(text, cut):
    assert cut[0].start == 0 and cut[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(cut, cut[1:], strict=False))


def test_long_article_is_cut_at_paragraphs():
    text = "Headline\n\n" + "\n\n".join(f"Paragraph {i} says the council met on Monday." for i in range(4000))
    assert pieces.needs_pieces(text)
    cut = pieces.cut(text)
    _assert_tiles(text, cut)
    assert all(p.end - p.start <= pieces.PIECE_CHARS for p in cut)
    assert all(text[p.start:p.end].startswith("Paragraph") for p in cut[1:]), "cuts fall at paragraphs"


def test_run_without_sentence_ends_is_cut_at_white_space():
    text = " ".join(["council members met the minister"] * 2000)
    cut = pieces.cut(text)
    _assert_tiles(text, cut)
    assert all(p.end - p.start <= pieces.RUN_CUT for p in cut)
    assert all(text[p.start - 1] == " " for p in cut[1:])


def test_quote_marks_are_capped_per_piece():
    text = "He said " + " ".join(f'"w{i}' for i in range(3000))
    cut = pieces.cut(text)
    _assert_tiles(text, cut)
    assert all(text[p.start:p.end].count('"') <= pieces.MAX_QUOTES for p in cut)


def test_ordinary_articles_are_not_cut(seed_text):
    assert not pieces.needs_pieces(seed_text)


def test_pieces_keep_offsets_and_number_paragraphs(monkeypatch, nlp):
    body = "\n\n".join(f"On Monday, minister {i} said the talks would resume in May." for i in range(300))
    text = "Talks resume\n\n" + body
    monkeypatch.setattr(pieces, "LONG_CHARS", 5_000)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 2_000)
    assert len(pieces.cut(text)) > 5
    d = pipeline.analyze_text(nlp, text, published=date(2023, 3, 2)).to_dict()
    assert not offset_errors(text, d)
    assert [p["kind"] for p in d["paragraphs"]].count("headline") == 1
    assert [s["paragraph"] for s in d["sentences"]] == sorted(s["paragraph"] for s in d["sentences"])
    assert len(d["paragraphs"]) == 301 and d["sentences"][-1]["paragraph"] == 300
    assert d["published"] == "2023-03-02"


@pytest.mark.slow
def test_million_character_article_gets_a_full_result():
    text = "B\n\n" + "The council met. " * 70000          # the reproducer: 1,190,003 characters
    d = analysis.analyze(text, "2023-03-02").to_dict()
    assert len(d["sentences"]) == 70001 and not offset_errors(text, d)


@pytest.mark.slow
def test_long_text_without_full_stops_is_linear():
    words = "council members said that the minister would meet on Monday in Paris and John Smith".split()
    text = " ".join(words[i % len(words)] for i in range(24_000))     # ~142 KB, no sentence end
    d = analysis.analyze(text, "2023-03-02").to_dict()
    assert d["sentences"] and not offset_errors(text, d)


# --------------------------------------------------------------------------- isolation in a batch
def _articles(*texts):
    return [Article(article_id=f"a{i}", text=t, published=date(2023, 3, 2)) for i, t in enumerate(texts)]


GOOD = "Talks\n\nThe ministers met on Monday, officials said."


def test_one_articles_exception_stays_with_it(monkeypatch):
    real = pipeline.analyze_doc

    def flaky(doc, **kw):
        if "BOOM" in doc.text:
            raise RuntimeError("stage exploded")
        return real(doc, **kw)

    monkeypatch.setattr(pipeline, "analyze_doc", flaky)
    rows = list(pipeline.analyze_articles(_articles(GOOD, "BOOM\n\nIt failed on Monday.", GOOD), n_process=1))
    assert [r[0] for r in rows] == ["a0", "a1", "a2"]
    assert rows[0][1] is not None and rows[2][1] is not None
    assert rows[1][1] is None and "RuntimeError: stage exploded" in rows[1][2]


def test_a_failing_batch_parse_falls_back_to_one_by_one(monkeypatch, nlp):
    monkeypatch.setattr(type(nlp), "pipe", lambda self, texts, **kw: (_ for _ in ()).throw(MemoryError("batch")))
    rows = list(pipeline.analyze_articles(_articles(GOOD, GOOD), n_process=1))
    assert all(r[1] is not None for r in rows)


def test_runaway_article_hits_the_time_limit(monkeypatch):
    real = pipeline.analyze_doc

    def slow(doc, **kw):
        if "SLOW" in doc.text:
            time.sleep(5)
        return real(doc, **kw)

    monkeypatch.setattr(pipeline, "analyze_doc", slow)
    start = time.perf_counter()
    rows = list(pipeline.analyze_articles(_articles("SLOW\n\nIt dragged on Monday.", GOOD), n_process=1,
                                          time_limit=0.5))
    assert time.perf_counter() - start < 4
    assert rows[0][1] is None and "time limit of 0.5 s" in rows[0][2]
    assert rows[1][1] is not None


def test_results_stream_batch_by_batch(monkeypatch):
    """Each batch is handed over before the next one is analysed, so a caller can cache it."""
    seen = []
    real = pipeline._analyze_with

    def spy(nlp, chunk, **kw):
        seen.append(len(chunk))
        return real(nlp, chunk, **kw)

    monkeypatch.setattr(pipeline, "_analyze_with", spy)
    gen = pipeline.analyze_articles(_articles(*[GOOD] * (pipeline.BATCH + 1)), n_process=1)
    first = [next(gen) for _ in range(pipeline.BATCH)]
    assert len(first) == pipeline.BATCH and seen == [pipeline.BATCH]
    list(gen)


# --------------------------------------------------------------------------- property
PIECES = st.sampled_from([
    "The", "council", "met", "on", "Monday", "said", "Smith", "Paris", "2023", "March 2", "last year", "$5",
    "$\\bad{x}$", "\"", "“", "”", "'", "«", "»", "(", ")", ".", ",", "?", "!", ":", ";", "—", "…", " ", " ", " ",
    "\n", "\n\n", "\t", "\r", "\u00a0", "\u2028", "\ud800", "\udfff", "\ufffd", "é", "ß", "日本", "🙂", "\x00", "\x0c",
    "according to", "told reporters", "he said", "Reuters", "AP", "©", "Photo:", "#", "*", "<b>", "&amp;",
    "9" * 40, "1,000", "10%", "next week", "in two days", "since 1973", "0001-01-01", "9999-12-31",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=60).map(" ".join), st.lists(PIECES, max_size=60).map("".join),
                  st.text(max_size=200))
DATES = st.one_of(st.none(), st.dates(), st.sampled_from([date(1, 1, 1), date(9999, 12, 31)]))


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "60")), deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(text=TEXTS, published=DATES)
def test_analyze_never_raises_and_offsets_hold(text, published):
    d = analysis.analyze(text, published).to_dict()
    assert not offset_errors(text, d)
