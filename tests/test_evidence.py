"""Evidence links: page names, anchors, safe URLs, linked snippets and folded cells; the timeline table."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import evidence, htmlcharts, metrics, timeline_table
from analysis.tables import columns

TEXT_A = "Storm hits coast. Officials said the storm killed <b>two</b> people. Roads are closed."
TEXT_B = 'Rain "falls" & floods. Nothing else.'
SAFE_PAGE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")


def _sentences(article_id: str, text: str) -> list[dict]:
    return [{"article_id": article_id, "start": m.start(), "end": m.start() + len(m.group().rstrip()),
             "text": m.group().rstrip(), "paragraph": 0} for m in re.finditer(r"[^.]+\.\s*", text)]


@pytest.fixture
def linker():
    sentences = pd.DataFrame(_sentences("a", TEXT_A) + _sentences("b/../x", TEXT_B))
    articles = pd.DataFrame([{"article_id": "a", "title": "Storm <i>"},
                             {"article_id": "b/../x", "title": None}])
    return evidence.Linker(sentences, articles)


@pytest.mark.parametrize("article_id", ["../etc/passwd", 'a"b', "<script>x</script>", "javascript:alert(1)",
                                        ".hidden", "a/b", "", "x" * 300, "wikinews_2019-00001", "ünï cödé"])
def test_page_names_stay_in_the_folder(article_id):
    name = evidence.page_name(article_id)
    assert SAFE_PAGE.fullmatch(name) and ".." not in name and len(name) <= 100


def test_page_names_are_distinct_and_plain_ids_kept():
    assert evidence.page_name("wikinews_2019-00001") == "wikinews_2019-00001"
    assert evidence.page_name("a/b") != evidence.page_name("a_b") != evidence.page_name("a?b")


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a?b=1&c=2", True), ("http://example.org", True), ("HTTPS://EXAMPLE.ORG/x", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("data:text/html,<b>", False),
    ("//evil.example/x", False), ("http://", False), ("ftp://example.org", False), ("http://a b", False),
    (None, False), (float("nan"), False),
])
def test_only_http_urls_become_links(url, ok):
    assert (evidence.safe_url(url) is not None) == ok
    markup = evidence.url_html(url)
    assert ("<a " in markup) == ok
    assert not re.search(r'href="\s*javascript', markup, re.I)


def test_url_with_quotes_is_escaped():
    markup = evidence.url_html('https://example.org/"><script>alert(1)</script>')
    assert "<script>" not in markup and "&quot;&gt;&lt;script&gt;" in markup


def test_offsets_find_their_sentence(linker):
    said = TEXT_A.index("said")
    t = linker.target("a", said)
    assert t.sentence == 1 and t.href == "articles/a.html#s1"
    assert t.snippet.startswith("said the storm") and t.snippet in TEXT_A
    assert linker.target("a", 0).href.endswith("#s0")
    assert linker.target("nope", 3) is None


def test_links_escape_text_titles_and_ids(linker):
    markup = linker.link("a", TEXT_A.index("killed"))
    assert "<b>" not in markup and "&lt;b&gt;two" in markup and 'title="Storm &lt;i&gt;"' in markup
    odd = linker.link("b/../x", TEXT_B.index("falls"))
    href = re.search(r'href="([^"]*)"', odd).group(1)
    assert "/../" not in href and href.startswith("articles/") and href.endswith("#s0")
    assert "falls&quot; &amp; floods" in odd


def test_local_links_on_the_article_page():
    one = evidence.Linker(pd.DataFrame(_sentences("a", TEXT_A)), prefix=None)
    assert one.href("a", 2) == "#s2"


@pytest.mark.parametrize("value, expected", [
    ([("a", 5), ("b", 7)], [("a", 5), ("b", 7)]),
    (("a", 5), [("a", 5)]),
    ([{"article_id": "a", "spans": [[5, 9], [12, 20]]}], [("a", 5)]),
    ([("a", None)], []), (None, []), (float("nan"), []), ("a", []),
])
def test_evidence_values_of_every_shape(value, expected):
    assert evidence.pairs(value) == expected


def test_aggregated_cell_counts_shows_three_and_folds_the_rest(linker):
    found = [("a", 0), ("a", 20), ("a", 70), ("b/../x", 0), ("b/../x", 25)]
    cell = linker.cell(found)
    head, folded = cell.split("<details", 1)
    assert '<span class="ev-n">5</span>' in head and head.count("<a ") == 3
    assert "2 more" in folded and folded.count("<a ") == 2
    assert linker.cell([("a", 0)]).count("<a ") == 1 and "<details" not in linker.cell([("a", 0)])
    assert linker.cell([]) == ""


def test_speaker_chart_counts_as_the_metrics_do():
    rows = [dict.fromkeys(columns("attributions")) | r for r in [
        {"article_id": "a", "kind": "direct", "speaker": "Ann Lee", "source_type": "person", "content_start": 1},
        {"article_id": "a", "kind": "indirect", "speaker": "Ann Lee", "source_type": "person", "content_start": 9},
        {"article_id": "a", "kind": "indirect", "speaker": None, "source": "officials", "source_type": "anonymous",
         "content_start": 30},
        {"article_id": "a", "kind": "photo_credit", "source": "AFP", "source_type": "media", "source_start": 50}]]
    df = pd.DataFrame(rows, columns=columns("attributions"))
    fields = ("n_direct", "n_reported", "n_quotes", "n_articles", "source_type")
    counts = {r["speaker"]: tuple(r[f] for f in fields) for r in htmlcharts.speaker_counts(df)}
    expected = {r["speaker"]: tuple(r[f] for f in fields) for r in metrics.quotes_per_speaker(df).to_dict("records")}
    assert counts == expected == {"Ann Lee": (1, 1, 2, 1, "person"), "officials": (0, 1, 1, 1, "anonymous")}
    assert "Ann Lee" in htmlcharts.speakers(df) and "<table" in htmlcharts.speakers(df)._repr_html_()


def _events(*rows):
    return pd.DataFrame([{"date": d, "date_start": pd.Timestamp(d).date(), "date_end": pd.Timestamp(d).date(),
                          "text": f"event of {d} <b>", "status": "asserted", "speaker": None, "n_articles": 1,
                          "evidence": [{"article_id": "a", "spans": [[0, 5]]}]} for d in rows])


def test_timeline_table_newest_first_folded_and_history_apart(linker):
    articles = pd.DataFrame({"article_id": ["a"], "published": ["2023-03-20"]})
    events = _events("2023-03-15", "2023-04-01", "2023-02-20", "1990-05-01")
    markup = timeline_table.timeline_table(events, linker=linker, articles=articles, open_rows=2)
    assert markup.index("April 2023") < markup.index("March 2023") < markup.index("February 2023")
    assert "<summary>February 2023 · 1 event</summary>" in markup      # past the open rows: folded
    assert "Outside the news window" in markup and "<summary>1990 · 1 event</summary>" in markup
    assert "<b>" not in markup and markup.count('href="articles/a.html#s0"') == 4
