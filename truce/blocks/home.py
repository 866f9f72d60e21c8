"""Home page blocks: the truce clock (what expires when), grouped by day.

The clock lists the scheduled ends of the truce's suspensions (chronology deadlines) and the
commitments due, from the end of the one-year truce on. Tariff-layer ends are left to the tariff
tracker (the chronology already lists the same days as scheduled ends). A commitment carries the
scorecard's outcome; a passed scheduled end says that no source tells what followed, once, for
its day — never a row-by-row "outcome not sourced".
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from truce import data
from truce.analysis.commitments import OUTCOMES
from truce.blocks.html import esc
from truce.i18n import day as in_words
from truce.i18n import t

CLOCK_KINDS = ("scheduled-end", "commitment-due")


def _day_status(day: dt.date, checked: dt.date, kinds: set[str]) -> str:
    if day > checked:
        return t("upcoming")
    if "scheduled-end" in kinds:
        return t("passed; no source found on what followed (last checked {day})").format(day=in_words(checked))
    return t("passed")


def _item(d, outcomes: dict[str, str]) -> str:
    title = d.title.removeprefix("Scheduled end of ")
    title = title[:1].upper() + title[1:]
    if d.kind == "commitment-due":
        cid = d.id.removeprefix("commitment-")
        outcome = t("scorecard: {outcome}").format(outcome=t(OUTCOMES[outcomes[cid]]["label"]))
        return f'<li><a href="{esc(d.path)}">{esc(title)}</a> <span class="clock-outcome">{esc(outcome)}</span></li>'
    return f'<li><a href="{esc(d.path)}">{esc(title)}</a></li>'


def truce_clock(since: dt.date = dt.date(2026, 11, 1)) -> str:
    """What expires when: the truce's scheduled ends and commitments due, one group per day."""
    from truce.analysis import deadlines

    checked = data.last_updated()
    outcomes = dict(zip(data.load("commitments")["id"], data.load("commitments")["outcome"], strict=True))
    rows = [d for d in deadlines.deadlines(since) if d.kind in CLOCK_KINDS]
    groups = []
    for day, items in groupby(rows, key=lambda d: d.date):
        items = sorted(items, key=lambda d: (d.kind != "scheduled-end", d.title))
        status = _day_status(day, checked, {d.kind for d in items})
        groups.append(
            f'<li class="clock-day"><p><time datetime="{day.isoformat()}"><strong>{in_words(day)}</strong></time> '
            f'<span class="clock-status">{esc(status)}</span></p><ul>{"".join(_item(d, outcomes) for d in items)}</ul></li>'
        )
    return (
        f'<ol class="truce-clock" data-search-exclude>{"".join(groups)}</ol>'
        '<p class="clock-note">'
        + t(
            'Subscribe: <a href="deadlines.ics">calendar (iCalendar)</a> · <a href="deadlines.json">JSON feed</a>. '
            "Data last checked {day}."
        ).format(day=in_words(checked))
        + "</p>"
    )
