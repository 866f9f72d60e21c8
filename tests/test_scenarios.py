"""Tariff scenarios (truce.analysis.scenarios): the rows each removes, the rates and averages
without them, the series the charts draw, and the switch on the page."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from truce.analysis import products, scenarios, tariffs
from truce.figures import products as averages

D = dt.date.fromisoformat


# Which rows each scenario removes (the documentation on the page lists these) ------------------

REMOVED = [
    ("no-geneva", {"us-ieepa-reciprocal-suspension-24-2025-05-14", "cn-all-goods-suspension-24-2025-05-14"}),
    ("no-122", {"us-s122-2026-02-24", "us-s122-15pct-announced-2026-02-24"}),
]


@pytest.mark.parametrize("sid,expected", REMOVED, ids=[r[0] for r in REMOVED])
def test_explicit_rows_are_removed_exactly(sid, expected):
    assert set(scenarios.removed_ids(sid)) == expected


def test_no_ieepa_removes_every_ieepa_row_of_the_us_and_nothing_else():
    m = tariffs.measures()
    ieepa = set(m.loc[m["id"].str.contains("ieepa") & (m["imposer"] == "US"), "id"])
    assert set(scenarios.removed_ids("no-ieepa")) == ieepa
    assert "us-ieepa-reciprocal-suspension-24-2025-05-14" in ieepa and len(ieepa) == 9


def test_no_301_removes_only_section_301_rows():
    removed = scenarios.removed_ids("no-301")
    assert removed and all(i.startswith("us-s301-") for i in removed)
    assert len(scenarios.scenario_measures("no-301")) == len(tariffs.measures()) - len(removed)


# Rates and averages ------------------------------------------------------------------------------


def test_no_ieepa_headline_is_the_headline_less_the_ieepa_layers():
    day = D("2025-04-10")
    layers = tariffs.stack(day, "US", "")
    ieepa = layers.loc[(layers["scope"] == "all-goods") & layers["id"].str.contains("ieepa"), "net_pct"].sum()
    assert ieepa == 145
    assert scenarios.scenario_rate("no-ieepa", "headline", "US", day) == tariffs.headline_rate(day, "US") - ieepa == 0


@pytest.mark.parametrize("day", ["2019-06-01", "2025-04-12", "2025-05-14", "2026-07-03"])
def test_no_301_leaves_the_headline_and_lowers_the_average(day):
    day = D(day)
    assert scenarios.scenario_rate("no-301", "headline", "US", day) == tariffs.headline_rate(day, "US")
    assert scenarios.scenario_rate("no-301", "average", "US", day) < products.average_rate(day, "US") - 5


CASES = [
    # scenario, measure, side, day, expected, why
    ("no-geneva", "headline", "US", "2025-05-14", 54.0, "reciprocal 34 + fentanyl 20, nothing suspended"),
    ("no-geneva", "headline", "CN", "2025-05-14", 34.0, "China keeps all 34 points of Announcement No. 4"),
    ("no-geneva", "headline", "US", "2025-11-10", 44.0, "reciprocal 34 + fentanyl cut to 10"),
    ("no-geneva", "headline", "US", "2026-03-01", 10.0, "IEEPA duties ended 24 Feb 2026: the Section 122 surcharge alone"),
    ("no-122", "headline", "US", "2026-03-01", 0.0, "no all-goods layer left after the IEEPA duties ended"),
    ("no-122", "headline", "US", "2025-05-14", 30.0, "before 24 Feb 2026 nothing changes"),
    ("actual", "headline", "US", "2025-05-14", 30.0, "the actual layers"),
]


@pytest.mark.parametrize("sid,measure,side,day,expected,why", CASES, ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in CASES])
def test_scenario_rates_on_known_days(sid, measure, side, day, expected, why):
    assert scenarios.scenario_rate(sid, measure, side, D(day)) == pytest.approx(expected), why


def test_actual_is_the_public_average_and_the_public_api_is_unchanged():
    import truce

    day = D("2025-05-14")
    assert scenarios.scenario_rate("actual", "average", "US", day) == products.average_rate(day, "US")
    assert products.average_in(products.tables(), day, "CN") == truce.average_rate(day, "CN")
    assert truce.additional_duty is products.additional_duty


def test_scenario_tables_share_the_lists_and_their_membership_cache():
    base, t = products.tables(), scenarios.scenario_tables("no-301")
    assert t is not base and t.codes_by_list is base.codes_by_list and t.lists is base.lists
    assert products._Key(t) == products._Key(base) and hash(products._Key(t)) == hash(products._Key(base))
    assert len(t.measures) < len(base.measures)
    assert scenarios.scenario_tables("no-301") is t  # cached


def test_unknown_scenario_and_measure_are_explained():
    with pytest.raises(KeyError, match='no scenario "no-wto" in data/tariff_scenarios.csv — use one of: no-ieepa'):
        scenarios.scenario_rate("no-wto", "average", "US", D("2025-05-14"))
    with pytest.raises(ValueError, match="measure must be one of"):
        scenarios.scenario_rate("no-301", "median", "US", D("2025-05-14"))


# The series the charts draw ----------------------------------------------------------------------


def test_series_is_tidy_and_the_actual_lines_match_the_published_ones():
    s = scenarios.scenario_series("no-geneva")
    assert list(s.columns) == ["date", "imposer", "measure", "scenario", "value", "state"]
    assert set(s["scenario"]) == {"actual", "no-geneva"} and set(s["measure"]) == {"headline", "average"}
    actual = s[(s["scenario"] == "actual") & (s["measure"] == "average")]
    published = tariffs.with_confirmation(averages.average_series())
    for side in ("US", "CN"):
        mine = actual[actual["imposer"] == side].set_index("date")["value"]
        theirs = published[published["imposer"] == side].set_index("date")["average_pct"]
        assert mine.round(6).to_dict() == theirs.round(6).to_dict()
    headline = s[(s["scenario"] == "actual") & (s["measure"] == "headline")]
    assert all(v == tariffs.headline_rate(d, i) for d, i, v in headline[["date", "imposer", "value"]].itertuples(index=False))


def test_series_marks_the_days_no_source_confirms():
    s = scenarios.scenario_series("no-122")
    for side in ("US", "CN"):
        until = tariffs.confirmed_through(side)
        rows = s[s["imposer"] == side]
        assert (rows.loc[rows["date"] <= until, "state"] == tariffs.SOURCED).all()
        assert (rows.loc[rows["date"] > until, "state"] != tariffs.SOURCED).all()


def test_a_side_the_scenario_leaves_alone_equals_its_actual_lines():
    s = scenarios.scenario_series("no-301")
    cn = s[s["imposer"] == "CN"]
    a = cn[cn["scenario"] == "actual"].drop(columns="scenario").reset_index(drop=True)
    b = cn[cn["scenario"] == "no-301"].drop(columns="scenario").reset_index(drop=True)
    assert a.equals(b)


# The switch on the page --------------------------------------------------------------------------


def test_the_switch_is_one_fieldset_of_labelled_radios_and_every_panel_says_scenario():
    from truce.blocks import tariffs as blocks

    html = blocks.scenarios_block()
    ids = list(scenarios.scenarios()["id"])
    assert html.count("<fieldset") == 1 and html.count("<legend>") == 1
    radios = re.findall(r'<input type="radio" name="scenario" id="scenario-pick-([a-z0-9-]+)"', html)
    assert radios == ids
    assert all(f'<label for="scenario-pick-{i}">' in html for i in ids)
    assert len(re.findall(r"<input[^>]* checked>", html)) == 1
    assert html.count('class="scenario-panel"') == len(ids) <= blocks.SCENARIO_LIMIT
    assert html.count("not what happened.</strong>") == len(ids)
    assert all(f'id="chart-scenario-{i}"' in html for i in ids)
