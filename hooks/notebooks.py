"""MkDocs hook: make mkdocs-jupyter pages fit the site.

* The execution cache is keyed on the notebook text *and* the data files and the ``truce``
  package, so a changed CSV or module re-executes the notebooks (mkdocs-jupyter keys on the
  notebook text only).
* Markdown cells are rendered with the site's own Markdown extensions (admonitions, footnotes,
  tables, attribute lists), not nbconvert's mistune.
* The JupyterLab stylesheet nbconvert inlines into every notebook page (about 575 KB) and its
  third-party loaders (the cdnjs mermaid loader, the empty MathJax script) are removed; the few
  rules our pages need live in ``docs/assets/css/site.css``.
* Pages with an interactive chart get ``charts.js`` (deferred), which loads the self-hosted
  Vega bundle when a reader asks for the live chart; other pages load no chart code (their
  charts are static SVG drawn at build time).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
from pathlib import Path

import markdown
import mkdocs_jupyter.nbconvert2 as nbconvert2
import mkdocs_jupyter.plugin as jupyter_plugin
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from truce import charts
from truce.charts import render
from truce.data import data_fingerprint
from truce.figures.registry import package_fingerprint
from truce.site import notebooks

log = logging.getLogger("mkdocs.hooks.notebooks")

VENDOR_PATH = "assets/vendor/vega-bundle.js"
CHART_JS = "assets/js/charts.js"

_original_key = getattr(jupyter_plugin._compute_cache_key, "__wrapped__", jupyter_plugin._compute_cache_key)


def cache_key(nb_path, config, exec_nb) -> str:
    """mkdocs-jupyter's key, widened to the package and to the data the notebook reads: the
    resources it declares in its header, or every data file when it declares none."""
    h = hashlib.sha256(_original_key(nb_path, config, exec_nb).encode())
    names = notebooks.declared(Path(nb_path))
    h.update((data_fingerprint() if names is None else data_fingerprint(resources=names)).encode())
    h.update(package_fingerprint().encode())
    return h.hexdigest()


cache_key.__wrapped__ = _original_key
jupyter_plugin._compute_cache_key = cache_key

# Markdown cells through Python-Markdown ---------------------------------------------

_md_settings: dict = {"extensions": [], "extension_configs": {}}
_OriginalExporter = getattr(nbconvert2.HTMLExporter, "_truce_original", nbconvert2.HTMLExporter)


def markdown_cell(source: str) -> str:
    return markdown.Markdown(**_md_settings).convert(source)


class SiteMarkdownExporter(_OriginalExporter):
    _truce_original = _OriginalExporter

    def __init__(self, *args, **kwargs):
        filters = dict(kwargs.pop("filters", {}) or {})
        filters["markdown2html"] = markdown_cell
        super().__init__(*args, filters=filters, **kwargs)


nbconvert2.HTMLExporter = SiteMarkdownExporter


def on_config(config):
    _md_settings["extensions"] = list(config["markdown_extensions"])
    _md_settings["extension_configs"] = dict(config["mdx_configs"])
    # chart pictures are written here by this process and by notebook kernels (which inherit
    # the environment), and published from here after the build
    os.environ["TRUCE_CHART_DIR"] = str(Path(config["config_file_path"]).parent / ".cache" / "charts")
    _pictures.clear()
    return config


_pictures: set[str] = set()
PICTURE_REF = re.compile(r'src="' + re.escape(charts.PICTURE_SCHEME) + r'([0-9a-f]+\.svg)"')


# Page clean-up -----------------------------------------------------------------------

STYLE_BLOCK = re.compile(r"<style[^>]*>.*?</style>", re.S)
THIRD_PARTY_SCRIPT = re.compile(
    r"<script[^>]*(?:cdnjs|mathjax|MathJax|mermaid|require\.js|cdn\.jsdelivr)[^>]*>.*?</script>", re.S | re.I
)
MERMAID_MODULE = re.compile(r"<script type=\"module\">\s*document\.addEventListener\(\"DOMContentLoaded\".*?</script>", re.S)
INLINE_MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
CLIPBOARD = re.compile(r"<script>\s*document\.addEventListener\('clipboard-copy'.*?</script>", re.S)


def is_notebook(page) -> bool:
    return isinstance(page.file, jupyter_plugin.NotebookFile)


def strip_notebook_chrome(html: str) -> str:
    """Remove inlined JupyterLab CSS and third-party/unused loaders from notebook HTML.

    nbconvert's header (scripts, styles, the MathJax and mermaid loaders) sits before the
    ``jupyter-wrapper`` div: all of it goes. What follows is cleaned of any leftovers."""
    start = html.find('<div class="jupyter-wrapper">')
    if start > 0:
        html = html[start:]
    html = re.sub(r"<!--[^>]*?(?:mermaid|mathjax)[^>]*?-->", "", html, flags=re.I)
    html = STYLE_BLOCK.sub("", html)
    html = INLINE_MATHJAX.sub("", html)
    html = THIRD_PARTY_SCRIPT.sub("", html)
    html = MERMAID_MODULE.sub("", html)
    html = CLIPBOARD.sub("", html)
    # the bundled clipboard helper script (no copy buttons: code is hidden)
    html = re.sub(r"<script>\s*!function\(t,e\)\{\"object\"==typeof exports.*?</script>", "", html, flags=re.S)
    return html


def on_page_content(html, page, config, files):
    if is_notebook(page):
        html = strip_notebook_chrome(html)
    return html


def on_post_page(output, page, config):
    base = get_relative_url(".", page.url) if page.url else "."
    base = "" if base == "." else base.rstrip("/") + "/"

    def picture(m: re.Match) -> str:
        _pictures.add(m[1])
        return f'src="{base}{charts.PICTURE_URL}{m[1]}"'

    output = PICTURE_REF.sub(picture, output)
    if charts.LIVE_MARKER in output:
        # charts.js loads the Vega bundle itself, when a reader asks for an interactive chart
        tags = f'<script defer src="{base}{CHART_JS}" data-vega="{base}{VENDOR_PATH}"></script>'
        output = output.replace("</head>", tags + "</head>", 1)
    return output


def on_post_build(config):
    target = Path(config["site_dir"]) / VENDOR_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    charts.write_vendor_bundle(target)
    publish_pictures(render.picture_dir(), Path(config["site_dir"]) / charts.PICTURE_URL, _pictures)


def publish_pictures(source: Path, target: Path, names: set[str]) -> None:
    """Copy the chart pictures the pages use into the site; a missing one fails the build."""
    missing = sorted(n for n in names if not (source / n).is_file())
    if missing:
        raise PluginError(f"chart pictures missing from {source}: {', '.join(missing[:5])} — the notebook cache is "
                          "older than the pictures; delete .cache/mkdocs-jupyter and build again")
    target.mkdir(parents=True, exist_ok=True)
    for name in sorted(names):
        if not (target / name).exists():
            shutil.copyfile(source / name, target / name)
