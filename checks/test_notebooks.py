"""Each notebook declares the data it reads, so a data edit re-executes only the notebooks
that read it (and never leaves a stale one)."""

from __future__ import annotations

import textwrap

import pytest

from truce import data
from truce.analysis import model
from truce.charts import render
from truce.paths import DOCS_DIR
from truce.site import notebooks

HEADER = """\
# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
{truce}# ---
"""
NOTEBOOKS = notebooks.notebook_sources()


@pytest.fixture
def no_drawing(monkeypatch, tmp_path):
    """Charts are not drawn while a notebook's reads are recorded: drawing a spec reads no data,
    and it is a third of the time the notebooks take. Pictures go to a scratch folder."""
    monkeypatch.setattr(render, "static_svg", lambda vl, *, width, prefix: f'<svg viewBox="0 0 {width} {width // 2}"></svg>')
    monkeypatch.setenv("TRUCE_CHART_DIR", str(tmp_path / "charts"))


def test_a_removed_declaration_is_reported_after_the_caches_are_warm(tmp_path, no_drawing):
    """The explainer reads tariff_measures through the model's calibration, which is cached. Earlier
    checks in the same run have computed every figure (and so filled that cache); removing the
    resource from the header must still be reported. The cache is filled here first, as a full run
    of the figures would fill it (their values may come from ``.cache/figures`` without a run)."""
    model.calibrate()
    assert model._data_calibration.cache_info().currsize, "the model's calibration is no longer cached: update this test"
    source = DOCS_DIR / "explainer.py"
    names = notebooks.declared(source)
    assert "tariff_measures" in names, "docs/explainer.py no longer declares tariff_measures: pick another resource it reads"
    text = source.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.lstrip("# ").startswith("data: ["))
    kept = ", ".join(n for n in names if n != "tariff_measures")
    copy = tmp_path / "explainer.py"
    copy.write_text(text.replace(line, line[: line.index("data:")] + f"data: [{kept}]", 1), encoding="utf-8")
    assert notebooks.undeclared_reads(copy) == [
        f"{copy.as_posix()}: reads data/tariff_measures.csv but does not declare it — "
        'add "tariff_measures" to `truce: data:` in its header'
    ]


def test_a_result_kept_on_disk_counts_as_reading_its_data(tmp_path, monkeypatch):
    """A computation kept in .cache for other processes (scenario lines, averages) is taken from
    there without running; taking it must still count as reading the resources it was worked
    out from, or a page could stop declaring them unnoticed."""
    from truce import paths

    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path)
    runs = []

    def work_out():
        runs.append(1)
        return len(data.load("tariff_measures"))

    with data.reads() as first:
        value = data.kept_from_data("test-kept", ("k",), work_out, accept=lambda v: isinstance(v, int))
    with data.reads() as second:
        again = data.kept_from_data("test-kept", ("k",), work_out, accept=lambda v: isinstance(v, int))
    assert (value, len(runs)) == (again, 1), "the second call should read the kept copy"
    assert "tariff_measures" in first and second == first


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(DOCS_DIR).as_posix())
def test_notebook_declares_the_data_it_reads(path, no_drawing):
    problems = notebooks.undeclared_reads(path)
    assert not problems, "\n".join(problems)


def _notebook(tmp_path, truce_block: str):
    path = tmp_path / "nb.py"
    path.write_text(
        HEADER.format(truce=truce_block)
        + textwrap.dedent("""\

        # %%
        from truce.analysis import events as chronology
        _ = chronology.events()
        """),
        encoding="utf-8",
    )
    return path


def test_undeclared_read_is_reported(tmp_path):
    path = _notebook(tmp_path, "#   truce:\n#     data: [tariff_measures]\n")
    problems = notebooks.undeclared_reads(path)
    assert problems == [
        f'{path.as_posix()}: reads data/events.csv but does not declare it — add "events" to `truce: data:` in its header'
    ]


def test_a_kept_answer_never_hides_a_new_read(tmp_path, monkeypatch):
    """The reads of a notebook are kept in .cache/notebook-reads under its text (and the package and
    data): a cell added since the last run is run, and its undeclared read reported."""
    from truce import paths

    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "cache")
    path = _notebook(tmp_path, "#   truce:\n#     data: [events]\n")
    assert notebooks.undeclared_reads(path) == []
    assert len(list((tmp_path / "cache" / "notebook-reads").glob("*.pickle"))) == 1
    assert notebooks.undeclared_reads(path) == []  # the kept answer
    path.write_text(
        path.read_text(encoding="utf-8") + "\n# %%\nfrom truce import data\n_ = data.load('tariff_measures')\n", encoding="utf-8"
    )
    assert notebooks.undeclared_reads(path) == [
        f'{path.as_posix()}: reads data/tariff_measures.csv but does not declare it — add "tariff_measures" to `truce: data:` in its header'
    ]


def test_missing_and_unknown_declarations_are_reported(tmp_path):
    path = _notebook(tmp_path, "")
    assert notebooks.undeclared_reads(path) == [
        f"{path.as_posix()}: declares no data — add `truce: data: [...]` to its jupytext header"
    ]
    path = _notebook(tmp_path, "#   truce:\n#     data: [events, nosuch]\n")
    assert notebooks.undeclared_reads(path) == [
        f'{path.as_posix()}: declares unknown resource "nosuch" — use a name from data/datapackage.json'
    ]
