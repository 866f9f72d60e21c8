"""Mutually assured economic destruction: a small, calibrated model of the 2025 escalation game.

Two economies, the United States and China, each hold levers over the other (``data/leverage.csv``).
Pulling a lever hurts its target and also costs its user. The model turns that into a game:

1. **Trade.** Bilateral imports respond to a tariff ``t`` (0.45 = 45 percent) through constant-elasticity
   import demand, ``trade_t = trade_0 * (1 + t) ** -sigma`` (:func:`trade_remaining`). Studies of the 2018
   tariffs found complete pass-through to buyers' prices, so the importing side bears the deadweight
   loss of its own tariff (:func:`importer_loss`) and the exporting side loses sales (``kappa`` of each
   lost dollar counts as a loss). ``trade_0`` is 2024 trade from ``data/trade_monthly.csv``.
2. **Chokepoints.** Every other lever has a *strength* between 0 and 1: the target's dependence share
   times the part of a planning horizon it would need to replace the supply (:func:`lever_strength`).
   One unit of strength is worth ``lam`` billion dollars a year to the target, calibrated on the US
   Geological Survey's estimate for a complete gallium and germanium ban; the user loses ``rho`` of
   what it inflicts (lost sales of its own firms).
3. **The one-shot game.** Each side restrains or escalates (pulls all its levers at the 2025 peak
   tariff). A government counts its own loss in full and the rival's loss as a gain worth ``theta``
   of a dollar: in a rivalry, hurting the other side has value. This gives the four payoffs
   R (both restrain), T (escalate alone), S (restrain alone), P (both escalate) (:func:`payoffs`);
   under the calibrated parameters T > R > P > S, a prisoner's dilemma.
4. **The repeated game.** With discount factor ``delta`` (how much next round counts), grim trigger
   sustains restraint when ``delta >= (T - R) / (T - P)`` (:func:`threshold`). Tit-for-tat, grim
   trigger and generous tit-for-tat are played against the 2025 sequence of moves read from the
   chronology (:func:`moves_2025`, :func:`respond`), and against each other with noise
   (:func:`play_pair`, seeded).

Every parameter is listed, with its source or marked as an assumption, by :func:`parameters`.
The page shows that table; the figures ledger shows every number the prose quotes.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from truce import data
from truce.analysis import events as chronology
from truce.analysis import series, tariffs
from truce.i18n import N_, current
from truce.labels import SIDE_NAMES

# Parameters -------------------------------------------------------------------------------
# Values typed here are either taken from a cited study or are assumptions of this site; every
# other parameter is computed from data/ when the model is calibrated.

SIGMA = 1.3
"""Import demand elasticity: a 1% rise in the tariff cuts imports by 1.3% (Amiti, Redding and
Weinstein, log specification on 2018 US tariffs)."""
SIGMA_WITH_ZEROS = 6.0
"""The same authors' estimate when trade flows that stop altogether are counted (about six)."""
SIGMA_SOURCES = ("flipbuilder-amiti-redding-weinstein-2019-p12",)
PASS_THROUGH_SOURCES = ("nber-fajgelbaum-return-to-protectionism-w25638", "flipbuilder-amiti-redding-weinstein-2019-p12")

USGS_GA_GE_LOSS_BN = 3.4
"""USGS estimate of the fall in US GDP from a complete Chinese ban on gallium and germanium exports
($ billion a year; range 1.7 to 9.0)."""
USGS_SOURCES = ("usgs-ofr-2024-1057-gallium-germanium",)
CALIBRATION_LEVER = "cn-gallium-germanium-graphite"

KAPPA = 1.0
"""Assumption: share of lost export sales that counts as a loss to the exporter in the year of the
escalation (1 = every lost sale; lower if exporters find other buyers)."""
RHO = 0.25
"""Assumption: cost of a chokepoint to its user per dollar of harm it does (the user's firms lose sales)."""
THETA = 0.5
"""Assumption: what a dollar of the rival's loss is worth to a government (0 = pure economics,
1 = pure rivalry)."""
HORIZON_YEARS = 5.0
"""Assumption: planning horizon for replacing a supply; a lever that takes this long or longer to
replace keeps its full strength."""
NOISE = 0.05
"""Assumption: chance that a move is misread or misfired in the noisy simulations."""
SEED = 2025
ROUNDS = 2000

TARIFF_LEVERS = {"US": "us-tariffs", "CN": "cn-tariffs"}
SIDES = ("US", "CN")
RESTRAIN, ESCALATE = "restrain", "escalate"


