"""The corpus store: every analysis as rows of Parquet datasets, one dataset per table.

The store is the cache. An analysis is keyed by the article's content hash, its reference date,
the code version and the model (:func:`analysis_key`); a run looks up which keys are stored and
analyses only the others. Each batch of analyses is written as one Parquet *part* per table,
named by a batch id that no other writer uses, so workers on many machines append side by side::

    <store>/articles/part-<batch>.parquet       one row per analysis: key, batch, published, ...
    <store>/events/part-<batch>.parquet         one row per event: key, batch, idx, <Event fields>
    ...

The ``articles`` part is written last: a key counts as stored only once its ``articles`` row
exists, so a batch killed half way leaves nothing that a reader takes for complete. A failed
analysis is stored too (its ``error`` and the ``time_limit`` it ran under, no records), so it is
not tried again, unless it ran out of time and a longer limit is given. Rows are read through the
``(key, batch)`` of one committed batch per key: a success before a failure, then the latest
(batch ids begin with the time they were written), so a key stored twice (two runs that analysed
the same new article at once, a retried timeout) is read once. :meth:`Store.prune` drops analyses
that are no longer wanted and the parts of batches that never committed.

The store lives in one folder per user (:func:`default_location`), or at any path or fsspec URL
(``s3://bucket/store`` with s3fs installed) that every worker can reach.
"""
from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa
import pyarrow.parquet as pq

from .ingest import sha256
from .types import Attribution, Entity, Event, Paragraph, Quantity, Sentence, Timex

LOGGER = logging.getLogger(__name__)

APP_NAME = "news-analysis-workbook"
STORE_ENV = "ANALYSIS_STORE"            # overrides the default location
RECORDS = {"paragraphs": Paragraph, "sentences": Sentence, "timexes": Timex, "entities": Entity,
           "quantities": Quantity, "attributions": Attribution, "events": Event}
TABLES = ("articles", *RECORDS)
COMPRESSION = "zstd"
# Python annotations of the record fields (as strings: the types module uses postponed evaluation)
# and the Arrow types they are stored as. Dates are kept as the ISO strings of ``to_dict()``.
_ARROW_TYPES = {"int": pa.int64(), "str": pa.string(), "float": pa.float64(), "bool": pa.bool_(),
                "date": pa.string(), "tuple[str, ...]": pa.list_(pa.string()),
                "tuple[tuple[int, int], ...]": pa.list_(pa.list_(pa.int64()))}
_KEYS = [pa.field("key", pa.string(), nullable=False), pa.field("batch", pa.string(), nullable=False)]
ARTICLE_SCHEMA = pa.schema(_KEYS + [
    pa.field("sha256", pa.string()), pa.field("reference", pa.string()), pa.field("code_version", pa.string()),
    pa.field("model", pa.string()), pa.field("published", pa.string()), pa.field("published_from", pa.string()),
    pa.field("error", pa.string()), pa.field("time_limit", pa.float64())])


def _arrow_type(annotation: str) -> pa.DataType:
    return _ARROW_TYPES[annotation.replace(" | None", "").strip()]


def record_schema(kind: str) -> pa.Schema:
    """The Arrow schema of the ``kind`` table: key, batch, ``idx`` (position in the article) and the
    record's fields."""
    fields = [pa.field(f.name, _arrow_type(str(f.type))) for f in dataclasses.fields(RECORDS[kind])]
    return pa.schema(_KEYS + [pa.field("idx", pa.int32())] + fields)


SCHEMAS = {"articles": ARTICLE_SCHEMA, **{kind: record_schema(kind) for kind in RECORDS}}


class StoreKey(NamedTuple):
    """What an analysis is keyed by, and the key itself."""
    key: str
    sha256: str
    reference: str | None       # the reference date the analysis was given (ISO), or None
    code_version: str
    model: str


def analysis_key(content_sha256: str, reference: str | None, *, code_version: str, model: str) -> StoreKey:
    """The key of the analysis of a text with this content hash and reference date, made by this code
    version with this model."""
    key = sha256(f"{content_sha256}|{reference or '-'}|{code_version}|{model}")[:32]
    return StoreKey(key, content_sha256, reference, code_version, model)


