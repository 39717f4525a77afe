"""The one call notebooks make: ingest, analyse (with a cache), and return the tables.

The cache keeps each article's ``to_dict()`` as JSON under ``cache_dir``, keyed by the content hash,
the reference date, the package version and the model, so unchanged inputs are not analysed again.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from .ingest import DEFAULT_MAX_BYTES, read_articles, sha256
from .nlp import DEFAULT_MODEL
from .pipeline import DEFAULT_TIME_LIMIT, analyze_articles, parse_published
from .tables import Tables, build_tables, to_json, write_atomic
from .types import Article

LOGGER = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Modules that only present results: editing them does not invalidate cached analyses.
PRESENTATION = {"report", "charts.py", "highlight.py", "metrics.py", "cli.py", "__main__.py", "workbook.py",
                "evidence.py", "htmlcharts.py", "timeline_table.py",
                "tables.py", "timeline.py"}


def project_path(path: str | Path) -> Path:
    """A path as given if it exists from here; otherwise relative to the project root (so a
    notebook finds ``seeds`` whether it runs from ``notebooks/`` or from the root)."""
    p = Path(path).expanduser()
    if p.is_absolute() or p.exists():
        return p
    return PROJECT_ROOT / p


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The package version plus a hash of the analysis stages' source, so a cached analysis never
    outlives a change to the code that produced it (changes to charts or reports keep the cache)."""
    from . import __version__

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for f in sorted(package.rglob("*.py")):
        if f.relative_to(package).parts[0] not in PRESENTATION:
            digest.update(f.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def cache_key(article: Article, *, model: str) -> str:
    published = article.published.isoformat() if article.published else "-"
    return sha256(f"{article.sha256}|{published}|{code_version()}|{model}")[:32]


def _cache_get(cache: Path | None, key: str) -> dict | None:
    if cache is None:
        return None
    f = cache / f"{key}.json"
    try:
        return json.loads(f.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _usable(hit: dict | None, *, time_limit: float | None) -> bool:
    """A cached result, or a cached failure; a timeout is tried again when the time limit is now longer."""
    if hit is None or "error" not in hit:
        return hit is not None
    limit = hit.get("time_limit")
    return not (hit.get("timed_out") and time_limit and limit and time_limit > limit)


def load_corpus(seeds: str | Path | Sequence[str | Path], *, published: str | date | None = None,
                cache_dir: str | Path | None = None, model: str = DEFAULT_MODEL, n_process: int | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, time_limit: float | None = None,
                progress: Callable[[str, int, int], None] | None = None) -> Tables:
    """Ingest ``seeds`` (files or folders), analyse every readable article, and return the tables.

    ``published`` fills in the reference date of articles whose metadata has none. Each article is
    cached as soon as its batch is done, its failure included (so a notebook does not try a failed
    article again); ``time_limit`` is the seconds one article may take (default
    :data:`~analysis.pipeline.DEFAULT_TIME_LIMIT`; a cached timeout is retried under a longer one).
    """
    paths = [seeds] if isinstance(seeds, (str, Path)) else list(seeds)
    articles = read_articles([project_path(p) for p in paths], max_bytes=max_bytes,
                             published=parse_published(published))
    cache = project_path(cache_dir) if cache_dir else None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict | None] = {}
    errors: dict[str, str] = {}
    todo: list[Article] = []
    for a in articles:
        hit = None if a.error else _cache_get(cache, cache_key(a, model=model))
        if not _usable(hit, time_limit=time_limit):
            todo.append(a)
        elif "error" in hit:
            errors[a.article_id] = hit["error"]
        else:
            results[a.article_id] = hit
    LOGGER.info("%d articles: %d from the cache, %d to analyse", len(articles), len(results) + len(errors), len(todo))
    by_id = {a.article_id: a for a in todo}
    step = (lambda done, total: progress("analysed", done, total)) if progress else None
    limit = DEFAULT_TIME_LIMIT if time_limit is None else time_limit
    for article_id, analysis, error in analyze_articles(todo, model=model, n_process=n_process, progress=step,
                                                        time_limit=limit):
        a = by_id[article_id]
        if error:
            errors[article_id] = error
        else:
            results[article_id] = analysis.to_dict()
        if cache is not None and a.error is None:
            kept = ({"error": error, "time_limit": limit, "timed_out": error.startswith("analysis stopped")}
                    if error else results[article_id])
            write_atomic(cache / f"{cache_key(a, model=model)}.json", to_json(kept))
    if errors:
        articles = [replace(a, error=errors[a.article_id]) if a.article_id in errors else a for a in articles]
    return build_tables(articles, results)
