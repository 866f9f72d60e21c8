"""Chart blocks for the chapters of "The truce": both sides' rates over a chapter's window,
magnet exports, soybeans, the Busan commitments, rates since Busan, escalations by lever.

Titles and descriptions are computed from the data, so a chart never states a number the data
does not hold.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from truce import data
from truce.analysis import tariffs
from truce.analysis.commitments import busan_table
from truce.analysis.events import escalation_table, turning_points
from truce.analysis.series import magnet_months, soybean_table
from truce.blocks.figure import embed
from truce.blocks.html import publisher_line
from truce.blocks.tariffs import confirmation_sentence, data_through, headline_series, rates_chart_data, rates_figure
from truce.charts import style
from truce.charts import tariffs as tariff_charts
from truce.charts.commitments import OUTCOME_COLOURS
from truce.charts.events import _labelled, escalation_bars
from truce.charts.rare_earths import MAGNET_LABELS, magnet_exports
from truce.charts.soybeans import soybean_figure
from truce.data import ids_in
from truce.labels import OUTCOME_LABELS

LIBERATION_DAY = dt.date(2025, 4, 2)


GENEVA_IN_FORCE = dt.date(2025, 5, 14)


def rates_window(start: dt.date, end: dt.date, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Both sides' across-the-board rate as step series from ``start`` to ``end``, each point marked
    sourced or unconfirmed."""
    return tariffs.with_confirmation(tariffs.headline_series_both(start, end, table))


def key_moves(start: dt.date, end: dt.date) -> pd.DataFrame:
    """The key moves a tariff chart marks between ``start`` and ``end`` (date, move)."""
    return style.key_moves(turning_points(), start, end)


def _rates_block(series: pd.DataFrame, *, title: str, description: str, chart_id: str, as_of: dt.date) -> str:
    dates = pd.to_datetime(series["date"])
    chart = tariff_charts.headline_rates(
        rates_chart_data(series), title=title, description=description, moves=key_moves(dates.min().date(), dates.max().date())
    )
    return rates_figure(chart, series, chart_id=chart_id, as_of=as_of, csv_name=f"{chart_id}.csv")


def spiral_chart(
    start: dt.date = dt.date(2025, 1, 1), end: dt.date = dt.date(2025, 6, 30), chart_id: str = "spiral-rates"
) -> str:
    """Chapter 1: the rates from January to June 2025, titled with the climb to the peak."""
    series = rates_window(start, end)
    before = tariffs.headline_rate(LIBERATION_DAY - dt.timedelta(days=1), "US")
    us_peak, us_day = tariffs.peak("US")
    cn_peak, cn_day = tariffs.peak("CN")
    days = (us_day - LIBERATION_DAY).days
    title = f"US duties on all Chinese goods went from {before:g}% to {us_peak:g}% in {days} days of April 2025"
    description = (
        f"Step chart of the across-the-board additional tariff each side applied to the other's goods from "
        f"{start:%-d %B %Y} to {end:%-d %B %Y}. The US rate stood at {before:g}% on 1 April, reached {us_peak:g}% "
        f"on {us_day:%-d %B} and fell on {GENEVA_IN_FORCE:%-d %B} to {tariffs.headline_rate(GENEVA_IN_FORCE, 'US'):g}%. "
        f"China's reached {cn_peak:g}% on {cn_day:%-d %B} and fell to {tariffs.headline_rate(GENEVA_IN_FORCE, 'CN'):g}%."
    )
    return _rates_block(series, title=title, description=description, chart_id=chart_id, as_of=end)


