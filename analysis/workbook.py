"""The one call notebooks make on a small corpus: ingest, analyse what the store lacks, return the tables.

Analyses live in the Parquet store (:mod:`analysis.store`), keyed by the content hash, the
reference date, the code version (:func:`code_version`) and the model, so unchanged inputs are
not analysed again.
"""
from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .ingest import DEFAULT_MAX_BYTES
from .nlp import DEFAULT_MODEL

if TYPE_CHECKING:
    from .tables import Tables

LOGGER = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Modules that only present results: editing them does not invalidate cached analyses.
PRESENTATION = {"report", "charts.py", "highlight.py", "metrics.py", "cli.py", "__main__.py", "workbook.py",
                "tables.py", "timeline.py", "corpus.py", "engine.py", "progress.py", "queries.py", "display.py",
                "evidence.py", "htmlcharts.py", "timeline_table.py", "colors.py"}


def project_path(path: str | Path) -> Path:
    """A path as given if it exists from here; otherwise relative to the project root (so a
    notebook finds ``seeds`` whether it runs from ``notebooks/`` or from the root)."""
    p = Path(path).expanduser()
    if p.is_absolute() or p.exists():
        return p
    return PROJECT_ROOT / p


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The package version plus a hash of the analysis stages' source, so a cached analysis never
    outlives a change to the code that produced it (changes to charts or reports keep the cache)."""
    from . import __version__

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for f in sorted(package.rglob("*.py")):
        if f.relative_to(package).parts[0] not in PRESENTATION:
            digest.update(f.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def load_corpus(seeds: str | Path | Sequence[str | Path], *, published: str | date | None = None,
                store: str | Path | None = None, model: str = DEFAULT_MODEL, n_process: int | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, time_limit: float | None = None,
                progress: Callable[[str, int, int], None] | None = None) -> Tables:
    """Ingest ``seeds`` (files or folders), analyse what the store lacks, and return every table.

    For small corpora and JupyterLab: the tables (and the article texts) are held in memory; a
    corpus of any size is better read with :func:`analysis.corpus.open_corpus` and DuckDB.
    ``published`` fills in the reference date of articles whose metadata has none; ``store`` is the
    analysis store (default: one folder per user, see :func:`analysis.store.default_location`).
    Each batch is stored as soon as it is done, failures included (so a notebook does not try a
    failed article again); ``time_limit`` is the seconds one article may take (default
    :data:`~analysis.errors.DEFAULT_TIME_LIMIT`; a stored timeout is retried under a longer one).
    """
    from .corpus import corpus_tables, open_corpus

    texts: list[str] = []
    step = (lambda done, total: progress("analysed", done, total)) if progress else None
    corpus = open_corpus(seeds, published=published, store=store, model=model, max_bytes=max_bytes,
                         workers=n_process, time_limit=time_limit, progress=step,
                         on_article=lambda a: texts.append(a.text))
    try:
        return corpus_tables(corpus, texts=texts)
    finally:
        corpus.close()
