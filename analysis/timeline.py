"""The corpus timeline: events of many articles merged, filtered by actor, exported for TimelineJS.

Two events from different articles are one event only when their dates overlap (at the same
precision), they share a specific actor (a person, organisation or place, not just a country), the
party each names first (its subject) takes part in the other, and their event words or texts say the
same thing. A name is one actor across the corpus: a short name
that fits exactly one fuller name of the corpus ("Jobs", "Steve Jobs") takes the fuller one. The
merged row counts the articles and the news sources (outlets) that report it and keeps every
telling as evidence, so each point of the timeline leads back to its sentences.

The timeline shows the news window by default: background (history told for context) is listed
apart (:func:`split_background`).
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

from .events import nationality_countries
from .gazetteer import countries_and_states, country_from_abbreviation, country_names, gazetteer
from .tables import csv_cell, records, write_atomic

LOGGER = logging.getLogger(__name__)

# English month names for display dates, whatever the process's locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
STATUS_PRIORITY = ("asserted", "attributed", "unverified", "expected", "background")
MIN_WORD_OVERLAP = 0.3       # Jaccard of content words for two tellings of one event
SAME_WORDS = 0.6             # ... that alone says the same thing, whatever the event words
YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")
MAX_POINT_DAYS = 7           # spans up to a week are compared by overlap; longer ones must be equal
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
    """Content words, cut to five letters (a crude stem: "discussed" ~ "discuss"), and numbers of
    three digits or more ("killed 130"), without the words of the actors' names and of dates (those
    are compared on their own: years are dates)."""
    names = {w for a in actors for w in a.lower().split()}
    return {w[:5] for w in re.findall(r"[a-z0-9]+", str(text).lower())
            if w not in STOP_WORDS and w not in names and w not in DATE_WORDS and len(w) > 2
            and not (w.isdigit() and (w.startswith("0") or YEAR.fullmatch(w)))}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# --------------------------------------------------------------------------- merging
def _specific(actor: str) -> bool:
    """A person, organisation or place more specific than a country."""
    return actor not in country_names() and not nationality_countries(actor)


def _overlap(x: dict, y: dict) -> bool:
    """The two tellings' dates overlap, at the same precision (a day does not match a year)."""
    (a0, a1), (b0, b1) = (x["_start"], x["_end"] or x["_start"]), (y["_start"], y["_end"] or y["_start"])
    if a0 is None or b0 is None:
        return False
    if (a0, a1) == (b0, b1):
        return True
    short = (a1 - a0).days < MAX_POINT_DAYS and (b1 - b0).days < MAX_POINT_DAYS
    return short and a0 <= b1 and b0 <= a1


def _similar(x: dict, y: dict) -> bool:
    """Two tellings of one event (see the module's docstring): overlapping dates, a shared specific
    actor, and the same words, or enough words in common with the same event word or two shared
    specific actors. The event word alone in common (once the actors' names are set aside) is the
    same story only with two shared specific actors: "won Ohio" and "won Texas", or "made remarks"
    and "made an offer", are not."""
    shared = [a for a in set(x["_actors"]) & set(y["_actors"]) if _specific(a)]
    if not shared or not _overlap(x, y) or not _same_first_parties(x, y):
        return False
    if len(shared) < 2 and not (x["_words"] & y["_words"]) - {x["_trigger"], y["_trigger"]}:
        return False
    words = _jaccard(x["_words"], y["_words"])
    same_trigger = x["_trigger"] is not None and x["_trigger"] == y["_trigger"]
    return words >= SAME_WORDS or (words >= MIN_WORD_OVERLAP and (same_trigger or len(shared) >= 2))


def _same_first_parties(x: dict, y: dict) -> bool:
    """The party each telling names first (its subject: events.actors puts it first) takes part in the
    other, under its full name or its surname ("Donald J. Trump", "Trump"): "Cruz lost in Florida to
    Trump" and "(Trump) lost to Kasich" are two defeats, not one. A place that comes first is where, not
    who: the clause names no subject ("killed in the attack in Benghazi") or it is a dateline ("CONCORD, N.H.")."""
    return all(_takes_part(_first_party(a), b["_actors"]) for a, b in ((x, y), (y, x)))


