"""The figures registry: every number the site's prose may state.

Each figure is a function of the validated data, registered with its id, display format,
one-line definition and the data files it reads. Pages cite a figure as
``[145%](fig:us-headline-peak)``; the build and ``checks/`` compare that text with the value
computed here. Add a figure by adding a function below (see CONTRIBUTING.md).
"""

from __future__ import annotations

import datetime as dt

from truce import data
from truce.analysis import events as chronology
from truce.analysis import tariffs
from truce.figures.registry import Result, figure


def all_goods_layers(on: dt.date, imposer: str) -> tuple[tuple[str, str], ...]:
    rows = tariffs.layers_in_force(on, imposer)
    rows = rows[rows["scope"] == "all-goods"]
    return tuple(("tariff_measures", i) for i in rows["id"])


def headline_on(on: dt.date, imposer: str) -> Result:
    """The across-the-board rate of ``imposer`` on ``on``, with the layers it sums."""
    return Result(tariffs.headline_rate(on, imposer), rows=all_goods_layers(on, imposer), as_of=on)


# Tariffs: headline rates (all-goods layers) --------------------------------------------


@figure("us-headline-peak", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="Highest across-the-board additional US duty on Chinese goods (IEEPA layers summed).")
def us_headline_peak() -> Result:
    """Maximum over all change dates of the sum of US all-goods layers in force (tariffs.peak)."""
    rate, day = tariffs.peak("US")
    return Result(rate, rows=all_goods_layers(day, "US"), as_of=day)


@figure("cn-headline-peak", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="Highest across-the-board additional Chinese duty on US goods.")
def cn_headline_peak() -> Result:
    """Maximum over all change dates of the sum of Chinese all-goods layers in force (tariffs.peak)."""
    rate, day = tariffs.peak("CN")
    return Result(rate, rows=all_goods_layers(day, "CN"), as_of=day)


@figure("us-headline-peak-date", unit="date", resources=("tariff_measures",),
        definition="First day the peak US across-the-board duty on Chinese goods applied.")
def us_headline_peak_date() -> Result:
    """The day returned by tariffs.peak("US")."""
    _, day = tariffs.peak("US")
    return Result(day, rows=all_goods_layers(day, "US"), as_of=day)


