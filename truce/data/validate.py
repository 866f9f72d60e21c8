"""Validate the data package against its Table Schemas.

Every CSV in ``data/`` is declared in ``data/datapackage.json`` with a Table Schema.
:func:`problems` checks each file with `frictionless` (types, required cells, enums, ranges,
patterns, unique keys) and then runs the rules a Table Schema cannot express (``;``-separated
``source_ids`` that must exist in ``data/sources.csv``, ends not before starts, word limits).
Each problem reads ``file:line: column name: what is wrong — fix``; :func:`validate_package`
raises them together as one :class:`DataError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from truce.paths import DATA_DIR, ROOT

SOURCE_IDS_FIELD = "source_ids"


# the named dates of an event; its listing date (``date``) must be one of them when any is known
LISTING_DATES = ("announced", "issued", "effective")
WORD_LIMITS = {"summary": 60, "commitment": 40, "outcome_summary": 50}


FORMAT_HINTS = {
    "date": "a date (YYYY-MM-DD)",
    "integer": "a whole number",
    "number": "a number (use . as the decimal point, no units or thousands separators)",
    "boolean": "true or false",
}


class DataError(ValueError):
    """One or more problems in the data files, one per line of the message."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in data/:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        col = f" column {self.column}:" if self.column else ""
        return f"{where}:{col} {self.message}"


def descriptor(data_dir: Path = DATA_DIR) -> dict:
    """The parsed ``datapackage.json``."""
    return json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))


def resource_names(data_dir: Path = DATA_DIR) -> list[str]:
    return [r["name"] for r in descriptor(data_dir)["resources"]]


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def record_lines(path: Path) -> list[int]:
    """File line on which each record starts (index 0 = header), quoted newlines included."""
    starts = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        line = 1
        for _ in reader:
            starts.append(line)
            line = reader.line_num + 1
    return starts


def _describe(error, field_types: dict[str, str], key_index: tuple[int, ...] = ()) -> str:
    """A contributor-facing sentence for one frictionless error."""
    cell = getattr(error, "cell", None)
    note = error.note or ""
    field = getattr(error, "field_name", None)
    if error.type == "type-error":
        hint = FORMAT_HINTS.get(field_types.get(field, ""), field_types.get(field, "a valid value"))
        return f'"{cell}" is not {hint} — correct the value'
    if error.type == "constraint-error":
        m = re.match(r'constraint "(\w+)" is "(.*)"$', note)
        kind, value = (m.group(1), m.group(2)) if m else ("", note)
        if kind == "required":
            return "is empty but required — fill it in"
        if kind == "enum":
            allowed = ", ".join(json.loads(value.replace("'", '"')))
            return f'"{cell}" is not one of: {allowed} — use one of these values'
        if kind == "pattern":
            return f'"{cell}" does not match the pattern {value} — see data/README.md for the format'
        if kind in ("minimum", "maximum"):
            word = "below the minimum" if kind == "minimum" else "above the maximum"
            return f'"{cell}" is {word} {value} — check the value and its unit'
        if kind in ("minLength", "maxLength"):
            return f"is {len(str(cell))} characters long, the {kind} is {value} — shorten or complete it"
        return f'"{cell}" breaks the constraint {kind} = {value}'
    if error.type == "primary-key":
        m = re.search(r"position (\d+)", note)
        row_cells = getattr(error, "cells", None) or []
        cells = ", ".join(f'"{row_cells[i]}"' for i in key_index if i < len(row_cells))
        return f"duplicate key {cells} (first used in record {m.group(1) if m else '?'}) — each key must appear once"
    if error.type == "unique-error":
        m = re.search(r"position (\d+)", note)
        return f'duplicate value "{cell}" (first used in record {m.group(1) if m else "?"}) — ids must be unique'
    if error.type == "extra-cell":
        return f'has an extra cell "{cell}" beyond the header — remove it or quote a value that contains a comma'
    if error.type == "missing-cell":
        return "is missing (the row has fewer cells than the header) — add the cell, even if empty"
    if error.type == "blank-row":
        return "is a blank row — delete it"
    if error.type in ("incorrect-label", "missing-label", "extra-label", "duplicate-label", "blank-label"):
        return f"header problem: {error.message} — the header must match the schema in data/datapackage.json"
    return f"{error.message}"


