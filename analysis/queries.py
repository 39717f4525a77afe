"""DuckDB over the Parquet store: the aggregates the notebooks draw, computed where the data lies.

:class:`Corpus` opens an embedded DuckDB (no server) with one view per table over the store's
Parquet parts, restricted to the articles of a run (its *manifest*: ``article_id``, ``key`` and
the article metadata, without the text). The aggregate functions mirror :mod:`analysis.metrics`
(same definitions, same columns, same order) but only the rows a chart or table shows reach
pandas: a corpus of any size gives frames of ``top`` rows.

Every call here is one of ``duckdb.connect``, ``DuckDBPyConnection.execute(sql, params)``,
``.df()``, ``.fetchall()``, ``.register(name, arrow_table)``, ``.unregister(name)``,
``.register_filesystem(fs)`` and,
to stream a table, ``con.sql(query).to_arrow_reader(batch_size)`` (a relation: in 2.0 an
``execute()`` result copies all rows first), which the 1.5 and 2.x Python clients share. Lambdas
use the ``lambda x: …`` syntax (2.0 drops the arrow form). Aggregates that pick one row order it
explicitly: DuckDB scans in parallel, so ``first()`` without ``ORDER BY`` is not deterministic.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from .lexicons import WIRE_AGENCIES
from .metrics import (
    CREDIT_KINDS,
    DIRECT_KINDS,
    NO_AFFILIATION,
    OTHER_ACTS,
    PRONOUNS,
    QUOTE_KINDS,
    UNNAMED,
    parse_acts,
)
from .store import RECORDS, SCHEMAS, Store

LOGGER = logging.getLogger(__name__)

MANIFEST_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("key", pa.string()), ("pos", pa.int64()), ("title", pa.string()),
    ("published", pa.string()), ("url", pa.string()), ("outlet", pa.string()), ("author", pa.string()),
    ("source_path", pa.string()), ("sha256", pa.string()), ("n_words", pa.int64()), ("error", pa.string()),
    ("warning", pa.string())])
EVIDENCE = 10           # (article_id, offset) pairs kept per aggregated row
_LIST = ", ".join(f"'{k}'" for k in QUOTE_KINDS)


def manifest_row(article, key, pos: int) -> dict:
    """The manifest row of an ingested article (``key``: its :class:`~analysis.store.StoreKey` or None)."""
    return {"article_id": article.article_id, "key": key.key if key is not None else None, "pos": pos,
            "title": article.title, "published": article.published.isoformat() if article.published else None,
            "url": article.url, "outlet": article.outlet, "author": article.author,
            "source_path": article.source_path, "sha256": article.sha256, "n_words": len(article.text.split()),
            "error": article.error, "warning": article.warning}


def _python(value):
    """A cell with numpy arrays (DuckDB's lists) as Python lists."""
    if isinstance(value, np.ndarray):
        return value.tolist() if value.dtype != object else [_python(v) for v in value]
    if isinstance(value, list):
        return [_python(v) for v in value]
    return value


def _in(values: Sequence[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


class Corpus:
    """The tables of one run's articles, as DuckDB views over ``store``.

    ``manifest`` has the columns of :data:`MANIFEST_SCHEMA` (an Arrow table, a DataFrame or a list
    of dicts); ``pos`` orders the articles as the input did.
    """

    def __init__(self, store: Store, manifest, *, acts: str | Sequence[str] | None = None) -> None:
        import duckdb

        self.store = store
        self.con = duckdb.connect()
        if not store.local:
            self.con.register_filesystem(store.fs.handler.fs)
        if isinstance(manifest, pd.DataFrame):
            manifest = pa.Table.from_pandas(manifest, preserve_index=False)
        elif not isinstance(manifest, pa.Table):
            manifest = pa.Table.from_pylist(list(manifest), schema=MANIFEST_SCHEMA)
        self.con.register("manifest", manifest.select(MANIFEST_SCHEMA.names).cast(MANIFEST_SCHEMA))
        self.con.register("wires", pa.table({"name": sorted({w.lower() for w in WIRE_AGENCIES})}))
        for table in ("articles", *RECORDS):
            self._raw(table)
        self.con.execute("""
            CREATE VIEW committed AS
            SELECT key, first(batch ORDER BY error IS NULL DESC, batch DESC) AS batch FROM raw_articles GROUP BY key""")
        self.con.execute("""
            CREATE VIEW articles AS
            SELECT m.article_id, m.title, coalesce(a.published, m.published) AS published, a.published_from,
                   m.url, m.outlet, m.author, m.source_path, m.sha256, m.n_words,
                   CASE WHEN m.error IS NOT NULL THEN m.error WHEN a.key IS NULL THEN 'not analysed'
                        ELSE a.error END AS error,
                   m.warning, m.pos AS _pos
            FROM manifest m
            LEFT JOIN (SELECT r.* FROM raw_articles r JOIN committed c USING (key, batch)) a USING (key)""")
        for kind in RECORDS:
            self.con.execute(f"""
                CREATE VIEW {kind} AS
                SELECT m.article_id, t.* EXCLUDE (key, batch), m.pos AS _pos
                FROM raw_{kind} t JOIN committed c USING (key, batch) JOIN manifest m USING (key)
                WHERE m.error IS NULL""")
        self.con.execute(f"""
            CREATE VIEW voices AS
            SELECT *, coalesce(CASE WHEN trim(speaker) <> '' THEN speaker END, source, '{UNNAMED}') AS speaker_name,
                   (coalesce(trim(speaker), '') <> '' AND source_type NOT IN ('anonymous', 'unknown')) AS named,
                   kind IN ({_in(DIRECT_KINDS)}) AS direct, coalesce(act, 'speech') AS act_or_speech,
                   [article_id, CAST(coalesce(content_start, source_start, cue_start) AS VARCHAR)] AS evidence
            FROM attributions WHERE kind IN ({_LIST})
              AND NOT (coalesce(trim(speaker), '') = '' AND lower(trim(source)) IN ({_in(sorted(PRONOUNS))}))""")
        self.choose_acts(acts)

    def choose_acts(self, acts: str | Sequence[str] | None) -> None:
        """Count the chosen acts (:func:`analysis.metrics.parse_acts`; speech by default) in every
        aggregate, as :func:`analysis.metrics.choose_acts` does for a table."""
        self.con.execute(f"CREATE OR REPLACE VIEW citations AS SELECT * FROM voices "
                         f"WHERE act_or_speech IN ({_in(parse_acts(acts))})")

    def _raw(self, table: str) -> None:
        if self.store.parts(table):
            glob = self.store.glob(table).replace("'", "''")
            self.con.execute(f"CREATE VIEW raw_{table} AS SELECT * FROM read_parquet('{glob}', union_by_name = true)")
        else:
            self.con.register(f"raw_{table}", SCHEMAS[table].empty_table())

    # ------------------------------------------------------------------ plain access
    def sql(self, query: str, params: Sequence | Mapping | None = None) -> pd.DataFrame:
        """The result of a query over the views, as a DataFrame (lists as Python lists, as
        :mod:`analysis.tables` gives them, not numpy arrays)."""
        df = self.con.execute(query, params or []).df()
        for col in df.columns:
            if df[col].dtype == np.dtype(object) and any(isinstance(v, np.ndarray) for v in df[col]):
                df[col] = df[col].map(_python)
        return df

    def count(self, table: str) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def _select(self, table: str, first: int | None, positions: Sequence[int] | None = None) -> str:
        order = "_pos" if table == "articles" else "_pos, idx"
        where = []
        if first is not None:
            where.append(f"_pos < {int(first)}")
        if positions is not None:
            where.append(f"_pos IN ({', '.join(str(int(p)) for p in positions) or 'NULL'})")
        condition = f" WHERE {' AND '.join(where)}" if where else ""
        return f"SELECT * EXCLUDE ({order}) FROM {table}{condition} ORDER BY {order}"

    def table(self, table: str, *, first: int | None = None, positions: Sequence[int] | None = None) -> pd.DataFrame:
        """A table in input order: all of it (small corpora), the rows of the ``first`` articles, or
        those of the articles at input ``positions``."""
        return self.sql(self._select(table, first, positions))

    def sentences_at(self, found: Sequence[tuple[str, int]]) -> pd.DataFrame:
        """For each ``(article_id, offset)``: the sentence holding the offset (the last one starting at
        or before it, else the article's first): ``article_id``, ``at`` (the offset), ``idx`` (its
        position in text order), ``start``, ``end``, ``text``. One query for all of them; only the
        sentences asked for reach pandas."""
        wanted = pa.table({"article_id": pa.array([str(a) for a, _ in found], pa.string()),
                           "at": pa.array([int(o) for _, o in found], pa.int64())})
        self.con.register("_wanted", wanted)
        try:
            return self.sql("""
                WITH s AS (SELECT article_id, idx, start, "end", text FROM sentences
                           WHERE article_id IN (SELECT DISTINCT article_id FROM _wanted)),
                     first AS (SELECT * FROM s WHERE idx = 0)
                SELECT w.article_id, w.at, coalesce(a.idx, f.idx) AS idx, coalesce(a.start, f.start) AS start,
                       coalesce(a."end", f."end") AS "end", coalesce(a.text, f.text) AS text
                FROM _wanted w
                ASOF LEFT JOIN s a ON w.article_id = a.article_id AND w.at >= a.start
                LEFT JOIN first f ON w.article_id = f.article_id
                WHERE coalesce(a.idx, f.idx) IS NOT NULL""")
        finally:
            self.con.unregister("_wanted")

    def stream(self, table: str, *, batch_rows: int = 20_000) -> Iterator[pa.RecordBatch]:
        """A whole table in input order, as Arrow record batches of ``batch_rows`` rows."""
        with self.con.sql(self._select(table, None)).to_arrow_reader(batch_size=batch_rows) as reader:
            yield from reader

    def close(self) -> None:
        self.con.close()


def _evidence(df: pd.DataFrame) -> pd.DataFrame:
    """``evidence`` as a list of ``(article_id, offset)`` tuples, as :mod:`analysis.metrics` gives it."""
    if "evidence" in df:
        df["evidence"] = [[(a, int(o) if o is not None else None) for a, o in (ev if ev is not None else [])]
                          for ev in df["evidence"]]
    return df


# --------------------------------------------------------------------------- aggregates
def events_per_period(corpus: Corpus, *, period: str = "month") -> pd.DataFrame:
    """Dated events per ``period`` (day, week, month, quarter or year) and status: ``period`` (the
    first day), ``status``, ``n``. Events without a start date are left out."""
    if period not in ("day", "week", "month", "quarter", "year"):
        raise ValueError(f"period: {period!r} is not day, week, month, quarter or year")
    return corpus.sql(f"""
        SELECT date_trunc('{period}', CAST(date_start AS DATE)) AS period, status, count(*) AS n
        FROM events WHERE date_start IS NOT NULL GROUP BY ALL ORDER BY period, status""")


def top_events(corpus: Corpus, *, limit: int = 100, actor: str | None = None) -> pd.DataFrame:
    """The events most articles tell (the same date and text), most told first and, among those told
    as often, the most recent first: ``date``, ``date_start``, ``date_end``, ``text``, ``actors``,
    ``status``, ``speaker``, ``article_ids``, ``n_articles``, the first telling's ``article_id`` and
    ``start``, and ``evidence`` (its tellings). ``actor`` keeps the events whose actors contain it
    (case-insensitive)."""
    where = "WHERE list_bool_or(list_transform(actors, lambda a: contains(lower(a), lower($actor))))" \
        if actor else ""
    return _evidence(corpus.sql(f"""
        SELECT date, min(date_start) AS date_start, max(date_end) AS date_end, first(text ORDER BY _pos, idx) AS text,
               first(actors ORDER BY _pos, idx) AS actors, first(status ORDER BY _pos, idx) AS status,
               first(speaker ORDER BY _pos, idx) AS speaker,
               list_sort(list(DISTINCT article_id))[1:{EVIDENCE}] AS article_ids,
               count(DISTINCT article_id) AS n_articles,
               first(article_id ORDER BY _pos, idx) AS article_id, first(start ORDER BY _pos, idx) AS start,
               list([article_id, CAST(start AS VARCHAR)] ORDER BY _pos, idx)[1:{EVIDENCE}] AS evidence
        FROM events {where}
        GROUP BY date, lower(text) ORDER BY n_articles DESC, date_start DESC NULLS LAST, min(_pos)
        LIMIT {int(limit)}""", {"actor": actor} if actor else None))


def quotes_per_speaker(corpus: Corpus, *, top: int = 15) -> pd.DataFrame:
    """:func:`analysis.metrics.quotes_per_speaker` across the corpus, its ``top`` rows."""
    return _evidence(corpus.sql(f"""
        WITH types AS (
            SELECT speaker_name, source_type, count(*) AS n FROM citations GROUP BY ALL),
        best AS (
            SELECT speaker_name, first(source_type ORDER BY n DESC, source_type) AS source_type FROM types GROUP BY ALL)
        SELECT c.speaker_name AS speaker, b.source_type,
               first(affiliation ORDER BY _pos, idx) FILTER (WHERE affiliation IS NOT NULL) AS affiliation,
               count(*) AS n_quotes, CAST(sum(CAST(direct AS INTEGER)) AS BIGINT) AS n_direct,
               count(*) - sum(CAST(direct AS INTEGER)) AS n_reported,
               count(*) / (SELECT count(*) FROM citations) AS share, count(DISTINCT article_id) AS n_articles,
               list(evidence ORDER BY _pos, idx)[1:{EVIDENCE}] AS evidence
        FROM citations c JOIN best b USING (speaker_name)
        GROUP BY c.speaker_name, b.source_type ORDER BY n_quotes DESC, speaker LIMIT {int(top)}"""))


def attitudes(corpus: Corpus, *, top: int = 30) -> pd.DataFrame:
    """:func:`analysis.metrics.attitudes` (who is said to think, want or find) across the corpus, its
    ``top`` rows."""
    rank = " ".join(f"WHEN '{a}' THEN {i}" for i, a in enumerate(OTHER_ACTS))
    return _evidence(corpus.sql(f"""
        SELECT speaker_name AS speaker, act, count(*) AS n, first(content ORDER BY _pos, idx) AS example,
               list(evidence ORDER BY _pos, idx)[1:{EVIDENCE}] AS evidence
        FROM voices WHERE act IN ({_in(OTHER_ACTS)}) GROUP BY speaker_name, act
        ORDER BY CASE act {rank} END, n DESC, speaker LIMIT {int(top)}"""))


def _count_by(corpus: Corpus, expr: str, name: str, order: Sequence[str]) -> pd.DataFrame:
    rank = " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(order))
    return _evidence(corpus.sql(f"""
        SELECT {name}, n, share, evidence FROM (
            SELECT {expr} AS {name}, count(*) AS n, count(*) / (SELECT count(*) FROM citations) AS share,
                   list(evidence ORDER BY _pos, idx)[1:{EVIDENCE}] AS evidence
            FROM citations GROUP BY 1)
        ORDER BY CASE {name} {rank} ELSE {len(order)} END, n DESC"""))


def quote_kinds(corpus: Corpus) -> pd.DataFrame:
    """:func:`analysis.metrics.quote_kinds` across the corpus."""
    out = _count_by(corpus, "kind", "kind", QUOTE_KINDS)
    out.insert(1, "speech", ["direct" if k in DIRECT_KINDS else "reported" for k in out["kind"]])
    return out


def source_types(corpus: Corpus) -> pd.DataFrame:
    """:func:`analysis.metrics.source_types` across the corpus."""
    from .types import SOURCE_TYPES
    return _count_by(corpus, "coalesce(source_type, 'unknown')", "source_type", SOURCE_TYPES)


def affiliations(corpus: Corpus, *, top: int = 12) -> pd.DataFrame:
    """:func:`analysis.metrics.affiliations` (voices by affiliation) across the corpus, its ``top`` rows."""
    return _evidence(corpus.sql(f"""
        SELECT coalesce(affiliation, '{NO_AFFILIATION}') AS affiliation, count(DISTINCT speaker_name) AS n_voices,
               count(*) AS n_quotes, count(*) / (SELECT count(*) FROM citations) AS share,
               list_sort(list(DISTINCT speaker_name)) AS speakers,
               list(evidence ORDER BY _pos, idx)[1:{EVIDENCE}] AS evidence
        FROM citations GROUP BY ALL ORDER BY n_quotes DESC, min([_pos, idx]) LIMIT {int(top)}"""))


_IS_WIRE = ("list_has_any(list_transform(string_split(replace(lower({0}), '/', ','), ','), lambda p: trim(p)), "
            "(SELECT list(name) FROM wires))")


def _wire_rows(corpus: Corpus) -> str:
    """SQL of :func:`analysis.metrics.wire_reliance`'s per-article rows, for every article of the run."""
    wire = f"coalesce({_IS_WIRE.format('speaker')}, false) OR coalesce({_IS_WIRE.format('source')}, false)"
    return f"""
        WITH a AS (SELECT *, {wire} AS wire, coalesce({_IS_WIRE.format('source')}, false) AS credit_wire
                   FROM attributions),
        per AS (
            SELECT article_id,
                   count(*) FILTER (WHERE kind = 'photo_credit') AS n_photo_credits,
                   count(*) FILTER (WHERE kind = 'wire_credit') AS n_wire_credits,
                   count(*) FILTER (WHERE kind IN ({_LIST}) AND wire) AS n_wires_cited,
                   count(*) FILTER (WHERE kind IN ({_LIST}) AND NOT wire AND source_type = 'media') AS n_media_cited,
                   bool_or(kind IN ({_in(CREDIT_KINDS)}) AND credit_wire) AS credits_wire
            FROM a GROUP BY article_id),
        signoffs AS (SELECT article_id, count(*) AS n_signoffs FROM paragraphs WHERE kind = 'signoff' GROUP BY ALL)
        SELECT m.article_id, coalesce(n_photo_credits, 0) AS n_photo_credits,
               coalesce(n_wire_credits, 0) AS n_wire_credits, coalesce(n_signoffs, 0) AS n_signoffs,
               coalesce(n_wires_cited, 0) AS n_wires_cited, coalesce(n_media_cited, 0) AS n_media_cited,
               (coalesce(n_wire_credits, 0) + coalesce(n_signoffs, 0) + coalesce(n_wires_cited, 0) > 0
                OR coalesce(credits_wire, false)) AS relies_on_wires, m.pos AS _pos
        FROM manifest m LEFT JOIN per USING (article_id) LEFT JOIN signoffs USING (article_id)
        WHERE m.error IS NULL"""


def wire_reliance(corpus: Corpus, *, limit: int = 20) -> pd.DataFrame:
    """:func:`analysis.metrics.wire_reliance`'s per-article counts (without evidence) for the ``limit``
    articles that lean on wires the most, in input order among equals."""
    return corpus.sql(f"""
        SELECT * EXCLUDE (_pos) FROM ({_wire_rows(corpus)})
        ORDER BY relies_on_wires DESC, n_wire_credits + n_signoffs + n_wires_cited + n_photo_credits DESC, _pos
        LIMIT {int(limit)}""")


def wire_summary(corpus: Corpus) -> pd.DataFrame:
    """Wire reliance across the corpus, one row per measure: ``measure`` (the per-article column),
    ``mentions`` (how many), ``n_articles`` (in how many articles), with ``n_relying`` and
    ``n_total`` articles repeated on every row."""
    measures = ("n_photo_credits", "n_wire_credits", "n_signoffs", "n_wires_cited", "n_media_cited")
    selects = " UNION ALL ".join(
        f"SELECT '{m}' AS measure, {i} AS o, coalesce(sum({m}), 0) AS mentions, count(*) FILTER (WHERE {m} > 0) AS n_articles, "
        f"count(*) FILTER (WHERE relies_on_wires) AS n_relying, count(*) AS n_total FROM rows"
        for i, m in enumerate(measures))
    out = corpus.sql(f"WITH rows AS ({_wire_rows(corpus)}) SELECT * FROM ({selects}) ORDER BY o")
    return out.drop(columns=["o"]).astype({"mentions": "int64", "n_articles": "int64"})


def summary(corpus: Corpus) -> pd.DataFrame:
    """:func:`analysis.metrics.summary` across the corpus (one row)."""
    return _evidence(corpus.sql(f"""
        WITH top AS (SELECT speaker_name, count(*) AS n FROM citations WHERE named
                     GROUP BY ALL ORDER BY n DESC, speaker_name LIMIT 1)
        SELECT count(*) AS n_citations, count(DISTINCT speaker_name) AS n_speakers,
               avg(CAST(NOT named AS DOUBLE)) AS share_anonymous, avg(CAST(direct AS DOUBLE)) AS share_direct,
               count(DISTINCT affiliation) AS n_affiliations, (SELECT speaker_name FROM top) AS top_speaker,
               (SELECT n FROM top) / nullif(count(*), 0) AS top_speaker_share,
               coalesce(list(evidence ORDER BY _pos, idx) FILTER (WHERE speaker_name = (SELECT speaker_name FROM top)),
                        [])[1:{EVIDENCE}] AS evidence
        FROM citations"""))
