"""Links from what a report shows to the sentence it stands on.

Every sentence of an article page carries an anchor, ``s<index>``: its position among the article's
sentences in text order. A piece of evidence is an ``(article_id, offset)`` pair (the ``evidence``
columns of :mod:`analysis.metrics`, the tellings of a merged timeline event, or a row's own
``article_id`` and ``start``); :class:`Linker` turns it into ``articles/<page>.html#s<index>`` and a
snippet of that sentence. Aggregated rows show a count, the first few linked snippets, and the rest
inside a ``<details>`` element.

Everything that comes from an article (ids, titles, text, URLs) is escaped here; an article id
becomes a page name of letters, digits, ``_``, ``-`` and ``.`` only (never ``..``, ``/`` or a
scheme), and only ``http``/``https`` URLs become links.
"""
from __future__ import annotations

import bisect
import hashlib
import html
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pandas as pd

LOGGER = logging.getLogger(__name__)

SHOWN = 3                # linked snippets shown in an aggregated cell before the rest is folded away
SNIPPET_CHARS = 90       # a snippet is cut at a word boundary after about this many characters
LOOKUP_BATCH = 20_000    # (article, offset) pairs looked up in one query over a store
ARTICLES_DIR = "articles/"
# The offset a row stands on: the first of these columns that is set.
OFFSET_COLUMNS = ("start", "content_start", "source_start", "cue_start")
_PAGE_OK = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}")


class Markup(str):
    """A string of HTML that Jupyter (and :mod:`analysis.pages`) displays as HTML, not as a repr."""

    def _repr_html_(self) -> str:
        return str(self)


def anchor(index: int) -> str:
    """The id of a sentence on its article page: ``s`` and its position in text order."""
    return f"s{int(index)}"


def page_name(article_id: Any) -> str:
    """The file name (without ``.html``) of an article's page. An id made only of letters, digits,
    ``_``, ``-`` and ``.`` (not starting with ``.``) is used as it is; any other id is reduced to those
    characters and given a hash of the id, so two ids never share a page and none leaves the folder."""
    text = str(article_id)
    if _PAGE_OK.fullmatch(text) and ".." not in text:
        return text
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", text).strip("_")[:80] or "article"
    return f"{stem}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"


def safe_url(url: Any) -> str | None:
    """``url`` when it is an absolute ``http`` or ``https`` URL with a host, else None."""
    if not isinstance(url, str) or not url.strip() or any(c in url for c in "\x00\r\n\t "):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def url_html(url: Any) -> str:
    """An escaped link for an http(s) URL; any other value as escaped plain text."""
    ok = safe_url(url)
    if ok is None:
        return esc(url)
    return f'<a href="{esc(ok)}" rel="noopener noreferrer">{esc(ok)}</a>'


def esc(value: Any) -> str:
    """Text for HTML (quotes too); None and NaN as empty."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def sentence_spans(sentences: pd.DataFrame) -> list[tuple[int, int]]:
    """One article's sentences as ``(start, end)`` in text order: the index of each is its anchor."""
    if sentences is None or sentences.empty:
        return []
    return sorted(zip(sentences["start"].astype(int), sentences["end"].astype(int), strict=True))


def _offset(value: Any) -> int | None:
    try:
        return None if value is None or pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return None


def pairs(value: Any, *, article_id: Any = None) -> list[tuple[str, int]]:
    """The ``(article_id, offset)`` pairs in an evidence value: a list of pairs (metrics), a list of
    tellings with ``spans`` (merged timeline events), or a single offset of ``article_id``."""
    if value is None or isinstance(value, (str, bytes)) or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, dict):
        spans = value.get("spans") or [[value.get("start")]]
        return [(str(value.get("article_id")), o) for o in (_offset(s[0]) for s in spans[:1]) if o is not None]
    if isinstance(value, (int, float)) or hasattr(value, "__index__"):
        o = _offset(value)
        return [] if o is None or article_id is None else [(str(article_id), o)]
    if _is_pair(value):
        return [(value[0], int(value[1]))]
    out: list[tuple[str, int]] = []
    for item in value:
        out.extend(pairs(item, article_id=article_id))
    return out


