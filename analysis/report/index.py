"""``index.html``: links to every report, an overview of the corpus, its failures, every article page,
and at the bottom the run's metadata and its inputs.

Everything that comes from the run (titles, paths, parameters, error messages) is escaped.
"""
from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from ..tables import records


@dataclass
class Job:
    """One notebook execution and its rendering."""
    name: str                 # "timeline", "sources", "article"
    title: str
    ipynb: str                # path relative to the report folder
    html: str
    parameters: dict
    article_id: str | None = None
    error: str | None = None  # why it failed, if it did
    seconds: float = 0.0
    reused: bool = False      # the previous run's output was kept (nothing it depends on changed)

    @property
    def ok(self) -> bool:
        return self.error is None


CSS = """
body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 1100px; margin: 2em auto;
  padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: .5em 0 1.5em; }
td, th { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
code, .mono { font-family: SFMono-Regular, Consolas, monospace; font-size: 12px; }
.ok { color: #1a7f37; } .failed { color: #b42318; font-weight: bold; } .warning { color: #9a6700; font-weight: bold; }
.failures { background: #fde3cf; border: 1px solid #D55E00; padding: .5em 1em; }
p.reports { font-size: 16px; }
"""


def _e(value) -> str:
    if value is None or (not isinstance(value, (list, dict, str)) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table whose cells are already escaped markup."""
    th = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _status(ok: bool, error: str | None = None, warning: str | None = None) -> str:
    if not ok:
        return f'<span class="failed">failed</span> {_e(error)}'
    if isinstance(warning, str) and warning:
        return f'<span class="warning">warning</span> {_e(warning)}'
    return '<span class="ok">ok</span>'


def _failures(articles: pd.DataFrame, jobs: Sequence[Job], pages: Mapping[str, str]) -> str:
    ingest = articles[articles["error"].notna()]
    failures = [(f"input {r['source_path']}", r["error"]) for r in records(ingest, ["source_path", "error"])]
    failures += [(f"notebook {j.ipynb}", j.error) for j in jobs if not j.ok]
    failures += [(f"article page of {aid}", why) for aid, why in pages.items()]
    if not failures:
        return ""
    items = "".join(f"<li><span class=\"mono\">{_e(what)}</span>: {_e(why)}</li>" for what, why in failures)
    return f'<div class="failures"><h2>Failures ({len(failures)})</h2><ul>{items}</ul></div>'


def _run_details(*, started: str, version: str, model: str, parameters: Mapping, timings: Mapping[str, float],
                 articles: pd.DataFrame, jobs: Sequence[Job]) -> list[str]:
    total = sum(timings.values())
    failed = int(articles["error"].notna().sum())
    n_warned = int(articles["warning"].notna().sum()) if "warning" in articles else 0
    parts = ["<h2>Run details</h2>", _table(["run", ""], [
        ["started", _e(started)], ["package version", _e(version)], ["model", _e(model)],
        ["timings", _e(", ".join(f"{k} {v:.1f} s" for k, v in timings.items()) + f"; total {total:.1f} s")],
        ["inputs", _e(f"{len(articles)} articles, {failed} failed, {n_warned} with warnings")]])]
    parts.append(_table(["notebook", "status", "time"], [
        [f'<a class="mono" href="{_e(j.ipynb)}">{_e(j.ipynb)}</a>', _status(j.ok, j.error),
         _e("reused" if j.reused else f"{j.seconds:.1f} s")] for j in jobs]))
    parts.append("<h3>Parameters</h3>")
    parts.append(_table(["name", "value"], [[_e(k), f'<span class="mono">{_e(json.dumps(v, default=str))}</span>']
                                            for k, v in parameters.items()]))
    parts.append("<h3>Inputs</h3>")
    parts.append(_table(["article", "source", "sha256", "status"], [
        [_e(r["article_id"]), f'<span class="mono">{_e(r["source_path"])}</span>',
         f'<span class="mono">{_e(r["sha256"])}</span>', _status(pd.isna(r["error"]), r["error"], r.get("warning"))]
        for r in records(articles, [c for c in ("article_id", "source_path", "sha256", "error", "warning")
                                    if c in articles])]))
    return parts


def overview_html(db, articles: pd.DataFrame, *, jobs: Sequence[Job], pages: Mapping[str, str] | None = None,
                  failed_pages: Mapping[str, str] | None = None) -> str:
    """The part of the index that depends on the corpus (``db``, a :class:`analysis.queries.Corpus`, and
    its ``articles`` table): the overview, the failures, the most cited sources and every article with
    a link to its page (``pages``: article id to path). Aggregated in DuckDB: no table is read whole.
    A run whose corpus and pages are those of the previous run reuses it (:mod:`.reuse`)."""
    from .overview import articles_html, figures_html, sources_html

    return "\n".join([
        "<h2>Overview</h2>", figures_html(db, articles), _failures(articles, jobs, failed_pages or {}),
        "<h2>Most cited sources</h2>", sources_html(db),
        f"<h2>Articles ({len(articles)})</h2>",
        "<p>Each title opens the article's page; the browser's search (Ctrl+F) finds a title or an id.</p>",
        articles_html(db, articles, pages=pages or {}, failed=failed_pages)])


def render_index(*, started: str, version: str, model: str, parameters: Mapping, timings: Mapping[str, float],
                 articles: pd.DataFrame, overview: str, jobs: Sequence[Job], note: str | None = None) -> str:
    """The index page as a string: links to the reports, the ``overview`` (:func:`overview_html`), then
    the run's details and its inputs (``articles``)."""
    from .overview import CSS as OVERVIEW_CSS

    links = [f'<a href="{_e(j.html)}">{_e(j.title)}</a>' + ("" if j.ok else f" ({_status(False, j.error)})")
             for j in jobs]
    links += ['<a href="data/">the tables as CSV</a>', '<a href="data/timeline.json">timeline.json</a> (TimelineJS)']
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>News analysis reports</title>"
             f"<style>{CSS}{OVERVIEW_CSS}</style></head><body><h1>News analysis reports</h1>",
             f'<p class="reports">{" · ".join(links)}</p>', overview]
    if note:
        parts.append(f"<p>{_e(note)}</p>")
    parts += _run_details(started=started, version=version, model=model, parameters=parameters, timings=timings,
                          articles=articles, jobs=jobs)
    parts.append("</body></html>")
    return "\n".join(parts)
