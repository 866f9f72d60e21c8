"""Figures for the data-series and scorecard pages: trade, soybeans, rare earths, AI chips,
damage estimates, truce commitments and deadlines.

Every figure is computed from rows of ``data/`` through :mod:`truce.series`,
:mod:`truce.scorecard` and :mod:`truce.deadlines`; none returns a typed-in number. Tables
without an ``id`` column (``trade_monthly``, ``china_exports_yoy``, ``rare_earth_magnets``)
cannot be referenced row by row in the ledger, so their figures list the rows' sources instead.
"""

from __future__ import annotations

from truce import data
from truce.analysis import commitments as scorecard
from truce.analysis import deadlines, series
from truce.figures.registry import Result, figure

# US goods trade with China ------------------------------------------------------------------


def _trade_total(column: str, year: int) -> Result:
    vintage = series.trade_plot_vintage()
    total, months = series.trade_year_total(column, year, vintage)
    rows = series.trade_series(vintage)
    rows = rows[rows["month"].isin(months)]
    return Result(abs(total) / 1000, sources=data.ids_in(rows))


@figure("trade-us-imports-cn-2025", unit="usd_bn", decimals=1, resources=("trade_monthly",),
        definition="US goods imports from China in 2025 (Census basis, one vintage).")
def trade_us_imports_cn_2025() -> Result:
    """Sum of imports_usd_m over the twelve months of 2025 in series.trade_plot_vintage(), in $ billion."""
    return _trade_total("imports_usd_m", 2025)


@figure("trade-us-imports-cn-2024", unit="usd_bn", decimals=1, resources=("trade_monthly",),
        definition="US goods imports from China in 2024 (Census basis, same vintage as 2025).")
def trade_us_imports_cn_2024() -> Result:
    """Sum of imports_usd_m over the twelve months of 2024 in series.trade_plot_vintage(), in $ billion."""
    return _trade_total("imports_usd_m", 2024)


@figure("trade-us-exports-cn-2025", unit="usd_bn", decimals=1, resources=("trade_monthly",),
        definition="US goods exports to China in 2025 (Census basis, one vintage).")
def trade_us_exports_cn_2025() -> Result:
    """Sum of exports_usd_m over the twelve months of 2025 in series.trade_plot_vintage(), in $ billion."""
    return _trade_total("exports_usd_m", 2025)


@figure("trade-us-deficit-cn-2025", unit="usd_bn", decimals=1, resources=("trade_monthly",),
        definition="US goods trade deficit with China in 2025 (Census basis, one vintage).")
def trade_us_deficit_cn_2025() -> Result:
    """Minus the sum of balance_usd_m over the twelve months of 2025 in series.trade_plot_vintage(), in $ billion."""
    return _trade_total("balance_usd_m", 2025)


@figure("trade-us-imports-cn-fall-2025", unit="pct", resources=("trade_monthly",),
        definition="Fall in US goods imports from China, 2025 against 2024 (same Census vintage).")
def trade_us_imports_cn_fall_2025() -> Result:
    """(1 − imports 2025 / imports 2024) × 100, both summed from series.trade_plot_vintage()."""
    a, b = _trade_total("imports_usd_m", 2024), _trade_total("imports_usd_m", 2025)
    return Result((1 - b.value / a.value) * 100, sources=a.sources)


# China's exports to the US --------------------------------------------------------------------


def _china_period(period: str) -> Result:
    frame = series.china_exports_table()
    rows = frame[frame["period"] == period]
    return Result(abs(float(rows["yoy_pct"].iloc[0])), sources=data.ids_in(rows))


@figure("cn-exports-us-may-2025-fall", unit="pct", decimals=1, resources=("china_exports_yoy",),
        definition="Fall in China's exports to the US in May 2025 against May 2024 (China customs).")
def cn_exports_us_may_2025_fall() -> Result:
    """−yoy_pct of the 2025-05 row of china_exports_yoy.csv."""
    return _china_period("2025-05")


@figure("cn-exports-us-2025-fall", unit="pct", resources=("china_exports_yoy",),
        definition="Fall in China's exports to the US in 2025 against 2024 (China customs).")
