"""AI-chip charts: export-control actions and the numbers attached to them."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import CN, MIN_FONT_PX, US, WORLD, _title, date_axis, time_format
from truce.i18n import N_, t

ACTOR_COLOURS = {"US": US, "CN": CN, "both": WORLD, "other": "#888888"}


ACTOR_NAMES = {"US": N_("US government"), "CN": N_("Chinese government"), "both": N_("Both"), "other": N_("Company (Nvidia)")}


def _dots(frame: pd.DataFrame, *, y_title: str, x: alt.X, height: int) -> alt.LayerChart:
    present = set(frame["actor"])
    actors = [t(a) for a in ACTOR_NAMES.values() if a in present]
    scale = alt.Scale(domain=actors, range=[ACTOR_COLOURS[k] for k, v in ACTOR_NAMES.items() if v in present])
    frame = frame.assign(actor=frame["actor"].map(lambda a: t(a) if a in ACTOR_NAMES.values() else a))
    base = alt.Chart(frame).encode(
        x=x, y=alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=True, nice=True), axis=alt.Axis(tickCount=3))
    )
    dots = base.mark_point(filled=True, size=90, opacity=1).encode(
        color=alt.Color("actor:N", scale=scale, legend=None),
        tooltip=[
            alt.Tooltip("date:T", title=t("Date"), format=time_format("%-d %B %Y")),
            alt.Tooltip("actor:N", title=t("Who")),
            alt.Tooltip("action:N", title=t("Action")),
            alt.Tooltip("metric:N", title=t("Number")),
            alt.Tooltip("label:N", title=t("Value")),
        ],
    )
    text = base.mark_text(
        align="left", dx=8, dy=-2, baseline="middle", fontSize=MIN_FONT_PX, fontWeight="bold", color="#555555"
    ).encode(text="label:N")
    return (dots + text).properties(width="container", height=height)


def chip_chart(frame: pd.DataFrame, *, y_title: str, title: str, subtitle: str, description: str) -> alt.TopLevelMixin:
    """Dots at the date of each action and the size of its number, labelled. ``frame``: date,
    value, label, actor, action, metric, and optionally panel: numbers of different kinds (a
    market share, a payment, a cap, a tariff) then go in separate panels, each titled with what
    it measures, on one time axis, never on one shared value axis."""
    pad = pd.Timedelta(days=45)
    domain = [(frame["date"].min() - pad).isoformat(), (frame["date"].max() + pad).isoformat()]
    x = alt.X("date:T", axis=date_axis(), scale=alt.Scale(domain=domain))
    if "panel" not in frame.columns:
        return _dots(frame, y_title=y_title, x=x, height=230).properties(title=_title(title, subtitle), description=description)
    panels = []
    for panel in dict.fromkeys(frame["panel"]):
        part = frame[frame["panel"] == panel]
        panels.append(
            _dots(part, y_title=y_title, x=x, height=80).properties(
                title=alt.Title(panel, fontSize=MIN_FONT_PX + 1, anchor="start")
            )
        )
    return (
        alt.vconcat(*panels, spacing=12)
        .resolve_scale(color="independent")
        .properties(title=_title(title, subtitle), description=description)
    )
