"""The first three story chapters: their charts draw the data they are given, their figures
refuse data that no longer fits the sentence, and every quotation is recorded in quotes.csv."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from truce import charts, data
from truce.analysis import series
from truce.blocks import story as story_a
from truce.charts import rare_earths as rare_charts
from truce.figures import declared, registry
from truce.paths import DOCS_DIR

CHAPTERS = sorted(p.name for p in (DOCS_DIR / "story").glob("*.md"))


def test_magnet_chart_draws_exactly_the_rows_given():
    months = pd.DataFrame(
        {
            "month": ["2025-01", "2025-05", "2025-05"],
            "destination": ["world", "world", "US"],
            "tonnes": [6000.0, 1200.0, 46.4],
            "date": [dt.date(2025, 1, 1), dt.date(2025, 5, 1), dt.date(2025, 5, 1)],
        }
    )
    chart = rare_charts.magnet_exports(months, title="t", description="d")
    drawn = sorted((r["destination"], r["tonnes"]) for r in charts.chart_data(chart))
    assert drawn == sorted(zip(months["destination"], months["tonnes"], strict=False))


def test_magnet_months_drop_annual_totals():
    table = pd.DataFrame(
        {
            "month": ["2025", "2025-05", "2025-01"],
            "destination": ["US", "US", "world"],
            "tonnes": [5933.0, 46.4, 6357.0],
            "yoy_pct": [float("nan")] * 3,
            "source_ids": ["s"] * 3,
            "note": [""] * 3,
        }
    )
    months = series.magnet_months(table)
    assert list(months["month"]) == ["2025-01", "2025-05"]


def test_rates_window_covers_both_sides_from_start_to_end():
    start, end = dt.date(2025, 4, 1), dt.date(2025, 6, 30)
    series = story_a.rates_window(start, end)
    for side in ("US", "CN"):
        dates = list(series[series["imposer"] == side]["date"])
        assert dates[0] == start and dates[-1] == end


def test_chapter_charts_state_numbers_from_the_data():
    html = story_a.spiral_chart()
    assert "145%" in html and "10 April" in html
    assert "115 points" in story_a.geneva_chart()


def test_magnet_figures_are_the_reported_falls():
    """The chapters state magnet exports as falls: each declared fall is minus a reported
    year-on-year change, so a month that rose would read as a negative fall and fail its link."""
    figures = registry.evaluate_all()
    frame = data.load("rare_earth_magnets").set_index(["month", "destination"])
    for fid, key in [
        ("duel-magnets-us-may-2025-fall", ("2025-05", "US")),
        ("duel-magnets-world-may-2025-fall", ("2025-05", "world")),
        ("duel-magnets-us-2025-fall", ("2025", "US")),
    ]:
        assert frame.loc[key, "yoy_pct"] < 0, f"{key}: not a fall — reword the sentence using {fid}"
        assert figures[fid].value == -frame.loc[key, "yoy_pct"]


def test_two_row_key_picks_one_magnet_row(tmp_path):
    table = tmp_path / "declared.csv"
    table.write_text(
        ",".join(declared.DECLARED_COLUMNS) + "\nx,rare_earth_magnets,destination=US,tonnes,tonnes,0,,,,D.\n", encoding="utf-8"
    )
    rows = int((data.load("rare_earth_magnets")["destination"] == "US").sum())
    with pytest.raises(declared.DeclarationError) as err:
        declared.declared_figures(table, label="truce/figures/declared.csv")
    assert str(err.value) == (
        f"truce/figures/declared.csv:2: column row: {rows} rows of data/rare_earth_magnets.csv match "
        "destination=US — add columns to the key until one row matches"
    )
