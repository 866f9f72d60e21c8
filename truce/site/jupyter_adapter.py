"""The one place where mkdocs-jupyter is adapted to this site, through two of its internals.

mkdocs-jupyter has no public option for these needs, so this module replaces exactly two names,
and :func:`check_adapted` refuses any other version than the one these replacements were written
against (``tests/test_jupyter_adapter.py`` fails too when an upgrade renames what they rely on):

* ``mkdocs_jupyter.plugin._compute_cache_key(nb_path, config, exec_nb)`` — its execution cache is
  keyed on the notebook text only; :func:`cache_key` widens the key to the data the notebook
  declares it reads (``truce: data:`` in its header), to the ``truce`` package and to the edition
  being built (``TRUCE_LANG``), so a changed CSV or module re-executes the notebook.
* ``mkdocs_jupyter.nbconvert2.HTMLExporter`` — notebook Markdown cells are rendered with nbconvert's
  mistune; :class:`SiteMarkdownExporter` renders them with the site's own Python-Markdown extensions
  (admonitions, footnotes, tables, attribute lists), set by :func:`use_markdown`. The same
  exporter runs a page's code in the build's own process (:class:`InProcessExecutor`, in place of
  nbconvert's ``ExecutePreprocessor``): pages share the package's imports, the loaded data and what
  earlier pages (and the figure links) worked out, instead of starting a kernel and importing
  pandas, Altair and the package again for each page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import markdown
import mkdocs_jupyter
import mkdocs_jupyter.nbconvert2 as nbconvert2
import mkdocs_jupyter.plugin as jupyter_plugin
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import List

from truce import i18n
from truce.data import data_fingerprint, resource_names
from truce.paths import package_fingerprint
from truce.site import notebooks

ADAPTED_VERSION = "0.26.3"


def check_adapted() -> None:
    """Raise when the installed mkdocs-jupyter is not the version this adapter was written for."""
    if mkdocs_jupyter.__version__ != ADAPTED_VERSION:
        raise RuntimeError(f"mkdocs-jupyter {mkdocs_jupyter.__version__} is installed, truce/site/jupyter_adapter.py was "
                           f"written for {ADAPTED_VERSION}: re-check the two names it replaces, then update ADAPTED_VERSION")


_original_key = getattr(jupyter_plugin._compute_cache_key, "__wrapped__", jupyter_plugin._compute_cache_key)


def cache_key(nb_path, config, exec_nb) -> str:
    """mkdocs-jupyter's key, widened to the package and to the data the notebook reads: the
    resources it declares in its header, or every data file when it declares none."""
    h = hashlib.sha256(_original_key(nb_path, config, exec_nb).encode())
    names = notebooks.declared(Path(nb_path))
    lang = i18n.current()
    if names is not None and lang != "en":  # the edition's text tables of the data it reads
        known = set(resource_names())
        names = names + [f"{n}_{lang}" for n in names if f"{n}_{lang}" in known]
    h.update((data_fingerprint() if names is None else data_fingerprint(resources=names)).encode())
    h.update(package_fingerprint().encode())
    h.update(i18n.current().encode())  # a page's blocks write the words of the edition being built
    return h.hexdigest()


cache_key.__wrapped__ = _original_key

_md_settings: dict = {"extensions": [], "extension_configs": {}}
_OriginalExporter = getattr(nbconvert2.HTMLExporter, "_truce_original", nbconvert2.HTMLExporter)


def use_markdown(extensions: list, extension_configs: dict) -> None:
    """The Markdown extensions (and their settings) notebook Markdown cells are rendered with."""
    _md_settings["extensions"] = list(extensions)
    _md_settings["extension_configs"] = dict(extension_configs)


def markdown_cell(source: str) -> str:
    return markdown.Markdown(**_md_settings).convert(source)


class InProcessExecutor(ExecutePreprocessor):
    """nbconvert's execute step, run in this process by :func:`truce.site.notebooks.execute`. It
    takes the settings mkdocs-jupyter gives ``ExecutePreprocessor`` (``enabled`` follows
    ``execute: true``); a failing cell always stops the build, whatever ``allow_errors`` says."""

    def preprocess(self, nb, resources=None, km=None):
        notebooks.execute(nb, _page["name"])
        return nb, resources


# the page being built, named in a failing cell's error (set by hooks/notebooks.py)
_page = {"name": "a notebook page"}


def building(name: str) -> None:
    """Name the page whose notebook is converted next."""
    _page["name"] = name


EXECUTE = "nbconvert.preprocessors.ExecutePreprocessor"


class SiteMarkdownExporter(_OriginalExporter):
    """nbconvert's HTML exporter with the ``markdown2html`` filter replaced by :func:`markdown_cell`
    and the execute step by :class:`InProcessExecutor`."""

    _truce_original = _OriginalExporter
    default_preprocessors = List(
        [InProcessExecutor if p == EXECUTE else p for p in _OriginalExporter.class_traits()["default_preprocessors"].default()]
    ).tag(config=True)

    def __init__(self, *args, **kwargs):
        filters = dict(kwargs.pop("filters", {}) or {})
        filters["markdown2html"] = markdown_cell
        super().__init__(*args, filters=filters, **kwargs)


def install() -> None:
    """Replace the two names (idempotent: ``mkdocs serve`` reloads hooks on every build)."""
    check_adapted()
    jupyter_plugin._compute_cache_key = cache_key
    nbconvert2.HTMLExporter = SiteMarkdownExporter
