"""The report folder always holds one whole run: staging, the swap, the lock, kills and full disks."""
from __future__ import annotations

import csv
import errno
import hashlib
import io
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.report import build, phases, publish

ARTICLE = "{title}\n\nThe {title} council met on Monday, the mayor said.\n"


def seeds(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLE.format(title=name.title()), encoding="utf-8")
    return folder


def fake_run(out: Path, ids: list[str]) -> dict[str, str]:
    """A previous run's folder (index, run.json, articles.csv, pages) and the hash of every file in it."""
    (out / "data").mkdir(parents=True)
    (out / "articles").mkdir()
    (out / "index.html").write_text("".join(f'<a href="articles/{i}.html">{i}</a>' for i in ids), encoding="utf-8")
    (out / "run.json").write_text("{}", encoding="utf-8")
    (out / "data" / "articles.csv").write_text("article_id\n" + "".join(f"{i}\n" for i in ids), encoding="utf-8")
    for i in ids:
        (out / "articles" / f"{i}.html").write_text(i, encoding="utf-8")
    return snapshot(out)


def snapshot(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and ".cache" not in p.parts}


def whole_run(out: Path) -> set[str]:
    """The article ids of the one run ``out`` holds; fails if index, CSVs and pages disagree."""
    index = (out / "index.html").read_text(encoding="utf-8")
    with open(out / "data" / "articles.csv", encoding="utf-8", newline="") as fh:
        ids = {row["article_id"] for row in csv.DictReader(fh)}
    linked = set(re.findall(r'href="articles/([^"]+)\.html"', index))
    pages = {p.stem for p in (out / "articles").glob("*.html")} if (out / "articles").exists() else set()
    assert linked == pages == ids, (linked, pages, ids)
    assert not [p for p in out.rglob("*") if ".tmp" in p.name], "temporary files in the published run"
    return ids


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.glob(f".{out.name}.*") if not p.name.endswith(".lock"))


# --------------------------------------------------------------------------- publish, in process
def test_second_run_is_refused_while_the_folder_is_locked(tmp_path):
    out = tmp_path / "reports"
    stream = io.StringIO()
    with publish.locked(out):
        status = build.build_reports(str(seeds(tmp_path / "in", ["a"])), out=out, stream=stream)
    assert status == 2
    assert "another run" in stream.getvalue() and "--wait" in stream.getvalue()
    assert not out.exists()


def test_kill_between_the_fallback_renames_is_completed(tmp_path):
    out = tmp_path / "reports"
    before = fake_run(tmp_path / ".reports.old-99", ["a", "b"])
    (tmp_path / ".reports.staging-98").mkdir()
    publish.recover(out)
    assert snapshot(out) == before and leftovers(out) == []


def test_kill_after_the_exchange_is_completed(tmp_path):
    out = tmp_path / "reports"
    fake_run(out, ["new"])
    old = tmp_path / ".reports.old-99"
    fake_run(old, ["a"])
    (old / ".cache").mkdir()
    publish.recover(out)
    assert whole_run(out) == {"new"} and (out / ".cache").is_dir() and leftovers(out) == []


def test_a_folder_that_holds_no_report_is_refused(tmp_path):
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.docx").write_text("mine", encoding="utf-8")
    stream = io.StringIO()
    status = build.build_reports(str(seeds(tmp_path / "in", ["a"])), out=out, stream=stream)
    assert status == 2 and "holds no earlier report" in stream.getvalue()
    assert (out / "thesis.docx").exists()


def test_full_disk_leaves_the_previous_run_untouched(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    before = fake_run(out, ["a", "b"])

    def full(tables, out_dir):
        (Path(out_dir) / "articles.csv").parent.mkdir(parents=True, exist_ok=True)
        (Path(out_dir) / "articles.csv").write_text("article_id\nhalf", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device", str(out_dir))

    monkeypatch.setattr(phases, "export_csv", full)
    stream = io.StringIO()
    status = build.build_reports(str(seeds(tmp_path / "in", ["c"])), out=out, stream=stream)
    assert status == 1 and "No space left on device" in stream.getvalue()
    assert "left as they were" in stream.getvalue()
    assert snapshot(out) == before and leftovers(out) == []


def test_an_unexpected_failure_leaves_the_previous_run_untouched(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    before = fake_run(out, ["a"])
    monkeypatch.setattr(phases, "render_index", lambda **kw: 1 / 0)
    monkeypatch.setattr(phases, "_jobs", lambda base, **kw: [])
    with pytest.raises(ZeroDivisionError):
        build.build_reports(str(seeds(tmp_path / "in", ["c"])), out=out, stream=io.StringIO())
    assert snapshot(out) == before and leftovers(out) == []


# --------------------------------------------------------------------------- real runs, killed
def _start(in_dir: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "analysis", "report", str(in_dir), "--out", str(out),
                             "--articles", "all", *extra], stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))


def _kill_at(proc: subprocess.Popen, marker: str) -> bool:
    """Read progress lines until ``marker`` shows, then kill -9; False if the run ended first."""
    for line in proc.stderr:
        if marker in line:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return True
    proc.wait()
    return False


@pytest.mark.slow
@pytest.mark.parametrize("marker", ["analysing", "notebooks 1/", "as HTML", "publishing"])
def test_kill_9_at_each_phase_leaves_one_whole_run(tmp_path, marker):
    out = tmp_path / "reports"
    first = _start(seeds(tmp_path / "one", ["alpha", "beta"]), out)
    first.communicate()
    assert whole_run(out) == {"alpha", "beta"}
    before = snapshot(out)
    killed = _kill_at(_start(seeds(tmp_path / "two", ["gamma", "delta", "eps"]), out), marker)
    assert killed, f"the run ended before {marker!r}"
    held = whole_run(out)
    if held == {"alpha", "beta"}:
        assert snapshot(out) == before, "the previous run was changed"
    else:
        assert marker == "publishing" and held == {"gamma", "delta", "eps"}
    third = _start(tmp_path / "two", out)
    third.communicate()
    assert whole_run(out) == {"gamma", "delta", "eps"} and leftovers(out) == []


@pytest.mark.slow
def test_two_concurrent_runs_into_one_folder(tmp_path):
    out = tmp_path / "reports"
    runs = {"one": {"alpha", "beta"}, "two": {"gamma", "delta", "eps"}}
    procs = {name: _start(seeds(tmp_path / name, sorted(ids)), out) for name, ids in runs.items()}
    errs = {name: p.communicate()[1] for name, p in procs.items()}
    codes = {name: p.returncode for name, p in procs.items()}
    assert sorted(codes.values()) == [0, 2], (codes, errs)
    loser = next(name for name, code in codes.items() if code == 2)
    winner = next(name for name, code in codes.items() if code == 0)
    assert "another run" in errs[loser]
    assert whole_run(out) == runs[winner]
    c = _start(tmp_path / "two", out, "--wait")
    d = _start(tmp_path / "one", out, "--wait")
    c.communicate()
    d.communicate()
    assert c.returncode == 0 and d.returncode == 0
    assert whole_run(out) in ({"alpha", "beta"}, {"gamma", "delta", "eps"}) and leftovers(out) == []
