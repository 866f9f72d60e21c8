"""The mkdocs-jupyter adapter relies on two internals; these tests fail when an upgrade moves them."""

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
