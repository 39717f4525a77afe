"""Numbers in tables as people read them: integers with thousands separators, shares as percentages.

Every table a notebook or report shows goes through :func:`format_cell`; the CSV exports keep the raw
numbers. Non-numeric values pass through unchanged.
"""
from __future__ import annotations

import logging
import math
import numbers

LOGGER = logging.getLogger(__name__)


def is_share(column: str | None) -> bool:
    """Whether a column holds a share in [0, 1] (``share``, ``share_direct``, ``top_speaker_share``)."""
    name = str(column or "")
    return name == "share" or name.startswith("share_") or name.endswith("_share")


def format_number(value: numbers.Real, *, percent: bool = False) -> str:
    """``1550`` → ``"1,550"``; ``1550.0`` → ``"1,550"``; ``0.4286`` → ``"0.429"``; ``12345.678`` →
    ``"12,345.68"``; with ``percent``, ``0.4286`` → ``"42.9%"``. Never scientific notation above 1."""
    if isinstance(value, numbers.Integral):
        return f"{int(value) * 100:,}%" if percent else f"{int(value):,}"
    number = float(value)
    if math.isnan(number):
        return ""
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    if percent:
        return f"{number * 100:,.1f}".removesuffix(".0") + "%"
    if number.is_integer():
        return f"{number:,.0f}"
    if abs(number) >= 1:
        return f"{number:,.2f}".rstrip("0").rstrip(".")
    return f"{number:.3g}"


def format_cell(value, *, column: str | None = None):
    """A table cell for people: numbers through :func:`format_number` (a share column as a
    percentage); booleans, text, dates and anything else as given."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return value
    return format_number(value, percent=is_share(column))
