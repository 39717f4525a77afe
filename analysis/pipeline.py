"""``analyze()``: one article through every stage; ``analyze_articles()``: a batch, on all cores.

Each stage is a plain function of the text and of what earlier stages found. The spaCy ``Doc`` is
computed once and shared. Offsets always index the text exactly as it was passed in.
"""
from __future__ import annotations

import collections
import contextlib
import dataclasses
import logging
import multiprocessing
import os
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime

from . import attribution, entities, events, gazetteer, quantities, structure, temporal
from .errors import DEFAULT_TIME_LIMIT, ArticleTimeout, ParameterError  # noqa: F401  (DEFAULT_TIME_LIMIT: re-exported)
from .ingest import parse_published  # noqa: F401  (re-exported: analysis.pipeline.parse_published)
from .nlp import DEFAULT_MODEL, load_model, one_blas_thread
from .pieces import RECORD_LISTS, analyze_in_pieces, needs_pieces
from .types import Analysis, Article

LOGGER = logging.getLogger(__name__)

PIECES_PER_BATCH = 4           # pieces of a long article parsed together (bounded memory)
# Reference dates this close to the ends of the calendar are feed placeholders (0001-01-01, 9999-12-31);
# relative expressions cannot be resolved from them, so the date is inferred from the text instead.
EARLIEST_REFERENCE, LATEST_REFERENCE = date(100, 1, 1), date(9899, 12, 31)
_SURROGATE = re.compile("[\ud800-\udfff]")
# record fields that repeat a slice of the text, with the offsets of that slice
_TEXT_FIELDS = (("text", "start", "end"), ("source", "source_start", "source_end"), ("cue", "cue_start", "cue_end"),
                ("content", "content_start", "content_end"))


def usable_reference(published: date | None) -> date | None:
    """``published``, unless it is a placeholder at the ends of the calendar (then None, with a warning)."""
    if published is not None and not EARLIEST_REFERENCE <= published <= LATEST_REFERENCE:
        LOGGER.warning("reference date %s is a placeholder at the end of the calendar; "
                       "the date is inferred from the text", published.isoformat())
        return None
    return published


def analyze_doc(doc, *, published: date | None = None, article_id: str | None = None) -> Analysis:
    """Run every stage on an already parsed spaCy ``Doc``."""
    text = doc.text
    paragraphs = structure.find_paragraphs(text)
    sentences = structure.find_sentences(doc, paragraphs)
    dating = temporal.date_article(text, given=published, paragraphs=paragraphs, sentences=sentences, doc=doc)
    ents = entities.find_entities(doc, paragraphs=paragraphs)
    quants = quantities.find_quantities(doc)
    referents = entities.Referents(doc, ents, text=text)       # one resolver of mentions for both stages
    attrs = attribution.find_attributions(doc, paragraphs=paragraphs, sentences=sentences, entities=ents,
                                          referents=referents)
    evts = events.find_events(doc, paragraphs=paragraphs, sentences=sentences, timexes=dating.timexes,
                              entities=ents, attributions=attrs, published=dating.published, text=text,
                              referents=referents)
    return Analysis(text=text, published=dating.published, published_from=dating.published_from,
                    paragraphs=paragraphs, sentences=sentences, timexes=dating.timexes, entities=ents,
                    attributions=attrs, events=evts, quantities=quants, article_id=article_id)


def _restore(result: Analysis, text: str) -> Analysis:
    """``result`` of a cleaned copy of ``text`` (same length), with every reported slice taken from ``text``."""
    def fix(record):
        changes = {}
        for name, start, end in _TEXT_FIELDS:
            value, i, j = getattr(record, name, None), getattr(record, start, None), getattr(record, end, None)
            if isinstance(value, str) and isinstance(i, int) and isinstance(j, int) and value == result.text[i:j]:
                changes[name] = text[i:j]
        return dataclasses.replace(record, **changes) if changes else record

    return dataclasses.replace(result, text=text, **{k: [fix(r) for r in getattr(result, k)] for k in RECORD_LISTS})


def analyze_text(nlp, text: str, *, published: date | None = None, article_id: str | None = None,
                 doc=None) -> Analysis:
    """One article with the pipeline ``nlp``: cleaned of lone surrogates (same length, so offsets
    hold), cut into pieces when long or pathological, with a usable reference date. ``doc`` is the
    cleaned text already parsed, when a batch parsed it."""
    clean = _SURROGATE.sub("\ufffd", text)
    reference = usable_reference(published)
    if needs_pieces(clean):
        result = analyze_in_pieces(clean, published=reference, article_id=article_id, analyze_doc=analyze_doc,
                                   parse=lambda texts: nlp.pipe(texts, batch_size=PIECES_PER_BATCH))
    else:
        result = analyze_doc(doc if doc is not None else nlp(clean), published=reference, article_id=article_id)
    return result if clean == text else _restore(result, text)


