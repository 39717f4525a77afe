"""Small helpers the notebooks call, so that the notebooks themselves hold no logic."""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..corpus import open_corpus
from ..ingest import DEFAULT_MAX_BYTES
from ..nlp import DEFAULT_MODEL
from ..queries import Corpus
from ..tables import Tables
from ..workbook import code_version, load_corpus, project_path

LOGGER = logging.getLogger(__name__)
_MEMO: dict[tuple, object] = {}       # one Tables and one Corpus at most


def _fingerprint(seeds) -> tuple:
    """Path, size and modification time of every file under ``seeds``: changes when an input does."""
    items = [seeds] if isinstance(seeds, (str, Path)) else list(seeds)
    stats = []
    for item in items:
        root = project_path(item)
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for f in files:
            if f.is_file():
                st = f.stat()
                stats.append((str(f), st.st_size, st.st_mtime_ns))
    return tuple(stats)


def _key(kind: str, seeds, params: dict) -> tuple:
    return kind, repr(seeds), repr(sorted(params.items())), _fingerprint(seeds), code_version()


def _remembered(make, kind: str, seeds, **params):
    key = _key(kind, seeds, params)
    if key not in _MEMO:
        for old in [k for k in _MEMO if k[0] == kind]:
            del _MEMO[old]
        _MEMO[key] = make(seeds, **params)
    if callable(_MEMO[key]):              # remembered as a loader: read on first use
        _MEMO[key] = _MEMO[key]()
    return _MEMO[key]


def corpus(seeds, *, published: str | None = None, store: str | Path | None = None,
           model: str = DEFAULT_MODEL, max_bytes: int = DEFAULT_MAX_BYTES) -> Tables:
    """:func:`analysis.workbook.load_corpus`, remembered for the life of the kernel while the inputs,
    the parameters and the code are unchanged. The report builder runs every notebook on one kernel,
    so a corpus is read from the store once, not once per article page. Treat the tables as read-only."""
    return _remembered(load_corpus, "tables", seeds, published=published, store=store, model=model,
                       max_bytes=max_bytes)


def corpus_db(seeds, *, published: str | None = None, store: str | Path | None = None,
              model: str = DEFAULT_MODEL, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """:func:`analysis.corpus.open_corpus` (DuckDB over the store, for a corpus of any size),
    remembered like :func:`corpus`: the timeline and sources notebooks of one build read the
    inputs once."""
    return _remembered(open_corpus, "db", seeds, published=published, store=store, model=model,
                       max_bytes=max_bytes)


def remember(tables: Tables | Callable[[], Tables], seeds, *, published: str | None = None, store: str | Path | None = None,
             model: str = DEFAULT_MODEL, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Make :func:`corpus` with these arguments return ``tables`` (read by the report builder, which
    then runs the article notebook in its own process once per article), or what the loader
    ``tables()`` returns when a notebook first asks for them."""
    params = {"published": published, "store": store, "model": model, "max_bytes": max_bytes}
    for old in [k for k in _MEMO if k[0] == "tables"]:
        del _MEMO[old]
    _MEMO[_key("tables", seeds, params)] = tables


def data_path(data_dir: str | Path | None) -> Path | None:
    """``data_dir`` resolved like every notebook path (relative paths from the project root), or None."""
    return None if data_dir in (None, "") else project_path(data_dir)


def export_timeline(events: pd.DataFrame, data_dir: str | Path | None) -> str:
    """Write ``timeline.json`` (TimelineJS) and ``timeline.csv`` into ``data_dir``; a sentence that
    says what was written (nothing when ``data_dir`` is None)."""
    from ..timeline import write_timeline

    out = data_path(data_dir)
    if out is None:
        return "No exports: data_dir is not set."
    written = write_timeline(events, out)
    names = ", ".join(p.name for p in written)
    return f"Wrote {names} to {out}."