@figure("us-headline-geneva", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods after the Geneva cut took effect (14 May 2025).")
def us_headline_geneva() -> Result:
    """tariffs.headline_rate(2025-05-14, "US")."""
    return headline_on(dt.date(2025, 5, 14), "US")


@figure("cn-headline-geneva", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="China's across-the-board duty on US goods after the Geneva cut took effect (14 May 2025).")
def cn_headline_geneva() -> Result:
    """tariffs.headline_rate(2025-05-14, "CN")."""
    return headline_on(dt.date(2025, 5, 14), "CN")


@figure("us-headline-busan", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods once the Busan deal took effect (10 November 2025).")
def us_headline_busan() -> Result:
    """tariffs.headline_rate(2025-11-10, "US")."""
    return headline_on(dt.date(2025, 11, 10), "US")


@figure("cn-headline-busan", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="China's across-the-board duty on US goods once the Busan deal took effect (10 November 2025).")
def cn_headline_busan() -> Result:
    """tariffs.headline_rate(2025-11-10, "CN")."""
    return headline_on(dt.date(2025, 11, 10), "CN")


@figure("us-headline-now", unit="pct", alternatives=("pct_word",), resources=("tariff_measures", "sources"),
        definition="US across-the-board duty on Chinese goods on the date the data was last checked.")
def us_headline_now() -> Result:
    """tariffs.headline_rate(data.last_updated(), "US")."""
    return headline_on(data.last_updated(), "US")


@figure("cn-headline-now", unit="pct", alternatives=("pct_word",), resources=("tariff_measures", "sources"),
        definition="China's across-the-board duty on US goods on the date the data was last checked.")
def cn_headline_now() -> Result:
    """tariffs.headline_rate(data.last_updated(), "CN")."""
    return headline_on(data.last_updated(), "CN")


@figure("data-last-checked", unit="date", resources=("sources",),
        definition="The newest date on which a source in data/sources.csv was read.")
def data_last_checked() -> Result:
    """max(sources.accessed)."""
    return Result(data.last_updated())


# Chronology -----------------------------------------------------------------------------


@figure("events-count", unit="count", resources=("events",),
        definition="Number of events in the chronology.")
def events_count() -> Result:
    """len(events.csv)."""
    return Result(len(data.load("events")))


@figure("events-primary-share", unit="pct", resources=("events", "sources"),
        definition="Share of 2025–2026 chronology events with at least one primary document, "
                   "read on the issuing body's site or as a full-text copy.")
def events_primary_share() -> Result:
    """chronology.primary_share(from 2025-01-01), rounded to a whole percent."""
    return Result(round(chronology.primary_share(dt.date(2025, 1, 1)) * 100))


@figure("events-official-site-share", unit="pct", resources=("events", "sources"),
        definition="Share of 2025–2026 chronology events with a primary document read on the issuing body's own site.")
def events_official_site_share() -> Result:
    """chronology.primary_share(from 2025-01-01, kinds={primary}), rounded to a whole percent."""
    return Result(round(chronology.primary_share(dt.date(2025, 1, 1), kinds=frozenset({"primary"})) * 100))


# Tariffs: stacks and the 2026 picture ---------------------------------------------------


def _stack_on(on: dt.date, imposer: str, product_class: str) -> Result:
    rows = tariffs.stack(on, imposer, product_class)
    return Result(tariffs.stack_rate(on, imposer, product_class), rows=tuple(("tariff_measures", i) for i in rows["id"]), as_of=on)


@figure("us-stack-list3-june-2025", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="All US duties on a Chinese good on Section 301 List 3 on 11 June 2025.")
def us_stack_list3_june_2025() -> Result:
    """tariffs.stack_rate(2025-06-11, "US", "section-301-list-3"): Section 301 plus the IEEPA layers."""
    return _stack_on(dt.date(2025, 6, 11), "US", "section-301-list-3")


@figure("us-stack-syringes-april-2025", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="All US duties on Chinese syringes and needles (100% Section 301 class) on 15 April 2025.")
def us_stack_syringes_april_2025() -> Result:
    """tariffs.stack_rate(2025-04-15, "US", "s301-4yr-syringes-needles")."""
    return _stack_on(dt.date(2025, 4, 15), "US", "s301-4yr-syringes-needles")


@figure("us-headline-before-ruling", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods on 23 February 2026, the last day IEEPA duties were collected.")
def us_headline_before_ruling() -> Result:
    """tariffs.headline_rate(2026-02-23, "US")."""
    return headline_on(dt.date(2026, 2, 23), "US")


@figure("us-headline-section-122", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods while the Section 122 surcharge applied (from 24 February 2026).")
def us_headline_section_122() -> Result:
    """tariffs.headline_rate(2026-02-24, "US")."""
    return headline_on(dt.date(2026, 2, 24), "US")


@figure("quoted-rates-count", unit="count", resources=("quoted_rates",),
        definition="Number of commonly quoted tariff figures reconciled on the tariff tracker.")
def quoted_rates_count() -> Result:
    """len(quoted_rates.csv)."""
    return Result(len(data.load("quoted_rates")))


@figure("cn-suspended-points", unit="number", resources=("tariff_measures",),
        definition="Points of China's across-the-board duty suspended under the Geneva and Busan arrangements.")
def cn_suspended_points() -> Result:
    """rate_pct of the suspension row cn-all-goods-suspension-24-2025-05-14."""
    row = data.load("tariff_measures").set_index("id").loc["cn-all-goods-suspension-24-2025-05-14"]
    return Result(row["rate_pct"], rows=(("tariff_measures", "cn-all-goods-suspension-24-2025-05-14"),))


@figure("cn-retained-rate", unit="number", resources=("tariff_measures",),
        definition="China's across-the-board duty rate before its suspension (Announcement 2025 No. 4 level, kept after Geneva).")
def cn_retained_rate() -> Result:
    """rate_pct of the layer cn-all-goods-34-2025-05-14."""
    row = data.load("tariff_measures").set_index("id").loc["cn-all-goods-34-2025-05-14"]
    return Result(row["rate_pct"], rows=(("tariff_measures", "cn-all-goods-34-2025-05-14"),))
