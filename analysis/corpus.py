"""A run's corpus: read the inputs (streamed), analyse what the store lacks, and query the result.

:func:`open_corpus` is what the report builder and the notebooks call. It reads the inputs twice,
one article at a time (to key them, then to analyse the missing ones), hands the analysis to an
engine (:mod:`analysis.engine`) that writes to the store (:mod:`analysis.store`), and returns a
:class:`~analysis.queries.Corpus`: DuckDB views over the store restricted to this run's articles.
Articles that are no longer in the input are simply not in the run's views; they stay in the
store until ``analysis prune``.
"""
from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa

from . import queries
from .engine import analyse, make_engine
from .errors import DEFAULT_TIME_LIMIT
from .ingest import DEFAULT_MAX_BYTES, iter_articles, parse_published, rename_warning
from .nlp import DEFAULT_MODEL
from .queries import Corpus, manifest_row
from .store import PruneReport, Store
from .tables import Tables
from .types import Article

LOGGER = logging.getLogger(__name__)


def _paths(seeds) -> list[Path]:
    from .workbook import project_path

    items = [seeds] if isinstance(seeds, (str, Path)) else list(seeds)
    return [project_path(p) for p in items]


def open_store(store: str | Path | Store | None) -> Store:
    """``store`` as a :class:`Store` (None: the default folder of this user)."""
    return store if isinstance(store, Store) else Store(store)


def open_corpus(seeds: str | Path | Sequence[str | Path], *, published: str | date | None = None,
                store: str | Path | Store | None = None, model: str = DEFAULT_MODEL,
                max_bytes: int = DEFAULT_MAX_BYTES, engine: str = "local", scheduler: str | None = None,
                workers: int | None = None, time_limit: float | None = None,
                progress: Callable[[int, int], None] | None = None,
                on_article: Callable[[Article], None] | None = None) -> Corpus:
    """Analyse what ``store`` lacks of ``seeds`` (files or folders) and return the run's Corpus.

    ``published`` fills in the reference date of articles whose metadata has none. ``engine`` is
    ``local`` (processes; ``workers`` of them) or ``dask`` (the cluster at ``scheduler``, else a
    LocalCluster of ``workers``). ``time_limit`` is the seconds one article may take (default
    :data:`~analysis.errors.DEFAULT_TIME_LIMIT`). ``progress(done, total)`` follows the analysis;
    ``on_article`` sees every article once, as it is read, in input order (the articles table's).
    """
    from .workbook import code_version

    paths, reference, st = _paths(seeds), parse_published(published), open_store(store)
    manifest: list[dict] = []

    def seen(article: Article, key) -> None:
        manifest.append(manifest_row(article, key, len(manifest)))
        if on_article is not None:
            on_article(article)

    runner = make_engine(engine, scheduler=scheduler, n_workers=workers)
    try:
        plan, errors = analyse(lambda: iter_articles(paths, max_bytes=max_bytes, published=reference), store=st,
                               engine=runner, model=model, code_version=code_version(), progress=progress,
                               time_limit=DEFAULT_TIME_LIMIT if time_limit is None else time_limit,
                               on_article=seen)
    finally:
        if hasattr(runner, "close"):
            runner.close()
    for pos, new in plan.renamed.items():
        row = manifest[pos]
        row["warning"] = rename_warning(row["warning"], row["article_id"], new)
        row["article_id"] = new
    if errors:
        LOGGER.warning("%d articles could not be analysed", len(errors))
    return Corpus(st, manifest)


# --------------------------------------------------------------------------- what the notebooks read
MERGE_LIMIT = 2_000      # up to this many events, the timeline merges them in pandas; above, DuckDB groups them
TOP_EVENTS = 500         # events a large corpus shows on its timeline: the ones most articles tell


def timeline_events(corpus: Corpus, *, actor: str | None = None) -> pd.DataFrame:
    """The timeline's rows. A corpus of up to MERGE_LIMIT events: every event, merged across articles
    (:func:`analysis.timeline.merge_corpus_events`). A larger one: the TOP_EVENTS events most
    articles tell, grouped by date and text in DuckDB (:func:`analysis.queries.top_events`)."""
    from .timeline import filter_by_actor, merge_corpus_events

    if corpus.count("events") > MERGE_LIMIT:
        return queries.top_events(corpus, limit=TOP_EVENTS, actor=actor)
    events = merge_corpus_events(corpus.table("events"), attributions=corpus.table("attributions"),
                                 articles=corpus.table("articles"))
    return filter_by_actor(events, actor)


