"""Drawing a chart: its Vega-Lite spec, the static pictures a page shows, and the Vega bundle for
live charts. :mod:`truce.blocks.figure` puts the pictures on a page with their caption and table.

Every chart is drawn at build time as static SVG (vl-convert), at a desktop and a phone width
and in light and dark colours. The pictures are files named by their content
(``charts/<hash>.svg``, in a folder beside the page that shows them), shown with ``<img>`` so they add nothing to the page's
document; the stylesheet shows the one that fits the box and the theme, and the browser
fetches only that one. A page shows its charts without running any chart code. Charts with
controls (sliders, zoom) also carry their Vega-Lite spec: ``charts.js`` loads Vega and swaps
in the live chart when the reader asks for it.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
import re
from pathlib import Path

import altair as alt

from truce.paths import CACHE_DIR

CHART_CLASS = "truce-chart"


VL_VERSION = "6.4"


# drawing widths of the static pictures (CSS shows one per screen size)
STATIC_WIDTHS = {"wide": 640, "narrow": 320}


# where pictures are written while pages are built (by this process and by notebook kernels
# alike), and the folder beside each page they are published to: a page refers to its pictures
# relative to itself, so the URL a block writes is final
PICTURE_DIR = CACHE_DIR / "charts"
PICTURE_URL = "charts/"


# colours of the dark-theme pictures: text, grid, axes and the sides' lighter tones
DARK_COLOURS = {'fill="#000"': 'fill="#d9dce3"', 'stroke="#000"': 'stroke="#d9dce3"', 'stroke="#ddd"': 'stroke="#3b404c"',
                'stroke="#888"': 'stroke="#8e94a2"', 'fill="#888"': 'fill="#8e94a2"',
                "#0072B2": "#56B4E9", "#D55E00": "#F0A35E", "#009E73": "#3CCB9A"}


# marks a chart that also carries its live spec (pages with one load charts.js)
LIVE_MARKER = 'data-interactive="true"'


def spec(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite spec of a chart, data inlined."""
    return chart.to_dict()


def chart_data(chart: alt.TopLevelMixin) -> list[dict]:
    """The rows a chart draws (from its inline datasets)."""
    datasets = spec(chart).get("datasets", {})
    return [row for rows in datasets.values() for row in rows]






def interactive(vl: dict) -> bool:
    """A chart has controls (selections, sliders, zoom) when its spec declares parameters."""
    return any(node.get("params") for node in _objects(vl))


def _objects(node):
    """Every JSON object in a spec, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def _wrap(text, max_chars: int):
    """Vega titles do not wrap: split a long title into lines of at most ``max_chars``."""
    if not isinstance(text, str) or len(text) <= max_chars:
        return text
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > max_chars:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


def _sized(vl: dict, width: int) -> dict:
    """The spec drawn ``width`` pixels wide, with titles wrapped to fit and no background."""
    spec = copy.deepcopy(vl)
    for node in _objects(spec):
        if node.get("width") == "container":
            node["width"] = width
    spec["background"] = None
    config = spec.get("config", {})
    # text is measured here and drawn in the reader's sans-serif, which may run wider: leave
    # room between legend entries laid out side by side
    spec["config"] = {**config, "aria": False, "legend": {"columnPadding": 28, **config.get("legend", {})}}
    title = spec.get("title")
    if title:
        title = {"text": title} if isinstance(title, str) else dict(title)
        max_chars = max(24, width // 9)
        title["text"] = _wrap(title.get("text"), max_chars)
        if title.get("subtitle"):
            title["subtitle"] = _wrap(title["subtitle"], int(max_chars * 1.1))
        spec["title"] = title
    return spec


_SVG_OPEN = re.compile(r'<svg ([^>]*?)width="([\d.]+)" height="([\d.]+)"')


# nodes and attributes a static picture does not need: empty group backgrounds and
# foregrounds, and ARIA attributes inside a picture that is hidden as a whole
_SVG_EMPTY = re.compile(r'<path class="(?:foreground|background)"[^>]* d="(?:|M0,0h0v0h0Z)"[^>]*/>')


_SVG_ARIA = re.compile(r' (?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"')


_SVG_ID = re.compile(r'\bid="([^"]+)"')


@functools.lru_cache(maxsize=64)
def _svg(payload: str) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(json.loads(payload), vl_version=VL_VERSION)


def static_svg(vl: dict, *, width: int, prefix: str) -> str:
    """The chart as SVG that scales to its box, hidden from assistive technology (the figure's
    description and data table carry its content). Element ids get ``prefix``, so the picture
    stays valid if it is ever inlined beside others."""
    svg = _svg(json.dumps(_sized(vl, width), sort_keys=True))
    svg = svg.replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "").strip()
    svg = _SVG_ARIA.sub("", _SVG_EMPTY.sub("", svg))
    for old in sorted(set(_SVG_ID.findall(svg)), key=len, reverse=True):
        svg = svg.replace(f'id="{old}"', f'id="{prefix}-{old}"').replace(f"url(#{old})", f"url(#{prefix}-{old})")
    return _SVG_OPEN.sub(lambda m: f'<svg {m[1]}aria-hidden="true" focusable="false" '
                                   f'style="aspect-ratio: {m[2]} / {m[3]}"', svg, count=1)


def dark(svg: str) -> str:
    """The same picture in the dark theme's colours."""
    for light, dark_colour in DARK_COLOURS.items():
        svg = svg.replace(light, dark_colour)
    return svg


def save_picture(svg: str) -> str:
    """Write a picture under its content hash; return the file name."""
    name = hashlib.sha256(svg.encode("utf-8")).hexdigest()[:20] + ".svg"
    target = PICTURE_DIR / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(svg, encoding="utf-8")
        tmp.replace(target)
    return name


_SIZE = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')


def pictures_html(vl: dict, chart_id: str) -> str:
    """The chart's pictures: one per width, each in light and dark colours."""
    out = []
    for name, width in STATIC_WIDTHS.items():
        svg = static_svg(vl, width=width, prefix=f"{chart_id}-{name}")
        w, h = _SIZE.search(svg).groups()
        imgs = "".join(
            f'<img class="{CHART_CLASS}-img {CHART_CLASS}-img--{theme}" src="{PICTURE_URL}{save_picture(variant)}" '
            f'alt="" width="{float(w):g}" height="{float(h):g}" loading="lazy" decoding="async">'
            for theme, variant in (("light", svg), ("dark", dark(svg))))
        out.append(f'<div class="{CHART_CLASS}-static {CHART_CLASS}-static--{name}">{imgs}</div>')
    return "".join(out)


def vendor_bundle() -> str:
    """vega, vega-lite and vega-embed in one script, from vl-convert (pinned in the lock)."""
    import vl_convert

    return vl_convert.javascript_bundle(vl_version=VL_VERSION)


def write_vendor_bundle(target: Path) -> None:
    import vl_convert

    stamp = f"/* vega {vl_convert.get_vega_version()}, vega-lite {VL_VERSION}, vega-embed {vl_convert.get_vega_embed_version()}; BSD-3-Clause, see vega-LICENSE.txt */\n"
    cache = Path(".cache") / "vega-bundle.js"
    if not cache.exists() or not cache.read_text(encoding="utf-8").startswith(stamp):
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(stamp + vendor_bundle(), encoding="utf-8")
    target.write_text(cache.read_text(encoding="utf-8"), encoding="utf-8")
