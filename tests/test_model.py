"""The escalation model (truce.model), its charts and the leverage matrix."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truce import charts, data
from truce.analysis import model
from truce.charts import model as model_charts


@pytest.fixture(scope="module")
def cal():
    return model.calibrate()


# The leverage matrix ----------------------------------------------------------------------


def test_both_tariff_levers_exist():
    ids = set(data.load("leverage")["id"])
    assert set(model.TARIFF_LEVERS.values()) <= ids
    assert model.CALIBRATION_LEVER in ids


# Trade ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sigma", [0.5, 1.0, model.SIGMA, 6.0])
def test_zero_tariff_leaves_trade_unchanged(sigma):
    assert model.trade_remaining(0.0, sigma) == 1.0
    assert model.lost_trade(438.7, 0.0, sigma) == 0.0
    assert model.importer_loss(438.7, 0.0, sigma) == 0.0


@settings(max_examples=200, deadline=None)
@given(low=st.floats(0, 5), extra=st.floats(0, 5), sigma=st.floats(0.1, 8))
def test_higher_tariffs_never_raise_trade(low, extra, sigma):
    assert model.trade_remaining(low + extra, sigma) <= model.trade_remaining(low, sigma)


@settings(max_examples=200, deadline=None)
@given(tariff=st.floats(0.001, 5), sigma=st.floats(0.1, 8))
def test_importer_loss_is_positive_and_below_lost_value(tariff, sigma):
    loss = model.importer_loss(100.0, tariff, sigma)
    assert 0 < loss < 100.0 * tariff


def test_negative_inputs_are_refused():
    with pytest.raises(ValueError):
        model.trade_remaining(-0.1)
    with pytest.raises(ValueError):
        model.trade_remaining(0.5, 0)


def test_trade_is_summed_within_one_complete_vintage():
    table = pd.DataFrame(
        {
            "month": [f"2024-{m:02d}" for m in range(1, 13)] + ["2024-01"],
            "exports_usd_m": [1000.0] * 12 + [9999.0],
            "imports_usd_m": [3000.0] * 12 + [9999.0],
            "vintage": ["full"] * 12 + ["partial"],
        }
    )
    table = table.assign(balance_usd_m=table["exports_usd_m"] - table["imports_usd_m"], source_ids=[("s",)] * len(table))
    trade = model.trade_in(2024, table)
    assert (trade.exports_bn, trade.imports_bn, trade.vintage) == (12.0, 36.0, "full")


def test_a_year_without_a_complete_vintage_is_an_error():
    table = pd.DataFrame(
        {
            "month": ["2024-01"],
            "exports_usd_m": [1.0],
            "imports_usd_m": [1.0],
            "balance_usd_m": [0.0],
            "vintage": ["v"],
            "source_ids": [("s",)],
        }
    )
    with pytest.raises(ValueError, match="no vintage covers every month of 2024"):
        model.trade_in(2024, table)


def test_calibration_uses_2024_trade_and_the_peak_tariffs(cal):
    trade = model.trade_in(2024)
    assert (cal.imports_us, cal.exports_us) == (trade.imports_bn, trade.exports_bn)
    assert cal.imports_us > cal.exports_us > 0
    assert 0 < cal.tariff_cn <= cal.tariff_us


# The one-shot game ------------------------------------------------------------------------


def test_calibrated_payoffs_form_a_prisoners_dilemma(cal):
    for side, p in model.payoffs(cal).items():
        assert p.T > p.R > p.P > p.S, f"{side}: {p}"
        assert 2 * p.R > p.T + p.S, f"{side}: taking turns must not beat mutual restraint"


def test_theta_band_brackets_the_dilemma(cal):
    low, high = model.theta_band(cal)
    assert low < cal.theta < high
    for theta, expected in ((low - 0.02, False), ((low + high) / 2, True), (high + 0.02, False)):
        pays = model.payoffs(cal.with_(theta=theta))
        assert all(p.is_prisoners_dilemma() for p in pays.values()) is expected, theta


def test_no_rivalry_means_no_temptation(cal):
    for p in model.payoffs(cal.with_(theta=0.0)).values():
        assert p.T < p.R


def test_each_lever_costs_its_user(cal):
    for h in model.harms(cal).values():
        assert h.tariff_cost > 0 and h.chokepoint_cost > 0
        assert h.harm > h.cost


@pytest.mark.parametrize("theta", [0.55, 0.6, 0.65])
def test_balance_thresholds_match_the_payoffs(cal, theta):
    c = cal.with_(theta=theta)
    h = model.harms(c)
    b = model.balance(c)
    d_us, d_cn = model.thresholds_at_balance(b, theta, h["US"].cost_ratio, h["CN"].cost_ratio)
    p = model.payoffs(c)
    assert d_us == pytest.approx(model.threshold(p["US"]))
    assert d_cn == pytest.approx(model.threshold(p["CN"]))


# The repeated game ------------------------------------------------------------------------


@pytest.mark.parametrize("theta", [0.5, 0.6, 0.7])
def test_threshold_formula_matches_brute_force_grim_trigger(cal, theta):
    for side, p in model.payoffs(cal.with_(theta=theta)).items():
        star = model.threshold(p)
        assert 0 < star < 1
        for delta in [k / 100 for k in range(1, 100)]:
            if abs(delta - star) < 1e-6:
                continue
            assert model.grim_sustains(p, delta) == (delta >= star), (side, theta, delta, star)


def test_grim_trigger_never_sustains_restraint_without_a_dilemma():
    p = model.Payoffs(R=0.0, S=-5.0, T=3.0, P=1.0)  # mutual escalation beats restraint
    assert model.threshold(p) > 1
    assert not any(model.grim_sustains(p, d / 10) for d in range(1, 10))


def test_strategies_respond_to_the_other_side():
    other = [model.ESCALATE, model.RESTRAIN, model.RESTRAIN, model.ESCALATE, model.RESTRAIN]
    assert model.respond(model.tit_for_tat, other) == [model.RESTRAIN] + other[:-1]
    assert model.respond(model.grim_trigger, other) == [model.RESTRAIN] + [model.ESCALATE] * 4
    always_forgive = model.respond(model.generous_tit_for_tat(1.0), other)
    assert always_forgive == [model.RESTRAIN] * 5


def test_generosity_is_a_probability(cal):
    for p in model.payoffs(cal).values():
        assert 0 <= model.generosity(p) <= 1


def test_simulations_are_reproducible_with_a_seed(cal):
    p = model.payoffs(cal)
    gtft = model.strategies(cal)["Generous tit-for-tat"]
    a = model.play_pair(gtft, gtft, p["US"], p["CN"], rounds=300, seed=7)
    b = model.play_pair(gtft, gtft, p["US"], p["CN"], rounds=300, seed=7)
    c = model.play_pair(gtft, gtft, p["US"], p["CN"], rounds=300, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)
    assert model.respond(gtft, [model.ESCALATE] * 20, seed=3) == model.respond(gtft, [model.ESCALATE] * 20, seed=3)


def test_forgiveness_beats_grim_trigger_under_noise(cal):
    p = model.payoffs(cal)
    s = model.strategies(cal)
    share = {name: model.mutual_restraint_share(model.play_pair(f, f, p["US"], p["CN"], rounds=1000)) for name, f in s.items()}
    assert share["Generous tit-for-tat"] > share["Tit-for-tat"] > share["Grim trigger"]


# The 2025 sequence ------------------------------------------------------------------------


def _events(rows):
    return pd.DataFrame([{"id": f"e{i}", "date": d, "actor": a, "direction": k} for i, (d, a, k) in enumerate(rows)])


def test_moves_rule():
    events = _events(
        [
            (dt.date(2025, 1, 5), "US", "escalation"),
            (dt.date(2025, 2, 3), "CN", "escalation"),
            (dt.date(2025, 2, 9), "both", "de-escalation"),
            (dt.date(2025, 3, 1), "CN", "escalation"),
            (dt.date(2025, 3, 2), "both", "de-escalation"),
            (dt.date(2025, 3, 3), "both", "de-escalation"),
            (dt.date(2025, 4, 1), "US", "neutral"),
        ]
    )
    moves = model.moves_2025(events).set_index(["month", "side"])["move"]
    assert moves[(dt.date(2025, 1, 1), "US")] == model.ESCALATE
    assert moves[(dt.date(2025, 1, 1), "CN")] == model.RESTRAIN
    assert moves[(dt.date(2025, 2, 1), "CN")] == model.ESCALATE  # a tie counts as escalation
    assert moves[(dt.date(2025, 3, 1), "CN")] == model.RESTRAIN  # talks outweigh one step
    assert moves[(dt.date(2025, 4, 1), "US")] == model.RESTRAIN  # neutral steps do not count


def test_key_steps_outweigh_ordinary_ones():
    events = _events(
        [
            (dt.date(2025, 5, 12), "both", "de-escalation"),  # key: a Geneva-like cut
            (dt.date(2025, 5, 13), "US", "escalation"),
            (dt.date(2025, 5, 23), "US", "escalation"),
            (dt.date(2025, 5, 28), "US", "escalation"),
            (dt.date(2025, 9, 29), "US", "escalation"),  # key: an affiliates-rule-like step
            (dt.date(2025, 9, 20), "both", "de-escalation"),
            (dt.date(2025, 9, 21), "both", "de-escalation"),
        ]
    ).assign(key=[True, False, False, False, True, False, False])
    moves = model.moves_2025(events).set_index(["month", "side"])["move"]
    assert moves[(dt.date(2025, 5, 1), "US")] == model.RESTRAIN  # three ordinary steps do not outweigh the key cut
    assert moves[(dt.date(2025, 9, 1), "US")] == model.ESCALATE  # two talks do not outweigh a key escalation
    without_flag = model.moves_2025(events.assign(key=False)).set_index(["month", "side"])["move"]
    assert without_flag[(dt.date(2025, 5, 1), "US")] == model.ESCALATE  # counting steps alone says escalate


def test_month_of_geneva_is_coded_restraint_by_both():
    moves = model.moves_2025().set_index(["month", "side"])["move"]
    assert moves[(dt.date(2025, 5, 1), "US")] == model.RESTRAIN
    assert moves[(dt.date(2025, 5, 1), "CN")] == model.RESTRAIN
    assert moves[(dt.date(2025, 4, 1), "US")] == model.ESCALATE


def test_real_2025_sequence_has_twelve_months_per_side():
    moves = model.moves_2025()
    assert len(moves) == 24
    assert set(moves["move"]) <= {model.ESCALATE, model.RESTRAIN}


def test_shown_leverage_only_grows_through_2025():
    shown = model.shown_strengths(2025)
    for side in ("strength_us", "strength_cn"):
        assert shown[side].is_monotonic_increasing
    assert shown["strength_cn"].iloc[-1] == pytest.approx(model.chokepoint_strength("CN"))


# Charts -----------------------------------------------------------------------------------


def _rows(frame: pd.DataFrame) -> list[dict]:
    return [{k: v for k, v in r.items()} for r in frame.to_dict("records")]


def test_trade_chart_data_equals_the_grid(cal):
    grid = model.tariff_grid(cal)[["sigma", "tariff_pct", "remaining_pct"]]
    chart = model_charts.trade_left(grid, title="t", subtitle="s", description="d", sigma0=cal.sigma, peaks={"US peak": 145})
    assert charts.chart_data(chart) == _rows(grid)
    assert charts.spec(chart)["description"] == "d"


def test_restraint_chart_data_equals_the_grids(cal):
    regions = model.restraint_grid(cal, thetas=[0.5, 0.6])
    path = model.path_grid(cal, thetas=[0.5, 0.6]).assign(month=lambda f: f["month"].map(lambda d: d.isoformat()))
    chart = model_charts.restraint_regions(
        regions,
        path,
        title="t",
        subtitle="s",
        description="d",
        theta0=0.5,
        lam_choices=list(model.LAMBDA_CHOICES),
        lam_labels=[str(x) for x in model.LAMBDA_CHOICES],
    )
    drawn = charts.chart_data(chart)
    assert len(drawn) == len(regions) + len(path)
    assert _rows(regions) == [r for r in drawn if "lo" in r]
    assert _rows(path) == [r for r in drawn if "needed" in r]


def test_inputs_are_bound_outside_the_chart(cal):
    grid = model.tariff_grid(cal)[["sigma", "tariff_pct", "remaining_pct"]]
    chart = model_charts.trade_left(
        grid, title="t", subtitle="s", description="d", sigma0=cal.sigma, peaks={"US peak": 145}, chart_id="x"
    )
    spec = charts.spec(chart)
    bind = spec["params"][0]["bind"]
    assert bind["element"] == "#ctl-x-sigma" and bind["input"] == "range"
    assert bind["min"] <= cal.sigma <= bind["max"]


def test_grids_cover_the_slider_values(cal):
    grid = model.tariff_grid(cal)
    assert cal.sigma in set(grid["sigma"]) and model.SIGMA_WITH_ZEROS in set(grid["sigma"])
    assert {round(cal.tariff_us * 100), round(cal.tariff_cn * 100)} <= set(grid["tariff_pct"])
    regions = model.restraint_grid(cal)
    assert cal.theta in set(regions["theta"])
    assert ((regions["lo"] <= regions["hi"]) & (regions["lo"] >= 0) & (regions["hi"] <= 1)).all()


def test_parameters_table_has_a_basis_for_every_parameter(cal):
    table = model.parameters(cal)
    assert set(table["basis"]) <= {"data", "study", "calibrated", "assumption"}
    known = set(data.sources())
    for row in table.to_dict("records"):
        if row["basis"] in ("study", "calibrated"):
            assert row["source_ids"], row["symbol"]
        assert all(s in known for s in row["source_ids"]), row["symbol"]
