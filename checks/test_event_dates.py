"""An event carries every date a move has; the chronology lists it on one of them."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.conftest import EVENTS
from truce import data

HEADER = EVENTS.splitlines()[0]


def _events(row: str) -> str:
    return HEADER + "\n" + row + "\n"


@pytest.mark.parametrize(
    "row,expected",
    [
        (
            "x,2025-04-05,,2025-04-02,2025-04-02,2025-04-09,,US,tariffs,escalation,in-force,move,,T,S.,,wh-test,",
            'events.csv:2: column date: "2025-04-05" is none of the move\'s dates (2025-04-02, 2025-04-02, 2025-04-09) — list the move '
            "on the day it was announced, or took effect if it was scheduled long before",
        ),
    ],
)
def test_a_listing_date_that_is_none_of_the_moves_dates_is_reported(package, row, expected):
    messages = [str(p) for p in data.problems(package(events=_events(row)))]
    assert any(expected in m for m in messages), messages


@pytest.mark.parametrize(
    "row",
    [
        "x,2025-04-02,,2025-04-02,2025-04-02,2025-04-09,,US,tariffs,escalation,in-force,move,,T,S.,,wh-test,",  # listed when announced
        "x,2025-04-09,,2025-01-02,,2025-04-09,,US,tariffs,escalation,in-force,move,,T,S.,,wh-test,",  # scheduled long before
        "x,2025-04-09,,,,,,US,tariffs,escalation,in-force,move,,T,S.,,wh-test,",  # no named date known
    ],
)
def test_a_listing_date_among_the_moves_dates_passes(package, row):
    assert [p for p in data.problems(package(events=_events(row))) if p.column == "date"] == []


def test_dates_written_with_event_links_are_the_events_dates():
    from truce.analysis import events
    from truce.site import citations, figlinks

    dates = citations.event_dates(events.events())
    problems = [str(p) for path in figlinks.page_sources() for p in citations.check_event_dates(path, dates)]
    assert not problems, "\n".join(problems)


DATES = {"ends": {dt.date(2026, 11, 10)}, "talks": {dt.date(2025, 5, 10), dt.date(2025, 5, 12)}}


@pytest.mark.parametrize(
    "line,expected",
    [
        (
            "The pause ran until 9 November 2026 ([end](event:ends)).",
            'x.md:1: date "9 November 2026" next to event link ends is none of its dates (10 November 2026) — correct the date in the text or in data/events.csv',
        ),
        (
            "They met on [11 May](event:talks) in Geneva.",
            'x.md:1: date "11 May" next to event link talks is none of its dates (10 May 2025, 12 May 2025) — correct the date in the text or in data/events.csv',
        ),
    ],
)
def test_a_contradicting_date_is_reported(tmp_path, line, expected):
    from truce.site import citations

    page = tmp_path / "x.md"
    page.write_text(line + "\n", encoding="utf-8")
    assert [str(p) for p in citations.check_event_dates(page, DATES, label="x.md")] == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "The pause ran until 10 November 2026 ([end](event:ends)).",
        "They met on [12 May](event:talks) in Geneva.",
        "On 3 March something else happened. Talks followed ([talks](event:talks)).",  # another sentence
        "Signed on 1 January 2025 and much later extended ([end](event:ends)).",  # too far from the link
    ],
)
def test_matching_or_unrelated_dates_pass(tmp_path, line):
    from truce.site import citations

    page = tmp_path / "x.md"
    page.write_text(line + "\n", encoding="utf-8")
    assert citations.check_event_dates(page, DATES, label="x.md") == []