def default_location() -> str:
    """``$ANALYSIS_STORE``, else one folder per user: ``$XDG_CACHE_HOME`` or ``~/.cache``, then
    ``news-analysis-workbook/store``. Never inside the project checkout."""
    if os.environ.get(STORE_ENV):
        return os.environ[STORE_ENV]
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(cache) / APP_NAME / "store")


def _filesystem(location: str):
    """A pyarrow filesystem and the root path in it, for a local path or an fsspec URL."""
    from pyarrow import fs as pafs

    if "://" not in location or location.startswith("file://"):
        path = Path(location.removeprefix("file://")).expanduser().resolve()
        return pafs.LocalFileSystem(), str(path)
    import fsspec

    remote, root = fsspec.core.url_to_fs(location)
    return pafs.PyFileSystem(pafs.FSSpecHandler(remote)), root.rstrip("/")


class Entry(NamedTuple):
    """One stored analysis: the batch it is read from, and, for a failure, its error and time limit."""
    batch: str
    error: str | None
    time_limit: float | None


class PruneReport(NamedTuple):
    analyses_kept: int
    analyses_dropped: int
    files_rewritten: int
    files_removed: int


class Store:
    """A Parquet store at ``location`` (a path or an fsspec URL; default :func:`default_location`)."""

    def __init__(self, location: str | os.PathLike | None = None) -> None:
        loc = str(location) if location not in (None, "") else default_location()
        self.fs, self.root = _filesystem(loc)
        self.local = "://" not in loc or loc.startswith("file://")
        self.location = self.root if self.local else loc.rstrip("/")

    def __repr__(self) -> str:
        return f"Store({self.location!r})"

    def __reduce__(self):                       # workers rebuild it from the location
        return (Store, (self.location,))

    # ------------------------------------------------------------------ paths
    def table_path(self, table: str) -> str:
        return f"{self.root}/{table}"

    def parts(self, table: str) -> list[str]:
        """The committed-or-not part files of ``table`` (hidden temporary files excluded), sorted."""
        from pyarrow import fs as pafs

        selector = pafs.FileSelector(self.table_path(table), allow_not_found=True)
        infos = self.fs.get_file_info(selector)
        return sorted(i.path for i in infos if i.type == pafs.FileType.File
                      and i.base_name.startswith("part-") and i.base_name.endswith(".parquet"))

    def glob(self, table: str) -> str:
        """A glob of ``table``'s parts as DuckDB reads it (the location, not the filesystem root)."""
        return f"{self.location}/{table}/part-*.parquet"

    # ------------------------------------------------------------------ writing
    def _write(self, table: str, batch: str, data: pa.Table) -> None:
        path = f"{self.table_path(table)}/part-{batch}.parquet"
        tmp = f"{self.table_path(table)}/.part-{batch}.parquet.tmp"
        self.fs.create_dir(self.table_path(table), recursive=True)
        with self.fs.open_output_stream(tmp) as out:
            pq.write_table(data, out, compression=COMPRESSION)
        self.fs.move(tmp, path)

    def write_batch(self, analyses: Sequence[tuple[StoreKey, Mapping]]) -> str | None:
        """Store a batch of ``(key, Analysis.to_dict())`` (or, for a failure, ``(key, {"error": …,
        "time_limit": …})``) as one part per table; the batch id (None for an empty batch). The
        ``articles`` part goes last and commits the batch."""
        if not analyses:
            return None
        batch = f"{time.time_ns():016x}{uuid.uuid4().hex[:16]}"
        for kind in RECORDS:
            rows = [{"key": k.key, "batch": batch, "idx": i, **record}
                    for k, result in analyses for i, record in enumerate(result.get(kind) or ())]
            if rows:                        # no empty parts: fewer files for readers to open
                self._write(kind, batch, pa.Table.from_pylist(rows, schema=SCHEMAS[kind]))
        rows = [{"key": k.key, "batch": batch, "sha256": k.sha256, "reference": k.reference,
                 "code_version": k.code_version, "model": k.model, "published": result.get("published"),
                 "published_from": result.get("published_from"), "error": result.get("error"),
                 "time_limit": result.get("time_limit")} for k, result in analyses]
        self._write("articles", batch, pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA))
        return batch

    # ------------------------------------------------------------------ reading
    def _read_parts(self, table: str, columns: list[str] | None = None) -> Iterator[tuple[str, pa.Table]]:
        for path in self.parts(table):
            with self.fs.open_input_file(path) as fh:
                yield path, pq.read_table(fh, columns=columns)

    def entries(self) -> dict[str, Entry]:
        """``{key: Entry}`` of every stored analysis: the batch read for the key (a success before a
        failure, then the latest), its error and time limit."""
        out: dict[str, Entry] = {}
        for _path, data in self._read_parts("articles"):
            for row in data.to_pylist():
                entry = Entry(row["batch"], row.get("error"), row.get("time_limit"))
                old = out.get(row["key"])
                if old is None or (entry.error is None, entry.batch) > (old.error is None, old.batch):
                    out[row["key"]] = entry
        return out

    def committed(self) -> dict[str, str]:
        """``{key: batch}`` of every stored analysis (see :meth:`entries`)."""
        return {key: entry.batch for key, entry in self.entries().items()}

    def keys(self) -> set[str]:
        """The keys of every stored analysis."""
        return set(self.entries())

    def read(self, table: str, keys: Iterable[str] | None = None) -> pa.Table:
        """The committed rows of ``table`` (only those of ``keys`` when given), as one Arrow table."""
        committed = self.committed()
        wanted = set(committed) if keys is None else set(keys) & set(committed)
        pieces = []
        for _path, data in self._read_parts(table):
            mask = [k in wanted and committed[k] == b for k, b in
                    zip(data.column("key").to_pylist(), data.column("batch").to_pylist(), strict=True)]
            if any(mask):
                pieces.append(data.filter(pa.array(mask)))
        schema = SCHEMAS[table]
        return pa.concat_tables([p.cast(schema) for p in pieces]) if pieces else schema.empty_table()

    # ------------------------------------------------------------------ pruning
    def prune(self, *, keep: Iterable[str] | None = None, code_version: str | None = None) -> PruneReport:
        """Drop the analyses not in ``keep`` (when given) and those made by another ``code_version``
        (when given), and the parts of batches that never committed. Takes the store's lock."""
        with self.lock():
            keep_set = set(keep) if keep is not None else None
            committed = self.committed()
            versions = self._versions() if code_version is not None else {}
            live = {k: b for k, b in committed.items()
                    if (keep_set is None or k in keep_set) and (code_version is None or versions[k] == code_version)}
            rewritten = removed = 0
            for table in TABLES:            # articles first: an analysis is uncommitted before its rows go
                for path, data in self._read_parts(table, None):
                    mask = [live.get(k) == b for k, b in zip(data.column("key").to_pylist(),
                                                             data.column("batch").to_pylist(), strict=True)]
                    if all(mask):
                        continue
                    if not any(mask):
                        self.fs.delete_file(path)
                        removed += 1
                        continue
                    tmp = path.rsplit("/", 1)[0] + "/." + path.rsplit("/", 1)[1] + ".tmp"
                    with self.fs.open_output_stream(tmp) as out:
                        pq.write_table(data.filter(pa.array(mask)), out, compression=COMPRESSION)
                    self.fs.move(tmp, path)
                    rewritten += 1
        report = PruneReport(len(live), len(committed) - len(live), rewritten, removed)
        LOGGER.info("pruned %s: %s", self.location, report)
        return report

    def _versions(self) -> dict[str, str]:
        out = {}
        for _path, data in self._read_parts("articles", ["key", "code_version"]):
            out.update(zip(data.column("key").to_pylist(), data.column("code_version").to_pylist(), strict=True))
        return out

    @contextlib.contextmanager
    def lock(self, *, shared: bool = False):
        """An advisory lock on a local store: runs hold it shared, :meth:`prune` exclusive, so a prune
        never deletes the parts of a batch being written. Remote stores are not locked."""
        if not self.local:
            yield
            return
        import fcntl

        Path(self.root).mkdir(parents=True, exist_ok=True)
        with open(Path(self.root) / ".lock", "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
