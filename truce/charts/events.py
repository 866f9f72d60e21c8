"""Chronology charts: moves per month, escalations by lever."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import DATE_AXIS, SIDE_COLOURS, decoration
from truce.labels import LEVER_ORDER, SIDE_NAMES


def events_per_month(counts: pd.DataFrame, *, title: str, description: str, labels: pd.DataFrame | None = None) -> alt.Chart:
    """Bars of moves per month: escalations above zero, de-escalations below, per side, with
    optional labelled turning points (``labels``: date, label).

    ``counts`` has columns month (first day), actor, direction, moves (signed count).
    """
    frame = counts[["actor", "direction", "moves"]].assign(month=pd.to_datetime(counts["month"]))
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(month):T", axis=DATE_AXIS),
            y=alt.Y("sum(moves):Q", title="Moves per month"),
            color=alt.Color(
                "actor:N",
                scale=alt.Scale(domain=["US", "CN", "both"], range=[SIDE_COLOURS["US"], SIDE_COLOURS["CN"], "#009E73"]),
                legend=alt.Legend(title=None, orient="top"),
            ),
            tooltip=[
                alt.Tooltip("yearmonth(month):T", title="Month"),
                "actor:N",
                "direction:N",
                alt.Tooltip("sum(moves):Q", title="Moves"),
            ],
        )
    )
    layers = [bars]
    if labels is not None and len(labels):
        marks = labels[["label"]].assign(month=pd.to_datetime(labels["date"]).dt.to_period("M").dt.to_timestamp())
        marks = decoration(marks.groupby("month", as_index=False)["label"].agg(" / ".join))
        rule = alt.Chart(marks).mark_rule(strokeDash=[4, 3], opacity=0.6).encode(x="yearmonth(month):T")
        text = (
            alt.Chart(marks)
            .mark_text(angle=270, align="right", baseline="bottom", dx=-4, dy=-3, fontSize=12)
            .encode(x="yearmonth(month):T", y=alt.value(0), text="label:N")
        )
        layers += [rule, text]
    return alt.layer(*layers).properties(title=alt.Title(title), width="container", height=260, description=description)


def _labelled(table: pd.DataFrame) -> pd.DataFrame:
    from truce.labels import LEVER_LABELS

    return table.assign(side=table["actor"].map(SIDE_NAMES), lever_label=table["lever"].map(LEVER_LABELS))


def escalation_bars(table: pd.DataFrame, *, year: int, description: str) -> alt.Chart:
    """Grouped horizontal bars of escalating moves by lever and side.

    ``table`` has columns lever, actor (US/CN), moves, as :func:`escalation_table` returns."""
    from truce.labels import LEVER_LABELS

    frame = _labelled(table)
    order = [LEVER_LABELS[lv] for lv in LEVER_ORDER if lv in set(table["lever"])]
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("lever_label:N", title=None, sort=order),
            yOffset=alt.YOffset("side:N", sort=list(SIDE_NAMES.values())),
            x=alt.X("moves:Q", title="Escalating moves", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "side:N",
                title=None,
                scale=alt.Scale(domain=list(SIDE_NAMES.values()), range=[SIDE_COLOURS["US"], SIDE_COLOURS["CN"]]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("side:N", title="Side"),
                alt.Tooltip("lever_label:N", title="Lever"),
                alt.Tooltip("moves:Q", title="Moves"),
            ],
        )
        .properties(
            title=alt.Title(
                f"In {year} the two sides escalated about as often, with different levers",
                subtitle="Escalating moves in the chronology, by lever and side (a count of moves, not of their weight)",
            ),
            width="container",
            height=300,
            description=description,
        )
    )
