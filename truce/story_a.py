"""Page blocks for the first three chapters of "The truce, told" and a check on their quotations.

* :func:`spiral_chart`, :func:`geneva_chart` — the across-the-board rates of both sides over
  the window a chapter tells, built on :func:`truce.charts.headline_rates`;
* :func:`magnets_chart` — China's rare-earth magnet exports by month (:func:`magnet_exports`);
* :func:`unlisted_quotes` — quotations in a page that are not recorded in ``data/quotes.csv``.

Titles and descriptions are computed from the data, so a chart never states a number the data
does not hold.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import altair as alt
import pandas as pd

from truce import charts, data, tariffs
from truce.figlinks import Problem, prose_lines, rel

LIBERATION_DAY = dt.date(2025, 4, 2)
GENEVA_IN_FORCE = dt.date(2025, 5, 14)
MAGNET_COLOURS = {"world": "#009E73", "US": charts.SIDE_COLOURS["US"]}
MAGNET_LABELS = {"world": "To the world", "US": "To the United States"}


# Shared --------------------------------------------------------------------------------


def _publishers(ids) -> str:
    srcs = data.sources()
    names: list[str] = []
    for sid in ids:
        pub = srcs[sid]["publisher"]
        if pub not in names:
            names.append(pub)
    return ", ".join(names[:4]) + (" and others" if len(names) > 4 else "")


def _split(ids: str) -> list[str]:
    return [s for s in ids.split(";") if s]


# Tariff windows ---------------------------------------------------------------------------


def rates_window(start: dt.date, end: dt.date, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Both sides' across-the-board rate as step series from ``start`` to ``end``."""
    return tariffs.headline_series_both(start, end, table)


def _rates_block(series: pd.DataFrame, *, title: str, description: str, chart_id: str, as_of: dt.date) -> str:
    # One tick per month (the default ticks repeat month labels over a short window), and the
    # legend in one column so that neither label is cut off on a phone.
    chart = (charts.headline_rates(series, title=title, description=description)
             .configure_axisTemporal(tickCount={"interval": "month", "step": 1})
             .configure_legend(columns=1))
    table = series.assign(side=series["imposer"].map(charts.SIDE_LABELS))[["date", "side", "rate_pct"]]
    layer_ids = sorted({s for ids in tariffs.measures()["source_ids"] for s in _split(ids)})
    return charts.embed(chart, chart_id=chart_id, table=table,
                        source=_publishers(layer_ids) + " (legal layers in data/tariff_measures.csv)",
                        as_of=as_of, csv_name=f"{chart_id}.csv")


def spiral_chart(start: dt.date = dt.date(2025, 1, 1), end: dt.date = dt.date(2025, 6, 30),
                 chart_id: str = "spiral-rates") -> str:
    """Chapter 1: the rates from January to June 2025, titled with the climb to the peak."""
    series = rates_window(start, end)
    before = tariffs.headline_rate(LIBERATION_DAY - dt.timedelta(days=1), "US")
    us_peak, us_day = tariffs.peak("US")
    cn_peak, cn_day = tariffs.peak("CN")
    days = (us_day - LIBERATION_DAY).days
    title = f"US duties on all Chinese goods went from {before:g}% to {us_peak:g}% in {days} days of April 2025"
    description = (f"Step chart of the across-the-board additional tariff each side applied to the other's goods from "
                   f"{start:%-d %B %Y} to {end:%-d %B %Y}. The US rate stood at {before:g}% on 1 April, reached {us_peak:g}% "
                   f"on {us_day:%-d %B} and fell on {GENEVA_IN_FORCE:%-d %B} to {tariffs.headline_rate(GENEVA_IN_FORCE, 'US'):g}%. "
                   f"China's reached {cn_peak:g}% on {cn_day:%-d %B} and fell to {tariffs.headline_rate(GENEVA_IN_FORCE, 'CN'):g}%.")
    return _rates_block(series, title=title, description=description, chart_id=chart_id, as_of=end)


def geneva_chart(start: dt.date = dt.date(2025, 4, 1), end: dt.date = dt.date(2025, 11, 9),
                 chart_id: str = "geneva-rates") -> str:
    """Chapter 2: the rates from April to the eve of the Busan deal, titled with the Geneva cut."""
    series = rates_window(start, end)
    cuts = {side: tariffs.peak(side)[0] - tariffs.headline_rate(GENEVA_IN_FORCE, side) for side in tariffs.IMPOSERS}
    us_after, cn_after = (tariffs.headline_rate(GENEVA_IN_FORCE, s) for s in tariffs.IMPOSERS)
    if cuts["US"] == cuts["CN"]:
        title = f"Geneva cut both sides' across-the-board tariffs by {cuts['US']:g} points, and the cut held"
    else:
        title = f"Geneva cut US tariffs by {cuts['US']:g} points and China's by {cuts['CN']:g}"
    description = (f"Step chart of both sides' across-the-board additional tariffs from {start:%-d %B %Y} to {end:%-d %B %Y}. "
                   f"From {GENEVA_IN_FORCE:%-d %B %Y} the US rate was {us_after:g}% and China's {cn_after:g}%, "
                   f"and both stayed there while the pause was extended.")
    return _rates_block(series, title=title, description=description, chart_id=chart_id, as_of=end)


