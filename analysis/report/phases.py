"""The phases of a full run, written into a staging folder.

Phases, each timed: *analysis* (ingest the articles one at a time, analyse what the store lacks
with an engine, and export the tables as CSV, streamed from the store), *notebooks* (papermill runs
the timeline and sources notebooks on one kernel that is started once), *html* (nbconvert's
in-process ``HTMLExporter`` with the offline template), *pages* (every article's page, from the
article notebook run in this process: see :mod:`.pages`) and *index*. What nothing changed for is
kept from the previous run instead (:mod:`.reuse`): the corpus reports when the corpus key is the
same, each article page when its own key is. One notebook's or page's failure never stops the
others: the index marks it.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

import pandas as pd

from ..corpus import Texts, articles_table, corpus_tables, export_csv, open_corpus
from ..ingest import DEFAULT_MAX_BYTES
from ..progress import Messages
from ..progress import Progress as ArticlesProgress
from ..queries import Corpus
from ..tables import to_json, write_atomic
from ..workbook import code_version
from . import pages, reuse
from .build import CORPUS_NOTEBOOKS
from .execute import Kernel, corpus_reports, execute, start_kernel  # noqa: F401  (execute: part of this module's API)
from .index import Job, overview_html, render_index
from .notebook import remember

LOGGER = logging.getLogger(__name__)

EARLY_KERNEL_BYTES = 5_000_000   # inputs up to this size analyse in seconds: the kernel boots meanwhile


# --------------------------------------------------------------------------- the build
def _base(seeds: list[Path], *, params: dict, model: str, store: str) -> dict:
    """The parameters every notebook of the run gets."""
    seed_param = str(seeds[0]) if len(seeds) == 1 else [str(s) for s in seeds]
    return {"seeds": seed_param, "store": store, "model": model, **params}


def _jobs(base: dict, *, stage: Path) -> list[Job]:
    return [Job(name, title, f"{name}.ipynb", f"{name}.html", dict(base, data_dir=str(stage / "data")))
            for name, title in CORPUS_NOTEBOOKS]



def _analyse(seeds: list[Path], *, stage: Path, params: dict, model: str, time_limit: float | None, run: dict,
             quiet: bool, stream: TextIO | None, keep: Callable[[pd.DataFrame], bool]
             ) -> tuple[pd.DataFrame, Corpus, bool]:
    """The analysis phase: what the store lacks is analysed (a progress bar follows it). The articles
    table (without the texts: nothing holds the whole corpus), the run's corpus (open: the caller
    closes it) and whether ``keep(articles)`` kept the previous run's outputs (else the caller
    exports the tables)."""
    bar: list[ArticlesProgress] = []

    def progress(done: int, total: int) -> None:
        if not bar:
            bar.append(ArticlesProgress(total, label="articles analysed", stream=stream, quiet=quiet))
        bar[0].update(done - bar[0].done)

    corpus = open_corpus(seeds, published=params.get("published"), model=model, time_limit=time_limit,
                         max_bytes=params.get("max_bytes", DEFAULT_MAX_BYTES), progress=progress, **run)
    try:
        if bar:
            bar[0].close()
        articles = articles_table(corpus)
        return articles, corpus, keep(articles)
    except BaseException:
        corpus.close()
        raise


def build(seeds: list[Path], *, out: Path, stage: Path, articles: str, params: dict, model: str, nb_dir: Path,
          reuse_kernel: bool, time_limit: float | None, say: Messages, run: dict, quiet: bool,
          stream: TextIO | None, err: TextIO, fingerprint: str, previous: Mapping) -> int:
    """The run, written into ``stage``; ``out`` is where it will be published (it holds the previous
    run, whose unchanged parts are kept). Analyses are kept in ``run["store"]``, made by ``run["engine"]``.
    ``previous`` is what the previous run recorded (:func:`.reuse.previous_run`)."""
    started = datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    say(f"analysing {', '.join(map(str, seeds))}")
    base = _base(seeds, params=params, model=model, store=run["store"])
    jobs, keys = _jobs(base, stage=stage), []

    def keep(articles: pd.DataFrame) -> bool:
        keys.append(reuse.corpus_key(articles, params=dict(base, **run), code=reuse.code_digest(nb_dir)))
        return previous.get("corpus_key") == keys[0] and reuse.keep(
            ["data", *(j.ipynb for j in jobs), *(j.html for j in jobs)], previous=out, stage=stage)

    # a small corpus analyses in seconds: the notebooks' kernel boots meanwhile (on a large one it
    # would only hold memory while the workers run, so it starts when the notebooks do); not when the
    # inputs are the previous run's: its reports are likely to be kept, with no notebook run
    kernel = (start_kernel([nb_dir / j.ipynb for j in jobs], log=stage / ".kernel.log")
              if reuse_kernel and previous.get("fingerprint") != fingerprint
              and _input_bytes(seeds) <= EARLY_KERNEL_BYTES else None)
    try:
        arts, corpus, unchanged = _analyse(seeds, stage=stage, params=params, model=model, time_limit=time_limit,
                                           run=run, quiet=quiet, stream=stream, keep=keep)
        user = {"seeds": [str(s) for s in seeds], "out": str(out), "articles": articles, "model": model,
                **{k: v for k, v in run.items() if v is not None}, **params,
                **({"time_limit": time_limit} if time_limit else {})}
        try:
            return _reports(corpus, arts, seeds=seeds, unchanged=unchanged, key=keys[0], jobs=jobs,
                            base=base, t0=t0, timings=timings, out=out, stage=stage, articles=articles, nb_dir=nb_dir,
                            reuse_kernel=reuse_kernel, kernel=kernel, say=say, started=started, user=user,
                            err=err, fingerprint=fingerprint)
        finally:
            corpus.close()
    finally:
        if kernel is not None:
            kernel.close()


def _input_bytes(seeds: list[Path]) -> int:
    """The size of the input files, counted until it passes :data:`EARLY_KERNEL_BYTES`."""
    total = 0
    for f in reuse.input_files(seeds):
        total += f.stat().st_size
        if total > EARLY_KERNEL_BYTES:
            break
    return total


def _export(corpus: Corpus, *, stage: Path, timings: dict[str, float]) -> None:
    """Every table as CSV in ``stage/data``, streamed from the store (phase *export*)."""
    start = time.perf_counter()
    export_csv(corpus, stage / "data")
    timings["export"] = time.perf_counter() - start


def _pages(corpus: Corpus, arts: pd.DataFrame, *, seeds: list[Path], base: dict, out: Path, stage: Path,
           timings: dict[str, float], say: Messages) -> pages.Pages:
    """The article pages (phase *pages*): a page whose key changed is rendered from its own
    article's rows only, read with those of the other pages of its chunk, and its text read again."""
    start = time.perf_counter()
    max_bytes = base.get("max_bytes", DEFAULT_MAX_BYTES)
    texts = Texts(seeds, sha256=arts["sha256"].tolist(), published=base.get("published"), max_bytes=max_bytes)

    def load(positions: list[int]) -> None:
        remember(corpus_tables(corpus, articles=arts, positions=positions, texts=texts.take(positions)),
                 base["seeds"], published=base.get("published"), store=base["store"], model=base["model"],
                 max_bytes=max_bytes)

    done = pages.write_pages(arts, out=stage, params=dict(base, data_dir=None), previous=out, load=load,
                             progress=lambda i, n: say(f"article pages {i}/{n}", force=i == n))
    say(f"article pages: {len(done.rendered)} rendered, {len(done.reused)} unchanged and kept"
        + (f", {len(done.failed)} FAILED" if done.failed else ""))
    timings["pages"] = time.perf_counter() - start
    return done


