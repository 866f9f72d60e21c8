"""Tariff figures that are real computations: peaks, today's rates, the Geneva and Busan cuts.

Rates on a fixed day (``headline_rate``, ``stack_rate``) are rows of ``calls.csv``; single
layer rates are rows of ``declared.csv``. The provenance functions below give those calls
the tariff layers they sum, so the ledger lists them and their sources.
"""

from __future__ import annotations

import datetime as dt

from truce import data
from truce.analysis import tariffs
from truce.figures.registry import Result, figure, provenance

GENEVA_IN_FORCE = dt.date(2025, 5, 14)


@provenance(tariffs.headline_rate)
def all_goods_layers(on: dt.date, imposer: str) -> Result:
    """The all-goods layers of ``imposer`` in force on ``on``: the rows a headline rate sums."""
    rows = tariffs.layers_in_force(on, imposer)
    rows = rows[rows["scope"] == "all-goods"]
    return Result(None, rows=tuple(("tariff_measures", i) for i in rows["id"]), as_of=on)


@provenance(tariffs.stack_rate)
def stack_layers(on: dt.date, imposer: str, product_class: str) -> Result:
    """The layers of ``imposer`` that apply to ``product_class`` on ``on``."""
    rows = tariffs.stack(on, imposer, product_class)
    return Result(None, rows=tuple(("tariff_measures", i) for i in rows["id"]), as_of=on)


def headline_on(on: dt.date, imposer: str) -> Result:
    """The across-the-board rate of ``imposer`` on ``on``, with the layers it sums — or, where none
    is in force, the layers whose legal end left none (so a 0% still names its rows and sources)."""
    rows = all_goods_layers(on, imposer).rows
    if not rows:
        frame = tariffs.measures()
        ended = frame[
            (frame["imposer"] == imposer)
            & (frame["scope"] == "all-goods")
            & ~frame["status"].isin(tariffs.NEVER_COUNTED)
            & frame["effective_to"].map(lambda d: d is not None and d <= on)
        ]
        last = ended["effective_to"].max() if len(ended) else None
        rows = tuple(("tariff_measures", i) for i in ended.loc[ended["effective_to"] == last, "id"])
    return Result(tariffs.headline_rate(on, imposer), rows=rows, as_of=on, sources=confirmed_sources(imposer))


def _layer(row_id: str) -> dict:
    frame = data.load("tariff_measures")
    found = frame[frame["id"] == row_id]
    if len(found) != 1:
        raise KeyError(f'data/tariff_measures.csv has no row "{row_id}"')
    return found.iloc[0].to_dict()


# Headline rates: peaks and today ---------------------------------------------------------------


@figure(
    "us-headline-peak",
    unit="pct",
    alternatives=("pct_word",),
    resources=("tariff_measures",),
    definition="Highest across-the-board additional US duty on Chinese goods (IEEPA layers summed).",
)
def us_headline_peak() -> Result:
    """Maximum over all change dates of the sum of US all-goods layers in force (tariffs.peak)."""
    rate, day = tariffs.peak("US")
    return Result(rate, rows=all_goods_layers(day, "US").rows, as_of=day)


@figure(
    "cn-headline-peak",
    unit="pct",
    alternatives=("pct_word",),
    resources=("tariff_measures",),
    definition="Highest across-the-board additional Chinese duty on US goods.",
)
def cn_headline_peak() -> Result:
    """Maximum over all change dates of the sum of Chinese all-goods layers in force (tariffs.peak)."""
    rate, day = tariffs.peak("CN")
    return Result(rate, rows=all_goods_layers(day, "CN").rows, as_of=day)


@figure(
    "us-headline-peak-date",
    unit="date",
    resources=("tariff_measures",),
    definition="First day the peak US across-the-board duty on Chinese goods applied.",
)
def us_headline_peak_date() -> Result:
    """The day returned by tariffs.peak("US")."""
    _, day = tariffs.peak("US")
    return Result(day, rows=all_goods_layers(day, "US").rows, as_of=day)


@figure(
    "us-headline-now",
    unit="pct",
    alternatives=("pct_word",),
    resources=("tariff_measures", "sources"),
    definition="US across-the-board duty on Chinese goods on the date the data was last checked, under the legal "
    "texts as written (every layer ended at its legal end date); not confirmed by a source after us-confirmed-date.",
)
def us_headline_now() -> Result:
    """tariffs.headline_rate(data.last_updated(), "US")."""
    return headline_on(data.last_updated(), "US")


@figure(
    "cn-headline-now",
    unit="pct",
    alternatives=("pct_word",),
    resources=("tariff_measures", "sources"),
    definition="China's across-the-board duty on US goods on the date the data was last checked, under the legal "
    "texts as written (every layer ended at its legal end date); not confirmed by a source after cn-confirmed-date.",
)
def cn_headline_now() -> Result:
    """tariffs.headline_rate(data.last_updated(), "CN")."""
    return headline_on(data.last_updated(), "CN")


def confirmed_sources(imposer: str) -> tuple[str, ...]:
    """The sources of ``imposer``'s row in data/tariff_confirmed.csv."""
    frame = data.load("tariff_confirmed")
    return tuple(frame.loc[frame["imposer"] == imposer, "source_ids"].iloc[0])


