"""The machinery behind the figures registry: a figure is a named, documented value of the data.

Figures come from three places, all gathered by :func:`registry`:

- rows of ``truce/figures/declared.csv`` — one cell of one data file (most figures);
- rows of ``truce/figures/calls.csv`` — one call of a function with fixed arguments;
- functions decorated with :func:`figure` in the subject modules of ``truce.figures`` — real
  computations only.

This module evaluates them and formats their values; :mod:`.declared` reads the two tables.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from truce import data, i18n
from truce.figures.formatting import format_value
from truce.paths import kept_result, package_fingerprint

_REGISTRY: dict[str, Figure] = {}
_PROVENANCE: dict[Callable, Callable] = {}
# modules of truce.figures that declare no figures
MACHINERY = {"registry", "formatting", "declared"}


@dataclass(frozen=True)
class Result:
    """What a figure function returns: the value and the data rows it was computed from."""

    value: object
    rows: tuple[tuple[str, str], ...] = ()  # (resource, row id)
    as_of: dt.date | None = None
    sources: tuple[str, ...] = ()  # extra source ids, beyond those of the rows


@dataclass(frozen=True)
class Figure:
    """A registered figure. ``defined_at`` is the file and line that defines it
    (``truce/figures/declared.csv#L42`` or ``truce/figures/tariffs.py#L30``)."""

    id: str
    compute: Callable[[], Result]
    unit: str
    definition: str
    decimals: int = 0
    alternatives: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    derivation: str = ""
    defined_at: str = ""
    function: str = ""

    @property
    def defined_in(self) -> str:
        """The file that defines the figure, relative to the repository root."""
        return self.defined_at.split("#")[0]

    @property
    def line(self) -> int:
        return int(self.defined_at.split("#L")[1]) if "#L" in self.defined_at else 0


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

    def spelled(self, as_: str | None = None, decimals: int | None = None, lang: str = "en") -> str:
        """The value in another format or with fewer decimals, as a figure link asks for it
        (``fig:id?as=pct_word``, ``fig:id?decimals=0``), in English or Chinese (``lang="zh"``)."""
        return format_value(self.value, as_ or self.figure.unit, self.figure.decimals if decimals is None else decimals, lang)

    def spellings_in(self, lang: str = "en") -> tuple[str, ...]:
        """Every way a page in ``lang`` may write the figure: its format, then its alternatives."""
        if lang == "en":
            return self.spellings
        units = (self.figure.unit,) + tuple(self.figure.alternatives)
        return tuple(dict.fromkeys(format_value(self.value, u, self.figure.decimals, lang) for u in units))

    def text_in(self, lang: str = "en") -> str:
        return self.spellings_in(lang)[0]

    def definition_in(self, lang: str = "en") -> str:
        """The figure's one-sentence definition in ``lang`` (``truce/figures/definitions_<lang>.csv``)."""
        return self.figure.definition if lang == "en" else definitions(lang)[self.id]


DEFINITIONS_DIR = Path(__file__).resolve().parent


def definition_problems(lang: str, ids: list[str], path: Path | None = None) -> list[str]:
    """What is wrong with the definitions of the figures in ``lang``: a figure without one, an id
    that is no figure, a repeated id or an empty cell — each with file, line and fix."""
    import csv

    path = path or DEFINITIONS_DIR / f"definitions_{lang}.csv"
    name = f"truce/figures/{path.name}"
    problems, seen = [], set()
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), 2):
            fid, text = row.get("id") or "", (row.get("definition") or "").strip()
            if fid in seen:
                problems.append(f"{name}:{line}: figure {fid} is defined twice — keep one row")
            elif fid not in ids:
                problems.append(f"{name}:{line}: {fid!r} is not a figure id — remove the row or fix the id")
            elif not text:
                problems.append(f"{name}:{line}: column definition: empty — write the figure's definition in {lang}")
            seen.add(fid)
    problems += [f"{name}: figure {fid} has no row — add its definition in {lang}" for fid in ids if fid not in seen]
    return problems


@functools.cache
def definitions(lang: str) -> dict[str, str]:
    """Figure id -> its definition in ``lang``."""
    import csv

    with (DEFINITIONS_DIR / f"definitions_{lang}.csv").open(encoding="utf-8", newline="") as fh:
        return {r["id"]: r["definition"] for r in csv.DictReader(fh)}


