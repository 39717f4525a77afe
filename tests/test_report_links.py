"""Every evidence link in the seed's reports leads to a sentence that says what the row says.

The reports are built once from ``seeds/``; every ``<a>`` to ``articles/<page>.html#s<n>`` (and to
``#s<n>`` on an article page) is followed: the target page exists, holds the anchor, and, for a link
whose text is a piece of the article (class ``ev-link``), the sentence contains the start of that text.
"""
from __future__ import annotations

import html
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.report import build
from analysis.workbook import PROJECT_ROOT

LINK = re.compile(r'<a class="(ev-link|ev-name)" href="([^"#]*)#(s\d+)"[^>]*>(.*?)</a>', re.S)
PREFIX = 40          # a row's text may run past its sentence (a quote over two sentences): its start may not


class Sentences(HTMLParser):
    """The text of every ``<span class="hl-s" id="s<n>">`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: dict[str, str] = {}
        self._open: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag != "span":
            return
        a = dict(attrs)
        self._open.append(a.get("id") if "hl-s" in (a.get("class") or "").split() else None)
        if self._open[-1]:
            self.text[self._open[-1]] = ""

    def handle_endtag(self, tag):
        if tag == "span" and self._open:
            self._open.pop()

    def handle_data(self, data):
        for ident in filter(None, self._open):
            self.text[ident] += data


def _norm(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).replace("…", " ").split())


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-reports") / "reports"
    status = build.build_reports(str(PROJECT_ROOT / "seeds"), out=out, stream=io.StringIO())
    assert status == 0
    return out


def _links(reports: Path):
    pages = [reports / "index.html", reports / "timeline.html", reports / "sources.html",
             *sorted((reports / "articles").glob("*.html"))]
    for page in pages:
        for cls, href, anchor, label in LINK.findall(page.read_text(encoding="utf-8")):
            target = (page.parent / html.unescape(href)) if href else page
            yield page, cls, target.resolve(), anchor, _norm(label)


def test_every_evidence_link_finds_its_sentence(reports):
    sentences: dict[Path, dict[str, str]] = {}
    links = list(_links(reports))
    by_page = {p.name for p, *_ in links}
    assert {"timeline.html", "sources.html", "index.html"} <= by_page, by_page
    assert any(cls == "ev-link" for _, cls, *_ in links)
    for page, cls, target, anchor, label in links:
        assert target.is_file() and target.is_relative_to(reports.resolve()), (page, target)
        if target not in sentences:
            parser = Sentences()
            parser.feed(target.read_text(encoding="utf-8"))
            sentences[target] = {k: _norm(v) for k, v in parser.text.items()}
        assert anchor in sentences[target], (page.name, target.name, anchor)
        if cls == "ev-link":
            assert label[:PREFIX] in sentences[target][anchor], (page.name, anchor, label)
