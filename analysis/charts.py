"""Charts for the notebooks: a timeline of dated events and the source charts.

Every function is shaped ``plot_x(df, *, ax=None, ...) -> Axes``: it draws on ``ax`` (or on a new
figure sized for the data), labels its axes, and never calls ``plt.show()``. An empty frame gives an
axes that says there is nothing to show instead of raising. Colours are fixed per status and per
source type (the Okabe-Ito palette, readable by colour-blind readers), so every chart shares a legend.
"""
from __future__ import annotations

import logging
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from . import metrics
from .colors import OTHER, SOURCE_TYPE_COLORS, SPEECH_COLORS, STATUS_COLORS
from .types import EVENT_STATUSES, PARAGRAPH_KINDS, SOURCE_TYPES

LOGGER = logging.getLogger(__name__)

# Above this many events the timeline counts events per period instead of drawing one lane each.
MAX_LANES = 40
# A start date further than this many interquartile ranges from the quartiles is left out of the
# counts' axis (and counted in the title): the box-plot rule with a wide reach. Lanes use three times it.
OUTLIER_IQR = 3.0
NOTHING = "Nothing to show"


# --------------------------------------------------------------------------- helpers
def _axes(ax: Axes | None, *, height: float = 3.5, width: float = 9.0) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=(width, min(max(height, 2.2), 30)), layout="constrained")
    return ax


def nothing_to_show(ax: Axes | None = None, message: str = NOTHING, *, title: str | None = None) -> Axes:
    """An axes that says ``message`` in words, for an empty table."""
    ax = _axes(ax, height=1.6)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=11, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(_plain(title))
    return ax


def _legend(ax: Axes, colors: dict[str, str], present, *, title: str, loc: str = "best") -> None:
    handles = [Patch(color=c, label=k.replace("_", " ")) for k, c in colors.items() if k in set(present)]
    if handles:
        ax.legend(handles=handles, title=title, loc=loc, fontsize=8, title_fontsize=8, frameon=False)


def _date_axis(ax: Axes) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("date")


def _names(value, limit: int = 3) -> str:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    items = list(value) if isinstance(value, (list, tuple)) else [v for v in str(value).split("; ") if v]
    more = f" +{len(items) - limit}" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more


def _plain(text: str) -> str:
    """``text`` drawn as written: a ``$`` in an article never starts mathtext (``$\\bad{x}$`` breaks
    the chart, "from $5 to $6" turns italic)."""
    return text.replace("$", r"\$")


def _short(text, width: int = 48) -> str:
    """A label of at most ``width`` characters, cut at a word (or inside an over-long one), never mathtext.
    Only the first few widths of the text are looked at, so a huge token costs nothing."""
    raw = str(text or "")[:width * 4].replace("\n", " ")
    short = textwrap.shorten(raw, width=width, placeholder="…")
    if short == "…" and raw.strip():
        short = raw.strip()[:width - 1] + "…"
    return _plain(short)


