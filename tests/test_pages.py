"""Article pages in bulk: the article notebook run in-process, one page per article, reused when unchanged."""
from __future__ import annotations

import html
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.report import pages
from analysis.workbook import load_corpus

GOOD = ("Port reopens after storm\n\n"
        "The harbour reopened on Monday, officials said. \"We are back to work,\" the harbour master said.\n")
HOSTILE = ('Harbour <script>alert(1)</script> "reopens"\n\n'
           "The port authority said on Monday that the harbour would reopen. <img src=x onerror=alert(1)>\n")


def _notebook(tmp_path, *cells):
    nb = new_notebook(cells=[new_code_cell("x: int = 1  # a number", metadata={"tags": ["parameters"]}), *cells])
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    return pages.Notebook.load(path)


def test_cells_run_as_jupyter_shows_them(tmp_path):
    nb = _notebook(tmp_path, new_markdown_cell("## Part <b>one</b>"),
                   new_code_cell("%matplotlib inline\ny = x * 2\ny"), new_code_cell("y + 1;"),
                   new_code_cell("from analysis.evidence import Markup\nMarkup('<i>ok</i>')"))
    outputs, error = pages.run(nb, {"x": 5})
    assert error is None
    assert "<h2>Part &lt;b&gt;one&lt;/b&gt;</h2>" in outputs[0]          # markdown rendered, raw HTML escaped
    assert "10" in outputs[1] and len(outputs) == 3 and "<i>ok</i>" in outputs[2]


def test_a_failing_cell_stops_the_page_and_says_why(tmp_path):
    nb = _notebook(tmp_path, new_code_cell("1 + 1"), new_code_cell("raise ValueError('boom <b>')"),
                   new_code_cell("'after'"))
    outputs, error = pages.run(nb, {})
    assert error == "ValueError: boom <b>" and len(outputs) == 1
    page = pages.page_html(outputs, title="T", failed=error)
    assert "boom &lt;b&gt;" in page and "<b>" not in page


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "good.md").write_text("---\nurl: https://example.org/port?a=1&b=2\n---\n" + GOOD, encoding="utf-8")
    (seeds / "hostile.md").write_text("---\nurl: javascript:alert(1)\n---\n" + HOSTILE, encoding="utf-8")
    tables = load_corpus(seeds, published="2023-03-03")
    params = {"seeds": str(seeds), "published": "2023-03-03"}
    return {"root": root, "tables": tables, "params": params}


@pytest.fixture(scope="module")
def written(corpus):
    out = corpus["root"] / "out"
    return out, pages.write_pages(corpus["tables"].articles, out=out, params=corpus["params"])


def test_every_article_gets_a_page(written, corpus):
    out, done = written
    assert sorted(done.rendered) == ["good", "hostile"] and not done.failed and not done.reused
    assert sorted(p.name for p in (out / "articles").glob("*.html")) == ["good.html", "hostile.html"]


def test_page_title_link_legend_and_anchors(written, corpus):
    page = (written[0] / "articles" / "good.html").read_text(encoding="utf-8")
    assert "<title>Port reopens after storm</title>" in page and ">Port reopens after storm</h1>" in page
    assert '<a href="https://example.org/port?a=1&amp;b=2"' in page
    assert 'class="hl-legend"' in page and "date or time" in page
    n = len(corpus["tables"].sentences.query("article_id == 'good'"))
    assert [f"s{i}" for i in range(n)] == re.findall(r'<span class="hl-s" id="(s\d+)"', page)
    assert ".hl-s:target" in page
    assert re.search(r'<a class="ev-link" href="#s\d+"', page)        # tables link to the sentences


def test_hostile_page_is_escaped_and_runs_nothing(written):
    page = (written[0] / "articles" / "hostile.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page and "javascript:alert(1)" in html.unescape(page)
    assert "default-src 'none'" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page.replace(
        'href="https://example.org', ""))


def test_unchanged_pages_are_not_rendered_again(written, corpus):
    out, _ = written
    again = pages.write_pages(corpus["tables"].articles, out=out, params=corpus["params"])
    assert sorted(again.reused) == ["good", "hostile"] and not again.rendered
    other = pages.write_pages(corpus["tables"].articles, out=out, params=dict(corpus["params"], max_bytes=10**7))
    assert sorted(other.rendered) == ["good", "hostile"]


def test_pages_are_copied_from_the_previous_folder(written, corpus):
    staged = corpus["root"] / "staged"
    again = pages.write_pages(corpus["tables"].articles, out=staged, params=dict(corpus["params"], max_bytes=10**7),
                              previous=written[0])
    assert sorted(again.reused) == ["good", "hostile"]
    assert (staged / "articles" / "good.html").read_bytes() == (written[0] / "articles" / "good.html").read_bytes()


def test_page_shows_what_the_notebook_shows(corpus, tmp_path):
    import papermill

    from analysis.workbook import PROJECT_ROOT

    target = tmp_path / "article.ipynb"
    papermill.execute_notebook(str(pages.NOTEBOOK), str(target), kernel_name="python3", progress_bar=False,
                               parameters=dict(corpus["params"], article_id="good"), cwd=str(PROJECT_ROOT))
    executed = nbformat.read(target, as_version=4)
    shown = [o["data"]["text/html"] for c in executed.cells for o in c.get("outputs", [])
             if "text/html" in o.get("data", {})]
    outputs, error = pages.run(pages.Notebook.load(), dict(corpus["params"], article_id="good"))
    assert error is None
    assert [o for o in outputs if o.startswith('<div class="nb-out">')] == [f'<div class="nb-out">{s}</div>'
                                                                           for s in shown]
    assert not [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "stream"]


def test_pages_rendered_by_chunks_are_those_of_the_whole_corpus(written, corpus, tmp_path):
    """The report builder reads only the rows (and re-reads the texts) of the articles whose pages it
    renders, a chunk at a time; the pages are the same as from the whole corpus in memory."""
    from analysis.corpus import Texts, articles_table, corpus_tables, open_corpus
    from analysis.report import notebook

    params, loaded = corpus["params"], []
    db = open_corpus(params["seeds"], published=params["published"])
    arts = articles_table(db)
    texts = Texts(params["seeds"], sha256=arts["sha256"].tolist(), published=params["published"])

    def load(positions):
        loaded.append(positions)
        chunk = corpus_tables(db, articles=arts, positions=positions, texts=texts.take(positions))
        assert list(chunk.articles["article_id"]) == [arts["article_id"][p] for p in positions]
        assert set(chunk.sentences["article_id"]) == set(chunk.articles["article_id"])
        notebook.remember(chunk, params["seeds"], published=params["published"])

    try:
        done = pages.write_pages(arts, out=tmp_path, params=params, load=load, chunk=1)
    finally:
        db.close()
        notebook._MEMO.clear()
    assert loaded == [[0], [1]] and sorted(done.rendered) == ["good", "hostile"]
    for name in ("good.html", "hostile.html"):
        assert (tmp_path / "articles" / name).read_text() == (written[0] / "articles" / name).read_text()
