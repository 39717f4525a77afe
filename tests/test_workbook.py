"""The corpus loader: tables, the store as the cache, and the published default."""
from __future__ import annotations

import pandas as pd

from analysis.tables import export_csv
from analysis.workbook import load_corpus


def test_tables_cache_and_errors(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Storm hits coast\n\nA storm hit the coast on Monday, officials said.\n")
    (seeds / "bad.json").write_text("{oops")
    store = tmp_path / "store"
    tables = load_corpus(seeds, store=store, published="2023-03-02")
    arts = tables.articles.set_index("article_id")
    assert pd.isna(arts.loc["a", "error"]) and arts.loc["a", "published"] == "2023-03-02"
    assert "malformed JSON" in arts.loc["bad", "error"]
    assert set(tables.paragraphs.article_id) == {"a"}
    assert len(list((store / "articles").glob("part-*.parquet"))) == 1
    again = load_corpus(seeds, store=store, published="2023-03-02")
    assert len(list((store / "articles").glob("part-*.parquet"))) == 1     # nothing analysed again
    assert again.paragraphs.equals(tables.paragraphs)
    written = export_csv(tables, tmp_path / "data")
    assert {p.name for p in written} >= {"articles.csv", "paragraphs.csv", "events.csv", "attributions.csv"}
    assert "text" not in (tmp_path / "data" / "articles.csv").read_text().splitlines()[0].split(",")


def test_records_are_the_rows_as_pandas_gives_them():
    import pyarrow as pa

    from analysis.tables import records

    arrow = pa.table({"article_id": ["a", "b", None], "start": [0, 5, 9], "score": [1.5, None, 2.0]})
    for df in (arrow.to_pandas(), pd.DataFrame({"article_id": ["a", "b", None], "start": [0, 5, 9],
                                                "score": [1.5, None, 2.0]})):
        got, want = records(df), df.to_dict("records")
        assert [r["article_id"] for r in got][:2] == ["a", "b"] and pd.isna(got[2]["article_id"])
        assert [r["start"] for r in got] == [r["start"] for r in want] == [0, 5, 9]
        assert pd.isna(got[1]["score"]) and got[2]["score"] == 2.0
        assert records(df, ["start"]) == [{"start": 0}, {"start": 5}, {"start": 9}]
    assert records(pd.DataFrame(index=range(2))) == [{}, {}]
