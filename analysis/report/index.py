"""``index.html``: links to every report, the run's metadata, its inputs and its failures.

Everything that comes from the run (titles, paths, parameters, error messages) is escaped.
"""
from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd


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


def render_index(*, started: str, version: str, model: str, parameters: Mapping, timings: Mapping[str, float],
                 articles: pd.DataFrame, jobs: Sequence[Job], skipped_articles: str | None = None) -> str:
    """The index page as a string."""
    reports = [j for j in jobs if j.name != "article"]
    pages = [j for j in jobs if j.name == "article"]
    ingest_failures = articles[articles["error"].notna()]
    failures = [(f"input {r['source_path']}", r["error"]) for r in ingest_failures.to_dict("records")]
    failures += [(f"notebook {j.ipynb}", j.error) for j in jobs if not j.ok]
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>News analysis reports</title>"
             f"<style>{CSS}</style></head><body><h1>News analysis reports</h1>"]
    total = sum(timings.values())
    n_warned = int(articles["warning"].notna().sum()) if "warning" in articles else 0
    parts.append(_table(["run", ""], [
        ["started", _e(started)], ["package version", _e(version)], ["model", _e(model)],
        ["timings", _e(", ".join(f"{k} {v:.1f} s" for k, v in timings.items()) + f"; total {total:.1f} s")],
        ["inputs", _e(f"{len(articles)} articles, {len(ingest_failures)} failed, {n_warned} with warnings")]]))
    if failures:
        items = "".join(f"<li><span class=\"mono\">{_e(what)}</span>: {_e(why)}</li>" for what, why in failures)
        parts.append(f'<div class="failures"><h2>Failures ({len(failures)})</h2><ul>{items}</ul></div>')
    parts.append("<h2>Reports</h2>")
    parts.append(_table(["report", "status", "time", "notebook"], [
        [f'<a href="{_e(j.html)}">{_e(j.title)}</a>', _status(j.ok, j.error), _e(f"{j.seconds:.1f} s"),
         f'<a class="mono" href="{_e(j.ipynb)}">{_e(j.ipynb)}</a>'] for j in reports]))
    if pages:
        parts.append(f"<h2>Articles ({len(pages)})</h2>")
        parts.append(_table(["article", "status", "time"], [
            [f'<a href="{_e(j.html)}">{_e(j.title)}</a>', _status(j.ok, j.error), _e(f"{j.seconds:.1f} s")]
            for j in pages]))
    if skipped_articles:
        parts.append(f"<p>{_e(skipped_articles)}</p>")
    parts.append("<h2>Parameters</h2>")
    parts.append(_table(["name", "value"], [[_e(k), f'<span class="mono">{_e(json.dumps(v, default=str))}</span>']
                                            for k, v in parameters.items()]))
    parts.append("<h2>Inputs</h2>")
    parts.append(_table(["article", "title", "source", "sha256", "status"], [
        [_e(r["article_id"]), _e(r["title"]), f'<span class="mono">{_e(r["source_path"])}</span>',
         f'<span class="mono">{_e(r["sha256"])}</span>', _status(pd.isna(r["error"]), r["error"], r.get("warning"))]
        for r in articles.to_dict("records")]))
    parts.append('<p>Exported tables (CSV) are in <a href="data/">data/</a>.</p></body></html>')
    return "\n".join(parts)
