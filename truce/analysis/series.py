"""The data series behind the trade, soybean, rare-earth, chip and damage pages.

Each function returns rows of one validated data file, filtered and typed for one chart or one
figure. Nothing here is typed in by hand: every value comes from ``data/``.

Two rules keep a chart honest:

* **One vintage.** ``trade_monthly.csv`` keeps each Census release as its own rows. A chart draws
  one vintage only (:func:`trade_series`); :func:`trade_plot_vintage` picks, from the data, the
  vintage that covers every month of the years shown, and the page says which one it is.
* **One unit.** ``soybeans.csv`` mixes tonnes and dollars across rows; a series drawn on one axis
  must have one unit (:func:`single_unit`), otherwise :class:`SeriesError` says which rows differ.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from truce import data
from truce.i18n import N_

# The calendar years the trade chart compares: the last full year before the tariff spiral and
# the year of the spiral and the truce.
TRADE_YEARS = (2024, 2025)
MONTH = re.compile(r"^(20\d{2})-(0[1-9]|1[0-2])$")
JAN_FEB = re.compile(r"^(20\d{2})-01/(20\d{2})-02$")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class SeriesError(ValueError):
    """A series cannot be drawn as asked (mixed units, a missing month, a repeated month)."""


def _month_start(text: str) -> dt.date:
    year, month = text.split("-")[:2]
    return dt.date(int(year), int(month), 1)


def as_of() -> dt.date:
    """The date the data was last checked (the newest ``accessed`` in sources.csv)."""
    return data.last_updated()


# US goods trade with China (Census, by vintage) -------------------------------------------


def trade_table() -> pd.DataFrame:
    return data.load("trade_monthly")


def trade_vintages(table: pd.DataFrame | None = None) -> list[str]:
    frame = trade_table() if table is None else table
    return sorted(set(frame["vintage"]))


def trade_series(vintage: str, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Monthly exports, imports and balance ($ million) of one vintage, oldest month first.

    Raises :class:`SeriesError` for an unknown vintage or a month that appears twice in it.
    """
    frame = trade_table() if table is None else table
    rows = frame[frame["vintage"] == vintage]
    if rows.empty:
        raise SeriesError(f'no rows of vintage "{vintage}" in data/trade_monthly.csv (have: {", ".join(trade_vintages(frame))})')
    repeated = sorted(rows.loc[rows["month"].duplicated(), "month"])
    if repeated:
        raise SeriesError(
            f'data/trade_monthly.csv: vintage "{vintage}" has more than one row for {", ".join(repeated)} — keep one row per month and vintage'
        )
    rows = rows.assign(date=rows["month"].map(_month_start)).sort_values("date")
    return rows[["month", "date", "exports_usd_m", "imports_usd_m", "balance_usd_m", "vintage", "source_ids"]].reset_index(
        drop=True
    )


def covers(vintage: str, years: tuple[int, ...], table: pd.DataFrame | None = None) -> bool:
    months = set(trade_series(vintage, table)["month"])
    return all(f"{y}-{m:02d}" in months for y in years for m in range(1, 13))


def trade_plot_vintage(years: tuple[int, ...] = TRADE_YEARS, table: pd.DataFrame | None = None) -> str:
    """The vintage to draw: it must cover every month of ``years``; among those, the one whose
    latest month is newest (then the name, for a stable choice)."""
    frame = trade_table() if table is None else table
    complete = [v for v in trade_vintages(frame) if covers(v, years, frame)]
    if not complete:
        raise SeriesError(
            f"data/trade_monthly.csv: no vintage covers every month of {', '.join(map(str, years))} — add the missing months to one vintage"
        )
    return max(complete, key=lambda v: (trade_series(v, frame)["month"].max(), v))


