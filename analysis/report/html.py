"""Executed notebooks into self-contained, offline HTML: no input cells, no prompts, nothing from
another host (the stock templates load require.js and MathJax from a CDN; ours does not)."""
from __future__ import annotations

import copy
import logging
import re
from pathlib import Path

LOGGER = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_NAME = "offline"
# A script, stylesheet, image or frame whose source is on another host.
REMOTE_RE = re.compile(r"""<(?:script|link|img|iframe|embed|source|video|audio)\b[^>]*?\b(?:src|href)\s*=\s*["']?"""
                       r"""\s*(?:https?:)?//""", re.I)
_CSS_IMPORT_RE = re.compile(r"@import\s+(?:url\()?\s*[\"']?\s*(?:https?:)?//", re.I)


class Renderer:
    """One nbconvert ``HTMLExporter`` for many notebooks (building it reads the templates once)."""

    def __init__(self) -> None:
        from nbconvert import HTMLExporter

        self.exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name=TEMPLATE_NAME,
                                     exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                                     embed_images=True, sanitize_html=False)

    def render(self, nb, *, title: str, index_href: str = "index.html", failed: str | None = None) -> str:
        """The HTML page of an executed notebook (``nb`` is a ``NotebookNode``)."""
        nb = copy.deepcopy(nb)
        nb.metadata["title"] = title
        nb.metadata.pop("widgets", None)
        describe_images(nb)
        body, _ = self.exporter.from_notebook_node(nb, resources={"index_href": index_href, "failed": failed})
        leaks = remote_resources(body)
        if leaks:   # a template change upstream must never make a report load from another host
            LOGGER.warning("removing %d remote resource(s) from %s", len(leaks), title)
            body = strip_remote(body)
        return body


def describe_images(nb) -> None:
    """Give every image output an alternative text: the heading of the section it appears in."""
    heading = "chart"
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            lines = [ln.lstrip("#").strip() for ln in cell.source.splitlines() if ln.startswith("#")]
            heading = f"Chart: {lines[-1]}" if lines else heading
            continue
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                output.setdefault("metadata", {}).setdefault("image/png", {})["alt"] = heading


def remote_resources(page: str) -> list[str]:
    """The tags and CSS imports in ``page`` that would load something from another host."""
    return [m.group(0) for m in REMOTE_RE.finditer(page)] + [m.group(0) for m in _CSS_IMPORT_RE.finditer(page)]


def strip_remote(page: str) -> str:
    """``page`` without the tags that load from another host."""
    page = re.sub(r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script>", "", page, flags=re.I)
    page = re.sub(r"<(?:link|img|iframe|embed|source)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>",
                  "", page, flags=re.I)
    return _CSS_IMPORT_RE.sub("@import url(about:blank", page)
