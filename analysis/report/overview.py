"""The top of ``index.html``: what the corpus says at a glance, and the list of article pages.

Articles read and failed, the publication dates, events by status, citations and the share of
anonymous sources, the most cited sources with their share of speech (each name a link to its first
citation), and one row per article linking to its page. Every string from the articles is escaped.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping

import pandas as pd

from .. import metrics
from ..display import format_number
from ..evidence import Linker, esc, page_name
from ..htmlcharts import speaker_counts
from ..tables import records
from ..types import EVENT_STATUSES

LOGGER = logging.getLogger(__name__)

TOP_SOURCES = 10

CSS = """
table.ov-figures th { font-weight: normal; color: #555; padding-right: 1.5em; }
table.ov-articles td.num, table.ov-sources td.num { text-align: right; }
table.ov-articles td { white-space: nowrap; } table.ov-articles td:first-child { white-space: normal; }
a.ev-link, a.ev-name { color: #0b4f8a; text-decoration: none; border-bottom: 1px dotted #0b4f8a; }
"""


def _n(value) -> str:
    return format_number(int(value))


def _dates(articles: pd.DataFrame) -> str:
    days = pd.to_datetime(articles["published"], errors="coerce").dropna() if len(articles) else pd.Series([])
    if days.empty:
        return "no publication dates"
    first, last = days.min(), days.max()
    return f"{first:%-d %B %Y}" if first == last else f"{first:%-d %B %Y} – {last:%-d %B %Y}"


def _statuses(events: pd.DataFrame) -> str:
    if events.empty:
        return "none found"
    counts = events["status"].value_counts()
    order = [s for s in EVENT_STATUSES if s in counts.index] + [s for s in counts.index if s not in EVENT_STATUSES]
    return f"{_n(len(events))}: " + ", ".join(f"{_n(counts[s])} {esc(s)}" for s in order)


def figures_html(tables) -> str:
    """The corpus in a few lines: articles, dates, events by status, citations, anonymous sources."""
    arts = tables.articles
    failed = int(arts["error"].notna().sum())
    summary = metrics.summary(tables.attributions).iloc[0]
    n_cit = int(summary["n_citations"])
    anonymous = (format_number(summary["share_anonymous"], percent=True) + " of citations"
                 if n_cit else "no citations")
    rows = [("articles", f"{_n(len(arts) - failed)} read" + (f", {_n(failed)} failed" if failed else "")),
            ("published", esc(_dates(arts[arts["error"].isna()]))),
            ("dated events", _statuses(tables.events)),
            ("citations", f"{_n(n_cit)} of {_n(summary['n_speakers'])} speakers"),
            ("anonymous sources", esc(anonymous))]
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="ov-figures"><tbody>{body}</tbody></table>'


def sources_html(attributions: pd.DataFrame, *, linker: Linker, top: int = TOP_SOURCES) -> str:
    """The most cited sources: citations, their share of all citations (share of speech), articles."""
    counts = speaker_counts(attributions)
    total = sum(r["n_quotes"] for r in counts)
    if not counts:
        return "<p>No quoted or cited sources were found.</p>"
    rows = []
    for r in counts[:top]:
        name = linker.link(str(r["first"][0]), r["first"][1], label=r["speaker"], name=True)
        rows.append(f'<tr><td>{name}</td><td>{esc(r["source_type"])}</td><td class="num">{_n(r["n_quotes"])}</td>'
                    f'<td class="num">{format_number(r["n_quotes"] / total, percent=True)}</td>'
                    f'<td class="num">{_n(r["n_articles"])}</td></tr>')
    return ('<table class="ov-sources"><thead><tr><th>source</th><th>type</th><th>citations</th>'
            f'<th>share of speech</th><th>articles</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def articles_html(tables, *, pages: Mapping[str, str], failed: Mapping[str, str] | None = None) -> str:
    """Every article: its title linking to its page, date, outlet, words, events and citations.
    Each row's id is its page name, so ``index.html#<page>`` finds it; the browser's search finds a title."""
    arts = tables.articles
    events = tables.events["article_id"].astype(str).value_counts() if len(tables.events) else {}
    cites = metrics.citations(tables.attributions)["article_id"].astype(str).value_counts() \
        if len(tables.attributions) else {}
    rows = []
    for r in records(arts, ["article_id", "title", "error", "published", "outlet", "n_words"]):
        aid = str(r["article_id"])
        title = r["title"] if isinstance(r["title"], str) and r["title"].strip() else aid
        href = pages.get(aid)
        cell = f'<a href="{esc(href)}">{esc(title)}</a>' if href else esc(title)
        why = (failed or {}).get(aid) or (r["error"] if isinstance(r["error"], str) else None)
        status = f'<span class="failed">failed</span> {esc(why)}' if why else ""
        rows.append(f'<tr id="{esc(page_name(aid))}"><td>{cell} {status}</td><td>{esc(r["published"] or "")}</td>'
                    f'<td>{esc(r["outlet"] or "")}</td><td class="num">{_n(r["n_words"] or 0)}</td>'
                    f'<td class="num">{_n(events.get(aid, 0))}</td><td class="num">{_n(cites.get(aid, 0))}</td>'
                    f'<td class="mono">{esc(aid)}</td></tr>')
    return ('<table class="ov-articles"><thead><tr><th>article</th><th>published</th><th>outlet</th><th>words</th>'
            f'<th>events</th><th>citations</th><th>id</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
