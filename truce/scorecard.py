"""The truce scorecard: every commitment of Geneva, London, Kuala Lumpur/Busan and Beijing, what
was observed, and the deadlines — as HTML blocks for ``docs/scorecard.py``.

All text that comes from the data is HTML-escaped here. Status badges carry a symbol and a word
as well as a colour, so they read without colour too.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd

from truce import data, deadlines, series
from truce.chronology import source_links

ROUNDS = {
    "geneva-2025": "Geneva, May 2025",
    "london-2025": "London, June 2025",
    "busan-2025": "Kuala Lumpur and Busan, October 2025",
    "beijing-2026": "Beijing, May 2026",
    "other": "Other",
}
# outcome -> label, symbol, colour (CSS variables defined for light and dark mode in site.css)
OUTCOMES = {
    "met": {"label": "met", "symbol": "✓", "colour": "var(--truce-deesc)"},
    "partly-met": {"label": "partly met", "symbol": "◐", "colour": "var(--truce-cn-text)"},
    "missed": {"label": "missed", "symbol": "✗", "colour": "var(--truce-esc)"},
    "pending": {"label": "pending", "symbol": "…", "colour": "var(--md-default-fg-color--light)"},
    "superseded": {"label": "superseded", "symbol": "↷", "colour": "var(--truce-us-text)"},
    "unverified": {"label": "unverified", "symbol": "?", "colour": "var(--md-default-fg-color--light)"},
}
PARTY_LABELS = {"US": "United States", "CN": "China", "both": "Both sides"}


def _e(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return html.escape(f"{value:%-d %B %Y}")
    return html.escape(str(value), quote=True)


def commitments(table: pd.DataFrame | None = None) -> pd.DataFrame:
    frame = data.load("commitments") if table is None else table
    rounds = {r: i for i, r in enumerate(ROUNDS)}
    parties = {p: i for i, p in enumerate(PARTY_LABELS)}
    frame = frame.assign(_r=frame["round"].map(rounds), _p=frame["party"].map(parties))
    return frame.sort_values(["_r", "made_on", "_p", "id"]).drop(columns=["_r", "_p"]).reset_index(drop=True)


def counts(table: pd.DataFrame | None = None) -> dict[str, int]:
    """Commitments per outcome, every outcome listed (zero included)."""
    frame = commitments(table)
    return {o: int((frame["outcome"] == o).sum()) for o in OUTCOMES}


def problems(table: pd.DataFrame | None = None, on: dt.date | None = None) -> list[str]:
    """Rows whose outcome contradicts their dates: a commitment still ``pending`` after its due
    date (it should be met, missed, or ``unverified`` when no source says), or an outcome dated
    before the commitment was made."""
    frame = commitments(table)
    on = on or data.last_updated()
    out = []
    for r in frame.to_dict("records"):
        if r["outcome"] == "pending" and r["due"] and r["due"] < on:
            out.append(f'data/commitments.csv: {r["id"]}: outcome "pending" but the due date {r["due"]} has passed — '
                       'record what happened, or "unverified" if no source says')
        if r["outcome_date"] and r["outcome_date"] < r["made_on"]:
            out.append(f'data/commitments.csv: {r["id"]}: outcome_date {r["outcome_date"]} is before made_on {r["made_on"]}')
    return out


def badge(outcome: str) -> str:
    o = OUTCOMES[outcome]
    return (f'<span class="badge scorecard-badge" data-outcome="{_e(outcome)}" style="color:{o["colour"]}">'
            f'<span aria-hidden="true">{o["symbol"]}</span> {_e(o["label"])}</span>')


def summary_html(table: pd.DataFrame | None = None) -> str:
    """One box per outcome with its count."""
    c = counts(table)
    boxes = "".join(f'<div><strong>{n}</strong>{badge(o)}</div>' for o, n in c.items())
    return f'<div class="headline-grid scorecard-summary" aria-label="Commitments by outcome">{boxes}</div>'


def legend_html() -> str:
    meanings = {
        "met": "the promised step was taken, on time or close to it",
        "partly-met": "some of it was done, or something narrower than promised",
        "missed": "the deadline passed without the step",
        "pending": "no due date has passed and no outcome is recorded yet",
        "superseded": "overtaken by later events (a court ruling, a new deal)",
        "unverified": "the due date has passed but no source retrieved says what happened",
    }
    items = "".join(f"<li>{badge(o)} {_e(text)}</li>" for o, text in meanings.items())
    return f'<ul class="scorecard-legend">{items}</ul>'


def commitment_html(r: dict, sources: dict) -> str:
    due = f"due {_e(r['due'])}" if r["due"] else "no due date"
    instrument = f" · {_e(r['instrument'])}" if r["instrument"] else ""
    observed = f"{badge(r['outcome'])}"
    if r["outcome_date"]:
        observed += f' <time datetime="{r["outcome_date"].isoformat()}">{_e(r["outcome_date"])}</time>'
    summary = f"<p>{_e(r['outcome_summary'])}</p>" if r["outcome_summary"] else ""
    note = (f'<p class="chrono-meta"><strong>Where sources differ or data is missing:</strong> {_e(r["note"])}</p>'
            if r["note"] else "")
    return (
        f'<article class="chrono-event scorecard-item" id="{_e(r["id"])}" data-outcome="{_e(r["outcome"])}" data-party="{_e(r["party"])}">'
        f'<h3><span class="badge badge-{_e(r["party"])}">{_e(PARTY_LABELS[r["party"]])}</span> '
        f'<a class="headerlink-event" href="#{_e(r["id"])}">{_e(r["commitment"])}</a></h3>'
        f'<p class="chrono-meta">Promised <time datetime="{r["made_on"].isoformat()}">{_e(r["made_on"])}</time> · {due}{instrument}</p>'
        f"<p><strong>Observed:</strong> {observed}</p>{summary}{note}"
        f'<p class="chrono-sources">Sources: {source_links(r["source_ids"], sources)}</p></article>'
    )


def round_html(round_id: str, table: pd.DataFrame | None = None) -> str:
    """Every commitment of one round, by date promised, US first then China then both."""
    frame = commitments(table)
    frame = frame[frame["round"] == round_id]
    srcs = data.sources()
    c = {o: int((frame["outcome"] == o).sum()) for o in OUTCOMES}
    tally = " · ".join(f"{n} {OUTCOMES[o]['label']}" for o, n in c.items() if n)
    items = "".join(commitment_html(r, srcs) for r in frame.to_dict("records"))
    return f'<p class="chrono-count">{len(frame)} commitments: {_e(tally)}</p><div class="chrono-list">{items}</div>'


def _publisher_links(ids: str, sources: dict) -> str:
    """Short source links: the publisher as the text, the title as the tooltip."""
    return "; ".join(f'<a href="{_e(sources[s]["url"])}" title="{_e(sources[s]["title"])}" rel="noopener">{_e(sources[s]["publisher"])}</a>'
                     for s in ids.split(";"))


def soybean_delivery_html() -> str:
    """The two counts of the 12-million-tonne pledge, one after the other: purchases reported on
    the US side (USDA export sales, trade estimates, officials) and arrivals in China's customs data."""
    tracker = series.soybean_tracker()
    arrivals = series.soybean_arrivals()
    pledge = series.soybean_pledge("2025-11/2025-12")
    arrivals = arrivals[arrivals["date"] >= dt.date(2025, 9, 1)]
    srcs = data.sources()

    def table(rows, caption, date_label, when) -> str:
        body = "".join(
            f'<tr><td style="white-space:nowrap">{_e(when(r))}</td><td style="white-space:nowrap">{r["value"]:g}</td><td>{_e(r["note"])}</td>'
            f"<td>{_publisher_links(r['source_ids'], srcs)}</td></tr>" for r in rows.to_dict("records"))
        head = (f'<tr><th scope="col">{_e(date_label)}</th><th scope="col">Million tonnes</th>'
                '<th scope="col">What it counts</th><th scope="col">Source</th></tr>')
        return (f'<div class="table-scroll" tabindex="0"><table class="scorecard-delivery"><caption>{_e(caption)}</caption>'
                f"<thead>{head}</thead><tbody>{body}</tbody></table></div>")

    us = table(tracker, "US-side count: purchases reported since the 30 October 2025 truce (cumulative)", "Reported",
               lambda r: f"{r['date']:%-d %b %Y}" if r["dated"] == "exact" else f"{r['date']:%b %Y}")
    cn = table(arrivals, "China customs: soybean imports from the US in the month", "Month", lambda r: f"{r['date']:%b %Y}")
    return us + cn + f'<p class="chrono-meta">Pledge: {pledge["value"]:g} million tonnes. {_e(pledge["note"])}</p>'


