"""The analyze() contract that outside checks call."""
from __future__ import annotations

import json
from datetime import date, datetime

import pytest

import analysis
from analysis.pipeline import parse_published

CONTRACT_KEYS = {"published", "published_from", "paragraphs", "sentences", "timexes", "entities",
                 "attributions", "events"}
RECORD_KEYS = {
    "paragraphs": {"start", "end", "text", "kind"},
    "sentences": {"start", "end", "text", "paragraph"},
    "timexes": {"start", "end", "text", "type", "value"},
    "entities": {"start", "end", "text", "label", "canonical"},
    "attributions": {"kind", "source", "source_start", "source_end", "speaker", "source_type", "cue", "cue_start",
                     "cue_end", "content", "content_start", "content_end"},
    "events": {"date", "date_start", "date_end", "text", "start", "end", "actors", "status", "speaker",
               "timex_start", "timex_end"},
}


def test_to_dict_has_every_contract_key_and_is_json(seed_analysis, seed_text):
    d = seed_analysis.to_dict()
    assert CONTRACT_KEYS <= set(d)
    json.dumps(d)
    for kind, keys in RECORD_KEYS.items():
        for record in d[kind]:
            assert keys <= set(record), kind
            for a, b in (("start", "end"), ("content_start", "content_end"), ("source_start", "source_end")):
                if record.get(a) is not None and "text" in record and a == "start":
                    assert seed_text[record[a]:record[b]] == record["text"]


@pytest.mark.parametrize("value,expected", [
    (None, None), ("2023-03-02", date(2023, 3, 2)), (date(2023, 3, 2), date(2023, 3, 2)),
    (datetime(2023, 3, 2, 15, 0), date(2023, 3, 2))])
def test_published_forms(value, expected):
    assert parse_published(value) == expected


def test_given_published_is_used():
    d = analysis.analyze("Storm hits coast\n\nA storm hit the coast.", published="2023-03-02").to_dict()
    assert d["published"] == "2023-03-02" and d["published_from"] == "given"


def test_bad_published_is_a_clear_error():
    with pytest.raises(analysis.ParameterError, match="YYYY-MM-DD"):
        analysis.analyze("Text.", published="March 2nd")
    with pytest.raises(TypeError):
        analysis.analyze(b"bytes")


def test_offsets_index_the_text_as_passed(nlp):
    text = "\ufeff  Headline here\r\n\r\n  Body text, said Ann.  "
    d = analysis.analyze(text).to_dict()
    for p in d["paragraphs"] + d["sentences"]:
        assert text[p["start"]:p["end"]] == p["text"]


def test_empty_text():
    d = analysis.analyze("").to_dict()
    assert d["paragraphs"] == [] and d["sentences"] == [] and d["events"] == []
