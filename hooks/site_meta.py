"""MkDocs hook: page shortcodes, data downloads and page metadata.

* ``{{ chart <name> }}`` on a line of its own in a Markdown page inserts a chart block from
  ``truce.blocks``; an unknown name fails the build.
* The data files (CSV and ``datapackage.json``) are published under ``data/``.
* The figures ledger is left out of the search index.
* Every page gets a description and Open Graph tags; the Downloads page gets schema.org
  ``Dataset`` JSON-LD.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from truce import data, i18n
from truce.blocks import data_page, home, series, tariffs
from truce.blocks import products as product_blocks
from truce.figures import registry
from truce.paths import DATA_DIR, kept_result
from truce.site import feeds, release

SHORTCODE = re.compile(r"^\{\{\s*([a-z0-9]+)(?:\s+([a-z0-9-]+))?\s*\}\}\s*$", re.M)
PAGE_CHARTS = {
    "headline-rates": lambda: tariffs.headline_chart(start=dt.date(2025, 1, 1)),
    "us-china-trade": lambda: series.trade_block(),
    "soybean-arrivals": lambda: series.soybean_arrivals_block(),
}
BLOCKS = {
    "datafiles": data_page.datafiles_table,
    "glossary": data_page.glossary_table,
    "truceclock": home.truce_clock,
    "release": release.release_html,
}


# blocks that depend only on the data and the package (the truce clock also depends on today)
CACHED_BLOCKS = {"datafiles", "glossary"}
_BLOCK_CACHE: dict[tuple, object] = {}


def _block(name: str, make):
    """A generated block, kept while the data and the package are unchanged: in this process (so a
    prose edit in ``mkdocs serve`` does not redraw the charts) and in ``.cache/blocks``, per
    edition, so a build after an edit elsewhere does not work them out again. The chart pictures
    and downloads a chart block names stay in ``.cache`` beside it."""
    key = (name, i18n.current(), *registry.build_state())
    if key not in _BLOCK_CACHE:
        _BLOCK_CACHE[key] = kept_result("blocks", key, make, accept=lambda v: isinstance(v, (str, dict)), keep=BLOCKS_KEPT)
    return _BLOCK_CACHE[key]


# how many blocks are kept in .cache/blocks (about 6 per edition and state)
BLOCKS_KEPT = 48


# pages left out of the search index: the figures ledger repeats every number of the site with
# its derivation (a fifth of the index by itself); search covers the prose
NOT_SEARCHED = {"data/figures.md"}


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in NOT_SEARCHED:
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}

    def insert(m: re.Match) -> str:
        kind, name = m.group(1), m.group(2)
        if kind in BLOCKS and name is None:
            return "\n" + (_block(kind, BLOCKS[kind]) if kind in CACHED_BLOCKS else BLOCKS[kind]()) + "\n"
        if kind != "chart" or name not in PAGE_CHARTS:
            raise PluginError(
                f'docs/{page.file.src_uri}: unknown shortcode "{m.group(0).strip()}" — use {{{{ chart <name> }}}} '
                f"with one of {', '.join(sorted(PAGE_CHARTS))}, or one of {', '.join(sorted(BLOCKS))}"
            )
        return "\n" + _block(f"chart {name}", PAGE_CHARTS[name]) + "\n"

    return SHORTCODE.sub(insert, markdown)


WORDS_PER_MINUTE = 230
CHARACTERS_PER_MINUTE = 400  # Chinese readers read characters, not space-separated words
CJK = re.compile(r"[\u3400-\u9fff]")
H1_END = re.compile(r"(</h1>)", re.I)
TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


NOT_PROSE = re.compile(r'<div class="footnote">.*|<figure\b.*?</figure>|<details\b.*?</details>|<table\b.*?</table>', re.S | re.I)


def reading_minutes(html_text: str) -> int:
    """Estimated reading time of the prose, in whole minutes (at least one): footnotes,
    charts, data tables and code are not counted."""
    text = TAGS.sub(" ", NOT_PROSE.sub(" ", html_text))
    characters = len(CJK.findall(text))
    words = len(CJK.sub(" ", text).split())
    return max(1, round(words / WORDS_PER_MINUTE + characters / CHARACTERS_PER_MINUTE))


FOOTNOTES = '<div class="footnote">'


def on_page_content(html_text, page, config, files):
    # source lists are not prose: the search index leaves them out
    html_text = html_text.replace(FOOTNOTES, '<div class="footnote" data-search-exclude>')
    if page.file.src_uri.startswith("story/") and page.file.src_uri != "story/index.md":
        minutes = i18n.t("About {n} min read").format(n=reading_minutes(html_text))
        badge = f'<p class="reading-time">{minutes}</p>'
        html_text = H1_END.sub(lambda m: m.group(1) + badge, html_text, count=1)
    return html_text


def _meta_tags(page, config) -> str:
    title = f"{page.title} · {config['site_name']}" if page.title and not page.is_homepage else config["site_name"]
    desc = (page.meta or {}).get("description") or config["site_description"]
    url = (config.get("site_url") or "") + (page.url or "")
    tags = [
        f'<meta property="og:title" content="{html.escape(title)}">',
        f'<meta property="og:description" content="{html.escape(desc.strip())}">',
        '<meta property="og:type" content="website">',
        f'<meta property="og:url" content="{html.escape(url)}">',
        f'<meta property="og:site_name" content="{html.escape(config["site_name"])}">',
        '<meta name="twitter:card" content="summary">',
    ]
    if page.file.src_uri == "data/index.md":
        payload = json.dumps(dataset_jsonld(config)).replace("</", "<\\/")
        tags.append(f'<script type="application/ld+json">{payload}</script>')
    return "".join(tags)


def dataset_jsonld(config) -> dict:
    desc = data.descriptor()
    base = (config.get("site_url") or "") + "data/"
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": desc["title"],
        "description": desc["description"],
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "url": base,
        "dateModified": data.last_updated().isoformat(),
        "creator": {"@type": "Organization", "name": "Truce Tracker contributors"},
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "text/csv", "name": r["title"], "contentUrl": base + r["path"]}
            for r in desc["resources"]
        ],
    }


def on_page_context(context, page, config, nav):
    """Pages outside a section have nothing to show in the left sidebar: give the text the room."""
    if page.parent is None and not page.is_homepage:
        hide = list((page.meta or {}).get("hide", []))
        if "navigation" not in hide:
            page.meta["hide"] = hide + ["navigation"]
    return context


_THEME_BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


def on_post_page(output, page, config):
    output = output.replace("</head>", _meta_tags(page, config) + "</head>", 1)
    # the theme's script runs after the page is parsed, so it never holds back the first paint
    return _THEME_BUNDLE.sub(r'<script defer src="\1"></script>', output, count=1)


def on_files(files, config):
    """Publish the data files under data/ so pages can link to them (and links are validated),
    and the deadline feeds (iCalendar and JSON) at the site root."""
    for path in sorted(DATA_DIR.glob("*")):
        if path.suffix in (".csv", ".json"):
            files.append(File.generated(config, f"data/{path.name}", abs_src_path=str(path)))
    base = config.get("site_url") or ""
    files.append(File.generated(config, "deadlines.ics", content=feeds.ics_text(base)))
    files.append(File.generated(config, "deadlines.json", content=feeds.json_text(base)))
    for lookup_file in lookup_data_files(config):
        files.append(lookup_file)
    _rebuild_everything_after_a_data_edit(files)
    return files


def lookup_data_files(config) -> list[File]:
    """The product lookup's data (truce.blocks.products.lookup_files: one file per direction),
    published beside its page and fetched only by that page's script, one direction at a time.
    Kept while the data and the package are unchanged."""
    made = _block("lookup-json", product_blocks.lookup_files)
    return [File.generated(config, path, content=text) for path, text in sorted(made.items())]


_LAST_BUILD: dict[str, tuple[str, str]] = {}


def _rebuild_everything_after_a_data_edit(files) -> None:
    """``mkdocs serve --dirty`` rebuilds only the pages whose Markdown changed. When the data
    or the ``truce`` package changed since the previous build of this server, every page is
    marked changed, because any page may show a number computed from them."""
    state = registry.build_state()
    if _LAST_BUILD.get("state", state) != state:
        for page_file in files.documentation_pages():
            page_file.is_modified = lambda: True
    _LAST_BUILD["state"] = state
