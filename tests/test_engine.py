"""Engines: the same answer from every engine; the store as the cache; bounded batches; progress."""
from __future__ import annotations

import io

import pytest
from store_corpus import TABLES, records, run

from analysis import engine as engines
from analysis.engine import LocalEngine, batch_size, make_engine
from analysis.errors import ParameterError
from analysis.progress import Progress, duration
from analysis.store import Store


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The tables of the corpus analysed in this process, one article at a time."""
    _plan, errors, corpus = run(Store(tmp_path_factory.mktemp("ref") / "store"), LocalEngine(n_process=1), size=1)
    assert errors == {}
    return {name: records(corpus.table(name)) for name in TABLES}


def _tables(corpus):
    return {name: records(corpus.table(name)) for name in TABLES}


def test_local_pool_gives_the_same_tables(tmp_path, reference):
    plan, errors, corpus = run(Store(tmp_path / "store"), LocalEngine(n_process=2), size=2)
    assert errors == {} and len(plan.todo) == 4
    assert _tables(corpus) == reference


def test_local_workers_are_replaced_on_a_long_run_with_the_same_tables(tmp_path, reference, monkeypatch):
    import concurrent.futures

    pools = []

    class Counted(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(engines, "RECYCLE", 1)        # each worker takes one article, then fresh ones take over
    plan, errors, corpus = run(Store(tmp_path / "store"), LocalEngine(n_process=2), size=1)
    assert errors == {} and len(plan.todo) == 4
    assert len(pools) == 2                            # 4 articles, 2 workers, 1 article each per pool
    assert _tables(corpus) == reference


def test_dask_local_cluster_gives_the_same_tables(tmp_path, reference):
    pytest.importorskip("distributed")
    dask = make_engine("dask", n_workers=2)
    try:
        assert dask.workers() == 2
        plan, errors, corpus = run(Store(tmp_path / "store"), dask, size=1)
    finally:
        dask.close()
    assert errors == {} and len(plan.todo) == 4
    assert _tables(corpus) == reference


def test_the_store_is_the_cache(tmp_path, reference):
    store = Store(tmp_path / "store")
    first, _, _ = run(store, LocalEngine(n_process=1))
    assert first.n_stored == 0 and len(first.todo) == 4
    parts = {t: len(store.parts(t)) for t in TABLES}
    again, errors, corpus = run(store, LocalEngine(n_process=1))
    assert again.todo == set() and again.n_stored == 4 and errors == {}
    assert {t: len(store.parts(t)) for t in TABLES} == parts         # nothing written
    assert _tables(corpus) == reference


def test_an_interrupted_run_resumes(tmp_path, reference):
    store = Store(tmp_path / "store")
    done = []

    def stop_after_first(n, total):
        done.append((n, total))
        if n:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(store, LocalEngine(n_process=1), size=2, progress=stop_after_first)
    assert done == [(0, 4), (2, 4)] and len(store.keys()) == 2              # the finished batch was kept
    plan, _errors, corpus = run(store, LocalEngine(n_process=1))
    assert len(plan.todo) == 2 and _tables(corpus) == reference


def test_failures_are_stored_with_their_reason_and_not_tried_again(tmp_path, monkeypatch):
    import analysis.pipeline as pipeline

    real = pipeline.analyze_doc

    def fail_on_harbour(doc, **kw):
        if kw.get("article_id") == "harbour":
            raise ValueError("boom")
        return real(doc, **kw)

    monkeypatch.setattr(pipeline, "analyze_doc", fail_on_harbour)
    store = Store(tmp_path / "store")
    _plan, errors, corpus = run(store, LocalEngine(n_process=1))
    assert list(errors) == ["harbour"] and "boom" in errors["harbour"]
    arts = corpus.table("articles").set_index("article_id")
    assert "ValueError: boom" in arts.loc["harbour", "error"] and arts["error"].isna().sum() == 3
    assert "harbour" not in set(corpus.table("events")["article_id"])
    again, errors, _ = run(store, LocalEngine(n_process=1))
    assert again.todo == set() and errors == {}


def test_a_timeout_is_tried_again_under_a_longer_limit(tmp_path):
    from analysis.types import Article

    store = Store(tmp_path / "store")
    article = Article(article_id="slow", text="text", sha256="abc")
    key = engines.key_of(article, code_version="v", model="m")
    store.write_batch([(key, {"error": "analysis stopped: took longer than 1 s", "time_limit": 1.0})])
    assert engines.plan([article], store=store, code_version="v", model="m", time_limit=1.0).todo == set()
    assert engines.plan([article], store=store, code_version="v", model="m", time_limit=2.0).todo == {0}
    store.write_batch([(key, {"published": None, "published_from": None})])       # then it succeeded
    assert store.entries()[key.key].error is None
    assert engines.plan([article], store=store, code_version="v", model="m", time_limit=2.0).todo == set()


@pytest.mark.parametrize(("n_todo", "workers", "size"), [(1, 1, 4), (171, 2, 22), (20_000, 2, 64), (40, 4, 4)])
def test_batch_size(n_todo, workers, size):
    assert batch_size(n_todo, workers) == size


def test_batches_hold_only_what_is_asked_for_and_ids_are_made_unique(tmp_path):
    from analysis.types import Article

    def articles():
        return (Article(article_id="same" if i in (4, 6) else str(i), text=f"text {i}", sha256=str(i))
                for i in range(10))

    p = engines.plan(articles(), store=Store(tmp_path / "none"), code_version="v", model="m")
    assert p.ids[4] == "same" and p.ids[6] == "same-2" and p.renamed == {6: "same-2"}
    p = p._replace(todo={1, 2, 3, 6, 9})
    out = list(engines.batches(articles(), plan=p, size=2, code_version="v", model="m"))
    assert [[it.article_id for it in b] for b in out] == [["1", "2"], ["3", "same-2"], ["9"]]
    edited = [Article(article_id=a.article_id, text=a.text, sha256="edited" if a.article_id == "3" else a.sha256)
              for a in articles()]
    out = list(engines.batches(iter(edited), plan=p, size=9, code_version="v", model="m"))
    assert [it.article_id for it in out[0]] == ["1", "2", "same-2", "9"]          # changed since the plan


def test_make_engine_checks_its_options():
    assert make_engine("local").name == "local"
    with pytest.raises(ParameterError):
        make_engine("spark")
    with pytest.raises(ParameterError):
        make_engine("local", scheduler="tcp://localhost:8786")


class _Clock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_on_a_terminal_draws_a_bar_with_rate_and_time_left():
    clock, out = _Clock(), _Tty()
    bar = Progress(100, stream=out, clock=clock)
    clock.t = 10.0
    bar.update(25)
    assert "\r[######" in out.getvalue() and "25/100 articles  2.5/s  30s left" in out.getvalue()
    clock.t = 40.0
    bar.update(75)
    bar.close()
    assert out.getvalue().endswith("100/100 articles  2.5/s  in 40s\x1b[K\n")


def test_progress_in_a_log_is_plain_and_rate_limited():
    clock, out = _Clock(), io.StringIO()
    log = Progress(1000, stream=out, clock=clock, interval=30)
    for step in range(1, 11):
        clock.t = step * 10.0
        log.update(100)
    lines = out.getvalue().splitlines()
    assert lines[0] == "100/1,000 articles  10.0/s  1m30s left"
    assert len(lines) == 4 and lines[-1].startswith("1,000/1,000 articles") and "\r" not in out.getvalue()
    quiet = io.StringIO()
    Progress(5, stream=quiet, quiet=True).update(5)
    assert quiet.getvalue() == ""


@pytest.mark.parametrize(("seconds", "text"), [(5, "5s"), (65, "1m05s"), (3720, "1h02m")])
def test_duration(seconds, text):
    assert duration(seconds) == text


def test_an_upgraded_model_analyses_again(tmp_path):
    import json

    from analysis.types import Article

    model = tmp_path / "pipeline"                        # a pipeline folder, as spacy.load takes one
    model.mkdir()
    article = Article(article_id="a", text="text", sha256="abc")
    keys = []
    for version in ("3.8.0", "3.8.1"):
        (model / "meta.json").write_text(json.dumps({"lang": "en", "version": version}), encoding="utf-8")
        engines.model_identity.cache_clear()
        keys.append(engines.key_of(article, code_version="v", model=str(model)))
    assert keys[0].key != keys[1].key and keys[1].model.endswith("==3.8.1")