def _schema_problems(path: Path, schema: dict) -> list[Problem]:
    from frictionless import Resource, Schema

    field_types = {f["name"]: f.get("type", "string") for f in schema["fields"]}
    names = [f["name"] for f in schema["fields"]]
    key_index = tuple(names.index(k) for k in schema.get("primaryKey", []) if k in names)
    # foreign keys (including list-valued source_ids) are checked by _foreign_key_problems
    plain = {k: v for k, v in schema.items() if k != "foreignKeys"}
    resource = Resource(path=path.name, basepath=str(path.parent), schema=Schema.from_descriptor(plain))
    report = resource.validate(limit_errors=10_000)
    lines = record_lines(path)
    problems = []
    for task in report.tasks:
        for error in task.errors:
            if error.type == "primary-key" and any(
                f.get("constraints", {}).get("unique") for f in schema["fields"] if f["name"] in schema.get("primaryKey", [])
            ):
                continue  # already reported as a unique-error on the key column
            row = getattr(error, "row_number", None)
            line = lines[row - 1] if row and row - 1 < len(lines) else row
            problems.append(
                Problem(_rel(path), line, getattr(error, "field_name", None) or None, _describe(error, field_types, key_index))
            )
    return problems


def _read_raw(path: Path) -> pd.DataFrame:
    """Every cell as text, exactly as written (no NA guessing). Ragged rows are padded or cut
    to the header here only for the extra rules; the schema check reports them."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    body = [(r + [""] * len(header))[: len(header)] for r in body]
    return pd.DataFrame(body, columns=header, dtype=str)


def _rule_problems(name: str, path: Path, frame: pd.DataFrame, source_ids: set[str] | None) -> list[Problem]:
    """Rules beyond Table Schema: list foreign keys, date order, word limits."""
    problems = []
    lines = record_lines(path)
    rel = _rel(path)
    for i, row in enumerate(frame.to_dict("records")):
        line = lines[i + 1] if i + 1 < len(lines) else i + 2
        if SOURCE_IDS_FIELD in row and source_ids is not None:
            ids = [s for s in row[SOURCE_IDS_FIELD].split(";")]
            if row[SOURCE_IDS_FIELD] and any(s.strip() != s or not s for s in ids):
                problems.append(
                    Problem(
                        rel,
                        line,
                        SOURCE_IDS_FIELD,
                        f'"{row[SOURCE_IDS_FIELD]}" is malformed — separate ids with ";" and no spaces',
                    )
                )
            for sid in ids:
                if sid and sid.strip() == sid and sid not in source_ids:
                    problems.append(
                        Problem(
                            rel,
                            line,
                            SOURCE_IDS_FIELD,
                            f'unknown source id "{sid}" — add it to data/sources.csv or fix the spelling',
                        )
                    )
        for start, end in (("date", "date_end"), ("effective_from", "effective_to")):
            if row.get(start) and row.get(end) and _is_date(row[start]) and _is_date(row[end]) and row[end] < row[start]:
                problems.append(
                    Problem(rel, line, end, f'"{row[end]}" is before {start} "{row[start]}" — the end cannot precede the start')
                )
        if (
            name == "tariff_measures"
            and row.get("suspends")
            and not row.get("effective_to")
            and row.get("status") != "threatened"
        ):
            problems.append(
                Problem(
                    rel,
                    line,
                    "effective_to",
                    "is empty but the row suspends a layer — a suspension runs for a fixed term: give its legal end "
                    "date (data/tariff_confirmed.csv says how far sources confirm it)",
                )
            )
        named = [row.get(c, "") for c in LISTING_DATES if row.get(c)]
        if name == "events" and named and row.get("date") and row["date"] not in named + [row.get("ended", "")]:
            problems.append(
                Problem(
                    rel,
                    line,
                    "date",
                    f'"{row["date"]}" is none of the move\'s dates ({", ".join(named)}) — list the move '
                    "on the day it was announced, or took effect if it was scheduled long before",
                )
            )
        if name == "sources" and row.get("kind") == "primary-copy" and not row.get("document", "").strip():
            problems.append(
                Problem(
                    rel,
                    line,
                    "document",
                    'is empty but kind is "primary-copy" — name the official document the page reproduces (number and date)',
                )
            )
        for column, limit in WORD_LIMITS.items():
            words = len(row.get(column, "").split())
            if words > limit:
                problems.append(Problem(rel, line, column, f"has {words} words, the limit is {limit} — shorten it"))
    return problems


PRIMARY_KINDS = frozenset({"primary", "primary-copy"})


def is_primary(kind: str) -> bool:
    """A primary document: read on the issuing body's site, or its full text copied elsewhere."""
    return kind in PRIMARY_KINDS


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return len(text) == 10
    except ValueError:
        return False


