"""A chart on a page: the figure block with everything a reader needs besides the picture, and
the files a reader can take away.

Every chart on the site has a title that states the finding, units, a source line, a "data through"
date, an accessible description, a data table alternative, downloads (CSV, SVG, PNG) and an
embed snippet; :func:`embed` puts them around the pictures :mod:`truce.charts.render` draws.

The downloads have stable URLs named by the chart id (``/downloads/charts/<id>.csv|svg|png``)
and every chart has an embeddable page (``/embed/<id>/``). :func:`embed` writes them to the
build cache (:data:`KIT_DIR`, one folder per chart), because charts are drawn by notebook
pages (and by a downloaded notebook in its kernel) as well as by hooks; ``hooks/reuse.py`` publishes them after the build, with the page
that shows the chart, and fails the build when two charts share an id.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import os
import re
from pathlib import Path

import altair as alt
import pandas as pd

from truce.blocks.html import esc, scroll
from truce.blocks.html import table as table_html
from truce.charts.render import CHART_CLASS, LIVE_MARKER, STATIC_WIDTHS, interactive, static_svg
from truce.charts.render import spec as chart_spec
from truce.charts.style import FONT_ZH, wide, wrap_at_spaces
from truce.i18n import HTML_LANG, N_, current, day, t
from truce.paths import CACHE_DIR, kept_result

SITE_URL = "https://truce-tracker.github.io/"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

# where each chart's downloads are written during the build: KIT_DIR/<chart-id>/ for the English
# edition, KIT_DIR-<lang>/<chart-id>/ for another (the two editions are built at the same time
# and share the cache; their charts' words differ)
KIT_DIR = CACHE_DIR / "chart-kits"


def kits_folder(lang: str | None = None) -> Path:
    """The folder of the chart kits of an edition (the edition being built unless ``lang``)."""
    from truce.i18n import current

    lang = lang or current()
    return KIT_DIR if lang == "en" else KIT_DIR.with_name(f"{KIT_DIR.name}-{lang}")


# the published URLs (site-root relative; hooks/reuse.py makes them relative to each page)
DOWNLOAD_URL = "/downloads/charts/"
EMBED_URL = "/embed/"

# the downloadable picture: the page's wide drawing (so no chart is drawn a third time), on
# white, with a footer of this many lines; the PNG at 1.5 times its size (1,104 px wide)
DOWNLOAD_WIDTH = STATIC_WIDTHS["wide"]
PNG_SCALE = 1.5
_FOOTER_LINE = 16
_VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')
CHART_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def as_of_text(as_of: dt.date) -> str:
    """A date as the site writes it: 4 December 2026 (2026年12月4日 in the Chinese edition)."""
    return day(as_of)


def edition_url() -> str:
    """The address of the edition being built: the site's, or its ``zh/`` folder."""
    lang = current()
    return SITE_URL if lang == "en" else f"{SITE_URL}{lang}/"


def chart_title(vl: dict, chart_id: str) -> str:
    """A chart's title as one line of text (its id when it has none)."""
    title = vl.get("title")
    title = title.get("text") if isinstance(title, dict) else title
    if isinstance(title, list):  # lines of a wrapped title: Chinese lines join without a space
        return ("" if any(wide(ch) for ch in "".join(title)) else " ").join(title)
    return title or chart_id


def footer_lines(source: str, as_of: dt.date, chart_id: str) -> list[str]:
    """The lines drawn under a downloaded picture: source and date, licence and where it is from."""
    return [
        t("Source: {source} · data through {day}").format(source=source, day=as_of_text(as_of)),
        f"{t('Truce Tracker')} · {LICENCE} · {edition_url()}embed/{chart_id}/",
    ]


