"""Tariff stacking: the real turning points, and properties that must hold for any layers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truce.analysis import tariffs

D = dt.date

# Real across-the-board rates on unambiguous days (effective dates per the legal texts).
TURNING_POINTS = [
    ("US", D(2025, 1, 31), 0),
    ("US", D(2025, 2, 4), 10),
    ("US", D(2025, 3, 4), 20),
    ("US", D(2025, 4, 5), 30),
    ("US", D(2025, 4, 9), 104),
    ("US", D(2025, 4, 10), 145),
    ("US", D(2025, 5, 13), 145),
    ("US", D(2025, 5, 14), 30),
    ("US", D(2025, 8, 12), 30),
    ("US", D(2025, 11, 9), 30),
    ("US", D(2025, 11, 10), 20),
    ("US", D(2026, 2, 23), 20),
    ("US", D(2026, 2, 24), 10),
    ("US", D(2026, 7, 23), 10),
    ("CN", D(2025, 4, 9), 0),
    ("CN", D(2025, 4, 10), 84),
    ("CN", D(2025, 4, 11), 84),
    ("CN", D(2025, 4, 12), 125),
    ("CN", D(2025, 5, 13), 125),
    ("CN", D(2025, 5, 14), 10),
    ("CN", D(2025, 11, 10), 10),
]


@pytest.mark.parametrize("imposer,day,expected", TURNING_POINTS, ids=[f"{i}-{d}" for i, d, _ in TURNING_POINTS])
def test_headline_rate_on_real_turning_points(imposer, day, expected):
    assert tariffs.headline_rate(day, imposer) == expected


def test_june_2025_stack_explains_55_percent():
    # A good on Section 301 List 3 in June 2025: 25 (s.301) + 20 (fentanyl) + 10 (reciprocal).
    assert tariffs.stack_rate(D(2025, 6, 15), "US", "section-301-list-3") == 55


def test_threatened_100_percent_never_counts():
    assert tariffs.headline_rate(D(2025, 11, 1), "US") == 30


def test_unknown_imposer_raises():
    with pytest.raises(ValueError, match="imposer must be one of"):
        tariffs.headline_rate(D(2025, 1, 1), "EU")


# Properties on generated layers ------------------------------------------------------------

BASE = D(2025, 1, 1)


def _frame(rows: list[dict]) -> pd.DataFrame:
    cols = [
        "id",
        "imposer",
        "instrument",
        "scope",
        "product_class",
        "coverage",
        "rate_pct",
        "effective_from",
        "effective_to",
        "status",
        "suspends",
        "event_id",
        "source_ids",
        "note",
    ]
    full = [{**{c: "" for c in cols}, **r} for r in rows]
    return pd.DataFrame(full, columns=cols)


layer = st.fixed_dictionaries(
    {
        "start": st.integers(0, 300),
        "length": st.one_of(st.none(), st.integers(1, 200)),
        "rate": st.sampled_from([0, 5, 7.5, 10, 20, 24, 25, 34, 84, 125]),
        "scope": st.sampled_from(["all-goods", "product-specific"]),
        "status": st.sampled_from(["in-force", "ended", "superseded", "threatened", "struck-down"]),
    }
)


@st.composite
def layer_tables(draw):
    specs = draw(st.lists(layer, min_size=1, max_size=6))
    rows = []
    for i, s in enumerate(specs):
        start = BASE + dt.timedelta(days=s["start"])
        end = None if s["length"] is None else start + dt.timedelta(days=s["length"])
        product_class = "p" if s["scope"] != "all-goods" else ""
        rows.append(
            {
                "id": f"l{i}",
                "imposer": "US",
                "scope": s["scope"],
                "product_class": product_class,
                "rate_pct": float(s["rate"]),
                "effective_from": start,
                "effective_to": end,
                "status": s["status"],
            }
        )
    # optionally suspend part of the first layer for a while
    if draw(st.booleans()):
        first = rows[0]
        s_start = first["effective_from"] + dt.timedelta(days=draw(st.integers(0, 30)))
        rows.append(
            {
                "id": "s0",
                "imposer": "US",
                "scope": first["scope"],
                "rate_pct": float(draw(st.integers(0, 200))),
                "effective_from": s_start,
                "effective_to": s_start + dt.timedelta(days=draw(st.integers(1, 60))),
                "status": "suspended",
                "suspends": "l0",
            }
        )
    return _frame(rows)


days = st.integers(0, 700).map(lambda n: BASE + dt.timedelta(days=n))


@settings(max_examples=150, deadline=None)
@given(layer_tables(), days)
def test_rate_is_never_negative(table, day):
    assert tariffs.headline_rate(day, "US", table) >= 0
    assert tariffs.stack_rate(day, "US", "p", table) >= 0


# each example computes the rate on every change date (about a second per ten examples)
@settings(max_examples=40, deadline=None)
@given(layer_tables())
def test_rate_is_piecewise_constant_between_change_dates(table):
    changes = tariffs.change_dates("US", table)
    for a, b in zip(changes, changes[1:], strict=False):
        mid = a + (b - a) / 2
        assert tariffs.headline_rate(a, "US", table) == tariffs.headline_rate(mid, "US", table)
        assert tariffs.headline_rate(b - dt.timedelta(days=1), "US", table) == tariffs.headline_rate(a, "US", table)


@settings(max_examples=100, deadline=None)
@given(layer_tables(), days)
def test_threatened_layers_never_count(table, day):
    without = table[table["status"] != "threatened"]
    assert tariffs.headline_rate(day, "US", table) == tariffs.headline_rate(day, "US", without)


@settings(max_examples=100, deadline=None)
@given(layer_tables(), days)
def test_suspension_lowers_the_rate_only_while_it_runs(table, day):
    suspensions = table[table["suspends"] != ""]
    without = table[table["suspends"] == ""]
    with_s, no_s = tariffs.headline_rate(day, "US", table), tariffs.headline_rate(day, "US", without)
    assert with_s <= no_s
    running = any(r["effective_from"] <= day < r["effective_to"] for r in suspensions.to_dict("records"))
    if not running:
        assert with_s == no_s


def test_layer_counts_from_start_until_the_day_before_its_end():
    table = _frame(
        [
            {
                "id": "a",
                "imposer": "CN",
                "scope": "all-goods",
                "rate_pct": 10.0,
                "effective_from": D(2025, 5, 14),
                "effective_to": D(2025, 6, 1),
                "status": "ended",
            }
        ]
    )
    days = (D(2025, 5, 13), D(2025, 5, 14), D(2025, 5, 31), D(2025, 6, 1))
    assert [tariffs.headline_rate(d, "CN", table) for d in days] == [0, 10, 10, 0]


# One rule for both sides: layers end at their legal end; after the confirmed date, "no source".

CONFIRMED = pd.DataFrame({"imposer": ["US", "CN"], "confirmed_through": [D(2026, 7, 3), D(2026, 5, 20)]})


def test_suspensions_end_at_their_legal_end_on_both_sides():
    # China's one-year suspension ended on 10 Nov 2026 as the US surcharge ended on 24 Jul 2026
    assert tariffs.headline_rate(D(2026, 11, 9), "CN") == 10
    assert tariffs.headline_rate(D(2026, 11, 10), "CN") == 34
    assert tariffs.headline_rate(D(2026, 7, 24), "US") == 0


def test_points_after_the_confirmed_date_are_marked_and_the_boundary_is_added():
    series = pd.DataFrame(
        {"date": [D(2026, 1, 1), D(2026, 11, 10), D(2026, 12, 4)], "imposer": "CN", "rate_pct": [10.0, 34.0, 34.0]}
    )
    marked = tariffs.with_confirmation(series, CONFIRMED)
    assert list(marked["date"]) == [D(2026, 1, 1), D(2026, 5, 20), D(2026, 11, 10), D(2026, 12, 4)]
    assert list(marked["rate_pct"]) == [10, 10, 34, 34]  # the added point carries the step in force then
    assert list(marked["state"]) == ["sourced", "sourced", "no source after 20 May 2026", "no source after 20 May 2026"]
    drawn = tariffs.split_at_confirmation(marked)
    # the unconfirmed part starts where the sourced part ends, so the line is continuous
    assert list(drawn.loc[drawn["part"] == "unconfirmed", "date"]) == [D(2026, 5, 20), D(2026, 11, 10), D(2026, 12, 4)]


def test_a_side_without_a_confirmed_date_is_an_error():
    with pytest.raises(ValueError, match='has 0 rows for imposer "CN" — add exactly one row per side'):
        tariffs.confirmed_through("CN", CONFIRMED[CONFIRMED["imposer"] == "US"])
