"""The timeline's evidence table: events grouped by date, newest first, each row linked to its sentence.

The *news window* runs from the earliest to the latest publication date of the articles (a month of
margin on each side). Inside it, rows are grouped by month and by date, newest first; the most
recent months are open, older ones are folded in ``<details>`` elements, so a page stays short on a
year of news and every row is still one click away. Events dated outside the window (history told
for context, or expectations far ahead) are listed after it, folded by year. Each row shows one line
of the event's text, linked to the sentence that tells it first, and the other tellings folded.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, timedelta

import pandas as pd

from .colors import OTHER, STATUS_COLORS
from .evidence import CSS as EVIDENCE_CSS
from .evidence import Linker, Markup, esc, pairs, snippet
from .timeline import display_date

LOGGER = logging.getLogger(__name__)

MARGIN = timedelta(days=31)     # the news window reaches this far beyond the first and last publication
OPEN_ROWS = 150                 # months are shown open, newest first, until this many rows are open
ROW_CHARS = 110                 # the one line of text a row shows

CSS = """
<style>
table.tl-table { border-collapse: collapse; font-size: 12px; width: 100%; margin: .2em 0 .6em; table-layout: auto !important; }
table.tl-table td { border-bottom: 1px solid #eee; padding: 2px 6px; vertical-align: top; text-align: left !important; }
table.tl-table td.tl-date { color: #333; min-width: 9.5em; width: 9.5em; }
table.tl-table td.tl-text { width: 65%; }
table.tl-table td.tl-who { color: #555; }
.tl-status { display: inline-block; width: .75em; height: .75em; border-radius: 50%; margin-right: 4px; }
details.tl-month > summary, h4.tl-month { font: bold 13px sans-serif; margin: .6em 0 .2em; cursor: pointer; }
h4.tl-month { cursor: auto; }
.tl-key { font: 11px sans-serif; color: #444; }
.tl-key span { display: inline-block; width: .75em; height: .75em; border-radius: 50%; margin: 0 3px 0 10px; }
</style>
"""


def _day(value) -> date | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def news_window(articles: pd.DataFrame | None) -> tuple[date, date] | None:
    """The first and last publication dates of the articles, widened by :data:`MARGIN`; None without dates."""
    if articles is None or articles.empty or "published" not in articles:
        return None
    days = [d for d in (_day(v) for v in articles["published"]) if d is not None]
    return (min(days) - MARGIN, max(days) + MARGIN) if days else None


def in_window(events: pd.DataFrame, window: tuple[date, date] | None) -> pd.Series:
    """Whether each event starts inside the window (every event when there is no window)."""
    if window is None or events.empty:
        return pd.Series(True, index=events.index)
    lo, hi = window
    return events["date_start"].map(lambda v: (d := _day(v)) is not None and lo <= d <= hi).astype(bool)


def _found(ev: dict) -> list[tuple[str, int]]:
    """The tellings an event's row links to: the one whose text the row shows first."""
    main = pairs(ev.get("start"), article_id=ev.get("article_id"))
    return main + [p for p in pairs(ev.get("evidence")) if p not in main]


def _row(ev: dict, *, linker: Linker, date_label: str) -> str:
    found = _found(ev)
    text = snippet(str(ev.get("text") or ""), limit=ROW_CHARS)
    first = linker.link(*found[0], label=text) if found else esc(text)
    more = linker.cell(found[1:], shown=0) if len(found) > 1 else ""
    status = str(ev.get("status") or "")
    chip = f'<span class="tl-status" style="background:{STATUS_COLORS.get(status, OTHER)}" title="{esc(status)}"></span>'
    speaker = ev.get("speaker") if isinstance(ev.get("speaker"), str) else ""
    return (f'<tr><td class="tl-date">{esc(date_label)}</td><td class="tl-text">{chip}{first}{more}</td>'
            f'<td class="tl-who">{esc(status)}{" · " + esc(speaker) if speaker else ""}</td></tr>')


def _table(rows: Iterable[dict], *, linker: Linker) -> str:
    out, previous = [], None
    for ev in rows:
        label = display_date(ev.get("date"), _day(ev.get("date_start")), _day(ev.get("date_end")))
        out.append(_row(ev, linker=linker, date_label="" if label == previous else label))
        previous = label
    return f'<table class="tl-table"><tbody>{"".join(out)}</tbody></table>'


def _groups(events: pd.DataFrame, key) -> list[tuple[str, list[dict]]]:
    """The events newest first, grouped by ``key`` of their start date (month or year)."""
    df = events.assign(_start=events["date_start"].map(_day)).sort_values(
        ["_start", "n_articles"] if "n_articles" in events else ["_start"], ascending=False, na_position="last",
        kind="stable")
    groups: dict[str, list[dict]] = {}
    for ev in df.to_dict("records"):
        groups.setdefault(key(ev["_start"]) if ev["_start"] else "undated", []).append(ev)
    return list(groups.items())


def _section(groups: list[tuple[str, list[dict]]], *, linker: Linker, open_rows: int) -> str:
    parts, shown = [], 0
    for label, rows in groups:
        n = f"{len(rows)} event{'s' * (len(rows) != 1)}"
        table = _table(rows, linker=linker)
        if shown < open_rows:
            parts.append(f'<h4 class="tl-month">{esc(label)} · {n}</h4>{table}')
            shown += len(rows)
        else:
            parts.append(f'<details class="tl-month"><summary>{esc(label)} · {n}</summary>{table}</details>')
    return "".join(parts)


def timeline_table(events: pd.DataFrame, *, linker: Linker, articles: pd.DataFrame | None = None,
                   open_rows: int = OPEN_ROWS, empty: str = "No dated events were found.") -> Markup:
    """The evidence table of merged events (see :func:`analysis.timeline.merge_corpus_events`)."""
    if events is None or events.empty:
        return Markup(f'<p class="tl-key">{esc(empty)}</p>')
    linker.prefetch(p for ev in events.to_dict("records") for p in _found(ev))
    window = news_window(articles)
    inside = in_window(events, window)
    key = "".join(f'<span style="background:{c}"></span>{esc(s)}' for s, c in STATUS_COLORS.items())
    parts = [CSS, EVIDENCE_CSS, f'<p class="tl-key">Status:{key}</p>',
             _section(_groups(events[inside], lambda d: d.strftime("%B %Y")), linker=linker, open_rows=open_rows)]
    outside = events[~inside]
    if len(outside):
        lo, hi = window
        parts.append(f'<h4 class="tl-month">Outside the news window ({lo:%d %B %Y} – {hi:%d %B %Y}): '
                     f'{len(outside)} events, by year</h4>')
        parts.append(_section(_groups(outside, lambda d: str(d.year)), linker=linker, open_rows=0))
    return Markup("".join(parts))
