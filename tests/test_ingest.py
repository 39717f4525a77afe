"""Ingest: every format, and every bad input gives an error record naming the file and the reason."""
from __future__ import annotations

import json
from datetime import date

import pytest

from analysis.ingest import read_articles, read_file, slug

ARTICLE = "Storm hits coast\n\nA storm hit the coast on Monday, officials said.\n"


def one(path, **kw):
    articles = read_file(path, **kw)
    assert len(articles) == 1
    return articles[0]


def test_txt_first_line_is_headline(tmp_path):
    f = tmp_path / "storm.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    a = one(f)
    assert a.error is None and a.title == "Storm hits coast" and a.text == ARTICLE
    assert a.article_id == "storm" and len(a.sha256) == 64


def test_markdown_front_matter(tmp_path):
    f = tmp_path / "storm.md"
    f.write_text("---\npublished: 2023-03-02\nurl: https://example.org/a\noutlet: Example\n---\n# Storm hits coast\n\n"
                 "A storm hit the coast.\n", encoding="utf-8")
    a = one(f)
    assert (a.published, a.url, a.outlet, a.title) == (date(2023, 3, 2), "https://example.org/a", "Example",
                                                       "Storm hits coast")
    assert a.text.startswith("# Storm hits coast")


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                             ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_encodings_with_and_without_bom(tmp_path, encoding, prefix):
    f = tmp_path / "enc.txt"
    f.write_bytes(prefix + "Café talks\n\nLavrov’s “threats”.".encode(encoding))
    a = one(f)
    assert a.error is None and a.text == "Café talks\n\nLavrov’s “threats”."


def test_latin1_is_detected(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes(("Réunion à Genève\n\nLes ministres se sont réunis à Genève pour négocier. " * 3).encode("latin-1"))
    a = one(f)
    assert a.error is None and "Genève" in a.text


def test_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "page.html"
    body = "".join(f"<p>Paragraph {i} of the article about the summit in Berlin, said officials.</p>" for i in range(6))
    f.write_text(f"<html><head><title>Summit ends</title><meta name='date' content='2023-03-02'>"
                 f"<meta name='author' content='Jane Doe'>"
                 f"<script>alert(1)</script></head><body><nav>Home | News</nav><article><h1>Summit ends</h1>{body}"
                 f"</article></body></html>", encoding="utf-8")
    a = one(f)
    assert a.error is None and a.title == "Summit ends" and "Paragraph 3 of the article" in a.text
    assert "alert(1)" not in a.text and a.published == date(2023, 3, 2) and a.author == "Jane Doe"


def test_jsonl_records_and_bad_line(tmp_path):
    f = tmp_path / "corpus.jsonl"
    f.write_text(json.dumps({"id": "a1", "text": ARTICLE, "published": "2023-03-02", "outlet": "X", "author": "A. B."}) + "\n"
                 + "{not json\n" + json.dumps({"title": "no text"}) + "\n" + json.dumps({"text": ARTICLE}) + "\n",
                 encoding="utf-8")
    arts = read_file(f)
    assert [a.error is None for a in arts] == [True, False, False, True]
    assert arts[0].article_id == "a1" and arts[0].published == date(2023, 3, 2) and arts[0].outlet == "X" and arts[0].author == "A. B."
    assert "malformed JSON on line 2" in arts[1].error and str(f) in arts[1].error
    assert "line 3: no 'text' field" in arts[2].error


def test_json_list_and_malformed(tmp_path):
    good = tmp_path / "list.json"
    good.write_text(json.dumps([{"text": ARTICLE, "title": "T"}, {"text": ARTICLE + "x"}]), encoding="utf-8")
    assert [a.error for a in read_file(good)] == [None, None]
    bad = tmp_path / "bad.json"
    bad.write_text('[{"text": "a"},\n {"text": }]', encoding="utf-8")
    err = one(bad).error
    assert str(bad) in err and "malformed JSON on line 2" in err


def test_csv_rows_and_missing_text_column(tmp_path):
    good = tmp_path / "c.csv"
    good.write_text('id,title,text,published\nx1,T,"A storm, on Monday.",2023-03-02\n', encoding="utf-8")
    a = one(good)
    assert a.article_id == "x1" and a.text == "A storm, on Monday." and a.published == date(2023, 3, 2)
    bad = tmp_path / "nocol.csv"
    bad.write_text("id,body\n1,hello\n", encoding="utf-8")
    assert "missing 'text' column (columns: id, body)" in one(bad).error


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\n  ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("undecodable.txt", b"\xff\xfe\x00\xd8 broken utf-16" + b"\xff" * 3, "undecodable"),
    ("image.png", b"\x89PNG", "unsupported file type"),
    ("front.md", b"---\npublished: [unclosed\n---\nText\n", "malformed YAML front matter"),
])
def test_bad_inputs_name_file_and_reason(tmp_path, name, content, reason):
    f = tmp_path / name
    f.write_bytes(content)
    a = one(f)
    assert a.error is not None and a.error.startswith(str(f)) and reason in a.error and a.text == ""


def test_too_large(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("word " * 1000, encoding="utf-8")
    err = one(f, max_bytes=100).error
    assert "too large" in err and "100" in err


def test_folder_recursive_keeps_good_and_reports_bad(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    arts = read_articles(tmp_path)
    assert sorted(a.article_id for a in arts) == ["a", "b", "empty"]
    assert [a.article_id for a in arts if a.error] == ["empty"]


def test_ids_are_unique_and_stable(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "same.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "y" / "same.txt").write_text(ARTICLE, encoding="utf-8")
    first = [a.article_id for a in read_articles(tmp_path)]
    assert first == ["same", "same-2"] and first == [a.article_id for a in read_articles(tmp_path)]


def test_missing_path_is_an_error_record(tmp_path):
    [a] = read_articles([tmp_path / "nope.txt"])
    assert "no such file" in a.error


def test_slug():
    assert slug("Blinken & Lavrov!") == "blinken-lavrov" and slug("../../etc/passwd") == "etc-passwd"
