"""The machinery behind the figures registry: a figure is a named function of the data.

``truce.figures`` declares the figures with :func:`figure`; this module evaluates them and
formats their values. Kept apart so the declarations read as a plain list.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from dataclasses import dataclass, field
from typing import Callable

from truce import data
from truce.figures.formatting import format_value

_REGISTRY: dict[str, "Figure"] = {}
# modules of truce.figures that declare no figures
MACHINERY = {"registry", "formatting"}


@dataclass(frozen=True)
class Result:
    """What a figure function returns: the value and the data rows it was computed from."""

    value: object
    rows: tuple[tuple[str, str], ...] = ()  # (resource, row id)
    as_of: dt.date | None = None
    sources: tuple[str, ...] = ()  # extra source ids, beyond those of the rows


@dataclass(frozen=True)
class Figure:
    id: str
    compute: Callable[[], Result]
    unit: str
    definition: str
    decimals: int = 0
    alternatives: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()

    @property
    def derivation(self) -> str:
        return inspect.cleandoc(self.compute.__doc__ or "")

    @property
    def function(self) -> str:
        return f"{self.compute.__module__}.{self.compute.__name__}"


@dataclass(frozen=True)
class Evaluated:
    figure: Figure
    value: object
    text: str
    spellings: tuple[str, ...]
    as_of: dt.date
    rows: tuple[tuple[str, str], ...]
    source_ids: tuple[str, ...] = field(default_factory=tuple)

    @property
    def id(self) -> str:
        return self.figure.id


def figure(id: str, *, unit: str, definition: str, resources: tuple[str, ...], decimals: int = 0,
           alternatives: tuple[str, ...] = ()):
    """Register the decorated function as figure ``id``."""

    def register(fn: Callable[[], Result]) -> Callable[[], Result]:
        if id in _REGISTRY:
            raise ValueError(f'figure "{id}" is registered twice')
        _REGISTRY[id] = Figure(id, fn, unit, definition, decimals, alternatives, resources)
        return fn

    return register


def registry() -> dict[str, Figure]:
    """Every registered figure: those declared by the modules of the ``truce.figures`` package."""
    import importlib
    import pkgutil

    import truce.figures

    for mod in pkgutil.iter_modules(truce.figures.__path__):
        if mod.name not in MACHINERY:
            importlib.import_module(f"truce.figures.{mod.name}")
    return dict(_REGISTRY)


def _row_sources(rows) -> list[str]:
    found: list[str] = []
    tables: dict[str, object] = {}
    for resource, row_id in rows:
        if resource not in tables:
            tables[resource] = data.load(resource).set_index("id")
        table = tables[resource]
        if row_id in table.index and "source_ids" in table.columns:
            for sid in table.loc[row_id, "source_ids"]:
                if sid and sid not in found:
                    found.append(sid)
    return found


def evaluate(fig: Figure) -> Evaluated:
    result = fig.compute()
    if not isinstance(result, Result):
        raise TypeError(f"figure {fig.id}: {fig.function} must return a truce.registry.Result")
    text = format_value(result.value, fig.unit, fig.decimals)
    spellings = (text,) + tuple(format_value(result.value, alt, fig.decimals) for alt in fig.alternatives)
    sources = list(result.sources) + [s for s in _row_sources(result.rows) if s not in result.sources]
    return Evaluated(fig, result.value, text, spellings, result.as_of or data.last_updated(), tuple(result.rows), tuple(sources))


def package_fingerprint() -> str:
    """A hash of the truce package's source (used with the data's to key caches)."""
    from truce.paths import PACKAGE_DIR, fingerprint

    return fingerprint(sorted(PACKAGE_DIR.rglob("*.py")))


def build_state() -> tuple[str, str]:
    """What every computed number depends on: the data files and the package source. Caches
    that live across rebuilds in ``mkdocs serve`` are keyed on it."""
    return data.data_fingerprint(), package_fingerprint()


@functools.lru_cache(maxsize=1)
def _evaluated(state: tuple[str, str]) -> dict[str, Evaluated]:
    return {fid: evaluate(fig) for fid, fig in sorted(registry().items())}


def evaluate_all() -> dict[str, Evaluated]:
    """Every figure evaluated. Kept for as long as neither the data nor the package changes,
    so a prose edit in ``mkdocs serve`` does not recompute them."""
    return dict(_evaluated(build_state()))