def _first_party(rec: dict) -> str | None:
    actors = rec["_actors"]
    return actors[0] if actors and not _a_place(actors[0]) else None


def _a_place(name: str) -> bool:
    return name in gazetteer() or name.title() in gazetteer()


def _takes_part(name: str | None, actors: list[str]) -> bool:
    return name is None or name in actors or name.split()[-1] in {a.split()[-1] for a in actors}


def _trigger(rec: dict) -> str | None:
    """The event word of a row, cut to five letters (a crude stem)."""
    ts, te, start = _int(rec.get("trigger_start")), _int(rec.get("trigger_end")), _int(rec.get("start"))
    if ts is None or te is None or start is None:
        return None
    return str(rec.get("text") or "")[ts - start:te - start].lower()[:5] or None


def corpus_names(actor_lists: Iterable[list[str]]) -> dict[str, str]:
    """Short names that end exactly one fuller name of the corpus, mapped to it ("Jobs" -> "Steve
    Jobs"; "Smith" stays when the corpus has two Smiths; countries and states stay)."""
    names = {a for actors in actor_lists for a in actors}
    fuller: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        for k in range(1, len(words)):
            fuller.setdefault(" ".join(words[k:]), set()).add(name)
    return {short: next(iter(full)) for short, full in fuller.items()
            if short in names and len(full) == 1 and not _is_country(short)}


def _is_country(name: str) -> bool:
    return name in countries_and_states()


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
    rows_in = records(events)
    for rec in rows_in:
        rec["_actors"] = _as_list(rec.get("actors"))
    names = corpus_names(rec["_actors"] for rec in rows_in)
    contents = _contents(attributions)
    rows = []
    for rec in rows_in:
        rec["_actors"] = list(dict.fromkeys(names.get(a, a) for a in rec["_actors"]))
        rec["_trigger"] = _trigger(rec)
        rec["_words"] = _content_words(rec.get("text", ""), rec["_actors"])
        rec["_start"], rec["_end"] = _as_date(rec.get("date_start")), _as_date(rec.get("date_end"))
        aid = str(rec.get("article_id"))
        outlet = rec.get("outlet") if isinstance(rec.get("outlet"), str) and rec.get("outlet") else outlets.get(aid)
        rec["_source"] = outlet or f"article:{aid}"
        if not rec.get("speaker") or (isinstance(rec.get("speaker"), float) and pd.isna(rec["speaker"])):
            rec["speaker"] = _speaker_from(rec, contents)
        rows.append(rec)
    groups = _group(sorted(rows, key=lambda r: (r["_start"] or date.max, str(r.get("article_id")), r.get("start", 0))))
    out = pd.DataFrame([_merged_row(g) for g in groups], columns=MERGED_COLUMNS)
    return out.sort_values(["date_start", "n_articles"], ascending=[True, False], na_position="last",
                           kind="stable").reset_index(drop=True)


def _group(rows: list[dict]) -> list[list[dict]]:
    """Groups of tellings of one event; ``rows`` sorted by start date. A group takes at most one
    telling per article."""
    groups: list[list[dict]] = []
    open_groups: list[tuple[date, int]] = []      # (latest end, group index) of groups a later row may join
    for rec in rows:
        best = None
        if rec["_start"] is not None:
            open_groups = [(end, gi) for end, gi in open_groups if end >= rec["_start"]]
            for _, gi in open_groups:
                g = groups[gi]
                if all(str(m.get("article_id")) != str(rec.get("article_id")) for m in g) \
                        and any(_similar(m, rec) for m in g):
                    best = gi
                    break
        if best is None:
            groups.append([rec])
            if rec["_start"] is not None:
                open_groups.append((rec["_end"] or rec["_start"], len(groups) - 1))
        else:
            groups[best].append(rec)
    return groups


