"""The deadline feed: built from the data, valid iCalendar (RFC 5545, parsed with `icalendar`)
and a JSON feed with the fields readers rely on."""

from __future__ import annotations

import datetime as dt
import functools
import json

import icalendar
import pytest

from checks.conftest import EVENTS, SOURCES, write_package
from truce import data
from truce.analysis import deadlines
from truce.site import feeds

BASE = "https://example.org/truce/"


@pytest.fixture(scope="module")
def items():
    return deadlines.deadlines()


@pytest.fixture(scope="module")
def calendar(items):
    return feeds.ics_text(BASE, items)


def test_calendar_parses_with_one_event_per_deadline(calendar, items):
    cal = icalendar.Calendar.from_ical(calendar)
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]) == feeds.PRODID
    events = cal.walk("VEVENT")
    assert len(events) == len(items) > 0
    by_uid = {str(ev["UID"]): ev for ev in events}
    assert len(by_uid) == len(events), "UIDs must be unique"
    stamp = data.last_updated()
    for d in items:
        ev = by_uid[f"{d.id}@example.org"]
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION", "URL"):
            assert prop in ev, f"{d.id}: no {prop}"
        start = ev["DTSTART"]
        assert start.params.get("VALUE") == "DATE" and start.dt == d.date and not isinstance(start.dt, dt.datetime)
        assert ev["DTEND"].dt == d.date + dt.timedelta(days=1)
        assert ev["DTSTAMP"].dt == dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.UTC)
        assert str(ev["SUMMARY"]) == d.title
        assert str(ev["URL"]) == BASE + d.path
        assert str(ev["DESCRIPTION"]).startswith(deadlines.KINDS[d.kind])


def test_calendar_lines_are_crlf_and_folded(calendar):
    assert calendar.startswith("BEGIN:VCALENDAR\r\n") and calendar.endswith("END:VCALENDAR\r\n")
    assert "\n" not in calendar.replace("\r\n", "")
    for line in calendar.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line


TRICKY = deadlines.Deadline(
    id="tricky",
    date=dt.date(2026, 11, 10),
    title='Ends; rates, "quotes" and a back\\slash — 中美 truce',
    kind="suspension-end",
    source_ids=(),
    path="chronology/#tricky",
    description="Line one\nline two, with commas; semicolons and 稀土 " + "long text " * 20,
)


def test_text_values_round_trip(monkeypatch):
    text = feeds.ics_text(BASE, [TRICKY])
    ev = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(ev["SUMMARY"]) == TRICKY.title
    assert str(ev["DESCRIPTION"]) == f"{deadlines.KINDS['suspension-end']}. {TRICKY.description}"


def test_folding_never_splits_a_character():
    line = "DESCRIPTION:" + "é—中" * 60
    folded = feeds.fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_json_feed_fields(items):
    payload = json.loads(feeds.json_text(BASE, items))
    sources = data.sources()
    checked = data.last_updated()
    rows = payload["deadlines"]
    assert len(rows) == len(items) and len({r["id"] for r in rows}) == len(rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    for r in rows:
        for key in ("id", "date", "title", "kind", "source_ids", "url"):
            assert r.get(key) not in (None, ""), f"{r['id']}: {key}"
        assert dt.date.fromisoformat(r["date"])
        assert r["kind"] in deadlines.KINDS
        assert isinstance(r["source_ids"], list) and r["source_ids"] and all(s in sources for s in r["source_ids"])
        assert r["url"].startswith(BASE)
        assert r["status"] == ("upcoming" if dt.date.fromisoformat(r["date"]) > checked else "past")
    assert payload["checked"] == checked.isoformat()


MEASURES = """\
id,imposer,instrument,scope,product_class,coverage,rate_pct,effective_from,effective_to,status,exempt_classes,suspends,event_id,source_ids,note
us-old,US,Section 301,all-goods,,all goods,25,2018-07-06,,in-force,,,,wh-test,
us-x,US,IEEPA reciprocal,all-goods,,all goods,34,2025-04-09,2025-04-10,ended,,,spiral,wh-test,
us-threat,US,IEEPA reciprocal,all-goods,,all goods,100,2025-11-01,,threatened,,,,wh-test,
"""  # noqa: E501 (CSV rows)
COMMITMENTS = """\
id,round,made_on,announced,party,commitment,due,instrument,outcome,outcome_date,outcome_summary,source_ids,note
c-due,busan-2025,2025-10-30,,CN,Buy soybeans,2026-11-10,,pending,,,wh-test,
c-open,busan-2025,2025-10-30,,US,Keep talking,,,pending,,,wh-test,
"""


def test_feed_lists_dated_commitments_and_real_tariff_layers_since_the_start(tmp_path, monkeypatch):
    """On a few rows: a commitment without a due date, a layer that started before the feed's
    start and a threatened layer give no deadline; a layer that started and ended gives two."""
    root = write_package(
        tmp_path / "data", {"sources": SOURCES, "events": EVENTS, "tariff_measures": MEASURES, "commitments": COMMITMENTS}
    )
    monkeypatch.setattr(data, "load", functools.partial(data.load, data_dir=root))
    assert [(d.id, d.date.isoformat()) for d in deadlines.deadlines()] == [
        ("tariff-start-us-x", "2025-04-09"),
        ("tariff-end-us-x", "2025-04-10"),
        ("commitment-c-due", "2026-11-10"),
    ]


def test_scheduled_ends_are_not_listed_twice(items):
    """An end recorded as its own chronology event is not listed again from another event's date_end."""
    events = data.load("events").set_index("id")

    def event(d):
        return events.loc[d.id.split("-", 1)[1]]

    scheduled = [(d.date, event(d)["actor"], event(d)["lever"]) for d in items if d.kind == "scheduled-end"]
    assert scheduled
    for d in items:
        if d.kind in ("suspension-end", "measure-end"):
            row = event(d)
            clash = [s for s in scheduled if s[1] == row["actor"] and s[2] == row["lever"] and abs((s[0] - d.date).days) <= 1]
            assert not clash, f"{d.id} repeats the scheduled end {clash}"


def test_calls_are_not_summits(items):
    talks = [d for d in items if d.kind in ("summit", "talks")]
    assert all("-call-" not in d.id for d in talks)
    assert {d.kind for d in talks} == {"summit", "talks"}


def test_upcoming_and_past_split_at_the_check_date():
    on = data.last_updated()
    assert all(d.date > on for d in deadlines.upcoming())
    assert all(d.date <= on for d in deadlines.past())
    assert len(deadlines.upcoming()) + len(deadlines.past()) == len(deadlines.deadlines())
