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
from truce.i18n import current, day, month, t
from truce.labels import OUTCOME_LABELS

LIBERATION_DAY = dt.date(2025, 4, 2)


GENEVA_IN_FORCE = dt.date(2025, 5, 14)


def _day_month(d: dt.date) -> str:
    """A day without its year: "9 April" / "4月9日"."""
    return f"{d.month}月{d.day}日" if current() == "zh" else f"{d:%-d %B}"


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
    title = t("US duties on all Chinese goods went from {before}% to {us_peak}% in {days} days of April 2025").format(
        before=f"{before:g}", us_peak=f"{us_peak:g}", days=days
    )
    description = t(
        "Step chart of the across-the-board additional tariff each side applied to the other's goods from "
        "{start} to {end}. The US rate stood at {before}% on 1 April, reached {us_peak}% "
        "on {us_day} and fell on {geneva} to {us_after}%. "
        "China's reached {cn_peak}% on {cn_day} and fell to {cn_after}%."
    ).format(
        start=day(start),
        end=day(end),
        before=f"{before:g}",
        us_peak=f"{us_peak:g}",
        us_day=_day_month(us_day),
        geneva=_day_month(GENEVA_IN_FORCE),
        us_after=f"{tariffs.headline_rate(GENEVA_IN_FORCE, 'US'):g}",
        cn_peak=f"{cn_peak:g}",
        cn_day=_day_month(cn_day),
        cn_after=f"{tariffs.headline_rate(GENEVA_IN_FORCE, 'CN'):g}",
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
        title = t("Geneva cut both sides' across-the-board tariffs by {cut} points, and the cut held").format(
            cut=f"{cuts['US']:g}"
        )
    else:
        title = t("Geneva cut US tariffs by {us} points and China's by {cn}").format(us=f"{cuts['US']:g}", cn=f"{cuts['CN']:g}")
    description = t(
        "Step chart of both sides' across-the-board additional tariffs from {start} to {end}. "
        "From {geneva} the US rate was {us_after}% and China's {cn_after}%, "
        "and both stayed there while the pause was extended."
    ).format(start=day(start), end=day(end), geneva=day(GENEVA_IN_FORCE), us_after=f"{us_after:g}", cn_after=f"{cn_after:g}")
    return _rates_block(series, title=title, description=description, chart_id=chart_id, as_of=end)


def magnets_chart(chart_id: str = "magnet-exports-by-destination") -> str:
    """Chapter 3: monthly magnet exports, world and US, with the May 2025 trough in the title."""
    months = magnet_months()
    world = months[months["destination"] == "world"].set_index("month")
    us = months[months["destination"] == "US"].set_index("month")
    low = world["tonnes"].idxmin()
    first = world.index[0]
    low_month, first_month = month(dt.date.fromisoformat(low + "-01")), month(dt.date.fromisoformat(first + "-01"))
    title = t("China's magnet exports fell to a low in {low}, then recovered").format(low=low_month)
    description = t(
        "Bar charts of China's rare-earth magnet exports per month from {first}. "
        "Exports to the world fell from {first_tonnes} tonnes in "
        "{first} to {low_tonnes} tonnes in "
        "{low}; exports to the United States that month were "
        '{us_tonnes} tonnes. Months with no reported figure are marked "no data".'
    ).format(
        first=first_month,
        low=low_month,
        first_tonnes=f"{world.loc[first, 'tonnes']:,.0f}",
        low_tonnes=f"{world.loc[low, 'tonnes']:,.0f}",
        us_tonnes=f"{us.loc[low, 'tonnes']:,.1f}",
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
    description = t(
        "Bars: China's customs data on soybean arrivals from the US each month; {zero_months} months of 2025 show none. "
        "Points: purchases booked since the 30 October 2025 summit, as counted by USDA export sales, trade estimates "
        "and US officials, against the {pledge}-million-tonne pledge."
    ).format(zero_months=zero_months, pledge=f"{pledge:g}")
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
    description = t(
        "Stacked bars counting the commitments of the Busan round by side and by observed outcome: "
        "China {cn}, of which {cn_met} met; the United States {us}, of which {us_met} met."
    ).format(cn=cn, cn_met=cn_met, us=us, us_met=us_met)
    sides = ["China", "United States"]
    if current() != "en":  # sides and outcomes in the edition's words
        counts = counts.assign(side=counts["side"].map(lambda s: t(s)), outcome=counts["outcome"].map(lambda o: t(o)))
        present, sides = [t(o) for o in present], [t(s) for s in sides]
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("side:N", title=None, sort=sides),
            x=alt.X("commitments:Q", title=t("Commitments"), axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "outcome:N",
                title=t("Outcome"),
                scale=alt.Scale(domain=present, range=colours),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("outcome:N"),
            tooltip=[
                *(
                    ["side:N", "outcome:N"]
                    if current() == "en"
                    else [alt.Tooltip("side:N", title=t("Side")), alt.Tooltip("outcome:N", title=t("Outcome"))]
                ),
                alt.Tooltip("commitments:Q", title=t("Commitments")),
            ],
        )
        .properties(
            title=alt.Title(
                t("Busan: {cn} commitments recorded for China, {us} for the US; {cn_met} and {us_met} of them met").format(
                    cn=cn, us=us, cn_met=cn_met, us_met=us_met
                ),
                subtitle=t("Commitments of the Busan round, by side and outcome"),
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
    description = t(
        "Step chart of the across-the-board additional duty each side applied to the other's goods from "
        "{start}. While sources confirm it, the US rate fell {drops} times and China's held. "
        "{confirmation}"
    ).format(start=day(start), drops=drops, confirmation=confirmation_sentence(now))
    chart = tariff_charts.headline_rates(
        rates_chart_data(series),
        title=t(
            "From {start} the US across-the-board duty stepped down {drops} times; China's held until its suspension ran out"
        ).format(start=month(start), drops=drops),
        description=description,
        moves=key_moves(start, now),
    )
    return rates_figure(chart, series, chart_id=chart_id, as_of=data_through(), csv_name="headline-rates-since-busan.csv")


def escalation_chart(year: int = 2025, chart_id: str = "escalations-by-lever") -> str:
    table = escalation_table(year)
    totals = table.groupby("actor")["moves"].sum()
    description = t(
        "Grouped bars counting escalating moves in {year} by lever: the United States {us}, "
        "China {cn}. The US moves are mostly tariffs and export controls; China's are spread over "
        "more levers."
    ).format(year=year, us=totals.get("US", 0), cn=totals.get("CN", 0))
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