def _is_pair(value: Any) -> bool:
    """``("a1", 120)`` (a tuple, a list or an array of two): an article id and an offset."""
    try:
        return len(value) == 2 and isinstance(value[0], str) and not isinstance(value[1], str) \
            and _offset(value[1]) is not None
    except TypeError:
        return False


def row_offset(row: dict) -> int | None:
    """The offset a table row stands on (see :data:`OFFSET_COLUMNS`)."""
    for col in OFFSET_COLUMNS:
        o = _offset(row.get(col))
        if o is not None:
            return o
    return None


class Target(NamedTuple):
    article_id: str
    sentence: int          # the index of the sentence, its anchor is ``s<sentence>``
    href: str
    snippet: str           # the sentence from the offset on, shortened


def snippet(text: str, *, limit: int = SNIPPET_CHARS) -> str:
    """``text`` with its whitespace collapsed, cut at a word boundary after ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


class Linker:
    """Evidence into links: built once per report from the ``sentences`` and ``articles`` tables, or
    over a corpus in a store (:meth:`from_db`), where the sentences are looked up as links need them.

    ``prefix`` is what goes before the page name: ``articles/`` from a corpus report, ``None`` on the
    article's own page (links are then ``#s<index>`` only)."""

    def __init__(self, sentences: pd.DataFrame | None, articles: pd.DataFrame | None = None, *,
                 prefix: str | None = ARTICLES_DIR,
                 lookup: Callable[[list[tuple[str, int]]], pd.DataFrame] | None = None) -> None:
        self.prefix = prefix
        self._starts: dict[str, list[int]] = {}
        self._sentences: dict[str, list[tuple[int, int, str]]] = {}
        self._lookup = lookup
        self._found: dict[tuple[str, int], Target | None] = {}
        if sentences is not None and not sentences.empty:        # column by column: a corpus has 10^5 sentences
            rows = sorted(zip(sentences["article_id"].astype(str).tolist(), sentences["start"].astype(int).tolist(),
                              sentences["end"].astype(int).tolist(), sentences["text"].astype(str).tolist(),
                              strict=True))
            for article_id, start, end, text in rows:
                self._sentences.setdefault(article_id, []).append((start, end, text))
            self._starts = {a: [s for s, _, _ in spans] for a, spans in self._sentences.items()}
        self.titles = ({} if articles is None or articles.empty else
                       {str(a): str(t) for a, t in zip(articles["article_id"], articles["title"], strict=True)
                        if isinstance(t, str) and t})

    @classmethod
    def from_tables(cls, tables, *, prefix: str | None = ARTICLES_DIR) -> Linker:
        return cls(tables.sentences, tables.articles, prefix=prefix)

    @classmethod
    def from_db(cls, db, *, prefix: str | None = ARTICLES_DIR, article_ids: Iterable[str] | None = None) -> Linker:
        """Over a :class:`analysis.queries.Corpus`: the titles (of ``article_ids`` when given), and the
        sentences looked up when links need them, a table's worth at a time (see :meth:`prefetch`), so
        no sentence table of the corpus is ever held."""
        where, params = "", None
        if article_ids is not None:
            where, params = " WHERE list_contains($ids, article_id)", {"ids": sorted(set(map(str, article_ids)))}
        return cls(None, db.sql(f"SELECT article_id, title FROM articles{where}", params), prefix=prefix,
                   lookup=db.sentences_at)

    def prefetch(self, found: Iterable[tuple[str, int]]) -> None:
        """Look up at once the sentences of these ``(article_id, offset)`` pairs (one query over the
        store); a renderer calls it with every pair it is about to link. Without a store: nothing to do."""
        if self._lookup is None:
            return
        wanted = [p for p in dict.fromkeys((str(a), int(o)) for a, o in found if a is not None and o is not None)
                  if p not in self._found]
        if not wanted:
            return
        for start in range(0, len(wanted), LOOKUP_BATCH):
            batch = wanted[start:start + LOOKUP_BATCH]
            self._found.update(dict.fromkeys(batch))
            rows = self._lookup(batch)
            for article_id, at, i, s, e, text in zip(rows["article_id"], rows["at"], rows["idx"], rows["start"],
                                                     rows["end"], rows["text"], strict=True):
                self._found[(str(article_id), int(at))] = self._target(str(article_id), int(at), int(i),
                                                                       int(s), int(e), str(text))

    def _target(self, article_id: str, offset: int, i: int, start: int, end: int, text: str) -> Target:
        piece = text[max(0, min(offset, end) - start):] or text
        return Target(article_id, i, self.href(article_id, i), snippet(piece))

    def sentence_at(self, article_id: str, offset: int) -> int | None:
        """The index of the sentence holding ``offset`` (or the last one starting before it)."""
        if self._lookup is not None:
            t = self.target(article_id, offset)
            return None if t is None else t.sentence
        starts = self._starts.get(str(article_id))
        if not starts:
            return None
        return max(bisect.bisect_right(starts, int(offset)) - 1, 0)

    def href(self, article_id: str, sentence: int | None = None) -> str:
        page = "" if self.prefix is None else f"{self.prefix}{page_name(article_id)}.html"
        return page + ("" if sentence is None else f"#{anchor(sentence)}")

    def target(self, article_id: str, offset: int) -> Target | None:
        article_id, offset = str(article_id), int(offset)
        if self._lookup is not None:
            if (article_id, offset) not in self._found:
                self.prefetch([(article_id, offset)])
            return self._found[(article_id, offset)]
        i = self.sentence_at(article_id, offset)
        if i is None:
            return None
        return self._target(article_id, offset, i, *self._sentences[article_id][i])

    def link(self, article_id: str, offset: int | None, *, label: Any = None, name: bool = False) -> str:
        """An escaped ``<a>`` to the sentence at ``offset``; ``label`` (default: the snippet) as its text,
        which starts at ``offset``, unless ``name`` says it names who or what the sentence is about
        (class ``ev-name`` instead of ``ev-link``). Without a sentence to point at, the label as text."""
        t = None if offset is None else self.target(article_id, offset)
        if t is None:
            return esc(label)
        title = self.titles.get(t.article_id, t.article_id)
        return (f'<a class="{"ev-name" if name else "ev-link"}" href="{esc(t.href)}" title="{esc(title)}">'
                f'{esc(t.snippet if label is None else label)}</a>')

    def _items(self, found: Iterable[tuple[str, int]]) -> Iterator[str]:
        for article_id, offset in found:
            yield f"<li>{self.link(article_id, offset)}</li>"

    def cell(self, value: Any, *, article_id: Any = None, shown: int = SHOWN) -> str:
        """An evidence cell: how many sentences, the first ``shown`` as linked snippets, the rest folded."""
        found = list(dict.fromkeys(pairs(value, article_id=article_id)))
        if not found:
            return ""
        items = list(self._items(found))
        head = f'<ul class="ev-list">{"".join(items[:shown])}</ul>' if shown else ""
        if len(items) <= shown:
            return head if len(items) == 1 else f'<span class="ev-n">{len(items)}</span>{head}'
        rest = f'<ul class="ev-list">{"".join(items[shown:])}</ul>'
        count = f'<span class="ev-n">{len(items)}</span>' if shown else ""
        more = f"{len(items) - shown} more" if shown else f"{len(items)} more"
        return f'{count}{head}<details class="ev-more"><summary>{more}</summary>{rest}</details>'


CSS = """
<style>
.ev-list { margin: 0; padding-left: 1.1em; }
.ev-list li { margin: 0 0 2px 0; }
.ev-n { font: 11px/1 sans-serif; color: #555; background: #eee; border-radius: 8px; padding: 1px 6px; }
.ev-more summary { cursor: pointer; color: #0b4f8a; font-size: 11px; }
a.ev-link, a.ev-name { color: #0b4f8a; text-decoration: none; border-bottom: 1px dotted #0b4f8a; }
</style>
"""