def trade_year_total(column: str, year: int, vintage: str, table: pd.DataFrame | None = None) -> tuple[float, list[str]]:
    """Sum of ``column`` over the twelve months of ``year`` in one vintage, with the months used."""
    rows = trade_series(vintage, table)
    rows = rows[rows["month"].str.startswith(f"{year}-")]
    if len(rows) != 12:
        raise SeriesError(f'data/trade_monthly.csv: vintage "{vintage}" has {len(rows)} months of {year}, a year total needs 12')
    return float(rows[column].sum()), list(rows["month"])


# China's exports to the US, year on year ----------------------------------------------------


def china_exports_table() -> pd.DataFrame:
    return data.load("china_exports_yoy")


def china_exports_monthly(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Single-month releases plus the combined January–February release, in date order.

    ``date`` is the last month the release covers; ``label`` says what it covers. Year-to-date
    and full-year rows are left out (they are not monthly)."""
    frame = china_exports_table() if table is None else table
    rows = []
    for r in frame.to_dict("records"):
        period = r["period"]
        if MONTH.match(period):
            d = _month_start(period)
            label = f"{MONTH_NAMES[d.month - 1]} {d.year}"
        elif (m := JAN_FEB.match(period)) and m.group(1) == m.group(2):
            d = dt.date(int(m.group(1)), 2, 1)
            label = f"Jan–Feb {d.year}"
        else:
            continue
        rows.append({"period": period, "date": d, "label": label, "yoy_pct": r["yoy_pct"], "source_ids": r["source_ids"]})
    return pd.DataFrame(rows).sort_values("date").reset_index(drop=True)


def longest_fall(frame: pd.DataFrame) -> tuple[str, str, int]:
    """First and last label of the longest run of consecutive releases with a y/y fall."""
    best, run = (None, None, 0), []
    for r in frame.to_dict("records"):
        run = run + [r] if r["yoy_pct"] < 0 else []
        if len(run) > best[2]:
            best = (run[0]["label"], run[-1]["label"], len(run))
    return best


# Soybeans ------------------------------------------------------------------------------------


def soybeans_table() -> pd.DataFrame:
    return data.load("soybeans")


def single_unit(frame: pd.DataFrame, what: str) -> str:
    """The one unit of ``frame``; :class:`SeriesError` if its rows use more than one."""
    units = sorted(set(frame["unit"]))
    if len(units) != 1:
        detail = "; ".join(f"{u}: {', '.join(frame.loc[frame['unit'] == u, 'id'])}" for u in units)
        raise SeriesError(f"data/soybeans.csv: {what} mixes units ({detail}) — draw one unit per chart")
    return units[0]


def soybean_arrivals(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """China customs: monthly soybean imports from the US (million tonnes)."""
    frame = soybeans_table() if table is None else table
    rows = frame[(frame["measure"] == "china-imports-from-us") & (frame["period_kind"] == "month")]
    single_unit(rows, "monthly arrivals in China")
    rows = rows.assign(date=rows["period"].map(_month_start)).sort_values("date")
    return rows[["id", "period", "date", "value", "unit", "source_ids", "note"]].reset_index(drop=True)


def soybean_zero_months(year: int, table: pd.DataFrame | None = None) -> pd.DataFrame:
    rows = soybean_arrivals(table)
    return rows[(rows["value"] == 0) & rows["date"].map(lambda d: d.year == year)].reset_index(drop=True)


def soybean_tracker(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Reported purchases since the Busan truce (million tonnes), by report date.

    ``date`` is the ``as_of`` date where the source gives one, else the first day of the month."""
    frame = soybeans_table() if table is None else table
    rows = frame[frame["measure"] == "purchases-since-truce"]
    single_unit(rows, "the purchase tracker")
    rows = rows.assign(
        date=[a if a else _month_start(p.split("/")[-1]) for a, p in zip(rows["as_of"], rows["period"], strict=False)]
    )
    rows = rows.assign(dated=["exact" if a else "month only" for a in rows["as_of"]]).sort_values(["date", "value"])
    return rows[["id", "period", "date", "dated", "value", "unit", "source_ids", "note"]].reset_index(drop=True)


def soybean_pledge(period: str, table: pd.DataFrame | None = None) -> pd.Series:
    """The commitment row for ``period`` (e.g. the 12 MMT initial pledge, or 2026)."""
    frame = soybeans_table() if table is None else table
    rows = frame[(frame["measure"] == "commitment") & (frame["period"] == period)]
    if len(rows) != 1:
        raise SeriesError(f'data/soybeans.csv: expected one commitment row for period "{period}", found {len(rows)}')
    return rows.iloc[0]


def soybean_row(row_id: str, table: pd.DataFrame | None = None) -> pd.Series:
    frame = soybeans_table() if table is None else table
    return frame.set_index("id").loc[row_id]


# Rare earths -----------------------------------------------------------------------------------


def magnets_table() -> pd.DataFrame:
    return data.load("rare_earth_magnets")


def magnet_months(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Monthly magnet exports in tonnes, world and to the US (annual rows left out)."""
    frame = magnets_table() if table is None else table
    rows = frame[frame["month"].map(lambda m: bool(MONTH.match(m)))]
    rows = rows.assign(date=rows["month"].map(_month_start)).sort_values(["date", "destination"])
    return rows[["month", "date", "destination", "tonnes", "yoy_pct", "source_ids"]].reset_index(drop=True)


def magnet_low(destination: str, table: pd.DataFrame | None = None) -> pd.Series:
    """The month with the fewest tonnes exported to ``destination``."""
    rows = magnet_months(table)
    rows = rows[rows["destination"] == destination]
    return rows.loc[rows["tonnes"].idxmin()]


def magnet_year(year: int, destination: str, table: pd.DataFrame | None = None) -> pd.Series:
    frame = magnets_table() if table is None else table
    rows = frame[(frame["month"] == str(year)) & (frame["destination"] == destination)]
    if len(rows) != 1:
        raise SeriesError(f"data/rare_earth_magnets.csv: expected one row for {year}, {destination}; found {len(rows)}")
    return rows.iloc[0]


def shares(table: pd.DataFrame | None = None, on: dt.date | None = None) -> pd.DataFrame:
    """China's shares of world supply, each row marked observed or projection (a year after the
    date the data was checked is a projection)."""
    frame = data.load("rare_earth_shares") if table is None else table
    year = (on or as_of()).year
    frame = frame.assign(kind=["projection" if y > year else "observed" for y in frame["year"]])
    order = {"mining": 0, "separation": 1, "refining": 2, "magnets": 3}
    return frame.sort_values(["stage", "year", "publisher"], key=lambda s: s.map(order) if s.name == "stage" else s).reset_index(
        drop=True
    )


def share_row(stage: str, year: int, publisher: str, table: pd.DataFrame | None = None) -> pd.Series:
    rows = shares(table)
    rows = rows[(rows["stage"] == stage) & (rows["year"] == year) & (rows["publisher"] == publisher)]
    if len(rows) != 1:
        raise SeriesError(f"data/rare_earth_shares.csv: expected one {publisher} row for {stage} in {year}, found {len(rows)}")
    return rows.iloc[0]


# AI chips ---------------------------------------------------------------------------------------


def chip_actions(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Dated chip actions with a display label for each number."""
    frame = data.load("chip_actions") if table is None else table
    labels = [f"${v:g} billion" if u == "usd_bn" else f"{v:g}%" for v, u in zip(frame["value"], frame["unit"], strict=False)]
    return frame.assign(label=labels).sort_values(["date", "id"]).reset_index(drop=True)


def chip_row(row_id: str, table: pd.DataFrame | None = None) -> pd.Series:
    return chip_actions(table).set_index("id").loc[row_id]


# Damage estimates --------------------------------------------------------------------------------

SUBJECT_LABELS = {"world": N_("World"), "US": N_("United States"), "CN": N_("China"), "US-CN": N_("US–China trade")}


def damage_table() -> pd.DataFrame:
    return data.load("damage_estimates")


def damage(metric: str, subject: str | None = None, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows of one metric (and subject), by vintage then period.

    Raises :class:`SeriesError` if two rows give the same publisher, vintage, subject and period
    (one of them is a duplicate or a second vintage mislabelled)."""
    frame = damage_table() if table is None else table
    rows = frame[frame["metric"] == metric]
    if subject is not None:
        rows = rows[rows["subject"] == subject]
    key = ["publisher", "vintage", "subject", "period"]
    dupes = rows[rows.duplicated(key, keep=False)]
    if len(dupes):
        raise SeriesError(
            f"data/damage_estimates.csv: rows {', '.join(dupes['id'])} give the same {metric} for the same publisher, vintage, subject and period — keep one"
        )
    return rows.sort_values(["vintage", "subject", "period"]).reset_index(drop=True)


def damage_row(row_id: str, table: pd.DataFrame | None = None) -> pd.Series:
    frame = damage_table() if table is None else table
    return frame.set_index("id").loc[row_id]


def customs_months(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """US customs duties by month, $ million and $ billion."""
    rows = damage("customs-duties", "US", table)
    if len(set(rows["vintage"])) != 1:
        raise SeriesError("data/damage_estimates.csv: customs duties come from more than one vintage — draw one")
    rows = rows.assign(date=rows["period"].map(_month_start), value_usd_bn=rows["value"] / 1000).sort_values("date")
    return rows.reset_index(drop=True)


def customs_year(year: int, table: pd.DataFrame | None = None) -> tuple[float, list[str]]:
    """Total customs duties in ``year`` ($ million) and the row ids; all twelve months required."""
    rows = customs_months(table)
    rows = rows[rows["period"].str.startswith(f"{year}-")]
    if len(rows) != 12:
        raise SeriesError(f"data/damage_estimates.csv: {len(rows)} months of customs duties in {year}, a year total needs 12")
    return float(rows["value"].sum()), list(rows["id"])


# Who counted each post-summit purchase figure (row id in soybeans.csv -> basis).
PURCHASE_BASIS = {
    "soy-24": N_("USDA export sales"),
    "soy-25": N_("USDA export sales"),
    "soy-29": N_("USDA export sales"),
    "soy-27": N_("trade estimates"),
    "soy-28": N_("trade estimates"),
    "soy-26": N_("US official statement"),
    "soy-30": N_("US official statement"),
}


# the purchases series are named "Bought since the summit: <basis>" (charts translate both parts)
PURCHASES_PREFIX = "Bought since the summit: "
ARRIVALS = N_("Arrivals in China from the US (customs)")


def soybean_table() -> pd.DataFrame:
    """China-customs monthly arrivals from the US and cumulative post-summit purchases, one row each.

    Columns: date (mid-month, or the as-of date when the row has one), series, million_tonnes, kind
    (``arrivals`` or ``purchases``), row (the soybeans.csv id)."""
    soy = data.load("soybeans")
    rows = []
    arrivals = soy[(soy["measure"] == "china-imports-from-us") & (soy["period_kind"] == "month")]
    for r in arrivals.to_dict("records"):
        rows.append(
            {
                "date": dt.date.fromisoformat(r["period"] + "-15"),
                "series": ARRIVALS,
                "million_tonnes": r["value"],
                "kind": "arrivals",
                "row": r["id"],
            }
        )
    bought = soy[soy["measure"] == "purchases-since-truce"]
    for r in bought.to_dict("records"):
        day = r["as_of"] or dt.date.fromisoformat(r["period"] + "-15")
        basis = PURCHASE_BASIS.get(r["id"], N_("Other reports"))
        rows.append(
            {
                "date": day,
                "series": f"{PURCHASES_PREFIX}{basis}",
                "million_tonnes": r["value"],
                "kind": "purchases",
                "row": r["id"],
            }
        )
    return pd.DataFrame(rows).sort_values(["date", "row"]).reset_index(drop=True)
