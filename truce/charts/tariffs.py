"""Tariff charts: headline rates as steps, the stacked legal layers, published averages."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import (
    CONFIRMED_DASH,
    HALO,
    MIN_FONT_PX,
    NO_DATA,
    SIDE_COLOURS,
    UNCONFIRMED_NOTE,
    _side_scale,
    _title,
    annotation_marks,
    confirmed_label,
    date_axis,
    decoration,
    end_labels,
    side_label,
    time_format,
    year_axis,
)
from truce.i18n import N_, t


def _named(field: str, title: str) -> list:
    """A tooltip row of a text field: titled by the field's name in English (as it always was),
    by ``title`` in another edition."""
    return [f"{field}:N" if t(title) == title else alt.Tooltip(f"{field}:N", title=t(title))]


# labels at the ends of the lines, short enough for a phone
SHORT_LABELS = {"US": N_("US on China"), "CN": N_("China on US")}


HEADLINE_SUBTITLE = N_("Sum of the across-the-board additional duties in force each day, %")


def headline_rates(
    series: pd.DataFrame,
    *,
    title: str,
    description: str,
    moves: pd.DataFrame | None = None,
    subtitle: str = HEADLINE_SUBTITLE,
    live: bool = True,
) -> alt.LayerChart:
    """Step chart of the headline rate in both directions, each line labelled at its end, with
    the key moves (``moves``: date, move) marked.

    ``series`` has columns date, imposer (US/CN), rate_pct — one row per change date — and may
    have a ``part`` column (:func:`truce.analysis.tariffs.split_at_confirmation`): the part after
    the last confirmed date is dashed and its end label says "unconfirmed". China's
    line is drawn wide and pale under the US line, so that where the two rates are equal both
    stay visible. ``live=False`` leaves out the zoom and hover values (Vega cannot repeat them
    inside a concatenated chart).
    """
    frame = _with_part(series)
    subtitle = t(subtitle)
    if (frame["part"] == "unconfirmed").any():
        subtitle = t("{subtitle}; {note}").format(subtitle=subtitle, note=t(UNCONFIRMED_NOTE))
    hover = alt.selection_point(fields=["date"], nearest=True, on="pointerover", empty=False)
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", axis=date_axis()),
        y=alt.Y("rate_pct:Q", title=t("Additional duty on all goods (%)")),
        color=alt.Color("side:N", scale=_side_scale(), legend=None),
        strokeDash=CONFIRMED_DASH,
    )
    zoom = alt.selection_interval(bind="scales", encodings=["x"])
    under = base.mark_line(interpolate="step-after", strokeWidth=5, opacity=0.55).transform_filter(
        alt.FieldEqualPredicate(field="imposer", equal="CN")
    )
    over = base.mark_line(interpolate="step-after", strokeWidth=2.2).transform_filter(
        alt.FieldEqualPredicate(field="imposer", equal="US")
    )
    points = base.mark_point(filled=True, size=40).encode(
        strokeDash=alt.value([1, 0]),
        opacity=alt.condition(hover, alt.value(1), alt.value(0)) if live else alt.value(0),
        tooltip=[
            alt.Tooltip("date:T", title=t("From"), format=time_format("%-d %b %Y")),
            alt.Tooltip("side:N", title=t("Side")),
            alt.Tooltip("rate_pct:Q", title=t("Rate (%)")),
        ],
    )
    if live:
        over, points = over.add_params(zoom), points.add_params(hover)
    names = {k: confirmed_label(frame[frame["imposer"] == k], t(SHORT_LABELS[k])) for k in SHORT_LABELS}
    labels = end_labels(
        frame.assign(side=frame["imposer"].map(names)),
        x="date",
        y="rate_pct",
        series="side",
        colours={names[k]: SIDE_COLOURS[k] for k in SHORT_LABELS},
        fmt=lambda v: f"{v:g}%",
    )
    return alt.layer(*annotation_marks(moves), under, over, points, *labels).properties(
        title=_title(title, subtitle),
        width="container",
        height=300,
        description=description,
    )


def _with_part(series: pd.DataFrame) -> pd.DataFrame:
    """The series with side names, dates as timestamps and a ``part`` column (all "sourced" if absent)."""
    frame = series.assign(side=series["imposer"].map(side_label), date=pd.to_datetime(series["date"]))
    return frame if "part" in frame else frame.assign(part="sourced")


def headline_long_view(series: pd.DataFrame, *, since: str) -> alt.LayerChart:
    """A small step chart of the same rates over the long view, the span of the main chart
    (from ``since``) shaded. ``series`` as for :func:`headline_rates`."""
    frame = _with_part(series)
    span = decoration(pd.DataFrame({"from": [pd.Timestamp(since)], "to": [frame["date"].max()], "span": [t("shown above")]}))
    shade = alt.Chart(span).mark_rect(color=NO_DATA, opacity=0.15).encode(x="from:T", x2="to:T")
    note = (
        alt.Chart(span)
        .mark_text(align="right", baseline="top", dx=-4, dy=4, color=NO_DATA)
        .encode(x="to:T", y=alt.value(0), text="span:N")
    )
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", axis=year_axis(title=None, tickCount={"interval": "year", "step": 1}, labelOverlap="greedy")),
        y=alt.Y("rate_pct:Q", title="%", axis=alt.Axis(tickCount=3)),
        color=alt.Color("side:N", scale=_side_scale(), legend=None),
        strokeDash=CONFIRMED_DASH,
    )
    lines = base.mark_line(interpolate="step-after", strokeWidth=1.8)
    return alt.layer(shade, note, lines).properties(
        title=alt.Title(
            t("The long view, from {year}").format(year=frame["date"].min().year), fontSize=MIN_FONT_PX + 1, anchor="start"
        ),
        width="container",
        height=90,
    )


def headline_with_long_view(
    recent: pd.DataFrame, long: pd.DataFrame, *, title: str, description: str, moves: pd.DataFrame | None = None
) -> alt.VConcatChart:
    """The headline chart from where the story starts, and under it the long view as a small chart."""
    main = headline_rates(recent, title=title, description=description, moves=moves, live=False)
    small = headline_long_view(long, since=str(pd.to_datetime(recent["date"]).min().date()))
    top = main.copy()
    top.title, top.description = alt.Undefined, alt.Undefined
    return alt.vconcat(top, small, spacing=24).properties(title=main.title, description=description)


def layer_bands(layers: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Stacked bands: each all-goods layer's net contribution over time, one panel per side.

    ``layers`` has columns date, until, imposer, layer, net_pct, y0, y1, state (one row per period
    and layer, stacked in Python so every band is exact); periods no source confirms are pale."""
    frame = layers[["imposer", "layer", "net_pct", "y0", "y1", "state"]].assign(
        side=layers["imposer"].map(side_label), date=pd.to_datetime(layers["date"]), until=pd.to_datetime(layers["until"])
    )
    unconfirmed = alt.FieldEqualPredicate(field="state", equal="sourced")
    return (
        alt.Chart(frame)
        .mark_rect(stroke=None)
        .encode(
            opacity=alt.condition(unconfirmed, alt.value(0.9), alt.value(0.35)),
            x=alt.X("date:T", axis=date_axis()),
            x2="until:T",
            y=alt.Y("y0:Q", title=t("Percentage points")),
            y2="y1:Q",
            color=alt.Color(
                "layer:N",
                title=t("Legal layer"),
                scale=alt.Scale(scheme="tableau10"),
                legend=alt.Legend(orient="bottom", columns=1, labelLimit=420),
            ),
            row=alt.Row(
                "side:N",
                title=None,
                header=alt.Header(
                    labelAngle=0, labelAlign="left", labelOrient="top", labelAnchor="start", labelFontWeight="bold"
                ),
            ),
            tooltip=[
                alt.Tooltip("date:T", title=t("From"), format=time_format("%-d %b %Y")),
                alt.Tooltip("until:T", title=t("Until"), format=time_format("%-d %b %Y")),
                *_named("layer", N_("Legal layer")),
                alt.Tooltip("net_pct:Q", title=t("Points")),
                alt.Tooltip("state:N", title=t("Confirmed")),
            ],
        )
        .properties(
            title=_title(
                title, t("Pale: no source after the date the state was last confirmed; the bands follow the legal texts")
            )
            if (frame["state"] != "sourced").any()
            else alt.Title(title),
            width="container",
            height=160,
            description=description,
        )
    )


