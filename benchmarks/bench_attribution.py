"""Speed of ``analyze()`` with attribution, side by side with textacy's ``direct_quotations``.

    .venv/bin/python benchmarks/bench_attribution.py [--dir PATH | --data JSONL] [--limit N] [--repeat N]

Both sides parse every text with the same spaCy model package (ours loads it through
``analysis.nlp.load_model``; textacy needs the lemmatizer, so it gets the full pipeline) and then
extract: ours runs every stage of ``analyze()`` and finds direct, mixed and indirect speech,
"according to" and credits; textacy finds direct quotes only (an article with an odd number of
quote marks makes it raise, so, as the project's scorer does, it is then re-run paragraph by
paragraph). Texts are read at run time: the PolNeAR dev texts by default, or Wikinews with
--data. Prints articles per second for both, their ratio, what each found, and the attribution
stage's own share.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import analyze  # noqa: E402
from analysis.attribution import find_attributions  # noqa: E402
from analysis.nlp import DEFAULT_MODEL, load_model  # noqa: E402
from analysis.structure import find_paragraphs, find_sentences  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_DIR = SHARED / "polnear" / "dev" / "text"


def load_texts(args) -> list[str]:
    if args.data:
        with open(args.data, encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.dir).glob("*.txt"))]
    return texts[: args.limit] if args.limit else texts


def run_ours(texts: list[str]) -> tuple[float, int, float]:
    """(seconds, attributions found, seconds in the attribution stage alone)."""
    t0 = time.perf_counter()
    n = sum(len(analyze(t).attributions) for t in texts)
    total = time.perf_counter() - t0
    nlp = load_model()
    docs = list(nlp.pipe(texts))
    prepared = []
    for doc in docs:
        paragraphs = find_paragraphs(doc.text)
        prepared.append((doc, paragraphs, find_sentences(doc, paragraphs)))
    t1 = time.perf_counter()
    for doc, paragraphs, sentences in prepared:
        find_attributions(doc, paragraphs=paragraphs, sentences=sentences, entities=[])
    return total, n, time.perf_counter() - t1


def run_textacy(texts: list[str]) -> tuple[float, int]:
    import spacy
    from textacy.extract.triples import direct_quotations
    nlp = spacy.load(DEFAULT_MODEL)
    nlp("Warm up, he said.")

    def quotes(text: str) -> int:
        try:
            return len(list(direct_quotations(nlp(text))))
        except ValueError:       # odd number of quote marks: paragraph by paragraph
            n = 0
            for para in re.split(r"\n\s*\n", text):
                if para.strip():
                    try:
                        n += len(list(direct_quotations(nlp(para))))
                    except ValueError:
                        pass
            return n

    t0 = time.perf_counter()
    n = sum(quotes(t) for t in texts)
    return time.perf_counter() - t0, n


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=str(DEFAULT_DIR), help="a folder of .txt articles (PolNeAR dev by default)")
    ap.add_argument("--data", default=None, help="a .jsonl file with a 'text' field per line (e.g. Wikinews)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each side; the best is kept")
    args = ap.parse_args(argv)
    texts = load_texts(args)
    if not texts:
        raise SystemExit(f"no texts found in {args.data or args.dir}")
    analyze("Warm up, he said.")
    ours, theirs = [], []
    for _ in range(args.repeat):          # alternate, so both see the same machine load
        ours.append(run_ours(texts))
        theirs.append(run_textacy(texts))
    o_sec, o_n, o_stage = min(ours)
    t_sec, t_n = min(theirs)
    o_rate, t_rate = len(texts) / o_sec, len(texts) / t_sec
    print(f"texts: {len(texts)} ({sum(map(len, texts)) / 1e6:.2f} MB) from {args.data or args.dir}")
    print(f"analyze() with attribution : {o_rate:7.2f} articles/s  ({o_n} attributions, all kinds)")
    print(f"textacy direct_quotations  : {t_rate:7.2f} articles/s  ({t_n} direct quotes)")
    print(f"ratio ours/textacy         : {o_rate / t_rate:7.2f}")
    print(f"attribution stage alone    : {len(texts) / o_stage:7.1f} articles/s "
          f"({100 * o_stage / o_sec:.1f}% of analyze())")


if __name__ == "__main__":
    main()
