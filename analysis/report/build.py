"""``build_reports()``: analyse once, run the corpus notebooks, write a page per article, index.

Phases, each timed: *analysis* (ingest the articles one at a time, analyse what the store lacks
with an engine, and export the tables as CSV, streamed from the store), *notebooks* (papermill runs
the timeline and sources notebooks on one kernel that is started once), *html* (nbconvert's
in-process ``HTMLExporter`` with the offline template), *pages* (every article's page, from the
article notebook run in this process: see :mod:`.pages`) and *index*. What nothing changed for is
kept from the previous run instead (:mod:`.reuse`): the corpus reports when the corpus key is the
same, each article page when its own key is. One notebook's or page's failure never stops the
others: the index marks it. Everything is written into a staging folder that :mod:`.publish` swaps
in whole at the end, under a lock, so the output folder always holds one whole run.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TextIO

import pandas as pd

from ..corpus import Texts, articles_table, corpus_tables, export_csv, open_corpus
from ..errors import ParameterError
from ..ingest import DEFAULT_MAX_BYTES, parse_published
from ..nlp import DEFAULT_MODEL
from ..progress import Progress as ArticlesProgress
from ..queries import Corpus
from ..store import Store
from ..tables import to_json, write_atomic
from ..workbook import PROJECT_ROOT, code_version
from . import pages, publish, reuse
from .execute import Kernel, corpus_reports, execute, start_kernel  # noqa: F401  (execute: part of this module's API)
from .index import Job, overview_html, render_index
from .notebook import remember

LOGGER = logging.getLogger(__name__)

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
CORPUS_NOTEBOOKS = (("timeline", "Timeline: what happened when"), ("sources", "Sources: who says so"))
ARTICLE_NOTEBOOK = "article"
ARTICLE_MODES = ("auto", "all", "none")   # auto and all: a page for every article; none: no pages
# Parameters the builder sets itself; the rest may be given with -p KEY VALUE.
EARLY_KERNEL_BYTES = 5_000_000   # inputs up to this size analyse in seconds: the kernel boots meanwhile
BUILDER_PARAMS = {"seeds": "the SEEDS argument", "store": "--store",
                  "data_dir": "--out (exports go to OUT/data)", "article_id": "--articles", "model": "--model"}


class Progress:
    """Progress lines on a stream (stderr), or nothing when quiet."""

    def __init__(self, stream: TextIO | None, *, quiet: bool) -> None:
        self.stream = None if quiet else (stream or sys.stderr)
        self._last = 0.0

    def __call__(self, message: str, *, force: bool = True) -> None:
        now = time.monotonic()
        if self.stream is None or (not force and now - self._last < 1.0):
            return
        self._last = now
        self.stream.write(message + "\n")
        self.stream.flush()


# --------------------------------------------------------------------------- parameters
def notebook_parameters(path: Path) -> dict[str, dict]:
    """The ``name: type = value  # help`` lines of a notebook's ``parameters`` cell, as
    ``{name: {"type", "default", "help"}}`` (papermill's own inspection does not read ``str | None``)."""
    import ast
    import io
    import tokenize

    from .pages import cell_source, read_notebook

    cell = next((c for c in read_notebook(path)["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])),
                None)
    declared: dict[str, dict] = {}
    for line in (cell_source(cell).splitlines() if cell is not None else []):
        try:
            node = ast.parse(line).body[0]
            comments = [t.string for t in tokenize.generate_tokens(io.StringIO(line).readline)
                        if t.type == tokenize.COMMENT]
        except (SyntaxError, IndexError, tokenize.TokenError):
            continue
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            declared[node.target.id] = {"type": ast.unparse(node.annotation),
                                        "default": ast.unparse(node.value) if node.value else None,
                                        "help": comments[0].lstrip("# ").strip() if comments else ""}
    return declared


def _declared(notebooks_dir: Path) -> dict[str, dict]:
    declared: dict[str, dict] = {}
    for name in [n for n, _ in CORPUS_NOTEBOOKS] + [ARTICLE_NOTEBOOK]:
        path = notebooks_dir / f"{name}.ipynb"
        if not path.is_file():
            raise ParameterError(f"notebook {path} does not exist")
        for key, info in notebook_parameters(path).items():
            declared.setdefault(key, info)
    return declared


def _coerce(key: str, value, type_name: str):
    """``value`` (from the command line it is a string) as the type the notebook declares."""
    types = {t.strip() for t in (type_name or "None").split("|")}
    if value is None or (isinstance(value, str) and value.strip().lower() in ("none", "null") and "None" in types):
        if "None" in types or type_name in ("None", ""):
            return None
        raise ParameterError(f"parameter {key}: None is not allowed (type {type_name})")
    for t, cast in (("bool", None), ("int", int), ("float", float), ("str", str)):
        if t not in types:
            continue
        if t == "bool":
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.lower() in ("true", "false", "1", "0", "yes", "no"):
                return value.lower() in ("true", "1", "yes")
            continue
        if isinstance(value, str) or (t == "float" and isinstance(value, int)) or type(value).__name__ == t:
            try:
                return cast(value)
            except ValueError:
                continue
    raise ParameterError(f"parameter {key}: {value!r} is not of type {type_name}")


def check_parameters(params: Mapping | None, *, notebooks_dir: Path) -> dict:
    """The user's notebook parameters checked against what the notebooks declare, typed."""
    if params is None:
        return {}
    if not isinstance(params, Mapping):
        raise ParameterError(f"params must be a mapping of names to values, not {type(params).__name__}")
    declared = _declared(notebooks_dir)
    out = {}
    for key, value in params.items():
        if key in BUILDER_PARAMS:
            raise ParameterError(f"parameter {key} is set by the report builder; use {BUILDER_PARAMS[key]}")
        if key not in declared:
            known = ", ".join(sorted(k for k in declared if k not in BUILDER_PARAMS))
            raise ParameterError(f"unknown parameter {key!r}; the notebooks take: {known}")
        if isinstance(value, date):          # a date from Python code travels as its ISO string
            value = value.isoformat()
        out[key] = _coerce(key, value, declared[key]["type"])
    if out.get("published") is not None:
        parse_published(out["published"])
    return out


def check_seeds(seeds) -> list[Path]:
    """Every seed as an absolute path that exists (relative paths: from here, then the project root)."""
    items = [seeds] if isinstance(seeds, (str, os.PathLike)) else seeds
    if not isinstance(items, Sequence) or not items:
        raise ParameterError("seeds: give at least one file or folder of articles")
    paths = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise ParameterError(f"seeds: {item!r} is not a path")
        p = Path(item).expanduser()
        p = p if p.exists() else PROJECT_ROOT / p
        if not p.exists():
            raise ParameterError(f"seeds: {item} does not exist")
        paths.append(p.resolve())
    return paths


def check_model(model: str) -> str:
    if not isinstance(model, str) or not model:
        raise ParameterError("model: give the name of an installed spaCy pipeline package")
    if not Path(model).exists() and importlib.util.find_spec(model.replace("-", "_")) is None:
        raise ParameterError(f"model: spaCy pipeline {model!r} is not installed")
    return model


def check_out(out) -> Path:
    if not isinstance(out, (str, os.PathLike)):
        raise ParameterError(f"out: {out!r} is not a path")
    path = Path(out).expanduser().resolve()
    if path.exists() and not path.is_dir():
        raise ParameterError(f"out: {out} exists and is not a folder")
    return path


# --------------------------------------------------------------------------- the build
def _base(seeds: list[Path], *, params: dict, model: str, store: str) -> dict:
    """The parameters every notebook of the run gets."""
    seed_param = str(seeds[0]) if len(seeds) == 1 else [str(s) for s in seeds]
    return {"seeds": seed_param, "store": store, "model": model, **params}


def _jobs(base: dict, *, stage: Path) -> list[Job]:
    return [Job(name, title, f"{name}.ipynb", f"{name}.html", dict(base, data_dir=str(stage / "data")))
            for name, title in CORPUS_NOTEBOOKS]


def build_reports(seeds, *, out: str | Path = "reports", articles: str = "auto", params: Mapping | None = None,
                  quiet: bool = False, model: str = DEFAULT_MODEL, notebooks_dir: str | Path | None = None,
                  reuse_kernel: bool = True, stream: TextIO | None = None, time_limit: float | None = None,
                  wait: bool = False, store: str | Path | None = None, engine: str = "local",
                  scheduler: str | None = None, workers: int | None = None) -> int:
    """Build every report into ``out``; the exit status: 0 all succeeded, 1 some inputs or notebooks
    failed (the rest are still written) or the run could not finish (the previous run is left as it
    was), 2 nothing was done (a usage error, or another run is writing ``out`` and ``wait`` is False).
    ``time_limit`` is the seconds one article's analysis may take. Analyses are kept in ``store``
    (default: one folder per user); ``engine`` (``local`` or ``dask``, with ``scheduler`` and
    ``workers``) says where they run."""
    say = Progress(stream, quiet=quiet)
    err = stream or sys.stderr
    try:
        if articles not in ARTICLE_MODES:
            raise ParameterError(f"articles: {articles!r} is not one of {', '.join(ARTICLE_MODES)}")
        nb_dir = Path(notebooks_dir) if notebooks_dir is not None else NOTEBOOKS_DIR
        seed_paths = check_seeds(seeds)
        out_dir = check_out(out)
        model = check_model(model)
        user_params = check_parameters(params or {}, notebooks_dir=nb_dir)
        check_positive("max_bytes", user_params.get("max_bytes"))
        check_positive("time_limit", time_limit)
        check_positive("workers", workers)
        run = {"store": Store(store).location, "engine": engine, "scheduler": scheduler, "workers": workers}
        publish.check_replaceable(out_dir)
        with publish.locked(out_dir, wait=wait):
            publish.recover(out_dir)
            stage = publish.staging_folder(out_dir)
            try:
                status = _build(seed_paths, out=out_dir, stage=stage, articles=articles, params=user_params,
                                model=model, nb_dir=nb_dir, reuse_kernel=reuse_kernel, time_limit=time_limit, say=say,
                                run=run, quiet=quiet, stream=stream)
                say(f"publishing into {out_dir}")
                publish.publish(stage, out_dir)
            finally:
                publish.discard(stage)
    except ParameterError as exc:
        err.write(f"analysis: error: {exc}\n")
        return 2
    except OSError as exc:
        err.write(f"analysis: error: {exc.filename or ''}: {exc.strerror or exc}; the run stopped and the "
                  f"previous reports in {out} were left as they were\n".lstrip(": "))
        return 1
    say(f"wrote {out_dir / 'index.html'}")
    return status


def check_positive(name: str, value) -> None:
    if value is not None and not value > 0:
        raise ParameterError(f"{name}: {value!r} must be a positive number")


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


def _build(seeds: list[Path], *, out: Path, stage: Path, articles: str, params: dict, model: str, nb_dir: Path,
           reuse_kernel: bool, time_limit: float | None, say: Progress, run: dict, quiet: bool,
           stream: TextIO | None) -> int:
    """The run, written into ``stage``; ``out`` is where it will be published (it holds the previous
    run, whose unchanged parts are kept). Analyses are kept in ``run["store"]``, made by ``run["engine"]``."""
    started = datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    say(f"analysing {', '.join(map(str, seeds))}")
    base = _base(seeds, params=params, model=model, store=run["store"])
    jobs, keys = _jobs(base, stage=stage), []

    def keep(articles: pd.DataFrame) -> bool:
        keys.append(reuse.corpus_key(articles, params=dict(base, **run), code=reuse.code_digest(nb_dir)))
        return reuse.previous_key(out) == keys[0] and reuse.keep(
            ["data", *(j.ipynb for j in jobs), *(j.html for j in jobs)], previous=out, stage=stage)

    # a small corpus analyses in seconds: the notebooks' kernel boots meanwhile (on a large one it
    # would only hold memory while the workers run, so it starts when the notebooks do); not when the
    # inputs look as the previous run found them: its reports are likely to be kept, with no notebook run
    stamp = reuse.inputs_stamp(seeds)
    kernel = (start_kernel([nb_dir / j.ipynb for j in jobs], log=stage / ".kernel.log")
              if reuse_kernel and _input_bytes(seeds, cap=EARLY_KERNEL_BYTES) <= EARLY_KERNEL_BYTES
              and reuse.previous_inputs(out) != stamp else None)
    try:
        arts, corpus, unchanged = _analyse(seeds, stage=stage, params=params, model=model, time_limit=time_limit,
                                           run=run, quiet=quiet, stream=stream, keep=keep)
        user = {"seeds": [str(s) for s in seeds], "out": str(out), "articles": articles, "model": model,
                **{k: v for k, v in run.items() if v is not None}, **params,
                **({"time_limit": time_limit} if time_limit else {})}
        try:
            return _reports(corpus, arts, seeds=seeds, unchanged=unchanged, key=keys[0], stamp=stamp, jobs=jobs,
                            base=base, t0=t0, timings=timings, out=out, stage=stage, articles=articles, nb_dir=nb_dir,
                            reuse_kernel=reuse_kernel, kernel=kernel, say=say, started=started, user=user)
        finally:
            corpus.close()
    finally:
        if kernel is not None:
            kernel.close()


def _input_bytes(seeds: list[Path], *, cap: int) -> int:
    """The size of the input files, counted until it passes ``cap``."""
    total = 0
    for seed in seeds:
        for f in (seed.rglob("*") if seed.is_dir() else [seed]):
            total += f.stat().st_size if f.is_file() else 0
            if total > cap:
                return total
    return total


def _export(corpus: Corpus, *, stage: Path, timings: dict[str, float]) -> None:
    """Every table as CSV in ``stage/data``, streamed from the store (phase *export*)."""
    start = time.perf_counter()
    export_csv(corpus, stage / "data")
    timings["export"] = time.perf_counter() - start


def _pages(corpus: Corpus, arts: pd.DataFrame, *, seeds: list[Path], base: dict, out: Path, stage: Path,
           timings: dict[str, float], say: Progress) -> pages.Pages:
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


def _reports(corpus: Corpus, arts: pd.DataFrame, *, seeds: list[Path], unchanged: bool, key: str, stamp: str,
             jobs: list[Job], base: dict, t0: float, timings: dict[str, float], out: Path, stage: Path,
             articles: str, nb_dir: Path, reuse_kernel: bool, kernel: Kernel | None, say: Progress, started: str,
             user: dict) -> int:
    """The rest of the run once the corpus is analysed: notebooks and pages side by side, then the
    index (``user``: the run's parameters as the index shows them), which aggregates in DuckDB."""
    from .. import __version__

    timings["analysis"] = time.perf_counter() - t0
    n_bad = int(arts["error"].notna().sum())
    say(f"{len(arts)} articles read, {n_bad} failed ({timings['analysis']:.1f} s)")

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
    record = {"started": started, "version": version, "parameters": user, "timings": timings, "corpus_key": key,
              "inputs_stamp": stamp,
              "notebooks": [{"notebook": j.ipynb, "seconds": round(j.seconds, 2), "error": j.error,
                             "reused": j.reused} for j in jobs],
              "pages": {"rendered": len(done.rendered), "reused": len(done.reused), "failed": done.failed}}
    write_atomic(stage / "run.json", to_json(record, indent=2))
    failed = [j for j in jobs if j.error]
    say(f"{len(jobs) - len(failed)}/{len(jobs)} notebooks ok, {n_bad} input(s) failed, "
        f"{len(done.failed)} article page(s) failed; " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return 1 if failed or n_bad or done.failed else 0
