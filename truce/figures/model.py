"""Figures of the explainer "Mutually assured economic destruction": the leverage matrix and the
escalation model (:mod:`truce.model`).

Every value is computed from ``data/`` (trade, tariff layers, leverage matrix, chronology)
through the model; the parameters the model takes from studies or assumes are listed on the
page with their sources. The dependence shares of the leverage matrix are rows of
``declared.csv``; US imports from China in 2024 is ``trade-us-imports-cn-2024`` (same vintage).
"""

from __future__ import annotations

import datetime as dt

from truce import data
from truce.analysis import model
from truce.figures.registry import Result, figure

TRADE = ("trade_monthly",)
MODEL = ("trade_monthly", "tariff_measures", "leverage")
MODEL_SOURCES = tuple(dict.fromkeys(model.SIGMA_SOURCES + model.PASS_THROUGH_SOURCES + model.USGS_SOURCES))


def _trade_sources(year: int = 2024) -> tuple[str, ...]:
    """Source ids of the trade rows the 2024 calibration sums (one vintage)."""
    trade = model.trade_in(year)
    rows = data.load("trade_monthly")
    rows = rows[(rows["vintage"] == trade.vintage) & rows["month"].str.startswith(f"{year}-")]
    return tuple(dict.fromkeys(s for ids in rows["source_ids"] for s in ids))


def _model_sources() -> tuple[str, ...]:
    return tuple(dict.fromkeys(_trade_sources() + MODEL_SOURCES))


def _valued_rows() -> tuple[tuple[str, str], ...]:
    frame = data.load("leverage")
    return tuple(("leverage", i) for i in frame["id"])


# The leverage matrix ---------------------------------------------------------------------


@figure(
    "model-levers-count", unit="count", resources=("leverage",), definition="Levers in the leverage matrix, both sides together."
)
def levers_count() -> Result:
    """len(leverage.csv)."""
    return Result(len(data.load("leverage")), rows=_valued_rows())


@figure(
    "model-levers-us",
    unit="count",
    resources=("leverage",),
    definition="Levers held by the United States in the leverage matrix.",
)
def levers_us() -> Result:
    """Rows of leverage.csv with holder US."""
    frame = data.load("leverage")
    return Result(int((frame["holder"] == "US").sum()))


@figure("model-levers-cn", unit="count", resources=("leverage",), definition="Levers held by China in the leverage matrix.")
def levers_cn() -> Result:
    """Rows of leverage.csv with holder CN."""
    frame = data.load("leverage")
    return Result(int((frame["holder"] == "CN").sum()))


@figure(
    "model-levers-valued",
    unit="count",
    resources=("leverage",),
    definition="Chokepoint levers the model values (dependence share and years to replace both known).",
)
def levers_valued() -> Result:
    """Non-tariff rows of leverage.csv with a positive strength (model.lever_strength)."""
    frame = data.load("leverage")
    frame = frame[~frame["id"].isin(model.TARIFF_LEVERS.values())]
    return Result(
        sum(model.lever_strength(d, y) > 0 for d, y in zip(frame["dependence_pct"], frame["years_to_replace"], strict=False))
    )


# Trade -----------------------------------------------------------------------------------


@figure(
    "model-exports-2024", unit="usd_bn", resources=TRADE, definition="US goods exports to China in 2024 (one release vintage)."
)
def exports_2024() -> Result:
    """model.trade_in(2024).exports_bn."""
    return Result(model.trade_in(2024).exports_bn, sources=_trade_sources())


@figure(
    "model-trade-left-us-peak",
    unit="pct",
    resources=MODEL,
    definition="Share of US imports from China the model leaves at the US peak tariff, with the central elasticity.",
)
def trade_left_us_peak() -> Result:
    """100 * model.trade_remaining(peak US tariff, SIGMA)."""
    cal = model.calibrate()
    return Result(100 * model.trade_remaining(cal.tariff_us, cal.sigma), sources=model.SIGMA_SOURCES)


@figure(
    "model-trade-left-cn-peak",
    unit="pct",
    resources=MODEL,
    definition="Share of US exports to China the model leaves at China's peak tariff, with the central elasticity.",
)
def trade_left_cn_peak() -> Result:
    """100 * model.trade_remaining(peak Chinese tariff, SIGMA)."""
    cal = model.calibrate()
    return Result(100 * model.trade_remaining(cal.tariff_cn, cal.sigma), sources=model.SIGMA_SOURCES)


@figure(
    "model-trade-left-us-peak-zeros",
    unit="pct",
    decimals=1,
    resources=MODEL,
    definition="Share of US imports from China left at the US peak tariff with the elasticity that counts flows stopping altogether.",
)
def trade_left_us_peak_zeros() -> Result:
    """100 * model.trade_remaining(peak US tariff, SIGMA_WITH_ZEROS)."""
    cal = model.calibrate()
    return Result(100 * model.trade_remaining(cal.tariff_us, model.SIGMA_WITH_ZEROS), sources=model.SIGMA_SOURCES)


