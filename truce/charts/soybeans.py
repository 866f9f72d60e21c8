"""Soybean charts: China's arrivals from the US and purchases after the truce."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import (
    CN,
    MIN_FONT_PX,
    US,
    _title,
    date_axis,
    decoration,
    missing_months,
    no_data_marks,
    time_format,
)
from truce.i18n import t


def soybean_arrivals_chart(frame: pd.DataFrame, *, title: str, subtitle: str, description: str) -> alt.Chart:
    """Bars of monthly arrivals, with the zero months labelled and the months without a figure
    marked "no data". ``frame``: date, mmt, zero."""
    base = alt.Chart(frame).encode(x=alt.X("yearmonth(date):T", axis=date_axis()))
    bars = base.mark_bar(color=US).encode(
        y=alt.Y("mmt:Q", title=t("Million tonnes a month")),
        tooltip=[
            alt.Tooltip("yearmonth(date):T", title=t("Month"), format=time_format("%B %Y")),
            alt.Tooltip("mmt:Q", title=t("Million tonnes"), format=".2f"),
        ],
    )
    zeros = (
        base.mark_text(dy=-8, fontWeight="bold", color="#888888")
        .encode(y=alt.Y("mmt:Q"), text=alt.Text("zero:N"))
        .transform_filter("datum.zero == '0'")
    )
    return alt.layer(*no_data_marks(missing_months(frame["date"])), bars, zeros).properties(
        title=_title(title, subtitle), width="container", height=240, description=description
    )


def soybean_tracker_chart(frame: pd.DataFrame, *, title: str, subtitle: str, description: str) -> alt.Chart:
    """Reported cumulative purchases since the truce, with the pledge as a rule.
    ``frame``: date, mmt, dated, report, pledge_mmt."""
    base = alt.Chart(frame)
    points = base.mark_point(filled=True, size=70, color=CN).encode(
        x=alt.X("date:T", axis=date_axis()),
        y=alt.Y("mmt:Q", title=t("Million tonnes since 30 October 2025")),
        shape=alt.Shape("dated:N", title=t("Date of report"), legend=alt.Legend(orient="top")),
        tooltip=[
            alt.Tooltip("date:T", title=t("Reported"), format=time_format("%-d %B %Y")),
            alt.Tooltip("mmt:Q", title=t("Million tonnes"), format=".2f"),
            alt.Tooltip("report:N", title=t("Basis")),
        ],
    )
    rule = base.mark_rule(strokeDash=[6, 4], color="#888888").encode(y=alt.Y("mean(pledge_mmt):Q"))
    label = base.mark_text(align="left", dx=4, dy=-7, color="#888888").encode(
        x=alt.X("min(date):T"), y=alt.Y("mean(pledge_mmt):Q"), text=alt.value(t("pledge"))
    )
    return (rule + label + points).properties(
        title=_title(title, subtitle), width="container", height=260, description=description
    )


def _series_name(name: str) -> str:
    """A series of :func:`truce.analysis.series.soybean_table` in the edition's words."""
    from truce.analysis.series import PURCHASES_PREFIX

    if name.startswith(PURCHASES_PREFIX):
        return t("Bought since the summit: {basis}").format(basis=t(name[len(PURCHASES_PREFIX) :]))
    return t(name)


def soybean_figure(table: pd.DataFrame, pledge: float, *, description: str) -> alt.LayerChart:
    """Bars of monthly arrivals, points of cumulative purchases and a rule at the pledge.

    ``table`` has the columns of :func:`soybean_table`."""
    frame = table.assign(date=pd.to_datetime(table["date"]), series=table["series"].map(_series_name))
    series = list(dict.fromkeys(frame.sort_values("kind")["series"]))
    palette = ["#E69F00", "#0072B2", "#009E73", "#CC79A7", "#999999"]
    colour = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=series, range=palette[: len(series)]),
        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
    )
    x = alt.X("date:T", axis=date_axis())
    y = alt.Y("million_tonnes:Q", title=t("Million tonnes"))
    tooltip = [
        alt.Tooltip("date:T", title=t("Date"), format=time_format("%-d %b %Y")),
        alt.Tooltip("series:N", title=t("Series")),
        alt.Tooltip("million_tonnes:Q", title=t("Million tonnes")),
    ]
    bars = (
        alt.Chart(frame[frame["kind"] == "arrivals"])
        .mark_bar(width={"band": 0.8}, opacity=0.85)
        .encode(x=alt.X("yearmonth(date):T", axis=date_axis()), y=y, color=colour, tooltip=tooltip)
    )
    points = (
        alt.Chart(frame[frame["kind"] == "purchases"])
        .mark_point(filled=True, size=70, opacity=1)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )
    zeros = (
        alt.Chart(frame[frame["kind"] == "arrivals"])
        .transform_filter("datum.million_tonnes == 0")
        .mark_text(dy=-8, fontSize=MIN_FONT_PX, fontWeight="bold", color=palette[0])
        .encode(x=alt.X("yearmonth(date):T"), y=y, text=alt.value("0"), tooltip=tooltip)
    )
    rule = (
        alt.Chart(
            decoration(
                pd.DataFrame(
                    {
                        "million_tonnes": [pledge],
                        "label": [t("Pledge announced by US officials: {pledge} million tonnes").format(pledge=f"{pledge:g}")],
                    }
                )
            )
        )
        .mark_rule(strokeDash=[4, 3], color="#888888")
        .encode(y="million_tonnes:Q", tooltip=alt.Tooltip("label:N", title=t("Line")))
    )
    label = (
        alt.Chart(
            decoration(pd.DataFrame({"million_tonnes": [pledge], "label": [t("pledge: {pledge}").format(pledge=f"{pledge:g}")]}))
        )
        .mark_text(align="left", dx=4, dy=-6, color="#888888", fontSize=MIN_FONT_PX)
        .encode(y="million_tonnes:Q", x=alt.value(0), text="label:N")
    )
    arrivals = frame[frame["kind"] == "arrivals"]["date"]
    gaps = missing_months(arrivals, end=frame["date"].max())
    return alt.layer(*no_data_marks(gaps), bars, zeros, rule, label, points).properties(
        title=alt.Title(
            t("Purchases climbed towards the pledge while Chinese customs still recorded no US arrivals"),
            subtitle=t(
                "Million tonnes. Bars: arrivals in the month (0 = none recorded; grey = no figure). Points: bought "
                "since the summit, cumulative."
            ),
        ),
        width="container",
        height=280,
        description=description,
    )
