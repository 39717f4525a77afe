"""The top of ``index.html``: what the corpus says at a glance, and the list of article pages.

Articles read and failed, the publication dates, events by status, citations and the share of
anonymous sources, the most cited sources with their share of speech (each name a link to its first
citation), and one row per article linking to its page. Every string from the articles is escaped.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping

import pandas as pd

from .. import queries
from ..display import format_number
from ..evidence import Linker, esc, page_name
from ..queries import Corpus
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


def _statuses(counts: Mapping[str, int]) -> str:
    if not counts:
        return "none found"
    order = [s for s in EVENT_STATUSES if s in counts] + [s for s in counts if s not in EVENT_STATUSES]
    return f"{_n(sum(counts.values()))}: " + ", ".join(f"{_n(counts[s])} {esc(s)}" for s in order)


def _counts(db: Corpus, query: str) -> dict[str, int]:
    """``{key: n}`` from a query of two columns."""
    return {str(k): int(n) for k, n in db.con.execute(query).fetchall()}


def figures_html(db: Corpus, articles: pd.DataFrame) -> str:
    """The corpus in a few lines: articles, dates, events by status, citations, anonymous sources."""
    failed = int(articles["error"].notna().sum())
    summary = queries.summary(db).iloc[0]
    n_cit = int(summary["n_citations"])
    anonymous = (format_number(summary["share_anonymous"], percent=True) + " of citations"
                 if n_cit else "no citations")
    rows = [("articles", f"{_n(len(articles) - failed)} read" + (f", {_n(failed)} failed" if failed else "")),
            ("published", esc(_dates(articles[articles["error"].isna()]))),
            ("dated events", _statuses(_counts(db, "SELECT status, count(*) FROM events GROUP BY status"))),
            ("citations", f"{_n(n_cit)} of {_n(summary['n_speakers'])} speakers"),
            ("anonymous sources", esc(anonymous))]
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="ov-figures"><tbody>{body}</tbody></table>'


def sources_html(db: Corpus, *, top: int = TOP_SOURCES) -> str:
    """The most cited sources (speech, as the sources report counts them): citations, their share of
    all citations (share of speech), articles; each name links to its first citation."""
    speakers = queries.quotes_per_speaker(db, top=top)
    if speakers.empty:
        return "<p>No quoted or cited sources were found.</p>"
    first = [ev[0] if ev else (None, None) for ev in speakers["evidence"]]
    linker = Linker.from_db(db, article_ids={str(a) for a, _ in first if a is not None})
    linker.prefetch((a, o) for a, o in first if a is not None)
    rows = []
    for r, (article_id, offset) in zip(records(speakers), first, strict=True):
        name = linker.link(str(article_id), offset, label=r["speaker"], name=True) if article_id is not None \
            else esc(r["speaker"])
        rows.append(f'<tr><td>{name}</td><td>{esc(r["source_type"])}</td><td class="num">{_n(r["n_quotes"])}</td>'
                    f'<td class="num">{format_number(r["share"], percent=True)}</td>'
                    f'<td class="num">{_n(r["n_articles"])}</td></tr>')
    return ('<table class="ov-sources"><thead><tr><th>source</th><th>type</th><th>citations</th>'
            f'<th>share of speech</th><th>articles</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def articles_html(db: Corpus, articles: pd.DataFrame, *, pages: Mapping[str, str],
                  failed: Mapping[str, str] | None = None) -> str:
    """Every article: its title linking to its page, date, outlet, words, events and citations.
    Each row's id is its page name, so ``index.html#<page>`` finds it; the browser's search finds a title."""
    events = _counts(db, "SELECT article_id, count(*) FROM events GROUP BY article_id")
    cites = _counts(db, "SELECT article_id, count(*) FROM citations GROUP BY article_id")
    rows = []
    for r in records(articles, ["article_id", "title", "error", "published", "outlet", "n_words"]):
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
