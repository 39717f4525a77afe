"""What a run keeps from the previous one when nothing it depends on has changed.

The corpus reports (the timeline and sources notebooks, their HTML and the exported tables) depend on
every article's content and reference date, the parameters and the code (the package's source, the
notebooks and the templates). Their *corpus key* is a hash of all of these; when the previous run in
the output folder recorded the same key in ``run.json``, its files are linked (or copied) into the
new staging folder instead of being computed again. Article pages have a key each (see
:mod:`.pages`).
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from ..tables import to_json

LOGGER = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent.parent


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
    text = to_json({"articles": rows, "params": dict(params), "code": code})
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def previous_key(out: Path) -> str | None:
    """The corpus key the run published in ``out`` recorded, if any."""
    try:
        return json.loads((out / "run.json").read_text(encoding="utf-8")).get("corpus_key")
    except (OSError, ValueError, AttributeError):
        return None


def inputs_stamp(seeds: Iterable[Path]) -> str:
    """A hash of the input files' paths, sizes and modification times: a cheap hint, before they are
    read, that a run will find what the previous one found (the corpus key decides)."""
    stats = []
    for seed in seeds:
        for f in sorted(seed.rglob("*")) if seed.is_dir() else [seed]:
            with contextlib.suppress(OSError):
                st = f.stat()
                stats.append((str(f), st.st_size, st.st_mtime_ns))
    return hashlib.sha256(to_json(stats).encode("utf-8")).hexdigest()[:32]


def previous_inputs(out: Path) -> str | None:
    """The inputs stamp the run published in ``out`` recorded, if any."""
    try:
        return json.loads((out / "run.json").read_text(encoding="utf-8")).get("inputs_stamp")
    except (OSError, ValueError, AttributeError):
        return None


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
    text = to_json({"corpus": corpus, "pages": dict(pages), "failed": dict(failed), "errors": list(errors)})
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


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
