"""MkDocs hook: what readers can take away and follow.

* Charts: every chart's CSV, SVG and PNG under ``downloads/charts/`` and its embeddable page
  under ``embed/<id>/`` (files written by :mod:`truce.blocks.figure`, published after the
  build); two charts with the same id fail the build.
* The data release: ``data/manifest.json`` (SHA-256, size, rows and schema of each published
  data file), ``data/SHA256SUMS`` for ``sha256sum -c``, and every recorded release's manifest
  under ``data/releases/<version>/manifest.json``; the release is shown in every page footer.
* ``figures.json`` gets a top-level ``"release"`` key.
* Atom feeds of the changelog and the chronology (``feeds/``), advertised in every page head.
* Notebook pages: the notebook as ``.ipynb`` beside the page, "Download this notebook" and
  "Show the code".
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from truce import i18n
from truce.blocks.figure import DOWNLOAD_URL
from truce.paths import DOCS_DIR
from truce.site import downloads, feeds, release

# the charts each built page shows (by page URL); kept across `mkdocs serve` rebuilds, since
# --dirty rebuilds only the pages that changed
_charts: dict[str, dict[str, frozenset[str]]] = {}
_release: dict[str, str] = {}


def on_files(files, config):
    base = config.get("site_url") or release.SITE_URL
    m = release.manifest(base_url=base)
    problems = release.release_problems(m)
    if problems:
        raise PluginError("\n".join(problems))
    _release["version"] = m["release"]
    generated = {
        release.MANIFEST_PATH: release.manifest_text(m),
        release.CHECKSUMS_PATH: release.checksums_text(m),
        "feeds/changes.xml": feeds.changes_atom(base),
        "feeds/events.xml": feeds.events_atom(base),
    }
    for past in release.past_releases():
        generated[f"data/releases/{past['release']}/manifest.json"] = release.manifest_text(past)
    try:
        # the Chinese edition offers the Chinese notebook under the same name
        lang = i18n.current()
        generated.update(
            {
                _ipynb_uri(src): downloads.ipynb_text(
                    i18n.twin(DOCS_DIR / src, lang) if i18n.twin(DOCS_DIR / src, lang).exists() else DOCS_DIR / src
                )
                for src in downloads.notebook_pages()
            }
        )
    except Exception as err:  # jupytext names the file and line in its own message
        raise PluginError(f"notebook download: {err}") from err
    for uri, content in generated.items():
        files.append(File.generated(config, uri, content=content))
    _stamp_release(files.get_file_from_path("figures.json"), m["release"])
    return files


def _stamp_release(figures_file, version: str) -> None:
    """Add the release to ``figures.json`` (written by hooks/figures.py, listed before this hook)
    as its first key, so each figure can be traced to the data release it was computed from."""
    if figures_file is None:
        return
    payload = json.loads(figures_file.content_string)
    figures_file.content_string = json.dumps({"release": version, **payload}, indent=1, ensure_ascii=False)


def _ipynb_uri(src_uri: str) -> str:
    """Where a notebook page's download is published: in the page's own folder."""
    p = PurePosixPath(src_uri)
    return str(p.with_suffix("") / downloads.ipynb_name(src_uri))


def on_page_content(html, page, config, files):
    src = page.file.src_uri
    if downloads.is_notebook_page(src):
        html += downloads.notebook_box(src, downloads.code_cells(DOCS_DIR / src))
    return html


def on_post_page(output, page, config):
    root = get_relative_url(".", page.url) if page.url else "."
    root = "" if root == "." else root.rstrip("/") + "/"
    _charts[page.url] = downloads.charts_on_page(output)
    output = output.replace(f'href="{DOWNLOAD_URL}', f'href="{root}{DOWNLOAD_URL.lstrip("/")}')
    output = output.replace("</head>", feeds.atom_links(root) + "</head>", 1)
    version = _release.get("version", "")
    footer = (
        f'<div class="md-copyright__release">Data release <a href="{root}data/#data-release">{version}</a> · '
        f'<a href="{root}feeds/changes.xml">changes feed</a></div>'
    )
    return output.replace('<div class="md-copyright">', '<div class="md-copyright">' + footer, 1)


def on_post_build(config):
    from pathlib import Path

    duplicates = downloads.duplicate_chart_ids(_charts)
    if duplicates:
        raise PluginError("\n".join(duplicates))
    site = Path(config["site_dir"])
    for cid, page_url in sorted(downloads.home_of_charts(_charts).items()):
        try:
            downloads.publish_chart(cid, page_url, site)
        except downloads.PublishError as err:
            raise PluginError(str(err)) from err