def problems(data_dir: Path = DATA_DIR) -> list[Problem]:
    """Every problem in the data package, in file order."""
    desc = descriptor(data_dir)
    found: list[Problem] = []
    frames: dict[str, tuple[Path, pd.DataFrame]] = {}
    for res in desc["resources"]:
        path = data_dir / res["path"]
        if not path.exists():
            found.append(
                Problem(
                    _rel(path), None, None, "is declared in datapackage.json but missing — add the file or remove the resource"
                )
            )
            continue
        found.extend(_schema_problems(path, res["schema"]))
        frames[res["name"]] = (path, _read_raw(path))
    declared = {res["path"] for res in desc["resources"]}
    for csv_path in sorted(data_dir.glob("*.csv")):
        if csv_path.name not in declared:
            found.append(
                Problem(
                    _rel(csv_path), None, None, "is not declared in data/datapackage.json — add a resource with its Table Schema"
                )
            )
    source_ids = set(frames["sources"][1]["id"]) if "sources" in frames else None
    for name, (path, frame) in frames.items():
        found.extend(_rule_problems(name, path, frame, source_ids))
    for res in desc["resources"]:
        if res["name"] in frames:
            found.extend(_foreign_key_problems(res, frames))
            found.extend(_translation_problems(res["name"], frames))
    return found


TRANSLATION_SUFFIX = "_zh"


def _translation_problems(name: str, frames: dict) -> list[Problem]:
    """A Chinese-text table (``events_zh``) has one row for every row of its English table: a
    row missing there is reported with the English row's line and the columns to write."""
    base = name.removesuffix(TRANSLATION_SUFFIX)
    if not name.endswith(TRANSLATION_SUFFIX) or base not in frames:
        return []
    path, frame = frames[name]
    base_path, base_frame = frames[base]
    have = set(frame["id"])
    columns = ", ".join(c for c in frame.columns if c != "id")
    lines = record_lines(base_path)
    return [
        Problem(
            _rel(path),
            None,
            "id",
            f'has no row for "{rid}" ({_rel(base_path)} line {lines[i + 1]}) — add a row with its Chinese {columns}',
        )
        for i, rid in enumerate(base_frame["id"])
        if rid not in have
    ]


def _foreign_key_problems(res: dict, frames: dict) -> list[Problem]:
    """Foreign keys declared in the schema; an empty cell means "no link", and each id of a
    ``;``-separated list column (``*_ids``) must exist."""
    problems = []
    path, frame = frames[res["name"]]
    lines = record_lines(path)
    for fk in res["schema"].get("foreignKeys", []):
        target = fk["reference"]["resource"]
        if target not in frames:
            continue
        known = set(frames[target][1][fk["reference"]["fields"]])
        column = fk["fields"]
        for i, cell in enumerate(frame[column]):
            # a list column (``measure_ids``) refers with each of its ";"-separated ids
            values = cell.split(";") if column.endswith("_ids") else [cell]
            for value in values:
                if value and value not in known:
                    problems.append(
                        Problem(
                            _rel(path),
                            lines[i + 1],
                            column,
                            f'"{value}" is not an id in {target}.csv — add that row or fix the reference',
                        )
                    )
    return problems


def validate_package(data_dir: Path = DATA_DIR) -> None:
    """Raise :class:`DataError` listing every problem, or return quietly."""
    found = problems(data_dir)
    if found:
        raise DataError([str(p) for p in found])
