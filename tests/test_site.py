"""The strict build works and its HTML is self-contained, linked, checked and escaped."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from truce import charts
from truce.analysis import events as chronology
from truce.blocks import chronology as chronology_blocks
from truce.charts import render
from truce.figures import registry
from truce.site import figlinks

RESOURCE_ATTRS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src"}


def _soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def test_strict_build_produces_every_nav_page(built_site):
    for page in ("index.html", "chronology/index.html", "tariffs/index.html", "data/index.html",
                 "data/figures/index.html", "about/methodology/index.html", "404.html"):
        assert (built_site / page).is_file(), page
    assert (built_site / "data" / "events.csv").is_file()
    assert (built_site / "data" / "datapackage.json").is_file()


def test_no_third_party_resources(html_pages):
    offenders = []
    for name, text in html_pages.items():
        soup = _soup(text)
        for tag, attr in RESOURCE_ATTRS.items():
            for el in soup.find_all(tag):
                url = el.get(attr)
                if tag == "link" and not set(el.get("rel", [])) & {"stylesheet", "preload", "icon", "modulepreload", "manifest"}:
                    continue
                if url and urlparse(url).netloc:
                    offenders.append(f"{name}: <{tag} {attr}={url}>")
        for style in soup.find_all("style"):
            if re.search(r"@import|url\(\s*['\"]?https?:", style.get_text()):
                offenders.append(f"{name}: <style> loads a remote resource")
    assert not offenders, "\n".join(offenders)


def test_internal_links_and_anchors_resolve(built_site, html_pages):
    ids = {name: {el.get("id") for el in _soup(text).find_all(id=True)} for name, text in html_pages.items()}
    broken = []
    for name, text in html_pages.items():
        base = "https://site.invalid/" + name
        for a in _soup(text).find_all("a", href=True):
            href = a["href"]
            if href.startswith(("mailto:", "data:", "javascript:")):
                continue
            url = urlparse(urljoin(base, href))
            if url.netloc != "site.invalid":
                continue
            path = url.path.lstrip("/")
            target = built_site / path
            if target.is_dir() or path.endswith("/") or path == "":
                path = (path.rstrip("/") + "/index.html").lstrip("/")
                target = built_site / path
            if not target.exists():
                broken.append(f"{name}: {href} (no file {path})")
            elif url.fragment and path.endswith(".html") and url.fragment not in ids.get(path, set()):
                broken.append(f"{name}: {href} (no anchor #{url.fragment})")
    assert not broken, "\n".join(broken[:50])


def test_figure_links_in_built_html_match_the_data(html_pages):
    figures = registry.evaluate_all()
    seen = 0
    for name, text in html_pages.items():
        for a in _soup(text).select("a[data-figure]"):
            ev = figures[a["data-figure"]]
            problem = figlinks.link_problem(a.get_text(), ev.id, a.get("data-format", ""), figures)
            assert problem is None, f"{name}: {problem}"
            assert a.get("title"), f"{name}: figure {ev.id} has no tooltip"
            assert f"#fig-{ev.id}" in a["href"]
            seen += 1
        assert 'href="fig:' not in text, f"{name}: an unconverted figure link is left in the page"
    assert seen > 0


def test_ledger_and_figures_json(built_site, html_pages):
    payload = json.loads((built_site / "figures.json").read_text(encoding="utf-8"))
    ids = {f["id"] for f in payload["figures"]}
    assert ids == set(registry.registry())
    ledger = _soup(html_pages["data/figures/index.html"])
    for fid in ids:
        assert ledger.find(id=f"fig-{fid}"), f"ledger has no entry for {fid}"
    assert "Checked at build" in ledger.get_text()


def test_chronology_shows_every_event_exactly_once(html_pages):
    soup = _soup(html_pages["chronology/index.html"])
    shown = [el["id"] for el in soup.select("article.chrono-event")]
    expected = list(chronology.events()["id"])
    assert sorted(shown) == sorted(expected)
    assert len(shown) == len(set(shown))


def test_notebook_pages_are_lean(html_pages):
    for name in ("chronology/index.html", "tariffs/index.html"):
        text = html_pages[name]
        assert "jp-RenderedHTMLCommon {" not in text and "--jp-" not in text, f"{name}: JupyterLab CSS is inlined"
        assert "mathjax" not in text.lower() and "mermaid" not in text.lower(), f"{name}: third-party loader left"
        assert "Traceback" not in text and "jp-OutputArea-output jp-RenderedText" not in text or "Error" not in text


def test_chart_scripts_only_on_interactive_chart_pages(html_pages):
    """Static charts need no script: only a page with an interactive chart loads charts.js
    (which fetches Vega on request); every chart arrives drawn."""
    for name, text in html_pages.items():
        live = charts.LIVE_MARKER in text
        loads = "assets/js/charts.js" in text
        assert live == loads, f"{name}: interactive chart={live} but loads charts.js={loads}"
        assert "vega-bundle.js" not in text or loads, f"{name}: references the Vega bundle without charts.js"
        soup = _soup(text) if "truce-chart" in text else None
        for chart in soup.select(".truce-chart") if soup else []:
            pictures = chart.select(".truce-chart-static > img.truce-chart-img[alt='']")
            assert len(pictures) == 2 * len(render.STATIC_WIDTHS), f"{name}: chart {chart.get('data-chart')} has {len(pictures)} pictures"


def test_every_chart_picture_is_published(built_site, html_pages):
    for name, text in html_pages.items():
        for img in _soup(text).select("img.truce-chart-img"):
            target = (built_site / name).parent / img["src"]
            assert target.resolve().is_file(), f"{name}: chart picture {img['src']} is missing"
            assert img["src"].endswith(".svg") and charts.PICTURE_SCHEME not in img["src"]


def duplicate_ids(text: str) -> list[str]:
    seen, dups = set(), []
    for el in _soup(text).find_all(id=True):
        if el["id"] in seen:
            dups.append(el["id"])
        seen.add(el["id"])
    return dups


def test_duplicate_ids_are_found():
    assert duplicate_ids('<svg><clipPath id="clip1"/></svg><svg><clipPath id="clip1"/></svg>') == ["clip1"]


def test_no_page_repeats_an_element_id(html_pages):
    """Charts are drawn twice per page (desktop and phone): their clip paths must not collide."""
    for name, text in html_pages.items():
        assert not duplicate_ids(text), f"{name}: repeated ids {duplicate_ids(text)[:5]}"


def test_dataset_jsonld_on_downloads_page(html_pages):
    soup = _soup(html_pages["data/index.html"])
    block = soup.find("script", type="application/ld+json")
    assert block is not None
    payload = json.loads(block.string)
    assert payload["@type"] == "Dataset" and payload["distribution"]


def test_figures_work_in_admonitions_tables_and_footnotes(html_pages):
    def found(selector):
        return any(_soup(t).select(selector) for t in html_pages.values())

    assert found(".admonition a[data-figure]"), "no figure link rendered inside an admonition"
    assert found("table a[data-figure]"), "no figure link rendered inside a table"
    assert found(".footnote a[data-figure]"), "no figure link rendered inside a footnote"


def test_data_text_is_escaped(tmp_path):
    """Markup in a data file's text reaches the page as text, never as elements."""
    import datetime as dt

    import pandas as pd


    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    table = pd.DataFrame([{"id": "x", "date": dt.date(2025, 5, 12), "date_end": None, "actor": "US", "lever": "talks",
                           "direction": "neutral", "status": "announced", "title": evil, "summary": evil, "instrument": evil,
                           "source_ids": "s", "note": evil}])
    sources = {"s": {"publisher": evil, "title": evil, "url": "https://example.org/a", "kind": "primary"}}
    page = _soup(chronology_blocks.page_html(table, sources))
    assert not page.find("script") and not page.find("img")
    assert "<script>alert(1)</script>" in page.get_text()
