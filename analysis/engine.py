"""Where ``analyze`` runs: processes on this machine, or a Dask cluster. The engine never changes a result.

A run goes in two passes over the input, so that nothing holds the whole corpus:

1. *plan*: read every article once, key it (:func:`analysis.store.analysis_key`), keep its metadata
   (the manifest, without the text) and note the keys the store lacks;
2. *analyse*: read the articles again and send those the store lacks, in batches, to the engine.
   Each worker loads the model once, analyses a batch and writes its Parquet parts to the store
   itself, then returns only the ids it stored and the errors. At most a few batches per worker
   are in flight, so memory depends on the batch size and the model, not on the corpus.

Work is kept as each batch finishes: a run killed half way resumes where it stopped.
"""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import NamedTuple

from .store import Store, StoreKey, analysis_key
from .types import Article

LOGGER = logging.getLogger(__name__)

ENGINES = ("local", "dask")
MAX_BATCH = 64          # articles per batch (and per Parquet part) on a large corpus
MIN_BATCH = 4
BATCHES_PER_WORKER = 4  # a small corpus is cut so that each worker gets about this many batches
IN_FLIGHT = 2           # batches queued per worker: enough to keep it busy, few enough to bound memory
SMALL = 16              # fewer articles than this to analyse: in this process, no pool to start


class Item(NamedTuple):
    """One article to analyse: its store key, id, text and reference date."""
    key: StoreKey
    article_id: str
    text: str
    published: date | None


class BatchResult(NamedTuple):
    """What a worker sends back: the article ids stored, the errors, and the seconds it took."""
    stored: list[str]
    errors: list[tuple[str, str]]
    seconds: float


def key_of(article: Article, *, code_version: str, model: str) -> StoreKey:
    """The store key of an article's analysis."""
    reference = article.published.isoformat() if article.published else None
    return analysis_key(article.sha256 or "", reference, code_version=code_version, model=model)


# --------------------------------------------------------------------------- the worker side
def analyse_batch(items: Sequence[Item], *, store: Store, model: str) -> BatchResult:
    """Analyse a batch (the model is loaded once per process) and write it to the store."""
    from .nlp import load_model
    from .pipeline import _analyze_with

    start = time.perf_counter()
    nlp = load_model(model)
    rows = _analyze_with(nlp, [(it.article_id, it.text, it.published) for it in items])
    keys = {it.article_id: it.key for it in items}
    done = [(keys[aid], analysis.to_dict()) for aid, analysis, error in rows if error is None]
    store.write_batch(done)
    return BatchResult([aid for aid, _, error in rows if error is None],
                       [(aid, error) for aid, _, error in rows if error is not None],
                       time.perf_counter() - start)


