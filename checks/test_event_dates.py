"""An event carries every date a move has; the chronology lists it on one of them."""

from __future__ import annotations

import pytest

from checks.conftest import EVENTS
from truce import data

HEADER = EVENTS.splitlines()[0]


def _events(row: str) -> str:
    return HEADER + "\n" + row + "\n"


@pytest.mark.parametrize("row,expected", [
    ("x,2025-04-05,,2025-04-02,2025-04-02,2025-04-09,,US,tariffs,escalation,in-force,T,S.,,wh-test,",
     'events.csv:2: column date: "2025-04-05" is none of the move\'s dates (2025-04-02, 2025-04-02, 2025-04-09) — list the move '
     "on the day it was announced, or took effect if it was scheduled long before"),
])
def test_a_listing_date_that_is_none_of_the_moves_dates_is_reported(package, row, expected):
    messages = [str(p) for p in data.problems(package(events=_events(row)))]
    assert any(expected in m for m in messages), messages


@pytest.mark.parametrize("row", [
    "x,2025-04-02,,2025-04-02,2025-04-02,2025-04-09,,US,tariffs,escalation,in-force,T,S.,,wh-test,",   # listed when announced
    "x,2025-04-09,,2025-01-02,,2025-04-09,,US,tariffs,escalation,in-force,T,S.,,wh-test,",             # scheduled long before
    "x,2025-04-09,,,,,,US,tariffs,escalation,in-force,T,S.,,wh-test,",                                 # no named date known
])
def test_a_listing_date_among_the_moves_dates_passes(package, row):
    assert [p for p in data.problems(package(events=_events(row))) if p.column == "date"] == []
