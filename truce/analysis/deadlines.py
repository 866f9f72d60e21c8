"""The truce's deadlines, past and upcoming, built from the data.

Deadlines come from four files:

* ``commitments.csv`` — the ``due`` date of each commitment (kind ``commitment-due``);
* ``events.csv`` — the ``date_end`` of a measure or suspension (``suspension-end`` or
  ``measure-end``; periods of a month or less record an observation and are left out), events
  that record a scheduled end (``scheduled-end``), and Trump–Xi meetings and rounds of talks
  (``summit``, ``talks``; phone calls are left out);
* ``tariff_measures.csv`` — the start and end of each tariff layer (``tariff-start``,
  ``tariff-end``); threatened layers are left out, as they never took effect.

Only dates from :data:`FEED_START` on are listed. :mod:`truce.site.feeds` publishes them as an
iCalendar file and a JSON feed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from truce import data, i18n
from truce.labels import PARTY_LABELS

SITE_URL = "https://truce-tracker.github.io/"


FEED_START = dt.date(2025, 1, 1)


MIN_MEASURE_DAYS = 31  # an event whose date_end is closer than this records an observed period, not a deadline


KINDS = {
    "commitment-due": "Commitment due",
    "suspension-end": "Suspension ends",
    "measure-end": "Measure ends",
    "scheduled-end": "Scheduled end",
    "tariff-start": "Tariff layer starts",
    "tariff-end": "Tariff layer ends",
    "summit": "Leaders' meeting",
    "talks": "Talks",
}


ROUNDS = {
    "geneva-2025": "Geneva",
    "london-2025": "London",
    "busan-2025": "Kuala Lumpur/Busan",
    "beijing-2026": "Beijing",
    "other": "other",
}


@dataclass(frozen=True)
class Deadline:
    id: str
    date: dt.date
    title: str
    kind: str
    source_ids: tuple[str, ...]
    path: str  # page on the site, relative to the site root, with anchor
    description: str

    def url(self, base_url: str = SITE_URL) -> str:
        return base_url.rstrip("/") + "/" + self.path


def _short(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _commitment_deadlines(frame) -> list[Deadline]:
    out = []
    for r in frame.to_dict("records"):
        if not r["due"]:
            continue
        outcome = r["outcome"].replace("-", " ")
        desc = f"{PARTY_LABELS[r['party']]} committed ({ROUNDS[r['round']]}, {r['made_on']:%-d %B %Y}): {r['commitment']} Outcome: {outcome}."
        if r["outcome_summary"]:
            desc += f" {r['outcome_summary']}"
        out.append(
            Deadline(
                f"commitment-{r['id']}",
                r["due"],
                f"Due ({PARTY_LABELS[r['party']]}): {_short(r['commitment'])}",
                "commitment-due",
                tuple(r["source_ids"]),
                f"scorecard/#{r['id']}",
                desc,
            )
        )
    return out


def _is_scheduled_end(row: dict) -> bool:
    return row["kind"] == "deadline"


def _summit_kind(row: dict) -> str | None:
    """``summit`` for a leaders' meeting, ``talks`` for a round of talks (read from the event id,
    which names the kind of event); phone calls and announcements about a meeting (reset,
    delayed) are not deadlines."""
    rid, title = row["id"], row["title"].lower()
    if (
        row["lever"] != "talks"
        or row["actor"] != "both"
        or "-call" in rid
        or re.search(r"\b(reset|delay|resched)", title + " " + rid)
    ):
        return None
    if "summit" in rid or "meeting" in rid:
        return "summit"
    return "talks" if "talks" in rid else None


def _event_deadlines(frame) -> list[Deadline]:
    rows = frame.to_dict("records")
    scheduled = [r for r in rows if _is_scheduled_end(r)]
    out = []
    for r in rows:
        path = f"chronology/#{r['id']}"
        if _is_scheduled_end(r):
            out.append(
                Deadline(f"event-{r['id']}", r["date"], r["title"], "scheduled-end", tuple(r["source_ids"]), path, r["summary"])
            )
        elif kind := _summit_kind(r):
            out.append(Deadline(f"event-{r['id']}", r["date"], r["title"], kind, tuple(r["source_ids"]), path, r["summary"]))
        # the end of a measure's life; short periods (an observation of one month) are not deadlines
        if (
            r["date_end"]
            and r["lever"] != "talks"
            and r["status"] != "threatened"
            and (r["date_end"] - r["date"]).days > MIN_MEASURE_DAYS
        ):
            # a scheduled-end event by the same actor on the same lever within a day already marks this end
            if any(
                s["actor"] == r["actor"] and s["lever"] == r["lever"] and abs((s["date"] - r["date_end"]).days) <= 1
                for s in scheduled
            ):
                continue
            suspension = "suspen" in (r["id"] + " " + r["title"]).lower() or "truce" in r["title"].lower()
            kind = "suspension-end" if suspension else "measure-end"
            out.append(
                Deadline(
                    f"end-{r['id']}",
                    r["date_end"],
                    f"Ends: {r['title']}",
                    kind,
                    tuple(r["source_ids"]),
                    path,
                    f"End of the period that began on {r['date']:%-d %B %Y}. {r['summary']}",
                )
            )
    return out


def _rate(r: dict) -> str:
    if r["suspends"]:
        return f"suspension of {r['rate_pct']:g} points"
    return f"{r['rate_pct']:g}%"


def _tariff_deadlines(frame) -> list[Deadline]:
    out = []
    for r in frame.to_dict("records"):
        if r["status"] == "threatened":
            continue
        who = PARTY_LABELS[r["imposer"]]
        what = f"{who}: {r['instrument']} — {_rate(r)} on {r['coverage']}"
        out.append(
            Deadline(
                f"tariff-start-{r['id']}",
                r["effective_from"],
                f"Starts — {what}",
                "tariff-start",
                tuple(r["source_ids"]),
                "tariffs/",
                f"Tariff layer in force from {r['effective_from']:%-d %B %Y}. {r['note']}".strip(),
            )
        )
        if r["effective_to"] and r["effective_to"] != r["effective_from"]:
            out.append(
                Deadline(
                    f"tariff-end-{r['id']}",
                    r["effective_to"],
                    f"Ends — {what}",
                    "tariff-end",
                    tuple(r["source_ids"]),
                    "tariffs/",
                    f"Tariff layer in force until {r['effective_to']:%-d %B %Y} (status: {r['status']}). {r['note']}".strip(),
                )
            )
    return out


def _localized(found: list[Deadline]) -> list[Deadline]:
    """The titles of commitment and event deadlines in the edition being built (the rules above
    read the English rows; only what a reader sees changes)."""
    if i18n.current() == "en":
        return found
    events = data.localize(data.load("events"), "events").set_index("id")["title"]
    commits = data.localize(data.load("commitments"), "commitments").set_index("id")
    out = []
    for d in found:
        kind, _, rid = d.id.partition("-")
        title = d.title
        if kind == "commitment" and rid in commits.index:
            party = i18n.t(PARTY_LABELS[commits.loc[rid, "party"]])
            title = i18n.t("Due ({party}): {text}").format(party=party, text=commits.loc[rid, "commitment"])
        elif kind == "event" and rid in events.index:
            title = events[rid]
        elif kind == "end" and rid in events.index:
            title = i18n.t("Ends: {title}").format(title=events[rid])
        out.append(dataclasses.replace(d, title=title))
    return out


def deadlines(since: dt.date = FEED_START) -> list[Deadline]:
    """Every deadline on or after ``since``, by date then id."""
    found = (
        _commitment_deadlines(data.load("commitments"))
        + _event_deadlines(data.load("events"))
        + _tariff_deadlines(data.load("tariff_measures"))
    )
    found = _localized([d for d in found if d.date >= since])
    ids = [d.id for d in found]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"deadline ids are not unique: {', '.join(repeated)}")
    return sorted(found, key=lambda d: (d.date, d.kind, d.id))


def upcoming(on: dt.date | None = None) -> list[Deadline]:
    """Deadlines after ``on`` (default: the date the data was last checked)."""
    on = on or data.last_updated()
    return [d for d in deadlines() if d.date > on]


def past(on: dt.date | None = None) -> list[Deadline]:
    on = on or data.last_updated()
    return [d for d in deadlines() if d.date <= on]