# Trade ------------------------------------------------------------------------------------


def trade_remaining(tariff: float, sigma: float = SIGMA) -> float:
    """Share of bilateral trade left at an additional tariff ``tariff`` (0.45 = 45%):
    ``(1 + tariff) ** -sigma``. A zero tariff leaves trade unchanged."""
    if tariff < 0:
        raise ValueError(f"tariff must be >= 0, not {tariff}")
    if sigma <= 0:
        raise ValueError(f"sigma must be > 0, not {sigma}")
    return (1.0 + tariff) ** -sigma


def lost_trade(trade_0: float, tariff: float, sigma: float = SIGMA) -> float:
    """Trade lost at ``tariff``, in the unit of ``trade_0``."""
    return trade_0 * (1.0 - trade_remaining(tariff, sigma))


def importer_loss(imports_0: float, tariff: float, sigma: float = SIGMA) -> float:
    """The importing economy's net loss from its own tariff under complete pass-through: the
    consumer-surplus loss under constant-elasticity demand, ``imports_0 * ((1+t)^(1-sigma) - 1) / (1-sigma)``,
    less the tariff revenue, ``t * imports_0 * (1+t)^-sigma`` (the deadweight loss; zero at t = 0)."""
    if tariff == 0:
        return 0.0
    g = 1.0 + tariff
    if abs(sigma - 1.0) < 1e-9:
        surplus = imports_0 * math.log(g)
    else:
        surplus = imports_0 * (g ** (1.0 - sigma) - 1.0) / (1.0 - sigma)
    return surplus - tariff * imports_0 * g**-sigma


@dataclass(frozen=True)
class Trade:
    exports_bn: float  # US goods exports to China
    imports_bn: float  # US goods imports from China
    vintage: str
    year: int


def trade_in(year: int = 2024, table: pd.DataFrame | None = None) -> Trade:
    """US goods trade with China summed over the twelve months of ``year``, in the release
    vintage :func:`truce.analysis.series.trade_plot_vintage` picks for that year (vintages are
    never mixed)."""
    vintage = series.trade_plot_vintage((year,), table)
    rows = series.trade_series(vintage, table)
    rows = rows[rows["month"].str.startswith(f"{year}-")]
    return Trade(round(rows["exports_usd_m"].sum() / 1000, 3), round(rows["imports_usd_m"].sum() / 1000, 3), vintage, year)


def predicted_share(imposer: str, year: int = 2025, sigma: float = SIGMA) -> float:
    """Trade in ``year`` as a share of the year before, predicted from the daily across-the-board
    tariff of ``imposer``: the average over the days of the year of ``(1 + rate) ** -sigma``
    (the headline rate is constant between its change dates, so each stretch is weighted by its days)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    series = tariffs.headline_series(imposer, start, end)
    points = list(zip(series["date"], series["rate_pct"], strict=False))
    total = 0.0
    for (day, rate), (nxt, _) in zip(points, points[1:] + [(end + dt.timedelta(days=1), None)], strict=False):
        total += (nxt - day).days * trade_remaining(rate / 100.0, sigma)
    return total / ((end - start).days + 1)


# Levers -----------------------------------------------------------------------------------


def leverage(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The leverage matrix (``data/leverage.csv``)."""
    return data.load("leverage") if table is None else table


def lever_strength(dependence_pct: float, years_to_replace: float, horizon: float = HORIZON_YEARS) -> float:
    """Strength of a chokepoint, between 0 and 1: the target's dependence share times the part of
    the planning horizon it needs to replace the supply. Unknown values give 0 (not valued)."""
    if dependence_pct is None or years_to_replace is None:
        return 0.0
    if isinstance(dependence_pct, float) and math.isnan(dependence_pct):
        return 0.0
    if isinstance(years_to_replace, float) and math.isnan(years_to_replace):
        return 0.0
    return (dependence_pct / 100.0) * min(years_to_replace, horizon) / horizon


def _event_dates(events: pd.DataFrame | None = None) -> dict[str, dt.date]:
    frame = chronology.events() if events is None else events
    return dict(zip(frame["id"], frame["date"], strict=False))


def first_pulled(row: dict, dates: dict[str, dt.date]) -> dt.date | None:
    """The date a lever was first pulled (earliest of its pulled events), or None."""
    ids = list(row.get("pulled_event_ids") or ())
    found = [dates[i] for i in ids if i in dates]
    return min(found) if found else None