def cn_exports_us_2025_fall() -> Result:
    """−yoy_pct of the full-year 2025 row of china_exports_yoy.csv."""
    return _china_period("2025")


@figure("cn-exports-us-falls-run", unit="count", resources=("china_exports_yoy",),
        definition="Longest run of consecutive monthly releases in which China's exports to the US fell year on year.")
def cn_exports_us_falls_run() -> Result:
    """series.longest_fall() over the single-month and January–February releases."""
    frame = series.china_exports_monthly()
    return Result(series.longest_fall(frame)[2], sources=data.ids_in(frame[frame["yoy_pct"] < 0]))


# Soybeans ----------------------------------------------------------------------------------------


def _soy(row_id: str) -> Result:
    return Result(float(series.soybean_row(row_id)["value"]), rows=(("soybeans", row_id),))


@figure("soy-zero-months-2025", unit="count", resources=("soybeans",),
        definition="Months of 2025 in which China customs recorded no soybean imports from the US.")
def soy_zero_months_2025() -> Result:
    """Number of monthly china-imports-from-us rows of 2025 whose value is 0."""
    rows = series.soybean_zero_months(2025)
    return Result(len(rows), rows=tuple(("soybeans", i) for i in rows["id"]))


@figure("soy-first-zero-month-2025", unit="month", resources=("soybeans",),
        definition="First month of 2025 with no soybean imports from the US in China's customs data.")
def soy_first_zero_month_2025() -> Result:
    """Earliest date among the 2025 zero months (series.soybean_zero_months)."""
    rows = series.soybean_zero_months(2025)
    first = rows.iloc[0]
    return Result(first["date"], rows=(("soybeans", first["id"]),))


@figure("soy-arrivals-dec-2024", unit="mmt", decimals=2, resources=("soybeans",),
        definition="China's soybean imports from the US in December 2024 (China customs).")
def soy_arrivals_dec_2024() -> Result:
    """Value of the monthly china-imports-from-us row for 2024-12."""
    rows = series.soybean_arrivals()
    row = rows[rows["period"] == "2024-12"].iloc[0]
    return _soy(row["id"])


@figure("soy-china-imports-us-2025", unit="mmt", decimals=2, resources=("soybeans",),
        definition="China's soybean imports from the US in calendar 2025 (China customs).")
def soy_china_imports_us_2025() -> Result:
    """Value of the calendar-year 2025 china-imports-from-us row."""
    frame = series.soybeans_table()
    row = frame[(frame["measure"] == "china-imports-from-us") & (frame["period"] == "2025")].iloc[0]
    return _soy(row["id"])


@figure("soy-pledge-initial", unit="mmt", resources=("soybeans",),
        definition="China's initial purchase pledge of US soybeans after Busan, as stated by US officials.")
def soy_pledge_initial() -> Result:
    """Value of the commitment row for the last two months of 2025."""
    return _soy(series.soybean_pledge("2025-11/2025-12")["id"])


@figure("soy-pledge-annual", unit="mmt", resources=("soybeans",),
        definition="China's annual purchase pledge of US soybeans for 2026–2028, as stated by US officials.")
def soy_pledge_annual() -> Result:
    """Value of the commitment row for 2026."""
    return _soy(series.soybean_pledge("2026")["id"])


@figure("soy-usda-purchases-jan-8", unit="mmt", resources=("soybeans",),
        definition="Purchases of US soybeans by China since the Busan truce in USDA data on 8 January 2026 (lower bound).")
def soy_usda_purchases_jan_8() -> Result:
    """Value of the purchases-since-truce row dated 2026-01-08."""
    rows = series.soybean_tracker()
    row = rows[rows["date"].map(lambda d: d.isoformat() == "2026-01-08")].iloc[0]
    return _soy(row["id"])


# Rare earths -------------------------------------------------------------------------------------


def _magnet_low(destination: str, as_month: bool) -> Result:
    row = series.magnet_low(destination)
    return Result(row["date"] if as_month else float(row["tonnes"]), sources=tuple(row["source_ids"]))


