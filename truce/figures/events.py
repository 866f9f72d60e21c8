"""Figures about the chronology, its sources and the deadlines feed.

Counts of moves in a window are rows of ``calls.csv`` naming :func:`escalations`; the
functions below are the computations that do not fit one call.
"""

from __future__ import annotations

import datetime as dt

from truce import data
from truce.analysis import deadlines
from truce.analysis import events as chronology
from truce.figures.registry import Result, figure

DEADLINE_RESOURCES = ("commitments", "events", "tariff_measures", "sources")


def escalations(
    actor: str, start: dt.date, end: dt.date, levers: tuple[str, ...] = (), except_levers: tuple[str, ...] = ()
) -> Result:
    """Count of events.csv rows by ``actor`` with direction escalation, dated in [start, end],
    with a lever in ``levers`` (any lever if empty) and not in ``except_levers``."""
    frame = data.load("events")
    keep = (frame["actor"] == actor) & (frame["direction"] == "escalation") & frame["date"].map(lambda d: start <= d <= end)
    if levers:
        keep &= frame["lever"].isin(levers)
    if except_levers:
        keep &= ~frame["lever"].isin(except_levers)
    ids = tuple(sorted(frame.loc[keep, "id"]))
    return Result(len(ids), rows=tuple(("events", i) for i in ids), as_of=end)


@figure(
    "data-last-checked",
    unit="date",
    resources=("sources",),
    definition="The newest date on which a source in data/sources.csv was read.",
)
def data_last_checked() -> Result:
    """max(sources.accessed)."""
    return Result(data.last_updated())


@figure(
    "events-count",
    unit="count",
    resources=("events",),
    definition="Number of moves in the chronology (deadlines fixed in advance are not counted).",
)
def events_count() -> Result:
    """Rows of events.csv whose kind is "move" (truce.analysis.events.moves)."""
    from truce.analysis import events

    frame = events.moves()
    return Result(len(frame), rows=tuple(("events", i) for i in frame["id"]))


@figure(
    "events-primary-share",
    unit="pct",
    resources=("events", "sources"),
    definition="Share of 2025–2026 chronology events with at least one primary document, "
    "read on the issuing body's site or as a full-text copy.",
)
def events_primary_share() -> Result:
    """chronology.primary_share(from 2025-01-01), rounded to a whole percent."""
    return Result(round(chronology.primary_share(dt.date(2025, 1, 1)) * 100))


@figure(
    "events-official-site-share",
    unit="pct",
    resources=("events", "sources"),
    definition="Share of 2025–2026 chronology events with a primary document read on the issuing body's own site.",
)
def events_official_site_share() -> Result:
    """chronology.primary_share(from 2025-01-01, kinds={primary}), rounded to a whole percent."""
    return Result(round(chronology.primary_share(dt.date(2025, 1, 1), kinds=frozenset({"primary"})) * 100))


@figure(
    "deadlines-upcoming",
    unit="count",
    resources=DEADLINE_RESOURCES,
    definition="Deadlines in the feed that fall after the date the data was last checked.",
)
def deadlines_upcoming() -> Result:
    """Number of deadlines.deadlines() dated after data.last_updated()."""
    return Result(len(deadlines.upcoming()))


@figure(
    "deadlines-next",
    unit="date",
    resources=DEADLINE_RESOURCES,
    definition="Date of the next deadline in the feed after the date the data was last checked.",
)
def deadlines_next() -> Result:
    """Earliest date among deadlines.upcoming()."""
    nxt = deadlines.upcoming()
    if not nxt:
        raise ValueError(
            "deadlines-next: no deadline after the date the data was last checked — reword the sentence that uses it"
        )
    return Result(nxt[0].date, as_of=data.last_updated())
