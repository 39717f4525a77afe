"""The Parquet store: keys, batches written and committed, reading, pruning, locations."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from analysis.store import RECORDS, SCHEMAS, Store, analysis_key, default_location, record_schema

ROOT = Path(__file__).resolve().parent.parent


def _result(n_events: int, *, published: str = "2024-01-02") -> dict:
    events = [{"date": "2024-01", "date_start": "2024-01-01", "date_end": "2024-01-31", "text": f"event {i}",
               "start": i, "end": i + 5, "actors": ["A", "B"], "status": "asserted", "speaker": None,
               "timex_start": 0, "timex_end": 3, "evidence": [[i, i + 5]], "date_from": "explicit",
               "trigger_start": None, "trigger_end": None} for i in range(n_events)]
    return {"published": published, "published_from": "given", "events": events,
            "paragraphs": [{"start": 0, "end": 9, "text": "Headline.", "kind": "headline", "duplicate_of": None}]}


def _key(name: str, version: str = "v1"):
    return analysis_key(f"sha-{name}", "2024-01-02", code_version=version, model="m")


def test_key_depends_on_every_part():
    base = analysis_key("abc", "2024-01-02", code_version="v1", model="m")
    others = [analysis_key("abd", "2024-01-02", code_version="v1", model="m"),
              analysis_key("abc", None, code_version="v1", model="m"),
              analysis_key("abc", "2024-01-02", code_version="v2", model="m"),
              analysis_key("abc", "2024-01-02", code_version="v1", model="n")]
    assert len({base.key, *(o.key for o in others)}) == 5
    assert base == analysis_key("abc", "2024-01-02", code_version="v1", model="m")


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_schema_has_every_record_field(kind):
    names = record_schema(kind).names
    assert names[:3] == ["key", "batch", "idx"]
    assert names[3:] == [f.name for f in dataclasses.fields(RECORDS[kind])]


def test_batch_round_trip(tmp_path):
    store = Store(tmp_path / "store")
    assert store.keys() == set()
    batch = store.write_batch([(_key("a"), _result(2)), (_key("b"), _result(0))])
    assert store.keys() == {_key("a").key, _key("b").key}
    events = store.read("events").to_pylist()
    assert [e["text"] for e in events] == ["event 0", "event 1"] and {e["batch"] for e in events} == {batch}
    assert events[0]["actors"] == ["A", "B"] and events[0]["evidence"] == [[0, 5]]
    assert store.parts("quantities") == []              # nothing found: no empty part is written
    assert store.read("quantities").num_rows == 0
    assert store.read("events", keys=[_key("b").key]).num_rows == 0
    arts = {r["key"]: r for r in store.read("articles").to_pylist()}
    assert arts[_key("a").key]["code_version"] == "v1" and arts[_key("a").key]["published"] == "2024-01-02"


def test_uncommitted_and_duplicate_batches_are_read_once(tmp_path):
    store = Store(tmp_path / "store")
    first = store.write_batch([(_key("a"), _result(1))])
    store.write_batch([(_key("a"), _result(1))])              # the same analysis stored twice
    (tmp_path / "store" / "articles" / f"part-{first}.parquet").rename(tmp_path / "kept")
    # an interrupted batch: its record parts exist, its articles part (the commit) does not
    interrupted = store.write_batch([(_key("c"), _result(3))])
    (tmp_path / "store" / "articles" / f"part-{interrupted}.parquet").unlink()
    assert store.keys() == {_key("a").key}
    assert store.read("events").num_rows == 1


def test_prune(tmp_path):
    store = Store(tmp_path / "store")
    store.write_batch([(_key("a"), _result(1)), (_key("b"), _result(2))])
    store.write_batch([(_key("old", "v0"), _result(1))])
    orphan = store.write_batch([(_key("d"), _result(1))])
    (tmp_path / "store" / "articles" / f"part-{orphan}.parquet").unlink()
    report = store.prune(keep={_key("a").key, _key("old", "v0").key}, code_version="v1")
    assert store.keys() == {_key("a").key}
    assert report.analyses_kept == 1 and report.analyses_dropped == 2
    assert store.read("events").num_rows == 1
    for path in store.parts("events") + store.parts("paragraphs"):
        assert set(pq.read_table(path, columns=["key"]).column("key").to_pylist()) == {_key("a").key}
    assert store.prune(keep=None).files_removed == 0           # nothing left to drop


def test_default_location(monkeypatch, tmp_path):
    monkeypatch.delenv("ANALYSIS_STORE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_location() == str(tmp_path / "xdg" / "news-analysis-workbook" / "store")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_location().startswith(str(Path.home()))
    assert not default_location().startswith(str(ROOT))
    monkeypatch.setenv("ANALYSIS_STORE", str(tmp_path / "elsewhere"))
    assert Store().location == str(tmp_path / "elsewhere")


def test_fsspec_url_store():
    fsspec = pytest.importorskip("fsspec")
    store = Store("memory://test-store/corpus")
    try:
        store.write_batch([(_key("a"), _result(2))])
        assert store.keys() == {_key("a").key}
        assert store.read("events").num_rows == 2
        assert store.glob("events") == "memory://test-store/corpus/events/part-*.parquet"
    finally:
        fsspec.filesystem("memory").rm("/test-store", recursive=True)


def test_schemas_cover_every_table():
    assert set(SCHEMAS) == {"articles", *RECORDS}


def test_prune_command_keeps_the_analyses_of_the_inputs_given(tmp_path):
    from analysis.cli import main
    from analysis.workbook import load_corpus

    for name in ("kept", "gone"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(f"Storm hits {name}\n\nA storm hit the {name} coast on Monday.\n")
    store = tmp_path / "store"
    load_corpus([tmp_path / "kept", tmp_path / "gone"], store=store, published="2024-03-04")
    assert len(Store(store).keys()) == 2
    assert main(["prune", str(tmp_path / "kept"), "--store", str(store), "--published", "2024-03-04"]) == 0
    assert len(Store(store).keys()) == 1
    again = load_corpus(tmp_path / "kept", store=store, published="2024-03-04")
    assert len(again.events) >= 1 and len(Store(store).parts("articles")) == 1     # nothing analysed again
    assert main(["prune", "--store", str(store)]) == 0 and len(Store(store).keys()) == 1
