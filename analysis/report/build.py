"""``build_reports()``: the arguments checked, then an unchanged run replayed or a full run built.

A run's arguments are checked before anything heavy loads. When the inputs, the code and the
arguments are those of the run already published in the output folder, and that folder is whole,
the run replays it (:func:`.reuse.replay`): nothing is written, its messages and exit status are
repeated. Otherwise :mod:`.phases` builds the run into a staging folder that :mod:`.publish` swaps
in whole at the end, under a lock, so the output folder always holds one whole run.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from ..errors import ParameterError
from ..ingest import parse_published
from ..nlp import DEFAULT_MODEL
from ..progress import Messages
from ..workbook import PROJECT_ROOT
from . import publish, reuse

LOGGER = logging.getLogger(__name__)

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
CORPUS_NOTEBOOKS = (("timeline", "Timeline: what happened when"), ("sources", "Sources: who says so"))
ARTICLE_NOTEBOOK = "article"
ARTICLE_MODES = ("auto", "all", "none")   # auto and all: a page for every article; none: no pages
# Parameters the builder sets itself; the rest may be given with -p KEY VALUE.
BUILDER_PARAMS = {"seeds": "the SEEDS argument", "store": "--store",
                  "data_dir": "--out (exports go to OUT/data)", "article_id": "--articles", "model": "--model"}



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


def check_positive(name: str, value) -> None:
    if value is not None and not value > 0:
        raise ParameterError(f"{name}: {value!r} must be a positive number")



# --------------------------------------------------------------------------- the build
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
    say = Messages(stream, quiet=quiet)
    err = stream or sys.stderr
    try:
        if articles not in ARTICLE_MODES:
            raise ParameterError(f"articles: {articles!r} is not one of {', '.join(ARTICLE_MODES)}")
        nb_dir = Path(notebooks_dir) if notebooks_dir is not None else NOTEBOOKS_DIR
        seed_paths = check_seeds(seeds)
        out_dir = check_out(out)
        check_positive("time_limit", time_limit)
        check_positive("workers", workers)
        fingerprint = reuse.fingerprint(seed_paths, nb_dir=nb_dir, settings=reuse.run_settings(
            articles=articles, params=params, model=model, time_limit=time_limit, store=store, engine=engine,
            scheduler=scheduler, workers=workers))
        publish.check_replaceable(out_dir)
        with publish.locked(out_dir, wait=wait):
            publish.recover(out_dir)
            previous = reuse.previous_run(out_dir)
            replayed = reuse.replay(previous, fingerprint=fingerprint, out=out_dir, say=say, err=err)
            if replayed is not None:
                return replayed
            status = _full_run(seed_paths, out=out_dir, articles=articles, params=params, model=model, nb_dir=nb_dir,
                               reuse_kernel=reuse_kernel, time_limit=time_limit, say=say, quiet=quiet, stream=stream,
                               err=err, fingerprint=fingerprint, previous=previous,
                               run={"store": store, "engine": engine, "scheduler": scheduler, "workers": workers})
    except ParameterError as exc:
        err.write(f"analysis: error: {exc}\n")
        return 2
    except OSError as exc:
        err.write(f"analysis: error: {exc.filename or ''}: {exc.strerror or exc}; the run stopped and the "
                  f"previous reports in {out} were left as they were\n".lstrip(": "))
        return 1
    say(f"wrote {out_dir / 'index.html'}")
    return status



def _full_run(seeds: list[Path], *, out: Path, params: Mapping | None, model: str, nb_dir: Path, time_limit,
              run: dict, say: Messages, **options) -> int:
    """Check what only a full run needs, build the run in a staging folder and publish it."""
    from ..store import Store
    from .phases import build

    model = check_model(model)
    user_params = check_parameters(params or {}, notebooks_dir=nb_dir)
    check_positive("max_bytes", user_params.get("max_bytes"))
    run = dict(run, store=Store(run["store"]).location)
    stage = publish.staging_folder(out)
    try:
        status = build(seeds, out=out, stage=stage, params=user_params, model=model, nb_dir=nb_dir,
                       time_limit=time_limit, say=say, run=run, **options)
        say(f"publishing into {out}")
        publish.publish(stage, out)
    finally:
        publish.discard(stage)
    return status
