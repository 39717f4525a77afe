"""Article pages in bulk: the article notebook, run in this process once per article.

papermill and nbconvert cost about a second per notebook, so a page per article took minutes on a
corpus. Here the cells of ``notebooks/article.ipynb`` are compiled once and run for each article in
a fresh namespace (the parameters cell, then the builder's values, as papermill injects them), and
what each cell shows (the HTML of its last expression, as Jupyter displays it; markdown cells
rendered once) is laid out in a light offline page. The page is therefore what the notebook shows
in JupyterLab, without the code.

A page is rendered again only when its key changes: the article's content hash, reference date,
title and URL, the code (:func:`.reuse.code_digest`), the notebook and the parameters
(``articles/.pages.json`` keeps the keys).
Pages carry a Content-Security-Policy that allows no script and nothing from another host.
"""
from __future__ import annotations

import ast
import base64
import hashlib
import io
import json
import logging
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from ..evidence import esc, page_name
from ..tables import write_atomic
from ..workbook import PROJECT_ROOT
from .reuse import code_digest, link_or_copy

LOGGER = logging.getLogger(__name__)

NOTEBOOK = PROJECT_ROOT / "notebooks" / "article.ipynb"
ARTICLES = "articles"
MANIFEST = ".pages.json"
CHUNK = 200             # pages rendered from one read of their articles' rows
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
PAGE_CSS = """
body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 0 1em 3em; }
.report-nav { font: 13px sans-serif; padding: 8px 0; border-bottom: 1px solid #ddd; margin-bottom: 12px; }
.report-failed { background: #fde3cf; border: 1px solid #D55E00; padding: 8px; font: 13px sans-serif; }
.nb-md h2 { margin: 1.4em 0 .3em; font-size: 1.25em; } .nb-md p { margin: .3em 0 .6em; max-width: 60em; }
.nb-out { margin: .4em 0; overflow-x: auto; } pre.nb-text { white-space: pre-wrap; font-size: 12px; }
img { max-width: 100%; }
"""


class Cell(NamedTuple):
    """One cell, ready to run: markdown as HTML, or code split into its body and a last expression."""
    html: str = ""
    body: Any = None          # a code object, or None
    last: Any = None          # the last expression's code object when the cell shows it


def _markdown(source: str) -> str:
    import mistune

    return f'<div class="nb-md">{mistune.create_markdown(escape=True)(source)}</div>'


def _compile(source: str, name: str) -> Cell:
    """A code cell as IPython runs it: magics (``%...``) dropped, the last expression's value shown
    unless the cell ends with ``;``."""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("%"))
    tree = ast.parse(code, filename=name)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not code.rstrip().endswith(";"):
        last = compile(ast.Expression(tree.body.pop().value), name, "eval")
    return Cell(body=compile(tree, name, "exec"), last=last)


@dataclass
class Notebook:
    """A notebook compiled once: its parameters cell and the cells after it."""
    path: Path
    parameters: Cell
    cells: list[Cell]
    digest: str

    @classmethod
    def load(cls, path: Path = NOTEBOOK) -> Notebook:
        params, cells = Cell(), []
        for i, c in enumerate(read_notebook(path)["cells"]):
            if c.get("cell_type") == "markdown":
                cells.append(Cell(html=_markdown(cell_source(c))))
            elif c.get("cell_type") == "code":
                cell = _compile(cell_source(c), f"<{path.name} cell {i}>")
                if "parameters" in c.get("metadata", {}).get("tags", []):
                    params = cell
                else:
                    cells.append(cell)
        return cls(path, params, cells, hashlib.sha256(path.read_bytes()).hexdigest())


def read_notebook(path: Path) -> dict:
    """A notebook file (nbformat 4) as plain JSON: nbformat's schema validation costs seconds to import,
    and a notebook of our own needs none."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    if nb.get("nbformat") != 4 or not isinstance(nb.get("cells"), list):
        raise ValueError(f"{path} is not an nbformat 4 notebook")
    return nb


def cell_source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _shown(value: Any) -> str:
    """What Jupyter shows for a value: its HTML when it has one, else its text (escaped)."""
    if value is None:
        return ""
    if hasattr(value, "_repr_html_"):
        markup = value._repr_html_()
        if markup is not None:
            return markup
    return f'<pre class="nb-text">{esc(repr(value))}</pre>'


def _figures() -> str:
    """Any matplotlib figures a cell left open, as embedded PNGs (then closed), as the inline backend does."""
    if "matplotlib.pyplot" not in sys.modules:
        return ""
    plt = sys.modules["matplotlib.pyplot"]
    out = []
    for num in plt.get_fignums():
        buf = io.BytesIO()
        plt.figure(num).savefig(buf, format="png", bbox_inches="tight")
        out.append(f'<img alt="chart" src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}">')
    plt.close("all")
    return "".join(out)


def run(notebook: Notebook, params: dict) -> tuple[list[str], str | None]:
    """Run the notebook with ``params``; the HTML each cell shows, and why it stopped if it failed
    (the cells after a failing one do not run, as in papermill)."""
    ns: dict[str, Any] = {"__name__": "__main__"}
    outputs: list[str] = []
    try:
        if notebook.parameters.body is not None:
            exec(notebook.parameters.body, ns)   # noqa: S102  (our own notebook, as papermill would run it)
        ns.update(params)
        for cell in notebook.cells:
            if cell.body is None:
                outputs.append(cell.html)
                continue
            exec(cell.body, ns)   # noqa: S102
            shown = _shown(eval(cell.last, ns)) if cell.last is not None else ""   # noqa: S307
            shown += _figures()
            if shown:
                outputs.append(f'<div class="nb-out">{shown}</div>')
    except Exception as exc:   # noqa: BLE001  (any error of the notebook's code fails this page only)
        _figures()
        LOGGER.warning("article page failed: %s: %s", exc.__class__.__name__, exc)
        return outputs, f"{exc.__class__.__name__}: {exc}"
    return outputs, None


def page_html(outputs: Iterable[str], *, title: str, index_href: str = "../index.html",
              failed: str | None = None) -> str:
    """The offline page around a notebook's outputs."""
    note = f'<p class="report-failed">This page did not render to the end: {esc(failed)}</p>' if failed else ""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{PAGE_CSS}</style></head><body><main>"
            f'<nav class="report-nav"><a href="{esc(index_href)}">&larr; all reports</a></nav>{note}'
            f'{"".join(outputs)}</main></body></html>')


