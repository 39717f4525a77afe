"""What a run keeps from the previous one when nothing it depends on has changed.

A run whose *fingerprint* (every input file's content, the code, the libraries that render the
reports, and the arguments) is the one the previous run recorded, in an output folder that still
holds what that run wrote (its *manifest*), is replayed: nothing is computed or written, and its
messages and exit status are repeated (:func:`replay`). Otherwise the parts that did not change are
kept:
The corpus reports (the timeline and sources notebooks, their HTML and the exported tables) depend on
every article's content and reference date, the parameters and the code (the package's source, the
notebooks and the templates). Their *corpus key* is a hash of all of these; when the previous run in
the output folder recorded the same key in ``run.json``, its files are linked (or copied) into the
new staging folder instead of being computed again. Article pages have a key each (see
:mod:`.pages`).
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..nlp import model_meta

if TYPE_CHECKING:
    import pandas as pd

LOGGER = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent.parent
RUN_RECORD = "run.json"
# The libraries whose versions change what the reports show.
LIBRARIES = ("spacy", "pandas", "matplotlib", "duckdb", "pyarrow", "papermill", "nbconvert")
CHUNK = 1 << 20


def _digest(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@functools.lru_cache(maxsize=4)
def code_digest(notebooks_dir: Path) -> str:
    """A hash of the package's source and templates and of the notebooks: no output outlives a change."""
    digest = hashlib.sha256()
    files = sorted(PACKAGE.rglob("*.py")) + sorted((PACKAGE / "templates").rglob("*")) + \
        sorted(Path(notebooks_dir).glob("*.ipynb"))
    for f in files:
        if f.is_file():
            digest.update(f.name.encode())
            digest.update(f.read_bytes())
    return digest.hexdigest()


def corpus_key(articles: pd.DataFrame, *, params: Mapping, code: str) -> str:
    """The key of the corpus reports: every article's id, content hash, reference date and error, the
    parameters and the code."""
    cols = [c for c in ("article_id", "sha256", "published", "error", "warning") if c in articles]
    rows = articles[cols].astype(str).to_numpy().tolist()
    return _digest({"articles": rows, "params": dict(params), "code": code})


def previous_run(out: Path) -> dict:
    """What the run published in ``out`` recorded (empty if nothing readable)."""
    try:
        record = json.loads((out / RUN_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


# --------------------------------------------------------------------------- replaying a whole run
def input_files(seeds: Iterable[Path]) -> list[Path]:
    """The files a run reads from ``seeds`` (files, or folders searched recursively), in order."""
    files: list[Path] = []
    for seed in seeds:
        files += sorted(f for f in seed.rglob("*") if f.is_file()) if seed.is_dir() else [seed]
    return files


def run_settings(*, articles: str, params: Mapping | None, model: str, time_limit, store, engine: str,
                 scheduler, workers) -> dict:
    """The arguments of a run as given, with what they resolve to outside it: the model's metadata,
    the store's default location, the libraries' versions."""
    return {"articles": articles, "params": dict(params or {}), "model": model, "model_meta": model_meta(model),
            "time_limit": time_limit, "engine": engine, "scheduler": scheduler, "workers": workers,
            "store": [str(store) if store else None,
                      *(os.environ.get(k) for k in ("ANALYSIS_STORE", "XDG_CACHE_HOME", "HOME"))],
            "libraries": {name: _version(name) for name in LIBRARIES}}


def _version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def fingerprint(seeds: Iterable[Path], *, settings: Mapping, nb_dir: Path) -> str:
    """A hash of every input file's path and content, the code (package, templates, notebooks) and
    ``settings``: two runs with the same fingerprint write the same reports."""
    from .. import __version__

    digest = hashlib.sha256(_digest({"settings": settings, "code": code_digest(nb_dir), "version": __version__,
                                     "notebooks": str(nb_dir)}).encode())
    for f in input_files(seeds):
        digest.update(f"\0{f}\0".encode("utf-8", "surrogateescape"))
        try:
            with open(f, "rb") as fh:
                while block := fh.read(CHUNK):
                    digest.update(block)
        except OSError as exc:                  # the run reports it; a replay never hides it
            digest.update(f"unreadable {exc.errno}".encode())
    return digest.hexdigest()[:32]


def manifest(folder: Path) -> str:
    """A hash of the names and sizes of the files of a report folder (hidden entries and the run
    record aside): a folder someone has emptied or trimmed is not the run it was."""
    entries = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(root, folder)
        for name in sorted(files):
            if not name.startswith(".") and not (rel == "." and name == RUN_RECORD):
                entries.append((os.path.join(rel, name), os.path.getsize(os.path.join(root, name))))
    return _digest(entries)


def replay(previous: Mapping, *, fingerprint: str, out: Path, say: Callable[[str], None], err: TextIO) -> int | None:
    """Repeat the previous run when it had this ``fingerprint``, every notebook and page succeeded and
    ``out`` still holds all it wrote: its input errors and warnings are told again and its exit status
    returned, with nothing computed or written. None when a run is needed."""
    if not previous or previous.get("fingerprint") != fingerprint or "status" not in previous:
        return None
    if any(n.get("error") for n in previous.get("notebooks", [])) or (previous.get("pages") or {}).get("failed"):
        return None
    if previous.get("manifest") != manifest(out):
        LOGGER.info("%s is not as the previous run left it: running again", out)
        return None
    inputs = previous.get("inputs") or {}
    for warning in inputs.get("warnings", []):
        LOGGER.warning("%s", warning)
    tell_errors(inputs.get("errors", []), err=err)
    say(f"nothing changed since the run of {previous.get('started')}: the reports in {out} are kept as they were")
    return int(previous["status"])


def tell_errors(errors: Iterable[str], *, err: TextIO) -> None:
    """One ``analysis: error:`` line per input that could not be analysed (each names its file)."""
    for message in errors:
        err.write(f"analysis: error: {message}\n")
    err.flush()


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source`` (a copy where links are not possible)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def keep(names: Iterable[str], *, previous: Path, stage: Path) -> bool:
    """Bring the files ``names`` (paths relative to the folders, or folders taken whole) from the
    previous run into ``stage``; False, with nothing kept, if one of them is missing."""
    files: list[Path] = []
    for name in names:
        path = previous / name
        if path.is_dir():
            files += [p.relative_to(previous) for p in sorted(path.rglob("*")) if p.is_file()]
        elif path.is_file():
            files.append(Path(name))
        else:
            LOGGER.info("not reusing the previous run: %s is missing", name)
            return False
    for f in files:
        link_or_copy(previous / f, stage / f)
    return True


OVERVIEW = ".overview.html"     # the index's corpus part, as the previous run wrote it


def overview_key(corpus: str, *, pages: Mapping[str, str], failed: Mapping[str, str], errors: Iterable) -> str:
    """The key of the index's overview: the corpus key, the article pages and what failed."""
    return _digest({"corpus": corpus, "pages": dict(pages), "failed": dict(failed), "errors": list(errors)})


def previous_overview(out: Path, key: str) -> str | None:
    """The overview the previous run in ``out`` wrote, if it had this ``key``."""
    try:
        first, _, body = (out / OVERVIEW).read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return body if first == f"<!-- overview {key} -->" else None


def stamped_overview(key: str, overview: str) -> str:
    """The overview as it is kept for the next run: its key on the first line."""
    return f"<!-- overview {key} -->\n{overview}"
