"""Source metrics on a small hand-made attributions table."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import metrics
from analysis.tables import columns


def _attr(article_id, kind, speaker, source_type, start, *, source=None, affiliation=None, act=None):
    row = dict.fromkeys(columns("attributions"))
    content = kind not in metrics.CREDIT_KINDS
    row.update(article_id=article_id, kind=kind, speaker=speaker, source=source or speaker,
               source_start=start, source_end=start + 5, source_type=source_type,
               cue="said" if content else None, content="x" if content else None,
               content_start=start + 10 if content else None, content_end=start + 20 if content else None,
               affiliation=affiliation, act=act if act or not content else "speech")
    return row


@pytest.fixture
def attributions() -> pd.DataFrame:
    rows = [
        _attr("a", "direct", "Antony Blinken", "person", 0, affiliation="United States"),
        _attr("a", "indirect", "Antony Blinken", "person", 100, affiliation="United States"),
        _attr("a", "according_to", "Sergei Lavrov", "person", 200, affiliation="Russia"),
        _attr("a", "mixed", None, "anonymous", 300, source="a senior official"),
        _attr("a", "photo_credit", None, "media", 400, source="Leah Millis/Reuters"),
        _attr("b", "direct", "Antony Blinken", "person", 0, affiliation="United States"),
        _attr("b", "indirect", "Reuters", "media", 50),
        _attr("b", "wire_credit", None, "media", 90, source="Reuters"),
    ]
    return pd.DataFrame(rows, columns=columns("attributions"))


EMPTY = pd.DataFrame(columns=columns("attributions"))


def test_quotes_per_speaker_counts_direct_and_reported(attributions):
    out = metrics.quotes_per_speaker(attributions)
    top = out.iloc[0]
    assert top["speaker"] == "Antony Blinken"
    assert (top["n_quotes"], top["n_direct"], top["n_reported"], top["n_articles"]) == (3, 2, 1, 2)
    assert top["share"] == pytest.approx(3 / 6)
    assert sorted(top["evidence"]) == [("a", 10), ("a", 110), ("b", 10)]
    # an anonymous source keeps the mention as written
    assert "a senior official" in set(out["speaker"])
    assert "Leah Millis/Reuters" not in set(out["speaker"])   # credits are not quotes


def test_quotes_per_speaker_per_article(attributions):
    out = metrics.quotes_per_speaker(attributions, per_article=True)
    a = out[out["article_id"] == "a"]
    assert a["share"].sum() == pytest.approx(1.0)
    assert a.iloc[0]["speaker"] == "Antony Blinken" and a.iloc[0]["n_quotes"] == 2


def test_direct_share_and_kinds(attributions):
    out = metrics.direct_share(attributions).set_index("speech")
    assert out.loc["direct", "n"] == 2 and out.loc["reported", "n"] == 4
    assert out.loc["direct", "share"] == pytest.approx(2 / 6)
    kinds = metrics.quote_kinds(attributions)
    assert list(kinds["kind"]) == ["direct", "mixed", "indirect", "according_to"]
    assert dict(zip(kinds["kind"], kinds["speech"], strict=True))["according_to"] == "reported"


def test_named_and_source_types(attributions):
    named = metrics.named_sources(attributions).set_index("source")
    assert named.loc["anonymous", "n"] == 1 and named.loc["anonymous", "evidence"] == [("a", 310)]
    types = metrics.source_types(attributions).set_index("source_type")
    assert types.loc["person", "n"] == 4 and types.loc["media", "n"] == 1


def test_affiliations_share_of_voices(attributions):
    out = metrics.affiliations(attributions).set_index("affiliation")
    assert out.loc["United States", "n_voices"] == 1 and out.loc["United States", "n_quotes"] == 3
    assert out.loc[metrics.NO_AFFILIATION, "n_quotes"] == 2
    assert out["share"].sum() == pytest.approx(1.0)


def test_wire_reliance(attributions):
    paragraphs = pd.DataFrame([{"article_id": "c", "start": 5, "end": 20, "text": "With AP", "kind": "signoff"}])
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"]})
    out = metrics.wire_reliance(attributions, articles=articles, paragraphs=paragraphs).set_index("article_id")
    assert out.loc["a", "n_photo_credits"] == 1
    assert out.loc["b", "n_wire_credits"] == 1 and out.loc["b", "n_wires_cited"] == 1
    assert out.loc["c", "n_signoffs"] == 1 and out.loc["c", "evidence"] == [("c", 5)]
    assert list(out["relies_on_wires"]) == [True, True, True, False]


def test_summary(attributions):
    corpus = metrics.summary(attributions).iloc[0]
    assert corpus["n_citations"] == 6
    assert corpus["share_anonymous"] == pytest.approx(1 / 6)
    assert corpus["top_speaker"] == "Antony Blinken" and corpus["top_speaker_share"] == pytest.approx(0.5)
    assert corpus["n_affiliations"] == 2
    per = metrics.summary(attributions, per_article=True, articles=pd.DataFrame({"article_id": ["a", "b", "z"]}))
    assert list(per["article_id"]) == ["a", "b", "z"]
    assert per.set_index("article_id").loc["z", "n_citations"] == 0


@pytest.mark.parametrize("fn", [metrics.quotes_per_speaker, metrics.quote_kinds, metrics.direct_share,
                                metrics.source_types, metrics.named_sources, metrics.affiliations,
                                metrics.wire_reliance, metrics.summary])
def test_empty_frames_keep_columns(fn):
    out = fn(EMPTY)
    assert "evidence" in out.columns
    assert len(out) == (1 if fn is metrics.summary else 0)


@pytest.fixture
def with_acts(attributions) -> pd.DataFrame:
    rows = [
        _attr("c", "indirect", "Antony Blinken", "person", 0, act="belief"),
        _attr("c", "indirect", "Antony Blinken", "person", 50, act="intention"),
        _attr("c", "indirect", None, "document", 90, source="a study", act="evidence"),
        _attr("c", "indirect", None, "unknown", 130, source="He"),
    ]
    return pd.concat([attributions, pd.DataFrame(rows, columns=columns("attributions"))], ignore_index=True)


def test_sources_count_speech_by_default(with_acts):
    out = metrics.quotes_per_speaker(with_acts).set_index("speaker")
    assert out.loc["Antony Blinken", "n_quotes"] == 3          # the belief and the intention are not speech
    assert "a study" not in out.index


def test_unresolved_pronoun_is_never_a_source(with_acts):
    out = metrics.quotes_per_speaker(with_acts)
    assert "He" not in set(out["speaker"])
    assert metrics.unresolved(with_acts).sum() == 1 and not metrics.unresolved(metrics.citations(with_acts)).any()


def test_attitudes_are_listed_apart(with_acts):
    out = metrics.attitudes(with_acts)
    assert set(zip(out["speaker"], out["act"], strict=True)) == {("Antony Blinken", "belief"), ("Antony Blinken", "intention"),
                                                     ("a study", "evidence")}
    assert list(out["act"]) == ["belief", "intention", "evidence"]


def test_choose_acts_widens_every_metric(with_acts):
    chosen = metrics.choose_acts(with_acts, "speech,belief")
    out = metrics.quotes_per_speaker(chosen).set_index("speaker")
    assert out.loc["Antony Blinken", "n_quotes"] == 4
    assert len(chosen) == len(with_acts) and len(metrics.attitudes(chosen)) == 3    # rows are kept
    assert metrics.parse_acts("all") == ("speech", "belief", "intention", "evidence")
    with pytest.raises(ValueError):
        metrics.parse_acts("gossip")
