"""Every notebook runs through papermill on a tiny seed folder, and the notebooks stay thin."""
from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ["timeline", "sources", "article"]
PARAM_LINE = re.compile(r"^(\w+): ([\w |]+) = (.+?)  # (.+)$")

HOSTILE = ("Harbour <script>alert(1)</script> reopens\n\n"
           "The port authority said on Monday that the harbour would reopen in March, costing $x$ dollars. "
           "<img src=x onerror=alert(1)> *bold* `code` \\begin{equation}\n\n"
           "# not a heading\n")


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    (folder / "harbour.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


def _load(name: str):
    """The notebook as committed (``git show HEAD:``), not the working copy someone is exploring in."""
    text = subprocess.run(["git", "show", f"HEAD:notebooks/{name}.ipynb"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    return nbformat.reads(text, as_version=4)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_thin(name):
    nb = _load(name)
    first = nb.cells[0]
    assert first.cell_type == "code" and "parameters" in first.metadata.get("tags", [])
    names = [PARAM_LINE.match(line).group(1) for line in first.source.splitlines()]   # every line has the shape
    assert names[:6] == ["seeds", "published", "store", "model", "max_bytes", "data_dir"]
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert not cell.get("outputs") and cell.get("execution_count") is None, "committed with outputs"
        assert len(cell.source.splitlines()) <= 10
        code = "\n".join(line for line in cell.source.splitlines() if not line.startswith("%"))
        tree = ast.parse(code)
        assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]
    assert any(c.cell_type == "markdown" for c in nb.cells)


def test_article_notebook_takes_article_id():
    assert "article_id: str | None = None" in _load("article").cells[0].source


def _run(name: str, seed_dir: Path, tmp_path: Path, **params) -> nbformat.NotebookNode:
    import papermill

    out = tmp_path / f"{name}.ipynb"
    papermill.execute_notebook(str(ROOT / "notebooks" / f"{name}.ipynb"), str(out), kernel_name="python3",
                               parameters={"seeds": str(seed_dir), "store": str(seed_dir.parent / "store"),
                                           **params},
                               progress_bar=False, cwd=str(tmp_path))
    return nbformat.read(out, as_version=4)


def _html_outputs(nb) -> str:
    return "\n".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", []))


def _errors(nb) -> list:
    return [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]


def test_timeline_notebook_runs_and_exports(seed_dir, tmp_path):
    nb = _run("timeline", seed_dir, tmp_path, data_dir=str(tmp_path / "data"), published="2023-03-03")
    assert not _errors(nb)
    assert (tmp_path / "data" / "timeline.json").exists()
    html = _html_outputs(nb)
    assert "harbour" in html and "<script>alert" not in html


def test_sources_notebook_runs(seed_dir, tmp_path):
    nb = _run("sources", seed_dir, tmp_path)
    assert not _errors(nb)
    assert any("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


def test_article_notebook_shows_escaped_text(seed_dir, tmp_path):
    nb = _run("article", seed_dir, tmp_path, article_id="harbour")
    assert not _errors(nb)
    html = _html_outputs(nb)
    assert "hl-article" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "<img src=x" not in html and "$x$" in html
