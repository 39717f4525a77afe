"""``analyze()``: one article through every stage; ``analyze_articles()``: a batch, on all cores.

Each stage is a plain function of the text and of what earlier stages found. The spaCy ``Doc`` is
computed once and shared. Offsets always index the text exactly as it was passed in.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime

from . import attribution, entities, events, gazetteer, quantities, structure, temporal
from .errors import AnalysisError, ParameterError
from .nlp import DEFAULT_MODEL, load_model
from .types import Analysis, Article

LOGGER = logging.getLogger(__name__)


def parse_published(value: date | datetime | str | None, *, name: str = "published") -> date | None:
    """A publication date from a ``date``, a ``datetime`` or an ISO ``"YYYY-MM-DD"`` string."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ParameterError(f"{name}: {value!r} is not a date in the form YYYY-MM-DD") from None
    raise TypeError(f"{name} must be a date, a datetime or a 'YYYY-MM-DD' string, not {type(value).__name__}")


def analyze_doc(doc, *, published: date | None = None, article_id: str | None = None) -> Analysis:
    """Run every stage on an already parsed spaCy ``Doc``."""
    text = doc.text
    paragraphs = structure.find_paragraphs(text)
    sentences = structure.find_sentences(doc, paragraphs)
    dating = temporal.date_article(text, given=published, paragraphs=paragraphs, sentences=sentences, doc=doc)
    ents = entities.find_entities(doc, paragraphs=paragraphs)
    quants = quantities.find_quantities(doc)
    attrs = attribution.find_attributions(doc, paragraphs=paragraphs, sentences=sentences, entities=ents)
    evts = events.find_events(doc, paragraphs=paragraphs, sentences=sentences, timexes=dating.timexes,
                              entities=ents, attributions=attrs, published=dating.published)
    return Analysis(text=text, published=dating.published, published_from=dating.published_from,
                    paragraphs=paragraphs, sentences=sentences, timexes=dating.timexes, entities=ents,
                    attributions=attrs, events=evts, quantities=quants, article_id=article_id)


def analyze(text: str, published: date | datetime | str | None = None, *, model: str = DEFAULT_MODEL) -> Analysis:
    """Analyse one article's text. ``published`` is the reference date for relative expressions;
    without it the date is inferred from the text."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return analyze_doc(load_model(model)(text), published=parse_published(published))


# --------------------------------------------------------------------------- batches
_WORKER_MODEL: str | None = None


def _init_worker(model: str) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model
    load_model(model)
    gazetteer.gazetteer()


def _analyze_chunk(chunk: Sequence[tuple[str, str, date | None]]) -> list[tuple[str, Analysis | None, str | None]]:
    nlp = load_model(_WORKER_MODEL or DEFAULT_MODEL)
    return _analyze_with(nlp, chunk)


def _analyze_with(nlp, chunk: Sequence[tuple[str, str, date | None]]) -> list[tuple[str, Analysis | None, str | None]]:
    out = []
    docs = nlp.pipe((text for _, text, _ in chunk), batch_size=16)
    for (article_id, _text, published), doc in zip(chunk, docs, strict=True):
        try:
            out.append((article_id, analyze_doc(doc, published=published, article_id=article_id), None))
        except (AnalysisError, ValueError, IndexError, KeyError, TypeError, AttributeError) as exc:
            LOGGER.exception("analysis of %s failed", article_id)
            out.append((article_id, None, f"analysis failed: {exc.__class__.__name__}: {exc}"))
    return out


def default_processes(n_articles: int) -> int:
    """Both cores (or as many as there are) once a batch is large enough to pay for a second process."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, n_articles // 8))


def analyze_articles(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, n_process: int | None = None,
                     progress: Callable[[int, int], None] | None = None
                     ) -> Iterator[tuple[str, Analysis | None, str | None]]:
    """Analyse many articles; yields ``(article_id, analysis or None, error or None)`` in input order.

    Articles that carry an ingest error are passed through with that error. One article's failure
    never loses the others.
    """
    items = list(articles)
    todo = [(a.article_id, a.text, a.published) for a in items if a.error is None]
    errors = {a.article_id: a.error for a in items if a.error is not None}
    n_process = default_processes(len(todo)) if n_process is None else max(1, n_process)
    results: dict[str, tuple[str, Analysis | None, str | None]] = {}
    done = 0
    if n_process == 1 or len(todo) < 2:
        nlp = load_model(model)
        for start in range(0, len(todo), 16):
            for row in _analyze_with(nlp, todo[start:start + 16]):
                results[row[0]] = row
                done += 1
                if progress:
                    progress(done, len(todo))
    else:
        size = max(1, min(16, len(todo) // (n_process * 4) or 1))
        chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
        load_model(model)       # loaded once here, inherited by forked workers
        gazetteer.gazetteer()
        ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ctx.Pool(n_process, initializer=_init_worker, initargs=(model,)) as pool:
            for rows in pool.imap(_analyze_chunk, chunks):
                for row in rows:
                    results[row[0]] = row
                    done += 1
                if progress:
                    progress(done, len(todo))
    for a in items:
        if a.article_id in errors:
            yield (a.article_id, None, errors[a.article_id])
        else:
            yield results[a.article_id]
