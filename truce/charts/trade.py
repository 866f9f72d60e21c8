"""Trade charts: US goods trade with China by month, China's exports to the US year on year."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import CN, US, _title, date_axis, end_labels, money_scale, time_format
from truce.i18n import N_, t

FLOW_LABELS = {"imports_usd_m": N_("US imports from China"), "exports_usd_m": N_("US exports to China")}


def trade_chart(frame: pd.DataFrame, *, title: str, subtitle: str, description: str) -> alt.Chart:
    """Two lines, US imports from and exports to China, each labelled at its end. ``frame``: date, flow, usd_bn."""
    flows = [t(flow) for flow in FLOW_LABELS.values()]
    frame = frame.assign(flow=frame["flow"].map(lambda flow: t(flow)))
    if money_scale() != 1:
        frame = frame.assign(usd_bn=frame["usd_bn"] * money_scale())
    scale = alt.Scale(domain=flows, range=[CN, US])
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", axis=date_axis()),
        y=alt.Y("usd_bn:Q", title=t("US$ billion a month")),
        color=alt.Color("flow:N", scale=scale, legend=None),
        tooltip=[
            alt.Tooltip("date:T", title=t("Month"), format=time_format("%B %Y")),
            alt.Tooltip("flow:N", title=t("Flow")),
            alt.Tooltip("usd_bn:Q", title=t("US$ billion"), format=".1f"),
        ],
    )
    labels = end_labels(frame, x="date", y="usd_bn", series="flow", colours=dict(zip(flows, [CN, US], strict=False)))
    return alt.layer(base.mark_line(strokeWidth=2.5), base.mark_point(filled=True, size=30), *labels).properties(
        title=_title(title, subtitle), width="container", height=280, description=description
    )


def china_yoy_chart(frame: pd.DataFrame, *, title: str, subtitle: str, description: str) -> alt.Chart:
    """Bars of the y/y change by release. ``frame``: date, label, yoy_pct."""
    order = list(frame.sort_values("date")["label"])
    bars = (
        alt.Chart(frame)
        .mark_bar(color=CN)
        .encode(
            x=alt.X("label:N", sort=order, title=None, axis=alt.Axis(labelAngle=-45, labelOverlap=True)),
            y=alt.Y("yoy_pct:Q", title=t("% change on a year earlier")),
            tooltip=[
                alt.Tooltip("label:N", title=t("Release")),
                alt.Tooltip("yoy_pct:Q", title=t("Change (%)"), format=".1f"),
            ],
        )
    )
    zero = alt.Chart(frame).mark_rule(color="#888888").encode(y=alt.datum(0))
    return (bars + zero).properties(title=_title(title, subtitle), width="container", height=260, description=description)
