"""Soybean figures that are real computations: counts of zero months, the pledges that span
several rows. Single volumes and pledges are rows of ``declared.csv``."""

from __future__ import annotations

from truce import data
from truce.analysis import series
from truce.figures.registry import Result, figure


@figure(
    "soy-zero-months-2025",
    unit="count",
    resources=("soybeans",),
    definition="Months of 2025 in which China customs recorded no soybean imports from the US.",
)
def soy_zero_months_2025() -> Result:
    """Number of monthly china-imports-from-us rows of 2025 whose value is 0 (series.soybean_zero_months)."""
    rows = series.soybean_zero_months(2025)
    return Result(len(rows), rows=tuple(("soybeans", i) for i in rows["id"]))


@figure(
    "soy-first-zero-month-2025",
    unit="month",
    resources=("soybeans",),
    definition="First month of 2025 with no soybean imports from the US in China's customs data.",
)
def soy_first_zero_month_2025() -> Result:
    """Earliest date among the 2025 zero months (series.soybean_zero_months)."""
    first = series.soybean_zero_months(2025).iloc[0]
    return Result(first["date"], rows=(("soybeans", first["id"]),))


def _annual_commitments():
    soy = data.load("soybeans")
    return soy[(soy["measure"] == "commitment") & (soy["period_kind"] == "calendar-year")]


@figure(
    "soy-pledge-annual",
    unit="mmt",
    resources=("soybeans",),
    definition="China's annual purchase pledge of US soybeans for 2026–2028, as stated by US officials.",
)
def soy_pledge_annual() -> Result:
    """The value shared by the commitment rows for calendar 2026, 2027 and 2028 in soybeans.csv (raises if they differ)."""
    rows = _annual_commitments()
    values = set(rows["value"])
    if len(values) != 1:
        raise ValueError(f"data/soybeans.csv: annual commitment rows disagree: {sorted(values)}")
    return Result(values.pop(), rows=tuple(("soybeans", i) for i in rows["id"]), as_of=max(rows["as_of"]))


@figure(
    "story-soy-pledge-total",
    unit="mmt",
    resources=("soybeans",),
    definition="All US soybeans China was to buy from late 2025 to the end of 2028, as announced by US officials.",
)
def soy_pledge_total() -> Result:
    """Sum of the value of every soybeans.csv row with measure commitment (million tonnes)."""
    soy = data.load("soybeans")
    rows = soy[(soy["measure"] == "commitment") & (soy["unit"] == "mmt")]
    return Result(float(rows["value"].sum()), rows=tuple(("soybeans", i) for i in rows["id"]), as_of=max(rows["as_of"]))
