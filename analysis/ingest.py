"""Reading articles: text, Markdown, HTML, JSON Lines, JSON, CSV and folders of these.

A file that cannot be read becomes an :class:`~analysis.types.Article` whose ``error`` names the
file and the reason (empty, binary, undecodable, malformed JSON on line N, missing ``text`` column,
larger than the limit). Reading never stops at a bad file.
"""
from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import yaml

from .errors import IngestError, ParameterError
from .types import Article

LOGGER = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50_000_000          # bytes; the notebooks declare the same default
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + CORPUS_SUFFIXES
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
MAX_ACCENTED_SHARE = 0.3       # Western European text: at most this share of its letters are accented
# Letters of the Latin-1 supplement and the few Windows-1252 adds (French, German, Spanish, Portuguese,
# Italian, Dutch, Nordic), and the typographic punctuation Windows-1252 news text uses.
WESTERN_LETTERS = set("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ")
WESTERN_PUNCTUATION = set("‘’‚“”„–—…€•«»°£§©®·¡¿\xa0ºª")
_SURROGATE = re.compile("[\ud800-\udfff]")
MIN_PROSE_WORDS = 12           # an HTML page needs one paragraph this long, ending a sentence, to be an article
SENTENCE_ENDS = ".!?\"”’)…:"
MAX_FRONT_MATTER = 65_536      # bytes of YAML front matter read at most
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)