def average_tariffs(frame: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Published average tariffs as points, one colour per side, one line per vintage only
    (values of different vintages are never joined). ``frame`` has refers_to, imposer,
    value_pct, vintage, publisher."""
    data = frame[["imposer", "value_pct", "vintage", "publisher"]].assign(
        side=frame["imposer"].map(side_label), date=pd.to_datetime(frame["refers_to"])
    )
    enc = dict(
        x=alt.X("date:T", title=None, axis=year_axis(labelOverlap=True)),
        y=alt.Y("value_pct:Q", title=t("Average tariff (%)")),
        color=alt.Color("side:N", scale=_side_scale(), legend=alt.Legend(title=None, orient="top")),
    )
    lines = alt.Chart(data).mark_line(strokeDash=[3, 2], opacity=0.6).encode(detail="vintage:N", **enc)
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=60)
        .encode(
            shape=alt.Shape("publisher:N", legend=alt.Legend(title=t("Published by"), orient="bottom", labelLimit=300)),
            tooltip=[
                alt.Tooltip("date:T", title=t("Refers to"), format=time_format("%-d %b %Y")),
                *_named("side", N_("Side")),
                alt.Tooltip("value_pct:Q", title=t("Average (%)")),
                *_named("publisher", N_("Published by")),
                *_named("vintage", N_("Version")),
            ],
            **enc,
        )
    )
    return (lines + points).properties(title=alt.Title(title), width="container", height=280, description=description)


# a scenario line is drawn wide and pale under the actual line, in the same side colour
SCENARIO_LINES = {"actual": N_("Actual"), "scenario": N_("Scenario")}
SCENARIO_SUBTITLE = N_("Thin line: actual, what happened. Wide pale line: the scenario, not what happened")
SCENARIO_MEASURES = {"headline": N_("across-the-board rate"), "average": N_("trade-weighted average")}


def scenario_lines(series: pd.DataFrame, *, title: str, description: str) -> alt.VConcatChart:
    """Small step charts, one per side and measure (across-the-board rate, trade-weighted
    average): the actual line thin and solid, the scenario's wide and pale under it in the same
    side colour (so where they agree both stay visible), each labelled at its end.

    ``series`` has date, imposer, measure (headline / average), scenario ("actual" or the
    scenario id), value and part ("sourced" / "unconfirmed", dashed:
    :func:`truce.analysis.tariffs.split_at_confirmation`)."""
    frame = _with_part(series).assign(
        line=[t(SCENARIO_LINES["actual" if s == "actual" else "scenario"]) for s in series["scenario"]]
    )
    subtitle = t(SCENARIO_SUBTITLE)
    if (frame["part"] == "unconfirmed").any():
        subtitle = t("{subtitle}; {note}").format(subtitle=subtitle, note=t(UNCONFIRMED_NOTE))
    panels = []
    keys = [(side, measure) for side in SHORT_LABELS for measure in SCENARIO_MEASURES]
    for i, (side, measure) in enumerate(keys):
        panels.append(_scenario_panel(frame, side, measure, last=i == len(keys) - 1))
    return alt.vconcat(*panels, spacing=18).properties(title=_title(title, subtitle), description=description)


def _scenario_panel(frame: pd.DataFrame, side: str, measure: str, *, last: bool) -> alt.LayerChart:
    """One side's measure: the scenario line under the actual one, with end labels."""
    colour = SIDE_COLOURS[side]
    mine = alt.FieldOneOfPredicate(field="imposer", oneOf=[side])
    of_measure = alt.FieldOneOfPredicate(field="measure", oneOf=[measure])
    base = (
        alt.Chart(frame)
        .transform_filter(mine)
        .transform_filter(of_measure)
        .encode(
            x=alt.X("date:T", axis=date_axis() if last else alt.Axis(labels=False, ticks=False, title=None)),
            y=alt.Y("value:Q", title="%", axis=alt.Axis(tickCount=4, minExtent=30, maxExtent=30)),
            strokeDash=CONFIRMED_DASH,
            tooltip=[
                alt.Tooltip("date:T", title=t("From"), format=time_format("%-d %b %Y")),
                alt.Tooltip("line:N", title=t("Line")),
                alt.Tooltip("value:Q", title="%", format=".1f"),
            ],
        )
    )
    scenario = base.transform_filter(alt.FieldEqualPredicate(field="line", equal=t(SCENARIO_LINES["scenario"]))).mark_line(
        interpolate="step-after", strokeWidth=6, opacity=0.35, color=colour
    )
    actual = base.transform_filter(alt.FieldEqualPredicate(field="line", equal=t(SCENARIO_LINES["actual"]))).mark_line(
        interpolate="step-after", strokeWidth=2, color=colour
    )
    own = frame[(frame["imposer"] == side) & (frame["measure"] == measure)]
    labels = _gap_labels(own, colour, fmt=(lambda v: f"{v:.1f}%") if measure == "average" else (lambda v: f"{v:g}%"))
    heading = t("{side}: {measure}").format(side=t(SHORT_LABELS[side]), measure=t(SCENARIO_MEASURES[measure]))
    return alt.layer(scenario, actual, *labels).properties(
        title=alt.Title(heading, fontSize=MIN_FONT_PX + 1, anchor="start", color=colour),
        width="container",
        height=100,
    )


def _gap_labels(own: pd.DataFrame, colour: str, *, fmt) -> list[alt.Chart]:
    """Labels where the two lines are furthest apart (the first such day): the scenario's value
    and what happened, each on the side of its line away from the other. Where the lines never
    part, one label at the end says so."""
    lines = [t(line) for line in SCENARIO_LINES.values()]
    sourced = own[own["part"] == "sourced"]
    wide = (sourced if len(sourced) else own).pivot_table(index="date", columns="line", values="value", aggfunc="first")
    wide = wide.reindex(columns=lines).dropna()
    gap = (wide[lines[1]] - wide[lines[0]]).abs().round(6)
    if len(sourced) and (wide.empty or gap.max() == 0):  # the lines part only where no source confirms them
        wide = own.pivot_table(index="date", columns="line", values="value", aggfunc="first").reindex(columns=lines).dropna()
        gap = (wide[lines[1]] - wide[lines[0]]).abs().round(6)
    text = {"fontSize": MIN_FONT_PX + 1, "fontWeight": "bold"}
    halo = {"color": HALO, "stroke": HALO, "strokeWidth": 4, "strokeJoin": "round"}
    if wide.empty or gap.max() == 0:
        last = own["date"].max()
        label = decoration(pd.DataFrame({"at": [last], "level": [float(own.loc[own["date"] == last, "value"].iloc[0])]}))
        label["end_label"] = t("Scenario: no change")
        where = {"align": "right", "baseline": "bottom", "dx": -2, "dy": -4, **text}
        enc = {"x": "at:T", "y": "level:Q", "text": "end_label:N"}
        return [
            alt.Chart(label).mark_text(**where, **halo).encode(**enc),
            alt.Chart(label).mark_text(**where, color=colour).encode(**enc),
        ]
    # a label over a line near the top of the plot would leave it, and one on a step of a few
    # days would cross the next steps: prefer steps below that which last a month or more
    lasts = pd.Series(list(wide.index[1:]) + [own["date"].max()], index=wide.index) - wide.index.to_series()
    fits = gap[(wide.max(axis=1) <= 0.6 * float(own["value"].max())) & (lasts >= pd.Timedelta(days=30))]
    gap = fits if len(fits) and fits.max() > 0 else gap
    day = gap[gap == gap.max()].index.min()
    values = {line: float(wide.loc[day, line]) for line in lines}
    high = max(lines, key=lambda line: values[line])
    first, last = own["date"].min(), own["date"].max()
    right = (day - first) / (last - first) > 0.5 if last > first else False  # keep the text inside the plot
    # a lower line near the bottom of the plot: both labels go above the higher line, one per row
    floor = min(values.values()) <= 0.15 * float(own["value"].max() or 1)
    marks = []
    for line in lines:
        above = line == high or floor
        label = decoration(
            pd.DataFrame(
                {
                    "at": [day],
                    "level": [values[line]],
                    "end_label": [t("{line}: {value}").format(line=line, value=fmt(values[line]))],
                }
            )
        )
        where = {
            "align": "right" if right else "left",
            "baseline": "bottom" if above else "top",
            "dx": -4 if right else 4,
            "dy": (-21 if floor and line == high else -5) if above else 5,
            **text,
        }
        enc = {"x": "at:T", "y": "level:Q", "text": "end_label:N"}
        marks.append(alt.Chart(label).mark_text(**where, **halo).encode(**enc))
        marks.append(alt.Chart(label).mark_text(**where, color=colour).encode(**enc))
    return marks
