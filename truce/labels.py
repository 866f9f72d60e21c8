"""Words for the codes in the data: actors, levers, directions, statuses, parties, outcomes.

One place, so "US" reads "United States" the same way in every chart, table and page.
"""

from __future__ import annotations

LEVER_LABELS = {
    "tariffs": "Tariffs",
    "export-controls": "Export controls",
    "critical-minerals": "Critical minerals",
    "agriculture": "Agriculture",
    "tech-and-investment": "Tech and investment",
    "shipping": "Shipping",
    "talks": "Talks",
    "legal": "Courts and law",
    "other": "Other",
}


SIDE_NAMES = {"US": "United States", "CN": "China"}
PARTY_LABELS = {**SIDE_NAMES, "both": "Both sides"}
ACTOR_LABELS = {**PARTY_LABELS, "court": "Courts", "other": "Others"}


DIRECTION_LABELS = {"escalation": "Escalation", "de-escalation": "De-escalation", "neutral": "Neutral"}


STATUS_LABELS = {
    "announced": "announced",
    "in-force": "in force",
    "suspended": "suspended",
    "revoked": "revoked",
    "struck-down": "struck down",
    "threatened": "threatened, never imposed",
}


# a tariff layer's status (data/tariff_measures.csv)
LAYER_STATUS_LABELS = {
    **STATUS_LABELS,
    "ended": "ended",
    "superseded": "superseded",
    "expired": "expired",
}


OUTCOME_LABELS = {
    "met": "met",
    "met-on-bookings": "met on bookings",
    "partly-met": "partly met",
    "pending": "pending",
    "unverified": "unverified",
    "superseded": "superseded",
    "missed": "missed",
}


LEVER_ORDER = [
    "tariffs",
    "export-controls",
    "critical-minerals",
    "agriculture",
    "tech-and-investment",
    "shipping",
    "talks",
    "other",
]
