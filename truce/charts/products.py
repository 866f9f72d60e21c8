"""Charts of the trade-weighted average tariff: its steps since 2018 against PIIE's published
values, and its split by legal authority at key dates."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import (
    CONFIRMED_DASH,
    SIDE_LABELS,
    UNCONFIRMED_NOTE,
    _side_scale,
    _title,
    side_label,
    time_format,
    year_axis,
)
from truce.charts.tariffs import _named
from truce.i18n import N_, t


def _year_axis() -> alt.Axis:
    return year_axis(title=None, tickCount=alt.TimeIntervalStep(interval="year", step=1), labelOverlap=True)


# authorities in stacking order (normal duty first), one colour each; China's in warm tones
AUTHORITY_COLOURS = {
    "MFN": "#8E8E8E",
    "Section 301": "#0072B2",
    "Section 232": "#56B4E9",
    "IEEPA fentanyl": "#CC79A7",
    "IEEPA reciprocal": "#882255",
    "Section 122": "#009E73",
    "China 2018 (vs Section 232)": "#F0E442",
    "China 2018-2019 (vs Section 301)": "#D55E00",
    "China 2025 product lists": "#E69F00",
    "China 2025 all goods": "#994F00",
}


def average_rates(series: pd.DataFrame, piie: pd.DataFrame, *, title: str, description: str) -> alt.LayerChart:
    """Steps of the computed average both ways, with PIIE's published averages as hollow points.

    ``series`` has date, imposer, average_pct (one row per change date) and may have a ``part``
    column (dashed where "unconfirmed"); ``piie`` has refers_to, imposer, value_pct, vintage."""
    steps = series.assign(
        side=series["imposer"].map(side_label), date=pd.to_datetime(series["date"]), average_pct=series["average_pct"].round(2)
    )
    steps = (steps if "part" in steps else steps.assign(part="sourced"))[["date", "side", "average_pct", "part"]]
    points = piie.assign(side=piie["imposer"].map(side_label), date=pd.to_datetime(piie["refers_to"]))[
        ["date", "side", "value_pct", "vintage"]
    ]
    colour = alt.Color("side:N", scale=_side_scale(), legend=alt.Legend(title=None, orient="top", direction="vertical"))
    line = (
        alt.Chart(steps)
        .mark_line(interpolate="step-after", strokeWidth=2.5)
        .encode(
            x=alt.X("date:T", axis=_year_axis()),
            y=alt.Y("average_pct:Q", title=t("Average tariff, normal duty included (%)")),
            color=colour,
            strokeDash=CONFIRMED_DASH,
            tooltip=[
                alt.Tooltip("date:T", title=t("From"), format=time_format("%-d %b %Y")),
                alt.Tooltip("side:N", title=t("Side")),
                alt.Tooltip("average_pct:Q", title=t("Average (%)"), format=".1f"),
            ],
        )
    )
    dots = (
        alt.Chart(points)
        .mark_point(shape="circle", size=55, strokeWidth=1.8, filled=False)
        .encode(
            x="date:T",
            y="value_pct:Q",
            color=alt.Color("side:N", scale=_side_scale(), legend=None),
            tooltip=[
                alt.Tooltip("date:T", title=t("PIIE, refers to"), format=time_format("%-d %b %Y")),
                alt.Tooltip("side:N", title=t("Side")),
                alt.Tooltip("value_pct:Q", title=t("PIIE average (%)")),
                alt.Tooltip("vintage:N", title=t("Chart version")),
            ],
        )
    )
    return (line + dots).properties(
        title=_title(
            title,
            t("Lines: this site's average from the legal layers and 2024 trade; circles: PIIE's published averages")
            + (t("; {note}").format(note=t(UNCONFIRMED_NOTE)) if (steps["part"] == "unconfirmed").any() else ""),
        ),
        width="container",
        height=300,
        description=description,
    )


def average_breakdown(frame: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Horizontal stacked bars, one per key moment, one panel per side; ``frame`` has moment,
    date, side, authority, points."""
    present = [a for a in AUTHORITY_COLOURS if a in set(frame["authority"])]
    data = frame.assign(
        order=frame["authority"].map({a: i for i, a in enumerate(present)}),
        date=pd.to_datetime(frame["date"]),
        label=frame["moment"].map(lambda m: t(m)),
        moment=frame["moment"].map(lambda m: t(m)),
        side=frame["side"].map(lambda s: t(s)),
    )
    labels = list(dict.fromkeys(data.sort_values("date", kind="stable")["label"]))
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=labels, title=None, axis=alt.Axis(labelLimit=200)),
            x=alt.X("sum(points):Q", title=t("Average tariff (%), by authority")),
            color=alt.Color(
                "authority:N",
                title=t("Authority"),
                sort=present,
                scale=alt.Scale(domain=present, range=[AUTHORITY_COLOURS[a] for a in present]),
                legend=alt.Legend(orient="bottom", columns=2, labelLimit=260),
            ),
            order=alt.Order("order:Q"),
            row=alt.Row(
                "side:N",
                title=None,
                sort=[side_label(k) for k in SIDE_LABELS],
                header=alt.Header(
                    labelAngle=0, labelAlign="left", labelOrient="top", labelAnchor="start", labelFontWeight="bold"
                ),
            ),
            tooltip=[
                alt.Tooltip("moment:N", title=t("Moment")),
                alt.Tooltip("date:T", title=t("Day"), format=time_format("%-d %b %Y")),
                *_named("side", N_("Side")),
                *_named("authority", N_("Authority")),
                alt.Tooltip("points:Q", title=t("Points"), format=".1f"),
            ],
        )
        .properties(
            title=alt.Title(title, subtitle=t("Points each legal authority adds to the trade-weighted average")),
            width="container",
            height=alt.Step(16),
            description=description,
        )
        .resolve_scale(y="independent")
    )


__all__ = ["AUTHORITY_COLOURS", "average_breakdown", "average_rates"]