@figure("magnets-world-low-month", unit="month", resources=("rare_earth_magnets",),
        definition="Month with the lowest reported magnet exports from China to all destinations.")
def magnets_world_low_month() -> Result:
    """Month of the minimum tonnes among monthly world rows."""
    return _magnet_low("world", True)


@figure("magnets-world-low", unit="tonnes", resources=("rare_earth_magnets",),
        definition="Lowest reported monthly rare-earth magnet exports from China, all destinations.")
def magnets_world_low() -> Result:
    """Minimum tonnes among monthly world rows."""
    return _magnet_low("world", False)


@figure("magnets-us-low", unit="tonnes", decimals=1, resources=("rare_earth_magnets",),
        definition="Lowest reported monthly rare-earth magnet exports from China to the US.")
def magnets_us_low() -> Result:
    """Minimum tonnes among monthly US rows."""
    return _magnet_low("US", False)


def _magnet_year(destination: str) -> Result:
    row = series.magnet_year(2025, destination)
    return Result(float(row["tonnes"]), sources=tuple(row["source_ids"]))


@figure("magnets-world-2025", unit="tonnes", resources=("rare_earth_magnets",),
        definition="China's rare-earth magnet exports to all destinations in 2025.")
def magnets_world_2025() -> Result:
    """Tonnes of the full-year 2025 world row."""
    return _magnet_year("world")


@figure("magnets-us-2025", unit="tonnes", resources=("rare_earth_magnets",),
        definition="China's rare-earth magnet exports to the US in 2025.")
def magnets_us_2025() -> Result:
    """Tonnes of the full-year 2025 US row."""
    return _magnet_year("US")


def _share(stage: str, year: int) -> Result:
    row = series.share_row(stage, year, "IEA")
    return Result(float(row["share_pct"]), rows=(("rare_earth_shares", row["id"]),))


@figure("re-share-mining-2023", unit="pct", resources=("rare_earth_shares",),
        definition="China's share of world rare-earth mining in 2023 (IEA).")
def re_share_mining_2023() -> Result:
    """share_pct of the IEA mining row for 2023."""
    return _share("mining", 2023)


@figure("re-share-refining-2023", unit="pct", resources=("rare_earth_shares",),
        definition="China's share of world refined rare-earth output in 2023 (IEA).")
def re_share_refining_2023() -> Result:
    """share_pct of the IEA refining row for 2023."""
    return _share("refining", 2023)


@figure("re-share-refining-2030", unit="pct", resources=("rare_earth_shares",),
        definition="China's projected share of world refined rare-earth output in 2030 (IEA projection).")
def re_share_refining_2030() -> Result:
    """share_pct of the IEA refining row for 2030 (a projection)."""
    return _share("refining", 2030)


@figure("re-share-magnets", unit="pct", resources=("rare_earth_shares",),
        definition="China's share of world permanent-magnet manufacturing (IEA commentary of October 2025).")
def re_share_magnets() -> Result:
    """share_pct of the IEA magnets row (year = date of the commentary)."""
    return _share("magnets", 2025)


# AI chips -------------------------------------------------------------------------------------------


def _chip(row_id: str) -> Result:
    return Result(float(series.chip_row(row_id)["value"]), rows=(("chip_actions", row_id),))


