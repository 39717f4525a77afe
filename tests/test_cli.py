"""The ``analysis`` command: extract to JSON lines or Parquet, usage errors, exit statuses."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis.cli import main

TEXT = "Storm hits coast\n\nA storm hit the coast on Monday, officials said.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "storm.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_extract_prints_one_json_line_per_article(article, tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    status = main(["extract", str(article), str(tmp_path / "empty.txt"), "--published", "2023-03-02"])
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 1                                     # the empty file failed, the other was still written
    good = next(r for r in lines if r["article_id"] == "storm")
    assert good["published"] == "2023-03-02" and good["title"] == "Storm hits coast"
    assert good["text"] == TEXT and good["error"] is None
    assert {"paragraphs", "sentences", "timexes", "entities", "attributions", "events"} <= set(good)
    assert good["source_path"].endswith("storm.txt")
    bad = next(r for r in lines if r["article_id"] != "storm")
    assert bad["error"] and "empty.txt" in err and err.startswith("analysis: error: ")


def test_extract_parquet(article, tmp_path):
    out = tmp_path / "out.parquet"
    assert main(["extract", str(article), "--format", "parquet", "--out", str(out)]) == 0
    df = pd.read_parquet(out)
    assert list(df["article_id"]) == ["storm"]
    assert isinstance(json.loads(df["paragraphs"].iloc[0]), list)


@pytest.mark.parametrize("argv, message", [
    (["extract", "no/such/file.txt"], "no/such/file.txt"),
    (["extract", "{article}", "--published", "yesterday"], "YYYY-MM-DD"),
    (["extract", "{article}", "--format", "parquet"], "--out"),
    (["report", "{article}", "-p", "colour", "red"], "unknown parameter"),
    (["extract", "{article}", "--published", "2023-03-02garbage"], "YYYY-MM-DD"),
    (["extract", "{article}", "--max-bytes", "-5"], "--max-bytes: -5 must be a positive number"),
    (["extract", "{article}", "--time-limit", "0"], "--time-limit"),
    (["report", "{article}", "--max-bytes", "-5"], "--max-bytes"),
    (["report", "{article}", "-p", "published", "2023-03-02garbage"], "YYYY-MM-DD"),
    (["report", "{article}", "-p", "max_bytes", "-5"], "max_bytes"),
])
def test_usage_errors_exit_2(argv, message, article, capsys):
    status = main([a.replace("{article}", str(article)) for a in argv])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("analysis: error: ") and message in err


def test_bad_option_exits_2_through_python_m(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "analysis", "report", "--articles", "some"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2 and "--articles" in proc.stderr


def test_extract_is_strict_json_for_huge_numbers(tmp_path, capsys):
    path = tmp_path / "debt.txt"
    path.write_text("Debt\n\nThe debt reached " + "9" * 400 + " dollars, officials said.\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out
    record = json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))
    assert any(q["number"] is None for q in record["quantities"]) or not record["quantities"]
