"""The mkdocs-jupyter adapter relies on two internals; these tests fail when an upgrade moves them.
Pages run in the build's own process: what a cell shows, a failing cell and an edited package."""

from __future__ import annotations

import collections
import inspect
import re

import mkdocs_jupyter
import mkdocs_jupyter.nbconvert2 as nbconvert2
import mkdocs_jupyter.plugin as jupyter_plugin
import pytest

from truce.paths import ROOT
from truce.site import jupyter_adapter


def test_the_locked_version_is_the_adapted_one():
    pinned = re.search(r"^mkdocs-jupyter==([\w.]+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)
    assert pinned and pinned.group(1) == jupyter_adapter.ADAPTED_VERSION == mkdocs_jupyter.__version__


def test_another_version_is_refused(monkeypatch):
    monkeypatch.setattr(mkdocs_jupyter, "__version__", "9.9.9")
    with pytest.raises(RuntimeError, match=r"mkdocs-jupyter 9\.9\.9 is installed, .* written for 0\.26\.3"):
        jupyter_adapter.check_adapted()


def test_the_cache_key_function_keeps_its_signature_and_call():
    original = jupyter_adapter._original_key
    assert list(inspect.signature(original).parameters) == ["nb_path", "config", "exec_nb"]
    # the plugin calls the module-level name, so replacing it takes effect
    assert "_compute_cache_key(" in inspect.getsource(jupyter_plugin.Plugin)


def test_the_exporter_is_looked_up_by_name_when_converting():
    assert "HTMLExporter(" in inspect.getsource(nbconvert2.nb2html)
    jupyter_adapter.install()
    assert nbconvert2.HTMLExporter is jupyter_adapter.SiteMarkdownExporter
    assert jupyter_plugin._compute_cache_key is jupyter_adapter.cache_key


def test_markdown_cells_use_the_site_extensions():
    jupyter_adapter.use_markdown(["admonition"], {})
    assert '<div class="admonition note">' in jupyter_adapter.markdown_cell("!!! note\n    text")


def test_the_cache_key_follows_the_declared_data_and_the_package(monkeypatch):
    notebook = ROOT / "docs" / "scorecard.py"
    config = collections.defaultdict(str)
    before = jupyter_adapter.cache_key(str(notebook), config, True)
    monkeypatch.setattr(jupyter_adapter, "data_fingerprint", lambda resources=None: f"changed {resources}")
    after_data = jupyter_adapter.cache_key(str(notebook), config, True)
    monkeypatch.setattr(jupyter_adapter, "package_fingerprint", lambda: "changed package")
    after_package = jupyter_adapter.cache_key(str(notebook), config, True)
    assert len({before, after_data, after_package}) == 3


def _notebook(*sources: str):
    import nbformat

    return nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# A page"), *(nbformat.v4.new_code_cell(s) for s in sources)]
    )


def test_the_exporter_runs_pages_in_this_process():
    jupyter_adapter.install()
    exporter = jupyter_adapter.SiteMarkdownExporter()
    names = [p if isinstance(p, str) else p.__name__ for p in exporter.default_preprocessors]
    assert "InProcessExecutor" in names and jupyter_adapter.EXECUTE not in names


def test_a_page_shows_its_last_expression_and_what_it_prints():
    from truce.site import notebooks

    nb = _notebook("from IPython.display import HTML\nx = 2", "print('note')\nHTML(f'<b>{x * 21}</b>')", "y = 1")
    notebooks.execute(nb, "docs/example.py")
    first, second, third = nb.cells[1:]
    assert first.outputs == [] and third.outputs == []
    stream, result = second.outputs
    assert stream.name == "stdout" and stream.text == "note\n"
    assert result.output_type == "execute_result" and result.data["text/html"] == "<b>42</b>"
    assert [c.execution_count for c in nb.cells[1:]] == [1, 2, 3]


def test_a_failing_cell_names_the_page_and_the_cell():
    from truce.site import notebooks

    nb = _notebook("a = 1", "from truce.blocks import story\nstory.no_such_block()")
    with pytest.raises(
        notebooks.NotebookError, match=r"docs/story/01-spiral\.md: code cell 2 \(cell 3 of the page\) failed with AttributeError"
    ) as caught:
        notebooks.execute(nb, "docs/story/01-spiral.md")
    assert "story.no_such_block()" in str(caught.value) and "Traceback" in str(caught.value)


@pytest.fixture
def package_modules():
    """Put the package's modules back as they were after the test (other tests hold them)."""
    import sys

    saved = {n: m for n, m in sys.modules.items() if n == "truce" or n.startswith("truce.")}
    yield
    for name in [n for n in sys.modules if n == "truce" or n.startswith("truce.")]:
        del sys.modules[name]
    sys.modules.update(saved)


def test_an_edit_of_the_package_or_the_data_reloads_the_package(monkeypatch, package_modules):
    import importlib
    import sys

    from truce.figures import registry
    from truce.site import notebooks

    monkeypatch.setattr(notebooks, "_state", {})
    notebooks.fresh_package()
    kept = importlib.import_module("truce.blocks.story")
    notebooks.fresh_package()  # nothing changed: the modules (and what they worked out) stay
    assert importlib.import_module("truce.blocks.story") is kept
    monkeypatch.setattr(registry, "build_state", lambda: ("edited data", "edited package"))
    notebooks.fresh_package()
    assert "truce.blocks.story" not in sys.modules and "truce.site.notebooks" in sys.modules
    assert importlib.import_module("truce.blocks.story") is not kept  # imported afresh
