"""The strict build works and its HTML is self-contained, linked, checked and escaped."""

from __future__ import annotations

import json
import posixpath
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


def third_party_resources(name: str, soup: BeautifulSoup) -> list[str]:
    """Scripts, styles, pictures and frames a page would fetch from another host."""
    offenders = []
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
    return offenders


def broken_links(soups: dict[str, BeautifulSoup], exists) -> list[str]:
    """Links between pages of the site whose target file or anchor is missing (``exists(path)``
    says whether a file is in the site; a path ending in / means its index.html)."""
    ids = {name: {el.get("id") for el in soup.find_all(id=True)} for name, soup in soups.items()}
    broken = []
    for name, soup in soups.items():
        base = "https://site.invalid/" + name
        for a in soup.find_all("a", href=True):
            href = a["href"]
            if href.startswith(("mailto:", "data:", "javascript:")):
                continue
            url = urlparse(urljoin(base, href))
            if url.netloc != "site.invalid":
                continue
            path = url.path.lstrip("/")
            if path.endswith("/") or path == "" or (not path.endswith(".html") and exists(path + "/index.html")):
                path = (path.rstrip("/") + "/index.html").lstrip("/")
            if not exists(path):
                broken.append(f"{name}: {href} (no file {path})")
            elif url.fragment and path.endswith(".html") and url.fragment not in ids.get(path, set()):
                broken.append(f"{name}: {href} (no anchor #{url.fragment})")
    return broken


def test_third_party_resources_are_found():
    page = _soup(
        '<link rel="stylesheet" href="https://cdn.example/x.css"><link rel="canonical" href="https://site/">'
        '<script src="assets/a.js"></script><img src="//img.example/p.png"><style>@import "https://f/x.css";</style>'
    )
    assert third_party_resources("p.html", page) == [
        "p.html: <link href=https://cdn.example/x.css>",
        "p.html: <img src=//img.example/p.png>",
        "p.html: <style> loads a remote resource",
    ]


def test_broken_links_and_anchors_are_found():
    pages = {
        "index.html": _soup(
            '<a href="a/#top">ok</a><a href="a/#nowhere">x</a><a href="b/">y</a>'
            '<a href="https://elsewhere.example/">out</a><a href="mailto:x@y">m</a>'
        ),
        "a/index.html": _soup('<h1 id="top">A</h1><a href="../index.html">home</a>'),
    }
    assert broken_links(pages, lambda path: path in pages) == [
        "index.html: a/#nowhere (no anchor #nowhere)",
        "index.html: b/ (no file b/index.html)",
    ]


def test_no_third_party_resources(soups):
    offenders = [o for name, soup in soups.items() for o in third_party_resources(name, soup)]
    assert not offenders, "\n".join(offenders)


def test_internal_links_and_anchors_resolve(built_site, soups):
    broken = broken_links(soups, lambda path: (built_site / path).is_file())
    assert not broken, "\n".join(broken[:50])


def test_figure_links_in_built_html_match_the_data(html_pages, soups):
    figures = registry.evaluate_all()
    seen = 0
    for name, text in html_pages.items():
        lang = "zh" if soups[name].html.get("lang", "").startswith("zh") else "en"
        for a in soups[name].select("a[data-figure]"):
            ev = figures[a["data-figure"]]
            problem = figlinks.link_problem(a.get_text(), ev.id, a.get("data-format", ""), figures, lang)
            assert problem is None, f"{name}: {problem}"
            assert a.get("title"), f"{name}: figure {ev.id} has no tooltip"
            assert f"#fig-{ev.id}" in a["href"]
            seen += 1
        assert 'href="fig:' not in text, f"{name}: an unconverted figure link is left in the page"
    assert seen > 0


def test_ledger_and_figures_json(built_site, soups):
    payload = json.loads((built_site / "figures.json").read_text(encoding="utf-8"))
    ids = {f["id"] for f in payload["figures"]}
    assert ids == set(registry.registry())
    ledger = soups["data/figures/index.html"]
    for fid in ids:
        assert ledger.find(id=f"fig-{fid}"), f"ledger has no entry for {fid}"
    assert "Checked at build" in ledger.get_text() and "构建时核对" not in ledger.get_text()
    # the Chinese edition's ledger is its own (the two editions are built at the same time)
    zh = soups["zh/data/figures/index.html"].get_text()
    assert "构建时核对" in zh and "Checked at build" not in zh


def test_chronology_shows_every_event_exactly_once(soups):
    soup = soups["chronology/index.html"]
    shown = [el["id"] for el in soup.select("article.chrono-event")]
    expected = list(chronology.events()["id"])
    assert sorted(shown) == sorted(expected)
    assert len(shown) == len(set(shown))


def test_notebook_pages_are_lean(html_pages):
    for name in ("chronology/index.html", "tariffs/index.html"):
        text = html_pages[name]
        assert "jp-RenderedHTMLCommon {" not in text and "--jp-" not in text, f"{name}: JupyterLab CSS is inlined"
        assert "mathjax" not in text.lower() and "mermaid" not in text.lower(), f"{name}: third-party loader left"
        assert "Traceback" not in text and "application/vnd.jupyter.stderr" not in text, f"{name}: a cell printed an error"