def _defined_at(fn: Callable) -> str:
    from truce.paths import ROOT

    path = inspect.getsourcefile(fn)
    try:
        _, line = inspect.getsourcelines(fn)
    except OSError:
        line = 0
    try:
        rel = Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        rel = str(path)
    return f"{rel}#L{line}"


def figure(
    id: str, *, unit: str, definition: str, resources: tuple[str, ...], decimals: int = 0, alternatives: tuple[str, ...] = ()
):
    """Register the decorated function as figure ``id``; its docstring is the derivation."""

    def register(fn: Callable[[], Result]) -> Callable[[], Result]:
        if id in _REGISTRY:
            raise ValueError(f'figure "{id}" is registered twice')
        _REGISTRY[id] = Figure(
            id,
            fn,
            unit,
            definition,
            decimals,
            alternatives,
            resources,
            derivation=inspect.cleandoc(fn.__doc__ or ""),
            defined_at=_defined_at(fn),
            function=f"{fn.__module__}.{fn.__name__}",
        )
        return fn

    return register


def provenance(fn: Callable):
    """Register the decorated function as the provenance of ``fn`` when ``fn`` is named in
    ``calls.csv``: called with the same arguments, it returns a :class:`Result` whose rows,
    as-of date and sources go with ``fn``'s value (its own value is ignored)."""

    def register(rows_of: Callable[..., Result]) -> Callable[..., Result]:
        _PROVENANCE[fn] = rows_of
        return rows_of

    return register


def provenance_of(fn: Callable) -> Callable | None:
    return _PROVENANCE.get(fn)


def function_figures() -> dict[str, Figure]:
    """Figures defined by functions in the subject modules of ``truce.figures``."""
    import importlib
    import pkgutil

    import truce.figures

    for mod in pkgutil.iter_modules(truce.figures.__path__):
        if mod.name not in MACHINERY:
            importlib.import_module(f"truce.figures.{mod.name}")
    return dict(_REGISTRY)


def registry() -> dict[str, Figure]:
    """Every registered figure: declared cells, declared calls and functions."""
    from truce.figures import declared

    functions = function_figures()
    return declared.merged(functions, declared.declared_figures() + declared.call_figures())


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


def _worked_out(fig: Figure) -> tuple:
    """What a figure's function gives, the same in both editions: value, as-of date, data rows
    and source ids (its own, then those of its rows)."""
    result = fig.compute()
    if not isinstance(result, Result):
        raise TypeError(f"figure {fig.id}: {fig.function} must return a truce.figures.registry.Result")
    sources = list(result.sources) + [s for s in _row_sources(result.rows) if s not in result.sources]
    return result.value, result.as_of or data.last_updated(), tuple(result.rows), tuple(sources)


def _written(fig: Figure, value, as_of: dt.date, rows: tuple, sources: tuple) -> Evaluated:
    """The figure with its value written as the edition being built writes it."""
    text = format_value(value, fig.unit, fig.decimals)
    spellings = (text,) + tuple(format_value(value, alt, fig.decimals) for alt in fig.alternatives)
    return Evaluated(fig, value, text, spellings, as_of, rows, sources)


def evaluate(fig: Figure) -> Evaluated:
    return _written(fig, *_worked_out(fig))


def build_state() -> tuple[str, str]:
    """What every computed number depends on: the data files and the package source. Caches
    that live across rebuilds in ``mkdocs serve`` are keyed on it."""
    return data.data_fingerprint(), package_fingerprint()


@functools.lru_cache(maxsize=2)
def _evaluated(state: tuple[str, str], lang: str) -> dict[str, Evaluated]:
    """Every figure evaluated for this state of the data and the package, written in ``lang``.
    The values do not depend on the edition, only their text does: they are kept in
    ``.cache/figures`` under the state alone, so the build of one edition works them out and
    the other (building at the same time, in another process) and later builds read them."""
    figures = registry()

    def values() -> dict:
        return {fid: _worked_out(fig) for fid, fig in sorted(figures.items())}

    kept = kept_result("figures", state, values, accept=lambda v: isinstance(v, dict) and set(v) == set(figures))
    return {fid: _written(figures[fid], *kept[fid]) for fid in sorted(figures)}


def evaluate_all() -> dict[str, Evaluated]:
    """Every figure evaluated. Kept for as long as neither the data nor the package changes,
    so a prose edit in ``mkdocs serve`` does not recompute them."""
    return dict(_evaluated(build_state(), i18n.current()))
