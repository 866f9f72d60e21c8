"""Home page blocks: the truce clock (what expires when)."""

from __future__ import annotations

import datetime as dt

from truce import data
from truce.blocks.html import NOT_SEARCHED, esc, scroll_open


def truce_clock(since: dt.date = dt.date(2026, 11, 1)) -> str:
    """What expires when: the deadlines around the end of the one-year truce, with status."""
    from truce.analysis import deadlines

    checked = data.last_updated()
    rows = []
    for d in deadlines.deadlines(since):
        state = "passed — outcome not yet sourced" if d.date <= checked else "upcoming"
        rows.append(
            f'<tr><td><time datetime="{d.date.isoformat()}">{d.date:%-d %b %Y}</time></td>'
            f'<td><a href="{esc(d.path)}">{esc(d.title)}</a></td><td>{esc(state)}</td></tr>'
        )
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Date", "What", "Status"))
    return (
        f'{scroll_open()}<table {NOT_SEARCHED} class="truce-clock"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        f'<p class="clock-note">Subscribe: <a href="deadlines.ics">calendar (iCalendar)</a> · <a href="deadlines.json">JSON feed</a>. '
        f"Data last checked {checked:%-d %B %Y}.</p>"
    )
