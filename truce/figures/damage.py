"""Figures from the damage estimates: customs receipts summed or ranked, the highest estimate of
the effective tariff rate. Single forecasts are rows of ``declared.csv``; year totals of customs
duties are rows of ``calls.csv`` naming :func:`customs_total`."""

from __future__ import annotations

from truce.analysis import series
from truce.figures.registry import Result, figure


def customs_total(year: int) -> Result:
    """Sum of the twelve monthly customs-duties rows of ``year`` in damage_estimates.csv, in $ billion (series.customs_year)."""
    total, ids = series.customs_year(year)
    return Result(total / 1000, rows=tuple(("damage_estimates", i) for i in ids))


@figure(
    "yale-etr-peak",
    unit="pct",
    resources=("damage_estimates",),
    definition="Highest Yale Budget Lab estimate of the average effective US tariff rate in the data.",
)
def yale_etr_peak() -> Result:
    """Maximum value among effective-tariff-rate rows."""
    rows = series.damage("effective-tariff-rate", "US")
    row = rows.loc[rows["value"].idxmax()]
    return Result(float(row["value"]), rows=(("damage_estimates", row["id"]),))


def _peak_month():
    rows = series.customs_months()
    return rows.loc[rows["value"].idxmax()]


@figure(
    "customs-duties-peak-month",
    unit="month",
    resources=("damage_estimates",),
    definition="Month with the largest US customs duties in the data.",
)
def customs_duties_peak_month() -> Result:
    """Month of the maximum monthly customs-duties row."""
    row = _peak_month()
    return Result(row["date"], rows=(("damage_estimates", row["id"]),))


@figure(
    "customs-duties-peak",
    unit="usd_bn",
    decimals=1,
    resources=("damage_estimates",),
    definition="Largest monthly US customs duties in the data.",
)
def customs_duties_peak() -> Result:
    """Maximum monthly customs-duties value, in $ billion."""
    row = _peak_month()
    return Result(float(row["value"]) / 1000, rows=(("damage_estimates", row["id"]),))
