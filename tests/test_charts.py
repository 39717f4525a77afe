"""Chart functions on small frames and on empty frames: they draw, label, and never raise on nothing."""
from __future__ import annotations

from datetime import date, timedelta

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import charts  # noqa: E402
from analysis.tables import columns  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _event(i, start, end=None, status="asserted", actors=("Antony Blinken",)):
    row = dict.fromkeys(columns("events"))
    row.update(article_id="a", date=start.isoformat(), date_start=start, date_end=end or start,
               text=f"event {i}", start=i, end=i + 5, actors=actors, status=status, speaker=None)
    return row


def _events(n: int) -> pd.DataFrame:
    statuses = ["asserted", "attributed", "unverified", "expected", "background"]
    day = date(2023, 1, 1)
    rows = [_event(i, day + timedelta(days=3 * i), status=statuses[i % 5]) for i in range(n)]
    return pd.DataFrame(rows, columns=columns("events"))


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _ylabels(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def test_timeline_points_and_ranges():
    df = _events(6)
    month = _event(9, date(2023, 2, 1), date(2023, 2, 28), status="expected", actors=("NATO", "Russia"))
    undated = _event(10, date(2023, 1, 1)) | {"date_start": None, "date_end": None}
    df = pd.concat([df, pd.DataFrame([month, undated])], ignore_index=True)
    ax = charts.plot_timeline(df)
    assert len(ax.patches) == 1                    # the month is a bar, the days are points
    assert len(ax.lines) == 6
    assert any(t.startswith("NATO, Russia: ") for t in _ylabels(ax))   # labels name the actors
    assert "1 undated not shown" in ax.get_title()
    assert {t.get_text() for t in ax.get_legend().get_texts()} >= {"asserted", "expected"}
    assert ax.get_xlabel() == "date"


def test_timeline_leaves_out_far_outliers_and_says_so():
    df = pd.concat([_events(12), pd.DataFrame([_event(99, date(1944, 6, 6), actors=("Allies",))])],
                   ignore_index=True)
    ax = charts.plot_timeline(df)
    assert "1 far from the rest (1944) not shown" in ax.get_title()
    assert mdates.num2date(ax.get_xlim()[0]).year >= 2022
    assert not any(t.startswith("Allies") for t in _ylabels(ax))


def test_timeline_aggregates_many_events():
    ax = charts.plot_timeline(_events(500))
    assert "per week" in ax.get_title() or "per month" in ax.get_title()
    assert sum(p.get_height() for p in ax.patches) == 500
    assert ax.get_ylabel().startswith("events per")


def test_timeline_accepts_iso_strings_and_joined_actors():
    df = _events(3)
    df["date_start"] = df["date_start"].map(date.isoformat)
    df["date_end"] = df["date_end"].map(date.isoformat)
    df["actors"] = "Olaf Scholz; China"
    ax = charts.plot_timeline(df)
    assert any(t.startswith("Olaf Scholz, China: ") for t in _ylabels(ax))


def test_actor_lanes():
    ax = charts.plot_actor_lanes(_events(10))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Antony Blinken"]


SOURCE_CHARTS = [charts.plot_sources_per_speaker, charts.plot_quote_kinds, charts.plot_source_types,
                 charts.plot_affiliations, charts.plot_wire_reliance]


@pytest.fixture
def attributions() -> pd.DataFrame:
    def row(kind, speaker, source_type, start, affiliation=None):
        r = dict.fromkeys(columns("attributions"))
        source = speaker or ("Reuters" if kind == "wire_credit" else "an official")
        r.update(article_id="a", kind=kind, speaker=speaker, source=source, source_type=source_type,
                 source_start=start, content_start=start + 10, affiliation=affiliation)
        return r
    rows = [row("direct", "Antony Blinken", "person", 0, "United States"),
            row("indirect", "Antony Blinken", "person", 50, "United States"),
            row("according_to", "Reuters", "media", 100),
            row("mixed", None, "anonymous", 150),
            row("wire_credit", None, "media", 200)]
    return pd.DataFrame(rows, columns=columns("attributions"))


@pytest.mark.parametrize("fn", SOURCE_CHARTS)
def test_source_charts_draw_bars(fn, attributions):
    ax = fn(attributions)
    assert ax.patches, fn.__name__
    assert ax.get_xlabel() and ax.get_title()


def test_sources_per_speaker_colours_by_source_type(attributions):
    ax = charts.plot_sources_per_speaker(attributions)
    labels = {t.get_text() for t in ax.get_legend().get_texts()}
    assert {"person", "media", "anonymous", "direct", "reported"} <= labels
    top = max(ax.get_yticklabels(), key=lambda t: t.get_position()[1])
    assert top.get_text() == "Antony Blinken"          # the most cited speaker comes first


@pytest.mark.parametrize("fn", SOURCE_CHARTS + [charts.plot_timeline, charts.plot_actor_lanes,
                                                charts.plot_paragraph_kinds])
def test_empty_frames_say_so(fn):
    kind = {"plot_timeline": "events", "plot_actor_lanes": "events", "plot_paragraph_kinds": "paragraphs"}
    ax = fn(pd.DataFrame(columns=columns(kind.get(fn.__name__, "attributions"))))
    assert any(("No " in t or "Nothing" in t) for t in _texts(ax)), fn.__name__


def test_draws_on_given_axes(attributions):
    fig, ax = plt.subplots()
    assert charts.plot_source_types(attributions, ax=ax) is ax
    assert charts.plot_timeline(_events(2), ax=ax) is ax


def test_paragraph_kinds():
    df = pd.DataFrame({"article_id": "a", "kind": ["headline", "body", "body", "credit"]})
    ax = charts.plot_paragraph_kinds(df)
    labels = sorted(ax.get_yticklabels(), key=lambda t: -t.get_position()[1])
    assert [t.get_text() for t in labels] == ["headline", "body", "credit"]


@pytest.mark.parametrize("text", ["$\\bad{x}$ was printed", "prices went from $5 to $6", "x" * 200_000])
def test_article_text_is_drawn_as_written_and_cut(text):
    event = _event(0, date(2023, 3, 2))
    event["text"], event["actors"] = text, (text,)
    ax = charts.plot_timeline(pd.DataFrame([event]))
    ax.figure.canvas.draw()                 # mathtext would raise (or turn the dollars into italics) here
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert all(len(label) <= 70 for label in labels)
    assert all("$" not in label.replace("\\$", "") for label in labels)
    lanes = charts.plot_actor_lanes(pd.DataFrame([event]))
    lanes.figure.canvas.draw()
