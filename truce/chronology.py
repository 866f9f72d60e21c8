"""The chronology: events from ``data/events.csv``, grouped, counted and rendered.

The chronology page is generated from here (never hand-copied): :func:`page_html` renders
every event once, with an anchor ``#<id>``, its badges, instrument and sources, grouped by
year and month, newest first, with filters that run in the browser.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html

import pandas as pd

from truce import data

LEVER_LABELS = {
    "tariffs": "Tariffs", "export-controls": "Export controls", "critical-minerals": "Critical minerals",
    "agriculture": "Agriculture", "tech-and-investment": "Tech and investment", "shipping": "Shipping",
    "talks": "Talks", "legal": "Courts and law", "other": "Other",
}
ACTOR_LABELS = {"US": "United States", "CN": "China", "both": "Both sides", "court": "Courts", "other": "Others"}
DIRECTION_LABELS = {"escalation": "Escalation", "de-escalation": "De-escalation", "neutral": "Neutral"}
STATUS_LABELS = {"announced": "announced", "in-force": "in force", "suspended": "suspended", "revoked": "revoked",
                 "struck-down": "struck down", "threatened": "threatened, never imposed"}


# Turning points labelled on the overview chart: (event id, short label).
TURNING_POINTS = (
    ("us-reciprocal-tariff-baseline-10pct-2025-04-05", "Liberation Day"),
    ("geneva-joint-statement-2025-05-12", "Geneva"),
    ("cn-rare-earth-rules-2025-10-09", "Rare-earth rules"),
    ("busan-trump-xi-meeting-2025-10-30", "Busan"),
    ("court-scotus-learning-resources-2026-02-20", "Supreme Court"),
    ("both-beijing-summit-2026-05-13", "Beijing summit"),
)


def turning_points(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The labelled turning points with their dates (every id must exist in the chronology)."""
    frame = events(table).set_index("id")
    missing = [eid for eid, _ in TURNING_POINTS if eid not in frame.index]
    if missing:
        raise KeyError(f"turning points not in data/events.csv: {', '.join(missing)}")
    return pd.DataFrame([{"id": eid, "label": label, "date": frame.loc[eid, "date"]} for eid, label in TURNING_POINTS])


def events(table: pd.DataFrame | None = None) -> pd.DataFrame:
    frame = data.load("events") if table is None else table
    return frame.sort_values(["date", "id"]).reset_index(drop=True)


def primary_share(since: dt.date, table: pd.DataFrame | None = None, sources: dict | None = None,
                  kinds: frozenset[str] = data.PRIMARY_KINDS) -> float:
    """Share of events on or after ``since`` with at least one source of the given kinds
    (by default a primary document, on the issuing body's site or as a full-text copy)."""
    frame = events(table)
    srcs = data.sources() if sources is None else sources
    frame = frame[frame["date"].map(lambda d: d >= since)]
    if frame.empty:
        return 0.0
    primary = frame["source_ids"].map(lambda ids: any(srcs.get(s, {}).get("kind") in kinds for s in ids.split(";")))
    return float(primary.mean())


def near_duplicates(table: pd.DataFrame | None = None, threshold: float = 0.8) -> list[tuple[str, str, float]]:
    """Pairs of events with the same date, actor and lever and similar titles."""
    frame = events(table)
    pairs = []
    for _, group in frame.groupby(["date", "actor", "lever"]):
        rows = group.to_dict("records")
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                ratio = difflib.SequenceMatcher(None, a["title"].lower(), b["title"].lower()).ratio()
                if ratio >= threshold:
                    pairs.append((a["id"], b["id"], round(ratio, 2)))
    return pairs


def moves_per_month(table: pd.DataFrame | None = None, since: dt.date = dt.date(2025, 1, 1)) -> pd.DataFrame:
    """Signed count of moves per month and actor: escalations +1, de-escalations −1."""
    frame = events(table)
    frame = frame[(frame["date"].map(lambda d: d >= since)) & (frame["direction"] != "neutral")]
    frame = frame.assign(month=frame["date"].map(lambda d: d.replace(day=1)),
                         moves=frame["direction"].map({"escalation": 1, "de-escalation": -1}))
    return (frame.groupby(["month", "actor", "direction"], as_index=False)["moves"].sum()
            .sort_values(["month", "actor"]).reset_index(drop=True))


