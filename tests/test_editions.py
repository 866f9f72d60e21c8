"""The edition hook's pieces that need no build: sitemap alternates (also for `mkdocs serve`'s
dev address) and the contents list of notebook pages."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from truce.paths import ROOT

ALTERNATES = [
    {"name": "English", "lang": "en", "link": "./", "url": "https://truce-tracker.github.io/"},
    {"name": "中文", "lang": "zh-Hans", "link": "zh/", "url": "https://truce-tracker.github.io/zh/"},
]
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url>
         <loc>{loc}</loc>
         <lastmod>2026-12-05</lastmod>
    </url>
</urlset>
"""


def _hook():
    spec = importlib.util.spec_from_file_location("i18n_hook", ROOT / "hooks" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _alternates(tmp_path: Path, loc: str) -> str:
    path = tmp_path / "sitemap.xml"
    path.write_text(SITEMAP.format(loc=loc), encoding="utf-8")
    _hook().with_alternates(path, ALTERNATES)
    assert (tmp_path / "sitemap.xml.gz").is_file()
    return path.read_text(encoding="utf-8")


def test_each_sitemap_page_gets_both_editions_and_x_default(tmp_path):
    for loc in ("https://truce-tracker.github.io/zh/story/01-spiral/", "http://127.0.0.1:8000/story/01-spiral/"):
        text = _alternates(tmp_path, loc)
        assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in text
        assert '<xhtml:link rel="alternate" hreflang="en" href="https://truce-tracker.github.io/story/01-spiral/"/>' in text
        assert (
            '<xhtml:link rel="alternate" hreflang="zh-Hans" href="https://truce-tracker.github.io/zh/story/01-spiral/"/>' in text
        )
        assert (
            '<xhtml:link rel="alternate" hreflang="x-default" href="https://truce-tracker.github.io/story/01-spiral/"/>' in text
        )


def test_notebook_contents_take_the_explicit_anchor():
    from mkdocs.structure.toc import AnchorLink

    item = AnchorLink("论点 { #the-argument }", "e8aee9", 2)
    child = AnchorLink("细节 {#details .x}", "x", 3)
    item.children.append(child)
    _hook()._anchored([item])
    assert (item.title, item.id, child.title, child.id) == ("论点", "the-argument", "细节", "details")
