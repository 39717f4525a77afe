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
import re
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TextIO

import pandas as pd

from ..corpus import corpus_tables, export_csv, open_corpus
from ..errors import AnalysisError, ParameterError
from ..ingest import DEFAULT_MAX_BYTES
from ..nlp import DEFAULT_MODEL
from ..pipeline import parse_published
from ..progress import Progress as ArticlesProgress
from ..store import Store
from ..tables import Tables, to_json, write_atomic
from ..workbook import PROJECT_ROOT, code_version
from . import pages, publish, reuse
from .index import Job, render_index
from .notebook import remember

LOGGER = logging.getLogger(__name__)

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
CORPUS_NOTEBOOKS = (("timeline", "Timeline: what happened when"), ("sources", "Sources: who says so"))
ARTICLE_NOTEBOOK = "article"
ARTICLE_MODES = ("auto", "all", "none")   # auto and all: a page for every article; none: no pages
KERNEL_NAME = "python3"         # the project venv's kernel, named explicitly (a --user kernel is not seen in CI)
# Parameters the builder sets itself; the rest may be given with -p KEY VALUE.
BUILDER_PARAMS = {"seeds": "the SEEDS argument", "store": "--store",
                  "data_dir": "--out (exports go to OUT/data)", "article_id": "--articles", "model": "--model"}
CELL_TIMEOUT = 600
REUSED_ENGINE = "analysis-reused-kernel"


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


# --------------------------------------------------------------------------- notebooks
class Kernel:
    """One ``python3`` kernel for every notebook of a build: it imports the package once."""

    def __init__(self, kernel_name: str = KERNEL_NAME, *, cwd: Path = PROJECT_ROOT, log: Path | None = None) -> None:
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self._run = run_sync
        # Python warnings (with the package's internal paths) never reach a report's output cells
        env = dict(os.environ, MPLBACKEND="module://matplotlib_inline.backend_inline",
                   PYDEVD_DISABLE_FILE_VALIDATION="1", PYTHONWARNINGS="ignore")
        # the kernel's own chatter (warnings, crashes) goes to a log file, not to the user's terminal
        self._log = open(log, "ab") if log is not None else subprocess.DEVNULL  # noqa: SIM115
        self.km = AsyncKernelManager(kernel_name=kernel_name)
        run_sync(self.km.start_kernel)(env=env, cwd=str(cwd), stdout=self._log, stderr=self._log)
        kc = self.km.client()
        kc.start_channels()
        try:
            run_sync(kc.wait_for_ready)(timeout=60)
        finally:
            kc.stop_channels()

    def alive(self) -> bool:
        return bool(self._run(self.km.is_alive)())

    def close(self) -> None:
        self._run(self.km.shutdown_kernel)(now=True)
        if self._log is not subprocess.DEVNULL:
            self._log.close()


