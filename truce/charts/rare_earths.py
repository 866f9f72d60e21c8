"""Rare-earth charts: China's magnet exports by month, China's shares of the supply chain."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import (
    CN,
    MIN_FONT_PX,
    SIDE_COLOURS,
    US,
    WORLD,
    _title,
    date_axis,
    end_labels,
    missing_months,
    no_data_marks,
    time_format,
)
from truce.i18n import N_, t

DEST_LABELS = {"world": N_("All destinations"), "US": N_("To the United States")}


def magnets_chart(frame: pd.DataFrame, *, title: str, subtitle: str, description: str) -> alt.Chart:
    """Monthly magnet exports on a log scale, world and US. ``frame``: date, destination, tonnes,
    segment (lines join consecutive months only, so a gap in the data is a gap in the line, and
    months without a figure are marked "no data"); each line is labelled at its end."""
    destinations = [t(d) for d in DEST_LABELS.values()]
    frame = frame.assign(destination=frame["destination"].map(lambda d: t(d)))
    scale = alt.Scale(domain=destinations, range=[WORLD, US])
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", axis=date_axis()),
        y=alt.Y("tonnes:Q", title=t("Tonnes a month (log scale)"), scale=alt.Scale(type="log")),
        color=alt.Color("destination:N", scale=scale, legend=None),
        tooltip=[
            alt.Tooltip("date:T", title=t("Month"), format=time_format("%B %Y")),
            alt.Tooltip("destination:N", title=t("Destination")),
            alt.Tooltip("tonnes:Q", title=t("Tonnes"), format=",.1f"),
        ],
    )
    line = base.mark_line(strokeWidth=2).encode(detail="segment:N")
    labels = end_labels(
        frame,
        x="date",
        y="tonnes",
        series="destination",
        colours=dict(zip(destinations, [WORLD, US], strict=False)),
        close=0,
    )
    gaps = missing_months(frame["date"])
    return alt.layer(*no_data_marks(gaps), line, base.mark_point(filled=True, size=40), *labels).properties(
        title=_title(title, subtitle), width="container", height=280, description=description
    )


def segments(dates: list) -> list[int]:
    """Run numbers of consecutive months: 0, 0, 0, 1, 1 … (a new run after each missing month)."""
    out, run, prev = [], 0, None
    for d in dates:
        if prev is not None and (d.year - prev.year) * 12 + d.month - prev.month > 1:
            run += 1
        out.append(run)
        prev = d
    return out


def shares_chart(frame: pd.DataFrame, *, title: str, subtitle: str, description: str) -> alt.Chart:
    """China's share at each stage, one dot per estimate. ``frame``: stage, share_pct, estimate, kind."""
    kinds = {"observed": N_("observed"), "projection": N_("projection")}
    frame = frame.assign(stage=frame["stage"].map(lambda s: t(s)), kind=frame["kind"].map(lambda k: t(kinds.get(k, k))))
    order = list(dict.fromkeys(frame["stage"]))
    return (
        alt.Chart(frame)
        .mark_point(filled=True, size=110, color=CN)
        .encode(
            y=alt.Y("stage:N", sort=order, title=None),
            x=alt.X("share_pct:Q", title=t("China's share of world output (%)"), scale=alt.Scale(domain=[0, 100])),
            shape=alt.Shape("kind:N", title=None, legend=alt.Legend(orient="top")),
            opacity=alt.Opacity("kind:N", scale=alt.Scale(domain=[t(k) for k in kinds.values()], range=[1, 0.45]), legend=None),
            tooltip=[
                alt.Tooltip("stage:N", title=t("Stage")),
                alt.Tooltip("share_pct:Q", title=t("Share (%)")),
                alt.Tooltip("estimate:N", title=t("Estimate")),
                alt.Tooltip("kind:N", title=t("Kind")),
            ],
        )
        .properties(title=_title(title, subtitle), width="container", height=200, description=description)
    )


STAGE_LABELS = {
    "mining": N_("Mining"),
    "separation": N_("Separation"),
    "refining": N_("Refining"),
    "magnets": N_("Magnet making"),
}


MAGNET_COLOURS = {"world": "#009E73", "US": SIDE_COLOURS["US"]}


MAGNET_LABELS = {"world": N_("To the world"), "US": N_("To the United States")}


def magnet_exports(months: pd.DataFrame, *, title: str, description: str) -> alt.VConcatChart:
    """Bars of China's magnet exports per month, one panel per destination (own scale each),
    months without a reported figure marked "no data" from the first month to the last.

    ``months`` has columns date (first of the month), destination (world/US), tonnes.
    """
    frame = months.assign(date=pd.to_datetime(months["date"]), where=months["destination"].map(lambda d: t(MAGNET_LABELS[d])))
    first, last = frame["date"].min(), frame["date"].max()
    panels = []
    for key, colour in MAGNET_COLOURS.items():
        part = frame[frame["destination"] == key]
        bars = (
            alt.Chart(part)
            .mark_bar(color=colour)
            .encode(
                x=alt.X(
                    "yearmonth(date):T",
                    axis=date_axis(),
                    scale=alt.Scale(domain=[first.isoformat(), (last + pd.offsets.MonthBegin(1)).isoformat()]),
                ),
                y=alt.Y("tonnes:Q", title=t("Tonnes")),
                tooltip=[
                    alt.Tooltip("yearmonth(date):T", title=t("Month"), format=time_format("%B %Y")),
                    alt.Tooltip("where:N", title=t("Exports")),
                    alt.Tooltip("tonnes:Q", title=t("Tonnes"), format=","),
                ],
            )
        )
        gaps = missing_months(part["date"], first, last)
        panels.append(
            alt.layer(*no_data_marks(gaps), bars).properties(
                title=alt.Title(t(MAGNET_LABELS[key]), fontSize=MIN_FONT_PX + 1, anchor="start", color=colour),
                width="container",
                height=130,
            )
        )
    return alt.vconcat(*panels, spacing=14).properties(
        title=alt.Title(
            title,
            subtitle=t("Rare-earth permanent magnets, tonnes a month, China customs data as reported; grey: no reported figure"),
        ),
        description=description,
    )