def dated_events(events: pd.DataFrame) -> pd.DataFrame:
    """The events that can be placed on a time axis, with ``t0``/``t1`` timestamps (a point has
    ``t0 == t1``), sorted by date. Events without a start date are left out."""
    df = events.copy()
    start = pd.to_datetime(df["date_start"].astype(object), errors="coerce") if len(df) else pd.Series(dtype="M8[ns]")
    end = pd.to_datetime(df["date_end"].astype(object), errors="coerce") if len(df) else pd.Series(dtype="M8[ns]")
    df["t0"] = start
    df["t1"] = end.where(end.notna() & (end >= start), start)
    df = df[df["t0"].notna()]
    return df.sort_values(["t0", "t1"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- timeline
def plot_timeline(events: pd.DataFrame, *, ax: Axes | None = None, max_lanes: int = MAX_LANES,
                  title: str | None = None) -> Axes:
    """Dated events on a time axis, coloured by status.

    Up to ``max_lanes`` events each get a lane: a day is a point, a month, season or range a
    horizontal bar from ``date_start`` to ``date_end``, labelled with its actors (or its text). Above
    that the chart counts events per day, week or month (by start date), stacked by status.
    """
    df = dated_events(events)
    undated = len(events) - len(df)
    if df.empty:
        return nothing_to_show(ax, "No dated events were found", title=title or "Timeline")
    if len(df) > max_lanes:
        return _timeline_counts(df, ax=ax, title=title, undated=undated)
    n_dated = len(df)
    df, outside = _central(df, iqr=3 * OUTLIER_IQR, min_days=365)
    df = df.reset_index(drop=True)
    ax = _axes(ax, height=0.3 * len(df) + 1.4, width=10)
    y = list(range(len(df)))[::-1]
    x0 = mdates.date2num(df["t0"])
    x1 = mdates.date2num(df["t1"])
    labels = []
    for yi, a, b, row in zip(y, x0, x1, df.to_dict("records"), strict=True):
        color = STATUS_COLORS.get(row.get("status"), OTHER)
        if b > a:
            ax.barh(yi, b - a + 1, left=a, height=0.55, color=color, alpha=0.75, edgecolor=color)
        else:
            ax.plot([a], [yi], "o", color=color, markersize=7)
        names = _names(row.get("actors"))
        labels.append(f"{_short(names, 30)}: {_short(row.get('text'), 36)}" if names else _short(row.get("text"), 60))
    lo, hi = float(x0.min()), float(x1.max()) + 1
    pad = max(hi - lo, 2.0) * 0.05
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_ylim(-0.8, len(df) - 0.2)
    ax.set_yticks(y, labels, fontsize=8)
    _date_axis(ax)
    ax.grid(axis="x", color="#e5e5e5")
    handles = [Patch(color=STATUS_COLORS[s], label=s) for s in EVENT_STATUSES if s in set(df["status"])]
    ax.legend(handles=handles, title="status", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              title_fontsize=8, frameon=False)
    note = (f"; {undated} undated not shown" if undated else "") + outside
    ax.set_title(_plain(title) if title else "\n".join(textwrap.wrap(f"{n_dated} dated events, earliest at the top{note}", 90)))
    return ax


def _central(df: pd.DataFrame, *, iqr: float, min_days: int) -> tuple[pd.DataFrame, str]:
    """The events whose start date is not an outlier (further than ``iqr`` interquartile ranges, and at
    least ``min_days``, from the quartiles), and a note on the ones left out: a corpus about 2019
    that recalls 1944 stays readable."""
    if len(df) < 8:
        return df, ""
    q1, q3 = df["t0"].quantile(0.25), df["t0"].quantile(0.75)
    reach = max((q3 - q1) * iqr, pd.Timedelta(days=min_days))
    lo, hi = q1 - reach, q3 + reach
    inside = df[(df["t0"] >= lo) & (df["t0"] <= hi)]
    left_out = len(df) - len(inside)
    if not left_out:
        return df, ""
    return inside, f"; {left_out} far from the rest ({_span_text(df, inside)}) not shown"


def _span_text(df: pd.DataFrame, inside: pd.DataFrame) -> str:
    out = df[~df.index.isin(inside.index)]
    years = sorted({t.year for t in out["t0"]})
    return ", ".join(map(str, years[:4])) + ("…" if len(years) > 4 else "")


def _timeline_counts(df: pd.DataFrame, *, ax: Axes | None, title: str | None, undated: int) -> Axes:
    n_dated = len(df)
    df, outside = _central(df, iqr=OUTLIER_IQR, min_days=60)
    span = (df["t0"].max() - df["t0"].min()).days
    freq, unit = ("D", "day") if span <= 120 else ("W-MON", "week") if span <= 3 * 366 else ("M", "month")
    period = df["t0"].dt.to_period(freq).dt.start_time
    ax = _stacked_counts(pd.crosstab(period, df["status"].astype(object).fillna("unknown")), ax=ax, unit=unit)
    note = (f"; {undated} undated not shown" if undated else "") + outside
    ax.set_title(_plain(title) if title else "\n".join(textwrap.wrap(f"{n_dated} dated events per {unit} (by start date){note}", 90)))
    return ax


def _stacked_counts(counts: pd.DataFrame, *, ax: Axes | None, unit: str) -> Axes:
    """Bars of events per period (the index: each period's first day), stacked by status (the columns)."""
    order = [s for s in EVENT_STATUSES if s in counts.columns] + [s for s in counts.columns
                                                                     if s not in EVENT_STATUSES]
    counts = counts[order].sort_index()
    ax = _axes(ax, height=4.0, width=10)
    width = {"day": 0.9, "week": 6.0, "month": 27.0, "quarter": 85.0, "year": 350.0}[unit]
    x = mdates.date2num(counts.index)
    bottom = pd.Series(0.0, index=counts.index)
    for status in order:
        ax.bar(x, counts[status], width=width, bottom=bottom, align="edge", color=STATUS_COLORS.get(status, OTHER),
               label=status)
        bottom += counts[status]
    _date_axis(ax)
    ax.set_ylabel(f"events per {unit}")
    handles = [Patch(color=STATUS_COLORS.get(s, OTHER), label=s) for s in order]
    ax.legend(handles=handles, title="status", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              title_fontsize=8, frameon=False)
    return ax


def plot_event_counts(counts: pd.DataFrame, *, ax: Axes | None = None, unit: str = "month") -> Axes:
    """Dated events per period and status, from counts already made (``period``, ``status``, ``n``,
    as :func:`analysis.queries.events_per_period` gives them for a corpus of any size)."""
    if counts.empty:
        return nothing_to_show(ax, "No dated events were found", title="Events over time")
    table = counts.pivot_table(index=pd.to_datetime(counts["period"]), columns="status", values="n",
                               aggfunc="sum", fill_value=0)
    ax = _stacked_counts(table, ax=ax, unit=unit)
    ax.set_title(f"{int(counts['n'].sum()):,} dated events per {unit} (by start date), across the corpus")
    return ax


def plot_actor_lanes(events: pd.DataFrame, *, ax: Axes | None = None, top: int = 12) -> Axes:
    """The ``top`` most frequent actors, one lane each, with a mark per dated event they take part in."""
    df = dated_events(events)
    if df.empty:
        return nothing_to_show(ax, "No dated events were found", title="Actors over time")
    rows = [(actor, r["t0"], r["t1"], r.get("status")) for r in df.to_dict("records")
            for actor in (r["actors"] if isinstance(r["actors"], (list, tuple)) else _names(r["actors"], 99).split(", "))
            if actor]
    if not rows:
        return nothing_to_show(ax, "No dated event names an actor", title="Actors over time")
    lanes = pd.DataFrame(rows, columns=["actor", "t0", "t1", "status"])
    names = lanes["actor"].value_counts().index[:top]
    ax = _axes(ax, height=0.4 * len(names) + 1.5, width=10)
    for i, name in enumerate(names[::-1]):
        mine = lanes[lanes["actor"] == name]
        ax.scatter(mdates.date2num(mine["t0"]), [i] * len(mine), s=30, alpha=0.8,
                   c=[STATUS_COLORS.get(s, OTHER) for s in mine["status"]])
    ax.set_yticks(range(len(names)), [_short(n, 36) for n in names[::-1]], fontsize=8)
    _date_axis(ax)
    handles = [Patch(color=STATUS_COLORS[s], label=s) for s in EVENT_STATUSES if s in set(lanes["status"])]
    ax.legend(handles=handles, title="status", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              title_fontsize=8, frameon=False)
    ax.set_title(f"Top {len(names)} actors over time")
    return ax


# --------------------------------------------------------------------------- sources
def _hbar(ax: Axes, labels, values, colors, *, xlabel: str, title: str) -> Axes:
    y = list(range(len(labels)))[::-1]
    ax.barh(y, values, color=colors)
    ax.set_yticks(y, [_short(v, 36) for v in labels], fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_axisbelow(True)
    return ax


def _aggregate(frame: pd.DataFrame, made: str, count, **kwargs) -> pd.DataFrame:
    """``frame`` itself when it is already the aggregate (it has the column ``made``: counts made in
    DuckDB by :mod:`analysis.queries`), else ``count(frame, **kwargs)`` (a table of records)."""
    return frame if made in frame.columns else count(frame, **kwargs)


def plot_sources_per_speaker(attributions: pd.DataFrame, *, ax: Axes | None = None, top: int = 15) -> Axes:
    """Citations per speaker (the ``top`` most cited), coloured by source type; the solid part of a
    bar is direct quotes, the hatched part reported speech. ``attributions`` may be the counts
    per speaker already made (:func:`analysis.metrics.quotes_per_speaker`)."""
    df = _aggregate(attributions, "n_quotes", metrics.quotes_per_speaker).head(top)
    if df.empty:
        return nothing_to_show(ax, "No quoted or cited sources were found", title="Citations per speaker")
    ax = _axes(ax, height=0.3 * len(df) + 1.3)
    colors = [SOURCE_TYPE_COLORS.get(t, OTHER) for t in df["source_type"]]
    _hbar(ax, df["speaker"], df["n_direct"], colors, xlabel="citations",
          title=f"Citations per speaker (top {len(df)})")
    y = list(range(len(df)))[::-1]
    ax.barh(y, df["n_reported"], left=df["n_direct"], color=colors, alpha=0.45, hatch="///", edgecolor="white")
    handles = [Patch(color=SOURCE_TYPE_COLORS[t], label=t.replace("_", " ")) for t in SOURCE_TYPES
               if t in set(df["source_type"])]
    handles += [Patch(facecolor="#777777", label="direct"),
                Patch(facecolor="#777777", alpha=0.45, hatch="///", label="reported")]
    ax.legend(handles=handles, title="source type / speech", fontsize=8, title_fontsize=8, frameon=False,
              loc="lower right")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def plot_quote_kinds(attributions: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Citations by kind: direct quotes versus reported speech (mixed, indirect, according to);
    ``attributions`` may be the counts already made (:func:`analysis.metrics.quote_kinds`)."""
    df = _aggregate(attributions, "speech", metrics.quote_kinds)
    if df.empty:
        return nothing_to_show(ax, "No quoted or cited sources were found", title="Direct and reported speech")
    ax = _axes(ax, height=2.6)
    labels = [k.replace("_", " ") for k in df["kind"]]
    _hbar(ax, labels, df["n"], [SPEECH_COLORS[s] for s in df["speech"]], xlabel="citations",
          title="Direct and reported speech")
    for yi, (n, share) in zip(list(range(len(df)))[::-1], zip(df["n"], df["share"], strict=True), strict=True):
        ax.annotate(f"{n} ({share:.0%})", (n, yi), xytext=(4, 0), textcoords="offset points", va="center",
                    fontsize=8)
    _legend(ax, SPEECH_COLORS, df["speech"], title="speech", loc="lower right")
    ax.set_xlim(0, df["n"].max() * 1.25)
    return ax


def plot_source_types(attributions: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Citations by source type (person, organisation, media, anonymous, …); ``attributions`` may be
    the counts already made (:func:`analysis.metrics.source_types`)."""
    df = _aggregate(attributions, "n", metrics.source_types)
    if df.empty:
        return nothing_to_show(ax, "No quoted or cited sources were found", title="Source types")
    ax = _axes(ax, height=0.35 * len(df) + 1.2)
    _hbar(ax, [t.replace("_", " ") for t in df["source_type"]], df["n"],
          [SOURCE_TYPE_COLORS.get(t, OTHER) for t in df["source_type"]], xlabel="citations", title="Source types")
    for yi, (n, share) in zip(list(range(len(df)))[::-1], zip(df["n"], df["share"], strict=True), strict=True):
        ax.annotate(f"{share:.0%}", (n, yi), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_xlim(0, df["n"].max() * 1.2)
    return ax


def plot_affiliations(attributions: pd.DataFrame, *, ax: Axes | None = None, top: int = 12) -> Axes:
    """Share of citations by the affiliation the source speaks for, with the number of distinct voices;
    ``attributions`` may be the counts already made (:func:`analysis.metrics.affiliations`)."""
    df = _aggregate(attributions, "n_voices", metrics.affiliations).head(top)
    if df.empty:
        return nothing_to_show(ax, "No quoted or cited sources were found", title="Voices by affiliation")
    ax = _axes(ax, height=0.32 * len(df) + 1.3)
    colors = ["#DDDDDD" if a == metrics.NO_AFFILIATION else "#0072B2" for a in df["affiliation"]]
    _hbar(ax, df["affiliation"], df["share"] * 100, colors, xlabel="share of citations (%)",
          title="Voices by affiliation")
    for yi, (share, voices) in zip(list(range(len(df)))[::-1], zip(df["share"], df["n_voices"], strict=True),
                                   strict=True):
        ax.annotate(f"{voices} voice{'s' if voices != 1 else ''}", (share * 100, yi), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=8)
    ax.set_xlim(0, min(100, df["share"].max() * 130))
    return ax


def plot_wire_reliance(attributions: pd.DataFrame, *, ax: Axes | None = None,
                       articles: pd.DataFrame | None = None, paragraphs: pd.DataFrame | None = None) -> Axes:
    """How much the copy leans on wires: photo and wire credits, sign-offs, wires and other media cited
    as sources; each bar says in how many articles it was found. ``attributions`` may be the corpus
    summary already made (:func:`analysis.queries.wire_summary`, one row per ``measure``)."""
    cols = {"n_photo_credits": "photo credits", "n_wire_credits": "wire credits", "n_signoffs": "sign-offs",
            "n_wires_cited": "wires cited as sources", "n_media_cited": "other media cited"}
    if "measure" in attributions.columns:
        summary = attributions.set_index("measure").reindex(list(cols)).fillna(0)
        totals, in_articles = summary["mentions"].astype(int), summary["n_articles"].astype(int)
        relying, n_articles = int(summary["n_relying"].max()), int(summary["n_total"].max())
    else:
        df = metrics.wire_reliance(attributions, articles=articles, paragraphs=paragraphs)
        totals, in_articles = df[list(cols)].sum(), (df[list(cols)] > 0).sum()
        relying, n_articles = int(df["relies_on_wires"].sum()), len(df)
    if not totals.to_numpy().any():
        return nothing_to_show(ax, "No wire credits, sign-offs or media sources were found", title="Wire reliance")
    ax = _axes(ax, height=2.8)
    _hbar(ax, list(cols.values()), totals.to_list(), ["#E69F00"] * len(cols), xlabel="mentions",
          title=f"Wire reliance: {relying} of {n_articles} articles credit or cite wires")
    for yi, (n, k) in zip(list(range(len(cols)))[::-1], zip(totals, in_articles, strict=True), strict=True):
        ax.annotate(f"{n} in {k} article{'s' if k != 1 else ''}", (n, yi), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=8)
    ax.set_xlim(0, max(1, totals.max()) * 1.4)
    return ax


def plot_paragraph_kinds(paragraphs: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Paragraphs by kind (headline, standfirst, body, caption, credit, sign-off, …)."""
    if paragraphs.empty:
        return nothing_to_show(ax, "No paragraphs were found", title="Structure")
    counts = paragraphs["kind"].value_counts()
    kinds = [k for k in PARAGRAPH_KINDS if k in counts.index] + [k for k in counts.index if k not in PARAGRAPH_KINDS]
    ax = _axes(ax, height=0.3 * len(kinds) + 1.2, width=7)
    return _hbar(ax, kinds, [int(counts[k]) for k in kinds], ["#56B4E9"] * len(kinds), xlabel="paragraphs",
                 title="Structure: paragraphs by kind")
