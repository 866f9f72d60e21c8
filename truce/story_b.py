"""Charts for the story chapters on soybeans, Busan, the courts and 2026, and détente.

Each ``*_table`` function returns the tidy frame a chart draws (tested against the data);
each ``*_chart`` function returns the embeddable HTML block from :func:`truce.charts.embed`,
with a title that states the finding, units, a source line, an as-of date, a description
and a table alternative.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from truce import charts, data, tariffs
from truce.views import _source_line, headline_series

OUTCOME_COLOURS = {"met": "#009E73", "partly-met": "#E69F00", "pending": "#999999", "unverified": "#BBBBBB",
                   "superseded": "#CC79A7", "missed": "#D55E00"}
OUTCOME_LABELS = {"met": "met", "partly-met": "partly met", "pending": "pending", "unverified": "unverified",
                  "superseded": "superseded", "missed": "missed"}
PARTY_LABELS = {"US": "United States", "CN": "China", "both": "Both"}
# Who counted each post-summit purchase figure (row id in soybeans.csv -> basis).
PURCHASE_BASIS = {
    "soy-24": "USDA export sales", "soy-25": "USDA export sales", "soy-26": "USDA export sales",
    "soy-29": "USDA export sales", "soy-27": "trade estimates", "soy-28": "trade estimates",
    "soy-30": "US official statement",
}
ARRIVALS = "Arrivals in China from the US (customs)"
LEVER_ORDER = ["tariffs", "export-controls", "critical-minerals", "agriculture", "tech-and-investment", "shipping", "talks", "other"]


def _sources(frame: pd.DataFrame) -> list[str]:
    return sorted({s for ids in frame["source_ids"] for s in ids.split(";")})


# Soybeans --------------------------------------------------------------------------------


def soybean_table() -> pd.DataFrame:
    """China-customs monthly arrivals from the US and cumulative post-summit purchases, one row each.

    Columns: date (mid-month, or the as-of date when the row has one), series, million_tonnes, kind
    (``arrivals`` or ``purchases``), row (the soybeans.csv id)."""
    soy = data.load("soybeans")
    rows = []
    arrivals = soy[(soy["measure"] == "china-imports-from-us") & (soy["period_kind"] == "month")]
    for r in arrivals.to_dict("records"):
        rows.append({"date": dt.date.fromisoformat(r["period"] + "-15"), "series": ARRIVALS,
                     "million_tonnes": r["value"], "kind": "arrivals", "row": r["id"]})
    bought = soy[soy["measure"] == "purchases-since-truce"]
    for r in bought.to_dict("records"):
        day = r["as_of"] or dt.date.fromisoformat(r["period"] + "-15")
        basis = PURCHASE_BASIS.get(r["id"], "Other reports")
        rows.append({"date": day, "series": f"Bought since the summit: {basis}",
                     "million_tonnes": r["value"], "kind": "purchases", "row": r["id"]})
    return pd.DataFrame(rows).sort_values(["date", "row"]).reset_index(drop=True)


def soybean_chart(chart_id: str = "soy-arrivals-purchases") -> str:
    table = soybean_table()
    soy = data.load("soybeans")
    pledge = soy[soy["id"] == "soy-20"]["value"].iloc[0]
    zero_months = int(((table["kind"] == "arrivals") & (table["million_tonnes"] == 0) & table["date"].map(lambda d: d.year == 2025)).sum())
    description = (f"Bars: China's customs data on soybean arrivals from the US each month; {zero_months} months of 2025 show none. "
                   f"Points: purchases booked since the 30 October 2025 summit, as counted by USDA export sales, trade estimates "
                   f"and US officials, against the {pledge:g}-million-tonne pledge.")
    chart = soybean_figure(table, pledge, description=description)
    out = table.drop(columns=["kind"])
    return charts.embed(chart, chart_id=chart_id, table=out, source=_source_line(_sources(soy[soy["id"].isin(table["row"])])),
                        as_of=data.last_updated(), csv_name="soybeans-arrivals-purchases.csv")


def soybean_figure(table: pd.DataFrame, pledge: float, *, description: str) -> alt.LayerChart:
    """Bars of monthly arrivals, points of cumulative purchases and a rule at the pledge.

    ``table`` has the columns of :func:`soybean_table`."""
    frame = table.assign(date=pd.to_datetime(table["date"]))
    series = list(dict.fromkeys(frame.sort_values("kind")["series"]))
    palette = ["#E69F00", "#0072B2", "#009E73", "#CC79A7", "#999999"]
    colour = alt.Color("series:N", title=None, scale=alt.Scale(domain=series, range=palette[:len(series)]),
                       legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400))
    x = alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True))
    y = alt.Y("million_tonnes:Q", title="Million tonnes")
    tooltip = [alt.Tooltip("date:T", title="Date", format="%-d %b %Y"), alt.Tooltip("series:N", title="Series"),
               alt.Tooltip("million_tonnes:Q", title="Million tonnes")]
    bars = alt.Chart(frame[frame["kind"] == "arrivals"]).mark_bar(width={"band": 0.8}, opacity=0.85).encode(
        x=alt.X("yearmonth(date):T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)),
        y=y, color=colour, tooltip=tooltip)
    points = alt.Chart(frame[frame["kind"] == "purchases"]).mark_point(filled=True, size=70, opacity=1).encode(
        x=x, y=y, color=colour, tooltip=tooltip)
    zeros = alt.Chart(frame[(frame["kind"] == "arrivals") & (frame["million_tonnes"] == 0)]).mark_text(
        dy=-8, fontSize=11, fontWeight="bold", color=palette[0]).encode(
        x=alt.X("yearmonth(date):T"), y=y, text=alt.value("0"), tooltip=tooltip)
    rule = alt.Chart(pd.DataFrame({"million_tonnes": [pledge], "label": [f"Pledge announced by US officials: {pledge:g} million tonnes"]})).mark_rule(
        strokeDash=[4, 3], color="#888888").encode(y="million_tonnes:Q", tooltip=alt.Tooltip("label:N", title="Line"))
    label = alt.Chart(pd.DataFrame({"million_tonnes": [pledge], "label": [f"pledge: {pledge:g}"]})).mark_text(
        align="left", dx=4, dy=-6, color="#888888", fontSize=11).encode(
        y="million_tonnes:Q", x=alt.value(0), text="label:N")
    return (bars + zeros + rule + label + points).properties(
        title=alt.Title("Purchases climbed towards the pledge while Chinese customs still recorded no US arrivals",
                        subtitle="Million tonnes. Bars: arrivals in the month (0 = none recorded). Points: bought since the summit, "
                                 "cumulative. Months with neither are not in our data."),
        width="container", height=280, description=description)


# Busan commitments ------------------------------------------------------------------------


def busan_table() -> pd.DataFrame:
    """The Busan commitments: party, commitment, due date, outcome."""
    frame = data.load("commitments")
    frame = frame[frame["round"] == "busan-2025"]
    return (frame.assign(side=frame["party"].map(PARTY_LABELS), outcome_label=frame["outcome"].map(OUTCOME_LABELS))
            [["side", "commitment", "due", "outcome_label", "id"]]
            .rename(columns={"outcome_label": "outcome"}).sort_values(["side", "outcome", "id"]).reset_index(drop=True))


def busan_chart(chart_id: str = "busan-commitments") -> str:
    table = busan_table()
    counts = table.groupby(["side", "outcome"], as_index=False).size().rename(columns={"size": "commitments"})
    present = [OUTCOME_LABELS[k] for k in OUTCOME_COLOURS if OUTCOME_LABELS[k] in set(counts["outcome"])]
    colours = [OUTCOME_COLOURS[k] for k in OUTCOME_COLOURS if OUTCOME_LABELS[k] in set(counts["outcome"])]
    per_side = counts.groupby("side")["commitments"].sum()
    met = counts[counts["outcome"] == OUTCOME_LABELS["met"]].set_index("side")["commitments"]
    cn, us = int(per_side.get("China", 0)), int(per_side.get("United States", 0))
    cn_met, us_met = int(met.get("China", 0)), int(met.get("United States", 0))
    description = ("Stacked bars counting the commitments of the Busan round by side and by observed outcome: "
                   f"China {cn}, of which {cn_met} met; the United States {us}, of which {us_met} met.")
    chart = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("side:N", title=None, sort=["China", "United States"]),
        x=alt.X("commitments:Q", title="Commitments", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("outcome:N", title="Outcome", scale=alt.Scale(domain=present, range=colours),
                        legend=alt.Legend(orient="bottom")),
        order=alt.Order("outcome:N"),
        tooltip=["side:N", "outcome:N", alt.Tooltip("commitments:Q", title="Commitments")],
    ).properties(
        title=alt.Title(f"Busan: {cn} commitments recorded for China, {us} for the US; {cn_met} and {us_met} of them met",
                        subtitle="Commitments of the Busan round, by side and outcome"),
        width="container", height=120, description=description)
    frame = data.load("commitments")
    srcs = _sources(frame[frame["round"] == "busan-2025"])
    return charts.embed(chart, chart_id=chart_id, table=table, source=_source_line(srcs) + " (data/commitments.csv)",
                        as_of=data.last_updated(), csv_name="busan-commitments.csv")


# Headline rates since the truce -----------------------------------------------------------


def rates_since_chart(start: dt.date = dt.date(2025, 10, 1), chart_id: str = "headline-since-busan") -> str:
    series = headline_series(start)
    now = data.last_updated()
    us_now, cn_now = tariffs.headline_rate(now, "US"), tariffs.headline_rate(now, "CN")
    steps = series[series["imposer"] == "US"]["rate_pct"]
    drops = int((steps.diff() < 0).sum())
    description = (f"Step chart of the across-the-board additional duty each side applied to the other's goods from "
                   f"{start:%-d %B %Y}. The US rate fell {drops} times, to {us_now:g}% on {now:%-d %B %Y}; China's stood at {cn_now:g}%.")
    chart = charts.headline_rates(series, title=f"From {start:%B %Y} the US across-the-board duty stepped down {drops} times; China's did not move",
                                  description=description)
    table = series.assign(side=series["imposer"].map(charts.SIDE_LABELS))[["date", "side", "rate_pct"]]
    ids = sorted({s for ids in tariffs.measures()["source_ids"] for s in ids.split(";")})
    return charts.embed(chart, chart_id=chart_id, table=table, source=_source_line(ids) + " (legal layers in data/tariff_measures.csv)",
                        as_of=now, csv_name="headline-rates-since-busan.csv")


# Escalations by lever ---------------------------------------------------------------------


def escalation_table(year: int = 2025) -> pd.DataFrame:
    """Escalating moves by the US and China in ``year``, counted by lever."""
    events = data.load("events")
    chosen = events[(events["direction"] == "escalation") & events["actor"].isin(["US", "CN"])
                    & events["date"].map(lambda d: d.year == year)]
    counts = chosen.groupby(["lever", "actor"], as_index=False).size().rename(columns={"size": "moves"})
    full = pd.MultiIndex.from_product([sorted(set(counts["lever"]), key=LEVER_ORDER.index), ["US", "CN"]], names=["lever", "actor"])
    return counts.set_index(["lever", "actor"]).reindex(full, fill_value=0).reset_index()


def escalation_chart(year: int = 2025, chart_id: str = "escalations-by-lever") -> str:
    table = escalation_table(year)
    totals = table.groupby("actor")["moves"].sum()
    description = (f"Grouped bars counting escalating moves in {year} by lever: the United States {totals.get('US', 0)}, "
                   f"China {totals.get('CN', 0)}. The US moves are mostly tariffs and export controls; China's are spread over "
                   "more levers.")
    chart = escalation_bars(table, year=year, description=description)
    out = _labelled(table)[["lever_label", "side", "moves"]].rename(columns={"lever_label": "lever"})
    return charts.embed(chart, chart_id=chart_id, table=out, source="Truce Tracker chronology (data/events.csv)",
                        as_of=data.last_updated(), csv_name=f"escalations-by-lever-{year}.csv")


def _labelled(table: pd.DataFrame) -> pd.DataFrame:
    from truce.chronology import LEVER_LABELS

    return table.assign(side=table["actor"].map({"US": "United States", "CN": "China"}),
                        lever_label=table["lever"].map(LEVER_LABELS))


def escalation_bars(table: pd.DataFrame, *, year: int, description: str) -> alt.Chart:
    """Grouped horizontal bars of escalating moves by lever and side.

    ``table`` has columns lever, actor (US/CN), moves, as :func:`escalation_table` returns."""
    from truce.chronology import LEVER_LABELS

    frame = _labelled(table)
    order = [LEVER_LABELS[lv] for lv in LEVER_ORDER if lv in set(table["lever"])]
    return alt.Chart(frame).mark_bar().encode(
        y=alt.Y("lever_label:N", title=None, sort=order),
        yOffset=alt.YOffset("side:N", sort=["United States", "China"]),
        x=alt.X("moves:Q", title="Escalating moves", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("side:N", title=None, scale=alt.Scale(domain=["United States", "China"],
                                                            range=[charts.SIDE_COLOURS["US"], charts.SIDE_COLOURS["CN"]]),
                        legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("side:N", title="Side"), alt.Tooltip("lever_label:N", title="Lever"), alt.Tooltip("moves:Q", title="Moves")],
    ).properties(
        title=alt.Title(f"In {year} the two sides escalated about as often, with different levers",
                        subtitle="Escalating moves in the chronology, by lever and side (a count of moves, not of their weight)"),
        width="container", height=300, description=description)