def _predicted_2025(imposer: str) -> float:
    return 100 * model.predicted_share(imposer, 2025)


def _actual_2025(column: str) -> float:
    """2025 over 2024 within the vintage used for the calibration (never mixing vintages)."""
    vintage = model.trade_in(2024).vintage
    rows = data.load("trade_monthly")
    rows = rows[rows["vintage"] == vintage]
    total = {}
    for year in (2024, 2025):
        months = rows[rows["month"].str.startswith(f"{year}-")]
        if months["month"].nunique() != 12:
            raise ValueError(f'data/trade_monthly.csv: vintage "{vintage}" lacks twelve months of {year}')
        total[year] = months[column].sum()
    return 100 * total[2025] / total[2024]


@figure(
    "model-2025-imports-predicted",
    unit="pct",
    resources=("tariff_measures", "trade_monthly"),
    definition="US imports from China in 2025 as a share of 2024 predicted by the model from the daily US headline tariff.",
)
def imports_2025_predicted() -> Result:
    """Mean over the days of 2025 of (1 + US headline rate) ** -SIGMA, in percent."""
    return Result(_predicted_2025("US"), sources=model.SIGMA_SOURCES, as_of=dt.date(2025, 12, 31))


@figure(
    "model-2025-imports-actual",
    unit="pct",
    resources=TRADE,
    definition="US imports from China in 2025 as a share of 2024 (same release vintage).",
)
def imports_2025_actual() -> Result:
    """Sum of 2025 imports / sum of 2024 imports, both from the vintage used for the calibration."""
    return Result(_actual_2025("imports_usd_m"), sources=_trade_sources(), as_of=dt.date(2025, 12, 31))


@figure(
    "model-2025-exports-predicted",
    unit="pct",
    resources=("tariff_measures", "trade_monthly"),
    definition="US exports to China in 2025 as a share of 2024 predicted by the model from China's daily headline tariff.",
)
def exports_2025_predicted() -> Result:
    """Mean over the days of 2025 of (1 + China's headline rate) ** -SIGMA, in percent."""
    return Result(_predicted_2025("CN"), sources=model.SIGMA_SOURCES, as_of=dt.date(2025, 12, 31))


@figure(
    "model-2025-exports-actual",
    unit="pct",
    resources=TRADE,
    definition="US exports to China in 2025 as a share of 2024 (same release vintage).",
)
def exports_2025_actual() -> Result:
    """Sum of 2025 exports / sum of 2024 exports, both from the vintage used for the calibration."""
    return Result(_actual_2025("exports_usd_m"), sources=_trade_sources(), as_of=dt.date(2025, 12, 31))


# The game --------------------------------------------------------------------------------


@figure(
    "model-lambda",
    unit="usd_bn",
    decimals=1,
    resources=("leverage",),
    definition="Harm a year per unit of chokepoint strength, calibrated on the USGS gallium and germanium estimate.",
)
def lam() -> Result:
    """model.usgs_lambda(): USGS estimate / strength of the gallium, germanium and graphite lever."""
    return Result(model.usgs_lambda(), rows=(("leverage", model.CALIBRATION_LEVER),), sources=model.USGS_SOURCES)


def _harm(side: str):
    return model.harms(model.calibrate())[side]


@figure(
    "model-us-harm",
    unit="usd_bn",
    resources=MODEL,
    definition="Harm a full US escalation does to China in the model ($ billion a year).",
)
def us_harm() -> Result:
    """model.harms(calibrate())['US'].harm."""
    return Result(_harm("US").harm, sources=_model_sources())


@figure(
    "model-us-cost",
    unit="usd_bn",
    resources=MODEL,
    definition="Cost of a full US escalation to the US itself in the model ($ billion a year).",
)
def us_cost() -> Result:
    """model.harms(calibrate())['US'].cost."""
    return Result(_harm("US").cost, sources=_model_sources())


@figure(
    "model-cn-harm",
    unit="usd_bn",
    resources=MODEL,
    definition="Harm a full Chinese escalation does to the US in the model ($ billion a year).",
)
def cn_harm() -> Result:
    """model.harms(calibrate())['CN'].harm."""
    return Result(_harm("CN").harm, sources=_model_sources())


@figure(
    "model-cn-cost",
    unit="usd_bn",
    resources=MODEL,
    definition="Cost of a full Chinese escalation to China itself in the model ($ billion a year).",
)
def cn_cost() -> Result:
    """model.harms(calibrate())['CN'].cost."""
    return Result(_harm("CN").cost, sources=_model_sources())


