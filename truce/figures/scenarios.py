"""Figures of the tariff scenarios: a side's rate or average on a day without some legal layers.

Each figure is a row of ``calls.csv`` calling :func:`truce.analysis.scenarios.scenario_rate`;
the provenance below gives it the scenario row and the layers the value is computed from.
"""

from __future__ import annotations

import datetime as dt

from truce.analysis import scenarios, tariffs
from truce.figures.registry import Result, provenance


@provenance(scenarios.scenario_rate)
def scenario_layers(scenario: str, measure: str, imposer: str, on: dt.date) -> Result:
    """The scenario's row in tariff_scenarios.csv and the tariff_measures rows of ``imposer`` that
    are in force on ``on`` under it (all-goods rows only for the headline rate)."""
    t = scenarios.scenario_tables(scenario)
    rows = tariffs.layers_in_force(on, imposer, t.measures)
    if measure == "headline":
        rows = rows[rows["scope"] == "all-goods"]
    own = () if scenario == scenarios.ACTUAL else (("tariff_scenarios", scenario),)
    sources = ()
    if measure == "average":
        w = t.weights
        sources = tuple(sorted({s for ids in w.loc[w["imposer"] == imposer, "source_ids"] for s in ids}))
    return Result(None, rows=own + tuple(("tariff_measures", i) for i in rows["id"]), as_of=on, sources=sources)


__all__ = ["scenario_layers"]
