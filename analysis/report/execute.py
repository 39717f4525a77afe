"""The notebooks phase: papermill runs the corpus notebooks on one reused kernel, and nbconvert
renders them as offline HTML (phase *html*). A notebook that fails is still written and rendered,
marked failed; the others go on."""
from __future__ import annotations

import logging
import os
import re
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import AnalysisError
from ..tables import write_atomic
from ..workbook import PROJECT_ROOT
from .index import Job

LOGGER = logging.getLogger(__name__)

KERNEL_NAME = "python3"         # the project venv's kernel, named explicitly (a --user kernel is not seen in CI)
CELL_TIMEOUT = 600
REUSED_ENGINE = "analysis-reused-kernel"


class Kernel:
    """One ``python3`` kernel for every notebook of a build: it imports the package once.

    Starting it returns at once; the kernel boots, and runs the ``preload`` lines (the notebooks'
    imports, see :func:`notebook_imports`) as IPython start-up lines, while this process goes on
    (the analysis phase of a small corpus). :meth:`ready` waits for it."""

    def __init__(self, kernel_name: str = KERNEL_NAME, *, cwd: Path = PROJECT_ROOT, log: Path | None = None,
                 preload: Sequence[str] = ()) -> None:
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self._run = run_sync
        # Python warnings (with the package's internal paths) never reach a report's output cells
        env = dict(os.environ, MPLBACKEND="module://matplotlib_inline.backend_inline",
                   PYDEVD_DISABLE_FILE_VALIDATION="1", PYTHONWARNINGS="ignore")
        # the kernel's own chatter (warnings, crashes) goes to a log file, not to the user's terminal
        self._log = open(log, "ab") if log is not None else subprocess.DEVNULL  # noqa: SIM115
        self._ready = False
        self.km = AsyncKernelManager(kernel_name=kernel_name)
        run_sync(self.km.start_kernel)(env=env, cwd=str(cwd), stdout=self._log, stderr=self._log,
                                       extra_arguments=[f"--IPKernelApp.exec_lines={line}" for line in preload])

    def ready(self, timeout: float = 60) -> Kernel:
        """The kernel, once it answers (its start-up lines run)."""
        if not self._ready:
            kc = self.km.client()
            kc.start_channels()
            try:
                self._run(kc.wait_for_ready)(timeout=timeout)
            finally:
                kc.stop_channels()
            self._ready = True
        return self

    def alive(self) -> bool:
        return bool(self._run(self.km.is_alive)())

    def close(self) -> None:
        """Shut the kernel down (again: nothing)."""
        if self._log is None:
            return
        self._run(self.km.shutdown_kernel)(now=True)
        if self._log is not subprocess.DEVNULL:
            self._log.close()
        self._log = None


def notebook_imports(paths: Sequence[Path]) -> list[str]:
    """The import statements and ``%matplotlib`` lines at the top level of the notebooks' code cells,
    once each, in order: what a kernel can run at start-up so that the notebooks find them loaded."""
    import ast

    from .pages import cell_source, read_notebook

    lines: list[str] = []
    for path in paths:
        for cell in read_notebook(path)["cells"]:
            if cell.get("cell_type") != "code":
                continue
            source = cell_source(cell)
            magics = [ln.strip() for ln in source.splitlines() if ln.strip().startswith("%matplotlib")]
            try:
                tree = ast.parse("\n".join(ln for ln in source.splitlines() if not ln.lstrip().startswith("%")))
            except SyntaxError:
                continue
            imports = [ast.unparse(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
            lines += [ln for ln in magics + imports if ln not in lines]
    return lines


def start_kernel(notebooks: Sequence[Path], *, log: Path) -> Kernel | None:
    """A kernel started now, preloading what ``notebooks`` import; None if it cannot start (the
    notebooks phase then starts its own, and says why it failed)."""
    try:
        return Kernel(log=log, preload=notebook_imports(notebooks))
    except (RuntimeError, OSError, ValueError) as exc:
        LOGGER.warning("the notebook kernel did not start: %s", exc)
        return None


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


def _execute_on(job: Job, kernel: Kernel | None, *, out: Path, notebooks_dir: Path):
    """:func:`execute` on ``kernel`` once it is ready; a kernel that never answers fails the job."""
    try:
        ready = kernel.ready() if kernel is not None else None
    except (RuntimeError, TimeoutError) as exc:
        job.error = f"the kernel did not start: {exc.__class__.__name__}: {exc}"
        return None
    return execute(job, out=out, notebooks_dir=notebooks_dir, kernel=ready)


def corpus_reports(jobs: list[Job], *, stage: Path, nb_dir: Path, reuse_kernel: bool, timings: dict,
                   say: Callable[..., None], kernel: Kernel | None = None) -> None:
    """Run the corpus notebooks (phase *notebooks*) on ``kernel`` if one was started for them (it is
    closed here), and render each as HTML (phase *html*: the seconds spent rendering) while the
    next one runs."""
    from concurrent.futures import ThreadPoolExecutor

    from .html import Renderer

    t1 = time.perf_counter()
    if reuse_kernel and kernel is None:
        kernel = Kernel(log=stage / ".kernel.log")
    renderer, rendering = Renderer(), []
    with ThreadPoolExecutor(1, thread_name_prefix="html") as pool:
        try:
            for i, job in enumerate(jobs, 1):
                if kernel is not None and not kernel.alive():
                    kernel.close()
                    kernel = Kernel(log=stage / ".kernel.log")
                nb = _execute_on(job, kernel, out=stage, notebooks_dir=nb_dir)
                say(f"notebooks {i}/{len(jobs)} done: {job.ipynb}" + (f" FAILED ({job.error})" if job.error else ""))
                rendering.append(pool.submit(_render, renderer, job, nb, stage=stage))
                say(f"rendering {job.html} as HTML")
        finally:
            if kernel is not None:
                kernel.close()
        timings["notebooks"] = time.perf_counter() - t1
        timings["html"] = sum(r.result() for r in rendering)


def _render(renderer, job: Job, nb, *, stage: Path) -> float:
    """Write ``job``'s executed notebook as its HTML page (a failure marks the job); the seconds it took."""
    start = time.perf_counter()
    if nb is None:
        job.error = job.error or "papermill wrote no notebook"
        return 0.0
    try:
        page = renderer.render(nb, title=job.title, index_href="index.html", failed=job.error)
    except (ValueError, KeyError, TypeError, AnalysisError) as exc:   # nbconvert raises plain errors
        LOGGER.exception("rendering %s failed", job.ipynb)
        job.error = job.error or f"HTML rendering failed: {exc.__class__.__name__}: {exc}"
        return time.perf_counter() - start
    write_atomic(stage / job.html, page)
    return time.perf_counter() - start