# --------------------------------------------------------------------------- engines
def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class LocalEngine:
    """Processes on this machine (``n_process``; default: every core once the work pays for a pool)."""

    name = "local"

    def __init__(self, *, n_process: int | None = None) -> None:
        self.n_process = n_process

    def workers(self, n_items: int) -> int:
        if self.n_process is not None:
            return max(1, self.n_process)
        return 1 if n_items < SMALL else max(1, min(cores(), n_items // 8))

    def map(self, batches: Iterable[Sequence[Item]], *, store: Store, model: str, n_items: int
            ) -> Iterator[BatchResult]:
        n = self.workers(n_items)
        if n == 1:
            for batch in batches:
                yield analyse_batch(batch, store=store, model=model)
            return
        yield from self._pool(batches, n, store=store, model=model)

    @staticmethod
    def _pool(batches, n: int, *, store: Store, model: str) -> Iterator[BatchResult]:
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        from . import gazetteer
        from .nlp import load_model

        load_model(model)               # loaded once here, inherited by forked workers
        gazetteer.gazetteer()
        ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ProcessPoolExecutor(n, mp_context=ctx, initializer=load_model, initargs=(model,)) as pool:
            pending, it = set(), iter(batches)
            while True:
                while len(pending) < n * IN_FLIGHT and (batch := next(it, None)) is not None:
                    pending.add(pool.submit(analyse_batch, batch, store=store, model=model))
                if not pending:
                    return
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()


class DaskEngine:
    """A Dask cluster: the one at ``scheduler`` (``tcp://host:8786``), or a ``LocalCluster`` of
    ``n_workers`` single-threaded worker processes started for the run."""

    name = "dask"

    def __init__(self, *, scheduler: str | None = None, n_workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            from .errors import ParameterError
            raise ParameterError("--engine dask needs Dask: pip install 'news-analysis-workbook[dask]'") from None
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=n_workers or cores(), threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)

    def workers(self, n_items: int = 0) -> int:
        info = self.client.scheduler_info().get("workers", {})
        return max(1, sum(w.get("nthreads", 1) for w in info.values()))

    def map(self, batches: Iterable[Sequence[Item]], *, store: Store, model: str, n_items: int
            ) -> Iterator[BatchResult]:
        from distributed import as_completed

        it = iter(batches)
        first = [b for _, b in zip(range(self.workers() * IN_FLIGHT), it, strict=False)]
        queue = as_completed([self.client.submit(analyse_batch, b, store=store, model=model, pure=False)
                              for b in first])
        for future in queue:
            result = future.result()
            future.release()
            batch = next(it, None)
            if batch is not None:
                queue.add(self.client.submit(analyse_batch, batch, store=store, model=model, pure=False))
            yield result

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(name: str = "local", *, scheduler: str | None = None, n_workers: int | None = None):
    """An engine by name: ``local`` (processes) or ``dask`` (``scheduler`` address, else a LocalCluster)."""
    from .errors import ParameterError

    if name == "local":
        if scheduler:
            raise ParameterError("--scheduler needs --engine dask")
        return LocalEngine(n_process=n_workers)
    if name == "dask":
        return DaskEngine(scheduler=scheduler, n_workers=n_workers)
    raise ParameterError(f"engine: {name!r} is not one of {', '.join(ENGINES)}")


# --------------------------------------------------------------------------- a run
class Plan(NamedTuple):
    """The first pass: every article's key (``None`` for an unreadable one), and those to analyse."""
    keys: dict[str, StoreKey | None]
    todo: set[str]
    n_stored: int


def plan(articles: Iterable[Article], *, store: Store, code_version: str, model: str,
         on_article: Callable[[Article, StoreKey | None], None] | None = None) -> Plan:
    """Key every article and find the keys the store lacks; ``on_article`` sees each article once."""
    stored = store.keys()
    keys: dict[str, StoreKey | None] = {}
    todo: set[str] = set()
    for a in articles:
        key = None if a.error else key_of(a, code_version=code_version, model=model)
        keys[a.article_id] = key
        if key is not None and key.key not in stored:
            todo.add(a.article_id)
        if on_article is not None:
            on_article(a, key)
    return Plan(keys, todo, sum(1 for k in keys.values() if k is not None) - len(todo))


def batch_size(n_todo: int, workers: int) -> int:
    """Batches small enough that every worker gets several on a small corpus, at most MAX_BATCH."""
    return max(MIN_BATCH, min(MAX_BATCH, -(-n_todo // (workers * BATCHES_PER_WORKER))))


def batches(articles: Iterable[Article], *, todo: set[str], keys: dict[str, StoreKey | None], size: int
            ) -> Iterator[list[Item]]:
    """The articles of ``todo`` as batches of ``size`` items, read one at a time."""
    batch: list[Item] = []
    for a in articles:
        if a.article_id in todo:
            batch.append(Item(keys[a.article_id], a.article_id, a.text, a.published))
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch


def analyse(articles: Callable[[], Iterable[Article]], *, store: Store, engine, model: str, code_version: str,
            on_article: Callable[[Article, StoreKey | None], None] | None = None,
            progress: Callable[[int], None] | None = None, size: int | None = None) -> tuple[Plan, dict[str, str]]:
    """Analyse what the store lacks. ``articles()`` reads the input afresh (it is called twice).
    Returns the plan and ``{article_id: error}`` of the articles whose analysis failed; ``progress``
    is called with the number of articles each finished batch held."""
    with store.lock(shared=True):
        p = plan(articles(), store=store, code_version=code_version, model=model, on_article=on_article)
        LOGGER.info("%d articles: %d in the store, %d to analyse", len(p.keys), p.n_stored, len(p.todo))
        errors: dict[str, str] = {}
        if not p.todo:
            return p, errors
        workers = engine.workers(len(p.todo))
        size = size or batch_size(len(p.todo), workers)
        for result in engine.map(batches(articles(), todo=p.todo, keys=p.keys, size=size), store=store,
                                 model=model, n_items=len(p.todo)):
            errors.update(result.errors)
            if progress is not None:
                progress(len(result.stored) + len(result.errors))
    return p, errors