def download_svg(vl: dict, *, chart_id: str, source: str, as_of: dt.date) -> str:
    """The chart as a standalone SVG for download: light colours on white, the chart's own title,
    and the source line, as-of date and licence drawn in under it."""
    inner = static_svg(vl, width=DOWNLOAD_WIDTH, prefix=f"{chart_id}-download")
    w, h = (float(x) for x in _VIEWBOX.search(inner).groups())
    lines = [part for line in footer_lines(source, as_of, chart_id) for part in wrap_at_spaces(line, int(w // 6.2))]
    pad = 12
    total_h = h + pad + _FOOTER_LINE * len(lines) + pad
    inner = inner.replace("<svg ", f'<svg x="0" y="0" width="{w:g}" height="{h:g}" ', 1)
    text = "".join(
        f'<text x="{pad}" y="{h + pad + _FOOTER_LINE * (i + 1) - 4:g}">{html_lib.escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    family = "sans-serif" if current() == "en" else FONT_ZH
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w:g}" height="{total_h:g}" '
        f'viewBox="0 0 {w:g} {total_h:g}">'
        f'<rect width="100%" height="100%" fill="#ffffff"/>{inner}'
        f'<g font-family="{family}" font-size="11" fill="#444444">{text}</g></svg>\n'
    )


def download_png(svg: str) -> bytes:
    """The downloadable SVG rasterised (twice its size, for sharp text); kept in ``.cache/drawings``
    under the SVG, so an unchanged chart is not rasterised again."""
    import vl_convert

    return kept_result(
        "drawings",
        ("png", svg, str(PNG_SCALE), vl_convert.__version__),
        lambda: bytes(vl_convert.svg_to_png(svg, scale=PNG_SCALE)),
        accept=lambda v: isinstance(v, bytes),
        keep=None,
    )


def _write(target: Path, payload: bytes) -> None:
    """Write a file unless it already holds these bytes (atomically: the two editions build in parallel)."""
    if target.exists() and target.read_bytes() == payload:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(payload)
    tmp.replace(target)


def write_kit(vl: dict, *, chart_id: str, table: pd.DataFrame, source: str, as_of: dt.date, kit_dir: Path | None = None) -> Path:
    """Write a chart's downloads (CSV, SVG, PNG), its live spec when it has controls, and what its
    embed page shows (``meta.json``) to ``kit_dir/<chart_id>/``; return that folder."""
    folder = (kits_folder() if kit_dir is None else kit_dir) / chart_id
    svg = download_svg(vl, chart_id=chart_id, source=source, as_of=as_of)
    meta = {
        "id": chart_id,
        "title": chart_title(vl, chart_id),
        "description": vl.get("description") or "",
        "source": source,
        "as_of": as_of.isoformat(),
        "interactive": interactive(vl),
    }
    _write(folder / f"{chart_id}.csv", table.to_csv(index=False).encode("utf-8"))
    _write(folder / f"{chart_id}.svg", svg.encode("utf-8"))
    _write(folder / f"{chart_id}.png", download_png(svg))
    _write(folder / "picture.svg", static_svg(vl, width=DOWNLOAD_WIDTH, prefix=f"{chart_id}-embed").encode("utf-8"))
    if meta["interactive"]:
        _write(folder / "spec.json", json.dumps(vl, separators=(",", ":")).encode("utf-8"))
    _write(folder / "meta.json", (json.dumps(meta, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
    return folder


def iframe_snippet(chart_id: str, title: str, base_url: str | None = None) -> str:
    """The HTML a reader pastes to embed a chart: a responsive iframe of its embed page."""
    base_url = edition_url() if base_url is None else base_url
    return (
        f'<iframe src="{base_url}embed/{chart_id}/" title="{html_lib.escape(title)}" loading="lazy" '
        f'style="width:100%;max-width:720px;aspect-ratio:4/3;border:0"></iframe>'
    )


def embed(
    chart: alt.TopLevelMixin, *, chart_id: str, table: pd.DataFrame, source: str, as_of: dt.date, csv_name: str | None = None
) -> str:
    """HTML for one chart: the pictures (static SVG files at two widths, light and dark; the
    live spec too when the chart has controls), its source line and as-of date, a table
    alternative, downloads and an embed snippet. All text from data is escaped. The figure's
    anchor is ``#chart-<chart_id>``; ``csv_name`` is no longer used (downloads are named by
    the chart id) and is accepted for the callers that still pass it."""
    if not CHART_ID.match(chart_id):
        raise ValueError(f'chart id "{chart_id}": use lower-case letters, digits and hyphens (e.g. "headline-rates")')
    from truce.charts.render import pictures_html

    vl = chart_spec(chart)
    cid = esc(chart_id)
    description = vl.get("description") or ""
    pictures = pictures_html(vl, chart_id)
    write_kit(vl, chart_id=chart_id, table=table, source=source, as_of=as_of)
    live = ""
    if interactive(vl):
        payload = json.dumps(vl, separators=(",", ":")).replace("</", "<\\/")
        live = (
            f'<script type="application/json">{payload}</script>'
            f'<button type="button" class="{CHART_CLASS}-explore" hidden>{t("Explore the interactive version")}</button>'
        )
    title = chart_title(vl, chart_id)
    # each link's accessible name says what it downloads ("CSV" alone is ambiguous out of context)
    downloads = " · ".join(
        f'<a href="{DOWNLOAD_URL}{cid}.{ext}" download aria-label="{t(label).format(title=esc(title))}">{short}</a>'
        for ext, short, label in (
            ("csv", "CSV", N_("Download CSV data of the chart {title}")),
            ("svg", "SVG", N_("Download SVG picture of the chart {title}")),
            ("png", "PNG", N_("Download PNG picture of the chart {title}")),
        )
    )
    return (
        f'<figure class="{CHART_CLASS}-figure" id="chart-{cid}" data-search-exclude>'
        f'<div class="{CHART_CLASS} is-drawn" data-chart="{cid}"{" " + LIVE_MARKER if live else ""}>'
        f"{pictures}{live}"
        f'<p class="{CHART_CLASS}-fallback">{esc(description)}</p></div>'
        f"<figcaption>{t('Source: {source} · data through {day}').format(source=esc(source), day=esc(as_of))} · "
        f'<a class="{CHART_CLASS}-anchor" href="#chart-{cid}">{t("Link")}</a><br>'
        f'<span class="{CHART_CLASS}-downloads">{t("Download:")} {downloads}</span></figcaption>'
        f'<details class="{CHART_CLASS}-table"><summary>{t("Show the data as a table")}</summary>'
        f"{scroll(table_html(table))}</details>"
        f'<details class="{CHART_CLASS}-embed"><summary>{t("Embed this chart")}</summary>'
        f"<p>{t('Paste this into a web page (the chart, its source and a link back; {licence}):').format(licence=LICENCE)}</p>"
        f"<pre><code>{esc(iframe_snippet(chart_id, title))}</code></pre></details>"
        "</figure>"
    )


EMBED_STYLE = (
    "body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;background:#fff}"
    "figure{margin:0;padding:12px;max-width:760px}h1{font-size:1.05rem;margin:0 0 8px}"
    "img,.live{display:block;width:100%;height:auto}[hidden]{display:none!important}"
    "button{font:inherit;margin-top:8px;padding:6px 10px;border:1px solid #1f5f9f;border-radius:4px;background:#fff;color:#1f5f9f}"
    "figcaption{font-size:.8rem;color:#555;margin-top:8px}a{color:#1f5f9f}"
)


def embed_page_html(meta: dict, *, root: str, page_url: str, spec_json: str | None = None) -> str:
    """The embeddable page of one chart (``/embed/<id>/``): a minimal responsive page with no theme
    bundle: the title, the static picture (light), the live chart where the chart has controls,
    the source, date and licence, and a link back to the chart on the site. ``root`` is the path
    from the embed page to the site root; ``page_url`` the site-relative URL of the page showing
    the chart."""
    cid = esc(meta["id"])
    as_of = as_of_text(dt.date.fromisoformat(meta["as_of"]))
    live = ""
    if spec_json:
        payload = spec_json.replace("</", "<\\/")
        # the Vega bundle is fetched only when the reader asks for the live chart (drawn without
        # its title, which the page's heading already shows)
        live = (
            f'<div class="live" id="live"></div><script type="application/json" id="spec">{payload}</script>'
            f'<button type="button" id="explore">{t("Explore the interactive version")}</button>'
            "<script>document.getElementById('explore').addEventListener('click',function(){var b=this;"
            "b.disabled=true;var s=document.createElement('script');"
            f"s.src='{root}assets/vendor/vega-bundle.js';"
            "s.onload=function(){var v=JSON.parse(document.getElementById('spec').textContent);delete v.title;"
            "vegaEmbed('#live',v,{actions:false,renderer:'svg'}).then(function(){document.getElementById('picture').hidden=true;b.hidden=true;})"
            ".catch(function(){b.disabled=false;});};document.head.appendChild(s);});</script>"
        )
    return (
        f'<!doctype html><html lang="{HTML_LANG[current()]}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{esc(meta['title'])} · {t('Truce Tracker')}</title>"
        f'<link rel="canonical" href="{edition_url()}embed/{cid}/">'
        f"<style>{EMBED_STYLE}</style></head><body>"
        f'<figure id="chart-{cid}"><h1>{esc(meta["title"])}</h1>'
        f'<img id="picture" src="picture.svg" alt="{esc(meta["description"])}">{live}'
        f"<figcaption>{t('Source: {source} · data through {day}').format(source=esc(meta['source']), day=as_of)} · "
        f'<a href="{LICENCE_URL}" target="_blank" rel="license noopener">{LICENCE}</a> · '
        f'<a href="{root}{esc(page_url)}#chart-{cid}" target="_top">{t("See it on Truce Tracker")}</a> · '
        f'<a href="{root}downloads/charts/{cid}.csv" download>{t("Data (CSV)")}</a></figcaption>'
        "</figure></body></html>\n"
    )
