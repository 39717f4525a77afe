"""Numbers in tables for people: thousands separators, shares as percentages, never scientific notation."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from conftest import CASES

from analysis.display import format_cell, is_share
from analysis.highlight import table_html

NUMBER_CASES = json.loads((CASES / "display_numbers.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", NUMBER_CASES, ids=[c["label"] for c in NUMBER_CASES])
def test_format_cell(case):
    assert format_cell(case["value"], column=case["column"]) == case["expected"]


@pytest.mark.parametrize("value, expected", [(np.int64(1550), "1,550"), (np.float64(1550.0), "1,550"),
                                             (np.float32(0.5), "0.5"), (float("inf"), "∞")])
def test_numpy_and_special_values(value, expected):
    assert format_cell(value) == expected


@pytest.mark.parametrize("column, expected", [("share", True), ("share_direct", True), ("top_speaker_share", True),
                                              ("shared", False), ("n", False), (None, False)])
def test_is_share(column, expected):
    assert is_share(column) is expected


def test_tables_in_notebooks_read_like_numbers():
    df = pd.DataFrame({"speaker": ["Port authority"], "n_quotes": [1550], "share": [0.4286], "number": [2.5e6]})
    html = table_html(df)
    assert "<td>1,550</td>" in html and "<td>42.9%</td>" in html and "<td>2,500,000</td>" in html
    assert "e+0" not in html