CHIP_FIGURES = [
    ("chip-h20-charge", "chip-h20-licence-charge", "usd_bn", 1, "Charge Nvidia expected after the April 2025 H20 licence requirement."),
    ("chip-h20-writedown", "chip-h20-writedown", "usd_bn", 1, "Charge Nvidia booked for H20 inventory and purchase obligations."),
    ("chip-h20-q2-loss", "chip-h20-q2-revenue-loss", "usd_bn", 0, "H20 revenue Nvidia expected to lose in its next quarter."),
    ("chip-nvidia-share-start", "chip-nvidia-china-share-start", "pct", 0, "Nvidia's share of China's AI-chip market in early 2021, as stated by its CEO."),
    ("chip-nvidia-share-may-2025", "chip-nvidia-china-share-may-2025", "pct", 0, "Nvidia's share of China's AI-chip market in May 2025, as stated by its CEO."),
    ("chip-nvidia-share-oct-2025", "chip-nvidia-china-share-oct-2025", "pct", 0, "Nvidia's share of China's AI-chip market in October 2025, as stated by its CEO."),
    ("chip-revenue-share", "chip-revenue-share-15pct", "pct", 0, "Share of H20/MI308 China revenue to be paid to the US government (August 2025)."),
    ("chip-h200-payment", "chip-h200-payment-25pct", "pct", 0, "Share of H200 sales to China to be paid to the US, as posted by Trump (December 2025)."),
    ("chip-china-volume-cap", "chip-h200-china-volume-cap", "pct", 0, "Cap on H200-class shipments to China, as a share of shipments to US end users (BIS rule, January 2026)."),
    ("chip-s232-tariff", "chip-s232-advanced-chips-25pct", "pct", 0, "Section 232 duty on covered advanced computing chips (from 15 January 2026)."),
]


def _register_chip(fid: str, row_id: str, unit: str, decimals: int, definition: str) -> None:
    def compute() -> Result:
        return _chip(row_id)

    compute.__doc__ = f"value of row {row_id} in chip_actions.csv."
    compute.__name__ = "chip_" + row_id.replace("-", "_")
    figure(fid, unit=unit, decimals=decimals, resources=("chip_actions",), definition=definition)(compute)


for _args in CHIP_FIGURES:
    _register_chip(*_args)


# Damage estimates --------------------------------------------------------------------------------------


def _damage(row_id: str, negate: bool = False) -> Result:
    row = series.damage_row(row_id)
    value = float(row["value"])
    return Result(-value if negate else value, rows=(("damage_estimates", row_id),))


DAMAGE_FIGURES = [
    ("wto-trade-2025-april-fall", "wto-2025-04-16-trade-2025", "pct", 1, True, "Fall in world merchandise trade volume the WTO forecast for 2025 in April 2025."),
    ("wto-trade-2025-october", "wto-2025-10-07-trade-2025", "pct", 1, False, "World merchandise trade volume growth the WTO forecast for 2025 in October 2025."),
    ("wto-trade-2026-october", "wto-2025-10-07-trade-2026", "pct", 1, False, "World merchandise trade volume growth the WTO forecast for 2026 in October 2025."),
    ("wto-us-cn-trade-fall", "wto-2025-04-16-us-cn-trade", "pct", 0, True, "Fall in US–China merchandise trade the WTO estimated in April 2025."),
    ("imf-world-2025-january", "imf-2025-01-world-2025", "pct", 1, False, "IMF forecast of 2025 world growth, January 2025."),
    ("imf-world-2025-april", "imf-2025-04-world-2025", "pct", 1, False, "IMF forecast of 2025 world growth, April 2025."),
    ("imf-world-2025-october", "imf-2025-10-world-2025", "pct", 1, False, "IMF forecast of 2025 world growth, October 2025."),
    ("imf-us-2025-april", "imf-2025-04-us-2025", "pct", 1, False, "IMF forecast of 2025 US growth, April 2025."),
    ("imf-cn-2025-april", "imf-2025-04-cn-2025", "pct", 1, False, "IMF forecast of 2025 growth in China, April 2025."),
    ("yale-etr-scotus", "yale-etr-2026-02-20", "pct", 1, False, "Yale Budget Lab estimate of the average effective US tariff rate after the Supreme Court ruling."),
]


def _register_damage(fid: str, row_id: str, unit: str, decimals: int, negate: bool, definition: str) -> None:
    def compute() -> Result:
        return _damage(row_id, negate)

    compute.__doc__ = f"{'minus the ' if negate else ''}value of row {row_id} in damage_estimates.csv."
    compute.__name__ = "damage_" + row_id.replace("-", "_")
    figure(fid, unit=unit, decimals=decimals, resources=("damage_estimates",), definition=definition)(compute)


for _args in DAMAGE_FIGURES:
    _register_damage(*_args)


