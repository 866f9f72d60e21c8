"""Tariff scenarios: the rates and averages as they would have been without some legal layers.

Each row of ``data/tariff_scenarios.csv`` removes rows of ``data/tariff_measures.csv``: every row
of the named ``imposers`` whose legal authority (:func:`truce.analysis.products.authority`) is in
``authorities``, and the rows named in ``measure_ids``. Nothing else changes: a scenario models
no reaction by either side, so it shows what a layer added, not what would have happened.

* :func:`scenarios` — the validated scenario rows (cross-file rules in :func:`problems`);
* :func:`removed_ids` — the tariff_measures rows a scenario removes;
* :func:`scenario_measures`, :func:`scenario_tables` — the layers (and product tables) without them;
* :func:`scenario_rate` — a side's headline rate or trade-weighted average on a day, under a scenario;
* :func:`scenario_series` — both sides' headline rates and averages, actual and under a scenario,
  as step series at the days a layer or list starts or ends.
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd

from truce import data
from truce.analysis import products, tariffs
from truce.i18n import N_

ACTUAL = "actual"
MEASURES = ("headline", "average")
MEASURE_LABELS = {"headline": N_("headline rate"), "average": N_("trade-weighted average")}
START = dt.date(2018, 1, 1)
FILE = "tariff_scenarios"


# Load and check --------------------------------------------------------------------------------


def authorities(value: str) -> tuple[str, ...]:
    """``"IEEPA fentanyl;IEEPA reciprocal"`` → ``("IEEPA fentanyl", "IEEPA reciprocal")``."""
    return tuple(a for a in str(value or "").split(";") if a)


def problems(frame: pd.DataFrame, measures: pd.DataFrame, label: str = "data") -> list[str]:
    """Rules across files a Table Schema cannot state, as ``file:line: column …: what — fix``.
    (Unknown ``measure_ids`` are foreign-key errors, reported by :func:`truce.data.problems`.)"""
    known_authorities = {products.authority(i) for i in measures["id"]}
    side = measures.set_index("id")["imposer"].to_dict()
    out = []
    for i, r in enumerate(frame.to_dict("records")):
        where = f"{label}/{FILE}.csv:{i + 2}"
        sides = set(r["imposers"].split(";"))
        for name in authorities(r["authorities"]):
            if name not in known_authorities:
                out.append(
                    f'{where}: column authorities: "{name}" is not an authority of any tariff_measures.csv row — '
                    f"use one of: {', '.join(sorted(known_authorities))}"
                )
        for mid in r["measure_ids"]:
            if mid in side and side[mid] not in sides:
                out.append(
                    f'{where}: column measure_ids: "{mid}" is imposed by {side[mid]}, not by {r["imposers"]} — '
                    "add that side to imposers or remove the id"
                )
        if not authorities(r["authorities"]) and not r["measure_ids"]:
            out.append(f"{where}: column authorities: is empty and so is measure_ids — name the rows the scenario removes")
        elif not len(_selected(r, measures)):
            out.append(
                f"{where}: column authorities: the scenario removes no tariff_measures.csv row of {r['imposers']} — "
                "check the authorities, ids and imposers"
            )
    return out


def _selected(row: dict, measures: pd.DataFrame) -> pd.DataFrame:
    names = set(authorities(row["authorities"]))
    sides = set(row["imposers"].split(";"))
    by_rule = measures["id"].map(lambda i: products.authority(i) in names) | measures["id"].isin(set(row["measure_ids"]))
    return measures[measures["imposer"].isin(sides) & by_rule]


@functools.lru_cache(maxsize=2)
def _scenarios(fingerprint: str) -> pd.DataFrame:
    frame = data.load(FILE)
    found = problems(frame, tariffs.measures())
    if found:
        raise data.DataError(found)
    return frame


def scenarios() -> pd.DataFrame:
    """The scenario rows, validated."""
    return _scenarios(data.data_fingerprint()).copy()


def scenario(scenario_id: str) -> dict:
    """One scenario row as a dict."""
    frame = scenarios()
    found = frame[frame["id"] == scenario_id]
    if len(found) != 1:
        raise KeyError(f'no scenario "{scenario_id}" in data/{FILE}.csv — use one of: {", ".join(frame["id"])} (or "{ACTUAL}")')
    return found.iloc[0].to_dict()


def removed_ids(scenario_id: str) -> tuple[str, ...]:
    """The ids of the tariff_measures.csv rows the scenario removes, in file order."""
    return tuple(_selected(scenario(scenario_id), tariffs.measures())["id"])


def scenario_measures(scenario_id: str) -> pd.DataFrame:
    """The tariff layers under a scenario: tariff_measures.csv without the rows it removes
    (all of them for ``"actual"``)."""
    frame = tariffs.measures()
    if scenario_id == ACTUAL:
        return frame
    return frame[~frame["id"].isin(set(removed_ids(scenario_id)))].reset_index(drop=True)


def scenario_tables(scenario_id: str) -> products.Tables:
    """The product tables (:func:`truce.analysis.products.tables`) with the scenario's layers."""
    return _tables(scenario_id, data.data_fingerprint())


