"""Chronology charts: moves per month, escalations by lever."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import SIDE_COLOURS, date_axis, decoration, month_format
from truce.i18n import current, t
from truce.labels import ACTOR_LABELS, DIRECTION_LABELS, LEVER_ORDER, SIDE_NAMES


def events_per_month(counts: pd.DataFrame, *, title: str, description: str, labels: pd.DataFrame | None = None) -> alt.Chart:
    """Bars of moves per month: escalations above zero, de-escalations below, per side, with
    optional labelled turning points (``labels``: date, label).

    ``counts`` has columns month (first day), actor, direction, moves (signed count).
    """
    frame = counts[["actor", "direction", "moves"]].assign(month=pd.to_datetime(counts["month"]))
    # the English legend shows the codes (US, CN, both); other editions the actors' names
    zh = current() != "en"
    if zh:
        frame = frame.assign(
            actor=frame["actor"].map(lambda a: t(ACTOR_LABELS[a])),
            direction=frame["direction"].map(lambda d: t(DIRECTION_LABELS[d])),
        )
    domain = [t(ACTOR_LABELS[a]) for a in ("US", "CN", "both")] if zh else ["US", "CN", "both"]
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(month):T", axis=date_axis()),
            y=alt.Y("sum(moves):Q", title=t("Moves per month")),
            color=alt.Color(
                "actor:N",
                scale=alt.Scale(domain=domain, range=[SIDE_COLOURS["US"], SIDE_COLOURS["CN"], "#009E73"]),
                legend=alt.Legend(title=None, orient="top"),
            ),
            tooltip=[
                alt.Tooltip("yearmonth(month):T", title=t("Month"), format=month_format()),
                alt.Tooltip("actor:N", title=t("Side")) if zh else "actor:N",
                alt.Tooltip("direction:N", title=t("Direction")) if zh else "direction:N",
                alt.Tooltip("sum(moves):Q", title=t("Moves")),
            ],
        )
    )
    layers = [bars]
    if labels is not None and len(labels):
        marks = labels[["label"]].assign(
            label=labels["label"].map(lambda label: t(label)),
            month=pd.to_datetime(labels["date"]).dt.to_period("M").dt.to_timestamp(),
        )
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

    return table.assign(
        side=table["actor"].map(lambda a: t(SIDE_NAMES[a])), lever_label=table["lever"].map(lambda lv: t(LEVER_LABELS[lv]))
    )


def escalation_bars(table: pd.DataFrame, *, year: int, description: str) -> alt.Chart:
    """Grouped horizontal bars of escalating moves by lever and side.

    ``table`` has columns lever, actor (US/CN), moves, as :func:`escalation_table` returns."""
    from truce.labels import LEVER_LABELS

    frame = _labelled(table)
    order = [t(LEVER_LABELS[lv]) for lv in LEVER_ORDER if lv in set(table["lever"])]
    sides = [t(name) for name in SIDE_NAMES.values()]
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("lever_label:N", title=None, sort=order),
            yOffset=alt.YOffset("side:N", sort=sides),
            x=alt.X("moves:Q", title=t("Escalating moves"), axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "side:N",
                title=None,
                scale=alt.Scale(domain=sides, range=[SIDE_COLOURS["US"], SIDE_COLOURS["CN"]]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("side:N", title=t("Side")),
                alt.Tooltip("lever_label:N", title=t("Lever")),
                alt.Tooltip("moves:Q", title=t("Moves")),
            ],
        )
        .properties(
            title=alt.Title(
                t("In {year} the two sides escalated about as often, with different levers").format(year=year),
                subtitle=t("Escalating moves in the chronology, by lever and side (a count of moves, not of their weight)"),
            ),
            width="container",
            height=300,
            description=description,
        )
    )
