"""Reliability costs: whole report runs against an earlier version, and the long-article limits.

    .venv/bin/python benchmarks/bench_reliability.py --peer REF [--inputs PATH ...] [--repeat N]
    .venv/bin/python benchmarks/bench_reliability.py --long

Runs: ``analysis report INPUT --out NEW_FOLDER --quiet`` (a cold cache each time) with this checkout
and with the package as it was at git ref ``REF`` (extracted with ``git archive``, run with the
same interpreter and venv, same default number of processes), alternating, ``--repeat`` times each;
prints the median wall time of each and the ratio (ours / peer; <= 1.0 means no slower). Default
inputs: ``seeds/`` and the 171 Wikinews 2019 articles in ``../shared``.

``--long``: ``analyze()`` of a 1,190,003-character article (issue 11's reproducer) and of a
142 KB text without a full stop, each in a fresh process: wall time, CPU time and peak memory.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [ROOT / "seeds", ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2019.jsonl"]
LONG_CASES = {
    "1,190,003-character article": "text = 'B\\n\\n' + 'The council met. ' * 70000",
    "142 KB without a full stop": ("w = 'council members said that the minister would meet on Monday in Paris and "
                                   "John Smith'.split(); text = ' '.join(w[i % len(w)] for i in range(24_000))"),
}
MEASURE = """
import resource, time, analysis
{setup}
t0, c0 = time.perf_counter(), time.process_time()
d = analysis.analyze(text, "2023-03-02").to_dict()
print(len(text), len(d["sentences"]), round(time.perf_counter() - t0, 1), round(time.process_time() - c0, 1),
      round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
"""


def extract(ref: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def run_report(checkout: Path, inputs: Path, out: Path) -> tuple[float, int]:
    env = dict(os.environ, PYTHONPATH=str(checkout), MPLBACKEND="Agg")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "analysis", "report", str(inputs), "--out", str(out), "--quiet"],
                          cwd=checkout, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, proc.returncode


def compare(peer_ref: str, inputs: list[Path], repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-reliability-") as tmp:
        (Path(tmp) / "peer").mkdir()
        peer = extract(peer_ref, Path(tmp) / "peer")
        for source in inputs:
            times: dict[str, list[float]] = {"ours": [], "peer": []}
            for i in range(repeat):
                for name, checkout in (("peer", peer), ("ours", ROOT)):
                    seconds, status = run_report(checkout, source, Path(tmp) / f"out-{name}-{source.name}-{i}")
                    times[name].append(seconds)
                    print(f"  {source.name} {name} run {i + 1}: {seconds:.1f} s (exit {status})", flush=True)
            ours, theirs = statistics.median(times["ours"]), statistics.median(times["peer"])
            print(f"{source.name}: ours {ours:.1f} s, peer {peer_ref} {theirs:.1f} s, ratio {ours / theirs:.2f}",
                  flush=True)


def long_articles() -> None:
    for name, setup in LONG_CASES.items():
        out = subprocess.run([sys.executable, "-c", MEASURE.format(setup=setup)], cwd=ROOT, capture_output=True,
                             text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
        chars, sentences, wall, cpu, peak = out.stdout.split()
        print(f"{name}: {int(chars):,} chars, {sentences} sentences, {wall} s wall, {cpu} s CPU, peak {peak} MB",
              flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peer", help="git ref of the version to compare whole runs with")
    ap.add_argument("--inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--long", action="store_true", help="measure the long-article limits instead")
    args = ap.parse_args(argv)
    if args.long:
        long_articles()
    elif args.peer:
        compare(args.peer, args.inputs, args.repeat)
    else:
        ap.error("give --peer REF or --long")
    return 0


if __name__ == "__main__":
    sys.exit(main())
