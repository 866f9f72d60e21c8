"""Page building blocks: the HTML that notebook cells and page shortcodes display.

Each function returns one block — a chart with its table and download, or a generated table —
built from the data through the rest of the package. Notebook cells call these in one line.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd

from truce import charts, chronology, data, tariffs

START = dt.date(2018, 1, 1)


def _source_line(ids: list[str]) -> str:
    srcs = data.sources()
    publishers = []
    for sid in ids:
        pub = srcs[sid]["publisher"]
        if pub not in publishers:
            publishers.append(pub)
    return ", ".join(publishers[:4]) + (" and others" if len(publishers) > 4 else "")


def _today() -> dt.date:
    return data.last_updated()


def headline_series(start: dt.date = START) -> pd.DataFrame:
    end = _today()
    return pd.concat([tariffs.headline_series(s, start, end) for s in tariffs.IMPOSERS], ignore_index=True)


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
    """Net contribution of each all-goods layer at each change date."""
    rows = []
    end = _today()
    for side in tariffs.IMPOSERS:
        points = sorted({start, end} | {d for d in tariffs.change_dates(side) if start <= d <= end})
        for day in points:
            layers = tariffs.layers_in_force(day, side)
            layers = layers[layers["scope"] == "all-goods"]
            net = tariffs.stack(day, side, product_class="")
            for _, layer in net.iterrows():
                if layer["scope"] == "all-goods":
                    rows.append({"date": day, "imposer": side, "layer": layer["instrument"], "net_pct": layer["net_pct"]})
            if not len(layers):
                rows.append({"date": day, "imposer": side, "layer": "none", "net_pct": 0.0})
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


def html_table(frame: pd.DataFrame, caption: str | None = None) -> str:
    head = "".join(f'<th scope="col">{_esc(c)}</th>' for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False))
    cap = f"<caption>{_esc(caption)}</caption>" if caption else ""
    return f'<div class="table-scroll" tabindex="0"><table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


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
    return f'<div class="table-scroll" tabindex="0"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def stack_table(on: dt.date, imposer: str, product_class: str) -> str:
    layers = tariffs.stack(on, imposer, product_class)
    frame = layers[["instrument", "coverage", "net_pct"]].rename(columns={"net_pct": "points"})
    total = float(layers["net_pct"].sum())
    return html_table(frame, caption=f"{imposer} duties on a good in {product_class or 'no product list'} on {on:%-d %B %Y}: {total:g}% in total")


def chronology_overview() -> str:
    counts = chronology.moves_per_month()
    description = ("Bar chart of escalation moves (above zero) and de-escalation moves (below zero) per month since "
                   "January 2025, by the side that made them.")
    chart = charts.events_per_month(counts, title="Moves per month: the April 2025 spiral and the autumn truce", description=description)
    return charts.embed(chart, chart_id="moves-per-month", table=counts, source="Truce Tracker chronology (data/events.csv)",
                        as_of=_today(), csv_name="moves-per-month.csv")


def chronology_page() -> str:
    return chronology.page_html()


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
