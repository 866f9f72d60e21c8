"""Truce Tracker: load and validate the data, compute the published figures, draw the charts.

Pages and notebooks never read CSV files or compute numbers themselves: they ask this package,
whose stages are described in README.md (Architecture).

Two questions readers ask most are answered at the package root:

* ``truce.additional_duty(code, on, imposer) -> float`` — the additional duty, in percent on top
  of the normal (MFN) duty, that one side's tariff layers put on one product (an HTS/HS code of
  6, 8 or 10 digits) on a day (a ``datetime.date`` or an ISO string); ``imposer`` is ``"US"`` or
  ``"CN"``.
* ``truce.average_rate(on, imposer) -> float`` — the trade-weighted average tariff, in percent
  and MFN included, that one side charged on the other's goods that day (weights: 2024 imports
  by product, see ``data/trade_weights.csv``).

Both come from :mod:`truce.analysis.products`, which also gives the stack layer by layer.
"""

from __future__ import annotations

_ROOT_API = {"additional_duty", "average_rate"}


def __getattr__(name: str):
    # imported on first use, so ``import truce.paths`` stays light
    if name in _ROOT_API:
        from truce.analysis import products

        return getattr(products, name)
    raise AttributeError(f"module 'truce' has no attribute {name!r}")


__all__ = sorted(_ROOT_API)
