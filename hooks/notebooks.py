"""MkDocs hook: make mkdocs-jupyter pages fit the site.

* Through :mod:`truce.site.jupyter_adapter`: the execution cache is keyed on the notebook text
  *and* the data it reads and the ``truce`` package; Markdown cells are rendered with the site's
  own Markdown extensions, not nbconvert's mistune.
* The JupyterLab stylesheet nbconvert inlines into every notebook page (about 575 KB) and its
  third-party loaders (the cdnjs mermaid loader, the empty MathJax script) are removed; the few
  rules our pages need live in ``docs/assets/css/site.css``.
* The chart pictures a page shows are published in a ``charts/`` folder beside it.
* Pages with an interactive chart get ``charts.js`` (deferred), which loads the self-hosted
  Vega bundle when a reader asks for the live chart; other pages load no chart code (their
  charts are static SVG drawn at build time).
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import mkdocs_jupyter.plugin as jupyter_plugin
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from truce import charts
from truce.site import jupyter_adapter

log = logging.getLogger("mkdocs.hooks.notebooks")

VENDOR_PATH = "assets/vendor/vega-bundle.js"
CHART_JS = "assets/js/charts.js"

jupyter_adapter.install()


def on_config(config):
    jupyter_adapter.use_markdown(config["markdown_extensions"], config["mdx_configs"])
    return config


# the chart pictures each page shows (by its output path), published beside it after the build
_pictures: dict[str, set[str]] = {}
PICTURE_REF = re.compile(r'<img\b[^>]*\bsrc="' + charts.PICTURE_URL + r'([0-9a-f]{20}\.svg)"')


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


def on_pre_page(page, config, files):
    if is_notebook(page):
        jupyter_adapter.building(f"docs/{page.file.src_uri}")
    return page


def on_page_content(html, page, config, files):
    if is_notebook(page):
        html = strip_notebook_chrome(html)
    return html


def on_post_page(output, page, config):
    _pictures[page.file.dest_uri] = set(PICTURE_REF.findall(output))
    if charts.LIVE_MARKER in output:
        base = get_relative_url(".", page.url) if page.url else "."
        base = "" if base == "." else base.rstrip("/") + "/"
        # charts.js loads the Vega bundle itself, when a reader asks for an interactive chart
        tags = f'<script defer src="{base}{CHART_JS}" data-vega="{base}{VENDOR_PATH}"></script>'
        output = output.replace("</head>", tags + "</head>", 1)
    return output


def on_post_build(config):
    target = Path(config["site_dir"]) / VENDOR_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    charts.write_vendor_bundle(target)
    site = Path(config["site_dir"])
    for dest_uri, names in sorted(_pictures.items()):
        publish_pictures(charts.PICTURE_DIR, site / Path(dest_uri).parent / charts.PICTURE_URL, names)


def publish_pictures(source: Path, target: Path, names: set[str]) -> None:
    """Copy the chart pictures a page shows into the folder beside it; a missing one fails the build."""
    missing = sorted(n for n in names if not (source / n).is_file())
    if missing:
        raise PluginError(
            f"chart pictures missing from {source}: {', '.join(missing[:5])} — the notebook cache is "
            "older than the pictures; delete .cache and build again"
        )
    target.mkdir(parents=True, exist_ok=True)
    for name in sorted(names):
        if not (target / name).exists():
            shutil.copyfile(source / name, target / name)
