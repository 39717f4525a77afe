"""The ``analysis`` command: ``extract`` (articles to JSON lines or Parquet) and ``report`` (the HTML reports).

This is the one place that decides how loud to be and what the exit status is: 0 everything
succeeded, 1 some inputs or notebooks failed (the rest is still written), 2 a usage error.
Errors print ``analysis: error: <message naming the file>`` on stderr.
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from .engine import ENGINES
from .errors import DEFAULT_TIME_LIMIT, AnalysisError, ModelError, ParameterError
from .ingest import DEFAULT_MAX_BYTES
from .nlp import DEFAULT_MODEL

LOGGER = logging.getLogger(__name__)
PROG = "analysis"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
LIST_FIELDS = ("paragraphs", "sentences", "timexes", "entities", "quantities", "attributions", "events")


def _error(message: str) -> None:
    sys.stderr.write(f"{PROG}: error: {message}\n")


def _check(args) -> None:
    """Values argparse cannot check: positive limits, a whole ISO date."""
    from .ingest import parse_published

    for name in ("max_bytes", "time_limit", "workers"):
        value = getattr(args, name, None)
        if value is not None and not 0 < value < float("inf"):
            raise ParameterError(f"--{name.replace('_', '-')}: {value} must be a positive number")
    parse_published(getattr(args, "published", None), name="--published")


def _common(p: argparse.ArgumentParser, *, max_bytes_default) -> None:
    p.add_argument("--model", default=DEFAULT_MODEL, metavar="NAME", help=f"spaCy pipeline (default {DEFAULT_MODEL})")
    p.add_argument("--max-bytes", type=int, default=max_bytes_default, metavar="N",
                   help=f"files larger than N bytes are reported as errors (default {DEFAULT_MAX_BYTES:,})")
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help="an article whose analysis takes longer becomes an error record "
                        f"(default {DEFAULT_TIME_LIMIT:g})")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Timelines and source charts from news articles.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="analyse articles and print one JSON object per article",
                        description="Analyse articles (files or folders) and print one JSON line per article: "
                                    "the analysis dict plus article_id, title, source_path and error.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    ex.add_argument("--published", metavar="DATE", help="reference date YYYY-MM-DD for articles without one")
    ex.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="output format (default jsonl)")
    ex.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout (required for parquet)")
    _common(ex, max_bytes_default=DEFAULT_MAX_BYTES)
    ex.set_defaults(func=_extract)

    rp = sub.add_parser("report", help="build the HTML reports",
                        description="Analyse the articles once, run the notebooks, and render offline HTML "
                                    "reports with an index.")
    rp.add_argument("seeds", nargs="*", default=["seeds"], metavar="SEEDS",
                    help="article files or folders (default: seeds)")
    rp.add_argument("--out", default="reports", help="report folder (default: reports)")
    rp.add_argument("--articles", choices=("auto", "all", "none"), default="auto",
                    help="article pages: auto and all write a page for every article (unchanged pages are "
                         "kept from the previous run); none writes none (default auto)")
    rp.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("KEY", "VALUE"),
                    help="a notebook parameter, e.g. -p published 2023-03-02")
    rp.add_argument("--quiet", action="store_true", help="print nothing but errors")
    rp.add_argument("--wait", action="store_true",
                    help="if another run is writing the report folder, wait for it (default: refuse)")
    _common(rp, max_bytes_default=None)
    _store_option(rp)
    rp.add_argument("--engine", choices=ENGINES, default="local",
                    help="where the analysis runs: local processes, or a Dask cluster (default local)")
    rp.add_argument("--scheduler", metavar="ADDRESS",
                    help="--engine dask: the scheduler of a running cluster, e.g. tcp://host:8786 "
                         "(default: a LocalCluster on this machine)")
    rp.add_argument("--workers", type=int, metavar="N",
                    help="local processes, or the workers of a LocalCluster (default: one per core)")
    rp.set_defaults(func=_report)

    pr = sub.add_parser("prune", help="clear old analyses from the store",
                        description="Remove from the store the analyses made by another version of the code "
                                    "and, when SEEDS are given, every analysis that is not of these inputs.")
    pr.add_argument("seeds", nargs="*", metavar="SEEDS", help="the inputs whose analyses to keep")
    pr.add_argument("--published", metavar="DATE", help="reference date YYYY-MM-DD, as given to report")
    _common(pr, max_bytes_default=DEFAULT_MAX_BYTES)
    _store_option(pr)
    pr.set_defaults(func=_prune)
    return parser


def _store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="DIR",
                   help="the analysis store: a folder or an fsspec URL such as s3://bucket/store "
                        "(default: $ANALYSIS_STORE, else ~/.cache/news-analysis-workbook/store)")


# --------------------------------------------------------------------------- extract
def _records(args) -> tuple[list[dict], int]:
    from .ingest import parse_published, read_articles
    from .pipeline import analyze_articles

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise ParameterError(f"{missing[0]}: no such file or folder")
    articles = read_articles(args.paths, max_bytes=args.max_bytes, published=parse_published(args.published))
    by_id = {a.article_id: a for a in articles}
    records, failed = [], 0
    for article_id, analysis, error in analyze_articles(articles, model=args.model, time_limit=args.time_limit):
        a = by_id[article_id]
        record = {"article_id": article_id, "title": a.title, "source_path": a.source_path, "error": error}
        if analysis is not None:
            record.update(analysis.to_dict())
            record["article_id"] = article_id
        else:
            failed += 1
            _error(error if a.source_path and a.source_path in str(error) else f"{a.source_path}: {error}")
        records.append(record)
    return records, failed


def _extract(args) -> int:
    from .tables import finite, to_json, write_atomic

    if args.format == "parquet" and not args.out:
        raise ParameterError("--format parquet needs --out FILE")
    records, failed = _records(args)
    if args.format == "jsonl":
        lines = "".join(to_json(r) + "\n" for r in records)
        if args.out:
            write_atomic(args.out, lines)
        else:
            sys.stdout.write(lines)
    else:
        import io

        import pandas as pd

        rows = [{k: (to_json(v) if k in LIST_FIELDS else finite(v)) for k, v in r.items()} for r in records]
        buf = io.BytesIO()
        pd.DataFrame(rows).to_parquet(buf, index=False)
        write_atomic(args.out, buf.getvalue())
    return EXIT_FAILED if failed else EXIT_OK


# --------------------------------------------------------------------------- report
def _report(args) -> int:
    # jsonschema (under nbformat, under papermill and nbconvert) imports rfc3987_syntax when it is
    # installed (JupyterLab's dependencies pull it in), which builds ~35 Earley parsers at import:
    # about 2 s of every run (python-jsonschema/jsonschema#1428), for IRI checks that no notebook
    # schema uses. This command's process goes without them.
    sys.modules.setdefault("rfc3987_syntax", None)
    from .report import build_reports

    params = dict(args.parameter)
    if args.max_bytes is not None:
        params["max_bytes"] = str(args.max_bytes)
    return build_reports(args.seeds if len(args.seeds) > 1 else args.seeds[0], out=args.out,
                         articles=args.articles, params=params, quiet=args.quiet, model=args.model,
                         time_limit=args.time_limit, wait=args.wait, store=args.store, engine=args.engine,
                         scheduler=args.scheduler, workers=args.workers)


# --------------------------------------------------------------------------- prune
def _prune(args) -> int:
    from .corpus import prune

    missing = [p for p in args.seeds if not Path(p).exists()]
    if missing:
        raise ParameterError(f"{missing[0]}: no such file or folder")
    done = prune(args.seeds or None, store=args.store, published=args.published, model=args.model,
                 max_bytes=args.max_bytes)
    sys.stderr.write(f"{PROG}: kept {done.analyses_kept} analyses, removed {done.analyses_dropped} "
                     f"({done.files_rewritten} files rewritten, {done.files_removed} removed)\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR if getattr(args, "quiet", False) else logging.WARNING,
                        format=f"{PROG}: %(levelname)s: %(message)s", stream=sys.stderr)
    try:
        _check(args)
        return args.func(args)
    except (ParameterError, ModelError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    except AnalysisError as exc:
        _error(str(exc))
        return EXIT_FAILED
    except OSError as exc:
        _error(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        return EXIT_FAILED