def geneva_chart(
    start: dt.date = dt.date(2025, 4, 1), end: dt.date = dt.date(2025, 11, 9), chart_id: str = "geneva-rates"
) -> str:
    """Chapter 2: the rates from April to the eve of the Busan deal, titled with the Geneva cut."""
    series = rates_window(start, end)
    cuts = {side: tariffs.peak(side)[0] - tariffs.headline_rate(GENEVA_IN_FORCE, side) for side in tariffs.IMPOSERS}
    us_after, cn_after = (tariffs.headline_rate(GENEVA_IN_FORCE, s) for s in tariffs.IMPOSERS)
    if cuts["US"] == cuts["CN"]:
        title = f"Geneva cut both sides' across-the-board tariffs by {cuts['US']:g} points, and the cut held"
    else:
        title = f"Geneva cut US tariffs by {cuts['US']:g} points and China's by {cuts['CN']:g}"
    description = (
        f"Step chart of both sides' across-the-board additional tariffs from {start:%-d %B %Y} to {end:%-d %B %Y}. "
        f"From {GENEVA_IN_FORCE:%-d %B %Y} the US rate was {us_after:g}% and China's {cn_after:g}%, "
        f"and both stayed there while the pause was extended."
    )
    return _rates_block(series, title=title, description=description, chart_id=chart_id, as_of=end)


def magnets_chart(chart_id: str = "magnet-exports-by-destination") -> str:
    """Chapter 3: monthly magnet exports, world and US, with the May 2025 trough in the title."""
    months = magnet_months()
    world = months[months["destination"] == "world"].set_index("month")
    us = months[months["destination"] == "US"].set_index("month")
    low = world["tonnes"].idxmin()
    first = world.index[0]
    title = f"China's magnet exports fell to a low in {dt.date.fromisoformat(low + '-01'):%B %Y}, then recovered"
    description = (
        f"Bar charts of China's rare-earth magnet exports per month from {dt.date.fromisoformat(first + '-01'):%B %Y}. "
        f"Exports to the world fell from {world.loc[first, 'tonnes']:,.0f} tonnes in "
        f"{dt.date.fromisoformat(first + '-01'):%B %Y} to {world.loc[low, 'tonnes']:,.0f} tonnes in "
        f"{dt.date.fromisoformat(low + '-01'):%B %Y}; exports to the United States that month were "
        f'{us.loc[low, "tonnes"]:,.1f} tonnes. Months with no reported figure are marked "no data".'
    )
    chart = magnet_exports(months, title=title, description=description)
    table = months.assign(destination=months["destination"].map(MAGNET_LABELS))[["month", "destination", "tonnes", "yoy_pct"]]
    ids = sorted({s for ids in months["source_ids"] for s in ids})
    last = months["date"].max()
    as_of = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return embed(
        chart,
        chart_id=chart_id,
        table=table,
        source=publisher_line(ids) + " (data/rare_earth_magnets.csv)",
        as_of=as_of,
        csv_name="rare-earth-magnet-exports.csv",
    )


def soybean_chart(chart_id: str = "soy-arrivals-purchases") -> str:
    table = soybean_table()
    soy = data.load("soybeans")
    pledge = soy[soy["id"] == "soy-20"]["value"].iloc[0]
    zero_months = int(
        ((table["kind"] == "arrivals") & (table["million_tonnes"] == 0) & table["date"].map(lambda d: d.year == 2025)).sum()
    )
    description = (
        f"Bars: China's customs data on soybean arrivals from the US each month; {zero_months} months of 2025 show none. "
        f"Points: purchases booked since the 30 October 2025 summit, as counted by USDA export sales, trade estimates "
        f"and US officials, against the {pledge:g}-million-tonne pledge."
    )
    chart = soybean_figure(table, pledge, description=description)
    out = table.drop(columns=["kind"])
    return embed(
        chart,
        chart_id=chart_id,
        table=out,
        source=publisher_line(ids_in(soy[soy["id"].isin(table["row"])])),
        as_of=style.data_through(table["date"]),
        csv_name="soybeans-arrivals-purchases.csv",
    )


def busan_dates(rows: pd.DataFrame) -> list:
    """Every date a commitment was made or its outcome observed (the chart's data run to the latest)."""
    return [d for d in list(rows["made_on"]) + list(rows["outcome_date"]) if pd.notna(d)]