def _pay(side: str) -> model.Payoffs:
    return model.payoffs(model.calibrate())[side]


@figure(
    "model-us-temptation",
    unit="usd_bn",
    resources=MODEL,
    definition="US payoff from escalating while China restrains (T), relative to mutual restraint.",
)
def us_temptation() -> Result:
    """payoffs(calibrate())['US'].T."""
    return Result(_pay("US").T, sources=_model_sources())


@figure(
    "model-cn-temptation",
    unit="usd_bn",
    resources=MODEL,
    definition="China's payoff from escalating while the US restrains (T), relative to mutual restraint.",
)
def cn_temptation() -> Result:
    """payoffs(calibrate())['CN'].T."""
    return Result(_pay("CN").T, sources=_model_sources())


@figure(
    "model-us-war-loss",
    unit="usd_bn",
    resources=MODEL,
    definition="US loss when both sides escalate (minus P), relative to mutual restraint.",
)
def us_war_loss() -> Result:
    """-payoffs(calibrate())['US'].P."""
    return Result(-_pay("US").P, sources=_model_sources())


@figure(
    "model-cn-war-loss",
    unit="usd_bn",
    resources=MODEL,
    definition="China's loss when both sides escalate (minus P), relative to mutual restraint.",
)
def cn_war_loss() -> Result:
    """-payoffs(calibrate())['CN'].P."""
    return Result(-_pay("CN").P, sources=_model_sources())


@figure(
    "model-us-sucker-loss",
    unit="usd_bn",
    resources=MODEL,
    definition="US loss when it restrains while China escalates (minus S).",
)
def us_sucker_loss() -> Result:
    """-payoffs(calibrate())['US'].S."""
    return Result(-_pay("US").S, sources=_model_sources())


@figure(
    "model-cn-sucker-loss",
    unit="usd_bn",
    resources=MODEL,
    definition="China's loss when it restrains while the US escalates (minus S).",
)
def cn_sucker_loss() -> Result:
    """-payoffs(calibrate())['CN'].S."""
    return Result(-_pay("CN").S, sources=_model_sources())


@figure(
    "model-theta-low",
    unit="number",
    decimals=2,
    resources=MODEL,
    definition="Lowest weight on the rival's loss at which the stage game is a prisoner's dilemma for both sides.",
)
def theta_low() -> Result:
    """model.theta_band(calibrate())[0]: the larger of the two sides' cost per dollar of harm."""
    return Result(model.theta_band(model.calibrate())[0], sources=_model_sources())


@figure(
    "model-theta-high",
    unit="number",
    decimals=2,
    resources=MODEL,
    definition="Highest weight on the rival's loss at which the stage game is a prisoner's dilemma for both sides.",
)
def theta_high() -> Result:
    """model.theta_band(calibrate())[1]."""
    return Result(model.theta_band(model.calibrate())[1], sources=_model_sources())


@figure(
    "model-threshold-us",
    unit="number",
    decimals=2,
    resources=MODEL,
    definition="Smallest discount factor at which grim trigger keeps the US restrained, (T - R) / (T - P).",
)
def threshold_us() -> Result:
    """model.threshold(payoffs(calibrate())['US'])."""
    return Result(model.threshold(_pay("US")), sources=_model_sources())


@figure(
    "model-threshold-cn",
    unit="number",
    decimals=2,
    resources=MODEL,
    definition="Smallest discount factor at which grim trigger keeps China restrained, (T - R) / (T - P).",
)
def threshold_cn() -> Result:
    """model.threshold(payoffs(calibrate())['CN'])."""
    return Result(model.threshold(_pay("CN")), sources=_model_sources())


@figure(
    "model-balance",
    unit="pct",
    resources=MODEL,
    definition="China's share of the harm the two sides can do each other in the central calibration.",
)
def balance() -> Result:
    """100 * model.balance(calibrate())."""
    return Result(100 * model.balance(model.calibrate()), sources=_model_sources())


def _path_x(multiple: float, month: int) -> float:
    cal = model.calibrate()
    path = model.balance_path(cal.with_(lam=cal.lam * multiple))
    return 100 * float(path["balance"].iloc[month - 1])


@figure(
    "model-balance-x50-january",
    unit="pct",
    resources=MODEL + ("events",),
    definition="China's share of the harm capacity in January 2025 with chokepoints valued at 50 times the USGS-based value.",
)
def balance_x50_january() -> Result:
    """model.balance_path with lam × 50, January 2025."""
    return Result(_path_x(50, 1), sources=_model_sources())


