"""Page building blocks: the HTML that notebook cells and page shortcodes display.

Each function returns one block — a chart with its table and download, or a generated table —
built from the data through the rest of the package. Notebook cells call these in one line.
"""

from __future__ import annotations

import datetime as dt
import html
import json

import pandas as pd

from truce import charts, chronology, data, tariffs

START = dt.date(2018, 1, 1)


def _source_line(ids: list[str]) -> str:
    """Publishers behind a chart: primary sources first, then the most cited."""
    srcs = data.sources()
    counts: dict[str, list] = {}
    for sid in ids:
        s = srcs[sid]
        entry = counts.setdefault(s["publisher"], [0, 0])
        entry[0] += data.is_primary(s["kind"])
        entry[1] += 1
    ranked = sorted(counts, key=lambda p: (-counts[p][0], -counts[p][1], p))
    return ", ".join(ranked[:4]) + (" and others" if len(ranked) > 4 else "")


def _today() -> dt.date:
    return data.last_updated()


def headline_series(start: dt.date = START) -> pd.DataFrame:
    return tariffs.headline_series_both(start, _today())


def headline_chart(start: dt.date = START, chart_id: str = "headline-rates") -> str:
    series = headline_series(start)
    us_peak, us_day = tariffs.peak("US")
    cn_peak, _ = tariffs.peak("CN")
    now = _today()
    us_now, cn_now = tariffs.headline_rate(now, "US"), tariffs.headline_rate(now, "CN")
    title = "Across-the-board tariffs spiked in April 2025, then fell back under the truce"
    description = (f"Step chart of the across-the-board additional tariff each side applied to the other's goods since "
                   f"{start.year}. US duties on Chinese goods peaked at {us_peak:g}% from {us_day:%-d %B %Y}; China's peaked at "
                   f"{cn_peak:g}%. On {now:%-d %B %Y} they stood at {us_now:g}% and {cn_now:g}%.")
    chart = charts.headline_rates(series, title=title, description=description)
    table = series.assign(side=series["imposer"].map(charts.SIDE_LABELS))[["date", "side", "rate_pct"]]
    ids = sorted({s for ids in tariffs.measures()["source_ids"] for s in ids.split(";")})
    return charts.embed(chart, chart_id=chart_id, table=table, source=_source_line(ids) + " (legal layers in data/tariff_measures.csv)",
                        as_of=now, csv_name="headline-rates.csv")


def layer_table(start: dt.date = dt.date(2025, 1, 1)) -> pd.DataFrame:
    """Net contribution of each all-goods instrument at each change date, zeros included, so
    the stacked bands are continuous."""
    rows = []
    end = _today()
    for side in tariffs.IMPOSERS:
        points = sorted({start, end} | {d for d in tariffs.change_dates(side) if start <= d <= end})
        per_day = []
        for day in points:
            net = tariffs.stack(day, side, product_class="")
            net = net[net["scope"] == "all-goods"]
            per_day.append((day, net.groupby("instrument")["net_pct"].sum().to_dict()))
        for (day, layers), nxt in zip(per_day, [d for d, _ in per_day[1:]] + [end]):
            base = 0.0
            for name in sorted(layers):
                value = float(layers[name])
                if value > 0 and nxt > day:
                    rows.append({"date": day, "until": nxt, "imposer": side, "layer": name, "net_pct": value,
                                 "y0": base, "y1": base + value})
                    base += value
    return pd.DataFrame(rows)


def layers_chart(start: dt.date = dt.date(2025, 1, 1)) -> str:
    table = layer_table(start)
    description = ("Stacked step areas, one panel per side, showing how much each legal instrument added to the "
                   "across-the-board tariff at each date since January 2025.")
    chart = charts.layer_bands(table, title="Which legal instruments made up the across-the-board rate", description=description)
    ids = sorted({s for ids in tariffs.measures()["source_ids"] for s in ids.split(";")})
    return charts.embed(chart, chart_id="layer-bands", table=table, source=_source_line(ids), as_of=_today(), csv_name="tariff-layers.csv")


def _esc(v) -> str:
    return html.escape("" if v is None else (v.isoformat() if isinstance(v, dt.date) else str(v)))


def measures_table(imposer: str) -> str:
    """Every layer of one side, newest first, with links to the chronology."""
    frame = tariffs.measures()
    frame = frame[frame["imposer"] == imposer].sort_values(["effective_from", "id"], ascending=False)
    rows = []
    for r in frame.to_dict("records"):
        event = f'<a href="../chronology/#{_esc(r["event_id"])}">event</a>' if r["event_id"] else ""
        rate = f'−{r["rate_pct"]:g} pts (suspension of {_esc(r["suspends"])})' if r["suspends"] else f'{r["rate_pct"]:g}%'
        rows.append(
            f'<tr><td>{_esc(r["instrument"])}</td><td>{_esc(r["scope"])}</td><td>{_esc(r["coverage"])}</td>'
            f'<td>{rate}</td><td>{_esc(r["effective_from"])}</td><td>{_esc(r["effective_to"]) or "in force"}</td>'
            f'<td>{_esc(r["status"])}</td><td>{event}</td></tr>'
        )
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Instrument", "Scope", "Coverage", "Rate", "From", "Until", "Status", "Chronology"))
    return f'<div class="table-scroll" tabindex="0"><table class="wide"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def chronology_overview() -> str:
    counts = chronology.moves_per_month()
    description = ("Bar chart of escalation moves (above zero) and de-escalation moves (below zero) per month since "
                   "January 2025, by the side that made them.")
    chart = charts.events_per_month(counts, title="Moves per month: the April 2025 spiral and the autumn truce",
                                    description=description, labels=chronology.turning_points())
    return charts.embed(chart, chart_id="moves-per-month", table=counts, source="Truce Tracker chronology (data/events.csv)",
                        as_of=_today(), csv_name="moves-per-month.csv")


