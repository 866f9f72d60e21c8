"""The story chapters: their charts draw the data they are given, their figures refuse data
that no longer fits the sentence, and every quotation is recorded in quotes.csv."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from truce import charts, data
from truce.analysis import commitments, events, series
from truce.blocks import story
from truce.charts import events as event_charts
from truce.charts import rare_earths as rare_charts
from truce.charts import soybeans as soy_charts
from truce.figures import commitments as commitment_figures
from truce.figures import declared, registry
from truce.figures import soybeans as soybean_figures
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
    series = story.rates_window(start, end)
    for side in ("US", "CN"):
        dates = list(series[series["imposer"] == side]["date"])
        assert dates[0] == start and dates[-1] == end


def test_chapter_charts_state_numbers_from_the_data():
    html = story.spiral_chart()
    assert "145%" in html and "10 April" in html
    assert "115 points" in story.geneva_chart()


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


# Chapters 4-7: soybeans, Busan, the Supreme Court, Beijing -----------------------------------


def test_soybean_table_holds_every_arrival_and_purchase_row():
    soy = data.load("soybeans")
    wanted = soy[
        ((soy["measure"] == "china-imports-from-us") & (soy["period_kind"] == "month"))
        | (soy["measure"] == "purchases-since-truce")
    ]
    table = series.soybean_table()
    assert sorted(table["row"]) == sorted(wanted["id"])
    assert dict(zip(table["row"], table["million_tonnes"], strict=False)) == dict(
        zip(wanted["id"], wanted["value"], strict=False)
    )


def test_soybean_chart_draws_exactly_the_rows_given():
    table = pd.DataFrame(
        {
            "date": [dt.date(2025, 9, 15), dt.date(2025, 11, 15), dt.date(2026, 1, 20)],
            "series": [
                series.ARRIVALS,
                "Bought since the summit: USDA export sales",
                "Bought since the summit: US official statement",
            ],
            "million_tonnes": [0.0, 0.332, 12.0],
            "kind": ["arrivals", "purchases", "purchases"],
            "row": ["a", "b", "c"],
        }
    )
    chart = soy_charts.soybean_figure(table, 12.0, description="d")
    drawn = sorted((r["row"], r["million_tonnes"]) for r in charts.chart_data(chart) if "row" in r)
    # the zero month is drawn twice: as a bar and as its "0" marker
    assert sorted(set(drawn)) == sorted(zip(table["row"], table["million_tonnes"], strict=False))


def test_soybean_chart_block_has_table_and_download():
    html = story.soybean_chart()
    assert 'data-chart="soy-arrivals-purchases"' in html
    assert "Download CSV" in html and "Show the data as a table" in html


def test_busan_table_is_the_busan_round():
    frame = data.load("commitments")
    busan = frame[frame["round"] == "busan-2025"]
    table = commitments.busan_table()
    assert sorted(table["id"]) == sorted(busan["id"])


def test_busan_figures_add_up():
    figs = registry.evaluate_all()
    table = commitments.busan_table()
    assert figs["story-busan-commitments-cn"].value == (table["side"] == "China").sum()
    assert figs["story-busan-commitments-us"].value == (table["side"] == "United States").sum()
    assert figs["story-busan-cn-met"].value + figs["story-busan-cn-open"].value <= figs["story-busan-commitments-cn"].value


def test_escalation_chart_counts_match_the_figures():
    figs = registry.evaluate_all()
    table = events.escalation_table(2025)
    totals = table.groupby("actor")["moves"].sum()
    assert totals["US"] == figs["story-escalations-2025-us"].value
    assert totals["CN"] == figs["story-escalations-2025-cn"].value
    tariffs = table[table["lever"] == "tariffs"].set_index("actor")["moves"]
    assert tariffs["US"] == figs["story-tariff-escalations-2025-us"].value
    assert tariffs["CN"] == figs["story-tariff-escalations-2025-cn"].value


def test_escalation_chart_draws_exactly_the_rows_given():
    table = pd.DataFrame({"lever": ["tariffs", "tariffs", "agriculture"], "actor": ["US", "CN", "CN"], "moves": [3, 1, 2]})
    chart = event_charts.escalation_bars(table, year=2025, description="d")
    drawn = sorted((r["lever"], r["actor"], r["moves"]) for r in charts.chart_data(chart))
    assert drawn == sorted(zip(table["lever"], table["actor"], table["moves"], strict=False))


def test_amount_read_from_text_fails_loudly_when_the_text_changes(monkeypatch):
    monkeypatch.setattr(commitment_figures, "_row", lambda resource, row_id: {"id": row_id, "commitment": "Buy Boeing aircraft."})
    with pytest.raises(ValueError) as err:
        commitment_figures.amount_in_text("commitments", "beijing-cn-boeing-200", "commitment", r"Buy ([\d,]+) Boeing aircraft")
    assert str(err.value) == (
        "data/commitments.csv: row beijing-cn-boeing-200, column commitment: "
        "expected one match of 'Buy ([\\\\d,]+) Boeing aircraft', found 0"
    )


def test_amounts_in_text_are_the_numbers_the_rows_state():
    figs = registry.evaluate_all()
    text = data.load("commitments").set_index("id").loc["beijing-cn-boeing-200", "commitment"]
    assert f"Buy {figs['story-beijing-boeing-aircraft'].text} Boeing aircraft" in text


def test_annual_soybean_pledge_refuses_rows_that_disagree(monkeypatch):
    fake = pd.DataFrame(
        {
            "id": ["a", "b"],
            "period": ["2026", "2027"],
            "period_kind": ["calendar-year"] * 2,
            "measure": ["commitment"] * 2,
            "value": [25.0, 20.0],
            "unit": ["mmt"] * 2,
            "as_of": [None, None],
            "source_ids": ["s"] * 2,
            "note": [""] * 2,
        }
    )
    monkeypatch.setattr(soybean_figures.data, "load", lambda name: fake)
    with pytest.raises(ValueError) as err:
        soybean_figures.soy_pledge_annual()
    assert str(err.value) == "data/soybeans.csv: annual commitment rows disagree: [20.0, 25.0]"


def test_soybean_duties_follow_the_tariff_layers():
    figs = registry.evaluate_all()
    assert (
        figs["story-soy-cn-duty-peak"].value > figs["story-soy-cn-duty-autumn-2025"].value > figs["story-soy-cn-duty-busan"].value
    )
