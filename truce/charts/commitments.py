"""Colours of commitment outcomes (shared by the Busan chart and the scorecard)."""

from __future__ import annotations

OUTCOME_COLOURS = {
    "met": "#009E73",
    "met-on-bookings": "#56B4E9",
    "partly-met": "#E69F00",
    "pending": "#999999",
    "unverified": "#BBBBBB",
    "superseded": "#CC79A7",
    "missed": "#D55E00",
}
