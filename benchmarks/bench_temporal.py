"""Speed of the temporal stage alone, against dateparser's ``search_dates`` on the same texts.

    .venv/bin/python benchmarks/bench_temporal.py [--data PATH] [--peer-docs N] [--repeat N]

Reads the Wikinews 2019 texts at run time (never copied into the project) and runs
``analysis.temporal.date_article`` with the spaCy ``doc`` the pipeline shares with every stage
(the parse gives the tense of each date's verb; parsing, paragraphs and sentences are computed
outside the timing, as the pipeline computes them before this stage), and once more without a
``doc`` (marker words only). It prints MB/s for both taggers and their ratio, counted in CPU
seconds of the one process (``time.process_time``: on a shared machine wall-clock time also
measures the neighbours). dateparser is slow, so by default it sees only the first 40 texts; its
MB/s is measured on what it saw. It also times the whole ``analyze()`` on the same texts (one
process) and the temporal stage inside it, and prints what the stage adds (target: under 10%).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.structure import find_paragraphs  # noqa: E402
from analysis.temporal import date_article  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikinews" / "wikinews_2019.jsonl"


def load(path: Path) -> list[tuple[str, date | None]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                rows.append((r["text"], date.fromisoformat(r["published"]) if r.get("published") else None))
    return rows


def parse(rows) -> list[tuple]:
    """The inputs the pipeline hands the temporal stage: paragraphs, sentences and the parse."""
    from analysis.nlp import load_model
    from analysis.structure import find_sentences

    nlp = load_model()
    out = []
    for (text, _), doc in zip(rows, nlp.pipe((t for t, _ in rows), batch_size=16), strict=True):
        paras = find_paragraphs(text)
        out.append((paras, find_sentences(doc, paras), doc))
    return out


def bench_ours(rows, inputs, *, given: bool, repeat: int, with_doc: bool = True) -> tuple[float, int]:
    n_chars = sum(len(t) for t, _ in rows)
    best, count = float("inf"), 0
    for _ in range(repeat):
        t0 = time.process_time()
        count = 0
        for (text, pub), (paras, sents, doc) in zip(rows, inputs, strict=True):
            count += len(date_article(text, given=pub if given else None, paragraphs=paras, sentences=sents,
                                      doc=doc if with_doc else None).timexes)
        best = min(best, time.process_time() - t0)
    return n_chars / best / 1e6, count


def bench_share(rows, inputs) -> tuple[float, float]:
    """Seconds of the whole ``analyze()`` (one process) and of the temporal stage inside it, on the
    same texts, with the paragraphs, sentences and parse the pipeline gives the stage."""
    import analysis

    analysis.analyze(rows[0][0], published=rows[0][1])        # warm up
    t0 = time.process_time()
    for text, pub in rows:
        analysis.analyze(text, published=pub)
    total = time.process_time() - t0
    t0 = time.process_time()
    for (text, pub), (paras, sents, doc) in zip(rows, inputs, strict=True):
        date_article(text, given=pub, paragraphs=paras, sentences=sents, doc=doc)
    return total, time.process_time() - t0


def bench_dateparser(rows) -> tuple[float, int]:
    from dateparser.search import search_dates
    search_dates("warm up on March 2, 2023", languages=["en"])
    n_chars = sum(len(t) for t, _ in rows)
    t0 = time.process_time()
    count = 0
    for text, pub in rows:
        settings = {"RELATIVE_BASE": __import__("datetime").datetime(pub.year, pub.month, pub.day)} if pub else None
        count += len(search_dates(text, languages=["en"], settings=settings) or [])
    return n_chars / (time.process_time() - t0) / 1e6, count


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--peer-docs", type=int, default=40, help="texts given to dateparser (it is slow)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of our tagger; the fastest is reported")
    args = ap.parse_args(argv)
    rows = load(args.data)
    size = sum(len(t) for t, _ in rows) / 1e6
    print(f"{len(rows)} texts, {size:.3f} MB")
    inputs = parse(rows)
    given, n_given = bench_ours(rows, inputs, given=True, repeat=args.repeat)
    inferred, n_inferred = bench_ours(rows, inputs, given=False, repeat=args.repeat)
    no_doc, _ = bench_ours(rows, inputs, given=True, repeat=args.repeat, with_doc=False)
    print(f"analysis.temporal (date given)      {given:7.2f} MB/s  ({n_given} timexes)")
    print(f"analysis.temporal (date inferred)   {inferred:7.2f} MB/s  ({n_inferred} timexes)")
    print(f"analysis.temporal (no parse)        {no_doc:7.2f} MB/s  (marker words for tense)")
    total, stage = bench_share(rows, inputs)
    print(f"analyze() on all texts, one process: {total:.2f} s; temporal stage inside it: {stage:.3f} s "
          f"= {100 * stage / (total - stage):.1f}% added to analyze() without it (target < 10%)")
    sub = rows[: args.peer_docs]
    peer_ours, _ = bench_ours(sub, inputs[: args.peer_docs], given=True, repeat=args.repeat)
    try:
        peer, n_peer = bench_dateparser(sub)
    except ImportError as exc:
        print(f"dateparser unavailable: {exc}")
        return
    print(f"on the first {len(sub)} texts: analysis.temporal {peer_ours:.2f} MB/s, "
          f"dateparser.search_dates {peer:.3f} MB/s ({n_peer} dates)")
    print(f"ratio analysis/dateparser: {peer_ours / peer:.0f}x")


if __name__ == "__main__":
    main()
