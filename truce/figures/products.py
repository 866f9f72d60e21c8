"""Figures of the trade-weighted average tariff, computed product by product.

The average comes from :func:`truce.analysis.products.average_rate` (2024 import weights for the
US side, announced list values for China's). It changes only on the days a layer or a list
starts or ends, so its series, its peak and its split by legal authority are exact when read on
those days (:func:`average_series`, :func:`average_peak`, :func:`all_goods_points`).
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd

from truce import data
from truce.analysis import products, tariffs
from truce.figures.registry import Result, figure

START = dt.date(2018, 1, 1)
RESOURCES = ("tariff_measures", "tariff_lists", "list_products", "product_exclusions", "trade_weights", "mfn_rates", "sources")


# Helpers --------------------------------------------------------------------------------------------


def change_dates(imposer: str, start: dt.date = START, end: dt.date | None = None) -> list[dt.date]:
    """Every day in [start, end] on which a counted layer or list of ``imposer`` starts or ends
    (a list's shield date included), plus both ends: the average is constant between them."""
    return products.average_change_dates(products.tables(), imposer, start, end or data.last_updated())


@functools.lru_cache(maxsize=4)
def _series(state: str, start: dt.date, end: dt.date) -> pd.DataFrame:
    def work_out() -> pd.DataFrame:
        rows = [(d, side, products.average_rate(d, side)) for side in products.IMPOSERS for d in change_dates(side, start, end)]
        return pd.DataFrame(rows, columns=["date", "imposer", "average_pct"])

    # kept in .cache/averages for the other processes (the second edition, the checks, a kernel)
    return data.kept_from_data(
        "averages", (start.isoformat(), end.isoformat()), work_out, accept=lambda kept: isinstance(kept, pd.DataFrame)
    )


def average_series(start: dt.date = START, end: dt.date | None = None) -> pd.DataFrame:
    """The trade-weighted average of both sides as a step series: date, imposer, average_pct."""
    return _series(data.data_fingerprint(), start, end or data.last_updated()).copy()


def average_peak(imposer: str) -> tuple[float, dt.date]:
    """The highest average since 2018 and the first day it applied."""
    s = average_series()
    s = s[s["imposer"] == imposer]
    best = s.sort_values(["average_pct", "date"], ascending=[False, True]).iloc[0]
    return float(best["average_pct"]), best["date"]


def all_goods_authorities(imposer: str) -> set[str]:
    """The authorities (as :func:`products.authority` names them) of the layers that apply to all goods."""
    m = products.tables().measures
    m = m[(m["imposer"] == imposer) & (m["scope"] == "all-goods") & ~m["status"].isin(products.NEVER_COUNTED_MEASURES)]
    return {products.authority(i) for i in m["id"]}


def all_goods_points(on: dt.date, imposer: str) -> float:
    """Points of the average that come from the across-the-board layers (after exemptions)."""
    split = products.average_by_authority(on, imposer)
    keep = split["authority"].isin(all_goods_authorities(imposer))
    return round(float(split.loc[keep, "points"].sum()), 6) + 0.0


def layers_counted(on: dt.date, imposer: str) -> tuple[tuple[str, str], ...]:
    """The tariff_measures rows in force on ``on`` (what the average was computed from)."""
    m = products.tables().measures
    m = m[(m["imposer"] == imposer) & ~m["status"].isin(products.NEVER_COUNTED_MEASURES)]
    keep = [a <= on and (b is None or on < b) for a, b in zip(m["effective_from"], m["effective_to"], strict=False)]
    return tuple(("tariff_measures", i) for i in m.loc[keep, "id"])


def _weights_sources(imposer: str) -> tuple[str, ...]:
    w = products.tables().weights
    return tuple(sorted({s for ids in w.loc[w["imposer"] == imposer, "source_ids"] for s in ids}))


def _average_on(on: dt.date, imposer: str) -> Result:
    return Result(
        products.average_rate(on, imposer), rows=layers_counted(on, imposer), as_of=on, sources=_weights_sources(imposer)
    )


def _all_goods_on(on: dt.date, imposer: str) -> Result:
    return Result(all_goods_points(on, imposer), rows=layers_counted(on, imposer), as_of=on, sources=_weights_sources(imposer))


def piie_value(imposer: str, on: dt.date) -> float:
    """PIIE's trade-weighted average for ``imposer`` on ``on`` (the newest vintage when two are kept)."""
    a = data.load("average_tariffs")
    a = a[
        (a["imposer"] == imposer)
        & (a["refers_to"] == on)
        & a["publisher"].str.startswith("PIIE")
        & ~a["measure"].str.contains("derived|as reported", case=False)
    ]
    if not len(a):
        raise KeyError(f"average_tariffs.csv has no PIIE value for {imposer} on {on}")
    return float(a["value_pct"].iloc[-1])


GENEVA = dt.date(2025, 5, 14)


# Figures --------------------------------------------------------------------------------------------


@figure(
    "us-average-now",
    unit="pct",
    decimals=1,
    resources=RESOURCES,
    definition="Trade-weighted average US tariff on Chinese goods (normal duty included, 2024 import weights) "
    "on the date the data was last checked, under the legal texts as written; not confirmed after us-confirmed-date.",
)
def us_average_now() -> Result:
    """products.average_rate(data.last_updated(), "US")."""
    return _average_on(data.last_updated(), "US")


@figure(
    "cn-average-now",
    unit="pct",
    decimals=1,
    resources=RESOURCES,
    definition="Average Chinese tariff on US goods (normal duty included; lists weighted by their announced "
    "trade value) on the date the data was last checked, under the legal texts as written; not confirmed after "
    "cn-confirmed-date.",
)
def cn_average_now() -> Result:
    """products.average_rate(data.last_updated(), "CN")."""
    return _average_on(data.last_updated(), "CN")


def average_confirmed(imposer: str) -> Result:
    """products.average_rate on tariffs.confirmed_through(imposer): the average on the last day a
    source confirms the side's across-the-board duty."""
    from truce.figures.tariffs import confirmed_sources

    found = _average_on(tariffs.confirmed_through(imposer), imposer)
    return Result(found.value, rows=found.rows, as_of=found.as_of, sources=found.sources + confirmed_sources(imposer))


@figure(
    "us-average-peak",
    unit="pct",
    decimals=1,
    resources=RESOURCES,
    definition="Highest trade-weighted average US tariff on Chinese goods since 2018.",
)
def us_average_peak() -> Result:
    """Maximum of products.average_rate(d, "US") over the change dates d since 1 Jan 2018 (average_peak)."""
    _, day = average_peak("US")
    return _average_on(day, "US")


@figure(
    "cn-average-peak",
    unit="pct",
    decimals=1,
    resources=RESOURCES,
    definition="Highest average Chinese tariff on US goods since 2018.",
)
def cn_average_peak() -> Result:
    """Maximum of products.average_rate(d, "CN") over the change dates d since 1 Jan 2018 (average_peak)."""
    _, day = average_peak("CN")
    return _average_on(day, "CN")


@figure(
    "us-average-peak-date",
    unit="date",
    resources=RESOURCES,
    definition="First day the highest trade-weighted average US tariff on Chinese goods applied.",
)
def us_average_peak_date() -> Result:
    """The day returned by average_peak("US")."""
    _, day = average_peak("US")
    return Result(day, rows=layers_counted(day, "US"), as_of=day)


@figure(
    "cn-average-peak-date",
    unit="date",
    resources=RESOURCES,
    definition="First day the highest average Chinese tariff on US goods applied.",
)
def cn_average_peak_date() -> Result:
    """The day returned by average_peak("CN")."""
    _, day = average_peak("CN")
    return Result(day, rows=layers_counted(day, "CN"), as_of=day)


@figure(
    "us-average-peak-all-goods",
    unit="pct",
    decimals=1,
    resources=RESOURCES,
    definition="Part of the peak US average tariff that came from the across-the-board layers "
    "(IEEPA duties), after their exemptions.",
)
def us_average_peak_all_goods() -> Result:
    """all_goods_points(day, "US") on the day of average_peak("US")."""
    _, day = average_peak("US")
    return _all_goods_on(day, "US")


@figure(
    "cn-average-peak-all-goods",
    unit="pct",
    decimals=1,
    resources=RESOURCES,
    definition="Part of China's peak average tariff that came from its duty on all US goods.",
)
def cn_average_peak_all_goods() -> Result:
    """all_goods_points(day, "CN") on the day of average_peak("CN")."""
    _, day = average_peak("CN")
    return _all_goods_on(day, "CN")


@figure(
    "us-average-now-all-goods",
    unit="pct",
    decimals=1,
    resources=RESOURCES,
    definition="Part of today's US average tariff that comes from across-the-board layers.",
)
def us_average_now_all_goods() -> Result:
    """all_goods_points(data.last_updated(), "US")."""
    return _all_goods_on(data.last_updated(), "US")


@figure(
    "cn-average-now-all-goods",
    unit="pct",
    decimals=1,
    resources=RESOURCES,
    definition="Part of China's average tariff today that comes from its duty on all US goods.",
)
def cn_average_now_all_goods() -> Result:
    """all_goods_points(data.last_updated(), "CN")."""
    return _all_goods_on(data.last_updated(), "CN")


@figure(
    "us-average-geneva",
    unit="pct",
    decimals=1,
    resources=RESOURCES,
    definition="Trade-weighted average US tariff on Chinese goods once the Geneva cut took effect (14 May 2025).",
)
def us_average_geneva() -> Result:
    """products.average_rate(2025-05-14, "US")."""
    return _average_on(GENEVA, "US")


@figure(
    "us-piie-gap-geneva",
    unit="pp_short",
    decimals=1,
    resources=RESOURCES + ("average_tariffs",),
    definition="PIIE's trade-weighted average US tariff on Chinese goods after Geneva (14 May 2025) minus the site's.",
)
def us_piie_gap_geneva() -> Result:
    """piie_value("US", 2025-05-14) - products.average_rate(2025-05-14, "US")."""
    return Result(
        round(piie_value("US", GENEVA) - products.average_rate(GENEVA, "US"), 6),
        rows=(("average_tariffs", "piie-us-2025-05-14"),) + layers_counted(GENEVA, "US"),
        as_of=GENEVA,
    )


@figure(
    "cn-piie-gap-geneva",
    unit="pp_short",
    decimals=1,
    resources=RESOURCES + ("average_tariffs",),
    definition="PIIE's trade-weighted average Chinese tariff on US goods after Geneva (14 May 2025) minus the site's.",
)
def cn_piie_gap_geneva() -> Result:
    """piie_value("CN", 2025-05-14) - products.average_rate(2025-05-14, "CN")."""
    return Result(
        round(piie_value("CN", GENEVA) - products.average_rate(GENEVA, "CN"), 6),
        rows=(("average_tariffs", "piie-cn-2025-05-14"),) + layers_counted(GENEVA, "CN"),
        as_of=GENEVA,
    )


# Section 301 product exclusions (called from calls.csv with a date) ---------------------------------


def _with_exclusion_lists(value: float, on) -> Result:
    """``value`` with the rows and sources behind a figure of the exclusions in force on ``on``: the
    exclusion lists active that day and the weights the average uses."""
    on = dt.date.fromisoformat(on) if isinstance(on, str) else on
    ids = products.exclusion_lists_in_force(on)
    cited = products.tables().lists.set_index("id").loc[ids, "source_ids"]
    sources = sorted({s for row in cited for s in row} | set(_weights_sources("US")))
    return Result(value, rows=tuple(("tariff_lists", i) for i in ids), as_of=on, sources=tuple(sources))


def line_exclusion_points(on) -> Result:
    """Points the whole-line Section 301 exclusions in force on ``on`` take off the US average
    (:func:`truce.analysis.products.line_exclusion_points`)."""
    return _with_exclusion_lists(products.line_exclusion_points(on), on)


def described_exclusion_points(on) -> Result:
    """Points of the US average on lines holding a Section 301 exclusion granted by description in
    force on ``on``: the most those exclusions could take off it (they are not counted)."""
    return _with_exclusion_lists(products.described_exclusion_points(on), on)


def described_exclusion_import_share(on) -> Result:
    """Share of weighted US imports from China (2024) on lines holding such an exclusion on ``on``."""
    return _with_exclusion_lists(products.described_exclusion_import_share(on), on)
