"""Speed of the whole analysis against spaCy's own pipeline, measured in one run.

    .venv/bin/python benchmarks/bench_pipeline.py [--data PATH] [--limit N]

Batch: ``analysis.pipeline.analyze_articles`` over the Wikinews 2019 articles (default
parallelism, Article records built from the jsonl, each with its published date). Peer: spaCy's
``nlp.pipe`` over the same texts with the model's full default pipeline (nothing excluded) in one
process. Prints articles/s, words/s, the ratio (ours / spaCy's; >= 1.0 means the workbook is at
least as fast as running spaCy alone) and peak memory (ru_maxrss of this process and its children).
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


def peak_mb() -> tuple[float, float]:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kb / 1024, child_kb / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)

    articles = load_articles(args.data, args.limit)
    texts = [a.text for a in articles]
    n_words = sum(len(t.split()) for t in texts)

    from analysis.pipeline import analyze_articles
    t0 = time.perf_counter()
    results = list(analyze_articles(articles))
    ours = time.perf_counter() - t0
    failed = sum(1 for _, a, err in results if a is None or err)
    n_events = sum(len(a.events) for _, a, _ in results if a is not None)

    import spacy

    from analysis.nlp import DEFAULT_MODEL
    t0 = time.perf_counter()
    nlp = spacy.load(DEFAULT_MODEL)
    load_time = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    peer = time.perf_counter() - t0

    self_mb, child_mb = peak_mb()
    print(f"articles: {len(articles)}  words: {n_words}  failed: {failed}  events: {n_events}")
    print(f"workbook analyze_articles: {ours:.2f} s  {len(articles) / ours:.1f} articles/s  {n_words / ours:.0f} words/s")
    print(f"spaCy nlp.pipe (full pipeline {', '.join(nlp.pipe_names)}): {peer:.2f} s (+{load_time:.2f} s load)  "
          f"{len(articles) / peer:.1f} articles/s  {n_words / peer:.0f} words/s")
    print(f"ratio (workbook speed / spaCy speed): {peer / ours:.2f}")
    print(f"peak memory: this process {self_mb:.0f} MB, largest child {child_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
