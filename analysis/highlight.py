"""Article text with its dates, entities, attributions and hedges highlighted, as escaped HTML.

Article text is data: every piece of it goes through :func:`html.escape` before it is placed in a
span, and every title attribute is escaped with quotes. Markdown and LaTeX in the text stay plain
characters (the output is HTML, never Markdown, and carries the ``tex2jax_ignore`` class so MathJax
leaves it alone). :func:`show_table` renders a DataFrame the same way for notebooks and reports.
"""
from __future__ import annotations

import html
import logging
import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

from .display import format_cell
from .events import HEDGE_WORDS
from .evidence import CSS as EVIDENCE_CSS
from .evidence import Linker, anchor, pairs, row_offset, sentence_spans, url_html

LOGGER = logging.getLogger(__name__)

# Hedges shown in the article view: the words that make an event "unverified" (events.HEDGE_WORDS)
# plus the epistemic modals and verbs of Hyland (1998, "Hedging in Scientific Research Articles")
# and the "not verified" phrasings, which a reader wants to see even where no event is dated.
HEDGES = tuple(sorted(HEDGE_WORDS)) + (
    "claims", "could not be verified", "not independently verified", "cannot be verified",
    "may", "might", "could", "possibly", "probably", "likely", "unlikely", "perhaps", "suggests", "suggested",
    "appears", "appeared", "seems", "seemed", "believed to", "thought to", "is said to", "are said to",
    "estimated", "presumably",
)
HEDGE_RE = re.compile(r"\b(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+")
                                         for h in sorted(HEDGES, key=len, reverse=True)) + r")\b", re.I)

CSS = """
<style>
.hl-article { font-family: Georgia, serif; line-height: 1.6; max-width: 52em; }
.hl-article p { white-space: pre-wrap; margin: 0 0 .7em 0; }
.hl-kind { font: 10px/1 sans-serif; color: #fff; background: #777; border-radius: 3px; padding: 1px 4px;
  margin-right: .5em; vertical-align: middle; text-transform: uppercase; }
.hl-p-headline { font-size: 1.3em; font-weight: bold; }
.hl-p-standfirst { font-style: italic; }
.hl-p-caption, .hl-p-credit, .hl-p-signoff, .hl-p-boilerplate { color: #666; font-size: .9em; }
.hl-timex { background: #fff1a8; }
.hl-entity { border-bottom: 2px solid #009E73; }
.hl-quote { background: #dcecf9; }
.hl-source { font-weight: bold; color: #0b4f8a; }
.hl-cue { text-decoration: underline; text-decoration-color: #0072B2; }
.hl-credit { background: #fde3cf; }
.hl-hedge { text-decoration: underline wavy #D55E00; }
.hl-legend { font: 12px/1.8 sans-serif; border: 1px solid #ddd; padding: 4px 8px; background: #fafafa; }
.hl-legend span { margin-right: 1em; white-space: nowrap; }
.hl-s { scroll-margin-top: 4em; }
.hl-s:target { background: #ffe08a; outline: 2px solid #E69F00; }
.hl-empty { color: #666; font-style: italic; }
.hl-title { font: bold 1.7em/1.25 Georgia, serif; margin: .4em 0 .2em; }
.hl-meta { color: #555; font-size: 13px; margin: 0 0 1em; word-break: break-all; }
.hl-mono { font-family: SFMono-Regular, Consolas, monospace; font-size: 12px; }
table.hl-table { border-collapse: collapse; font-size: 12px; }
table.hl-table td, table.hl-table th { border-bottom: 1px solid #ddd; padding: 3px 6px;
  text-align: left !important; vertical-align: top; max-width: 40em; }
table.hl-fields th { white-space: nowrap; }
details.hl-more > summary { cursor: pointer; color: #0b4f8a; font: 12px sans-serif; margin: .2em 0; }
</style>
"""
LEGEND = (("hl-kind", "paragraph kind"), ("hl-timex", "date or time"), ("hl-entity", "entity"),
          ("hl-source", "cited source"), ("hl-cue", "reporting cue"), ("hl-quote", "attributed content"),
          ("hl-credit", "credit"), ("hl-hedge", "hedge"))


class Mark(NamedTuple):
    start: int
    end: int
    cls: str
    title: str


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _ok(*values) -> bool:
    return all(v is not None and not (isinstance(v, float) and pd.isna(v)) for v in values)


def _rows(df: pd.DataFrame | None) -> list[dict]:
    return [] if df is None or df.empty else df.to_dict("records")


