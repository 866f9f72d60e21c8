"""The chronology page: every event once, with an anchor ``#<id>``, badges, instrument and
sources, grouped by month, newest first, with filters that run in the browser; and the overview
chart of moves per month.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd

from truce import data
from truce.analysis import events as chronology
from truce.analysis.events import events
from truce.blocks.figure import embed
from truce.blocks.html import NOT_SEARCHED, esc, scroll_open, source_links
from truce.charts import events as event_charts
from truce.charts import style
from truce.i18n import N_, day, month, t
from truce.labels import ACTOR_LABELS, DIRECTION_LABELS, LEVER_LABELS, STATUS_LABELS

# each date of a move in words; "{day}" is the date
DATE_WORDS = (
    ("announced", N_("Announced {day}")),
    ("issued", N_("signed or issued {day}")),
    ("effective", N_("took effect {day}")),
    ("ended", N_("ended {day}")),
)


def _day(d) -> str:
    return f'<time datetime="{d.isoformat()}">{day(d)}</time>'


def dates_html(row: dict) -> str:
    """The move's dates in order: "Announced 2 April 2025 · took effect 5 April 2025"; the day it is
    listed on comes first, and a date equal to the one before it is not repeated."""
    parts, last = [], None
    for column, words in DATE_WORDS:
        when = row.get(column)
        if when and when != last:
            parts.append(t(words).format(day=_day(when)))
            last = when
    if not parts:
        text = _day(row["date"]) + (f" – {_day(row['date_end'])}" if row.get("date_end") else "")
        return text
    if row.get("date_end") and row["date_end"] not in (row.get("ended"), last):
        parts.append(t("until {day}").format(day=_day(row["date_end"])))
    text = t(" · ").join(parts)
    return text[0].upper() + text[1:]


def event_html(row: dict, sources: dict) -> str:
    deadline = f'<span class="badge badge-deadline">{t("Deadline")}</span>' if row["kind"] == "deadline" else ""
    badges = (
        f'{deadline}<span class="badge badge-{esc(row["actor"])}">{esc(t(ACTOR_LABELS[row["actor"]]))}</span>'
        f'<span class="badge">{esc(t(LEVER_LABELS[row["lever"]]))}</span>'
        f'<span class="badge badge-{esc(row["direction"])}">{esc(t(DIRECTION_LABELS[row["direction"]]))}</span>'
        f'<span class="badge">{esc(t(STATUS_LABELS[row["status"]]))}</span>'
    )
    instrument = f' · <span class="chrono-instrument">{esc(row["instrument"])}</span>' if row["instrument"] else ""
    note = f'<p class="chrono-meta"><strong>{t("Note:")}</strong> {esc(row["note"])}</p>' if row["note"] else ""
    return (
        f'<article class="chrono-event" id="{esc(row["id"])}" data-lever="{esc(row["lever"])}" '
        f'data-actor="{esc(row["actor"])}" data-direction="{esc(row["direction"])}" data-kind="{esc(row["kind"])}"'
        f"{' data-key' if row['key'] else ''}>"
        f'<h4 id="t-{esc(row["id"])}"><a class="headerlink-event" href="#{esc(row["id"])}">{esc(row["title"])}</a></h4>'
        # the site search finds an event by its title; the page's own filter searches the rest
        f'<div data-search-exclude><p class="chrono-meta">{dates_html(row)}{instrument}</p>'
        f"<p>{badges}</p><p>{esc(row['summary'])}</p>{note}"
        f'<p class="chrono-sources">{t("Sources:")} {source_links(row["source_ids"], sources)}</p></div></article>'
    )


def _options(name: str, label: str, choices: dict) -> str:
    opts = "".join(f'<option value="{esc(k)}">{esc(t(v))}</option>' for k, v in choices.items())
    return f'<label>{esc(t(label))}<select name="{name}"><option value="">{t("All")}</option>{opts}</select></label>'


SHOW = {"key": N_("Key dates only"), "move": N_("Moves only"), "deadline": N_("Deadlines only")}


def filters_html(total: int) -> str:
    return (
        f'<form class="chrono-filters" role="search" aria-label="{t("Filter the chronology")}">'
        + _options("show", N_("Show"), SHOW)
        + _options("lever", N_("Lever"), LEVER_LABELS)
        + _options("actor", N_("Actor"), ACTOR_LABELS)
        + _options("direction", N_("Direction"), DIRECTION_LABELS)
        + f'<label>{t("Search")}<input type="search" name="q" placeholder="{t("e.g. soybeans")}"></label>'
        + f'<button type="reset">{t("Clear")}</button></form>'
        + f'<p class="chrono-count" aria-live="polite">{t("{n} entries").format(n=total)}</p>'
    )


def page_html(table: pd.DataFrame | None = None, sources: dict | None = None) -> str:
    """The whole chronology, newest month first, each event exactly once."""
    frame = data.localize(events(table), "events")
    srcs = data.sources() if sources is None else sources
    frame = frame.assign(period=frame["date"].map(lambda d: (d.year, d.month)))
    parts = [filters_html(len(frame)), '<div class="chrono-list">']
    for (year, number), group in sorted(frame.groupby("period"), key=lambda kv: kv[0], reverse=True):
        label = month(dt.date(year, number, 1))
        parts.append(f'<section class="chrono-month" aria-label="{label}"><h3 id="m-{year}-{number:02d}">{label}</h3>')
        parts.extend(event_html(row, srcs) for row in group.sort_values(["date", "id"], ascending=False).to_dict("records"))
        parts.append("</section>")
    parts.append("</div>")
    return "".join(parts)


def key_dates_html(table: pd.DataFrame | None = None) -> str:
    """The key dates: a short table at the top of the page, each row linking to its entry."""
    rows = "".join(
        f'<tr><td><time datetime="{r["date"].isoformat()}">{day(r["date"], short=True)}</time></td>'
        f'<td>{esc(t(ACTOR_LABELS[r["actor"]]))}</td><td><a href="#{esc(r["id"])}">{esc(r["title"])}</a></td></tr>'
        for r in data.localize(chronology.key_events(table), "events").to_dict("records")
    )
    head = "".join(f'<th scope="col">{t(h)}</th>' for h in (N_("Date"), N_("Who"), N_("What")))
    return (
        f'{scroll_open(t("Key dates"))}<table {NOT_SEARCHED} class="key-dates">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def coverage_note(table: pd.DataFrame | None = None, checked_months: pd.DataFrame | None = None) -> str:
    """HTML: how many moves and deadlines, when the data was last checked, and the months since
    2025 where a search found no move (``data/months_checked.csv``) or that were never searched."""
    frame = chronology.events(table)
    moves, due = (frame["kind"] == "move").sum(), (frame["kind"] == "deadline").sum()
    checked = data.last_updated()
    months = data.load("months_checked") if checked_months is None else checked_months
    empty = sorted(months.loc[months["result"] == "checked-empty", "month"])
    swept = set(months["month"])
    gaps = [g for g in chronology.empty_months(dt.date(2025, 1, 1), checked, frame) if g.strftime("%Y-%m") not in swept]
    texts = []
    if empty:
        texts.append(
            t("Months searched month by month and found without a sourced move: {months}.").format(
                months=t(", ").join(month(dt.date.fromisoformat(m + "-01")) for m in empty)
            )
        )
    if gaps:
        texts.append(
            t("Months with no entry that have not been searched yet: {months}.").format(
                months=t(", ").join(month(g) for g in gaps)
            )
        )
    gap_text = t(" ").join(texts) or t("Every month since January 2025 has at least one sourced move.")
    return (
        '<p class="chrono-coverage">'
        + t("<strong>{moves} moves</strong> and {due} scheduled deadlines, {first} to {last}. Last checked {checked}.").format(
            moves=moves, due=due, first=month(frame["date"].min()), last=day(frame["date"].max()), checked=day(checked)
        )
        + t(" ")
        + f"{html.escape(gap_text)}</p>"
    )


def overview_chart() -> str:
    counts = chronology.moves_per_month()
    description = t(
        "Bar chart of escalation moves (above zero) and de-escalation moves (below zero) per month since "
        "January 2025, by the side that made them."
    )
    chart = event_charts.events_per_month(
        counts,
        title=t("Moves per month: the April 2025 spiral and the autumn truce"),
        description=description,
        labels=chronology.turning_points(),
    )
    return embed(
        chart,
        chart_id="moves-per-month",
        table=counts,
        source="Truce Tracker chronology (data/events.csv)",
        as_of=style.data_through(events()["date"]),
        csv_name="moves-per-month.csv",
    )


def page() -> str:
    """Every entry, with the filters and the coverage note."""
    return coverage_note() + page_html()