def test_chart_scripts_only_on_interactive_chart_pages(html_pages, soups):
    """Static charts need no script: only a page with an interactive chart loads charts.js
    (which fetches Vega on request); every chart arrives drawn."""
    for name, text in html_pages.items():
        if name.removeprefix("zh/").startswith("embed/"):  # embed pages carry their own small loader (tests/test_reuse.py)
            continue
        live = charts.LIVE_MARKER in text
        loads = "assets/js/charts.js" in text
        assert live == loads, f"{name}: interactive chart={live} but loads charts.js={loads}"
        assert "vega-bundle.js" not in text or loads, f"{name}: references the Vega bundle without charts.js"
        for chart in soups[name].select(".truce-chart"):
            pictures = chart.select(".truce-chart-static > img.truce-chart-img[alt='']")
            assert len(pictures) == 2 * len(render.STATIC_WIDTHS), (
                f"{name}: chart {chart.get('data-chart')} has {len(pictures)} pictures"
            )


def test_every_chart_picture_is_published(built_site, soups):
    for name, soup in soups.items():
        for img in soup.select("img.truce-chart-img"):
            target = (built_site / name).parent / img["src"]
            assert target.resolve().is_file(), f"{name}: chart picture {img['src']} is missing"
            assert img["src"].endswith(".svg") and img["src"].startswith(charts.PICTURE_URL)


def duplicate_ids(soup: BeautifulSoup) -> list[str]:
    seen, dups = set(), []
    for el in soup.find_all(id=True):
        if el["id"] in seen:
            dups.append(el["id"])
        seen.add(el["id"])
    return dups


def test_duplicate_ids_are_found():
    assert duplicate_ids(_soup('<svg><clipPath id="clip1"/></svg><svg><clipPath id="clip1"/></svg><p id="x">')) == ["clip1"]


def test_no_page_repeats_an_element_id(soups):
    """Charts are drawn twice per page (desktop and phone): their clip paths must not collide."""
    for name, soup in soups.items():
        assert not duplicate_ids(soup), f"{name}: repeated ids {duplicate_ids(soup)[:5]}"


def test_dataset_jsonld_on_downloads_page(soups):
    soup = soups["data/index.html"]
    block = soup.find("script", type="application/ld+json")
    assert block is not None
    payload = json.loads(block.string)
    assert payload["@type"] == "Dataset" and payload["distribution"]


def test_figures_work_in_admonitions_tables_and_footnotes(soups):
    def found(selector):
        return any(soup.select(selector) for soup in soups.values())

    assert found(".admonition a[data-figure]"), "no figure link rendered inside an admonition"
    assert found("table a[data-figure]"), "no figure link rendered inside a table"
    assert found(".footnote a[data-figure]"), "no figure link rendered inside a footnote"


def test_data_text_is_escaped(tmp_path):
    """Markup in a data file's text reaches the page as text, never as elements."""
    import datetime as dt

    import pandas as pd

    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    table = pd.DataFrame(
        [
            {
                "id": "x",
                "date": dt.date(2025, 5, 12),
                "date_end": None,
                "actor": "US",
                "lever": "talks",
                "direction": "neutral",
                "status": "announced",
                "kind": "move",
                "key": False,
                "title": evil,
                "summary": evil,
                "instrument": evil,
                "source_ids": ("s",),
                "note": evil,
            }
        ]
    )
    sources = {"s": {"publisher": evil, "title": evil, "url": "https://example.org/a", "kind": "primary"}}
    page = _soup(chronology_blocks.page_html(table, sources))
    assert not page.find("script") and not page.find("img")
    assert "<script>alert(1)</script>" in page.get_text()


# The two editions ----------------------------------------------------------------------------


def _reader_pages(html_pages) -> list[str]:
    """The English pages a reader navigates (not embeds, releases, the 404 page or the Chinese edition)."""
    return [n for n in html_pages if not n.startswith(("zh/", "embed/", "data/releases/")) and n != "404.html"]


def test_every_page_has_its_chinese_counterpart(html_pages, soups):
    pages = _reader_pages(html_pages)
    assert len(pages) > 15
    missing = [n for n in pages if f"zh/{n}" not in html_pages]
    assert not missing, f"pages without a Chinese counterpart: {missing}"
    for name in pages:
        zh = soups[f"zh/{name}"]
        assert zh.html["lang"] == "zh-Hans", f"zh/{name}: html lang is {zh.html.get('lang')}"
        assert soups[name].html["lang"] == "en", name


def test_the_language_switcher_leads_to_the_same_page(html_pages, soups):
    for name in _reader_pages(html_pages):
        for edition, other in ((name, f"zh/{name}"), (f"zh/{name}", name)):
            page = soups[edition]
            # hreflang lives in the sitemaps: Material fetches a sitemap from every <link rel=alternate>'s host
            assert not page.select('link[rel="alternate"][hreflang]'), f"{edition}: hreflang link in the page head"
            switch = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
            target = "zh-Hans" if edition == name else "en"
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(edition), switch[target]))
            expected = posixpath.dirname(other) or "."
            assert resolved == expected, f"{edition}: the switcher's {target} link goes to {resolved}/, not {expected}/"


def test_both_sitemaps_give_each_page_its_hreflang_alternates(built_site, html_pages):
    from xml.etree import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for sitemap, prefix in (("sitemap.xml", ""), ("zh/sitemap.xml", "zh/")):
        entries = ElementTree.parse(built_site / sitemap).getroot().findall("s:url", ns)
        assert len(entries) >= len(_reader_pages(html_pages)), sitemap
        for entry in entries:
            loc = entry.find("s:loc", ns).text
            page = loc.split("truce-tracker.github.io/", 1)[1].removeprefix(prefix)
            links = {x.get("hreflang"): x.get("href") for x in entry.findall("x:link", ns)}
            english = loc.replace(f"/{prefix}", "/", 1) if prefix else loc
            assert links == {"en": english, "zh-Hans": english.replace(".io/", ".io/zh/", 1), "x-default": english}, (
                f"{sitemap}: {page}: {links}"
            )
