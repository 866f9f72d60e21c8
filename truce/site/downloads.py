"""What a reader can take away from the site besides the pages: each chart's files and embed
page, and each notebook page as a notebook to run.

* Charts: :mod:`truce.blocks.figure` writes each chart's files to the build cache;
  :func:`charts_on_page` finds the charts a built page shows, :func:`duplicate_chart_ids`
  reports an id used twice, and :func:`publish_chart` copies one chart's files to
  ``downloads/charts/`` and writes its page under ``embed/<id>/``.
* Notebooks: the notebook pages (``docs/*.py`` and the story chapters ``docs/story/0*.md``,
  stored as jupytext text) are converted to ``.ipynb`` with jupytext and published beside the
  page; :func:`notebook_box` is the "Download this notebook" / "Show the code" block.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path, PurePosixPath

from truce.i18n import is_twin, t
from truce.blocks import figure
from truce.blocks.figure import embed_page_html
from truce.blocks.html import esc
from truce.paths import DOCS_DIR
from truce.site.notebooks import read_page

CHART_FIGURE = re.compile(r'<figure\b[^>]*\bid="chart-([a-z0-9-]+)"')
PICTURE = re.compile(r'charts/([0-9a-f]{20}\.svg)')
KIT_FILES = ("csv", "svg", "png")


class PublishError(RuntimeError):
    """A chart's files cannot be published."""


def charts_on_page(html: str) -> dict[str, frozenset[str]]:
    """The charts a built page shows: each chart id with the pictures it draws (their file
    names are content hashes, so two pages show the same chart when the pictures match)."""
    out: dict[str, frozenset[str]] = {}
    for m in CHART_FIGURE.finditer(html):
        end = html.find("</figure>", m.end())
        pictures = frozenset(PICTURE.findall(html[m.end():end if end > 0 else None]))
        out[m[1]] = pictures if m[1] not in out else frozenset({"<used twice on the page>"})
    return out


def duplicate_chart_ids(charts_by_page: dict[str, dict[str, frozenset[str]]]) -> list[str]:
    """One message per chart id that names different charts (a chart's downloads and embed
    page are named by its id, so an id must name one chart; the same chart may be shown on
    several pages)."""
    seen: dict[str, dict[frozenset[str], list[str]]] = {}
    for page, charts in sorted(charts_by_page.items()):
        for cid, pictures in charts.items():
            seen.setdefault(cid, {}).setdefault(pictures, []).append(page or "home page")
    return [f'chart id "{cid}" names {len(variants)} different charts ({"; ".join(", ".join(p) for p in variants.values())}) '
            "— give each chart its own chart_id= in the call to truce.blocks.figure.embed"
            for cid, variants in sorted(seen.items()) if len(variants) > 1 or "<used twice on the page>" in next(iter(variants))]


def home_of_charts(charts_by_page: dict[str, dict[str, frozenset[str]]]) -> dict[str, str]:
    """The page each chart's embed page links back to: the first page in site order that shows
    it, the home page last (it shows charts that have their own page elsewhere)."""
    home: dict[str, str] = {}
    for page in sorted(charts_by_page, key=lambda url: (url == "", url)):
        for cid in charts_by_page[page]:
            home.setdefault(cid, page)
    return home


def publish_chart(chart_id: str, page_url: str, site_dir: Path, kit_dir: Path | None = None) -> None:
    """Copy a chart's CSV, SVG and PNG to ``downloads/charts/`` and write ``embed/<id>/``."""
    folder = (figure.kits_folder() if kit_dir is None else kit_dir) / chart_id
    wanted = [folder / f"{chart_id}.{ext}" for ext in KIT_FILES] + [folder / "meta.json", folder / "picture.svg"]
    missing = [p.name for p in wanted if not p.is_file()]
    if missing:
        raise PublishError(f"{folder}: files of chart {chart_id} missing ({', '.join(missing)}) — the notebook cache is older "
                           "than the chart files; delete .cache/mkdocs-jupyter and build again")
    target = site_dir / "downloads" / "charts"
    target.mkdir(parents=True, exist_ok=True)
    for ext in KIT_FILES:
        shutil.copyfile(folder / f"{chart_id}.{ext}", target / f"{chart_id}.{ext}")
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    spec = folder / "spec.json"
    page = site_dir / "embed" / chart_id
    page.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(folder / "picture.svg", page / "picture.svg")
    (page / "index.html").write_text(
        embed_page_html(meta, root="../../", page_url=page_url,
                        spec_json=spec.read_text(encoding="utf-8") if meta.get("interactive") and spec.is_file() else None),
        encoding="utf-8")


# Notebooks ------------------------------------------------------------------------------

def is_notebook_page(src_uri: str) -> bool:
    """Pages stored as notebooks: ``*.py`` at the top of docs/ and the numbered story chapters."""
    p = PurePosixPath(src_uri)
    return (p.suffix == ".py" and len(p.parts) == 1) or (p.parts[0] == "story" and len(p.parts) == 2
                                                         and p.suffix == ".md" and p.name[:1] == "0")


def notebook_pages(docs_dir: Path = DOCS_DIR) -> list[str]:
    """The notebook pages under ``docs_dir``, as paths relative to it (English sources: a page's
    Chinese twin is the same page in the other edition)."""
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*")
                  if p.is_file() and not is_twin(p) and is_notebook_page(p.relative_to(docs_dir).as_posix()))


def ipynb_name(src_uri: str) -> str:
    """The downloaded notebook's file name: the page's file name with ``.ipynb``."""
    return PurePosixPath(src_uri).stem + ".ipynb"


def ipynb_text(path: Path) -> str:
    """A jupytext notebook page as ``.ipynb`` JSON (no outputs: the reader runs it)."""
    import jupytext

    return jupytext.writes(read_page(path), fmt="ipynb")


def code_cells(path: Path) -> list[str]:
    """The source of a notebook page's code cells, in order (empty cells left out)."""
    return [c.source for c in read_page(path).cells if c.cell_type == "code" and c.source.strip()]


def notebook_box(src_uri: str, cells: list[str]) -> str:
    """The block at the end of a notebook page: a link to download it and its code, collapsed."""
    code = "\n\n".join(cells)
    link = f'<a href="{esc(ipynb_name(src_uri))}" download>{t("Download this notebook")}</a>'
    text = t(
        "This page is a notebook. {link} (.ipynb) and run it in a clone of the repository (after "
        "<code>make serve</code> has set up the environment)."
    ).format(link=link)
    return (f'<div class="notebook-download" data-search-exclude><p>{text}</p>'
            f'<details class="notebook-code"><summary>{t("Show the code")}</summary>'
            f'<pre><code class="language-python">{esc(code)}</code></pre></details></div>')
