"""Which data each notebook page reads.

A notebook declares the data resources it reads in its jupytext header::

    truce:
      data: [events, tariff_measures]

The build keys a notebook's execution cache on those files only (plus ``sources.csv`` and the
descriptor), so a data edit re-executes just the notebooks that read it. :func:`undeclared_reads`
runs a notebook's code cells and reports any resource read without being declared.
"""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path

from truce import data, i18n
from truce.paths import DOCS_DIR, ROOT, kept_result

ALWAYS = {"sources"}


def notebook_sources(docs_dir: Path = DOCS_DIR) -> list[Path]:
    """Text notebooks under docs/: percent-format .py files and story chapters in Markdown."""
    return sorted(docs_dir.glob("*.py")) + sorted((docs_dir / "story").glob("[0-9]*.md"))


def read_page(path: Path):
    """A notebook page as jupytext reads it, read once per state of its file (the build asks for
    its header, its download and its code). Callers read it; they must not change it."""
    stat = Path(path).stat()
    return _read_state(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=128)
def _read_state(path: str, mtime_ns: int, size: int):
    import jupytext

    return jupytext.read(path)


def declared(path: Path) -> list[str] | None:
    meta = read_page(path).metadata.get("truce", {})
    names = meta.get("data") if isinstance(meta, dict) else None
    return list(names) if isinstance(names, list) else None


# caches that cannot hide a read, kept so the check does not validate the package again for
# every notebook: the validated tables (``data.load`` records each call, cached or not) and
# file hashes
KEPT_CACHES = {"truce.data.load._load_all", "truce.paths._file_hash"}


def clear_caches() -> None:
    """Forget every memoised result in the ``truce`` package, so that code run next reads its
    data afresh (a cached calibration would otherwise hide a read from :func:`resources_read`)."""
    import sys

    for name, module in list(sys.modules.items()):
        if name == "truce" or name.startswith("truce."):
            for attr, value in list(vars(module).items()):
                if callable(getattr(value, "cache_clear", None)) and f"{name}.{attr}" not in KEPT_CACHES:
                    value.cache_clear()


# how many notebooks' answers are kept in .cache/notebook-reads (both editions, a few states)
READS_KEPT = 96


def resources_read(path: Path) -> set[str]:
    """Run the notebook's code cells in this process, with every cache in the package emptied
    first, and return the name of every data resource they load. The answer is kept in
    ``.cache/notebook-reads`` under the notebook's text, the package, the data and the edition: it
    is worked out again as soon as any of them changes."""
    import hashlib

    from truce.paths import package_fingerprint

    key = (hashlib.sha256(path.read_bytes()).hexdigest(), package_fingerprint(), data.data_fingerprint(), i18n.current())
    seen = kept_result(
        "notebook-reads",
        key,
        lambda: frozenset(_run_and_record(path)),
        accept=lambda v: isinstance(v, frozenset),
        keep=READS_KEPT,
    )
    return set(seen)


def _run_and_record(path: Path) -> set[str]:
    import jupytext

    clear_caches()
    namespace: dict = {"__name__": "__notebook__"}
    with data.reads() as seen, _not_drawing():
        for cell in jupytext.read(path).cells:
            if cell.cell_type == "code":
                exec(compile(cell.source, str(path), "exec"), namespace)
    return seen


@contextlib.contextmanager
def _not_drawing():
    """While a page runs for the check, its charts are specified (from the data they were given)
    but not drawn, and no downloads are written: drawing reads no data, and the pictures and
    downloads are the build's."""
    from truce.blocks import figure
    from truce.charts import render

    saved = render.pictures_html, figure.write_kit
    render.pictures_html, figure.write_kit = (lambda vl, chart_id: ""), (lambda *args, **kwargs: None)
    try:
        yield
    finally:
        render.pictures_html, figure.write_kit = saved


def undeclared_reads(path: Path) -> list[str]:
    """Problems: a missing declaration, or resources read but not declared."""
    rel = path.resolve().relative_to(ROOT).as_posix() if path.resolve().is_relative_to(ROOT) else path.as_posix()
    names = declared(path)
    if names is None:
        return [f"{rel}: declares no data — add `truce: data: [...]` to its jupytext header"]
    unknown = sorted(set(names) - set(data.resource_names()))
    problems = [f'{rel}: declares unknown resource "{n}" — use a name from data/datapackage.json' for n in unknown]
    missing = sorted(resources_read(path) - set(names) - ALWAYS)
    problems += [
        f'{rel}: reads data/{n}.csv but does not declare it — add "{n}" to `truce: data:` in its header' for n in missing
    ]
    return problems


# Running a page's notebook ---------------------------------------------------------------


class NotebookError(RuntimeError):
    """A code cell of a page failed: which page, which cell, the error and its traceback."""


def _run_cell(source: str, namespace: dict, filename: str):
    """Run one code cell; return the value of its last line when that line is an expression
    (what a notebook shows under a cell), else None."""
    import ast

    tree = ast.parse(source, filename)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, filename, "exec"), namespace)
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), filename, "eval"), namespace)


# what the package and the data were when this process last ran a page (``mkdocs serve`` runs
# pages again in the same process after an edit)
_state: dict = {}


def fresh_package() -> None:
    """Make the next page run see the package and the data as they are on disk: when either
    changed since the last page ran in this process, drop every ``truce`` module, so the page
    imports the edited code and no memoised result of the old data survives. Within one build
    nothing changes, and pages share what earlier pages worked out."""
    import sys

    from truce.figures.registry import build_state

    state = build_state()
    if _state.get("last") not in (None, state):
        for name in [n for n in sys.modules if n == "truce" or n.startswith("truce.")]:
            if name not in ("truce.site.notebooks", "truce.site.jupyter_adapter"):
                del sys.modules[name]
    _state["last"] = state


def execute(nb, filename: str) -> None:
    """Run a notebook's code cells in this process, as a kernel would, and store what each shows
    (its last expression, anything printed) as the cell's outputs. A failing cell raises
    :class:`NotebookError` naming the page and the cell.

    Every page runs in a namespace of its own; the package's modules are shared, so data loaded
    and results computed by one page (or by the figure links) are not worked out again by the next."""
    import contextlib
    import io
    import traceback

    from IPython.core.formatters import DisplayFormatter
    from nbformat.v4 import new_output

    fresh_package()
    formatter = DisplayFormatter()
    namespace: dict = {"__name__": "__main__"}
    count = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        count += 1
        out, err = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                value = _run_cell(cell.source, namespace, f"{filename} (cell {index + 1})")
        except Exception as error:
            trace = "".join(traceback.format_exception(error))
            raise NotebookError(
                f"{filename}: code cell {count} (cell {index + 1} of the page) failed with "
                f"{type(error).__name__}: {error}\n\nThe cell:\n{cell.source}\n\n{trace}"
            ) from error
        outputs = [new_output("stream", name=n, text=s.getvalue()) for n, s in (("stdout", out), ("stderr", err)) if s.getvalue()]
        if value is not None:
            data, metadata = formatter.format(value)
            outputs.append(new_output("execute_result", data=data, metadata=metadata, execution_count=count))
        cell.outputs = outputs
        cell.execution_count = count
