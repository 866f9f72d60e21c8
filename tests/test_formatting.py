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


@pytest.mark.parametrize(
    "value, unit, decimals, expected",
    [
        (145, "pct", 0, "145%"),
        (24, "pp", 0, "24个百分点"),
        (312, "usd_bn", 0, "3120亿美元"),
        (1250, "usd_bn", 0, "1.25万亿美元"),
        (12, "mmt", 0, "1200万吨"),
        (332000, "tonnes", 0, "33.2万吨"),
        (6357, "tonnes", 0, "6357吨"),
        (57392, "tonnes", 0, "57,392吨"),
        (2.5, "times", 1, "2.5倍"),
    ],
)
def test_chinese_formats(value, unit, decimals, expected):
    assert format_value(value, unit, decimals, lang="zh") == expected


def test_chinese_dates():
    import datetime as dt

    assert format_value(dt.date(2025, 4, 2), "date", 0, lang="zh") == "2025年4月2日"
    assert format_value(dt.date(2025, 5, 1), "month", 0, lang="zh") == "2025年5月"