@functools.lru_cache(maxsize=8)
def _tables(scenario_id: str, fingerprint: str) -> products.Tables:
    t = products.tables()
    return t if scenario_id == ACTUAL else products.with_measures(t, scenario_measures(scenario_id))


# Rates under a scenario ---------------------------------------------------------------------------


def scenario_rate(scenario: str, measure: str, imposer: str, on: dt.date) -> float:
    """``imposer``'s headline rate (``measure="headline"``) or trade-weighted average
    (``measure="average"``) on ``on``, without the rows the scenario removes."""
    if measure not in MEASURES:
        raise ValueError(f'measure must be one of {MEASURES}, not "{measure}"')
    t = scenario_tables(scenario)
    if measure == "headline":
        return tariffs.headline_rate(on, imposer, t.measures)
    return products.average_in(t, on, imposer)


def _sides_changed(scenario_id: str) -> set[str]:
    if scenario_id == ACTUAL:
        return set()
    m = tariffs.measures().set_index("id")
    return {m.loc[i, "imposer"] for i in removed_ids(scenario_id)}


@functools.lru_cache(maxsize=16)
def _steps(scenario_id: str, start: dt.date, end: dt.date, fingerprint: str) -> pd.DataFrame:
    """Both measures for both sides at each day the actual average can change (a scenario only
    removes rows, so its own change days are among them). A side the scenario leaves alone
    reuses the actual values. Kept in ``.cache/scenarios`` for the other processes (the second
    edition, the checks, a notebook kernel)."""
    return data.kept_from_data(
        "scenarios",
        (scenario_id, start.isoformat(), end.isoformat()),
        lambda: _work_out_steps(scenario_id, start, end, fingerprint),
        accept=lambda kept: isinstance(kept, pd.DataFrame),
    )


def _work_out_steps(scenario_id: str, start: dt.date, end: dt.date, fingerprint: str) -> pd.DataFrame:
    changed = _sides_changed(scenario_id)
    actual = None if scenario_id == ACTUAL else _steps(ACTUAL, start, end, fingerprint)
    t, base = scenario_tables(scenario_id), products.tables()
    parts = []
    for side in tariffs.IMPOSERS:
        if actual is not None and side not in changed:
            parts.append(actual[actual["imposer"] == side])
            continue
        days = products.average_change_dates(base, side, start, end)
        rows = [
            (
                d,
                side,
                measure,
                tariffs.headline_rate(d, side, t.measures) if measure == "headline" else products.average_in(t, d, side),
            )
            for measure in MEASURES
            for d in days
        ]
        parts.append(pd.DataFrame(rows, columns=["date", "imposer", "measure", "value"]))
    return pd.concat(parts, ignore_index=True).assign(scenario=scenario_id)


def scenario_series(scenario_id: str, start: dt.date = START, end: dt.date | None = None) -> pd.DataFrame:
    """A tidy step series: date, imposer, measure (headline / average), scenario ("actual" or
    the scenario id), value, state — one row per side, measure and line at each day a layer or
    list starts or ends in [start, end] (default end: the day the data was last checked).

    ``state`` follows :func:`truce.analysis.tariffs.with_confirmation`: "sourced" up to the last
    day a source confirms the side's duties, "no source after …" beyond it."""
    scenario(scenario_id)  # an unknown id fails here, with the ids to use
    end = end or data.last_updated()
    fp = data.data_fingerprint()
    frames = [_steps(ACTUAL, start, end, fp), _steps(scenario_id, start, end, fp)]
    parts = []
    for frame in frames:
        for _, rows in frame.groupby(["measure"], sort=False):
            parts.append(tariffs.with_confirmation(rows.reset_index(drop=True)))
    out = pd.concat(parts, ignore_index=True)
    out["value"] = out["value"].round(6) + 0.0
    return out[["date", "imposer", "measure", "scenario", "value", "state"]].reset_index(drop=True)
