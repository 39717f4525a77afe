"""Hostile and broken inputs: each becomes its own article's error or warning, never a crash.

Every reproducer of issue 11 that concerns reading is here, plus one folder that holds them all
next to three good articles, read through the command line.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.ingest import decode_text, read_articles, read_file

GOOD = {
    "harbour.txt": "Harbour reopens\n\nThe port authority said on Monday that the harbour would reopen in May.\n",
    "bridge.md": "---\npublished: 2024-05-06\n---\n# Bridge closed\n\nEngineers closed the old bridge on Friday, "
                 "the city council said.\n",
    "school.txt": "School opens\n\nA new school opened in the valley last week, the mayor told reporters.\n",
}
ALIAS_BOMB = "---\n" + "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)) + "---\nTitle\n\nBody text here.\n"
NAV_ONLY = ("<html><head><title>Site</title></head><body><nav><ul>" +
            "".join(f"<li><a href='/s{i}'>Section {i} news and more</a></li>" for i in range(30)) +
            "</ul></nav><footer>Contact us | Privacy | Terms</footer></body></html>")


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    return path


def _one(path: Path):
    [article] = read_file(path)
    return article


# --------------------------------------------------------------------------- front matter and dates
@pytest.mark.parametrize("value", ["2023-02-30", "2023-03-02T25:00:00", "0000-01-01", "2023-03-02garbage"])
def test_impossible_published_is_ignored_with_a_warning(tmp_path, value):
    article = _one(_write(tmp_path, "d.md", f"---\npublished: {value}\n---\nTitle\n\nThe council met on Monday.\n"))
    assert article.error is None and article.published is None
    assert "not a valid ISO date" in article.warning


def test_yaml_aliases_are_refused(tmp_path):
    article = _one(_write(tmp_path, "bomb.md", ALIAS_BOMB))
    assert "aliases" in article.error and "bomb.md" in article.error


def test_yaml_dates_stay_dates(tmp_path):
    article = _one(_write(tmp_path, "ok.md", "---\npublished: 2023-03-02\nurl: https://x.test/a\n---\nT\n\nBody.\n"))
    assert article.published.isoformat() == "2023-03-02" and article.warning is None


# --------------------------------------------------------------------------- encodings
def test_cp1252_with_curly_quotes_and_euro(tmp_path):
    text = "Prices rise\n\n\u201cIt costs \u20ac5 more,\u201d the baker said \u2013 the caf\u00e9 agreed.\n"
    article = _one(_write(tmp_path, "w.txt", text.encode("cp1252")))
    assert article.text == text and "Windows-1252" in article.warning


def test_latin1_portuguese(tmp_path):
    text = "Eleição\n\nO governo anunciou a reforma da educação e da saúde nesta manhã, disse o ministro.\n"
    article = _one(_write(tmp_path, "pt.txt", text.encode("latin-1")))
    assert article.text == text and "guessed" in article.warning


def test_utf8_with_two_bad_bytes_stays_utf8(tmp_path):
    text = "Zürich café\n\nThe naïve résumé was sent to Zürich on Monday.\n"
    data = text.encode("utf-8").replace(b"sent", b"s\xffe\xfent")
    article = _one(_write(tmp_path, "u.txt", data))
    assert "Zürich" in article.text and "naïve" in article.text and article.text.count("\ufffd") == 2
    assert "UTF-8 with 2 invalid bytes" in article.warning


def test_cyrillic_legacy_text_is_not_read_as_western():
    text, warning = decode_text("Москва заявила в понедельник о новых переговорах.".encode("cp1251"), "r.txt")
    assert "Москва" in text and "guessed" in warning and "Windows-1252" not in warning


def test_corpus_records_carry_the_files_guessed_encoding(tmp_path):
    data = 'id,text\nr1,"\u201cSo\u201d, said the caf\u00e9 owner."\n'.encode("cp1252")
    [article] = read_file(_write(tmp_path, "c.csv", data))
    assert article.text == "\u201cSo\u201d, said the caf\u00e9 owner." and "Windows-1252" in article.warning


def test_utf8_text_has_no_warning(tmp_path):
    assert _one(_write(tmp_path, "ok.txt", "Zürich\n\nAll fine.\n")).warning is None


def test_lone_surrogate_in_jsonl_is_replaced_and_counted(tmp_path):
    article = _one(_write(tmp_path, "s.jsonl", '{"text": "Said on Monday \\ud800 x."}\n'))
    assert article.error is None and "\ufffd" in article.text and "lone surrogate" in article.warning
    article.text.encode("utf-8")


# --------------------------------------------------------------------------- ids
def test_duplicate_ids_are_unique_over_the_whole_input(tmp_path):
    for name in ("a/report.txt", "b/report.txt", "report-2.txt"):
        _write(tmp_path, name, f"{name}\n\nThe council met.\n")
    articles = read_articles(tmp_path)
    ids = {a.source_path.removeprefix(str(tmp_path) + "/"): a.article_id for a in articles}
    assert ids == {"a/report.txt": "report", "b/report.txt": "report-3", "report-2.txt": "report-2"}
    renamed = [a for a in articles if a.warning]
    assert len(renamed) == 1 and "renamed 'report-3'" in renamed[0].warning
    assert [a.article_id for a in read_articles(tmp_path)] == [a.article_id for a in articles], "deterministic"


# --------------------------------------------------------------------------- folders
def test_symlink_loop_is_an_error_record(tmp_path):
    _write(tmp_path, "sub/a.txt", "A\n\nText.\n")
    os.symlink(tmp_path / "sub", tmp_path / "sub" / "loop")
    articles = read_articles(tmp_path)
    errors = [a.error for a in articles if a.error]
    assert len(errors) == 1 and "symbolic link loop" in errors[0] and "loop" in errors[0]
    assert [a.article_id for a in articles if not a.error] == ["a"]


def test_unreadable_folder_is_an_error_record(tmp_path, monkeypatch):
    _write(tmp_path, "ok/a.txt", "A\n\nText.\n")
    _write(tmp_path, "locked/b.txt", "B\n\nText.\n")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles = read_articles(tmp_path)
    [bad] = [a for a in articles if a.error]
    assert "locked" in bad.error and "Permission denied" in bad.error
    assert [a.article_id for a in articles if not a.error] == ["a"]


def test_navigation_only_html_is_an_error(tmp_path):
    article = _one(_write(tmp_path, "nav.html", NAV_ONLY))
    assert "no article text" in article.error


def test_unterminated_csv_quote_names_the_line(tmp_path):
    path = _write(tmp_path, "c.csv", 'id,text\n1,"A fine row."\n2,"An open quote\n3,swallowed\n4,too\n')
    articles = read_file(path)
    assert [a.article_id for a in articles if not a.error] == ["1"]
    [bad] = [a for a in articles if a.error]
    assert "line 3" in bad.error and "never closed" in bad.error


def test_a_reader_crash_stays_with_its_file(tmp_path, monkeypatch):
    from analysis import ingest

    def boom(path, data):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(ingest.READERS, ".html", boom)
    article = _one(_write(tmp_path, "x.html", "<p>x</p>"))
    assert "RecursionError" in article.error


# --------------------------------------------------------------------------- all together
def bad_input_folder(folder: Path, *, big: str) -> dict[str, str]:
    """Every hostile case next to three good articles; returns {file: what its record must say}."""
    for name, text in GOOD.items():
        _write(folder, name, text)
    _write(folder, "big.txt", big)
    _write(folder, "dates/feb30.md", "---\npublished: 2023-02-30\n---\nT\n\nThe council met on Monday.\n")
    _write(folder, "dates/hour25.md", "---\npublished: 2023-03-02T25:00:00\n---\nT\n\nIt rained on Monday.\n")
    _write(folder, "dates/year0.md", "---\npublished: 0000-01-01\n---\nT\n\nIt snowed on Monday.\n")
    _write(folder, "edges.jsonl", '{"id": "first", "text": "A vote was held on Monday.", "published": '
                                  '"0001-01-01T00:00:00Z"}\n{"id": "last", "text": "A vote is due next week.", '
                                  '"published": "9999-12-31"}\n{"id": "lone", "text": "Said on Monday \\ud800 x."}\n')
    _write(folder, "math.txt", "Costs rise\n\nPrices went from $5 to $6 and $\\bad{x}$ was printed on Monday.\n")
    _write(folder, "huge-number.txt", "Debt\n\nThe debt reached " + "9" * 400 + " dollars, officials said.\n")
    _write(folder, "a/report.txt", "Report A\n\nThe first report came out on Monday.\n")
    _write(folder, "b/report.txt", "Report B\n\nThe second report came out on Tuesday.\n")
    _write(folder, "report-2.txt", "Report 2\n\nThe third report came out on Wednesday.\n")
    _write(folder, "cp1252.txt", "Caf\u00e9\n\n\u201cIt costs \u20ac5,\u201d she said on Monday.\n".encode("cp1252"))
    _write(folder, "bomb.md", ALIAS_BOMB)
    _write(folder, "nav.html", NAV_ONLY)
    _write(folder, "rows.csv", 'id,text\nrow1,"The mill closed on Monday."\nrow2,"An open quote\nrow3,lost\n')
    os.symlink(folder / "dates", folder / "dates" / "again")
    return {"bomb.md": "aliases", "nav.html": "no article text", "rows.csv": "line 3", "again": "symbolic link loop"}


def test_bad_input_folder_through_the_command_line(tmp_path, capsys):
    expected = bad_input_folder(tmp_path / "in", big="Big\n\n" + "The council met. " * 9000)
    out = tmp_path / "out.jsonl"
    status = main(["extract", str(tmp_path / "in"), "--out", str(out)])
    err = capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines()]     # strict: json rejects nothing here
    assert "Infinity" not in text and "NaN" not in text
    assert status == 1 and "Traceback" not in err
    failed = {r["source_path"]: r["error"] for r in records if r["error"]}
    for name, reason in expected.items():
        assert any(name in path and reason in error for path, error in failed.items()), (name, failed)
    assert len(failed) == len(expected), failed
    ok = {r["article_id"] for r in records if not r["error"]}
    assert {"harbour", "bridge", "school", "big", "feb30", "hour25", "year0", "first", "last", "lone", "math",
            "huge-number", "report", "report-2", "report-3", "cp1252", "row1"} <= ok
    big = next(r for r in records if r["article_id"] == "big")
    assert len(big["sentences"]) == 9001          # the headline and every sentence