def marks(text: str, *, timexes: pd.DataFrame | None = None, entities: pd.DataFrame | None = None,
          attributions: pd.DataFrame | None = None, hedges: bool = True) -> list[Mark]:
    """The spans to highlight, each with a CSS class and a tooltip."""
    out: list[Mark] = []
    for t in _rows(timexes):
        out.append(Mark(int(t["start"]), int(t["end"]), "hl-timex", f"{t.get('type')} {t.get('value')}"))
    for e in _rows(entities):
        label = re.sub(r"\W", "", str(e.get("label") or ""))
        out.append(Mark(int(e["start"]), int(e["end"]), f"hl-entity hl-ent-{label}",
                        f"{label}: {e.get('canonical') or e.get('text')}"))
    for a in _rows(attributions):
        credit = a.get("kind") in ("photo_credit", "wire_credit")
        who = a.get("speaker") if _ok(a.get("speaker")) else a.get("source")
        if _ok(a.get("source_start"), a.get("source_end")):
            out.append(Mark(int(a["source_start"]), int(a["source_end"]), "hl-credit" if credit else "hl-source",
                            f"{a.get('kind')}; {a.get('source_type')}: {who}"))
        if _ok(a.get("cue_start"), a.get("cue_end")):
            out.append(Mark(int(a["cue_start"]), int(a["cue_end"]), "hl-cue", f"cue: {a.get('cue')}"))
        if _ok(a.get("content_start"), a.get("content_end")):
            out.append(Mark(int(a["content_start"]), int(a["content_end"]), "hl-quote", f"{a.get('kind')}: {who}"))
    if hedges:
        out.extend(Mark(m.start(), m.end(), "hl-hedge", "hedge") for m in HEDGE_RE.finditer(text))
    return [m for m in out if 0 <= m.start < m.end <= len(text)]


def _sentences(text: str, start: int, end: int, spans: list[Mark], sentences: list[tuple[int, int]],
               seen: set[int]) -> str:
    """The paragraph ``[start, end)`` with each sentence in it wrapped in a span whose id is its anchor."""
    out, cursor = [], start
    first = bisect_right(sentences, (start, -1))
    while first > 0 and sentences[first - 1][1] > start:
        first -= 1
    for i in range(first, len(sentences)):
        s, e = max(sentences[i][0], start), min(sentences[i][1], end)
        if s >= end:
            break
        if e <= s:
            continue
        if s > cursor:
            out.append(_segments(text, cursor, s, spans))
        ident = "" if i in seen else f' id="{anchor(i)}"'
        seen.add(i)
        out.append(f'<span class="hl-s"{ident}>{_segments(text, s, e, spans)}</span>')
        cursor = e
    if cursor < end:
        out.append(_segments(text, cursor, end, spans))
    return "".join(out)


def _segments(text: str, start: int, end: int, spans: Iterable[Mark]) -> str:
    spans = [m for m in spans if m.start < end and m.end > start]
    cuts = sorted({start, end, *(max(m.start, start) for m in spans), *(min(m.end, end) for m in spans)})
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [m for m in spans if m.start <= a and m.end >= b]
        piece = _esc(text[a:b])
        if active:
            classes = " ".join(dict.fromkeys(c for m in active for c in m.cls.split()))
            title = " | ".join(dict.fromkeys(m.title for m in active))
            piece = f'<span class="{_esc(classes)}" title="{_esc(title)}">{piece}</span>'
        parts.append(piece)
    return "".join(parts)


def highlight_text(text: str, *, paragraphs: pd.DataFrame | None = None, timexes: pd.DataFrame | None = None,
                   entities: pd.DataFrame | None = None, attributions: pd.DataFrame | None = None,
                   sentences: pd.DataFrame | None = None, hedges: bool = True) -> str:
    """The article as an HTML string: one ``<p>`` per paragraph, labelled with its kind, and the
    highlighted spans inside it; every sentence carries its anchor (``id="s<index>"``), highlighted
    when a link points at it. All text is escaped."""
    spans = marks(text, timexes=timexes, entities=entities, attributions=attributions, hedges=hedges)
    paras = [(int(p["start"]), int(p["end"]), str(p.get("kind"))) for p in _rows(paragraphs)] or [(0, len(text), "text")]
    sents, seen = sentence_spans(sentences), set()
    body = []
    for start, end, kind in sorted(paras):
        kind_cls = re.sub(r"\W", "", kind)
        body.append(f'<p class="hl-p-{kind_cls}"><span class="hl-kind">{_esc(kind)}</span>'
                    f"{_sentences(text, start, end, spans, sents, seen)}</p>")
    legend = "<b>Legend</b> " + "".join(f'<span class="{c}">{_esc(label)}</span>' for c, label in LEGEND)
    return (f'{CSS}<div class="hl-article tex2jax_ignore"><p class="hl-legend">{legend}</p>'
            f'{"".join(body)}</div>')