def _register_engine() -> str:
    """A papermill engine that runs on a kernel it is given and closes its client's channels after each
    notebook (nbclient makes a new client per notebook and leaves it open when it does not own the kernel)."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    class ReusedKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None, **kwargs):
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            client = PapermillNotebookClient(nb_man, **merge_kwargs(
                kwargs, timeout=execution_timeout, startup_timeout=start_timeout, kernel_name=kernel_name,
                log=logger, log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file))
            try:
                return client.execute()
            finally:
                if client.kc is not None:
                    client.kc.stop_channels()

    papermill_engines.register(REUSED_ENGINE, ReusedKernelEngine)
    return REUSED_ENGINE


def _register_translator() -> None:
    """Make papermill read our ``name: str | None = value  # help`` parameters (its own pattern stops at
    ``|``, so it warned that parameters it had not read were unknown)."""
    from papermill.translators import PythonTranslator, papermill_translators

    class UnionTypesTranslator(PythonTranslator):
        PARAMETER_PATTERN = re.compile(PythonTranslator.PARAMETER_PATTERN.pattern.replace(
            r"(?P<annotation>\w[\w_\[\],\s]*)", r"(?P<annotation>\w[\w_\[\],\s|]*)"))

    papermill_translators.register("python", UnionTypesTranslator)


def execute(job: Job, *, out: Path, notebooks_dir: Path, kernel: Kernel | None):
    """Run one notebook with papermill into ``out/job.ipynb`` (through a temporary file); the executed
    notebook, and ``job.error`` set if it failed."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillException

    target = out / job.ipynb
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.stem}.{os.getpid()}.tmp.ipynb")
    extra = {"km": kernel.km, "engine_name": _register_engine()} if kernel is not None else {}
    start = time.perf_counter()
    _register_translator()
    try:
        papermill.execute_notebook(str(notebooks_dir / f"{job.name}.ipynb"), str(tmp), parameters=job.parameters,
                                   kernel_name=KERNEL_NAME, progress_bar=False, log_output=False,
                                   request_save_on_cell_execute=False, cwd=str(PROJECT_ROOT),
                                   execution_timeout=CELL_TIMEOUT, **extra)
    except PapermillException as exc:
        job.error = f"{exc.__class__.__name__}: {getattr(exc, 'ename', '')} {getattr(exc, 'evalue', exc)}".strip()
    except (RuntimeError, OSError, TimeoutError) as exc:     # kernel died or did not start
        job.error = f"{exc.__class__.__name__}: {exc}"
    job.seconds = time.perf_counter() - start
    if not tmp.exists():
        return None
    try:
        nb = nbformat.read(tmp, as_version=4)
    except (ValueError, OSError) as exc:      # a truncated notebook (full disk) never replaces a whole one
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise
        job.error = job.error or f"papermill wrote an unreadable notebook: {exc.__class__.__name__}"
        return None
    os.replace(tmp, target)
    return nb


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
             quiet: bool, stream: TextIO | None, keep: Callable[[pd.DataFrame], bool]) -> tuple[Tables, bool]:
    """The analysis phase: what the store lacks is analysed (a progress bar follows it); the tables are
    exported as CSV, streamed from the store, unless ``keep(articles)`` says the previous run's outputs
    still hold (and has kept them); every table of the run, and whether they were kept."""
    bar: list[ArticlesProgress] = []
    texts: list[str] = []

    def progress(done: int, total: int) -> None:
        if not bar:
            bar.append(ArticlesProgress(total, label="articles analysed", stream=stream, quiet=quiet))
        bar[0].update(done - bar[0].done)

    corpus = open_corpus(seeds, published=params.get("published"), model=model, time_limit=time_limit,
                         max_bytes=params.get("max_bytes", DEFAULT_MAX_BYTES), progress=progress,
                         on_article=lambda a: texts.append(a.text), **run)
    try:
        if bar:
            bar[0].close()
        tables = corpus_tables(corpus, texts=texts)
        kept = keep(tables.articles)
        if not kept:
            export_csv(corpus, stage / "data")
        return tables, kept
    finally:
        corpus.close()


