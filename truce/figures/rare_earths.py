"""Rare-earth figures that pick a row by a rule (the lowest month) rather than by its key.

Each is named in ``calls.csv``; magnet volumes of a given month and supply shares are rows
of ``declared.csv``.
"""

from __future__ import annotations

from truce.analysis import series
from truce.figures.registry import Result


def lowest_tonnes(destination: str) -> Result:
    """Minimum tonnes among the monthly rows of rare_earth_magnets.csv for ``destination`` (series.magnet_low)."""
    row = series.magnet_low(destination)
    return Result(float(row["tonnes"]), sources=tuple(row["source_ids"]))


def lowest_month(destination: str) -> Result:
    """Month of the minimum tonnes among the monthly rows of rare_earth_magnets.csv for ``destination``."""
    row = series.magnet_low(destination)
    return Result(row["date"], sources=tuple(row["source_ids"]))
