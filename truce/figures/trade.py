"""Trade figures: US goods trade with China (Census, one release vintage) and China's exports
to the US (China customs, as reported).

Year totals and year-on-year changes are rows of ``calls.csv`` naming :func:`year_total` and
:func:`fall`; a single reported change is a row of ``declared.csv``.
"""

from __future__ import annotations

import datetime as dt

from truce import data
from truce.analysis import series
from truce.figures.registry import Result, figure


def _year(column: str, year: int) -> tuple[float, tuple[str, ...]]:
    vintage = series.trade_plot_vintage()
    total, months = series.trade_year_total(column, year, vintage)
    rows = series.trade_series(vintage)
    return total, data.ids_in(rows[rows["month"].isin(months)])


def year_total(column: str, year: int) -> Result:
    """Sum of ``column`` over the twelve months of ``year`` in series.trade_plot_vintage(), in
    $ billion, without its sign (a deficit is a positive number)."""
    total, sources = _year(column, year)
    return Result(abs(total) / 1000, sources=sources)


def fall(column: str, before: int, after: int) -> Result:
    """(1 − total of ``after`` / total of ``before``) × 100, both twelve-month sums of ``column``
    in series.trade_plot_vintage()."""
    a, sources_a = _year(column, before)
    b, sources_b = _year(column, after)
    return Result((1 - b / a) * 100, sources=tuple(dict.fromkeys(sources_a + sources_b)), as_of=dt.date(after, 12, 31))


@figure(
    "story-us-import-export-ratio-2024",
    unit="times",
    decimals=1,
    resources=("trade_monthly",),
    definition="US goods imports from China divided by US goods exports to China in 2024 (Census basis).",
)
def us_import_export_ratio_2024() -> Result:
    """Sum of 2024 monthly imports_usd_m ÷ sum of 2024 monthly exports_usd_m, both in series.trade_plot_vintage()."""
    imports, s1 = _year("imports_usd_m", 2024)
    exports, s2 = _year("exports_usd_m", 2024)
    return Result(imports / exports, sources=tuple(sorted(set(s1) | set(s2))), as_of=dt.date(2024, 12, 31))


@figure(
    "cn-exports-us-falls-run",
    unit="count",
    resources=("china_exports_yoy",),
    definition="Longest run of consecutive monthly releases in which China's exports to the US fell year on year.",
)
def cn_exports_us_falls_run() -> Result:
    """series.longest_fall() over the single-month and January–February releases."""
    frame = series.china_exports_monthly()
    return Result(series.longest_fall(frame)[2], sources=data.ids_in(frame[frame["yoy_pct"] < 0]))


def _worst_month_2025():
    frame = data.load("china_exports_yoy")
    months = frame[frame["period"].str.fullmatch(r"2025-\d{2}")]
    return months.loc[months["yoy_pct"].idxmin()]


@figure(
    "story-cn-exports-to-us-worst-month",
    unit="pct",
    decimals=1,
    resources=("china_exports_yoy",),
    definition="Steepest year-on-year monthly fall in China's exports to the US in 2025 (China customs, as reported).",
)
def cn_exports_to_us_worst_month() -> Result:
    """−min(yoy_pct) over the single-month 2025 periods of china_exports_yoy.csv."""
    worst = _worst_month_2025()
    return Result(-worst["yoy_pct"], sources=tuple(worst["source_ids"]), as_of=dt.date.fromisoformat(worst["period"] + "-01"))


@figure(
    "story-cn-exports-to-us-worst-month-name",
    unit="month",
    resources=("china_exports_yoy",),
    definition="Month of 2025 with the steepest year-on-year fall in China's exports to the US.",
)
def cn_exports_to_us_worst_month_name() -> Result:
    """The period of the row chosen by story-cn-exports-to-us-worst-month."""
    worst = _worst_month_2025()
    day = dt.date.fromisoformat(worst["period"] + "-01")
    return Result(day, sources=tuple(worst["source_ids"]), as_of=day)
