"""Small bar charts as plain HTML and CSS, for pages rendered by the hundred.

A matplotlib chart costs a quarter of a second to draw and save; an article page with three of them
would make a corpus of pages take minutes. These charts are a table of labelled bars (no image, no
script), so they cost microseconds, stay sharp at any zoom, and their labels can link to the sentence
they count. Colours are those of :mod:`analysis.charts` (Okabe & Ito). Every label is escaped.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from . import metrics
from .colors import OTHER, SOURCE_TYPE_COLORS, STATUS_COLORS
from .evidence import OFFSET_COLUMNS, Linker, Markup, esc, row_offset
from .tables import records
from .types import EVENT_STATUSES, PARAGRAPH_KINDS

LOGGER = logging.getLogger(__name__)

PARAGRAPH_COLOR = "#56B4E9"
TOP_SPEAKERS = 15

CSS = """
<style>
table.hc-chart { border-collapse: collapse; font: 12px/1.4 sans-serif; margin: .3em 0 1em; min-width: 28em; }
table.hc-chart caption { text-align: left; font-weight: bold; padding-bottom: 4px; }
table.hc-chart th { text-align: right; font-weight: normal; padding: 1px 8px 1px 0; max-width: 18em;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.hc-chart td { padding: 1px 0; width: 24em; }
table.hc-chart td.hc-n { width: auto; padding-left: 6px; color: #444; }
.hc-bar { display: inline-block; height: 12px; vertical-align: middle; }
.hc-light { opacity: .45; }
.hc-key { font: 11px sans-serif; color: #444; margin: -.6em 0 1em; }
.hc-key span { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 10px; vertical-align: middle; }
</style>
"""


class Bar(NamedTuple):
    label: str                       # already escaped markup (it may be a link)
    parts: tuple[tuple[int, str, bool], ...]   # (count, colour, light) segments, left to right
    note: str = ""                   # the figure shown after the bar


def bars_html(bars: Sequence[Bar], *, caption: str, empty: str, key: dict[str, str] | None = None) -> Markup:
    """A horizontal bar chart as a table: one row per bar, segments scaled to the longest bar."""
    if not bars:
        return Markup(f'{CSS}<p class="hc-key">{esc(empty)}</p>')
    longest = max(sum(n for n, _, _ in b.parts) for b in bars) or 1
    rows = []
    for b in bars:
        segs = "".join(f'<span class="hc-bar{" hc-light" if light else ""}" '
                       f'style="width:{100 * n / longest:.2f}%;background:{esc(color)}"></span>'
                       for n, color, light in b.parts if n)
        total = sum(n for n, _, _ in b.parts)
        rows.append(f'<tr><th>{b.label}</th><td>{segs}</td><td class="hc-n">{esc(b.note or total)}</td></tr>')
    legend = ""
    if key:
        legend = '<p class="hc-key">' + "".join(f'<span style="background:{esc(c)}"></span>{esc(k)}'
                                                 for k, c in key.items()) + "</p>"
    return Markup(f'{CSS}<table class="hc-chart"><caption>{esc(caption)}</caption><tbody>{"".join(rows)}</tbody>'
                  f'</table>{legend}')


def paragraph_kinds(paragraphs: pd.DataFrame) -> Markup:
    """Paragraphs by kind (headline, standfirst, body, caption, credit, sign-off, …)."""
    counts = paragraphs["kind"].value_counts() if not paragraphs.empty else pd.Series(dtype=int)
    kinds = [k for k in PARAGRAPH_KINDS if k in counts.index] + [k for k in counts.index if k not in PARAGRAPH_KINDS]
    return bars_html([Bar(esc(k), ((int(counts[k]), PARAGRAPH_COLOR, False),)) for k in kinds],
                     caption="Structure: paragraphs by kind", empty="No paragraphs were found.")


def speaker_counts(attributions: pd.DataFrame) -> list[dict]:
    """Per speaker (named as in :func:`analysis.metrics.citations`): ``n_direct`` and ``n_reported``
    citations, ``n_quotes``, ``n_articles``, the commonest ``source_type`` and the ``first`` citation's
    ``(article_id, offset)``; most cited first. The counts of :func:`analysis.metrics.quotes_per_speaker`
    in plain Python, a hundred times quicker on one article's rows and ten times on a corpus."""
    rows: dict[str, dict] = {}
    cols = [c for c in ("kind", "speaker", "source", "source_type", "article_id", *OFFSET_COLUMNS) if c in attributions]
    for a in records(attributions, cols) if not attributions.empty else []:
        if a.get("kind") not in metrics.QUOTE_KINDS:
            continue
        name = next((str(v) for v in (a.get("speaker"), a.get("source")) if isinstance(v, str) and v.strip()),
                    metrics.UNNAMED)
        row = rows.setdefault(name, {"speaker": name, "n_direct": 0, "n_reported": 0, "types": Counter(),
                                     "articles": set(), "first": (a.get("article_id"), row_offset(a))})
        row["n_direct" if a.get("kind") in metrics.DIRECT_KINDS else "n_reported"] += 1
        row["types"][a.get("source_type") or "unknown"] += 1
        row["articles"].add(a.get("article_id"))
    for row in rows.values():
        row["source_type"] = row.pop("types").most_common(1)[0][0]
        row["n_quotes"] = row["n_direct"] + row["n_reported"]
        row["n_articles"] = len(row.pop("articles"))
    return sorted(rows.values(), key=lambda r: (-r["n_quotes"], r["speaker"]))


def speakers(attributions: pd.DataFrame, *, linker: Linker | None = None, top: int = TOP_SPEAKERS) -> Markup:
    """Citations per speaker (the ``top`` most cited), coloured by source type; the solid part of a bar
    is direct quotes, the light part reported speech. With a ``linker`` a name links to its first citation."""
    counts = speaker_counts(attributions)[:top]
    if linker is not None:
        linker.prefetch(row["first"] for row in counts)
    bars = []
    for row in counts:
        color = SOURCE_TYPE_COLORS.get(row["source_type"], OTHER)
        article_id, offset = row["first"]
        label = (linker.link(str(article_id), offset, label=row["speaker"], name=True) if linker is not None
                 else esc(row["speaker"]))
        bars.append(Bar(label, ((row["n_direct"], color, False), (row["n_reported"], color, True))))
    present = dict.fromkeys(r["source_type"] for r in counts)
    key = {t.replace("_", " "): SOURCE_TYPE_COLORS.get(t, OTHER) for t in present}
    return bars_html(bars, caption=f"Citations per speaker (top {len(bars)}; light: reported speech)",
                     empty="No quoted or cited sources were found.", key=key)


def statuses(events: pd.DataFrame) -> Markup:
    """Dated events by status (asserted, attributed, unverified, expected, background)."""
    counts = events["status"].value_counts() if not events.empty else pd.Series(dtype=int)
    order = [s for s in EVENT_STATUSES if s in counts.index] + [s for s in counts.index if s not in EVENT_STATUSES]
    return bars_html([Bar(esc(s), ((int(counts[s]), STATUS_COLORS.get(s, OTHER), False),)) for s in order],
                     caption="Dated events by status", empty="No dated events were found.")
