"""Highlighted article text and tables: spans in the right places, and every piece of text escaped."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import highlight
from analysis.tables import columns

TEXT = "Storm hits <b>coast</b>\n\nOfficials said on Monday that the storm allegedly killed $x$ people."


def _frame(kind, rows):
    out = []
    for r in rows:
        row = dict.fromkeys(columns(kind))
        row.update(article_id="a", **r)
        out.append(row)
    return pd.DataFrame(out, columns=columns(kind))


def _span(text, needle):
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


@pytest.fixture
def parts():
    body = TEXT.index("Officials")
    paragraphs = _frame("paragraphs", [{"start": 0, "end": TEXT.index("\n"), "text": "", "kind": "headline"},
                                       {"start": body, "end": len(TEXT), "text": "", "kind": "body"}])
    timexes = _frame("timexes", [dict(_span(TEXT, "Monday"), type="DATE", value="2023-02-27")])
    entities = _frame("entities", [dict(_span(TEXT, "Storm"), label="EVENT", canonical="Storm <X>")])
    said, content = _span(TEXT, "said"), _span(TEXT, "the storm allegedly killed $x$ people")
    attributions = _frame("attributions", [{
        "kind": "indirect", "source": "Officials", "source_start": body, "source_end": body + 9,
        "speaker": "Officials", "source_type": "organisation", "cue": "said", "cue_start": said["start"],
        "cue_end": said["end"], "content": content["text"], "content_start": content["start"],
        "content_end": content["end"]}])
    return dict(paragraphs=paragraphs, timexes=timexes, entities=entities, attributions=attributions)


def _plain(markup: str) -> str:
    """The visible text of the article part (tags removed, entities decoded)."""
    import html
    article = markup.split('<p class="hl-legend">', 1)[1].split("</p>", 1)[1]
    article = re.sub(r'<span class="hl-kind">[^<]*</span>', "", article)
    return html.unescape(re.sub(r"<[^>]+>", "", article))


def test_text_is_escaped_and_complete(parts):
    out = highlight.highlight_text(TEXT, **parts)
    assert "<b>coast</b>" not in out and "&lt;b&gt;coast&lt;/b&gt;" in out
    assert "Storm &lt;X&gt;" in out                       # titles are escaped too
    assert _plain(out).replace("\n", "") == TEXT.replace("\n\n", "").replace("\n", "")


def test_spans_carry_classes(parts):
    out = highlight.highlight_text(TEXT, **parts)
    assert re.search(r'<span class="hl-timex[^"]*" title="DATE 2023-02-27[^"]*">Monday</span>', out)
    assert re.search(r'class="hl-source"[^>]*>Officials</span>', out)
    assert re.search(r'class="hl-cue"[^>]*>said</span>', out)
    assert re.search(r'class="hl-quote hl-hedge"[^>]*>allegedly</span>', out)   # hedge inside the quote
    assert '<p class="hl-p-headline"><span class="hl-kind">headline</span>' in out
    assert "tex2jax_ignore" in out


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                     '" onmouseover="alert(1)'])
def test_hostile_text_never_becomes_markup(hostile):
    text = f"Headline {hostile}\n\nBody {hostile} said."
    out = highlight.highlight_text(text)
    assert "<script>" not in out and "<img" not in out and 'onmouseover="' not in out
    table = highlight.table_html(pd.DataFrame({"text": [hostile]}))
    assert hostile not in table and "<script>" not in table


def test_table_html_empty_says_so():
    out = highlight.table_html(pd.DataFrame(columns=["a"]), empty="No dated events were found.")
    assert "No dated events were found." in out and "<table" not in out


def test_table_html_formats_lists_and_truncates():
    df = pd.DataFrame({"actors": [("NATO", "Russia")] * 5, "evidence": [[("a", 3)]] * 5})
    out = highlight.table_html(df, max_rows=2)
    assert "NATO, Russia" in out and "(a, 3)" in out
    assert "Showing 2 of 5 rows" in out


def test_pick_and_select_article():
    from analysis.tables import build_tables
    from analysis.types import Article
    tables = build_tables([Article("bad", "", error="x.txt: empty"), Article("ok", "Some text")],
                          {"ok": {"published": None}})
    assert highlight.pick_article(tables) == "ok"
    assert list(highlight.select_article(tables, "ok").articles["article_id"]) == ["ok"]
    with pytest.raises(KeyError, match="nope"):
        highlight.pick_article(tables, "nope")


def test_fields_html_shows_one_row_as_field_and_value():
    out = highlight.fields_html(pd.DataFrame([{"title": "A <i>b</i>", "n_words": 3}]))
    assert "<th>title</th><td>A &lt;i&gt;b&lt;/i&gt;</td>" in out and "<th>n_words</th><td>3</td>" in out