def _html(markup: str):
    try:
        from IPython.display import HTML
    except ImportError:   # outside Jupyter the markup itself is the useful value
        return markup
    return HTML(markup)


def pick_article(tables, article_id: str | None = None) -> str:
    """``article_id`` if the corpus has it, else the first article that was read without error."""
    ids = list(tables.articles["article_id"])
    if article_id is not None:
        if article_id not in ids:
            raise KeyError(f"article_id {article_id!r} is not in the corpus ({len(ids)} articles)")
        return article_id
    ok = tables.articles[tables.articles["error"].isna()]["article_id"]
    if not ids:
        raise KeyError("the corpus has no articles")
    return str(ok.iloc[0]) if len(ok) else str(ids[0])


_SPLITS: dict[int, tuple] = {}   # id(tables) -> (tables, {article_id: rows} per table), the last two seen


def select_article(tables, article_id: str):
    """The same tables, each reduced to the rows of one article. A corpus is split by article once and
    the split remembered, so a page per article costs no scan of the corpus each."""
    if len(tables.articles) <= 1:
        return type(tables)(*(df[df["article_id"] == article_id].reset_index(drop=True) for df in tables))
    entry = _SPLITS.get(id(tables))
    if entry is None or entry[0] is not tables:
        while len(_SPLITS) >= 2:
            _SPLITS.pop(next(iter(_SPLITS)))
        parts = [{str(k): g.reset_index(drop=True) for k, g in df.groupby(df["article_id"].astype(str), sort=False)}
                 for df in tables]
        entry = _SPLITS[id(tables)] = (tables, parts)
    return type(tables)(*(p.get(str(article_id), df.iloc[0:0]) for p, df in zip(entry[1], tables, strict=True)))


def show_article(tables, article_id: str | None = None):
    """The highlighted text of one article (default: the first), for a notebook cell."""
    article_id = pick_article(tables, article_id)
    one = select_article(tables, article_id)
    text = one.articles["text"].iloc[0] or ""
    if not text:
        return _html(f'{CSS}<p class="hl-empty">Article {_esc(article_id)} has no text: '
                     f'{_esc(one.articles["error"].iloc[0])}</p>')
    return _html(highlight_text(text, paragraphs=one.paragraphs, timexes=one.timexes, entities=one.entities,
                                attributions=one.attributions, sentences=one.sentences))


def _cell(value, column: str | None = None) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) if not isinstance(v, (list, tuple)) else
                         "(" + ", ".join(map(str, v)) + ")" for v in value)
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(format_cell(value, column=column))


LINKED_COLUMNS = ("text", "content", "source")   # the cell that links to the row's sentence, first found


def _linked_pairs(row: dict, cols: list[str], link: str | None) -> list[tuple[str, int]]:
    """The ``(article_id, offset)`` pairs :func:`_linked_cells` links for this row."""
    found = pairs(row.get("evidence"), article_id=row.get("article_id")) if "evidence" in cols else []
    offset = row_offset(row)
    if link in cols and offset is not None and row.get("article_id") is not None:
        found.append((str(row["article_id"]), offset))
    return found


def _linked_cells(row: dict, cols: list[str], linker: Linker, link: str | None) -> list[str]:
    """A row's cells as markup: ``evidence`` as linked snippets, the ``link`` column as a link to the
    row's own sentence (``article_id`` and its offset), the rest escaped."""
    offset = row_offset(row)
    cells = []
    for c in cols:
        value = row.get(c)
        if c == "evidence":
            cells.append(linker.cell(value, article_id=row.get("article_id")))
        elif c == "article_id" and value is not None and linker.prefix is not None:
            cells.append(f'<a href="{_esc(linker.href(str(value)))}">{_esc(value)}</a>')
        elif c == link and offset is not None and row.get("article_id") is not None and _cell(value, c):
            cells.append(linker.link(str(row["article_id"]), offset, label=_cell(value, c)))
        else:
            cells.append(_esc(_cell(value, c)))
    return cells


