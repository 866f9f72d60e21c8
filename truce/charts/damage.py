"""Charts of the damage: forecast vintages (WTO, IMF, effective tariff rate) and customs duties."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import US, _title, date_axis, end_labels, money_scale, time_format
from truce.i18n import t


def forecast_chart(
    frame: pd.DataFrame,
    *,
    colour: str,
    colours: dict[str, str],
    dash: str | None,
    y_title: str,
    title: str,
    subtitle: str,
    description: str,
) -> alt.Chart:
    """Forecasts by vintage: x is the publication date, one line per ``colour`` (and ``dash``).
    ``frame``: vintage, value, plus the colour and dash columns. Up to three lines without
    dashes are labelled at their ends instead of with a legend."""
    scale = alt.Scale(domain=list(colours), range=list(colours.values()))
    direct = dash is None and len(colours) <= 3
    enc = dict(
        x=alt.X("vintage:T", axis=date_axis(title=t("Date of the estimate"))),
        y=alt.Y("value:Q", title=y_title),
        color=alt.Color(f"{colour}:N", scale=scale, legend=None if direct else alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("vintage:T", title=t("Published"), format=time_format("%-d %B %Y"))]
        + [alt.Tooltip(f"{c}:N") for c in (colour, dash) if c]
        + [alt.Tooltip("value:Q", title=t("Value (%)"), format=".1f")],
    )
    if dash:
        # the subtitle says which dash is which (a dash legend draws no visible symbol in dark mode)
        enc["strokeDash"] = alt.StrokeDash(f"{dash}:N", legend=None)
        enc["detail"] = f"{dash}:N"
    base = alt.Chart(frame).encode(**enc)
    zero = alt.Chart(frame).mark_rule(color="#888888", strokeWidth=1).encode(y=alt.datum(0))
    labels = end_labels(frame, x="vintage", y="value", series=colour, colours=colours) if direct else []
    return alt.layer(zero, base.mark_line(strokeWidth=2), base.mark_point(filled=True, size=40), *labels).properties(
        title=_title(title, subtitle), width="container", height=260, description=description
    )


def customs_chart(frame: pd.DataFrame, *, title: str, subtitle: str, description: str) -> alt.Chart:
    """Monthly customs duties. ``frame``: date, usd_bn."""
    if money_scale() != 1:
        frame = frame.assign(usd_bn=frame["usd_bn"] * money_scale())
    return (
        alt.Chart(frame)
        .mark_bar(color=US)
        .encode(
            x=alt.X("yearmonth(date):T", axis=date_axis()),
            y=alt.Y("usd_bn:Q", title=t("US$ billion a month")),
            tooltip=[
                alt.Tooltip("yearmonth(date):T", title=t("Month"), format=time_format("%B %Y")),
                alt.Tooltip("usd_bn:Q", title=t("US$ billion"), format=".1f"),
            ],
        )
        .properties(title=_title(title, subtitle), width="container", height=240, description=description)
    )