def analyze(text: str, published: date | datetime | str | None = None, *, model: str = DEFAULT_MODEL) -> Analysis:
    """Analyse one article's text. ``published`` is the reference date for relative expressions;
    without it the date is inferred from the text."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    nlp = load_model(model)
    with one_blas_thread():
        return analyze_text(nlp, text, published=parse_published(published))


@contextlib.contextmanager
def time_limit(seconds: float | None, *, what: str) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the block after ``seconds`` (a no-op off the main thread,
    where signals cannot be delivered, or when ``seconds`` is None or 0)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout(f"{what} took longer than the time limit of {seconds:g} s (raise it with --time-limit)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- batches
BATCH = 16                      # articles per batch: what a kill can lose, and what nlp.pipe parses at once
Item = tuple[str, str, "date | None"]              # article_id, text, published
Row = tuple[str, "Analysis | None", "str | None"]  # article_id, analysis, error
_WORKER_MODEL: str | None = None


def _init_worker(model: str) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model
    load_model(model)
    gazetteer.gazetteer()


def _analyze_chunk(job: tuple[Sequence[Item], float | None]) -> list[Row]:
    chunk, limit = job
    return _analyze_with(load_model(_WORKER_MODEL or DEFAULT_MODEL), chunk, limit=limit)


def _parse_batch(nlp, chunk: Sequence[Item], *, limit: float | None) -> dict[str, object]:
    """spaCy docs of the chunk's ordinary articles, parsed together; empty if the batch fails (each
    article is then parsed alone, so a bad one is found and isolated)."""
    plain = [(aid, _SURROGATE.sub("\ufffd", text)) for aid, text, _ in chunk]
    plain = [(aid, text) for aid, text in plain if not needs_pieces(text)]
    try:
        with time_limit(limit * len(plain) if limit else None, what="a batch"):
            docs = nlp.pipe((text for _, text in plain), batch_size=BATCH)
            return {aid: doc for (aid, _), doc in zip(plain, docs, strict=True)}
    except Exception:       # noqa: BLE001 - any failure: each article is parsed alone below
        LOGGER.info("batch parse failed; parsing its %d articles one by one", len(plain))
        return {}


def _analyze_with(nlp, chunk: Sequence[Item], *, limit: float | None = None) -> list[Row]:
    with one_blas_thread():
        return _analyze_batch(nlp, chunk, limit=limit)


def _analyze_batch(nlp, chunk: Sequence[Item], *, limit: float | None) -> list[Row]:
    docs = _parse_batch(nlp, chunk, limit=limit)
    out = []
    for article_id, text, published in chunk:
        try:
            with time_limit(limit, what=f"analysis of {article_id}"):
                result = analyze_text(nlp, text, published=published, article_id=article_id,
                                      doc=docs.pop(article_id, None))
            out.append((article_id, result, None))
        except ArticleTimeout as exc:
            LOGGER.warning("%s", exc)
            out.append((article_id, None, f"analysis stopped: {exc}"))
        except Exception as exc:     # noqa: BLE001 - whatever one article does stays with that article
            LOGGER.warning("analysis of %s failed: %s: %s", article_id, exc.__class__.__name__, exc)
            out.append((article_id, None, f"analysis failed: {exc.__class__.__name__}: {exc}"))
    return out


def default_processes(n_articles: int) -> int:
    """Both cores (or as many as there are) once a batch is large enough to pay for a second process."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, n_articles // 8))


def _rows(todo: list[Item], *, model: str, n_process: int, limit: float | None) -> Iterator[Row]:
    """Results batch by batch, as each batch finishes (batches in input order)."""
    if not todo:          # everything came from the cache: no model to load
        return
    if n_process == 1 or len(todo) < 2:
        nlp = load_model(model)
        for start in range(0, len(todo), BATCH):
            yield from _analyze_with(nlp, todo[start:start + BATCH], limit=limit)
        return
    size = max(1, min(BATCH, len(todo) // (n_process * 4) or 1))
    jobs = [(todo[i:i + size], limit) for i in range(0, len(todo), size)]
    load_model(model)       # loaded once here, inherited by forked workers
    gazetteer.gazetteer()
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(n_process, initializer=_init_worker, initargs=(model,)) as pool:
        for rows in pool.imap(_analyze_chunk, jobs):
            yield from rows


def _drain(pending: collections.deque, ready: dict[str, Row], *, final: bool = False) -> Iterator[Row]:
    """Rows of the next articles in input order, as far as they are ready (ingest errors always are)."""
    while pending:
        article = pending[0]
        if article.error is not None:
            row = (article.article_id, None, article.error)
        elif article.article_id in ready:
            row = ready.pop(article.article_id)
        elif final:
            row = (article.article_id, None, "not analysed")
        else:
            return
        pending.popleft()
        yield row


def analyze_articles(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, n_process: int | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     time_limit: float | None = DEFAULT_TIME_LIMIT) -> Iterator[Row]:
    """Analyse many articles; yields ``(article_id, analysis or None, error or None)`` in input order,
    each as soon as its batch is done, so a caller can keep it before the next batch starts.

    Articles that carry an ingest error are passed through with that error. Whatever one article
    does (raise, or take longer than ``time_limit`` seconds) becomes its error; the others are analysed.
    """
    items = list(articles)
    todo = [(a.article_id, a.text, a.published) for a in items if a.error is None]
    n_process = default_processes(len(todo)) if n_process is None else max(1, n_process)
    pending = collections.deque(items)
    ready: dict[str, Row] = {}
    for done, row in enumerate(_rows(todo, model=model, n_process=n_process, limit=time_limit), 1):
        ready[row[0]] = row
        yield from _drain(pending, ready)
        if progress and (done % BATCH == 0 or done == len(todo)):
            progress(done, len(todo))
    yield from _drain(pending, ready, final=True)