def deadlines_html(on: dt.date | None = None, limit_past: int | None = None) -> str:
    """Upcoming and past deadlines in two tables, each entry linked to its page."""
    on = on or data.last_updated()
    srcs = data.sources()

    def rows(items) -> str:
        out = []
        for d in items:
            first = srcs.get(d.source_ids[0]) if d.source_ids else None
            src = f'<a href="{_e(first["url"])}" rel="noopener">{_e(first["publisher"])}</a>' if first else ""
            more = f" +{len(d.source_ids) - 1}" if len(d.source_ids) > 1 else ""
            out.append(f'<tr><td style="white-space:nowrap"><time datetime="{d.date.isoformat()}">{d.date:%-d %b %Y}</time>'
                       f'<br><span class="chrono-meta">{_e(deadlines.KINDS[d.kind])}</span></td>'
                       f'<td><a href="../{_e(d.path)}">{_e(d.title)}</a></td><td>{src}{_e(more)}</td></tr>')
        return "".join(out)

    head = '<tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Source</th></tr>'
    up = deadlines.upcoming(on)
    done = list(reversed(deadlines.past(on)))
    if limit_past:
        done = done[:limit_past]
    upcoming_table = (f'<div class="table-scroll" tabindex="0"><table><caption>Upcoming (after {_e(on)})</caption>'
                      f"<thead>{head}</thead><tbody>{rows(up)}</tbody></table></div>")
    past_table = (f'<details><summary>Past deadlines, newest first ({len(done)})</summary>'
                  f'<div class="table-scroll" tabindex="0"><table><thead>{head}</thead><tbody>{rows(done)}</tbody></table></div></details>')
    return upcoming_table + past_table
