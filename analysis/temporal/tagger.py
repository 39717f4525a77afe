"""From text to :class:`~analysis.types.Timex` records: extents, then values, then spans."""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import date

from ..types import Timex
from . import durations, normalize, periods, relative
from .extract import Candidate, find_candidates
from .normalize import Context, Found
from .spans import value_span
from .tense import Tense

LOGGER = logging.getLogger(__name__)

RESOLVERS = {
    "iso": normalize.r_iso, "slash": normalize.r_slash, "md_range": normalize.r_md, "dm_range": normalize.r_md,
    "mdy": normalize.r_md, "dmy": normalize.r_md, "my": normalize.r_my, "month": normalize.r_month,
    "year": normalize.r_year, "spoken_year": normalize.r_spoken_year, "short_year": normalize.r_short_year, "decade": normalize.r_decade, "spelled_decade": normalize.r_spelled_decade,
    "century": normalize.r_century, "quarter": normalize.r_quarter, "qshort": normalize.r_qshort,
    "week_of": normalize.r_week_of, "week_of_day": normalize.r_week_of_day,
    "clock_part": relative.r_clock_part, "part_mod": relative.r_part_mod, "season": normalize.r_season,
    "time": relative.r_time, "time24": relative.r_time, "time4": relative.r_time, "noon": relative.r_noon,
    "ago": relative.r_ago, "in_the": relative.r_in_the, "dur_range": durations.r_dur_range, "relunit": relative.r_relunit, "anaphor": relative.r_anaphor,
    "deictic": relative.r_deictic, "weekday": relative.r_weekday, "holiday": relative.r_holiday,
    "vague": relative.r_vague, "vague_phrase": relative.r_vague_phrase,
    "duration": durations.r_duration, "weekly": durations.r_weekly, "bare_plural": durations.r_bare_plural, "set": durations.r_set,
    "freq": durations.r_freq, "fin_period": periods.r_fin_period, "year_back": periods.r_year_back,
    "fiscal": periods.r_fiscal, "year_end": periods.r_year_end, "year_ended": periods.r_year_ended, "year_range": durations.r_year_range,
    "month_range": normalize.r_month_range,
}
# Values that can anchor a later "that day" / "at the time": explicit calendar dates.
_ANCHORING = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d|-Q\d)?$")
# Rules whose values come from an earlier date (or a year before one): they never anchor later ones.
_ANAPHORIC_RULES = {"anaphor", "fin_period", "year_back"}


def _backward(c: Candidate) -> bool:
    """"a year earlier", "two days before": a step back from a date already told."""
    return (c.groups.get("dir") or "").lower() in ("earlier", "before")


def resolve(text: str, candidates: Sequence[Candidate], *, published: date | None, tense: Tense) -> list[Found]:
    """TIMEX3 type and value of each candidate, in text order."""
    ctx = Context(text=text, dct=published, tense=tense)
    found: list[Found] = []
    for c in candidates:
        try:
            items = RESOLVERS[c.rule](c, ctx)
        except (ValueError, KeyError, OverflowError) as exc:   # a malformed date never stops the article
            LOGGER.debug("no value for %r (%s): %s", text[c.start:c.end], c.rule, exc)
            items = []
        for item in items:
            if item[3] is None:
                continue
            found.append(item)
            if c.rule == "ago" and (_backward(c) or "-Q" in item[3]):
                continue        # "a year earlier" twice over compares with the same year, not two back
            if item[2] == "DATE" and c.rule not in _ANAPHORIC_RULES and re.match(r"\d{4}(?:-|$)", item[3]):
                ctx.anchor_years.append((item[3], item[0]))
            if item[2] == "DATE" and c.rule not in _ANAPHORIC_RULES and _ANCHORING.match(item[3]) \
                    and c.rule not in ("year", "spoken_year", "decade", "century"):
                ctx.anchors.append((item[3], item[0]))
                if len(item[3]) == 10:
                    ctx.anchor_days.append((item[3], item[0]))
    return durations.join_compounds(relative.day_next_to(relative.date_times(found, ctx), text), text)


def to_timex(text: str, item: Found) -> Timex:
    s, e, ty, value = item
    start, end = (value_span(value) if ty in ("DATE", "TIME") else (None, None))
    return Timex(start=s, end=e, text=text[s:e], type=ty, value=value, date_start=start, date_end=end)


def find_timexes(text: str, *, published: date | None, sentences: Sequence[tuple[int, int]] | None = None,
                 candidates: Sequence[Candidate] | None = None, doc=None) -> list[Timex]:
    """Every temporal expression in ``text`` as a :class:`Timex`, resolved against ``published``.

    ``sentences`` are (start, end) offsets used for the tense of each clause (cut at full stops
    when not given); ``doc``, the spaCy parse of ``text``, gives the tense of the verb each
    expression depends on (marker words decide without it).

    >>> [(t.text, t.value) for t in find_timexes("They met on Thursday.", published=date(2023, 3, 2))]
    [('Thursday', '2023-03-02')]
    """
    if candidates is None:
        candidates = find_candidates(text)
    tense = Tense(text, sentences, doc=doc)
    return [to_timex(text, item) for item in resolve(text, candidates, published=published, tense=tense)]