def chokepoint_strength(
    holder: str,
    table: pd.DataFrame | None = None,
    *,
    by: dt.date | None = None,
    events: pd.DataFrame | None = None,
    horizon: float = HORIZON_YEARS,
    dates: dict[str, dt.date] | None = None,
) -> float:
    """Summed strength of ``holder``'s non-tariff levers; with ``by``, only those already pulled
    at least once by that day (the leverage each side had *shown*)."""
    frame = leverage(table)
    frame = frame[(frame["holder"] == holder) & (frame["id"] != TARIFF_LEVERS[holder])]
    if by is not None and dates is None:
        dates = _event_dates(events)
    total = 0.0
    for row in frame.to_dict("records"):
        if by is not None:
            first = first_pulled(row, dates)
            if first is None or first > by:
                continue
        total += lever_strength(row["dependence_pct"], row["years_to_replace"], horizon)
    return total


def month_ends(year: int) -> list[dt.date]:
    """The last day of each month of ``year``."""
    return [(dt.date(year, m, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1) for m in range(1, 13)]


def shown_strengths(year: int = 2025, table: pd.DataFrame | None = None, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Chokepoint strength each side had shown by the end of each month of ``year``.
    Columns: month (first day), strength_us, strength_cn."""
    dates = _event_dates(events)
    frame = leverage(table)
    rows = []
    for end in month_ends(year):
        rows.append(
            {
                "month": end.replace(day=1),
                "strength_us": round(chokepoint_strength("US", frame, by=end, dates=dates), 4),
                "strength_cn": round(chokepoint_strength("CN", frame, by=end, dates=dates), 4),
            }
        )
    return pd.DataFrame(rows)


# Calibration ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Calibration:
    """Everything the game needs, in $ billion a year where a unit applies."""

    imports_us: float  # US imports from China, 2024
    exports_us: float  # US exports to China, 2024
    tariff_us: float  # US peak across-the-board additional duty (fraction)
    tariff_cn: float  # China's peak across-the-board additional duty (fraction)
    strength_us: float  # summed chokepoint strength of US levers
    strength_cn: float
    lam: float  # $bn a year per unit of chokepoint strength
    sigma: float = SIGMA
    kappa: float = KAPPA
    rho: float = RHO
    theta: float = THETA
    vintage: str = ""

    def with_(self, **changes) -> Calibration:
        return replace(self, **changes)


def usgs_lambda(table: pd.DataFrame | None = None, loss_bn: float = USGS_GA_GE_LOSS_BN) -> float:
    """$bn a year per unit of chokepoint strength: the USGS estimate for a complete gallium and
    germanium ban divided by the strength of that lever in the matrix."""
    frame = leverage(table).set_index("id")
    row = frame.loc[CALIBRATION_LEVER]
    strength = lever_strength(row["dependence_pct"], row["years_to_replace"])
    if strength <= 0:
        raise ValueError(
            f"data/leverage.csv: lever {CALIBRATION_LEVER} needs dependence_pct and years_to_replace to calibrate the model"
        )
    return loss_bn / strength


def calibrate(table: pd.DataFrame | None = None, *, by: dt.date | None = None, **overrides) -> Calibration:
    """The calibration from the data: 2024 trade, the 2025 peak tariffs, the leverage matrix and
    the USGS estimate; keyword arguments override any field (for sensitivity runs)."""
    if table is None and by is None:
        cal = _data_calibration(data.data_fingerprint())
        return cal.with_(**overrides) if overrides else cal
    return _calibrate(table, by, **overrides)


@functools.lru_cache(maxsize=4)
def _data_calibration(fingerprint: str) -> Calibration:
    return _calibrate(None, None)


def _calibrate(table: pd.DataFrame | None, by: dt.date | None, **overrides) -> Calibration:
    trade = trade_in(2024)
    us_peak, _ = tariffs.peak("US")
    cn_peak, _ = tariffs.peak("CN")
    cal = Calibration(
        imports_us=trade.imports_bn,
        exports_us=trade.exports_bn,
        tariff_us=us_peak / 100.0,
        tariff_cn=cn_peak / 100.0,
        strength_us=chokepoint_strength("US", table, by=by),
        strength_cn=chokepoint_strength("CN", table, by=by),
        lam=usgs_lambda(table),
        vintage=trade.vintage,
    )
    return cal.with_(**overrides) if overrides else cal


@dataclass(frozen=True)
class Harm:
    """What escalating does: harm to the target and cost to the user ($bn a year)."""

    side: str
    harm: float
    cost: float
    tariff_harm: float
    tariff_cost: float
    chokepoint_harm: float
    chokepoint_cost: float

    @property
    def cost_ratio(self) -> float:
        """Cost to the user per dollar of harm done."""
        return self.cost / self.harm if self.harm else math.inf


def harms(cal: Calibration) -> dict[str, Harm]:
    """Harm and cost of a full escalation by each side at the calibrated peak tariffs."""
    out = {}
    for side in SIDES:
        if side == "US":  # the US taxes its imports from China
            imports, tariff, strength = cal.imports_us, cal.tariff_us, cal.strength_us
        else:
            imports, tariff, strength = cal.exports_us, cal.tariff_cn, cal.strength_cn
        t_harm = cal.kappa * lost_trade(imports, tariff, cal.sigma)
        t_cost = importer_loss(imports, tariff, cal.sigma)
        c_harm = cal.lam * strength
        c_cost = cal.rho * c_harm
        out[side] = Harm(side, t_harm + c_harm, t_cost + c_cost, t_harm, t_cost, c_harm, c_cost)
    return out


def balance(cal: Calibration) -> float:
    """China's share of the harm the two sides can do each other (0.5 = evenly matched)."""
    h = harms(cal)
    return h["CN"].harm / (h["CN"].harm + h["US"].harm)


# The one-shot game ------------------------------------------------------------------------


@dataclass(frozen=True)
class Payoffs:
    """One side's stage payoffs ($bn a year, relative to mutual restraint)."""

    R: float  # both restrain
    S: float  # restrain while the other escalates
    T: float  # escalate while the other restrains
    P: float  # both escalate

    def is_prisoners_dilemma(self) -> bool:
        return self.T > self.R > self.P > self.S

    def of(self, own: str, other: str) -> float:
        return {
            (RESTRAIN, RESTRAIN): self.R,
            (RESTRAIN, ESCALATE): self.S,
            (ESCALATE, RESTRAIN): self.T,
            (ESCALATE, ESCALATE): self.P,
        }[(own, other)]


def payoffs(cal: Calibration) -> dict[str, Payoffs]:
    """Stage payoffs of each side: own losses count in full, the rival's losses count as a gain of
    ``theta`` per dollar. With H = harm done and C = cost borne when escalating:
    R = 0, T = theta*H_i - C_i, S = -H_j + theta*C_j, P = -H_j - C_i + theta*(H_i + C_j)."""
    h = harms(cal)
    out = {}
    for i, j in (("US", "CN"), ("CN", "US")):
        hi, hj = h[i], h[j]
        th = cal.theta
        out[i] = Payoffs(
            R=0.0, S=-hj.harm + th * hj.cost, T=th * hi.harm - hi.cost, P=-hj.harm - hi.cost + th * (hi.harm + hj.cost)
        )
    return out


def threshold(p: Payoffs) -> float:
    """Smallest discount factor at which grim trigger sustains restraint: (T - R) / (T - P).
    Negative when escalating alone does not pay (no temptation); above 1 when it always pays."""
    return (p.T - p.R) / (p.T - p.P)


def theta_band(cal: Calibration) -> tuple[float, float]:
    """The range of ``theta`` in which the stage game is a prisoner's dilemma for both sides:
    above each side's cost per dollar of harm (T > R), below (H_j + C_i) / (H_i + C_j) (R > P)."""
    h = harms(cal)
    low = max(h[s].cost_ratio for s in SIDES)
    high = min((h[j].harm + h[i].cost) / (h[i].harm + h[j].cost) for i, j in (("US", "CN"), ("CN", "US")))
    return low, high


def thresholds_at_balance(b: float, theta: float, c_us: float, c_cn: float) -> tuple[float, float]:
    """Grim-trigger thresholds of the US and China when China holds share ``b`` of the total harm
    capacity and each side's cost per dollar of harm is ``c_us`` / ``c_cn`` (total capacity cancels)."""
    if not 0 < b < 1:
        raise ValueError(f"b must be strictly between 0 and 1, not {b}")
    us = (1 - b) * (theta - c_us) / (b * (1 - theta * c_cn)) if theta * c_cn < 1 else math.inf
    cn = b * (theta - c_cn) / ((1 - b) * (1 - theta * c_us)) if theta * c_us < 1 else math.inf
    return us, cn


# The repeated game ------------------------------------------------------------------------


def discounted(stream: Sequence[float], delta: float) -> float:
    """Present value of a payoff stream with per-round discount factor ``delta``."""
    return sum(x * delta**k for k, x in enumerate(stream))


def grim_sustains(p: Payoffs, delta: float, rounds: int = 4000) -> bool:
    """Brute force: against a grim-trigger rival, is restraining forever worth at least as much as
    the best deviation (escalate now, then face escalation forever, so escalate forever)?
    Compares discounted sums over ``rounds`` rounds instead of the closed form."""
    stay = discounted([p.R] * rounds, delta)
    deviate = discounted([p.T] + [p.P] * (rounds - 1), delta)
    return stay >= deviate - 1e-9


Strategy = Callable[[list[str], list[str], random.Random], str]


def tit_for_tat(own: list[str], other: list[str], rng: random.Random) -> str:
    """Restrain first, then copy the other side's last move."""
    return other[-1] if other else RESTRAIN


def grim_trigger(own: list[str], other: list[str], rng: random.Random) -> str:
    """Restrain until the other side escalates once, then escalate for ever."""
    return ESCALATE if ESCALATE in other else RESTRAIN


def generous_tit_for_tat(generosity: float) -> Strategy:
    """Tit-for-tat that forgives an escalation with probability ``generosity``."""

    def strategy(own: list[str], other: list[str], rng: random.Random) -> str:
        if other and other[-1] == ESCALATE:
            return RESTRAIN if rng.random() < generosity else ESCALATE
        return RESTRAIN

    strategy.__name__ = "generous_tit_for_tat"
    return strategy


def generosity(p: Payoffs) -> float:
    """Nowak and Sigmund's forgiveness probability for generous tit-for-tat:
    min(1 - (T - R) / (R - S), (R - P) / (T - P)), kept between 0 and 1."""
    g = min(1 - (p.T - p.R) / (p.R - p.S), (p.R - p.P) / (p.T - p.P))
    return max(0.0, min(1.0, g))


def strategies(cal: Calibration | None = None) -> dict[str, Strategy]:
    """The three strategies of the page, generous tit-for-tat tuned to the US payoffs."""
    cal = calibrate() if cal is None else cal
    g = min(generosity(p) for p in payoffs(cal).values())
    return {
        N_("Tit-for-tat"): tit_for_tat,
        N_("Grim trigger"): grim_trigger,
        N_("Generous tit-for-tat"): generous_tit_for_tat(g),
    }


def respond(strategy: Strategy, other_moves: Sequence[str], seed: int = SEED) -> list[str]:
    """The moves ``strategy`` makes, round by round, against a fixed sequence of the other side's moves."""
    rng = random.Random(seed)
    own: list[str] = []
    for k in range(len(other_moves)):
        own.append(strategy(own, list(other_moves[:k]), rng))
    return own


def play_pair(
    a: Strategy, b: Strategy, pay_a: Payoffs, pay_b: Payoffs, *, rounds: int = ROUNDS, noise: float = NOISE, seed: int = SEED
) -> pd.DataFrame:
    """Two strategies against each other; each intended move is flipped with probability ``noise``
    (a misread signal or a measure nobody meant). Seeded: the same seed gives the same game."""
    rng = random.Random(seed)
    moves_a: list[str] = []
    moves_b: list[str] = []
    rows = []
    flip = {RESTRAIN: ESCALATE, ESCALATE: RESTRAIN}
    for k in range(rounds):
        ma = a(moves_a, moves_b, rng)
        mb = b(moves_b, moves_a, rng)
        if rng.random() < noise:
            ma = flip[ma]
        if rng.random() < noise:
            mb = flip[mb]
        moves_a.append(ma)
        moves_b.append(mb)
        rows.append({"round": k + 1, "a": ma, "b": mb, "payoff_a": pay_a.of(ma, mb), "payoff_b": pay_b.of(mb, ma)})
    return pd.DataFrame(rows)


def mutual_restraint_share(game: pd.DataFrame) -> float:
    """Share of rounds in which both sides restrained."""
    return float(((game["a"] == RESTRAIN) & (game["b"] == RESTRAIN)).mean())


# The 2025 sequence ------------------------------------------------------------------------


def _steps(own: pd.DataFrame, both: pd.DataFrame, direction: str, key_only: bool = False) -> int:
    """A side's steps in one direction; joint events count as de-escalation steps of each side."""
    n = 0
    for part in (own, both) if direction == "de-escalation" else (own,):
        hit = part["direction"] == direction
        if key_only:
            hit &= part["key"].fillna(False).astype(bool)
        n += int(hit.sum())
    return n


def moves_2025(events: pd.DataFrame | None = None, year: int = 2025) -> pd.DataFrame:
    """Each side's move in each month of ``year``, read from the chronology.

    Key steps decide first: a side *escalates* in a month when it took more key escalation steps
    than key de-escalation steps (the chronology's ``key`` flag marks the 12–20 moves that changed
    the course of the conflict, such as the Geneva cut), and *restrains* when it took fewer. When
    the key steps are level (usually none), all steps count: a side escalates when it took at least
    one escalation step and no more de-escalation steps than escalation steps. Joint events (actor
    ``both``: talks, joint statements) count as a step by each side; neutral events do not count.
    Columns: month (first day), side, escalations, de_escalations, key_escalations,
    key_de_escalations, move.
    """
    frame = chronology.events(events)
    frame = frame[frame["date"].map(lambda d: d.year == year)]
    if "key" not in frame.columns:
        frame = frame.assign(key=False)
    rows = []
    for m in range(1, 13):
        month = frame[frame["date"].map(lambda d, m=m: d.month == m)]
        for side in SIDES:
            own = month[month["actor"] == side]
            both = month[month["actor"] == "both"]

            esc, de = _steps(own, both, "escalation"), _steps(own, both, "de-escalation")
            key_esc, key_de = _steps(own, both, "escalation", True), _steps(own, both, "de-escalation", True)
            if key_esc != key_de:
                move = ESCALATE if key_esc > key_de else RESTRAIN
            else:
                move = ESCALATE if esc >= 1 and esc >= de else RESTRAIN
            rows.append(
                {
                    "month": dt.date(year, m, 1),
                    "side": side,
                    "escalations": esc,
                    "de_escalations": de,
                    "key_escalations": key_esc,
                    "key_de_escalations": key_de,
                    "move": move,
                }
            )
    return pd.DataFrame(rows)


def strategy_moves(cal: Calibration | None = None, events: pd.DataFrame | None = None, seed: int = SEED) -> pd.DataFrame:
    """What each strategy would have played in 2025 against the other side's actual moves, next to
    what each side actually did. Columns: side (who the strategy plays), month, row, order, move, matches
    (whether the strategy's move equals the side's actual move; empty for the actual rows)."""
    cal = calibrate() if cal is None else cal
    moves = moves_2025(events)
    rows = []
    for side, other in (("US", "CN"), ("CN", "US")):
        actual = moves[moves["side"] == side].sort_values("month")
        opp = moves[moves["side"] == other].sort_values("month")
        months = list(actual["month"])
        for month, move in zip(months, opp["move"], strict=False):
            rows.append(
                {"side": side, "month": month, "row": f"{SIDE_NAMES[other]}: actual", "order": 0, "move": move, "matches": None}
            )
        for month, move in zip(months, actual["move"], strict=False):
            rows.append(
                {"side": side, "month": month, "row": f"{SIDE_NAMES[side]}: actual", "order": 1, "move": move, "matches": None}
            )
        for order, (name, strat) in enumerate(strategies(cal).items(), start=2):
            played = respond(strat, list(opp["move"]), seed)
            for month, move, real in zip(months, played, actual["move"], strict=False):
                rows.append({"side": side, "month": month, "row": name, "order": order, "move": move, "matches": move == real})
    return pd.DataFrame(rows)


def match_counts(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Months (of twelve) in which each strategy's move equals each side's actual 2025 move."""
    frame = strategy_moves() if frame is None else frame
    played = frame[frame["matches"].notna()]
    return (
        played.groupby(["side", "row"], as_index=False)["matches"]
        .sum()
        .rename(columns={"row": "strategy", "matches": "months_matched"})
    )


def balance_path(
    cal: Calibration | None = None,
    year: int = 2025,
    table: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    shown: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The leverage each side had shown by the end of each month of ``year`` (levers pulled at least
    once), China's share of the harm capacity, and each side's grim-trigger threshold that month.
    Tariff capacity stays at the 2025 peaks."""
    cal = calibrate(table) if cal is None else cal
    shown = shown_strengths(year, table, events) if shown is None else shown
    rows = []
    for r in shown.to_dict("records"):
        c = cal.with_(strength_us=r["strength_us"], strength_cn=r["strength_cn"])
        p = payoffs(c)
        rows.append({**r, "balance": balance(c), "threshold_us": threshold(p["US"]), "threshold_cn": threshold(p["CN"])})
    return pd.DataFrame(rows)


# Parameters table -------------------------------------------------------------------------


def parameters(cal: Calibration | None = None) -> pd.DataFrame:
    """Every parameter of the model with its value, unit, basis (data, study, calibrated or
    assumption), source ids and what it means. The page shows this table."""
    cal = calibrate() if cal is None else cal
    trade = trade_in(2024)
    months = series.trade_series(trade.vintage)
    trade_sources = data.ids_in(months[months["month"].str.startswith("2024-")])
    rows = [
        (
            "M",
            "US goods imports from China, 2024",
            cal.imports_us,
            "$ billion",
            "data",
            trade_sources,
            f"Sum of the twelve months of 2024 in data/trade_monthly.csv, release vintage: {trade.vintage}.",
        ),
        (
            "X",
            "US goods exports to China, 2024",
            cal.exports_us,
            "$ billion",
            "data",
            trade_sources,
            "Same vintage as the imports.",
        ),
        (
            "t_US",
            "US peak across-the-board additional tariff",
            cal.tariff_us * 100,
            "%",
            "data",
            (),
            "Highest sum of the US all-goods layers in data/tariff_measures.csv (see the tariff tracker).",
        ),
        (
            "t_CN",
            "China's peak across-the-board additional tariff",
            cal.tariff_cn * 100,
            "%",
            "data",
            (),
            "Highest sum of China's all-goods layers in data/tariff_measures.csv.",
        ),
        (
            "σ",
            "Import demand elasticity",
            cal.sigma,
            "",
            "study",
            SIGMA_SOURCES,
            f"Trade left at tariff t is (1+t)^-σ. Counting flows that stop altogether, the same study finds about {SIGMA_WITH_ZEROS:g}; "
            "the charts let you try both.",
        ),
        (
            "pass-through",
            "Tariffs fully passed on to the importing side's buyers",
            1.0,
            "share",
            "study",
            PASS_THROUGH_SOURCES,
            "So the importing economy bears the deadweight loss of its own tariff.",
        ),
        (
            "κ",
            "Share of lost export sales that counts as a loss",
            cal.kappa,
            "share",
            "assumption",
            (),
            "1 counts every lost sale in the year of escalation; exporters who find other buyers lose less.",
        ),
        (
            "S_US",
            "Strength of US chokepoint levers (sum)",
            cal.strength_us,
            "units",
            "data",
            (),
            "Sum over valued US levers in data/leverage.csv of dependence share × min(years to replace, horizon) / horizon.",
        ),
        ("S_CN", "Strength of China's chokepoint levers (sum)", cal.strength_cn, "units", "data", (), "As for the US."),
        (
            "horizon",
            "Planning horizon for replacing a supply",
            HORIZON_YEARS,
            "years",
            "assumption",
            (),
            "A lever that takes this long or longer to replace keeps its full strength.",
        ),
        (
            "λ",
            "Harm per unit of chokepoint strength",
            cal.lam,
            "$ billion a year",
            "calibrated",
            USGS_SOURCES,
            f"USGS estimate for a complete gallium and germanium ban (${USGS_GA_GE_LOSS_BN:g} billion) divided by that lever's strength. "
            "Valuing every chokepoint this way is an assumption.",
        ),
        (
            "ρ",
            "Cost of a chokepoint to its user per dollar of harm",
            cal.rho,
            "share",
            "assumption",
            (),
            "The user's own firms lose the sales the lever blocks.",
        ),
        (
            "θ",
            "Value to a government of a dollar of the rival's loss",
            cal.theta,
            "share",
            "assumption",
            (),
            "0 is pure economics (nobody escalates); 1 is pure rivalry.",
        ),
        (
            "noise",
            "Chance a move is misread in the noisy simulations",
            NOISE,
            "share",
            "assumption",
            (),
            f"Seeded ({SEED}); {ROUNDS} rounds.",
        ),
    ]
    return pd.DataFrame(rows, columns=["symbol", "parameter", "value", "unit", "basis", "source_ids", "note"])


# Grids for the charts ---------------------------------------------------------------------


def tariff_grid(
    cal: Calibration | None = None, sigmas: Sequence[float] | None = None, tariffs_pct: Sequence[float] | None = None
) -> pd.DataFrame:
    """Trade left and each side's loss in a symmetric tariff war, for a grid of elasticities and
    tariff levels. Each side's loss = deadweight loss of its own tariff + kappa × its lost export sales."""
    cal = calibrate() if cal is None else cal
    sigmas = sigmas if sigmas is not None else [round(1.0 + 0.1 * k, 1) for k in range(51)]
    if tariffs_pct is None:
        peaks = {round(cal.tariff_us * 100), round(cal.tariff_cn * 100)}
        tariffs_pct = sorted(set(range(0, 201, 20)) | peaks)
    rows = []
    for s in sigmas:
        for tp in tariffs_pct:
            t = tp / 100.0
            us = importer_loss(cal.imports_us, t, s) + cal.kappa * lost_trade(cal.exports_us, t, s)
            cn = importer_loss(cal.exports_us, t, s) + cal.kappa * lost_trade(cal.imports_us, t, s)
            rows.append(
                {
                    "sigma": s,
                    "tariff_pct": tp,
                    "remaining_pct": round(100 * trade_remaining(t, s), 2),
                    "loss_us_bn": round(us, 1),
                    "loss_cn_bn": round(cn, 1),
                }
            )
    return pd.DataFrame(rows)


LAMBDA_CHOICES = (1.0, 5.0, 20.0, 50.0)
"""Multiples of the USGS-calibrated lambda offered on the page."""


def restraint_grid(
    cal: Calibration | None = None,
    thetas: Sequence[float] | None = None,
    multiples: Sequence[float] = LAMBDA_CHOICES,
    step: float = 0.025,
) -> pd.DataFrame:
    """For each theta, chokepoint value (multiple of the calibrated lambda) and leverage balance b:
    the two grim-trigger thresholds clipped to [0, 1], and the bands they define.
    Columns: theta, lam_x, b0 (start of the balance bin, ``step`` wide), lo, hi (the lower and higher threshold),
    tempted (US or CN: the side whose threshold is the higher one, tempted alone between lo and hi)."""
    cal = calibrate() if cal is None else cal
    thetas = thetas if thetas is not None else [round(0.1 * k, 1) for k in range(1, 10)]
    bs = [round(step * (k + 0.5), 5) for k in range(int(round(1 / step)))]  # bin centres; the bins tile [0, 1]
    rows = []
    for x in multiples:
        h = harms(cal.with_(lam=cal.lam * x))
        c_us, c_cn = h["US"].cost_ratio, h["CN"].cost_ratio
        for th in thetas:
            for b in bs:
                d_us, d_cn = thresholds_at_balance(b, th, c_us, c_cn)
                d_us, d_cn = min(max(d_us, 0.0), 1.0), min(max(d_cn, 0.0), 1.0)
                lo, hi = min(d_us, d_cn), max(d_us, d_cn)
                rows.append(
                    {
                        "theta": th,
                        "lam_x": x,
                        "b0": round(b - step / 2, 4),
                        "lo": round(lo, 3),
                        "hi": round(hi, 3),
                        "tempted": "US" if d_us > d_cn else "CN",
                    }
                )
    return pd.DataFrame(rows)


def _month_label(d) -> str:
    """A month on the 2025 path: "Apr 2025" / "2025年4月"."""
    return f"{d.year}年{d.month}月" if current() == "zh" else f"{d:%b %Y}"


def _stretch_label(d, year: int) -> str:
    """The stretch after the last change: "Nov–Dec 2025" / "2025年11月–12月" (the dash marks it)."""
    return f"{year}年{d.month}月–12月" if current() == "zh" else f"{d:%b}–Dec {year}"


def path_grid(
    cal: Calibration | None = None,
    thetas: Sequence[float] | None = None,
    multiples: Sequence[float] = LAMBDA_CHOICES,
    year: int = 2025,
) -> pd.DataFrame:
    """The 2025 path for each theta and chokepoint value: month, balance b and the patience restraint
    needed that month (larger threshold, clipped to [0, 1]). ``moved`` is true in the months the
    balance changed (and in January); ``label`` names the first such month and the stretch from the
    last change to December, for the chart."""
    cal = calibrate() if cal is None else cal
    thetas = thetas if thetas is not None else [round(0.1 * k, 1) for k in range(1, 10)]
    shown = shown_strengths(year)
    rows = []
    for x in multiples:
        for th in thetas:
            path = balance_path(cal.with_(lam=cal.lam * x, theta=th), year, shown=shown)
            combo, previous = [], None
            for r in path.to_dict("records"):
                need = min(max(r["threshold_us"], r["threshold_cn"], 0.0), 1.0)
                moved = previous is None or abs(r["balance"] - previous) > 1e-9
                combo.append(
                    {
                        "theta": th,
                        "lam_x": x,
                        "month": r["month"],
                        "b": round(r["balance"], 4),
                        "needed": round(need, 4),
                        "moved": moved,
                        "label": "",
                    }
                )
                previous = r["balance"]
            changes = [row for row in combo if row["moved"]]
            first, last = changes[0], changes[-1]
            first["label"] = _month_label(first["month"])
            if last is not first:
                last["label"] = _stretch_label(last["month"], year) if last["month"].month < 12 else _month_label(last["month"])
            rows.extend(combo)
    return pd.DataFrame(rows)
