"""Speed of the whole analysis against spaCy's own pipeline, per core, measured in one run.

    .venv/bin/python benchmarks/bench_pipeline.py [--data PATH] [--limit N] [--repeat N]

Like with like: both sides run in ONE process on the same texts, in the same run, with their
models loaded before the clock starts. Batch: ``analysis.pipeline.analyze_articles(...,
n_process=1)`` over the Wikinews 2019 articles (Article records built from the jsonl, each with its
published date): parsing with the components the stages need plus every stage. Peer: spaCy's
``nlp.pipe`` over the same texts with the model's full default pipeline (nothing excluded), which
only parses. A second peer runs the same full pipeline with the workbook's choice of matrix
products (NumPy's BLAS on one thread, :func:`analysis.nlp.use_numpy_matmul`), to show what the
stages and the skipped components gain apart from it. The sides alternate ``--repeat`` times and
the best time of each counts. Time is this
process's CPU time (``time.process_time``: per core, and unaffected by other processes sharing the
machine); wall-clock seconds are printed beside it. Prints articles/s, words/s, the ratio (ours /
spaCy's; >= 1.0 means the whole analysis is at least as fast as running spaCy's default pipeline
alone) and peak memory (ru_maxrss of this process).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2019.jsonl"


def load_articles(path: Path, limit: int | None):
    from analysis.types import Article
    out = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            rec = json.loads(line)
            pub = rec.get("published")
            out.append(Article(article_id=f"wn{i:03d}", text=rec["text"], title=rec.get("title"),
                               published=date.fromisoformat(pub[:10]) if pub else None, url=rec.get("url")))
    return out


def timed(fn):
    """``((cpu_seconds, wall_seconds), fn())``."""
    c0, w0 = time.process_time(), time.perf_counter()
    out = fn()
    return (time.process_time() - c0, time.perf_counter() - w0), out


def peak_mb() -> tuple[float, float]:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kb / 1024, child_kb / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=2, help="alternate both sides this many times; best time counts")
    args = ap.parse_args(argv)

    articles = load_articles(args.data, args.limit)
    texts = [a.text for a in articles]
    n_words = sum(len(t.split()) for t in texts)

    import spacy

    from analysis.nlp import DEFAULT_MODEL, load_model, one_blas_thread, use_numpy_matmul
    from analysis.pipeline import analyze_articles
    load_model(DEFAULT_MODEL)
    nlp, same_matmul = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    use_numpy_matmul(same_matmul)
    list(analyze_articles(articles[:2], n_process=1))      # warm up every side (lazy tables, caches)
    list(nlp.pipe(texts[:2]))
    list(same_matmul.pipe(texts[:2]))

    def numpy_peer() -> int:
        with one_blas_thread():
            return sum(1 for _ in same_matmul.pipe(texts))

    (ours, ours_wall), (peer, peer_wall), (peer2, peer2_wall) = ((float("inf"),) * 2,) * 3
    for _ in range(args.repeat):
        (cpu, wall), results = timed(lambda: list(analyze_articles(articles, n_process=1)))
        ours, ours_wall = min(ours, cpu), min(ours_wall, wall)
        (cpu, wall), _ = timed(lambda: sum(1 for _ in nlp.pipe(texts)))
        peer, peer_wall = min(peer, cpu), min(peer_wall, wall)
        (cpu, wall), _ = timed(numpy_peer)
        peer2, peer2_wall = min(peer2, cpu), min(peer2_wall, wall)
    failed = sum(1 for _, a, err in results if a is None or err)
    n_events = sum(len(a.events) for _, a, _ in results if a is not None)

    self_mb, _ = peak_mb()
    print(f"articles: {len(articles)}  words: {n_words}  failed: {failed}  events: {n_events}  "
          f"best of {args.repeat}, one process each")
    print(f"workbook analyze_articles (n_process=1, components {', '.join(load_model(DEFAULT_MODEL).pipe_names)}): "
          f"{ours:.2f} s CPU ({ours_wall:.2f} s wall)  {len(articles) / ours:.1f} articles/s  {n_words / ours:.0f} words/s")
    print(f"spaCy nlp.pipe (full pipeline {', '.join(nlp.pipe_names)}): {peer:.2f} s CPU ({peer_wall:.2f} s wall)  "
          f"{len(articles) / peer:.1f} articles/s  {n_words / peer:.0f} words/s")
    print(f"spaCy nlp.pipe, same full pipeline with the workbook's matrix products: {peer2:.2f} s CPU "
          f"({peer2_wall:.2f} s wall)  {len(articles) / peer2:.1f} articles/s")
    print(f"ratio per core (workbook speed / spaCy speed): {peer / ours:.2f}  "
          f"(against the same pipeline with the workbook's matrix products: {peer2 / ours:.2f})")
    print(f"peak memory: this process {self_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
