"""The data-series page's blocks: trade, soybeans, rare earths, chips and damage, each a chart
with its title written from the data, source line, as-of date, table alternative and CSV.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from truce import data
from truce.analysis import series
from truce.blocks.figure import embed
from truce.blocks.html import note, publisher_line
from truce.charts.chips import ACTOR_NAMES, chip_chart
from truce.charts.damage import customs_chart, forecast_chart
from truce.charts.rare_earths import DEST_LABELS, STAGE_LABELS, magnets_chart, segments, shares_chart
from truce.charts.soybeans import soybean_arrivals_chart, soybean_tracker_chart
from truce.charts.style import CN, SECOND, US, WORLD, _dates, billions, data_through, money_scale
from truce.charts.trade import FLOW_LABELS, china_yoy_chart, trade_chart
from truce.i18n import N_, current, day, month, t


def _short_day(d) -> str:
    """A day in a list of data points: "2 Apr 2025" / "2025年4月2日"."""
    return day(d, short=True) if current() != "en" else f"{d:%-d %b %Y}"


def _short_month(d) -> str:
    """A month in a list of data points: "Apr 2025" / "2025年4月"."""
    return month(d) if current() != "en" else f"{d:%b %Y}"


def trade_frame(vintage: str | None = None) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    """(vintage, table of the vintage's months, long frame for the chart)."""
    vintage = vintage or series.trade_plot_vintage()
    table = series.trade_series(vintage)
    long = table.melt(id_vars=["date"], value_vars=list(FLOW_LABELS), var_name="column", value_name="usd_m")
    long = long.assign(flow=long["column"].map(FLOW_LABELS), usd_bn=(long["usd_m"] / 1000).round(4))
    return vintage, table, _dates(long[["date", "flow", "usd_bn"]], "date")


def trade_block() -> str:
    vintage, table, frame = trade_frame()
    y0, y1 = series.TRADE_YEARS
    imp0, _ = series.trade_year_total("imports_usd_m", y0, vintage)
    imp1, _ = series.trade_year_total("imports_usd_m", y1, vintage)
    fall = (1 - imp1 / imp0) * 100
    title = t("US imports from China fell {fall}% in {year}").format(fall=f"{fall:.0f}", year=y1)
    subtitle = t("Goods, US$ billion a month, not seasonally adjusted · one Census vintage: {vintage}").format(vintage=vintage)
    description = t(
        "Line chart of monthly US goods imports from and exports to China, {first} to "
        "{last}, from the Census vintage '{vintage}'. Imports totalled "
        "${imp0} billion in {y0} and ${imp1} billion in {y1}."
    ).format(
        first=table["month"].iloc[0],
        last=table["month"].iloc[-1],
        vintage=vintage,
        imp0=billions(imp0 / 1000),
        y0=y0,
        imp1=billions(imp1 / 1000),
        y1=y1,
    )
    chart = trade_chart(frame, title=title, subtitle=subtitle, description=description)
    others = [v for v in series.trade_vintages() if v != vintage]
    cols = ["month", "exports_usd_m", "imports_usd_m", "balance_usd_m", "vintage"]
    block = embed(
        chart,
        chart_id="us-china-trade",
        table=table[cols],
        source="US Census Bureau, trade in goods with China, via " + publisher_line(data.ids_in(table)),
        as_of=data_through(frame["date"], monthly=True),
        csv_name="us-china-trade-monthly.csv",
    )
    vintages = (
        f"Only the vintage “{vintage}” is drawn, because it is the only one in the data with every month of "
        f"{y0} and {y1}. Other vintages in data/trade_monthly.csv, not drawn and not mixed in: {'; '.join(others)}."
    )
    return block + note(vintages)


def china_yoy_block() -> str:
    table = series.china_exports_monthly()
    first, last, n = series.longest_fall(table)
    worst = table.loc[table["yoy_pct"].idxmin()]
    title = t("China's exports to the US fell year on year in {n} straight releases, {first} to {last}").format(
        n=n, first=first, last=last
    )
    subtitle = t("Exports to the US, % change on a year earlier · China customs data as reported")
    description = t(
        "Bar chart of the year-on-year change in China's exports to the US by monthly release, "
        "{first} to {last}. The largest fall was {worst}% in {worst_label}."
    ).format(
        first=table["label"].iloc[0], last=table["label"].iloc[-1], worst=f"{worst['yoy_pct']:g}", worst_label=worst["label"]
    )
    frame = _dates(table[["date", "label", "yoy_pct"]], "date")
    chart = china_yoy_chart(frame, title=title, subtitle=subtitle, description=description)
    return embed(
        chart,
        chart_id="china-exports-yoy",
        table=table[["period", "label", "yoy_pct"]],
        source=publisher_line(data.ids_in(table), "China General Administration of Customs data as reported"),
        as_of=data_through(frame["date"], monthly=True),
        csv_name="china-exports-to-us-yoy.csv",
    )


def soybean_arrivals_block() -> str:
    table = series.soybean_arrivals()
    zeros = table[table["value"] == 0]
    first, last = zeros["date"].min(), zeros["date"].max()
    title = t("China recorded no soybean arrivals from the US from {first} to {last}").format(
        first=f"{first.month}月" if current() == "zh" else f"{first:%B}", last=month(last)
    )
    subtitle = t("China's imports of US soybeans, million tonnes a month; grey: no reported figure · China customs data")
    description = t(
        "Bar chart of China's monthly soybean imports from the US for the {n} months with a reported figure, "
        "{first} to {last}; {zeros} months show zero."
    ).format(n=len(table), first=table["period"].iloc[0], last=table["period"].iloc[-1], zeros=len(zeros))
    frame = _dates(
        table.assign(mmt=table["value"], zero=["0" if v == 0 else "" for v in table["value"]])[["date", "mmt", "zero"]], "date"
    )
    chart = soybean_arrivals_chart(frame, title=title, subtitle=subtitle, description=description)
    return embed(
        chart,
        chart_id="soybean-arrivals",
        table=table[["period", "value", "unit", "note"]],
        source=publisher_line(data.ids_in(table), "China customs data as reported"),
        as_of=data_through(frame["date"], monthly=True),
        csv_name="china-soybean-imports-from-us.csv",
    )


def soybean_tracker_block() -> str:
    table = series.soybean_tracker()
    pledge = series.soybean_pledge("2025-11/2025-12")
    reached = table[table["value"] >= pledge["value"]]
    when = month(reached["date"].iloc[0]) if len(reached) else t("not reached in the data")
    title = t("Reported purchases reached the {pledge} million-tonne pledge in {when}, by US officials' count").format(
        pledge=f"{pledge['value']:g}", when=when
    )
    subtitle = t(
        "China's purchases of US soybeans since the Busan truce, as reported: USDA sales data, trade estimates, officials"
    )
    description = t(
        "Dot chart of {n} reports of cumulative Chinese purchases of US soybeans since 30 October 2025, from "
        "{low} to {high} million tonnes, against a pledge of {pledge} million tonnes."
    ).format(n=len(table), low=f"{table['value'].min():g}", high=f"{table['value'].max():g}", pledge=f"{pledge['value']:g}")
    frame = table.assign(
        mmt=table["value"], report=[n.split(";")[0].split(". ")[0][:90] for n in table["note"]], pledge_mmt=pledge["value"]
    )[["date", "mmt", "dated", "report", "pledge_mmt"]]
    chart = soybean_tracker_chart(_dates(frame, "date"), title=title, subtitle=subtitle, description=description)
    return embed(
        chart,
        chart_id="soybean-tracker",
        table=table[["period", "date", "value", "unit", "note"]],
        source=publisher_line(data.ids_in(table) + tuple(pledge["source_ids"])),
        as_of=data_through(table["date"]),
        csv_name="soybean-purchases-since-truce.csv",
    )


def magnets_block() -> str:
    table = series.magnet_months()
    low_w, low_us = series.magnet_low("world"), series.magnet_low("US")
    same = low_w["month"] == low_us["month"]
    title = (
        t("China's magnet exports hit their low in {low}, worldwide and to the US").format(low=month(low_w["date"]))
        if same
        else t("China's magnet exports hit their low in {low} (world) and {low_us} (US)").format(
            low=month(low_w["date"]), low_us=month(low_us["date"])
        )
    )
    subtitle = t(
        "Rare-earth permanent magnets, tonnes a month, log scale; grey: no reported figure · China customs data as reported"
    )
    description = t(
        "Line chart of China's monthly rare-earth magnet exports, all destinations and to the US, {first} "
        "to {last}. Lowest: {low_w} tonnes worldwide and {low_us} tonnes "
        "to the US in {low}."
    ).format(
        first=table["month"].iloc[0],
        last=table["month"].iloc[-1],
        low_w=f"{low_w['tonnes']:,.0f}",
        low_us=f"{low_us['tonnes']:,.1f}",
        low=month(low_w["date"]),
    )
    frame = table.assign(destination=table["destination"].map(DEST_LABELS))
    frame = frame.assign(
        segment=[
            f"{d}-{n}"
            for d, n in zip(
                frame["destination"], frame.groupby("destination")["date"].transform(lambda s: segments(list(s))), strict=False
            )
        ]
    )
    frame = _dates(frame[["date", "destination", "tonnes", "segment"]], "date")
    chart = magnets_chart(frame, title=title, subtitle=subtitle, description=description)
    return embed(
        chart,
        chart_id="magnet-exports",
        table=table[["month", "destination", "tonnes", "yoy_pct"]],
        source=publisher_line(data.ids_in(table), "China customs data as reported"),
        as_of=data_through(frame["date"], monthly=True),
        csv_name="china-magnet-exports.csv",
    )


def shares_through(table: pd.DataFrame) -> dt.date:
    """The end of the latest year with an observed share (projections are not data points)."""
    observed = table[table["kind"] != "projection"]
    return dt.date(int(observed["year"].max()), 12, 31)


def shares_block() -> str:
    table = series.shares()
    refining = series.share_row("refining", 2023, "IEA")
    magnets = series.share_row("magnets", 2025, "IEA")
    title = t("China refines {refining}% of the world's rare earths and makes {magnets}% of its magnets").format(
        refining=f"{refining['share_pct']:g}", magnets=f"{magnets['share_pct']:g}"
    )
    subtitle = t("China's share of world output by stage, one dot per estimate; faint dots are projections")
    description = t(
        "Dot chart of China's share of world rare-earth mining, separation, refining and magnet making, "
        "{n} estimates from the IEA and USGS; refining {refining}% ({refining_year}), "
        "magnets {magnets}% ({magnets_year})."
    ).format(
        n=len(table),
        refining=f"{refining['share_pct']:g}",
        refining_year=refining["year"],
        magnets=f"{magnets['share_pct']:g}",
        magnets_year=magnets["year"],
    )
    frame = table.assign(
        stage=table["stage"].map(STAGE_LABELS),
        estimate=[f"{p}, {y}" for p, y in zip(table["publisher"], table["year"], strict=False)],
    )[["stage", "share_pct", "estimate", "kind"]]
    chart = shares_chart(frame, title=title, subtitle=subtitle, description=description)
    return embed(
        chart,
        chart_id="rare-earth-shares",
        table=table[["stage", "share_pct", "year", "publisher", "kind", "note"]],
        source=publisher_line(data.ids_in(table)),
        as_of=shares_through(table),
        csv_name="china-rare-earth-shares.csv",
    )


# what each percentage measures, by a phrase of its metric: one panel each on the chart
CHIP_PANELS = (
    ("market", N_("Nvidia's China AI-chip market share, as Nvidia stated (%)")),
    ("paid to", N_("Share of China chip sales to be paid to the US (%)")),
    ("Cap on", N_("Cap on chip shipments to China, % of those to US users")),
    ("duty", N_("US tariff on some advanced chips (%)")),
)


def chip_panel(metric: str) -> str:
    """The panel a percentage goes in, named for what it measures."""
    for phrase, panel in CHIP_PANELS:
        if phrase in metric:
            return t(panel)
    raise ValueError(
        f"data/chip_actions.csv: no chart panel for the metric {metric!r}; add a phrase of it to "
        "CHIP_PANELS in truce/blocks/series.py"
    )


def chip_frame(unit: str) -> pd.DataFrame:
    rows = series.chip_actions()
    rows = rows[rows["unit"] == unit]
    return rows


def chip_blocks() -> str:
    """Two charts: the percentages (shares, payments, caps, tariffs) and the dollar amounts."""
    out = []
    pct = chip_frame("pct")
    share = pct[pct["metric"].str.contains("market")].sort_values("date")
    title = t(
        "Nvidia's stated China share fell from {high}% to {last}%; payments to Washington were set at {first_payment}%, "
        "then {second_payment}%"
    ).format(
        high=f"{share['value'].max():g}",
        last=f"{share['value'].iloc[-1]:g}",
        first_payment=f"{series.chip_row('chip-revenue-share-15pct')['value']:g}",
        second_payment=f"{series.chip_row('chip-h200-payment-25pct')['value']:g}",
    )
    subtitle = t("Percentages that came with AI-chip actions, by date, one panel for each kind of number")
    description = t("Dot chart of percentages attached to AI-chip control actions from {actions}.").format(
        actions=t("; ").join(
            f"{_short_day(d)}: {a} ({lbl})" for d, a, lbl in zip(pct["date"], pct["action"], pct["label"], strict=False)
        )
    )
    frame = _dates(
        pct.assign(actor=pct["actor"].map(ACTOR_NAMES), panel=pct["metric"].map(chip_panel))[
            ["date", "value", "label", "actor", "action", "metric", "panel"]
        ],
        "date",
    )
    out.append(
        embed(
            chip_chart(frame, y_title="%", title=title, subtitle=subtitle, description=description),
            chart_id="chip-percentages",
            table=pct[["date", "actor", "action", "metric", "value", "unit", "event_id"]],
            source=publisher_line(data.ids_in(pct)),
            as_of=data_through(pct["date"]),
            csv_name="chip-actions-percentages.csv",
        )
    )
    usd = chip_frame("usd_bn")
    charge = series.chip_row("chip-h20-writedown")
    title = t("The H20 licence requirement cost Nvidia a ${charge} billion charge").format(
        charge=f"{charge['value']:g}" if money_scale() == 1 else f"{charge['value'] * money_scale():g}"
    )
    subtitle = t("Dollar amounts Nvidia reported after the April 2025 licence requirement, US$ billion")
    description = t("Dot chart of dollar amounts tied to the H20 licence requirement: {amounts}.").format(
        amounts=t("; ").join(
            f"{_short_day(d)}: {m} ({lbl})" for d, m, lbl in zip(usd["date"], usd["metric"], usd["label"], strict=False)
        )
    )
    frame = _dates(
        usd.assign(actor=usd["actor"].map(ACTOR_NAMES), value=usd["value"] * money_scale())[
            ["date", "value", "label", "actor", "action", "metric"]
        ],
        "date",
    )
    out.append(
        embed(
            chip_chart(frame, y_title=t("US$ billion"), title=title, subtitle=subtitle, description=description),
            chart_id="chip-dollars",
            table=usd[["date", "actor", "action", "metric", "value", "unit", "event_id"]],
            source=publisher_line(data.ids_in(usd)),
            as_of=data_through(usd["date"]),
            csv_name="chip-actions-dollars.csv",
        )
    )
    return "".join(out)


def wto_block() -> str:
    table = series.damage("merchandise-trade-volume-growth", "world")
    y25 = table[table["period"] == "2025"].sort_values("vintage")
    first = y25["value"].iloc[0]
    cut = t("a fall of {fall}%").format(fall=f"{-first:g}") if first < 0 else f"{first:g}%"
    title = t("The WTO cut its 2025 world trade forecast to {cut} in {when}, then raised it to {last}%").format(
        cut=cut, when=month(y25["vintage"].iloc[0]), last=f"{y25['value'].iloc[-1]:g}"
    )
    subtitle = t("Forecast growth of world merchandise trade volume, %, by date of the WTO estimate")
    description = t("Line chart of WTO forecasts of world merchandise trade volume growth: {forecasts}.").format(
        forecasts=t("; ").join(
            t("{when} for {period}: {value}%").format(when=_short_month(v), period=p, value=f"{x:g}")
            for v, p, x in zip(table["vintage"], table["period"], table["value"], strict=False)
        )
    )
    frame = _dates(
        table.assign(forecast_for=[t("for {period}").format(period=p) for p in table["period"]])[
            ["vintage", "value", "forecast_for"]
        ],
        "vintage",
    )
    periods = sorted(set(frame["forecast_for"]))
    chart = forecast_chart(
        frame,
        colour="forecast_for",
        colours=dict(zip(periods, [WORLD, SECOND, US], strict=False)),
        dash=None,
        y_title=t("Growth (%)"),
        title=title,
        subtitle=subtitle,
        description=description,
    )
    return embed(
        chart,
        chart_id="wto-forecasts",
        table=table[["vintage", "period", "value", "note"]],
        source=publisher_line(data.ids_in(table), "WTO Global Trade Outlook as reported"),
        as_of=data_through(table["vintage"]),
        csv_name="wto-trade-forecasts.csv",
    )


def imf_block() -> str:
    table = series.damage("real-gdp-growth")
    table = table[table["period"].isin(["2025", "2026"])]
    world = table[(table["subject"] == "world") & (table["period"] == "2025")].sort_values("vintage")
    low = world.loc[world["value"].idxmin()]
    title = t(
        "The IMF cut its 2025 world growth forecast to {low}% in {low_when}; by {last_when} it put 2025 growth at {last}%"
    ).format(
        low=f"{low['value']:g}",
        low_when=month(low["vintage"]),
        last_when=month(world["vintage"].iloc[-1]),
        last=f"{world['value'].iloc[-1]:g}",
    )
    subtitle = t("Real GDP growth forecast for 2025 (solid) and 2026 (dashed), %, by IMF World Economic Outlook vintage")
    description = t(
        "Line chart of IMF real GDP growth forecasts for the world, the US and China by date of the World Economic Outlook: "
        "{forecasts}."
    ).format(
        forecasts=t("; ").join(
            t("{when} {economy} {period}: {value}%").format(
                when=_short_month(v), economy=t(series.SUBJECT_LABELS[s]), period=p, value=f"{x:g}"
            )
            for v, s, p, x in zip(table["vintage"], table["subject"], table["period"], table["value"], strict=False)
        )
    )
    frame = _dates(
        table.assign(
            economy=table["subject"].map(lambda s: t(series.SUBJECT_LABELS[s])),
            forecast_for=[t("for {period}").format(period=p) for p in table["period"]],
        )[["vintage", "value", "economy", "forecast_for"]],
        "vintage",
    )
    colours = {t("World"): WORLD, t("United States"): US, t("China"): CN}
    chart = forecast_chart(
        frame,
        colour="economy",
        colours=colours,
        dash="forecast_for",
        y_title=t("Growth (%)"),
        title=title,
        subtitle=subtitle,
        description=description,
    )
    return embed(
        chart,
        chart_id="imf-forecasts",
        table=table[["vintage", "subject", "period", "value", "note"]],
        source=publisher_line(data.ids_in(table), "IMF World Economic Outlook as reported"),
        as_of=data_through(table["vintage"]),
        csv_name="imf-growth-forecasts.csv",
    )


def tariff_rate_block() -> str:
    table = series.damage("effective-tariff-rate", "US")
    peak = table.loc[table["value"].idxmax()]
    last = table.iloc[-1]
    title = t(
        "Yale's estimate of the average US tariff rate peaked at {peak}% in {when} and stood at {last}% after the Supreme Court ruling"
    ).format(peak=f"{peak['value']:g}", when=month(peak["vintage"]), last=f"{last['value']:g}")
    subtitle = t(
        "Average effective US tariff rate on all imports, before consumers switch, % · by date of the Budget Lab estimate"
    )
    description = t("Line chart of Yale Budget Lab estimates of the average effective US tariff rate: {estimates}.").format(
        estimates=t("; ").join(f"{_short_day(v)}: {x:g}%" for v, x in zip(table["vintage"], table["value"], strict=False))
    )
    yale = t("Yale Budget Lab")
    frame = _dates(table.assign(estimate=yale)[["vintage", "value", "estimate"]], "vintage")
    chart = forecast_chart(
        frame,
        colour="estimate",
        colours={yale: US},
        dash=None,
        y_title=t("Effective rate (%)"),
        title=title,
        subtitle=subtitle,
        description=description,
    )
    return embed(
        chart,
        chart_id="effective-tariff-rate",
        table=table[["vintage", "period", "value", "note"]],
        source=publisher_line(data.ids_in(table)),
        as_of=data_through(table["vintage"]),
        csv_name="us-effective-tariff-rate.csv",
    )


def customs_block() -> str:
    table = series.customs_months()
    y24, _ = series.customs_year(2024)
    y25, _ = series.customs_year(2025)
    title = t("US customs duties came to ${y25} billion in 2025, against ${y24} billion in 2024").format(
        y25=billions(y25 / 1000, 0), y24=billions(y24 / 1000, 0)
    )
    subtitle = t("Customs duties collected each month, all countries, US$ billion · Monthly Treasury Statement")
    description = t(
        "Bar chart of monthly US customs duties, {first} to {last}: "
        "${y24} billion in 2024 and ${y25} billion in 2025; the largest month was {largest}."
    ).format(
        first=table["period"].iloc[0],
        last=table["period"].iloc[-1],
        y24=billions(y24 / 1000),
        y25=billions(y25 / 1000),
        largest=month(table.loc[table["value"].idxmax(), "date"]),
    )
    frame = _dates(table.assign(usd_bn=table["value_usd_bn"])[["date", "usd_bn"]], "date")
    chart = customs_chart(frame, title=title, subtitle=subtitle, description=description)
    return embed(
        chart,
        chart_id="customs-duties",
        table=table[["period", "value", "unit", "vintage"]].rename(columns={"value": "usd_m"}),
        source="US Treasury, Monthly Treasury Statement, via " + publisher_line(data.ids_in(table)),
        as_of=data_through(frame["date"], monthly=True),
        csv_name="us-customs-duties-monthly.csv",
    )