def _build(seeds: list[Path], *, out: Path, stage: Path, articles: str, params: dict, model: str, nb_dir: Path,
           reuse_kernel: bool, time_limit: float | None, say: Progress, run: dict, quiet: bool,
           stream: TextIO | None) -> int:
    """The run, written into ``stage``; ``out`` is where it will be published (it holds the previous
    run, whose unchanged parts are kept). Analyses are kept in ``run["store"]``, made by ``run["engine"]``."""
    from .. import __version__

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

    tables, unchanged = _analyse(seeds, stage=stage, params=params, model=model, time_limit=time_limit, run=run,
                                 quiet=quiet, stream=stream, keep=keep)
    key = keys[0]
    timings["analysis"] = time.perf_counter() - t0
    n_bad = int(tables.articles["error"].notna().sum())
    say(f"{len(tables.articles)} articles read, {n_bad} failed ({timings['analysis']:.1f} s)")

    if unchanged:
        say("timeline and sources: nothing changed since the previous run; kept")
        for job in jobs:
            job.reused = True
    else:
        _corpus_reports(jobs, stage=stage, nb_dir=nb_dir, reuse_kernel=reuse_kernel, timings=timings, say=say)

    t3 = time.perf_counter()
    done = pages.Pages()
    if articles != "none":
        remember(tables, base["seeds"], published=params.get("published"), store=run["store"], model=model,
                 max_bytes=params.get("max_bytes", DEFAULT_MAX_BYTES))
        done = pages.write_pages(tables.articles, out=stage, params=dict(base, data_dir=None), previous=out,
                                 progress=lambda i, n: say(f"article pages {i}/{n}", force=i == n))
        say(f"article pages: {len(done.rendered)} rendered, {len(done.reused)} unchanged and kept"
            + (f", {len(done.failed)} FAILED" if done.failed else ""))
    timings["pages"] = time.perf_counter() - t3

    t4 = time.perf_counter()
    user = {"seeds": [str(s) for s in seeds], "out": str(out), "articles": articles, "model": model,
            **{k: v for k, v in run.items() if v is not None}, **params,
            **({"time_limit": time_limit} if time_limit else {})}
    version = f"{__version__} (source {code_version()})"
    note = "Article pages were not written (--articles none)." if articles == "none" else None
    write_atomic(stage / "index.html", render_index(
        started=started, version=version, model=model, parameters=user, timings=timings, tables=tables,
        jobs=jobs, pages=done.files, failed_pages=done.failed, note=note))
    timings["index"] = time.perf_counter() - t4
    record = {"started": started, "version": version, "parameters": user, "timings": timings, "corpus_key": key,
           "notebooks": [{"notebook": j.ipynb, "seconds": round(j.seconds, 2), "error": j.error, "reused": j.reused}
                         for j in jobs],
           "pages": {"rendered": len(done.rendered), "reused": len(done.reused), "failed": done.failed}}
    write_atomic(stage / "run.json", to_json(record, indent=2))
    failed = [j for j in jobs if j.error]
    say(f"{len(jobs) - len(failed)}/{len(jobs)} notebooks ok, {n_bad} input(s) failed, "
        f"{len(done.failed)} article page(s) failed; " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return 1 if failed or n_bad or done.failed else 0


def _corpus_reports(jobs: list[Job], *, stage: Path, nb_dir: Path, reuse_kernel: bool, timings: dict,
                    say: Progress) -> None:
    """Run the corpus notebooks (phase *notebooks*) and render them as HTML (phase *html*)."""
    from .html import Renderer

    t1 = time.perf_counter()
    kernel = Kernel(log=stage / ".kernel.log") if reuse_kernel else None
    executed = []
    try:
        for i, job in enumerate(jobs, 1):
            if kernel is not None and not kernel.alive():
                kernel.close()
                kernel = Kernel(log=stage / ".kernel.log")
            executed.append(execute(job, out=stage, notebooks_dir=nb_dir, kernel=kernel))
            say(f"notebooks {i}/{len(jobs)} done: {job.ipynb}" + (f" FAILED ({job.error})" if job.error else ""))
    finally:
        if kernel is not None:
            kernel.close()
    timings["notebooks"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    say("rendering HTML")
    renderer = Renderer()
    for job, nb in zip(jobs, executed, strict=True):
        if nb is None:
            job.error = job.error or "papermill wrote no notebook"
            continue
        try:
            page = renderer.render(nb, title=job.title, index_href="index.html", failed=job.error)
        except (ValueError, KeyError, TypeError, AnalysisError) as exc:   # nbconvert raises plain errors
            LOGGER.exception("rendering %s failed", job.ipynb)
            job.error = job.error or f"HTML rendering failed: {exc.__class__.__name__}: {exc}"
            continue
        write_atomic(stage / job.html, page)
    timings["html"] = time.perf_counter() - t2