def confirmed_date(imposer: str) -> Result:
    """tariffs.confirmed_through(imposer): the last day a source describes the side's
    across-the-board duty in force (data/tariff_confirmed.csv), with the layers then in force."""
    day = tariffs.confirmed_through(imposer)
    return Result(day, rows=all_goods_layers(day, imposer).rows, as_of=day, sources=confirmed_sources(imposer))


def headline_confirmed(imposer: str) -> Result:
    """tariffs.headline_rate on tariffs.confirmed_through(imposer): the across-the-board rate on
    the last day a source confirms it."""
    day = tariffs.confirmed_through(imposer)
    return Result(
        tariffs.headline_rate(day, imposer),
        rows=all_goods_layers(day, imposer).rows,
        as_of=day,
        sources=confirmed_sources(imposer),
    )


@figure(
    "quoted-rates-count",
    unit="count",
    resources=("quoted_rates",),
    definition="Number of commonly quoted tariff figures reconciled on the tariff tracker.",
)
def quoted_rates_count() -> Result:
    """len(quoted_rates.csv)."""
    return Result(len(data.load("quoted_rates")))


# Geneva and Busan ------------------------------------------------------------------------------


def geneva_cut(imposer: str) -> float:
    """Points by which ``imposer``'s across-the-board rate fell from its peak to the Geneva rate."""
    peak, _ = tariffs.peak(imposer)
    return peak - tariffs.headline_rate(GENEVA_IN_FORCE, imposer)


@figure(
    "geneva-cut",
    unit="pp",
    resources=("tariff_measures",),
    definition="Points by which each side's across-the-board rate fell from its April 2025 peak once the Geneva deal took effect (14 May 2025); the same for both sides.",
)
def geneva_cut_pp() -> Result:
    """tariffs.peak(side) minus tariffs.headline_rate(2025-05-14, side), for US and CN; fails if they differ."""
    us, cn = geneva_cut("US"), geneva_cut("CN")
    if us != cn:
        raise ValueError(f"the Geneva cuts differ (US {us:g}, CN {cn:g} points): the sentence using geneva-cut needs rewriting")
    rows = all_goods_layers(GENEVA_IN_FORCE, "US").rows + all_goods_layers(GENEVA_IN_FORCE, "CN").rows
    return Result(us, rows=rows, as_of=GENEVA_IN_FORCE)


@figure(
    "geneva-suspended",
    unit="pp",
    resources=("tariff_measures",),
    definition="Points of each side's reciprocal or retaliatory duty suspended for 90 days from 14 May 2025; the same for both sides.",
)
def geneva_suspended_pp() -> Result:
    """rate_pct of the US suspension row (us-ieepa-reciprocal-suspension-24-2025-05-14) and the Chinese one
    (cn-all-goods-suspension-24-2025-05-14); fails if they differ."""
    us = _layer("us-ieepa-reciprocal-suspension-24-2025-05-14")
    cn = _layer("cn-all-goods-suspension-24-2025-05-14")
    if us["rate_pct"] != cn["rate_pct"]:
        raise ValueError(f"the Geneva suspensions differ (US {us['rate_pct']:g}, CN {cn['rate_pct']:g} points)")
    return Result(
        float(us["rate_pct"]), rows=(("tariff_measures", us["id"]), ("tariff_measures", cn["id"])), as_of=GENEVA_IN_FORCE
    )


@figure(
    "geneva-us-reciprocal-retained",
    unit="pct",
    resources=("tariff_measures",),
    definition="The US reciprocal duty on Chinese goods left in force by the Geneva deal (14 May 2025), after the suspension.",
)
def us_reciprocal_after_geneva() -> Result:
    """Net rate of tariff_measures row us-ieepa-reciprocal-34-2025-05-14 on 2025-05-14, less its suspension (tariffs.stack)."""
    layers = tariffs.stack(GENEVA_IN_FORCE, "US", product_class="")
    row = layers[layers["id"] == "us-ieepa-reciprocal-34-2025-05-14"]
    if len(row) != 1:
        raise KeyError("tariff_measures.csv: layer us-ieepa-reciprocal-34-2025-05-14 is not in force on 2025-05-14")
    return Result(
        float(row["net_pct"].iloc[0]),
        rows=(
            ("tariff_measures", "us-ieepa-reciprocal-34-2025-05-14"),
            ("tariff_measures", "us-ieepa-reciprocal-suspension-24-2025-05-14"),
        ),
        as_of=GENEVA_IN_FORCE,
    )


@figure(
    "story-us-fentanyl-cut",
    unit="pp",
    alternatives=("pp_short",),
    resources=("tariff_measures",),
    definition="Cut in the US 'fentanyl' duty agreed at Busan.",
)
def us_fentanyl_cut() -> Result:
    """rate_pct of us-ieepa-fentanyl-2025-03-04 minus rate_pct of us-ieepa-fentanyl-2025-11-10."""
    before = _layer("us-ieepa-fentanyl-2025-03-04")
    after = _layer("us-ieepa-fentanyl-2025-11-10")
    return Result(
        before["rate_pct"] - after["rate_pct"],
        rows=(("tariff_measures", before["id"]), ("tariff_measures", after["id"])),
        as_of=after["effective_from"],
    )
