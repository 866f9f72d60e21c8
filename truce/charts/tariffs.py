"""Tariff charts: headline rates as steps, the stacked legal layers, published averages."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import SIDE_LABELS, _side_scale


def headline_rates(series: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Step chart of the headline rate in both directions.

    ``series`` has columns date, imposer (US/CN), rate_pct — one row per change date.
    """
    frame = series.assign(side=series["imposer"].map(SIDE_LABELS), date=pd.to_datetime(series["date"]))
    hover = alt.selection_point(fields=["date"], nearest=True, on="pointerover", empty=False)
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)),
        y=alt.Y("rate_pct:Q", title="Additional duty on all goods (%)"),
        color=alt.Color("side:N", scale=_side_scale(), legend=alt.Legend(title=None, orient="top", direction="vertical")),
    )
    zoom = alt.selection_interval(bind="scales", encodings=["x"])
    line = base.mark_line(interpolate="step-after", strokeWidth=2.5).add_params(zoom)
    points = base.mark_point(filled=True, size=40).encode(
        opacity=alt.condition(hover, alt.value(1), alt.value(0)),
        tooltip=[alt.Tooltip("date:T", title="From", format="%-d %b %Y"),
                 alt.Tooltip("side:N", title="Side"), alt.Tooltip("rate_pct:Q", title="Rate (%)")],
    ).add_params(hover)
    return (line + points).properties(
        title=alt.Title(title, subtitle="Sum of the across-the-board additional duties in force each day"),
        width="container", height=300, description=description,
    )


def layer_bands(layers: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Stacked bands: each all-goods layer's net contribution over time, one panel per side.

    ``layers`` has columns date, until, imposer, layer, net_pct, y0, y1 (one row per period and
    layer, stacked in Python so every band is exact)."""
    frame = layers[["imposer", "layer", "net_pct", "y0", "y1"]].assign(
        side=layers["imposer"].map(SIDE_LABELS), date=pd.to_datetime(layers["date"]), until=pd.to_datetime(layers["until"]))
    return alt.Chart(frame).mark_rect(opacity=0.9, stroke=None).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)),
        x2="until:T",
        y=alt.Y("y0:Q", title="Percentage points"),
        y2="y1:Q",
        color=alt.Color("layer:N", title="Legal layer", scale=alt.Scale(scheme="tableau10"),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=420)),
        row=alt.Row("side:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left", labelOrient="top", labelAnchor="start", labelFontWeight="bold")),
        tooltip=[alt.Tooltip("date:T", title="From", format="%-d %b %Y"), alt.Tooltip("until:T", title="Until", format="%-d %b %Y"),
                 "layer:N", alt.Tooltip("net_pct:Q", title="Points")],
    ).properties(title=alt.Title(title), width="container", height=160, description=description)


def average_tariffs(frame: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Published average tariffs as points, one colour per side, one line per vintage only
    (values of different vintages are never joined). ``frame`` has refers_to, imposer,
    value_pct, vintage, publisher."""
    data = frame[["imposer", "value_pct", "vintage", "publisher"]].assign(
        side=frame["imposer"].map(SIDE_LABELS), date=pd.to_datetime(frame["refers_to"]))
    enc = dict(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%Y", labelOverlap=True)),
        y=alt.Y("value_pct:Q", title="Average tariff (%)"),
        color=alt.Color("side:N", scale=_side_scale(), legend=alt.Legend(title=None, orient="top")),
    )
    lines = alt.Chart(data).mark_line(strokeDash=[3, 2], opacity=0.6).encode(detail="vintage:N", **enc)
    points = alt.Chart(data).mark_point(filled=True, size=60).encode(
        shape=alt.Shape("publisher:N", legend=alt.Legend(title="Published by", orient="bottom", labelLimit=300)),
        tooltip=[alt.Tooltip("date:T", title="Refers to", format="%-d %b %Y"), "side:N", alt.Tooltip("value_pct:Q", title="Average (%)"),
                 "publisher:N", "vintage:N"],
        **enc,
    )
    return (lines + points).properties(title=alt.Title(title), width="container", height=280, description=description)