def page_key(article: dict, *, code: str, params: dict) -> str:
    """What a page depends on: the article's content and reference date, the code and the parameters."""
    parts = [str(article.get("sha256")), str(article.get("published")), str(article.get("title")),
             str(article.get("url")), code, json.dumps(params, sort_keys=True, default=str)]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass
class Pages:
    """What :func:`write_pages` did: pages rendered and reused, and the ones that failed (and why)."""
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    files: dict[str, str] = field(default_factory=dict)     # article_id -> "articles/<page>.html"


def _manifest(folder: Path) -> dict[str, str]:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _reuse(name: str, *, key: str, folder: Path, previous: Path, keys: dict[str, str]) -> bool:
    """Whether the page ``name`` with ``key`` is already there (in ``folder``, or in ``previous`` from
    where it is linked or copied)."""
    if keys.get(name) != key:
        return False
    target, old = folder / f"{name}.html", previous / f"{name}.html"
    if target.is_file():
        return True
    if not old.is_file():
        return False
    link_or_copy(old, target)
    return True


def write_pages(articles: pd.DataFrame, *, out: Path, params: dict, notebook: Notebook | None = None,
                previous: Path | None = None, progress: Callable[[int, int], None] | None = None,
                load: Callable[[list[int]], None] | None = None, chunk: int = CHUNK) -> Pages:
    """A page for every article that was read (``out/articles/<page>.html``), rendering only those
    whose key changed since the run that wrote ``previous`` (default: ``out``). ``params`` are the
    notebook's parameters; ``article_id`` is set per page. The pages to render go by ``chunk``
    articles: ``load(positions)`` is called first with their rows' positions in ``articles`` (it
    makes the notebook's data those articles' only, so memory does not grow with the corpus)."""
    start = time.perf_counter()
    notebook = notebook or Notebook.load()
    code = hashlib.sha256(f"{notebook.digest}|{code_digest(notebook.path.parent)}".encode()).hexdigest()
    folder = out / ARTICLES
    folder.mkdir(parents=True, exist_ok=True)
    old = (previous or out) / ARTICLES
    keys, new_keys, done = _manifest(old), {}, Pages()
    read = articles["error"].isna().to_numpy()
    rows = list(zip([i for i, ok in enumerate(read) if ok], articles[read].to_dict("records"), strict=True))
    todo = []
    for pos, row in rows:
        article_id = str(row["article_id"])
        name, key = page_name(article_id), page_key(row, code=code, params=params)
        done.files[article_id] = f"{ARTICLES}/{name}.html"
        if _reuse(name, key=key, folder=folder, previous=old, keys=keys):
            done.reused.append(article_id)
            new_keys[name] = key
            _step(progress, done, len(rows))
        else:
            todo.append((pos, row, name, key))
    for first in range(0, len(todo), chunk):
        part = todo[first:first + chunk]
        if load is not None:
            load([pos for pos, *_ in part])
        for _, row, name, key in part:
            _render(notebook, row, name=name, key=key, params=params, folder=folder, done=done, keys=new_keys)
            _step(progress, done, len(rows))
    write_atomic(folder / MANIFEST, json.dumps(new_keys, indent=0, sort_keys=True))
    done.seconds = time.perf_counter() - start
    return done


def _step(progress: Callable[[int, int], None] | None, done: Pages, total: int) -> None:
    if progress is not None:
        progress(len(done.rendered) + len(done.reused), total)


def _render(notebook: Notebook, row: dict, *, name: str, key: str, params: dict, folder: Path, done: Pages,
            keys: dict[str, str]) -> None:
    """Run the notebook for one article and write its page (marked failed if it did not run to the end)."""
    article_id = str(row["article_id"])
    outputs, error = run(notebook, dict(params, article_id=article_id))
    title = row.get("title") if isinstance(row.get("title"), str) and row["title"].strip() else article_id
    write_atomic(folder / f"{name}.html", page_html(outputs, title=title, failed=error))
    done.rendered.append(article_id)
    if error:
        done.failed[article_id] = error
    else:
        keys[name] = key
