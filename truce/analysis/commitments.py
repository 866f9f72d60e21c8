"""Truce commitments from ``data/commitments.csv``: rounds, outcomes, counts and consistency rules."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from truce import data
from truce.labels import OUTCOME_LABELS, PARTY_LABELS

ROUNDS = {
    "geneva-2025": "Geneva, May 2025",
    "london-2025": "London, June 2025",
    "busan-2025": "Kuala Lumpur and Busan, October 2025",
    "beijing-2026": "Beijing, May 2026",
    "other": "Other",
}


# outcome -> label, symbol, colour (CSS variables defined for light and dark mode in site.css)
OUTCOMES = {
    "met": {"label": "met", "symbol": "✓", "colour": "var(--truce-deesc)"},
    "met-on-bookings": {"label": "met on bookings", "symbol": "✓", "colour": "var(--truce-deesc)"},
    "partly-met": {"label": "partly met", "symbol": "◐", "colour": "var(--truce-cn-text)"},
    "missed": {"label": "missed", "symbol": "✗", "colour": "var(--truce-esc)"},
    "pending": {"label": "pending", "symbol": "…", "colour": "var(--md-default-fg-color--light)"},
    "superseded": {"label": "superseded", "symbol": "↷", "colour": "var(--truce-us-text)"},
    "unverified": {"label": "unverified", "symbol": "?", "colour": "var(--md-default-fg-color--light)"},
}


def commitments(table: pd.DataFrame | None = None) -> pd.DataFrame:
    frame = data.load("commitments") if table is None else table
    rounds = {r: i for i, r in enumerate(ROUNDS)}
    parties = {p: i for i, p in enumerate(PARTY_LABELS)}
    frame = frame.assign(_r=frame["round"].map(rounds), _p=frame["party"].map(parties))
    return frame.sort_values(["_r", "made_on", "_p", "id"]).drop(columns=["_r", "_p"]).reset_index(drop=True)


def counts(table: pd.DataFrame | None = None) -> dict[str, int]:
    """Commitments per outcome, every outcome listed (zero included)."""
    frame = commitments(table)
    return {o: int((frame["outcome"] == o).sum()) for o in OUTCOMES}


def problems(table: pd.DataFrame | None = None, on: dt.date | None = None) -> list[str]:
    """Rows whose outcome contradicts their dates: a commitment still ``pending`` after its due
    date (it should be met, missed, or ``unverified`` when no source says), or an outcome dated
    before the commitment was made."""
    frame = commitments(table)
    on = on or data.last_updated()
    out = []
    for r in frame.to_dict("records"):
        if r["outcome"] == "pending" and r["due"] and r["due"] < on:
            out.append(
                f'data/commitments.csv: {r["id"]}: outcome "pending" but the due date {r["due"]} has passed — '
                'record what happened, or "unverified" if no source says'
            )
        if r["outcome_date"] and r["outcome_date"] < r["made_on"]:
            out.append(f"data/commitments.csv: {r['id']}: outcome_date {r['outcome_date']} is before made_on {r['made_on']}")
    return out


def busan_table() -> pd.DataFrame:
    """The Busan commitments: party, commitment, due date, outcome."""
    frame = data.load("commitments")
    frame = frame[frame["round"] == "busan-2025"]
    return (
        frame.assign(side=frame["party"].map(PARTY_LABELS), outcome_label=frame["outcome"].map(OUTCOME_LABELS))[
            ["side", "commitment", "due", "outcome_label", "id"]
        ]
        .rename(columns={"outcome_label": "outcome"})
        .sort_values(["side", "outcome", "id"])
        .reset_index(drop=True)
    )
