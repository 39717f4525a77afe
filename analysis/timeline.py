"""The corpus timeline: events of many articles merged, filtered by actor, exported for TimelineJS.

Two events from different articles are one event when they cover the same dates, share actors and
say the same thing (enough content words in common). The merged row counts the articles and the
news sources (outlets) that report it and keeps every telling as evidence, so each point of the
timeline leads back to its sentences.
"""
from __future__ import annotations

import html
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from .tables import csv_cell, write_atomic

LOGGER = logging.getLogger(__name__)

# English month names for display dates, whatever the process's locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
STATUS_PRIORITY = ("asserted", "attributed", "unverified", "expected", "background")
MIN_WORD_OVERLAP = 0.2       # Jaccard of content words for two tellings of one event
MIN_ACTOR_OVERLAP = 0.5      # Jaccard of actors (or two shared actors)
HEADLINE_WORDS = 14
# English function words (the SMART stop list's most frequent entries), ignored when comparing texts.
STOP_WORDS = frozenset("""
a an the and or but if of in on at to for from by with as is are was were be been being has have had
do does did will would shall should can could may might must that this these those it its he she they
them his her their we our you your i not no than then there here which who whom whose what when where
why how also after before over under about into out up down said says say told according
""".split())
DATE_WORDS = frozenset("""
january february march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday today yesterday tomorrow week month year morning evening night
""".split())
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
MERGED_COLUMNS = ["date", "date_start", "date_end", "text", "actors", "status", "speaker", "article_ids",
                  "n_articles", "n_sources", "statuses", "evidence", "article_id", "start", "end", "timex_start",
                  "timex_end"]


# --------------------------------------------------------------------------- helpers
def _as_list(value: Any) -> list[str]:
    """Actors as a list, whether given as a list/tuple/array or a "; "-joined string."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return [str(v) for v in value]


def _as_date(value: Any) -> date | None:
    if value is None or (not isinstance(value, (str, date)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _content_words(text: str, actors: Iterable[str] = ()) -> set[str]:
    """Content words, cut to five letters (a crude stem: "discussed" ~ "discuss"), without the words
    of the actors' names and of dates (those are compared on their own)."""
    names = {w for a in actors for w in a.lower().split()}
    return {w[:5] for w in re.findall(r"[a-z0-9]+", str(text).lower())
            if w not in STOP_WORDS and w not in names and w not in DATE_WORDS and len(w) > 2 and not w.isdigit()}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# --------------------------------------------------------------------------- merging
def _similar(x: dict, y: dict) -> bool:
    words = _jaccard(x["_words"], y["_words"])
    if words >= 0.5:
        return True
    ax, ay = set(x["_actors"]), set(y["_actors"])
    actors_ok = _jaccard(ax, ay) >= MIN_ACTOR_OVERLAP or len(ax & ay) >= 2
    return actors_ok and words >= MIN_WORD_OVERLAP