# --------------------------------------------------------------------------- bytes to text
def parse_published(value: date | datetime | str | None, *, name: str = "published") -> date | None:
    """A publication date from a ``date``, a ``datetime`` or an ISO string (``"YYYY-MM-DD"``, or a
    full ISO date and time); anything else, trailing text included, is a :class:`ParameterError`."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
        except ValueError:
            raise ParameterError(f"{name}: {value!r} is not a date in the form YYYY-MM-DD") from None
    raise TypeError(f"{name} must be a date, a datetime or a 'YYYY-MM-DD' string, not {type(value).__name__}")


def decode_text(data: bytes, path: str) -> tuple[str, str | None]:
    """Text from bytes and a warning when the encoding had to be guessed or bytes were replaced.

    UTF-8 (with or without BOM), UTF-16 with a BOM; UTF-8 with a few bad bytes stays UTF-8 (the bad
    bytes replaced and counted); other text is Windows-1252 when it reads as Western European, else
    the encoding charset-normalizer detects. Raises :class:`IngestError` for empty, binary or
    undecodable content.
    """
    if not data.strip():
        raise IngestError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _clean(data[len(bom):].decode(encoding), path), None
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"undecodable: starts with a {encoding} byte-order mark "
                                        f"but byte {exc.start} is not {encoding}") from None
    if b"\x00" in data[:8192]:
        raise IngestError(path, "binary file: contains NUL bytes (not text; UTF-16 needs a byte-order mark)")
    try:
        return _clean(data.decode("utf-8"), path), None
    except UnicodeDecodeError as exc:
        text, warning = _mostly_utf8(data) or _western(data) or _detect(data, path, exc)
        LOGGER.warning("%s: %s", path, warning)
        return _clean(text, path), warning


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes: at least as many well-formed multi-byte characters as bad bytes
    (legacy single-byte text has next to none: its accented letters are bad bytes in UTF-8)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    if good == 0 or bad > good:
        return None
    return text, f"UTF-8 with {bad} invalid byte{'s' if bad != 1 else ''} (replaced with \ufffd)"


def _western(data: bytes) -> tuple[str, str] | None:
    """Windows-1252 (a superset of Latin-1's letters) when every non-ASCII character it gives is a
    Western European letter inside a mostly ASCII word, or common typographic punctuation."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for c in text if c.isalpha())
    foreign = [c for c in text if ord(c) > 127]
    if not foreign or any(c not in WESTERN_LETTERS and c not in WESTERN_PUNCTUATION for c in foreign):
        return None
    if sum(1 for c in foreign if c in WESTERN_LETTERS) > MAX_ACCENTED_SHARE * letters:
        return None
    return text, "not UTF-8; the encoding was guessed as Windows-1252 (cp1252)"


def _detect(data: bytes, path: str, exc: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "utf-8") or best.chaos > 0.2:
        raise IngestError(path, f"undecodable: byte {exc.start} is not UTF-8 and no other text encoding fits")
    return str(best), f"not UTF-8; the encoding was guessed as {best.encoding}"


def _clean(text: str, path: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\t\f\v")
    if controls > 0.05 * min(len(text), 8192):
        raise IngestError(path, "binary file: mostly control characters, not text")
    if not text.strip():
        raise IngestError(path, "empty file")
    return text


# --------------------------------------------------------------------------- identifiers
def slug(value: str, *, limit: int = 60) -> str:
    """A file-name-safe identifier. ``slug("Blinken & Lavrov!")`` gives ``"blinken-lavrov"``."""
    s = re.sub(r"[^A-Za-z0-9_.-]+", "-", value).strip("-.").lower()
    return s[:limit].strip("-.") or "article"


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def parse_date(value, *, where: str, warnings: list[str] | None = None) -> date | None:
    """A metadata date: a ``date``, a ``datetime`` or a whole ISO-8601 string. Anything else (an
    impossible day, hour 25, year 0, trailing text) is ignored with a warning added to ``warnings``."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value).strip().replace("Z", "+00:00")).date()
    except ValueError:
        message = f"published {str(value)[:40]!r} is not a valid ISO date; the date is inferred from the text"
        LOGGER.warning("%s: %s", where, message)
        if warnings is not None:
            warnings.append(message)
        return None


def _no_surrogates(text: str, warnings: list[str]) -> str:
    """``text`` with lone surrogates (from ``\\ud800`` escapes in JSON) replaced by U+FFFD, counted."""
    clean, n = _SURROGATE.subn("\ufffd", text)
    if n:
        warnings.append(f"{n} invalid character{'s' if n != 1 else ''} (lone surrogate escapes) replaced")
    return clean


def _warning(warnings: Sequence[str]) -> str | None:
    return "; ".join(warnings) or None


def _error(path: str, reason: str, article_id: str | None = None, sha: str | None = None) -> Article:
    return Article(article_id=article_id or slug(Path(path).stem), text="", source_path=path, sha256=sha,
                   error=f"{path}: {reason}")


# --------------------------------------------------------------------------- formats
def _record_article(record: Mapping, *, path: str, where: str, fallback_id: str,
                    file_warning: str | None = None) -> Article:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        reason = "no 'text' field" if text is None else "'text' is empty or not a string"
        return _error(path, f"{where}: {reason}", article_id=fallback_id)
    warnings = [file_warning] if file_warning else []
    text = _no_surrogates(text.replace("\r\n", "\n"), warnings)
    rid = record.get("id")
    meta = {k: (_no_surrogates(str(record[k]), warnings) if record.get(k) not in (None, "") else None)
            for k in ("title", "url", "outlet", "author")}
    published = parse_date(record.get("published"), where=f"{path} {where}", warnings=warnings)
    return Article(article_id=slug(str(rid)) if rid not in (None, "") else fallback_id, text=text,
                   published=published, source_path=path, sha256=sha256(text), warning=_warning(warnings), **meta)


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases (a 700-byte alias bomb expands to gigabytes) and without
    implicit timestamps (dates stay strings, so an impossible one is a warning, not a crash)."""

    yaml_implicit_resolvers = {k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
                               for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.YAMLError(f"aliases (*name) are not allowed, line {mark.line + 1}")
        return super().compose_node(parent, index)


def _front_matter(text: str, path: str) -> tuple[dict, str]:
    """The YAML front matter of a text file, read safely, and the text after it."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    if len(m.group(1)) > MAX_FRONT_MATTER:
        raise IngestError(path, f"YAML front matter larger than {MAX_FRONT_MATTER:,} characters")
    try:
        meta = yaml.load(m.group(1), Loader=_FrontMatterLoader) or {}    # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise IngestError(path, f"malformed YAML front matter: {str(exc).splitlines()[0]}") from None
    if not isinstance(meta, dict):
        raise IngestError(path, "malformed YAML front matter: expected 'key: value' lines")
    text = text[m.end():]
    if not text.strip():
        raise IngestError(path, "empty file: only front matter, no article text")
    return meta, text


def _meta(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    return None if value in (None, "") else str(value)


def _read_text(path: str, data: bytes) -> list[Article]:
    text, warning = decode_text(data, path)
    warnings = [warning] if warning else []
    meta, text = _front_matter(text, path)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = _meta(meta, "title") or re.sub(r"^#+\s*", "", first) or None
    published = parse_date(meta.get("published") or meta.get("date"), where=path, warnings=warnings)
    return [Article(article_id=slug(str(meta.get("id") or Path(path).stem)), text=text, title=title,
                    published=published, url=_meta(meta, "url"), outlet=_meta(meta, "outlet"),
                    author=_meta(meta, "author"), source_path=path, sha256=sha256(data), warning=_warning(warnings))]


def _read_html(path: str, data: bytes) -> list[Article]:
    import trafilatura

    html, warning = decode_text(data, path)
    warnings = [warning] if warning else []
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = extracted.as_dict() if extracted is not None else {}
    body = doc.get("text") or ""
    if not body.strip():
        raise IngestError(path, "no article text found in the HTML")
    if not any(_is_prose(p) for p in body.split("\n")):
        raise IngestError(path, "no article text found in the HTML: only short lines such as navigation or "
                                f"links (no paragraph of {MIN_PROSE_WORDS}+ words ending a sentence)")
    title = (doc.get("title") or "").strip() or None
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    text = "\n\n".join(([title] if title else []) + paragraphs)
    published = parse_date(doc.get("date"), where=path, warnings=warnings)
    return [Article(article_id=slug(Path(path).stem), text=text, title=title, published=published,
                    url=doc.get("url"), outlet=doc.get("sitename") or doc.get("hostname"), author=doc.get("author"),
                    source_path=path, sha256=sha256(data), warning=_warning(warnings))]


def _is_prose(line: str) -> bool:
    """A line that reads as article text: enough words, ending a sentence."""
    line = line.strip()
    return len(line.split()) >= MIN_PROSE_WORDS and line[-1:] in SENTENCE_ENDS


def _read_jsonl(path: str, data: bytes) -> list[Article]:
    text, warning = decode_text(data, path)
    stem = slug(Path(path).stem)
    out = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        fallback = f"{stem}-{n:05d}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(_error(path, f"malformed JSON on line {n}: {exc.msg} (column {exc.colno})", fallback))
            continue
        if not isinstance(record, dict):
            out.append(_error(path, f"line {n}: expected a JSON object, got {type(record).__name__}", fallback))
            continue
        out.append(_record_article(record, path=path, where=f"line {n}", fallback_id=fallback, file_warning=warning))
    if not out:
        raise IngestError(path, "empty file: no JSON records")
    return out


def _read_json(path: str, data: bytes) -> list[Article]:
    text, warning = decode_text(data, path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(path, f"malformed JSON on line {exc.lineno}: {exc.msg} (column {exc.colno})") from None
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    records = value if isinstance(value, list) else [value]
    stem = slug(Path(path).stem)
    out = []
    for i, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            out.append(_error(path, f"record {i}: expected a JSON object, got {type(record).__name__}",
                              f"{stem}-{i:05d}"))
            continue
        out.append(_record_article(record, path=path, where=f"record {i}", fallback_id=f"{stem}-{i:05d}",
                                   file_warning=warning))
    if not out:
        raise IngestError(path, "empty file: no JSON records")
    return out


def _read_csv(path: str, data: bytes) -> list[Article]:
    text, warning = decode_text(data, path)
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        columns = reader.fieldnames or []
    except csv.Error as exc:
        raise IngestError(path, f"malformed CSV on line {reader.line_num}: {exc}") from None
    if "text" not in columns:
        raise IngestError(path, f"missing 'text' column (columns: {', '.join(columns) or 'none'})")
    stem = slug(Path(path).stem)
    out = []
    for i in itertools.count(1):
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            reason = "a quoted field is never closed" if "unexpected end of data" in str(exc) else str(exc)
            out.append(_error(path, f"malformed CSV in the row starting on line {first_line}: {reason}; "
                                    "that row and any after it cannot be read", f"{stem}-{i:05d}"))
            break
        if None in row:
            out.append(_error(path, f"malformed CSV on line {reader.line_num}: more fields than columns",
                              f"{stem}-{i:05d}"))
            continue
        out.append(_record_article(row, path=path, where=f"row {i} (line {first_line})",
                                   fallback_id=f"{stem}-{i:05d}", file_warning=warning))
    if not out:
        raise IngestError(path, "empty file: a header but no rows")
    return out


READERS = {**{s: _read_text for s in TEXT_SUFFIXES}, **{s: _read_html for s in HTML_SUFFIXES},
           ".jsonl": _read_jsonl, ".ndjson": _read_jsonl, ".json": _read_json, ".csv": _read_csv}


# --------------------------------------------------------------------------- files and folders
def read_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """The articles in one file; a file that cannot be read gives one error record."""
    p = Path(path)
    name = str(path)
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        return [_error(name, f"unsupported file type {p.suffix or '(none)'!r}; "
                             f"expected one of {', '.join(SUPPORTED)}")]
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise IngestError(name, f"file too large: {size:,} bytes, larger than the limit of {max_bytes:,} bytes "
                                    "(raise it with --max-bytes)")
        data = p.read_bytes()
        return reader(name, data)
    except IngestError as exc:
        return [_error(name, exc.reason, sha=sha256(data) if "data" in locals() else None)]
    except OSError as exc:
        return [_error(name, f"cannot be read: {exc.strerror or exc}")]
    except Exception as exc:      # noqa: BLE001 - a reader's failure stays with its file
        LOGGER.warning("%s: reading failed: %s: %s", name, exc.__class__.__name__, exc)
        return [_error(name, f"could not be read: {exc.__class__.__name__}: {exc}")]


def _walk(root: Path) -> Iterator[tuple[Path, str | None]]:
    """``(path, None)`` for each file under ``root`` (following symbolic links, hidden names skipped),
    and ``(path, reason)`` for a folder that cannot be read or a link that loops back."""
    seen: dict[tuple[int, int], Path] = {}

    def unreadable(exc: OSError) -> None:
        found.append((Path(exc.filename or root), f"folder cannot be read: {exc.strerror or exc}"))

    found: list[tuple[Path, str | None]] = []
    for folder, dirs, files in os.walk(root, followlinks=True, onerror=unreadable):
        here = Path(folder)
        st = here.stat()
        if (st.st_dev, st.st_ino) in seen:
            found.append((here, f"symbolic link loop: this folder is {seen[(st.st_dev, st.st_ino)]} again"))
            dirs[:] = []
            continue
        seen[(st.st_dev, st.st_ino)] = here
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend((here / f, None) for f in files if not f.startswith("."))
    yield from sorted(found, key=lambda item: str(item[0]))


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """``(path, None)`` for each file named and each file inside the folders named (recursively, sorted,
    hidden ones skipped); ``(path, reason)`` for what cannot be walked (missing, unreadable, a loop)."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            yield from _walk(p)
        else:
            yield p, None if p.exists() or p.is_symlink() else "no such file or folder"


def renamed_ids(ids: Sequence[str]) -> dict[int, str]:
    """The positions in ``ids`` whose id repeats an earlier one, with the id each gets: the first free
    ``-N`` suffix (never one another article has), in input order."""
    given = set(ids)
    used: set[str] = set()
    out: dict[int, str] = {}
    for i, article_id in enumerate(ids):
        if article_id in used:
            n = 2
            while f"{article_id}-{n}" in given or f"{article_id}-{n}" in used:
                n += 1
            article_id = out[i] = f"{article_id}-{n}"
        used.add(article_id)
    return out


def rename_warning(warning: str | None, old: str, new: str) -> str | None:
    """An article's warning with the note that its id ``old`` was renamed ``new``."""
    return _warning([w for w in (warning, f"id {old!r} is used by an earlier input; renamed {new!r}") if w])


def unique_ids(articles: Iterable[Article]) -> list[Article]:
    """``articles`` with every ``article_id`` unique (:func:`renamed_ids`); the article's warning says
    it was renamed."""
    articles = list(articles)
    new = renamed_ids([a.article_id for a in articles])
    return [replace(a, article_id=new[i], warning=rename_warning(a.warning, a.article_id, new[i])) if i in new
            else a for i, a in enumerate(articles)]


def iter_articles(paths: Sequence[str | Path] | str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  published: date | None = None) -> Iterator[Article]:
    """Every article in ``paths`` (files or folders), one at a time, with its id as read (ids may
    repeat: :func:`renamed_ids` says how to make them unique once all are known). ``published`` is
    the reference date of articles whose metadata gives none. One file at most is held in memory."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for f, problem in iter_files(paths):
        articles = [_error(str(f), problem)] if problem else read_file(f, max_bytes=max_bytes)
        for article in articles:
            if published is not None and article.published is None and article.error is None:
                article = replace(article, published=published)
            yield article


def read_articles(paths: Sequence[str | Path] | str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  published: date | None = None) -> list[Article]:
    """Every article in ``paths`` (files or folders), with unique, stable ``article_id`` values.
    ``published`` is the reference date of articles whose metadata gives none."""
    return unique_ids(iter_articles(paths, max_bytes=max_bytes, published=published))
