"""Figures declared as data: the two tables next to the registry.

``declared.csv`` — one row per figure that is one cell of one data file::

    id,resource,row,column,unit,decimals,scale,alternatives,as_of,definition
    chip-h20-writedown,chip_actions,chip-h20-writedown,value,usd_bn,1,,,,Charge Nvidia booked …
    duel-magnets-us-may-2025,rare_earth_magnets,month=2025-05;destination=US,tonnes,tonnes,1,,,2025-05-31,…

``row`` is the row's ``id``, or for a file without an ``id`` column a key expression
``column=value;column=value`` that matches exactly one row. ``scale`` multiplies the cell
(``-1`` for a fall stated as a negative change, ``1/1000`` for $ million to $ billion).
``alternatives`` are other formats readers use (``pct_word``), ``;``-separated. ``as_of`` is a
date, a date column of the row (``effective_from``), or empty for the date the data was checked.

``calls.csv`` — one row per figure that is one call of a function with fixed arguments::

    id,function,arguments,unit,decimals,alternatives,resources,definition
    us-headline-geneva,truce.analysis.tariffs.headline_rate,on=2025-05-14 imposer=US,pct,0,pct_word,tariff_measures,…

``arguments`` are ``name=value`` pairs (shell quoting for values with spaces), converted by the
function's annotations (dates, numbers, ``a,b`` for tuples). An analysis function returns a
bare value; its data rows come from the function registered for it with
:func:`truce.figures.registry.provenance`.

Every row is checked when the registry is built; a bad row fails with
``truce/figures/declared.csv:<line>: column <c>: what is wrong — how to fix it``.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import inspect
import math
import re
import shlex
import typing
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

from truce import data
from truce.figures.formatting import FORMATS
from truce.figures.registry import Figure, Result, provenance_of
from truce.paths import PACKAGE_DIR, ROOT

DECLARED = PACKAGE_DIR / "figures" / "declared.csv"
CALLS = PACKAGE_DIR / "figures" / "calls.csv"
DECLARED_COLUMNS = ["id", "resource", "row", "column", "unit", "decimals", "scale", "alternatives", "as_of", "definition"]
CALL_COLUMNS = ["id", "function", "arguments", "unit", "decimals", "alternatives", "resources", "definition"]
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SCALE = re.compile(r"^-?\d+(?:/\d+)?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DeclarationError(ValueError):
    """A row of a figure table that cannot define a figure."""


@dataclass(frozen=True)
class Row:
    """One row of a figure table with the label and line it is reported by."""

    label: str
    line: int
    cells: dict[str, str]

    def error(self, column: str, message: str) -> DeclarationError:
        return DeclarationError(f"{self.label}:{self.line}: column {column}: {message}")

    def at(self) -> str:
        return f"{self.label}#L{self.line}"


def _label(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def read_rows(path: Path, columns: list[str], label: str | None = None) -> list[Row]:
    """The rows of a figure table, with their line numbers; the header must be ``columns``."""
    label = label or _label(path)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        if header != columns:
            raise DeclarationError(f"{label}:1: column header: the header is {','.join(header)} — it must be {','.join(columns)}")
        rows = []
        start = reader.line_num + 1
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(columns):
                raise DeclarationError(
                    f"{label}:{line}: column {columns[min(len(cells), len(columns)) - 1]}: the row has "
                    f"{len(cells)} cells, the header {len(columns)} — quote cells that contain commas"
                )
            rows.append(Row(label, line, dict(zip(columns, (c.strip() for c in cells), strict=False))))
    return rows


# Checks shared by both tables ---------------------------------------------------------------


def _check_id(row: Row, seen: dict[str, int]) -> str:
    fid = row.cells["id"]
    if not ID.match(fid):
        raise row.error("id", f'"{fid}" is not a figure id — use lower-case words joined by hyphens')
    if fid in seen:
        raise row.error("id", f'figure "{fid}" is already declared on line {seen[fid]} — give each figure one id')
    seen[fid] = row.line
    return fid


def _check_unit(row: Row) -> str:
    unit = row.cells["unit"]
    if unit not in FORMATS:
        raise row.error("unit", f'unknown unit "{unit}" — use one of {", ".join(sorted(FORMATS))}')
    return unit


def _check_decimals(row: Row) -> int:
    text = row.cells["decimals"] or "0"
    if not text.isdigit():
        raise row.error("decimals", f'"{text}" is not a number of decimals — write 0, 1, 2 …')
    return int(text)


def _check_alternatives(row: Row) -> tuple[str, ...]:
    alts = tuple(a.strip() for a in row.cells["alternatives"].split(";") if a.strip())
    for alt in alts:
        if alt not in FORMATS:
            raise row.error("alternatives", f'unknown format "{alt}" — use one of {", ".join(sorted(FORMATS))}, separated by ";"')
    return alts


def _check_definition(row: Row) -> str:
    text = row.cells["definition"]
    if not text:
        raise row.error("definition", "the definition is empty — say in one sentence what the number is")
    return text


def _check_resource(row: Row, name: str, column: str = "resource") -> str:
    known = data.resource_names()
    if name not in known:
        raise row.error(column, f'unknown resource "{name}" — use one of {", ".join(known)} (data/datapackage.json)')
    return name


# Declared cells ------------------------------------------------------------------------------


def _text(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _key(row: Row) -> dict[str, str]:
    text = row.cells["row"]
    if not text:
        raise row.error("row", "the row key is empty — give the row's id, or column=value;column=value")
    if "=" not in text:
        return {"id": text}
    key = {}
    for part in text.split(";"):
        name, sep, value = part.partition("=")
        if not sep or not name.strip():
            raise row.error("row", f'"{part}" is not column=value — write the key as column=value;column=value')
        key[name.strip()] = value.strip()
    return key


def _find_row(row: Row, resource: str) -> dict:
    frame = data.load(resource)
    key = _key(row)
    for name in key:
        if name not in frame.columns:
            if name == "id":
                raise row.error(
                    "row",
                    f"data/{resource}.csv has no id column — write a key such as {'=…;'.join(c for c in frame.columns[:2])}=…",
                )
            raise row.error("row", f'data/{resource}.csv has no column "{name}" — key on one of {", ".join(frame.columns)}')
    match = frame
    for name, value in key.items():
        match = match[match[name].map(_text) == value]
    shown = row.cells["row"]
    if len(match) == 0:
        what = f'no row with id "{shown}"' if list(key) == ["id"] else f"no row with {shown}"
        raise row.error("row", f"data/{resource}.csv has {what} — use a row that is in the file")
    if len(match) > 1:
        raise row.error(
            "row", f"{len(match)} rows of data/{resource}.csv match {shown} — add columns to the key until one row matches"
        )
    return match.iloc[0].to_dict()


def _scale(row: Row) -> Fraction:
    text = row.cells["scale"] or "1"
    if not SCALE.match(text):
        raise row.error("scale", f'"{text}" is not a scale — write a factor such as -1, 1/1000 or 1000000')
    return Fraction(text)


def _cell_value(row: Row, resource: str, record: dict, unit: str, scale: Fraction):
    column = row.cells["column"]
    if column not in record:
        raise row.error("column", f'data/{resource}.csv has no column "{column}" — use one of {", ".join(record)}')
    value = record[column]
    if isinstance(value, np.generic):
        value = value.item()
    if unit in ("date", "month"):
        if isinstance(value, str) and re.match(r"^\d{4}-\d{2}$", value):
            value = dt.date.fromisoformat(value + "-01")
        if not isinstance(value, dt.date):
            raise row.error("column", f'"{column}" of data/{resource}.csv is not a date — choose a date column or another unit')
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (isinstance(value, float) and math.isnan(value)):
        raise row.error(
            "column", f'"{column}" of this row of data/{resource}.csv is not a number ({value!r}) — choose a numeric column'
        )
    if scale.denominator == 1:
        return value * scale.numerator if scale != 1 else value
    return value * scale.numerator / scale.denominator


def _as_of(row: Row, resource: str, record: dict) -> dt.date | None:
    rule = row.cells["as_of"]
    if not rule:
        return None
    if DATE.match(rule):
        try:
            return dt.date.fromisoformat(rule)
        except ValueError:
            raise row.error("as_of", f'"{rule}" is not a valid date — write YYYY-MM-DD') from None
    if rule not in record:
        raise row.error(
            "as_of",
            f'"{rule}" is neither a date nor a column of data/{resource}.csv — write YYYY-MM-DD, a date column, or leave it empty',
        )
    value = record[rule]
    if isinstance(value, str) and DATE.match(value):
        value = dt.date.fromisoformat(value)
    if value in ("", None) or (isinstance(value, float) and math.isnan(value)):
        return None
    if not isinstance(value, dt.date):
        raise row.error("as_of", f'column "{rule}" of data/{resource}.csv is not a date — name a date column or write YYYY-MM-DD')
    return value


def _derivation(row: Row, resource: str, scale: Fraction) -> str:
    cells = row.cells
    key = f"row {cells['row']}" if "=" not in cells["row"] else f"the row {cells['row']}"
    text = f"value of {key}, column {cells['column']} of data/{resource}.csv"
    if scale == -1:
        text = "minus the " + text
    elif scale < 0:
        text = f"minus the {text}, × {-scale}"
    elif scale != 1:
        text += f", × {scale}"
    return text[0].upper() + text[1:] + "."


def declared_figure(row: Row, seen: dict[str, int]) -> Figure:
    """The figure one row of ``declared.csv`` defines (its cell is read now, so a bad key fails early)."""
    fid = _check_id(row, seen)
    resource = _check_resource(row, row.cells["resource"])
    unit = _check_unit(row)
    decimals = _check_decimals(row)
    scale = _scale(row)
    alternatives = _check_alternatives(row)
    definition = _check_definition(row)
    record = _find_row(row, resource)
    _cell_value(row, resource, record, unit, scale)
    _as_of(row, resource, record)

    def compute() -> Result:
        record = _find_row(row, resource)
        value = _cell_value(row, resource, record, unit, scale)
        as_of = _as_of(row, resource, record)
        if "id" in record:
            return Result(value, rows=((resource, record["id"]),), as_of=as_of)
        return Result(value, as_of=as_of, sources=tuple(record.get("source_ids") or ()))

    return Figure(
        fid,
        compute,
        unit,
        definition,
        decimals,
        alternatives,
        (resource,),
        derivation=_derivation(row, resource, scale),
        defined_at=row.at(),
        function=row.at(),
    )


def declared_figures(path: Path = DECLARED, label: str | None = None) -> list[Figure]:
    """Every figure of ``declared.csv``, each row checked."""
    seen: dict[str, int] = {}
    return [declared_figure(row, seen) for row in read_rows(path, DECLARED_COLUMNS, label)]


# Declared calls ------------------------------------------------------------------------------


def _function(row: Row):
    name = row.cells["function"]
    module, _, attr = name.rpartition(".")
    if not module.startswith("truce.") or not attr:
        raise row.error(
            "function",
            f'"{name}" is not a function of the truce package — write its full name, e.g. truce.analysis.tariffs.headline_rate',
        )
    try:
        fn = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError):
        raise row.error("function", f'unknown function "{name}" — check the module and the name') from None
    if not callable(fn):
        raise row.error("function", f'"{name}" is not a function — name a function')
    return fn


def _convert(row: Row, name: str, text: str, kind):
    origin = typing.get_origin(kind)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        kind = options[0] if options else str
        origin = typing.get_origin(kind)
    try:
        if kind is dt.date:
            return dt.date.fromisoformat(text)
        if kind is bool:
            if text not in ("true", "false"):
                raise ValueError
            return text == "true"
        if kind in (int, float):
            return kind(text)
        if origin is tuple:
            return tuple(t.strip() for t in text.split(",") if t.strip())
    except ValueError:
        shown = getattr(kind, "__name__", str(kind))
        raise row.error(
            "arguments", f"{name}={text} is not a {shown} — write {'YYYY-MM-DD' if kind is dt.date else 'a ' + shown}"
        ) from None
    return text


def _arguments(row: Row, fn) -> tuple[dict, str]:
    try:
        tokens = shlex.split(row.cells["arguments"])
    except ValueError as exc:
        raise row.error("arguments", f"{exc} — close the quotes") from None
    signature = inspect.signature(fn)
    hints = typing.get_type_hints(fn)
    kwargs, shown = {}, []
    for token in tokens:
        name, sep, text = token.partition("=")
        if not sep:
            raise row.error("arguments", f'"{token}" is not name=value — write each argument as name=value')
        if name not in signature.parameters or name == "table":
            known = ", ".join(p for p in signature.parameters if p != "table")
            raise row.error("arguments", f'{row.cells["function"]} takes no argument "{name}" — use {known}')
        kwargs[name] = _convert(row, name, text, hints.get(name, str))
        shown.append(f"{name}={text}")
    missing = [
        p.name
        for p in signature.parameters.values()
        if p.default is inspect.Parameter.empty and p.name not in kwargs and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    if missing:
        raise row.error("arguments", f"{row.cells['function']} needs {', '.join(missing)} — add name=value for each")
    return kwargs, ", ".join(shown)


def call_figure(row: Row, seen: dict[str, int]) -> Figure:
    """The figure one row of ``calls.csv`` defines."""
    fid = _check_id(row, seen)
    fn = _function(row)
    kwargs, shown = _arguments(row, fn)
    unit = _check_unit(row)
    decimals = _check_decimals(row)
    alternatives = _check_alternatives(row)
    resources = tuple(r.strip() for r in row.cells["resources"].split(";") if r.strip())
    if not resources:
        raise row.error("resources", 'no data file named — list the resources the function reads, separated by ";"')
    for name in resources:
        _check_resource(row, name, "resources")
    definition = _check_definition(row)
    rows_of = provenance_of(fn)

    def compute() -> Result:
        value = fn(**kwargs)
        if isinstance(value, Result):
            return value
        if isinstance(value, np.generic):
            value = value.item()
        if rows_of is None:
            return Result(value)
        found = rows_of(**kwargs)
        return Result(value, rows=found.rows, as_of=found.as_of, sources=found.sources)

    doc = inspect.getdoc(fn) or ""
    summary = doc.split("\n\n")[0].replace("\n", " ")
    derivation = f"{row.cells['function']}({shown})" + (f": {summary}" if summary else "")
    return Figure(
        fid,
        compute,
        unit,
        definition,
        decimals,
        alternatives,
        resources,
        derivation=derivation,
        defined_at=row.at(),
        function=row.cells["function"],
    )


def call_figures(path: Path = CALLS, label: str | None = None) -> list[Figure]:
    """Every figure of ``calls.csv``, each row checked."""
    seen: dict[str, int] = {}
    return [call_figure(row, seen) for row in read_rows(path, CALL_COLUMNS, label)]


# The registry ----------------------------------------------------------------------------------


def merged(functions: dict[str, Figure], rows: list[Figure]) -> dict[str, Figure]:
    """Functions and table rows together; an id defined twice fails, naming both places."""
    out = dict(functions)
    for fig in rows:
        if fig.id in out:
            other = out[fig.id]
            label, line = fig.defined_in, fig.line
            raise DeclarationError(
                f'{label}:{line}: column id: figure "{fig.id}" is already defined at {other.defined_at} — give each figure one id'
            )
        out[fig.id] = fig
    return out
