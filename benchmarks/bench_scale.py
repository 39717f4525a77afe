"""Scale: full runs of ``analysis report`` on synthetic corpora of N articles, memory, re-runs, engines.

    .venv/bin/python benchmarks/bench_scale.py scale --n 2000 [--work DIR]
    .venv/bin/python benchmarks/bench_scale.py engines --n 400 [--work DIR]
    .venv/bin/python benchmarks/bench_scale.py baseline --base DIR [--warm] [--work DIR] [-- --articles all]
    .venv/bin/python benchmarks/bench_scale.py synthetic --n 20000 --from-n 2000 --rate R --work DIR
    .venv/bin/python benchmarks/bench_scale.py reruns [--repeat 5] [-- --articles all --quiet]

The corpus is built from the Wikinews 2019 records (``../shared/data/wikinews/wikinews_2019.jsonl``):
record ``i`` is record ``i mod 171`` with a distinct id and its last sentence varied ("… (copy i)"),
so every content hash differs and nothing comes from the store by accident; files of 1,000 articles. Every run is a
subprocess (``python -m analysis report …``); its peak memory is the largest sum of the resident
memory of the whole process tree (the CLI, its workers and the notebook kernel), sampled every
0.2 s with psutil. Phase times come from the run's ``run.json``.

``scale``: a first run of N articles (analysis and notebooks), an unchanged re-run, and a run with
200 new articles added. ``engines``: the analysis phase on the same corpus with the local engine
(2 processes), a Dask LocalCluster of 2 single-threaded workers and one of 1 worker, each into a
fresh store. ``baseline``: the 171 Wikinews articles and the seed article with the code in
``--base`` (a checkout of an earlier commit) and with this checkout, cold, alternating.
``synthetic``: what depends on the size of the store, without analysing N articles: after ``scale
--n M`` in the same ``--work``, a store of N analyses is made from the M real ones (article ``i``
of the N-article corpus gets the rows of article ``i mod M`` under its own key); then a run that
only runs the notebooks on it, an unchanged re-run and 200 new articles (analysed for real). The
first run of N articles is estimated as N / ``--rate`` (the articles/s of the M run) plus the
notebooks, and said to be an estimate. ``reruns``: the 171 Wikinews articles on a warm store, a
first run into a fresh folder and an unchanged re-run, ``--repeat`` pairs.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2019.jsonl"
ADDED = 200
FILE_ARTICLES = 1_000
LOG_EVERY = 120.0       # seconds between the lines that say how far a run got


def build_corpus(folder: Path, n: int, *, start: int = 0, data: Path = DATA) -> Path:
    """``n`` synthetic articles (ids ``syn<start>``…) from the Wikinews records, one sentence varied,
    written into ``folder`` as JSON Lines files of at most FILE_ARTICLES articles (as a feed delivers
    them, and each well under the default --max-bytes)."""
    records = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    for first in range(start, start + n, FILE_ARTICLES):
        with (folder / f"articles-{first:07d}.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(first, min(start + n, first + FILE_ARTICLES)):
                rec = dict(records[i % len(records)])
                text = rec["text"].rstrip()
                rec["text"] = (text[:-1] if text.endswith(".") else text) + f" (copy {i})."
                rec["id"] = f"syn{i:07d}"
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return folder


def tree_rss(proc) -> int:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def timed(cmd: list[str], *, env: dict | None = None, cwd: Path | None = None) -> dict:
    """Run ``cmd``; its wall time, exit status and the peak memory of its process tree (MB)."""
    import psutil

    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log, text=True)
        ps, peak, shown = psutil.Process(proc.pid), 0, time.perf_counter()
        while proc.poll() is None:
            try:
                peak = max(peak, tree_rss(ps))
            except psutil.Error:
                pass
            if time.perf_counter() - shown > LOG_EVERY:       # a long run says how far it got
                shown = time.perf_counter()
                log.seek(0)
                last = (log.read().strip().splitlines() or [""])[-1]
                print(f"  ... {shown - start:.0f} s, peak so far {peak / 2**20:.0f} MB: {last}", flush=True)
            time.sleep(0.2)
        log.seek(0)
        err = log.read()
    return {"seconds": time.perf_counter() - start, "status": proc.returncode, "peak_mb": peak / 2**20,
            "stderr": err[-2000:]}


def report(corpus: Path, out: Path, store: Path, *extra: str, python: str = sys.executable,
           env: dict | None = None, cwd: Path | None = None) -> dict:
    cmd = [python, "-m", "analysis", "report", str(corpus), "--out", str(out), "--articles", "none",
           *(["--store", str(store)] if store is not None else []), *extra]
    started = time.time()
    result = timed(cmd, env=env, cwd=cwd)
    run_json = out / "run.json"
    written = run_json.exists() and run_json.stat().st_mtime >= started    # else: replayed, nothing written
    result["timings"] = json.loads(run_json.read_text())["timings"] if written else {}
    return result


def _line(label: str, r: dict, n: int | None = None) -> str:
    t = r["timings"]
    rate = f"  {n / t['analysis']:.2f} articles/s (analysis phase)" if n and t.get("analysis") else ""
    return (f"{label}: {r['seconds']:.1f} s wall (status {r['status']}), phases "
            f"{', '.join(f'{k} {v:.1f} s' for k, v in t.items())}; peak memory {r['peak_mb']:.0f} MB{rate}")


def scale(args) -> int:
    work = args.work
    corpus = build_corpus(work / f"corpus-{args.n}", args.n)
    store, out = work / f"store-{args.n}", work / f"out-{args.n}"
    first = report(corpus, out, store, *args.extra)
    print(_line(f"N={args.n} first run", first, args.n), flush=True)
    again = report(corpus, out, store, *args.extra)
    print(_line(f"N={args.n} unchanged re-run", again) +
          f"  = {again['seconds'] / first['seconds']:.1%} of the first run", flush=True)
    build_corpus(corpus, ADDED, start=10**6)
    added = report(corpus, out, store, *args.extra)
    per_article = first["timings"]["analysis"] / args.n
    allowance = 0.05 * first["seconds"] + ADDED * per_article
    print(_line(f"N={args.n} + {ADDED} new", added) +
          f"  target <= 5% of first ({0.05 * first['seconds']:.1f} s) + {ADDED} x {per_article:.3f} s "
          f"= {allowance:.1f} s", flush=True)
    for r in (first, again, added):
        if r["status"] not in (0, 1):
            print(r["stderr"], file=sys.stderr)
    return 0


def engines(args) -> int:
    corpus = build_corpus(args.work / f"engines-{args.n}", args.n, start=2 * 10**6)
    rows = []
    for label, extra in (("local engine, 2 processes", ["--engine", "local", "--workers", "2"]),
                         ("dask LocalCluster, 2 workers x 1 thread", ["--engine", "dask", "--workers", "2"]),
                         ("dask LocalCluster, 1 worker x 1 thread", ["--engine", "dask", "--workers", "1"])):
        with tempfile.TemporaryDirectory(dir=args.work) as tmp:
            r = report(corpus, Path(tmp) / "out", Path(tmp) / "store", *extra)
        rows.append((label, r))
        print(_line(label, r, args.n), flush=True)
    rates = [args.n / r["timings"]["analysis"] for _, r in rows]
    print(f"dask 2 workers / local: {rates[1] / rates[0]:.2f}x; dask 2 workers / dask 1 worker: "
          f"{rates[1] / rates[2]:.2f}x")
    return 0


def baseline(args) -> int:
    """Runs of the 171 Wikinews articles and of the seed, earlier code against this checkout,
    alternating: cold (a fresh store each), or with ``--warm`` into a fresh output folder on a store
    that an untimed run of the same side filled first (the notebooks and pages run, nothing is
    analysed)."""
    seed = ROOT / "seeds"
    paths = {"base": str(args.base), "this": str(ROOT)}
    for label, corpus in (("171 Wikinews", DATA), ("seed", seed)):
        times: dict[str, list[float]] = {"base": [], "this": []}
        with tempfile.TemporaryDirectory(dir=args.work) as stores:
            # each side its own store, given by environment (older code has no --store)
            envs = {side: dict(os.environ, PYTHONPATH=path, ANALYSIS_STORE=str(Path(stores) / side))
                    for side, path in paths.items()}
            if args.warm:
                for side, env in envs.items():
                    report(corpus, Path(stores) / f"prime-{side}", None, *args.extra, env=env, cwd=Path(stores))
            for _ in range(args.repeat):
                for side in ("base", "this"):
                    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
                        env = envs[side] if args.warm else dict(envs[side], ANALYSIS_STORE=str(Path(tmp) / "store"))
                        r = report(corpus, Path(tmp) / "out", None, *args.extra, env=env, cwd=Path(tmp))
                        times[side].append(r["seconds"])
                        print(_line(f"{label} {side}", r), flush=True)
        base, this = min(times["base"]), min(times["this"])
        print(f"{label} ({'warm' if args.warm else 'cold'}): best of {args.repeat}: base {base:.1f} s, "
              f"this {this:.1f} s, this / base = {this / base:.2f}", flush=True)
    return 0


def synthetic_store(source: Path, corpus_m: Path, corpus_n: Path, target: Path, *, m: int) -> int:
    """Write into ``target`` a store holding an analysis for every article of ``corpus_n``: the rows
    of article ``i mod m`` of ``corpus_m`` (analysed in ``source``) under article ``i``'s key."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from analysis.engine import key_of
    from analysis.ingest import iter_articles
    from analysis.nlp import DEFAULT_MODEL
    from analysis.store import TABLES, Store
    from analysis.workbook import code_version

    version, store = code_version(), Store(source)
    stored = store.read("articles")           # by content hash: the source may be of an earlier code version
    by_sha = dict(zip(stored.column("sha256").to_pylist(), stored.column("key").to_pylist(), strict=True))
    old = [by_sha[a.sha256] for a in iter_articles([corpus_m])][:m]
    new = [key_of(a, code_version=version, model=DEFAULT_MODEL) for a in iter_articles([corpus_n])]
    copies = -(-len(new) // m)
    for table in (*[t for t in TABLES if t != "articles"], "articles"):     # articles last: they commit
        data = store.read(table)
        (target / table).mkdir(parents=True, exist_ok=True)
        for c in range(copies):
            mapping = {old[i]: new[c * m + i] for i in range(min(m, len(new) - c * m))}
            rows = data.filter(pa.array([k in mapping for k in data.column("key").to_pylist()]))
            to = [mapping[k] for k in rows.column("key").to_pylist()]
            rows = rows.set_column(rows.schema.get_field_index("key"), "key", pa.array([k.key for k in to]))
            rows = rows.set_column(rows.schema.get_field_index("batch"), "batch", pa.array([f"{c:016x}"] * len(to)))
            if table == "articles":
                rows = rows.set_column(rows.schema.get_field_index("sha256"), "sha256",
                                       pa.array([k.sha256 for k in to]))
            pq.write_table(rows, target / table / f"part-{c:016x}.parquet", compression="zstd")
    return len(new)


def synthetic(args) -> int:
    m, n = args.from_n, args.n
    corpus_m = args.work / f"corpus-{m}"
    if not corpus_m.is_dir():
        print(f"run `scale --n {m}` in {args.work} first", file=sys.stderr)
        return 2
    corpus = build_corpus(args.work / f"synthetic-{n}", n)
    store, out = args.work / f"store-synthetic-{n}", args.work / f"out-synthetic-{n}"
    start = time.perf_counter()
    synthetic_store(args.work / f"store-{m}", corpus_m, corpus, store, m=m)
    print(f"store of {n} analyses made from {m} in {time.perf_counter() - start:.1f} s", flush=True)
    first = report(corpus, out, store, *args.extra)
    print(_line(f"N={n} from the store (notebooks only)", first), flush=True)
    estimate = n / args.rate + first["seconds"]
    print(f"N={n} first run, estimated: {n} / {args.rate} articles/s + {first['seconds']:.1f} s = {estimate:.0f} s",
          flush=True)
    again = report(corpus, out, store, *args.extra)
    print(_line(f"N={n} unchanged re-run", again) + f"  = {again['seconds'] / estimate:.1%} of the estimate",
          flush=True)
    build_corpus(corpus, ADDED, start=10**6)
    added = report(corpus, out, store, *args.extra)
    allowance = 0.05 * estimate + ADDED / args.rate
    print(_line(f"N={n} + {ADDED} new", added) + f"  target <= 5% of the estimate + {ADDED} / {args.rate} "
          f"= {allowance:.1f} s", flush=True)
    return 0


def reruns(args) -> int:
    """The 171 Wikinews articles on a warm store (an untimed run fills it first): ``--repeat`` times,
    a first run into a fresh output folder, then the same run again, unchanged."""
    shares = []
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        store = Path(tmp) / "store"
        report(DATA, Path(tmp) / "prime", store, *args.extra)
        for i in range(args.repeat):
            out = Path(tmp) / f"out-{i}"
            first = report(DATA, out, store, *args.extra)
            again = report(DATA, out, store, *args.extra)
            shares.append(again["seconds"] / first["seconds"])
            print(_line("171 Wikinews first run", first), flush=True)
            print(_line("171 Wikinews unchanged re-run", again) + f"  = {shares[-1]:.1%} of the first run", flush=True)
    shares.sort()
    print(f"unchanged re-run / first run over {len(shares)} pairs: median {shares[len(shares) // 2]:.1%}, "
          f"worst {shares[-1]:.1%}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("scale", "engines", "baseline", "synthetic", "reruns"))
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--work", type=Path, default=None, help="working folder (default: a new temporary one)")
    ap.add_argument("--base", type=Path, help="baseline: a checkout of the code to compare with")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--warm", action="store_true", help="baseline: on a store filled by an earlier run")
    ap.add_argument("--from-n", type=int, default=2000, help="synthetic: the N of the earlier scale run")
    ap.add_argument("--rate", type=float, help="synthetic: the articles/s of that run")
    args, extra = ap.parse_known_args(argv)
    args.extra = [a for a in extra if a != "--"]        # more options for `analysis report`, after --
    args.work = (args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))).resolve()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"working folder {args.work}", flush=True)
    return {"scale": scale, "engines": engines, "baseline": baseline, "synthetic": synthetic,
            "reruns": reruns}[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