def chronology_page() -> str:
    return chronology.coverage_note() + chronology.page_html()


def datafiles_table() -> str:
    """The downloadable files: name, what it holds, rows and columns."""
    rows = []
    for res in data.descriptor()["resources"]:
        frame = data.load(res["name"])
        cols = ", ".join(f["name"] for f in res["schema"]["fields"])
        rows.append(f'<tr><td><a href="{_esc(res["path"])}" download>{_esc(res["path"])}</a></td><td>{_esc(res["title"])}: '
                    f'{_esc(res.get("description", ""))}</td><td>{len(frame)}</td><td><code>{_esc(cols)}</code></td></tr>')
    head = "".join(f'<th scope="col">{h}</th>' for h in ("File", "What it holds", "Rows", "Columns"))
    return f'<div class="table-scroll" tabindex="0"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def reconciliation_table() -> str:
    """The numbers people quote, what each counts, and what the layers give for the same day."""
    frame = tariffs.reconciliation()
    srcs = data.sources()
    rows = []
    for r in frame.to_dict("records"):
        links = "; ".join(f'<a href="{_esc(srcs[s]["url"])}" rel="noopener">{_esc(srcs[s]["publisher"])}</a>' for s in r["source_ids"].split(";"))
        rows.append(
            f'<tr><td><strong>{_esc(r["quoted"])}</strong></td><td>{_esc(r["said_by"])}, {r["said_on"]:%-d %b %Y}</td>'
            f'<td>{_esc(charts.SIDE_LABELS[r["imposer"]])} on {r["refers_to"]:%-d %b %Y}</td>'
            f'<td>{_esc(tariffs.COUNTS_LABELS[r["counts"]])}</td><td>{r["computed_pct"]:g}% ({_esc(r["computed_basis"])})</td>'
            f'<td>{_esc(r["note"])}</td><td>{links}</td></tr>'
        )
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Quoted", "Who and when", "About", "What it counts", "From the layers", "Why they differ", "Sources"))
    return (f'<div class="table-scroll" tabindex="0"><table class="reconcile"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def stack_reader(start: dt.date = dt.date(2025, 1, 1)) -> str:
    """A date control that shows, for any day, the layers that made up each side's headline rate.
    Works without JavaScript as a table for the last day with data; site.js makes the date live."""
    end = _today()
    snaps = tariffs.stack_snapshots(start, end)
    payload = json.dumps(snaps, separators=(",", ":")).replace("</", "<\\/")

    def block(side: str) -> str:
        snap = [s for s in snaps if s["imposer"] == side][-1]
        items = "".join(f"<li>{_esc(l['instrument'])}: {l['points']:g} points</li>" for l in snap["layers"]) or "<li>no across-the-board layer</li>"
        return (f'<div class="stack-side" data-side="{side}"><h3>{_esc(charts.SIDE_LABELS[side])}</h3>'
                f'<p class="stack-total"><strong>{snap["total"]:g}%</strong> in total</p><ul>{items}</ul></div>')

    return (
        '<div class="stack-reader">'
        f'<label>Show the layers in force on <input type="date" name="stack-date" min="{start.isoformat()}" max="{end.isoformat()}" value="{end.isoformat()}"></label>'
        f'<div class="stack-sides" aria-live="polite">{block("US")}{block("CN")}</div>'
        f'<script type="application/json" class="stack-data">{payload}</script></div>'
    )


def averages_chart() -> str:
    frame = data.load("average_tariffs")
    frame = frame[frame["measure"].str.contains("trade-weighted", case=False)]
    us_peak = frame[frame["imposer"] == "US"]["value_pct"].max()
    description = ("Published trade-weighted average tariffs on each other's goods since 2017, by the date each value refers to. "
                   f"Points from different chart versions are not joined. The highest US value shown is {us_peak:g}%.")
    chart = charts.average_tariffs(frame, title="Trade-weighted averages tell a different story from headline rates",
                                                     description=description)
    ids = sorted({s for ids in frame["source_ids"] for s in ids.split(";")})
    table = frame[["refers_to", "imposer", "value_pct", "publisher", "vintage"]]
    return charts.embed(chart, chart_id="average-tariffs", table=table, source=_source_line(ids), as_of=_today(), csv_name="average-tariffs.csv")


def truce_clock(since: dt.date = dt.date(2026, 11, 1)) -> str:
    """What expires when: the deadlines around the end of the one-year truce, with status."""
    from truce import deadlines

    checked = _today()
    rows = []
    for d in deadlines.deadlines(since):
        state = "passed — outcome not yet sourced" if d.date <= checked else "upcoming"
        rows.append(f'<tr><td><time datetime="{d.date.isoformat()}">{d.date:%-d %b %Y}</time></td>'
                    f'<td><a href="{_esc(d.path)}">{_esc(d.title)}</a></td><td>{_esc(state)}</td></tr>')
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Date", "What", "Status"))
    return (f'<div class="table-scroll" tabindex="0"><table class="truce-clock"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>'
            f'<p class="clock-note">Subscribe: <a href="deadlines.ics">calendar (iCalendar)</a> · <a href="deadlines.json">JSON feed</a>. '
            f'Data last checked {checked:%-d %B %Y}.</p>')