@figure(
    "model-balance-x50-april",
    unit="pct",
    resources=MODEL + ("events",),
    definition="China's share of the harm capacity at the end of April 2025 with chokepoints valued at 50 times the USGS-based value.",
)
def balance_x50_april() -> Result:
    """model.balance_path with lam × 50, April 2025."""
    return Result(_path_x(50, 4), sources=_model_sources())


@figure(
    "model-balance-x50-december",
    unit="pct",
    resources=MODEL + ("events",),
    definition="China's share of the harm capacity in December 2025 with chokepoints valued at 50 times the USGS-based value.",
)
def balance_x50_december() -> Result:
    """model.balance_path with lam × 50, December 2025."""
    return Result(_path_x(50, 12), sources=_model_sources())


# The 2025 sequence and the strategies ------------------------------------------------------


def _months(side: str) -> int:
    moves = model.moves_2025()
    return int(((moves["side"] == side) & (moves["move"] == model.ESCALATE)).sum())


@figure(
    "model-escalation-months-us",
    unit="count",
    resources=("events",),
    definition="Months of 2025 in which the US escalated, by the rule of model.moves_2025.",
)
def escalation_months_us() -> Result:
    """Count of US 'escalate' months in model.moves_2025()."""
    return Result(_months("US"))


@figure(
    "model-escalation-months-cn",
    unit="count",
    resources=("events",),
    definition="Months of 2025 in which China escalated, by the rule of model.moves_2025.",
)
def escalation_months_cn() -> Result:
    """Count of Chinese 'escalate' months in model.moves_2025()."""
    return Result(_months("CN"))


def _matches(side: str, strategy: str) -> int:
    counts = model.match_counts()
    return int(counts[(counts["side"] == side) & (counts["strategy"] == strategy)]["months_matched"].iloc[0])


@figure(
    "model-match-us-tft",
    unit="count",
    resources=MODEL + ("events",),
    definition="Months of 2025 in which the US move equals what tit-for-tat would have played against China's actual moves.",
)
def match_us_tft() -> Result:
    """model.match_counts(), side US, Tit-for-tat."""
    return Result(_matches("US", "Tit-for-tat"))


@figure(
    "model-match-cn-tft",
    unit="count",
    resources=MODEL + ("events",),
    definition="Months of 2025 in which China's move equals what tit-for-tat would have played against the US's actual moves.",
)
def match_cn_tft() -> Result:
    """model.match_counts(), side CN, Tit-for-tat."""
    return Result(_matches("CN", "Tit-for-tat"))


@figure(
    "model-match-cn-grim",
    unit="count",
    resources=MODEL + ("events",),
    definition="Months of 2025 in which China's move equals what grim trigger would have played against the US's actual moves.",
)
def match_cn_grim() -> Result:
    """model.match_counts(), side CN, Grim trigger."""
    return Result(_matches("CN", "Grim trigger"))


@figure(
    "model-generosity",
    unit="pct",
    resources=MODEL,
    definition="Chance that generous tit-for-tat forgives an escalation, from the calibrated payoffs (Nowak-Sigmund rule).",
)
def generosity() -> Result:
    """100 * min over the two sides of model.generosity(payoffs)."""
    return Result(100 * min(model.generosity(p) for p in model.payoffs(model.calibrate()).values()), sources=_model_sources())


def _noisy(name: str) -> float:
    cal = model.calibrate()
    p = model.payoffs(cal)
    s = model.strategies(cal)[name]
    return 100 * model.mutual_restraint_share(model.play_pair(s, s, p["US"], p["CN"]))


@figure(
    "model-noise-tft",
    unit="pct",
    resources=MODEL,
    definition="Share of rounds of mutual restraint when two tit-for-tat players meet with a 5% chance of a misread move (seeded).",
)
def noise_tft() -> Result:
    """model.play_pair(tit_for_tat, tit_for_tat, noise=NOISE, seed=SEED), mutual restraint share."""
    return Result(_noisy("Tit-for-tat"), sources=_model_sources())


@figure(
    "model-noise-grim",
    unit="pct",
    resources=MODEL,
    definition="Share of rounds of mutual restraint when two grim-trigger players meet with a 5% chance of a misread move (seeded).",
)
def noise_grim() -> Result:
    """model.play_pair(grim_trigger, grim_trigger, ...), mutual restraint share."""
    return Result(_noisy("Grim trigger"), sources=_model_sources())


@figure(
    "model-noise-gtft",
    unit="pct",
    resources=MODEL,
    definition="Share of rounds of mutual restraint when two generous tit-for-tat players meet with a 5% chance of a misread move (seeded).",
)
def noise_gtft() -> Result:
    """model.play_pair(generous_tit_for_tat, generous_tit_for_tat, ...), mutual restraint share."""
    return Result(_noisy("Generous tit-for-tat"), sources=_model_sources())
