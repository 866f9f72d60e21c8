"""The figures registry: every number the site's prose may state.

Each figure is a function of the validated data, registered with its id, display format,
one-line definition and the data files it reads. Pages cite a figure as
``[145%](fig:us-headline-peak)``; the build and ``checks/`` compare that text with the value
computed here. Add a figure by adding a function below (see CONTRIBUTING.md).
"""

from __future__ import annotations

import datetime as dt

from truce import chronology, data, tariffs
from truce.registry import Result, figure


def _layers(on: dt.date, imposer: str) -> tuple[tuple[str, str], ...]:
    rows = tariffs.layers_in_force(on, imposer)
    rows = rows[rows["scope"] == "all-goods"]
    return tuple(("tariff_measures", i) for i in rows["id"])


def _headline_on(on: dt.date, imposer: str) -> Result:
    return Result(tariffs.headline_rate(on, imposer), rows=_layers(on, imposer), as_of=on)


# Tariffs: headline rates (all-goods layers) --------------------------------------------


@figure("us-headline-peak", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="Highest across-the-board additional US duty on Chinese goods (IEEPA layers summed).")
def us_headline_peak() -> Result:
    """Maximum over all change dates of the sum of US all-goods layers in force (tariffs.peak)."""
    rate, day = tariffs.peak("US")
    return Result(rate, rows=_layers(day, "US"), as_of=day)


@figure("cn-headline-peak", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="Highest across-the-board additional Chinese duty on US goods.")
def cn_headline_peak() -> Result:
    """Maximum over all change dates of the sum of Chinese all-goods layers in force (tariffs.peak)."""
    rate, day = tariffs.peak("CN")
    return Result(rate, rows=_layers(day, "CN"), as_of=day)


@figure("us-headline-peak-date", unit="date", resources=("tariff_measures",),
        definition="First day the peak US across-the-board duty on Chinese goods applied.")
def us_headline_peak_date() -> Result:
    """The day returned by tariffs.peak("US")."""
    _, day = tariffs.peak("US")
    return Result(day, rows=_layers(day, "US"), as_of=day)


@figure("us-headline-geneva", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods after the Geneva cut took effect (14 May 2025).")
def us_headline_geneva() -> Result:
    """tariffs.headline_rate(2025-05-14, "US")."""
    return _headline_on(dt.date(2025, 5, 14), "US")


@figure("cn-headline-geneva", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="China's across-the-board duty on US goods after the Geneva cut took effect (14 May 2025).")
def cn_headline_geneva() -> Result:
    """tariffs.headline_rate(2025-05-14, "CN")."""
    return _headline_on(dt.date(2025, 5, 14), "CN")


@figure("us-headline-busan", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods once the Busan deal took effect (10 November 2025).")
def us_headline_busan() -> Result:
    """tariffs.headline_rate(2025-11-10, "US")."""
    return _headline_on(dt.date(2025, 11, 10), "US")


@figure("cn-headline-busan", unit="pct", alternatives=("pct_word",), resources=("tariff_measures",),
        definition="China's across-the-board duty on US goods once the Busan deal took effect (10 November 2025).")
def cn_headline_busan() -> Result:
    """tariffs.headline_rate(2025-11-10, "CN")."""
    return _headline_on(dt.date(2025, 11, 10), "CN")


@figure("us-headline-now", unit="pct", alternatives=("pct_word",), resources=("tariff_measures", "sources"),
        definition="US across-the-board duty on Chinese goods on the date the data was last checked.")
def us_headline_now() -> Result:
    """tariffs.headline_rate(data.last_updated(), "US")."""
    return _headline_on(data.last_updated(), "US")


@figure("cn-headline-now", unit="pct", alternatives=("pct_word",), resources=("tariff_measures", "sources"),
        definition="China's across-the-board duty on US goods on the date the data was last checked.")
def cn_headline_now() -> Result:
    """tariffs.headline_rate(data.last_updated(), "CN")."""
    return _headline_on(data.last_updated(), "CN")


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
        definition="Share of 2025–2026 chronology events with at least one primary source.")
def events_primary_share() -> Result:
    """chronology.primary_share(from 2025-01-01), rounded to a whole percent."""
    return Result(round(chronology.primary_share(dt.date(2025, 1, 1)) * 100))
