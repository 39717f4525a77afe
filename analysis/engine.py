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

import functools
import itertools
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from .nlp import model_meta
from .types import Article

if TYPE_CHECKING:
    from .store import Store, StoreKey

LOGGER = logging.getLogger(__name__)

ENGINES = ("local", "dask")
MAX_BATCH = 64          # articles per batch (and per Parquet part) on a large corpus
MIN_BATCH = 4
BATCHES_PER_WORKER = 4  # a small corpus is cut so that each worker gets about this many batches
IN_FLIGHT = 2           # batches queued per worker: enough to keep it busy, few enough to bound memory
RECYCLE = 2_000         # articles a local worker process analyses before a fresh one takes over
SMALL = 16              # fewer articles than this to analyse: in this process, no pool to start
TIMED_OUT = "analysis stopped"   # how the pipeline's error for an article that ran out of time begins


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
    """The store key of an article's analysis: its content and reference date, the code, and the
    model with its version (an upgraded model analyses again)."""
    from .store import analysis_key

    reference = article.published.isoformat() if article.published else None
    return analysis_key(article.sha256 or "", reference, code_version=code_version, model=model_identity(model))


@functools.lru_cache(maxsize=8)
def model_identity(model: str) -> str:
    """``name==version`` of an installed pipeline (its name alone when it has no metadata)."""
    meta = model_meta(model) or {}
    return f"{model}=={meta['version']}" if meta.get("version") else model


# --------------------------------------------------------------------------- the worker side
def analyse_batch(items: Sequence[Item], *, store: Store, model: str, time_limit: float | None = None
                  ) -> BatchResult:
    """Analyse a batch (the model is loaded once per process; one article's failure or timeout stays
    with that article) and write it to the store, failures included."""
    from .nlp import load_model
    from .pipeline import _analyze_with

    start = time.perf_counter()
    nlp = load_model(model)
    rows = _analyze_with(nlp, [(it.article_id, it.text, it.published) for it in items], limit=time_limit)
    keys = {it.article_id: it.key for it in items}
    store.write_batch([(keys[aid], analysis.to_dict() if error is None else {"error": error, "time_limit": time_limit})
                       for aid, analysis, error in rows])
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

    def map(self, batches: Iterable[Sequence[Item]], *, store: Store, model: str, n_items: int,
            time_limit: float | None = None) -> Iterator[BatchResult]:
        n = self.workers(n_items)
        if n == 1:
            for batch in batches:
                yield analyse_batch(batch, store=store, model=model, time_limit=time_limit)
            return
        yield from self._pool(batches, n, store=store, model=model, time_limit=time_limit)

    @staticmethod
    def _pool(batches, n: int, *, store: Store, model: str, time_limit: float | None) -> Iterator[BatchResult]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from . import gazetteer
        from .nlp import load_model

        load_model(model)               # loaded once here, inherited by forked workers
        gazetteer.gazetteer()
        ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        it = iter(batches)
        try:
            while (first := next(it, None)) is not None:
                # a pool of fresh workers for every RECYCLE articles a worker: their memory stays that
                # of a worker of a small corpus (spaCy's vocabulary and the allocator's arenas only grow)
                with ProcessPoolExecutor(n, mp_context=ctx, initializer=load_model, initargs=(model,)) as pool:
                    yield from _drain(pool, itertools.chain([first], it), n=n, budget=n * RECYCLE,
                                      work=functools.partial(analyse_batch, store=store, model=model,
                                                             time_limit=time_limit))
        finally:
            _release_models()           # the run's notebooks and exports follow in this process


def _release_models() -> None:
    """Forget the pipelines this process loaded only for the workers it forked, and give their memory
    back to the system (glibc's ``malloc_trim`` where there is one)."""
    import ctypes
    import gc

    from .nlp import load_model

    load_model.cache_clear()
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):      # not glibc
        pass


def _drain(pool, batches: Iterator[Sequence[Item]], *, n: int, budget: int, work: Callable) -> Iterator[BatchResult]:
    """Run ``work`` on batches in ``pool`` (at most IN_FLIGHT per worker queued) until ``budget``
    articles were sent or the batches run out; the results as they finish."""
    from concurrent.futures import FIRST_COMPLETED, wait

    pending, sent = set(), 0
    while True:
        while len(pending) < n * IN_FLIGHT and sent < budget and (batch := next(batches, None)) is not None:
            pending.add(pool.submit(work, batch))
            sent += len(batch)
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
            import dask

            # Workers as fast as the local engine's processes (an existing cluster is configured by its
            # owner): no statistical profiler sampling every stack each 10 ms, and not the nanny's default
            # MALLOC_TRIM_THRESHOLD_=65536, which makes spaCy half as slow again. Workers stay single-threaded
            # (one BLAS thread each), as the nanny's defaults have them.
            single = {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1}
            dask.config.set({"distributed.worker.profile.enabled": False, "distributed.nanny.pre-spawn-environ": single})
            self.cluster = LocalCluster(n_workers=n_workers or cores(), threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)

    def workers(self, n_items: int = 0) -> int:
        info = self.client.scheduler_info().get("workers", {})
        return max(1, sum(w.get("nthreads", 1) for w in info.values()))

    def map(self, batches: Iterable[Sequence[Item]], *, store: Store, model: str, n_items: int,
            time_limit: float | None = None) -> Iterator[BatchResult]:
        from distributed import as_completed

        def submit(batch):
            return self.client.submit(analyse_batch, batch, store=store, model=model, time_limit=time_limit,
                                      pure=False)

        it = iter(batches)
        queue = as_completed([submit(b) for _, b in zip(range(self.workers() * IN_FLIGHT), it, strict=False)])
        for future in queue:
            result = future.result()
            future.release()
            batch = next(it, None)
            if batch is not None:
                queue.add(submit(batch))
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
    """The first pass, by input position: each article's key (None for an unreadable one) and final
    id, the positions to analyse, how many were in the store, and the ids that were renamed."""
    keys: list[StoreKey | None]
    ids: list[str]
    todo: set[int]
    n_stored: int
    renamed: dict[int, str]