def merge_corpus_events(events: pd.DataFrame, *, attributions: pd.DataFrame | None = None,
                        articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per event across the corpus.

    ``events`` has the Event fields and ``article_id`` (actors as lists or "; "-joined strings).
    ``articles`` (optional, with ``article_id`` and ``outlet``) or an ``outlet`` column in
    ``events`` tell which news source published each article; an article of unknown outlet counts
    as a source of its own. ``attributions`` (optional) adds the speakers whose quoted content
    contains an event's text to ``speaker`` when the event has none.
    """
    if events is None or len(events) == 0:
        return pd.DataFrame(columns=MERGED_COLUMNS)
    outlets: dict[str, str] = {}
    if articles is not None and "outlet" in articles:
        outlets = {str(a): o for a, o in zip(articles["article_id"], articles["outlet"], strict=True)
                   if isinstance(o, str) and o}
    rows = []
    for rec in events.to_dict("records"):
        rec["_actors"] = _as_list(rec.get("actors"))
        rec["_words"] = _content_words(rec.get("text", ""), rec["_actors"])
        rec["_start"], rec["_end"] = _as_date(rec.get("date_start")), _as_date(rec.get("date_end"))
        aid = str(rec.get("article_id"))
        outlet = rec.get("outlet") if isinstance(rec.get("outlet"), str) and rec.get("outlet") else outlets.get(aid)
        rec["_source"] = outlet or f"article:{aid}"
        if not rec.get("speaker") or (isinstance(rec.get("speaker"), float) and pd.isna(rec["speaker"])):
            rec["speaker"] = _speaker_from(rec, attributions)
        rows.append(rec)
    groups: list[list[dict]] = []
    by_span: dict[tuple, list[int]] = {}
    for rec in sorted(rows, key=lambda r: (r["_start"] or date.max, str(r.get("article_id")), r.get("start", 0))):
        key = (rec["_start"], rec["_end"], rec.get("date") if rec["_start"] is None else None)
        best = None
        for gi in by_span.get(key, ()) if rec["_start"] is not None else ():
            g = groups[gi]
            if any(str(m.get("article_id")) == str(rec.get("article_id")) for m in g):
                continue
            if any(_similar(m, rec) for m in g):
                best = gi
                break
        if best is None:
            by_span.setdefault(key, []).append(len(groups))
            groups.append([rec])
        else:
            groups[best].append(rec)
    out = pd.DataFrame([_merged_row(g) for g in groups], columns=MERGED_COLUMNS)
    return out.sort_values(["date_start", "n_articles"], ascending=[True, False], na_position="last",
                           kind="stable").reset_index(drop=True)


def _speaker_from(rec: dict, attributions: pd.DataFrame | None) -> str | None:
    if attributions is None or len(attributions) == 0 or "content_start" not in attributions:
        return None
    same = attributions[attributions["article_id"].astype(str) == str(rec.get("article_id"))]
    for a in same.itertuples():
        if pd.notna(a.content_start) and a.content_start <= rec.get("start", -1) and rec.get("end", 0) <= a.content_end:
            return a.speaker if isinstance(a.speaker, str) else None
    return None


def _merged_row(group: list[dict]) -> dict:
    main = max(group, key=lambda r: (len(r["_actors"]), r.get("status") == "asserted", -len(str(r.get("text")))))
    counts = Counter(a for r in group for a in r["_actors"])
    actors = [a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], main["_actors"].index(kv[0])
                                                                    if kv[0] in main["_actors"] else 99))]
    statuses = Counter(str(r.get("status")) for r in group)
    top = max(statuses.values())
    status = next(s for s in (*STATUS_PRIORITY, *statuses) if statuses.get(s) == top)
    evidence = []
    for r in group:
        ev = r.get("evidence")
        spans = [tuple(s) for s in ev] if ev is not None and not isinstance(ev, (str, float)) and len(ev) else \
            [(r.get("start"), r.get("end"))]
        evidence.append({"article_id": r.get("article_id"), "text": r.get("text"), "status": r.get("status"),
                         "speaker": r.get("speaker"), "spans": [list(map(_int, s)) for s in spans]})
    return {
        "date": main.get("date"), "date_start": main["_start"], "date_end": main["_end"], "text": main.get("text"),
        "actors": actors, "status": status, "speaker": next((r["speaker"] for r in group if r.get("speaker")), None),
        "article_ids": list(dict.fromkeys(r.get("article_id") for r in group)),
        "n_articles": len({str(r.get("article_id")) for r in group}),
        "n_sources": len({r["_source"] for r in group}), "statuses": dict(statuses), "evidence": evidence,
        "article_id": main.get("article_id"), "start": _int(main.get("start")), "end": _int(main.get("end")),
        "timex_start": _int(main.get("timex_start")), "timex_end": _int(main.get("timex_end")),
    }


def _int(v: Any) -> int | None:
    try:
        return None if v is None or pd.isna(v) else int(v)
    except (TypeError, ValueError):
        return None


def filter_by_actor(df: pd.DataFrame, actor: str | None) -> pd.DataFrame:
    """Rows whose actors include ``actor``: the canonical name, or words of it ("Blinken" finds
    "Antony Blinken"). Case is ignored; no actor (None or "") keeps every row."""
    want = (actor or "").strip().lower().split()
    if not want:
        return df

    def has(value: Any) -> bool:
        for a in _as_list(value):
            words = a.lower().split()
            if any(words[i:i + len(want)] == want for i in range(len(words) - len(want) + 1)):
                return True
        return False

    return df[df["actors"].map(has)] if len(df) else df


# --------------------------------------------------------------------------- TimelineJS
def display_date(value: str | None, start: date | None, end: date | None) -> str:
    """A readable date for a TIMEX3 value: "2 March 2023", "February 2023", "Spring 2023"."""
    v = str(value or "")
    m = re.match(r"^(\d{4})-(SP|SU|FA|AU|WI)$", v)
    if m:
        return f"{SEASONS[m.group(2)]} {m.group(1)}"
    m = re.match(r"^(\d{4})-W(\d{2})$", v)
    if m:
        return f"Week {int(m.group(2))} of {m.group(1)}"
    m = re.match(r"^(\d{4})-(\d{2})$", v)
    if m:
        return f"{MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    if re.match(r"^\d{4}$", v):
        return v
    if start and end and start != end:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year} – {end.day} {MONTHS[end.month - 1]} {end.year}"
    if start:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    return v


def _tl_date(d: date) -> dict[str, str]:
    return {"year": str(d.year), "month": str(d.month), "day": str(d.day)}


def _headline(text: str, actors: list[str]) -> str:
    words = str(text).split()
    short = " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")
    return short


def to_timelinejs(events: pd.DataFrame, *, title: str) -> dict:
    """A TimelineJS3 JSON document (title and events) for merged or per-article events.

    All article text is HTML-escaped: TimelineJS renders ``headline`` and ``text`` as HTML.
    """
    out_events = []
    for rec in events.to_dict("records") if len(events) else []:
        start, end = _as_date(rec.get("date_start")), _as_date(rec.get("date_end"))
        if start is None:
            continue
        end = end or start
        actors = _as_list(rec.get("actors"))
        ids = rec.get("article_ids")
        ids = _as_list(ids) if ids is not None and not isinstance(ids, float) else [str(rec.get("article_id"))]
        n_articles = _int(rec.get("n_articles")) or len(ids)
        status = str(rec.get("status") or "asserted")
        details = [f"<p>{html.escape(str(rec.get('text') or ''))}</p>", "<p>"]
        details.append(f"Status: {html.escape(status)}")
        if isinstance(rec.get("speaker"), str) and rec.get("speaker"):
            details.append(f" · Speaker: {html.escape(rec['speaker'])}")
        if actors:
            details.append(f" · Actors: {html.escape(', '.join(actors))}")
        details.append(f" · Articles: {n_articles} ({html.escape(', '.join(ids[:5]))}{' …' if len(ids) > 5 else ''})")
        details.append("</p>")
        out_events.append({
            "start_date": _tl_date(start),
            "end_date": _tl_date(end),
            "display_date": display_date(rec.get("date"), start, end),
            "text": {"headline": html.escape(_headline(rec.get("text") or "", actors)), "text": "".join(details)},
            "group": status,
            "unique_id": f"ev{len(out_events)}",
        })
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": out_events}


# --------------------------------------------------------------------------- files
def write_timeline(events_df: pd.DataFrame, out_dir: Path, *, title: str = "Timeline",
                   articles: pd.DataFrame | None = None) -> list[Path]:
    """Write ``timeline.json`` (TimelineJS) and ``timeline.csv`` into ``out_dir``; return the paths.

    Per-article events (without ``n_articles``) are merged across the corpus first.
    """
    out_dir = Path(out_dir)
    merged = events_df if "n_articles" in events_df.columns else merge_corpus_events(events_df, articles=articles)
    doc = to_timelinejs(merged, title=title)
    json_path, csv_path = out_dir / "timeline.json", out_dir / "timeline.csv"
    write_atomic(json_path, json.dumps(doc, ensure_ascii=False, indent=1))
    table = merged.copy()
    for col in table.columns:
        table[col] = table[col].map(csv_cell)
    write_atomic(csv_path, table.to_csv(index=False))
    LOGGER.info("wrote %d timeline events to %s", len(doc["events"]), out_dir)
    return [json_path, csv_path]


def events_frame(records: Iterable[tuple[str, Any]]) -> pd.DataFrame:
    """A per-article events DataFrame from ``(article_id, Analysis)`` pairs (for scripts and tests)."""
    rows = []
    for article_id, analysis in records:
        for ev in analysis.events:
            d = ev.to_dict()
            d["article_id"] = article_id
            d["date_start"], d["date_end"] = ev.date_start, ev.date_end
            rows.append(d)
    return pd.DataFrame(rows)