def busan_chart(chart_id: str = "busan-commitments") -> str:
    table = busan_table()
    counts = table.groupby(["side", "outcome"], as_index=False).size().rename(columns={"size": "commitments"})
    present = [OUTCOME_LABELS[k] for k in OUTCOME_COLOURS if OUTCOME_LABELS[k] in set(counts["outcome"])]
    colours = [OUTCOME_COLOURS[k] for k in OUTCOME_COLOURS if OUTCOME_LABELS[k] in set(counts["outcome"])]
    per_side = counts.groupby("side")["commitments"].sum()
    met = counts[counts["outcome"] == OUTCOME_LABELS["met"]].set_index("side")["commitments"]
    cn, us = int(per_side.get("China", 0)), int(per_side.get("United States", 0))
    cn_met, us_met = int(met.get("China", 0)), int(met.get("United States", 0))
    description = (
        "Stacked bars counting the commitments of the Busan round by side and by observed outcome: "
        f"China {cn}, of which {cn_met} met; the United States {us}, of which {us_met} met."
    )
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("side:N", title=None, sort=["China", "United States"]),
            x=alt.X("commitments:Q", title="Commitments", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "outcome:N", title="Outcome", scale=alt.Scale(domain=present, range=colours), legend=alt.Legend(orient="bottom")
            ),
            order=alt.Order("outcome:N"),
            tooltip=["side:N", "outcome:N", alt.Tooltip("commitments:Q", title="Commitments")],
        )
        .properties(
            title=alt.Title(
                f"Busan: {cn} commitments recorded for China, {us} for the US; {cn_met} and {us_met} of them met",
                subtitle="Commitments of the Busan round, by side and outcome",
            ),
            width="container",
            height=120,
            description=description,
        )
    )
    frame = data.load("commitments")
    srcs = ids_in(frame[frame["round"] == "busan-2025"])
    return embed(
        chart,
        chart_id=chart_id,
        table=table,
        source=publisher_line(srcs) + " (data/commitments.csv)",
        as_of=style.data_through(busan_dates(frame[frame["round"] == "busan-2025"])),
        csv_name="busan-commitments.csv",
    )


def rates_since_chart(start: dt.date = dt.date(2025, 10, 1), chart_id: str = "headline-since-busan") -> str:
    series = headline_series(start)
    now = data.last_updated()
    steps = series[(series["imposer"] == "US") & (series["state"] == tariffs.SOURCED)]["rate_pct"]
    drops = int((steps.diff() < 0).sum())
    description = (
        f"Step chart of the across-the-board additional duty each side applied to the other's goods from "
        f"{start:%-d %B %Y}. While sources confirm it, the US rate fell {drops} times and China's held. "
        f"{confirmation_sentence(now)}"
    )
    chart = tariff_charts.headline_rates(
        rates_chart_data(series),
        title=f"From {start:%B %Y} the US across-the-board duty stepped down {drops} times; China's held until its suspension ran out",
        description=description,
        moves=key_moves(start, now),
    )
    return rates_figure(chart, series, chart_id=chart_id, as_of=data_through(), csv_name="headline-rates-since-busan.csv")


def escalation_chart(year: int = 2025, chart_id: str = "escalations-by-lever") -> str:
    table = escalation_table(year)
    totals = table.groupby("actor")["moves"].sum()
    description = (
        f"Grouped bars counting escalating moves in {year} by lever: the United States {totals.get('US', 0)}, "
        f"China {totals.get('CN', 0)}. The US moves are mostly tariffs and export controls; China's are spread over "
        "more levers."
    )
    chart = escalation_bars(table, year=year, description=description)
    out = _labelled(table)[["lever_label", "side", "moves"]].rename(columns={"lever_label": "lever"})
    return embed(
        chart,
        chart_id=chart_id,
        table=out,
        source="Truce Tracker chronology (data/events.csv)",
        as_of=dt.date(year, 12, 31),
        csv_name=f"escalations-by-lever-{year}.csv",
    )