def counts_by(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events by year and lever."""
    frame = events(table)
    frame = frame.assign(year=frame["date"].map(lambda d: d.year))
    return pd.crosstab(frame["year"], frame["lever"], margins=True, margins_name="total")


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def source_links(ids: str, sources: dict) -> str:
    """HTML links to the sources of a row, primary ones marked."""
    links = []
    for sid in ids.split(";"):
        s = sources[sid]
        kind = {"primary": " (primary)", "primary-copy": " (primary, full-text copy)"}.get(s["kind"], "")
        links.append(f'<a href="{_e(s["url"])}" rel="noopener">{_e(s["publisher"])}: {_e(s["title"])}</a>{kind}')
    return "; ".join(links)


def event_html(row: dict, sources: dict) -> str:
    date = row["date"].strftime("%-d %B %Y")
    if row.get("date_end"):
        date += " – " + row["date_end"].strftime("%-d %B %Y")
    badges = (f'<span class="badge badge-{_e(row["actor"])}">{_e(ACTOR_LABELS[row["actor"]])}</span>'
              f'<span class="badge">{_e(LEVER_LABELS[row["lever"]])}</span>'
              f'<span class="badge badge-{_e(row["direction"])}">{_e(DIRECTION_LABELS[row["direction"]])}</span>'
              f'<span class="badge">{_e(STATUS_LABELS[row["status"]])}</span>')
    instrument = f' · <span class="chrono-instrument">{_e(row["instrument"])}</span>' if row["instrument"] else ""
    note = f'<p class="chrono-meta"><strong>Note:</strong> {_e(row["note"])}</p>' if row["note"] else ""
    return (
        f'<article class="chrono-event" id="{_e(row["id"])}" data-lever="{_e(row["lever"])}" '
        f'data-actor="{_e(row["actor"])}" data-direction="{_e(row["direction"])}">'
        f'<h4><a class="headerlink-event" href="#{_e(row["id"])}">{_e(row["title"])}</a></h4>'
        f'<p class="chrono-meta"><time datetime="{row["date"].isoformat()}">{_e(date)}</time>{instrument}</p>'
        f"<p>{badges}</p><p>{_e(row['summary'])}</p>{note}"
        f'<p class="chrono-sources">Sources: {source_links(row["source_ids"], sources)}</p></article>'
    )


def _options(name: str, label: str, choices: dict) -> str:
    opts = "".join(f'<option value="{_e(k)}">{_e(v)}</option>' for k, v in choices.items())
    return f'<label>{_e(label)}<select name="{name}"><option value="">All</option>{opts}</select></label>'


def filters_html(total: int) -> str:
    return (
        '<form class="chrono-filters" role="search" aria-label="Filter the chronology">'
        + _options("lever", "Lever", LEVER_LABELS)
        + _options("actor", "Actor", ACTOR_LABELS)
        + _options("direction", "Direction", DIRECTION_LABELS)
        + '<label>Search<input type="search" name="q" placeholder="e.g. soybeans"></label>'
        + '<button type="reset">Clear</button></form>'
        + f'<p class="chrono-count" aria-live="polite">{total} events</p>'
    )


def page_html(table: pd.DataFrame | None = None, sources: dict | None = None) -> str:
    """The whole chronology, newest month first, each event exactly once."""
    frame = events(table)
    srcs = data.sources() if sources is None else sources
    frame = frame.assign(period=frame["date"].map(lambda d: (d.year, d.month)))
    parts = [filters_html(len(frame)), '<div class="chrono-list">']
    for (year, month), group in sorted(frame.groupby("period"), key=lambda kv: kv[0], reverse=True):
        label = dt.date(year, month, 1).strftime("%B %Y")
        parts.append(f'<section class="chrono-month" aria-label="{label}"><h3 id="m-{year}-{month:02d}">{label}</h3>')
        parts.extend(event_html(row, srcs) for row in group.sort_values(["date", "id"], ascending=False).to_dict("records"))
        parts.append("</section>")
    parts.append("</div>")
    return "".join(parts)


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


def coverage_note(table: pd.DataFrame | None = None) -> str:
    """HTML: count, last checked date, and the months since 2025 for which no event was sourced."""
    frame = events(table)
    checked = data.last_updated()
    gaps = empty_months(dt.date(2025, 1, 1), checked, frame)
    gap_text = ("Every month since January 2025 has at least one sourced event." if not gaps else
                "We found no sourced event for " + ", ".join(g.strftime("%B %Y") for g in gaps) +
                f"; that does not mean nothing happened, only that no source was found when the data was last checked, on {checked:%-d %B %Y}.")
    return (f'<p class="chrono-coverage"><strong>{len(frame)} events</strong>, {frame["date"].min():%B %Y} to '
            f'{frame["date"].max():%-d %B %Y}. Last checked {checked:%-d %B %Y}. {html.escape(gap_text)}</p>')