@figure("yale-etr-peak", unit="pct", resources=("damage_estimates",),
        definition="Highest Yale Budget Lab estimate of the average effective US tariff rate in the data.")
def yale_etr_peak() -> Result:
    """Maximum value among effective-tariff-rate rows."""
    rows = series.damage("effective-tariff-rate", "US")
    row = rows.loc[rows["value"].idxmax()]
    return Result(float(row["value"]), rows=(("damage_estimates", row["id"]),))


def _customs_year(year: int) -> Result:
    total, ids = series.customs_year(year)
    return Result(total / 1000, rows=tuple(("damage_estimates", i) for i in ids))


@figure("customs-duties-2025", unit="usd_bn", decimals=1, resources=("damage_estimates",),
        definition="US customs duties collected in calendar 2025 (Monthly Treasury Statement).")
def customs_duties_2025() -> Result:
    """Sum of the twelve monthly customs-duties rows of 2025, in $ billion."""
    return _customs_year(2025)


@figure("customs-duties-2024", unit="usd_bn", decimals=1, resources=("damage_estimates",),
        definition="US customs duties collected in calendar 2024 (Monthly Treasury Statement).")
def customs_duties_2024() -> Result:
    """Sum of the twelve monthly customs-duties rows of 2024, in $ billion."""
    return _customs_year(2024)


@figure("customs-duties-peak-month", unit="month", resources=("damage_estimates",),
        definition="Month with the largest US customs duties in the data.")
def customs_duties_peak_month() -> Result:
    """Month of the maximum monthly customs-duties row."""
    rows = series.customs_months()
    row = rows.loc[rows["value"].idxmax()]
    return Result(row["date"], rows=(("damage_estimates", row["id"]),))


@figure("customs-duties-peak", unit="usd_bn", decimals=1, resources=("damage_estimates",),
        definition="Largest monthly US customs duties in the data.")
def customs_duties_peak() -> Result:
    """Maximum monthly customs-duties value, in $ billion."""
    rows = series.customs_months()
    row = rows.loc[rows["value"].idxmax()]
    return Result(float(row["value"]) / 1000, rows=(("damage_estimates", row["id"]),))


# Scorecard and deadlines ---------------------------------------------------------------------------------


@figure("scorecard-commitments", unit="count", resources=("commitments",),
        definition="Commitments tracked on the scorecard (Geneva, London, Kuala Lumpur/Busan, Beijing).")
def scorecard_commitments() -> Result:
    """Number of rows in commitments.csv."""
    frame = scorecard.commitments()
    return Result(len(frame), rows=tuple(("commitments", i) for i in frame["id"]))


def _register_outcome(outcome: str) -> None:
    def compute() -> Result:
        frame = scorecard.commitments()
        rows = frame[frame["outcome"] == outcome]
        return Result(len(rows), rows=tuple(("commitments", i) for i in rows["id"]))

    compute.__doc__ = f'Number of commitments whose outcome is "{outcome}".'
    compute.__name__ = "scorecard_" + outcome.replace("-", "_")
    figure(f"scorecard-{outcome}", unit="count", resources=("commitments",),
           definition=f"Commitments whose observed outcome is {scorecard.OUTCOMES[outcome]['label']}.")(compute)


for _outcome in scorecard.OUTCOMES:
    _register_outcome(_outcome)


@figure("deadlines-upcoming", unit="count", resources=("commitments", "events", "tariff_measures", "sources"),
        definition="Deadlines in the feed that fall after the date the data was last checked.")
def deadlines_upcoming() -> Result:
    """Number of deadlines.deadlines() dated after data.last_updated()."""
    return Result(len(deadlines.upcoming()))


@figure("deadlines-next", unit="date", resources=("commitments", "events", "tariff_measures", "sources"),
        definition="Date of the next deadline in the feed after the date the data was last checked.")
def deadlines_next() -> Result:
    """Earliest date among deadlines.upcoming()."""
    nxt = deadlines.upcoming()
    if not nxt:
        raise ValueError("deadlines-next: no deadline after the date the data was last checked — reword the sentence that uses it")
    return Result(nxt[0].date, as_of=data.last_updated())
