"""Formatting helpers: one table of cases."""

import datetime as dt

import pytest

from truce.figures.formatting import format_value

CASES = [
    (145.0, "pct", 0, "145%"),
    (47.5, "pct", 1, "47.5%"),
    (145.0, "pct_word", 0, "145 percent"),
    (24.0, "pp", 0, "24 percentage points"),
    (24.0, "pp_short", 0, "24 pp"),
    (12.345, "usd_bn", 1, "$12.3 billion"),
    (57392.0, "tonnes", 0, "57,392 tonnes"),
    (12.0, "mmt", 0, "12 million tonnes"),
    (103, "count", 0, "103"),
    (dt.date(2025, 4, 10), "date", 0, "10 April 2025"),
    (dt.date(2025, 4, 10), "month", 0, "April 2025"),
    (-0.0, "pct", 0, "0%"),
]


@pytest.mark.parametrize("value,kind,decimals,expected", CASES)
def test_format_value(value, kind, decimals, expected):
    assert format_value(value, kind, decimals) == expected


def test_unknown_format_raises():
    with pytest.raises(KeyError, match='unknown format "furlongs"'):
        format_value(1, "furlongs")


def test_nan_raises():
    with pytest.raises(ValueError):
        format_value(float("nan"), "pct")