def _reports(corpus: Corpus, arts: pd.DataFrame, *, seeds: list[Path], unchanged: bool, key: str,
             jobs: list[Job], base: dict, t0: float, timings: dict[str, float], out: Path, stage: Path,
             articles: str, nb_dir: Path, reuse_kernel: bool, kernel: Kernel | None, say: Messages, started: str,
             user: dict, err: TextIO, fingerprint: str) -> int:
    """The rest of the run once the corpus is analysed: notebooks and pages side by side, then the
    index (``user``: the run's parameters as the index shows them), which aggregates in DuckDB, and
    ``run.json``, which the next run replays when nothing has changed."""
    from .. import __version__

    timings["analysis"] = time.perf_counter() - t0
    n_bad = int(arts["error"].notna().sum())
    say(f"{len(arts)} articles read, {n_bad} failed ({timings['analysis']:.1f} s)")
    inputs = _input_problems(arts)
    reuse.tell_errors(inputs["errors"], err=err)

    # the tables are exported (phase *export*), then the article pages written, in this process
    # while the kernel runs the corpus notebooks (one thread: both read the store through ``corpus``)
    with ThreadPoolExecutor(1, thread_name_prefix="export-pages") as pool:
        exported = pool.submit(_export, corpus, stage=stage, timings=timings) if not unchanged else None
        pending = pool.submit(_pages, corpus, arts, seeds=seeds, base=base, out=out, stage=stage,
                              timings=timings, say=say) if articles != "none" else None
        if unchanged:
            say("timeline and sources: nothing changed since the previous run; kept")
            for job in jobs:
                job.reused = True
        else:
            corpus_reports(jobs, stage=stage, nb_dir=nb_dir, reuse_kernel=reuse_kernel, timings=timings, say=say,
                           kernel=kernel)
        if exported is not None:
            exported.result()                        # an export that failed (a full disk) stops the run
        done = pending.result() if pending is not None else pages.Pages()
    for phase in ("pages", "export"):                # after the notebooks' phases, as they are shown
        if phase in timings or phase == "pages":
            timings[phase] = timings.pop(phase, 0.0)

    t4 = time.perf_counter()
    version = f"{__version__} (source {code_version()})"
    note = "Article pages were not written (--articles none)." if articles == "none" else None
    okey = reuse.overview_key(key, pages=done.files, failed=done.failed, errors=[j.error for j in jobs])
    overview = reuse.previous_overview(out, okey) if unchanged and not done.rendered else None
    if overview is None:
        overview = overview_html(corpus, arts, jobs=jobs, pages=done.files, failed_pages=done.failed)
    write_atomic(stage / reuse.OVERVIEW, reuse.stamped_overview(okey, overview))
    write_atomic(stage / "index.html", render_index(
        started=started, version=version, model=base["model"], parameters=user, timings=timings, articles=arts,
        overview=overview, jobs=jobs, note=note))
    timings["index"] = time.perf_counter() - t4
    failed = [j for j in jobs if j.error]
    status = 1 if failed or n_bad or done.failed else 0
    record = {"started": started, "version": version, "parameters": user, "timings": timings, "corpus_key": key,
              "status": status, "fingerprint": fingerprint, "manifest": reuse.manifest(stage), "inputs": inputs,
              "notebooks": [{"notebook": j.ipynb, "seconds": round(j.seconds, 2), "error": j.error,
                             "reused": j.reused} for j in jobs],
              "pages": {"rendered": len(done.rendered), "reused": len(done.reused), "failed": done.failed}}
    write_atomic(stage / "run.json", to_json(record, indent=2))
    say(f"{len(jobs) - len(failed)}/{len(jobs)} notebooks ok, {n_bad} input(s) failed, "
        f"{len(done.failed)} article page(s) failed; " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return status


def _input_problems(arts: pd.DataFrame) -> dict[str, list[str]]:
    """The inputs' errors (each names its file) and warnings (with the file), as a replay repeats them."""
    warned = arts[arts["warning"].notna()] if "warning" in arts else arts.iloc[:0]
    return {"errors": arts["error"].dropna().astype(str).tolist(),
            "warnings": [f"{p}: {w}" for p, w in zip(warned["source_path"], warned["warning"], strict=True)]}