def _retry(entry, time_limit: float | None) -> bool:
    """A stored failure is tried again only when it ran out of time and the limit is now longer."""
    return bool(entry.error and entry.error.startswith(TIMED_OUT) and time_limit and entry.time_limit
                and time_limit > entry.time_limit)


def plan(articles: Iterable[Article], *, store: Store, code_version: str, model: str,
         time_limit: float | None = None, on_article: Callable[[Article, StoreKey | None], None] | None = None
         ) -> Plan:
    """Key every article and find the keys the store lacks (or holds as a timeout shorter than
    ``time_limit``); ``on_article`` sees each article once. Repeated ids are made unique once all
    are known (:func:`analysis.ingest.renamed_ids`)."""
    from .ingest import renamed_ids

    stored = {key for key, entry in store.entries().items() if not _retry(entry, time_limit)}
    keys: list[StoreKey | None] = []
    ids: list[str] = []
    todo: set[int] = set()
    for pos, a in enumerate(articles):
        key = None if a.error else key_of(a, code_version=code_version, model=model)
        keys.append(key)
        ids.append(a.article_id)
        if key is not None and key.key not in stored:
            todo.add(pos)
        if on_article is not None:
            on_article(a, key)
    renamed = renamed_ids(ids)
    for pos, new in renamed.items():
        ids[pos] = new
    return Plan(keys, ids, todo, sum(1 for k in keys if k is not None) - len(todo), renamed)


def batch_size(n_todo: int, workers: int) -> int:
    """Batches small enough that every worker gets several on a small corpus, at most MAX_BATCH."""
    return max(MIN_BATCH, min(MAX_BATCH, -(-n_todo // (workers * BATCHES_PER_WORKER))))


def batches(articles: Iterable[Article], *, plan: Plan, size: int, code_version: str, model: str
            ) -> Iterator[list[Item]]:
    """The articles the plan lacks, read again one at a time, as batches of ``size`` items. An article
    that changed since the first pass is left for the next run (its key is not the planned one)."""
    batch: list[Item] = []
    for pos, a in enumerate(articles):
        if pos not in plan.todo:
            continue
        if key_of(a, code_version=code_version, model=model) != plan.keys[pos]:
            LOGGER.warning("%s changed while the run read it; it is analysed next time", plan.ids[pos])
            continue
        batch.append(Item(plan.keys[pos], plan.ids[pos], a.text, a.published))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyse(articles: Callable[[], Iterable[Article]], *, store: Store, engine, model: str, code_version: str,
            time_limit: float | None = None, on_article: Callable[[Article, StoreKey | None], None] | None = None,
            progress: Callable[[int, int], None] | None = None, size: int | None = None
            ) -> tuple[Plan, dict[str, str]]:
    """Analyse what the store lacks, each article within ``time_limit`` seconds. ``articles()`` reads
    the input afresh (it is called twice). Returns the plan and ``{article_id: error}`` of the
    articles whose analysis failed in this run; ``progress`` is called with ``(done, total)``
    articles to analyse as each batch finishes."""
    with store.lock(shared=True):
        p = plan(articles(), store=store, code_version=code_version, model=model, time_limit=time_limit,
                 on_article=on_article)
        LOGGER.info("%d articles: %d in the store, %d to analyse", len(p.keys), p.n_stored, len(p.todo))
        errors: dict[str, str] = {}
        done = 0
        if not p.todo:
            return p, errors
        if progress is not None:
            progress(0, len(p.todo))
        workers = engine.workers(len(p.todo))
        size = size or batch_size(len(p.todo), workers)
        for result in engine.map(batches(articles(), plan=p, size=size, code_version=code_version, model=model),
                                 store=store, model=model, n_items=len(p.todo), time_limit=time_limit):
            errors.update(result.errors)
            done += len(result.stored) + len(result.errors)
            if progress is not None:
                progress(done, len(p.todo))
    return p, errors
