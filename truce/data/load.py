"""Load the validated data package as typed data frames.

Nothing is coerced or dropped: a package that fails validation is never loaded. The files are
read, validated and typed once per state of the ``data/`` folder, not on every call: the state
is the files' fingerprint, a hash of their bytes computed again only when a file's size or
modification time changes. The typed tables of that state are kept in ``.cache/data``, so the
other processes (the second edition's build, `make check`, a notebook kernel) read them at once.

Types follow each field's Table Schema: dates become ``datetime.date``, numbers ``float``,
integers ``int``, booleans ``bool`` (an empty cell is ``False``: the flag is not set), and ``;``-separated id lists (``source_ids`` and every other ``*_ids``
column) become tuples of ids, parsed here once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from truce import i18n
from truce.data.validate import _read_raw, descriptor, validate_package
from truce.paths import DATA_DIR, PACKAGE_DIR, fingerprint, kept_result, package_fingerprint

LIST_SUFFIX = "_ids"
# the sets that record which resources are loaded while a notebook's code runs (see reads())
_RECORDERS: list[set[str]] = []


@contextlib.contextmanager
def reads():
    """Record the name of every resource :func:`load` returns inside the ``with`` block."""
    seen: set[str] = set()
    _RECORDERS.append(seen)
    try:
        yield seen
    finally:
        _RECORDERS.remove(seen)


def kept_from_data(kind: str, key: tuple, make, *, accept):
    """The result of ``make()``, a computation from the data, kept in ``.cache/<kind>`` for this
    state of the data and the package (see :func:`truce.paths.kept_result`) with the names of the
    resources it read. Taking the kept copy counts as reading them again, so the check that a
    page declares the data it reads (:func:`reads`) sees the same names either way."""

    def make_and_record():
        with reads() as seen:
            value = make()
        return frozenset(seen), value

    names, value = kept_result(
        kind,
        (*key, data_fingerprint(), package_fingerprint()),
        make_and_record,
        accept=lambda kept: isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], frozenset) and accept(kept[1]),
    )
    for seen in _RECORDERS:
        seen.update(names)
    return value


def _paths(data_dir: Path, resources: list[str] | None) -> list[Path]:
    if resources is None:
        return sorted(p for p in data_dir.glob("*") if p.is_file())
    wanted = set(resources) | {"sources"}
    return [data_dir / "datapackage.json"] + [
        data_dir / r["path"] for r in descriptor(data_dir)["resources"] if r["name"] in wanted
    ]


def data_fingerprint(data_dir: Path = DATA_DIR, resources: list[str] | None = None) -> str:
    """A hash of the data files (used to key caches): every file, or only the named resources
    (plus ``sources.csv`` and the descriptor, which every page depends on). A file is read
    again only when its size or modification time changed."""
    return fingerprint(_paths(Path(data_dir), resources))


def is_list_field(name: str) -> bool:
    """``source_ids``, ``pulled_event_ids`` …: ``;``-separated ids, loaded as tuples."""
    return name.endswith(LIST_SUFFIX)


def split_ids(text: str) -> tuple[str, ...]:
    """``"a;b"`` → ``("a", "b")``; an empty cell → ``()``."""
    return tuple(s for s in text.split(";") if s)


def ids_in(frame: pd.DataFrame, column: str = "source_ids") -> tuple[str, ...]:
    """The ids a frame's rows cite in a list column, each once, in order of first appearance."""
    out: dict[str, None] = {}
    for ids in frame[column]:
        out.update(dict.fromkeys(ids))
    return tuple(out)


def _typed(frame: pd.DataFrame, schema: dict) -> pd.DataFrame:
    out = frame.copy()
    for field in schema["fields"]:
        col, kind = field["name"], field.get("type", "string")
        if col not in out:
            continue
        if kind == "date":
            out[col] = [dt.date.fromisoformat(v) if v else None for v in out[col]]
        elif kind == "number":
            out[col] = [float(v) if v != "" else float("nan") for v in out[col]]
        elif kind == "integer":
            out[col] = [int(v) if v != "" else None for v in out[col]]
        elif kind == "boolean":
            true = set(field.get("trueValues", ["true"]))
            out[col] = [v in true for v in out[col]]
        elif is_list_field(col):
            out[col] = [split_ids(v) for v in out[col]]
    return out


def _validated_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    validate_package(data_dir)
    desc = descriptor(data_dir)
    return {r["name"]: _typed(_read_raw(data_dir / r["path"]), r["schema"]) for r in desc["resources"]}


@functools.lru_cache(maxsize=8)
def _load_all(data_dir: Path, data_state: str) -> dict[str, pd.DataFrame]:
    """The validated, typed tables. The site's own data is kept in ``.cache/data`` between processes
    (each edition builds in a process of its own), keyed on the files' bytes, the code that validates
    and types them, and the libraries it uses. Any other package (a test's) is validated every time."""
    if data_dir.resolve() != DATA_DIR.resolve():
        return _validated_tables(data_dir)
    code = fingerprint(sorted((PACKAGE_DIR / "data").glob("*.py")))
    return kept_result(
        "data",
        (data_state, code, pd.__version__, version("frictionless")),
        lambda: _validated_tables(data_dir),
        accept=lambda v: isinstance(v, dict),
    )


def check_package(data_dir: Path = DATA_DIR) -> None:
    """Raise :class:`DataError` listing every problem of the data package, or return quietly. A
    state of the data that passed is not validated again: its typed tables are kept under that
    state and the validating code (see :func:`_load_all`), and only data that passed is kept."""
    _load_all(Path(data_dir), data_fingerprint(Path(data_dir)))


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """A validated resource as a data frame (dates as ``datetime.date``, numbers as float, id
    lists as tuples). Raises :class:`DataError` when any file in the package is invalid."""
    tables = _load_all(Path(data_dir), data_fingerprint(Path(data_dir)))
    for seen in _RECORDERS:
        seen.add(name)
    if name not in tables:
        raise KeyError(f'no resource "{name}" in data/datapackage.json (have: {", ".join(tables)})')
    return tables[name].copy()


@functools.lru_cache(maxsize=8)
def _sources(data_dir: Path, fingerprint: str) -> dict[str, dict]:
    return {row["id"]: row for row in load("sources", data_dir).to_dict("records")}


def sources(data_dir: Path = DATA_DIR) -> dict[str, dict]:
    """Source rows keyed by id (each row a fresh copy: callers may change them)."""
    rows = _sources(Path(data_dir), data_fingerprint(Path(data_dir)))
    return {sid: dict(row) for sid, row in rows.items()}


def last_updated(data_dir: Path = DATA_DIR) -> dt.date:
    """The newest ``accessed`` date among the sources: when the data was last checked."""
    return max(load("sources", data_dir)["accessed"])


def localize(frame: pd.DataFrame, name: str, lang: str | None = None, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """``frame`` (rows of resource ``name``) with its text columns in ``lang`` (the edition being
    built when None), taken from ``<name>_<lang>.csv`` by id. English, or a resource without a
    translation table in the package, comes back as it is (``checks/test_i18n.py`` requires the
    tables the pages use)."""
    lang = lang or i18n.current()
    table = f"{name}_{lang}"
    if lang == "en" or table not in {r["name"] for r in descriptor(Path(data_dir))["resources"]}:
        return frame
    texts = load(table, data_dir).set_index("id")
    out = frame.copy()
    for column in texts.columns:
        if column in out:
            out[column] = [texts[column].get(i, v) for i, v in zip(out["id"], out[column], strict=True)]
    return out