def articles_table(corpus: Corpus, *, texts: Sequence[str] | None = None) -> pd.DataFrame:
    """The articles table; ``texts`` (in input order) fills its ``text`` column (else it is empty:
    the store keeps no texts)."""
    articles = corpus.table("articles")
    articles["text"] = list(texts) if texts is not None else ""
    return articles


def corpus_tables(corpus: Corpus, *, texts: Sequence[str] | None = None, articles: pd.DataFrame | None = None,
                  positions: Sequence[int] | None = None) -> Tables:
    """Every table of the corpus as a DataFrame (for small corpora), or only the rows of the articles
    at input ``positions``; ``texts`` (in input order, or one per position) fills ``articles.text``,
    or ``articles`` is the articles table already read."""
    frames = {name: corpus.table(name, positions=positions) for name in Tables._fields if name != "articles"}
    if articles is None:
        articles = articles_table(corpus, texts=None if positions is not None else texts)
    if positions is not None:
        articles = articles.iloc[list(positions)].reset_index(drop=True)
        if texts is not None:
            articles["text"] = list(texts)
    return Tables(articles=articles, **frames)


class Texts:
    """The texts of a run's articles, read again from its inputs (the store keeps none), one article
    at a time in a single pass: ask for input positions in increasing order. An article whose
    content changed since the run read it gives an empty text (its analysis is of the old one)."""

    def __init__(self, seeds: str | Path | Sequence[str | Path], *, sha256: Sequence[str | None],
                 published: str | date | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._articles = enumerate(iter_articles(_paths(seeds), max_bytes=max_bytes,
                                                 published=parse_published(published)))
        self._sha256 = sha256

    def take(self, positions: Sequence[int]) -> list[str]:
        out = []
        for wanted in positions:
            article = self._at(wanted)
            same = article.sha256 == self._sha256[wanted]
            if not same:
                LOGGER.warning("%s changed while the run read it; its page shows no text", article.article_id)
            out.append(article.text if same else "")
        return out

    def _at(self, wanted: int) -> Article:
        for pos, article in self._articles:
            if pos == wanted:
                return article
        raise ValueError(f"article {wanted} is not in the inputs (or was asked for out of order)")


def _csv_frame(batch: pa.RecordBatch) -> pd.DataFrame:
    """A batch as the frame :func:`analysis.tables.csv_cell` formats: only the list and record
    columns go through Python one cell at a time; the others convert column-wise (the same values)."""
    from .tables import csv_cell

    nested = (pa.types.is_list, pa.types.is_large_list, pa.types.is_struct, pa.types.is_map)
    columns = {}
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if any(is_type(column.type) for is_type in nested):
            columns[name] = pd.Series([csv_cell(v) for v in column.to_pylist()], dtype=object)
        else:
            columns[name] = column.to_pandas()
    return pd.DataFrame(columns, columns=batch.schema.names)


def export_csv(corpus: Corpus, out_dir: str | Path, *, batch_rows: int = 20_000) -> list[Path]:
    """Write each table as ``<name>.csv`` in ``out_dir``, streamed from DuckDB ``batch_rows`` rows at
    a time (the cells formatted as :func:`analysis.tables.csv_cell` does), each through a
    temporary file and a rename."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in Tables._fields:
        target = out / f"{name}.csv"
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=out)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                header = True
                for batch in corpus.stream(name, batch_rows=batch_rows):
                    _csv_frame(batch).to_csv(fh, header=header, index=False)
                    header = False
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written


def prune(seeds: str | Path | Sequence[str | Path] | None, *, store: str | Path | Store | None = None,
          published: str | date | None = None, model: str = DEFAULT_MODEL,
          max_bytes: int = DEFAULT_MAX_BYTES) -> PruneReport:
    """Clear the store of analyses made by another code version, and, when ``seeds`` are given, of
    every analysis that is not of these inputs with this model."""
    from .engine import key_of
    from .workbook import code_version

    keep = None
    if seeds is not None:
        reference = parse_published(published)
        keep = {key_of(a, code_version=code_version(), model=model).key
                for a in iter_articles(_paths(seeds), max_bytes=max_bytes, published=reference) if a.error is None}
    return open_store(store).prune(keep=keep, code_version=code_version())
