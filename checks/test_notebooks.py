"""Each notebook declares the data it reads, so a data edit re-executes only the notebooks
that read it (and never leaves a stale one)."""

from __future__ import annotations

import textwrap

import pytest

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


@pytest.mark.parametrize("path", notebooks.notebook_sources(), ids=lambda p: p.relative_to(DOCS_DIR).as_posix())
def test_notebook_declares_the_data_it_reads(path):
    problems = notebooks.undeclared_reads(path)
    assert not problems, "\n".join(problems)


def _notebook(tmp_path, truce_block: str):
    path = tmp_path / "nb.py"
    path.write_text(HEADER.format(truce=truce_block) + textwrap.dedent("""\

        # %%
        from truce.analysis import events as chronology
        _ = chronology.events()
        """), encoding="utf-8")
    return path


def test_undeclared_read_is_reported(tmp_path):
    path = _notebook(tmp_path, "#   truce:\n#     data: [tariff_measures]\n")
    problems = notebooks.undeclared_reads(path)
    assert problems == [f'{path.as_posix()}: reads data/events.csv but does not declare it — add "events" to `truce: data:` in its header']


def test_missing_and_unknown_declarations_are_reported(tmp_path):
    assert notebooks.undeclared_reads(_notebook(tmp_path, ""))[0].endswith("declares no data — add `truce: data: [...]` to its jupytext header")
    problems = notebooks.undeclared_reads(_notebook(tmp_path, "#   truce:\n#     data: [events, nosuch]\n"))
    assert problems == [f'{(tmp_path / "nb.py").as_posix()}: declares unknown resource "nosuch" — use a name from data/datapackage.json']


def test_cache_key_follows_only_declared_data(tmp_path, monkeypatch):
    from truce.site import jupyter_adapter as hook

    config = {k: "" for k in ("kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt",
                              "remove_tag_config", "highlight_extra_classes", "include_requirejs", "custom_mathjax_url", "toc_depth")}
    path = _notebook(tmp_path, "#   truce:\n#     data: [events]\n")
    seen = []
    monkeypatch.setattr(hook, "data_fingerprint", lambda resources=None: seen.append(resources) or "x")
    hook.cache_key(str(path), config, True)
    assert seen == [["events"]]
