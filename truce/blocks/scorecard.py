"""The scorecard page: each commitment against what was observed, by round, and the deadlines."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from truce import data
from truce.analysis import deadlines, series
from truce.analysis.commitments import OUTCOMES, commitments, counts
from truce.blocks.html import NOT_SEARCHED, esc, publisher_links, scroll_open, source_links
from truce.figures.formatting import format_value
from truce.i18n import N_, current, month, t
from truce.labels import PARTY_LABELS


def badge(outcome: str) -> str:
    o = OUTCOMES[outcome]
    return (
        f'<span class="badge scorecard-badge" data-outcome="{esc(outcome)}" style="color:{o["colour"]}">'
        f'<span aria-hidden="true">{o["symbol"]}</span> {esc(t(o["label"]))}</span>'
    )


def summary_html(table: pd.DataFrame | None = None) -> str:
    """One box per outcome with its count."""
    c = counts(table)
    boxes = "".join(f"<div><strong>{n}</strong>{badge(o)}</div>" for o, n in c.items())
    return f'<div class="headline-grid scorecard-summary" aria-label="{t("Commitments by outcome")}">{boxes}</div>'


def legend_html() -> str:
    meanings = {
        "met": N_("the promised step was taken, on time or close to it"),
        "met-on-bookings": N_("a purchase declared complete on contracted sales; deliveries not confirmed"),
        "partly-met": N_("some of it was done, or something narrower than promised"),
        "missed": N_("the deadline passed without the step"),
        "pending": N_("no due date has passed and no outcome is recorded yet"),
        "superseded": N_("overtaken by later events (a court ruling, a new deal)"),
        "unverified": N_("the due date has passed but no source retrieved says what happened"),
    }
    items = "".join(f"<li>{badge(o)} {esc(t(text))}</li>" for o, text in meanings.items())
    return f'<ul class="scorecard-legend">{items}</ul>'


def _time(d: dt.date) -> str:
    return f'<time datetime="{d.isoformat()}">{esc(d)}</time>'


def commitment_html(r: dict, sources: dict) -> str:
    due = t("due {day}").format(day=esc(r["due"])) if r["due"] else t("no due date")
    instrument = f" · {esc(r['instrument'])}" if r["instrument"] else ""
    observed = f"{badge(r['outcome'])}"
    if r["outcome_date"]:
        observed += f' <time datetime="{r["outcome_date"].isoformat()}">{esc(r["outcome_date"])}</time>'
    summary = f"<p>{esc(r['outcome_summary'])}</p>" if r["outcome_summary"] else ""
    note = (
        f'<p class="chrono-meta"><strong>{t("Where sources differ or data is missing:")}</strong> {esc(r["note"])}</p>'
        if r["note"]
        else ""
    )
    return (
        f'<article class="chrono-event scorecard-item" id="{esc(r["id"])}" data-outcome="{esc(r["outcome"])}" data-party="{esc(r["party"])}">'
        f'<h3><span class="badge badge-{esc(r["party"])}">{esc(t(PARTY_LABELS[r["party"]]))}</span> '
        f'<a class="headerlink-event" href="#{esc(r["id"])}">{esc(r["commitment"])}</a></h3>'
        f'<p class="chrono-meta">{t("Promised {day}").format(day=_time(r["made_on"]))} · {due}{instrument}</p>'
        f"<p><strong>{t('Observed:')}</strong> {observed}</p>{summary}{note}"
        f'<p class="chrono-sources" data-search-exclude>{t("Sources:")} {source_links(r["source_ids"], sources)}</p></article>'
    )


def round_html(round_id: str, table: pd.DataFrame | None = None) -> str:
    """Every commitment of one round, by date promised, US first then China then both."""
    frame = data.localize(commitments(table), "commitments")
    frame = frame[frame["round"] == round_id]
    srcs = data.sources()
    c = {o: int((frame["outcome"] == o).sum()) for o in OUTCOMES}
    tally = t(" · ").join(t("{n} {outcome}").format(n=n, outcome=t(OUTCOMES[o]["label"])) for o, n in c.items() if n)
    items = "".join(commitment_html(r, srcs) for r in frame.to_dict("records"))
    count = t("{n} commitments: {tally}").format(n=len(frame), tally=esc(tally))
    return f'<p class="chrono-count">{count}</p><div class="chrono-list">{items}</div>'


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
            f'<tr><td style="white-space:nowrap">{esc(when(r))}</td><td style="white-space:nowrap">{r["value"]:g}</td><td>{esc(r["note"])}</td>'
            f"<td>{publisher_links(r['source_ids'], srcs)}</td></tr>"
            for r in rows.to_dict("records")
        )
        head = (
            f'<tr><th scope="col">{esc(t(date_label))}</th><th scope="col">{t("Million tonnes")}</th>'
            f'<th scope="col">{t("What it counts")}</th><th scope="col">{t("Source")}</th></tr>'
        )
        return (
            f'{scroll_open()}<table {NOT_SEARCHED} class="scorecard-delivery"><caption>{esc(t(caption))}</caption>'
            f"<thead>{head}</thead><tbody>{body}</tbody></table></div>"
        )

    us = table(
        tracker,
        N_("US-side count: purchases reported since the 30 October 2025 truce (cumulative)"),
        N_("Reported"),
        lambda r: f"{r['date']:%-d %b %Y}" if r["dated"] == "exact" else f"{r['date']:%b %Y}",
    )
    cn = table(arrivals, N_("China customs: soybean imports from the US in the month"), N_("Month"), lambda r: month(r["date"]))
    amount = format_value(pledge["value"], "mmt", 0 if float(pledge["value"]).is_integer() else 1, lang=current())
    pledged = t("Pledge: {amount}.").format(amount=amount)
    return us + cn + f'<p class="chrono-meta">{pledged} {esc(pledge["note"])}</p>'


def deadlines_html(on: dt.date | None = None, limit_past: int | None = None) -> str:
    """Upcoming and past deadlines in two tables, each entry linked to its page."""
    on = on or data.last_updated()
    srcs = data.sources()

    def rows(items) -> str:
        out = []
        for d in items:
            first = srcs.get(d.source_ids[0]) if d.source_ids else None
            src = f'<a href="{esc(first["url"])}" rel="noopener">{esc(first["publisher"])}</a>' if first else ""
            more = f" +{len(d.source_ids) - 1}" if len(d.source_ids) > 1 else ""
            out.append(
                f'<tr><td style="white-space:nowrap"><time datetime="{d.date.isoformat()}">{d.date:%-d %b %Y}</time>'
                f'<br><span class="chrono-meta">{esc(deadlines.KINDS[d.kind])}</span></td>'
                f'<td><a href="../{esc(d.path)}">{esc(d.title)}</a></td><td>{src}{esc(more)}</td></tr>'
            )
        return "".join(out)

    head = f'<tr><th scope="col">{t("When")}</th><th scope="col">{t("What")}</th><th scope="col">{t("Source")}</th></tr>'
    up = deadlines.upcoming(on)
    done = list(reversed(deadlines.past(on)))
    if limit_past:
        done = done[:limit_past]
    upcoming_table = (
        f"{scroll_open()}<table {NOT_SEARCHED}><caption>{t('Upcoming (after {day})').format(day=esc(on))}</caption>"
        f"<thead>{head}</thead><tbody>{rows(up)}</tbody></table></div>"
    )
    past_table = (
        f"<details><summary>{t('Past deadlines, newest first ({n})').format(n=len(done))}</summary>"
        f"{scroll_open()}<table {NOT_SEARCHED}><thead>{head}</thead><tbody>{rows(done)}</tbody></table></div></details>"
    )
    return upcoming_table + past_table
