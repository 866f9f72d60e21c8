"""The chronology as data: events from ``data/events.csv``, sorted, counted and grouped.

No HTML here: :mod:`truce.blocks.chronology` renders the page from these frames.
"""

from __future__ import annotations

import datetime as dt
import difflib

import pandas as pd

from truce import data
from truce.i18n import N_
from truce.labels import LEVER_ORDER

# Turning points labelled on the overview chart: (event id, short label; charts translate it).
TURNING_POINTS = (
    ("us-reciprocal-tariff-baseline-10pct-2025-04-05", N_("Liberation Day")),
    ("geneva-joint-statement-2025-05-12", N_("Geneva")),
    ("cn-rare-earth-rules-2025-10-09", N_("Rare-earth rules")),
    ("busan-trump-xi-meeting-2025-10-30", N_("Busan")),
    ("court-scotus-learning-resources-2026-02-20", N_("Supreme Court")),
    ("both-beijing-summit-2026-05-13", N_("Beijing summit")),
)


def turning_points(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The labelled turning points with their dates (every id must exist in the chronology)."""
    frame = events(table).set_index("id")
    missing = [eid for eid, _ in TURNING_POINTS if eid not in frame.index]
    if missing:
        raise KeyError(f"turning points not in data/events.csv: {', '.join(missing)}")
    return pd.DataFrame([{"id": eid, "label": label, "date": frame.loc[eid, "date"]} for eid, label in TURNING_POINTS])


def events(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every row of the chronology, moves and deadlines, in date order."""
    frame = data.load("events") if table is None else table
    return frame.sort_values(["date", "id"]).reset_index(drop=True)


def moves(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The moves: what either side (or a court) did. Deadlines fixed in advance are not moves."""
    frame = events(table)
    return frame[frame["kind"] == "move"].reset_index(drop=True)


def deadlines(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Dates fixed in advance when a measure or suspension was due to end."""
    frame = events(table)
    return frame[frame["kind"] == "deadline"].reset_index(drop=True)


def key_events(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The key dates listed at the top of the chronology (flagged ``key`` in the data)."""
    frame = events(table)
    return frame[frame["key"]].reset_index(drop=True)


def primary_share(
    since: dt.date, table: pd.DataFrame | None = None, sources: dict | None = None, kinds: frozenset[str] = data.PRIMARY_KINDS
) -> float:
    """Share of events on or after ``since`` with at least one source of the given kinds
    (by default a primary document, on the issuing body's site or as a full-text copy)."""
    frame = events(table)
    srcs = data.sources() if sources is None else sources
    frame = frame[frame["date"].map(lambda d: d >= since)]
    if frame.empty:
        return 0.0
    primary = frame["source_ids"].map(lambda ids: any(srcs.get(s, {}).get("kind") in kinds for s in ids))
    return float(primary.mean())


def near_duplicates(table: pd.DataFrame | None = None, threshold: float = 0.8) -> list[tuple[str, str, float]]:
    """Pairs of events with the same date, actor and lever and similar titles."""
    frame = events(table)
    pairs = []
    for _, group in frame.groupby(["date", "actor", "lever"]):
        rows = group.to_dict("records")
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                ratio = difflib.SequenceMatcher(None, a["title"].lower(), b["title"].lower()).ratio()
                if ratio >= threshold:
                    pairs.append((a["id"], b["id"], round(ratio, 2)))
    return pairs


def moves_per_month(table: pd.DataFrame | None = None, since: dt.date = dt.date(2025, 1, 1)) -> pd.DataFrame:
    """Signed count of moves per month and actor, by the day each move is listed on (announced,
    or took effect when scheduled long before): escalations +1, de-escalations −1."""
    frame = moves(table)
    frame = frame[(frame["date"].map(lambda d: d >= since)) & (frame["direction"] != "neutral")]
    frame = frame.assign(
        month=frame["date"].map(lambda d: d.replace(day=1)), moves=frame["direction"].map({"escalation": 1, "de-escalation": -1})
    )
    return (
        frame.groupby(["month", "actor", "direction"], as_index=False)["moves"]
        .sum()
        .sort_values(["month", "actor"])
        .reset_index(drop=True)
    )


def counts_by(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Moves by year and lever."""
    frame = moves(table)
    frame = frame.assign(year=frame["date"].map(lambda d: d.year))
    return pd.crosstab(frame["year"], frame["lever"], margins=True, margins_name="total")


def empty_months(since: dt.date, until: dt.date, table: pd.DataFrame | None = None) -> list[dt.date]:
    """Months in [since, until] with no event at all: the periods the page must call unsourced."""
    frame = events(table)
    have = {(d.year, d.month) for d in frame["date"]}
    out, cur = [], since.replace(day=1)
    while cur <= until:
        if (cur.year, cur.month) not in have:
            out.append(cur)
        cur = (cur.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def escalation_table(year: int = 2025) -> pd.DataFrame:
    """Escalating moves by the US and China in ``year``, counted by lever."""
    frame = moves()
    chosen = frame[
        (frame["direction"] == "escalation") & frame["actor"].isin(["US", "CN"]) & frame["date"].map(lambda d: d.year == year)
    ]
    counts = chosen.groupby(["lever", "actor"], as_index=False).size().rename(columns={"size": "moves"})
    full = pd.MultiIndex.from_product(
        [sorted(set(counts["lever"]), key=LEVER_ORDER.index), ["US", "CN"]], names=["lever", "actor"]
    )
    return counts.set_index(["lever", "actor"]).reindex(full, fill_value=0).reset_index()