def table_html(df: pd.DataFrame, *, columns: list[str] | None = None, max_rows: int = 200,
               empty: str = "Nothing to show.", linker: Linker | None = None, link: str | None = None,
               open_rows: int | None = None) -> str:
    """A DataFrame as an escaped HTML table (every cell through :func:`html.escape`); ``empty`` in
    words when it has no rows. With a ``linker``, the ``evidence`` column becomes linked snippets and
    the ``link`` column (default: the first of :data:`LINKED_COLUMNS` shown) a link to the row's sentence.
    Rows after the first ``open_rows`` are folded in a ``<details>`` element."""
    if df is None or df.empty:
        return f'{CSS}<p class="hl-empty">{_esc(empty)}</p>'
    cols = [c for c in (columns or list(df.columns)) if c in df.columns]
    head = "".join(f"<th>{_esc(c)}</th>" for c in cols)
    if linker is None:
        body = [[_esc(_cell(v, c)) for c, v in zip(cols, row, strict=True)]
                for row in df[cols].head(max_rows).itertuples(index=False, name=None)]
    else:
        link = link or next((c for c in LINKED_COLUMNS if c in cols), None)
        rows = df.head(max_rows).to_dict("records")
        linker.prefetch(p for row in rows for p in _linked_pairs(row, cols, link))
        body = [_linked_cells(row, cols, linker, link) for row in rows]
    more = (f'<p class="hl-empty">Showing {max_rows} of {len(df)} rows; the CSV exports hold them all.</p>'
            if len(df) > max_rows else "")
    css = CSS + (EVIDENCE_CSS if linker is not None else "")
    if open_rows is not None and len(body) > open_rows:
        folded = _rows_table(head, body[open_rows:])
        return (f'{css}{_rows_table(head, body[:open_rows])}<details class="hl-more"><summary>'
                f'{len(body) - open_rows} more rows</summary>{folded}</details>{more}')
    return f"{css}{_rows_table(head, body)}{more}"


def _rows_table(head: str, body: list[list[str]]) -> str:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in body)
    return f'<table class="hl-table tex2jax_ignore"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def fields_html(df: pd.DataFrame, *, columns: list[str] | None = None, empty: str = "Nothing to show.") -> str:
    """The first row of ``df`` as a two-column table of field and value (for one article's metadata)."""
    if df is None or df.empty:
        return f'{CSS}<p class="hl-empty">{_esc(empty)}</p>'
    row = df.iloc[0]
    cols = [c for c in (columns or list(df.columns)) if c in df.columns]
    body = "".join(f"<tr><th>{_esc(c)}</th><td>{_esc(_cell(row[c], c))}</td></tr>" for c in cols)
    return f'{CSS}<table class="hl-table hl-fields tex2jax_ignore"><tbody>{body}</tbody></table>'


def title_html(articles: pd.DataFrame) -> str:
    """An article's title as a heading, then its link (http and https only), outlet, date and id."""
    if articles is None or articles.empty:
        return f'{CSS}<p class="hl-empty">No article.</p>'
    row = articles.iloc[0]
    title = row.get("title") if _ok(row.get("title")) and str(row.get("title")).strip() else row["article_id"]
    meta = [_esc(_cell(row.get(c))) for c in ("outlet", "published") if _ok(row.get(c))]
    if _ok(row.get("url")):
        meta.append(url_html(row.get("url")))
    meta.append(f'id <span class="hl-mono">{_esc(row["article_id"])}</span>')
    return (f'{CSS}<h1 class="hl-title">{_esc(title)}</h1>'
            f'<p class="hl-meta">{" · ".join(meta)}</p>')


def show_title(articles: pd.DataFrame):
    """:func:`title_html` as a notebook display object."""
    return _html(title_html(articles))


def show_fields(df: pd.DataFrame, *, columns: list[str] | None = None, empty: str = "Nothing to show."):
    """:func:`fields_html` as a notebook display object."""
    return _html(fields_html(df, columns=columns, empty=empty))


def show_table(df: pd.DataFrame, *, columns: list[str] | None = None, max_rows: int = 200,
               empty: str = "Nothing to show.", linker: Linker | None = None, link: str | None = None,
               open_rows: int | None = None):
    """:func:`table_html` as a notebook display object."""
    return _html(table_html(df, columns=columns, max_rows=max_rows, empty=empty, linker=linker, link=link,
                            open_rows=open_rows))
