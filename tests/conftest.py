"""Shared fixtures: the spaCy pipeline is loaded once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
SEED = ROOT / "seeds" / "000_bed5df20204cb2b2.txt"


@pytest.fixture(scope="session", autouse=True)
def analysis_store(tmp_path_factory):
    """Every run of the tests keeps its analyses in a store of its own, never the user's."""
    path = tmp_path_factory.mktemp("store")
    previous = os.environ.get("ANALYSIS_STORE")
    os.environ["ANALYSIS_STORE"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("ANALYSIS_STORE", None)
    else:
        os.environ["ANALYSIS_STORE"] = previous


@pytest.fixture(scope="session")
def nlp():
    from analysis.nlp import load_model
    return load_model()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(seed_text):
    import analysis
    return analysis.analyze(seed_text)
