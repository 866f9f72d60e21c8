"""AI-chip charts: export-control actions and the numbers attached to them."""

from __future__ import annotations

import altair as alt
import pandas as pd

from truce.charts.style import CN, DATE_AXIS, US, WORLD, _title

ACTOR_COLOURS = {"US": US, "CN": CN, "both": WORLD, "other": "#888888"}


ACTOR_NAMES = {"US": "US government", "CN": "Chinese government", "both": "Both", "other": "Company (Nvidia)"}


def chip_chart(frame: pd.DataFrame, *, y_title: str, title: str, subtitle: str, description: str) -> alt.Chart:
    """Dots at the date of each action and the size of its number, labelled.
    ``frame``: date, value, label, actor, action, metric."""
    actors = [a for a in ACTOR_NAMES.values() if a in set(frame["actor"])]
    scale = alt.Scale(domain=actors, range=[ACTOR_COLOURS[k] for k, v in ACTOR_NAMES.items() if v in actors])
    # padding keeps the labels of the first and last dots inside the chart
    base = alt.Chart(frame).encode(x=alt.X("date:T", axis=DATE_AXIS, scale=alt.Scale(padding=70)), y=alt.Y("value:Q", title=y_title))
    dots = base.mark_point(filled=True, size=90).encode(
        color=alt.Color("actor:N", scale=scale, legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("date:T", title="Date", format="%-d %B %Y"), alt.Tooltip("action:N", title="Action"),
                 alt.Tooltip("metric:N", title="Number"), alt.Tooltip("label:N", title="Value")],
    )
    text = base.mark_text(align="left", dx=7, dy=-6, fontSize=11, color="#888888").encode(text="label:N")
    return (dots + text).properties(title=_title(title, subtitle), width="container", height=230, description=description)