def _contents(attributions: pd.DataFrame | None) -> dict[str, list[tuple[int, int, str | None]]]:
    """Per article, the ``(content_start, content_end, speaker)`` of its attributions with content, in order."""
    if attributions is None or len(attributions) == 0 or "content_start" not in attributions:
        return {}
    out: dict[str, list[tuple[int, int, str | None]]] = {}
    for a in records(attributions, ["article_id", "content_start", "content_end", "speaker"]):
        if pd.notna(a["content_start"]) and pd.notna(a["content_end"]):
            speaker = a["speaker"] if isinstance(a["speaker"], str) else None
            out.setdefault(str(a["article_id"]), []).append((a["content_start"], a["content_end"], speaker))
    return out


def _speaker_from(rec: dict, contents: dict[str, list[tuple[int, int, str | None]]]) -> str | None:
    """The speaker of the first attribution whose content holds the event."""
    for start, end, speaker in contents.get(str(rec.get("article_id")), ()):
        if start <= rec.get("start", -1) and rec.get("end", 0) <= end:
            return speaker
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


def _name_words(name: str) -> list[str]:
    """Words of a name as compared: lower case, dots and possessives dropped, "&" as "and"."""
    return re.sub(r"['’]s?\b", "", str(name).lower().replace(".", "").replace("&", " and ")).split()


def actor_aliases(actor: str) -> list[list[str]]:
    """The names an actor may be asked for by: as given, and the country a nationality word or an
    abbreviation names ("Ukrainian" -> Ukraine, "US" -> United States)."""
    names = [actor, *nationality_countries(actor)]
    full = country_from_abbreviation(actor.strip())
    if full:
        names.append(full)
    return [w for w in (_name_words(n) for n in dict.fromkeys(names)) if w]


def filter_by_actor(df: pd.DataFrame, actor: str | None) -> pd.DataFrame:
    """Rows whose actors include ``actor`` under any of its names: the canonical name, words of it
    ("Blinken" finds "Antony Blinken"), a nationality or abbreviation of a country ("US"), or the
    name with a qualifier before it (an actor of two words or more that ends the query: "President
    Donald Trump" finds "Donald Trump", "the Beatles' Apple Corps" finds "Apple Corps"), in time
    order (rows with the same dates stay together, in their order). Case and dots are ignored; no
    actor (None or "") keeps every row."""
    wants = actor_aliases(actor or "")
    if not wants:
        return df

    def has(value: Any) -> bool:
        for a in _as_list(value):
            words = _name_words(a)
            for want in wants:
                if any(words[i:i + len(want)] == want for i in range(len(words) - len(want) + 1)):
                    return True
                if len(words) >= 2 and want[-len(words):] == words:
                    return True
        return False

    if not len(df):
        return df
    rows = df[df["actors"].map(has)]
    return in_time_order(rows)


def in_time_order(df: pd.DataFrame) -> pd.DataFrame:
    """Rows sorted by start then end date, undated rows last; ties keep their order."""
    if not len(df) or "date_start" not in df:
        return df
    key = pd.DataFrame({"s": pd.to_datetime(df["date_start"].astype(object), errors="coerce"),
                        "e": pd.to_datetime(df["date_end"].astype(object), errors="coerce")}, index=df.index)
    order = key.sort_values(["s", "e"], na_position="last", kind="stable").index
    return df.loc[order]


def split_background(df: pd.DataFrame, *, window: str = "news") -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(shown, background)``: with ``window="news"`` the rows of the news window and, apart, the
    background (history told for context, photo dates); with ``window="all"`` every row is shown
    and the background is empty."""
    if window not in ("news", "all"):
        raise ValueError(f"window must be 'news' or 'all', not {window!r}")
    if window == "all" or not len(df) or "status" not in df:
        return df, df.iloc[0:0]
    back = df["status"] == "background"
    return df[~back], df[back]


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
