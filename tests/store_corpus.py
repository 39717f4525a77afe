"""A small corpus analysed into a store, shared by the store, query and engine tests."""
from __future__ import annotations

import math
from pathlib import Path

from analysis import engine as engines
from analysis.ingest import read_articles
from analysis.nlp import DEFAULT_MODEL
from analysis.queries import Corpus, manifest_row
from analysis.store import RECORDS, Store
from analysis.workbook import code_version

ROOT = Path(__file__).resolve().parent.parent
PATHS = [ROOT / "tests" / "cases" / "corpus_small.jsonl", ROOT / "seeds"]
TABLES = ("articles", *RECORDS)


def run(store: Store, engine, paths=PATHS, **kwargs):
    """Analyse ``paths`` into ``store`` with ``engine``; the plan, the errors and the run's Corpus."""
    manifest: list[dict] = []
    plan, errors = engines.analyse(lambda: read_articles(paths), store=store, engine=engine, model=DEFAULT_MODEL,
                                   code_version=code_version(),
                                   on_article=lambda a, k: manifest.append(manifest_row(a, k, len(manifest))),
                                   **kwargs)
    return plan, errors, Corpus(store, manifest)


def plain(value):
    """A cell as plain Python, so that frames from pandas and from DuckDB compare equal."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def records(frame) -> list[dict]:
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
