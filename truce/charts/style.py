"""The house style of every chart: the two sides' colours and labels, the third colour, the date
axis and the title with its subtitle.

Colours: the two sides use the Okabe–Ito blue and vermillion (colour-blind safe); the dark
pictures (:data:`truce.charts.render.DARK_COLOURS`) and ``charts.js`` (for live charts) use
lighter tones of them.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

SIDE_COLOURS = {"US": "#0072B2", "CN": "#D55E00"}


SIDE_LABELS = {"US": "US duties on Chinese goods", "CN": "China's duties on US goods"}


def _side_scale() -> alt.Scale:
    return alt.Scale(domain=list(SIDE_LABELS.values()), range=list(SIDE_COLOURS.values()))


US, CN = SIDE_COLOURS["US"], SIDE_COLOURS["CN"]
WORLD = "#009E73"


SECOND = "#E69F00"  # Okabe–Ito orange: a second series that is neither side


MONTHLY = alt.TimeIntervalStep(interval="month", step=1)


DATE_AXIS = alt.Axis(format="%b %Y", labelOverlap=True, title=None, tickCount=MONTHLY)


def _dates(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    return frame.assign(**{c: pd.to_datetime(frame[c]) for c in columns})


def _title(title: str, subtitle: str) -> alt.Title:
    """A title on short lines, so that it fits a phone screen (Vega does not wrap titles)."""
    return alt.Title(textwrap.wrap(title, 46, break_on_hyphens=False),
                     subtitle=textwrap.wrap(subtitle, 62, break_on_hyphens=False), anchor="start")
