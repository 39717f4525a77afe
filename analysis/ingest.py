"""Reading articles: text, Markdown, HTML, JSON Lines, JSON, CSV and folders of these.

A file that cannot be read becomes an :class:`~analysis.types.Article` whose ``error`` names the
file and the reason (empty, binary, undecodable, malformed JSON on line N, missing ``text`` column,
larger than the limit). Reading never stops at a bad file.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import yaml

from .errors import IngestError
from .types import Article

LOGGER = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50_000_000          # bytes; the notebooks declare the same default
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + CORPUS_SUFFIXES
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)


# --------------------------------------------------------------------------- bytes to text
def decode(data: bytes, path: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or a detected encoding.

    Raises :class:`IngestError` for empty, binary or undecodable content.
    """
    if not data.strip():
        raise IngestError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _clean(data[len(bom):].decode(encoding), path)
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"undecodable: starts with a {encoding} byte-order mark "
                                        f"but byte {exc.start} is not {encoding}") from None
    if b"\x00" in data[:8192]:
        raise IngestError(path, "binary file: contains NUL bytes (not text; UTF-16 needs a byte-order mark)")
    try:
        return _clean(data.decode("utf-8"), path)
    except UnicodeDecodeError as exc:
        return _clean(_detect(data, path, exc), path)


def _detect(data: bytes, path: str, exc: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    # Western European news that is not UTF-8 is nearly always Windows-1252; prefer it when it fits as well.
    western = next((m for m in matches if m.encoding in ("cp1252", "latin_1")), None)
    if best is not None and western is not None and western.chaos <= best.chaos + 0.05:
        best = western
    if best is None or best.encoding in ("utf_8", "utf-8") or best.chaos > 0.2:
        raise IngestError(path, f"undecodable: byte {exc.start} is not UTF-8 and no other text encoding fits")
    LOGGER.warning("%s: not UTF-8; decoded as %s", path, best.encoding)
    return str(best)


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


def parse_date(value, *, where: str) -> date | None:
    """A metadata date: a ``date``, a ``datetime`` or an ISO-8601 string; anything else is ignored with a warning."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value).strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            LOGGER.warning("%s: published %r is not an ISO date; it will be inferred from the text", where, value)
            return None


def _error(path: str, reason: str, article_id: str | None = None, sha: str | None = None) -> Article:
    return Article(article_id=article_id or slug(Path(path).stem), text="", source_path=path, sha256=sha,
                   error=f"{path}: {reason}")


# --------------------------------------------------------------------------- formats
def _record_article(record: Mapping, *, path: str, where: str, fallback_id: str) -> Article:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        reason = "no 'text' field" if text is None else "'text' is empty or not a string"
        return _error(path, f"{where}: {reason}", article_id=fallback_id)
    text = text.replace("\r\n", "\n")
    rid = record.get("id")
    meta = {k: (str(record[k]) if record.get(k) not in (None, "") else None)
            for k in ("title", "url", "outlet", "author")}
    return Article(article_id=slug(str(rid)) if rid not in (None, "") else fallback_id, text=text,
                   published=parse_date(record.get("published"), where=f"{path} {where}"),
                   source_path=path, sha256=sha256(text), **meta)


def _read_text(path: str, data: bytes) -> list[Article]:
    text = decode(data, path)
    meta: dict = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            meta = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            raise IngestError(path, f"malformed YAML front matter: {str(exc).splitlines()[0]}") from None
        if not isinstance(meta, dict):
            raise IngestError(path, "malformed YAML front matter: expected 'key: value' lines")
        text = text[m.end():]
        if not text.strip():
            raise IngestError(path, "empty file: only front matter, no article text")
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = meta.get("title") or re.sub(r"^#+\s*", "", first) or None
    return [Article(article_id=slug(str(meta.get("id") or Path(path).stem)), text=text, title=str(title),
                    published=parse_date(meta.get("published") or meta.get("date"), where=path),
                    url=meta.get("url"), outlet=meta.get("outlet"), author=meta.get("author"), source_path=path,
                    sha256=sha256(data))]


def _read_html(path: str, data: bytes) -> list[Article]:
    import trafilatura

    html = decode(data, path)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = extracted.as_dict() if extracted is not None else {}
    body = doc.get("text") or ""
    if not body.strip():
        raise IngestError(path, "no article text found in the HTML")
    title = (doc.get("title") or "").strip() or None
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    text = "\n\n".join(([title] if title else []) + paragraphs)
    return [Article(article_id=slug(Path(path).stem), text=text, title=title,
                    published=parse_date(doc.get("date"), where=path), url=doc.get("url"),
                    outlet=doc.get("sitename") or doc.get("hostname"), author=doc.get("author"), source_path=path,
                    sha256=sha256(data))]


def _read_jsonl(path: str, data: bytes) -> list[Article]:
    text = decode(data, path)
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
        out.append(_record_article(record, path=path, where=f"line {n}", fallback_id=fallback))
    if not out:
        raise IngestError(path, "empty file: no JSON records")
    return out


def _read_json(path: str, data: bytes) -> list[Article]:
    text = decode(data, path)
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
        out.append(_record_article(record, path=path, where=f"record {i}", fallback_id=f"{stem}-{i:05d}"))
    if not out:
        raise IngestError(path, "empty file: no JSON records")
    return out


def _read_csv(path: str, data: bytes) -> list[Article]:
    text = decode(data, path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        columns = reader.fieldnames or []
        if "text" not in columns:
            raise IngestError(path, f"missing 'text' column (columns: {', '.join(columns) or 'none'})")
        stem = slug(Path(path).stem)
        out = []
        for i, row in enumerate(reader, start=1):
            if None in row:
                out.append(_error(path, f"malformed CSV on line {reader.line_num}: more fields than columns",
                                  f"{stem}-{i:05d}"))
                continue
            out.append(_record_article(row, path=path, where=f"row {i} (line {reader.line_num})",
                                       fallback_id=f"{stem}-{i:05d}"))
    except csv.Error as exc:
        raise IngestError(path, f"malformed CSV on line {reader.line_num}: {exc}") from None
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


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the files inside folders named (recursively, sorted, hidden ones skipped)."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if f.is_file() and not any(part.startswith(".") for part in rel):
                    yield f
        else:
            yield p


def read_articles(paths: Sequence[str | Path] | str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  published: date | None = None) -> list[Article]:
    """Every article in ``paths`` (files or folders), with unique, stable ``article_id`` values.
    ``published`` is the reference date of articles whose metadata gives none."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[Article] = []
    seen: dict[str, int] = {}
    for f in iter_files(paths):
        if not f.exists():
            out.append(_error(str(f), "no such file or folder"))
            continue
        for article in read_file(f, max_bytes=max_bytes):
            n = seen.get(article.article_id, 0)
            seen[article.article_id] = n + 1
            if n:
                article = replace(article, article_id=f"{article.article_id}-{n + 1}")
            if published is not None and article.published is None and article.error is None:
                article = replace(article, published=published)
            out.append(article)
    return out