# Rare-earth magnets -----------------------------------------------------------------------


def magnet_months(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Monthly rows of rare_earth_magnets.csv (annual totals dropped), with a ``month_start`` date."""
    frame = data.load("rare_earth_magnets") if table is None else table
    frame = frame[frame["month"].str.fullmatch(r"\d{4}-\d{2}")].copy()
    frame["month_start"] = [dt.date.fromisoformat(m + "-01") for m in frame["month"]]
    return frame.sort_values(["month_start", "destination"]).reset_index(drop=True)


def magnet_exports(months: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Bars of China's magnet exports per month, one panel per destination (own scale each).

    ``months`` has columns month_start (date), destination (world/US), tonnes.
    """
    frame = months.assign(month_start=pd.to_datetime(months["month_start"]),
                          where=months["destination"].map(MAGNET_LABELS))
    scale = alt.Scale(domain=[MAGNET_LABELS[k] for k in MAGNET_COLOURS], range=list(MAGNET_COLOURS.values()))
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("yearmonth(month_start):T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)),
        y=alt.Y("tonnes:Q", title="Tonnes"),
        color=alt.Color("where:N", scale=scale, legend=None),
        row=alt.Row("where:N", title=None, sort=[MAGNET_LABELS[k] for k in MAGNET_COLOURS],
                    header=alt.Header(labelOrient="top", labelAnchor="start", labelFontWeight="bold", labelPadding=4)),
        tooltip=[alt.Tooltip("yearmonth(month_start):T", title="Month", format="%B %Y"),
                 alt.Tooltip("where:N", title="Exports"), alt.Tooltip("tonnes:Q", title="Tonnes", format=",")],
    ).resolve_scale(y="independent").properties(
        title=alt.Title(title, subtitle="Rare-earth permanent magnets, China customs data as reported; months without a figure are left blank"),
        width="container", height=150, description=description)


def magnets_chart(chart_id: str = "magnet-exports") -> str:
    """Chapter 3: monthly magnet exports, world and US, with the May 2025 trough in the title."""
    months = magnet_months()
    world = months[months["destination"] == "world"].set_index("month")
    us = months[months["destination"] == "US"].set_index("month")
    low = world["tonnes"].idxmin()
    first = world.index[0]
    title = f"China's magnet exports fell to a low in {dt.date.fromisoformat(low + '-01'):%B %Y}, then recovered"
    description = (f"Bar charts of China's rare-earth magnet exports per month from {dt.date.fromisoformat(first + '-01'):%B %Y}. "
                   f"Exports to the world fell from {world.loc[first, 'tonnes']:,.0f} tonnes in "
                   f"{dt.date.fromisoformat(first + '-01'):%B %Y} to {world.loc[low, 'tonnes']:,.0f} tonnes in "
                   f"{dt.date.fromisoformat(low + '-01'):%B %Y}; exports to the United States that month were "
                   f"{us.loc[low, 'tonnes']:,.1f} tonnes. Months with no reported figure are blank.")
    chart = magnet_exports(months, title=title, description=description)
    table = months.assign(destination=months["destination"].map(MAGNET_LABELS))[["month", "destination", "tonnes", "yoy_pct"]]
    ids = sorted({s for ids in months["source_ids"] for s in _split(ids)})
    last = months["month_start"].max()
    as_of = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return charts.embed(chart, chart_id=chart_id, table=table, source=_publishers(ids) + " (data/rare_earth_magnets.csv)",
                        as_of=as_of, csv_name="rare-earth-magnet-exports.csv")


# Quotations -------------------------------------------------------------------------------

QUOTE = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”")
TAG = re.compile(r"<[^>]+>")
FENCE_ATTR = re.compile(r"^\s*(!!!|\?\?\?)")


def _normal(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().rstrip(".,;:!?").strip()


def unlisted_quotes(path: Path, quotes: list[str] | None = None, text: str | None = None,
                    label: str | None = None, min_words: int = 2) -> list[Problem]:
    """Quotations of ``min_words`` or more words in a page's prose that appear in no row of
    ``data/quotes.csv`` (compared without regard to case, typographic quotes, spacing or end punctuation)."""
    if quotes is None:
        quotes = list(data.load("quotes")["quote"])
    known = [_normal(q).casefold() for q in quotes]
    name = label or rel(path)
    problems = []
    for n, line in prose_lines(path, text):
        if FENCE_ATTR.match(line):
            continue
        bare = TAG.sub("", line)
        for m in QUOTE.finditer(bare):
            said = _normal(m.group(1) or m.group(2))
            if len(said.split()) < min_words:
                continue
            if not any(said.casefold() in q for q in known):
                problems.append(Problem(name, n, f'quotation "{said}" is not in data/quotes.csv — add the quotation with its sources, or correct the wording'))
    return problems
