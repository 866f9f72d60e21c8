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
import math
import os
import re
from pathlib import Path

import altair as alt

from truce.charts.style import DECORATION, FONT, HALO, MIN_FONT_PX, font, wide, wrap_at_spaces
from truce.i18n import current
from truce.paths import CACHE_DIR, kept_result

CHART_CLASS = "truce-chart"


VL_VERSION = "6.4"


# drawing widths of the static pictures, in CSS pixels: each is drawn at the width it is shown
# (CSS shows the narrow one in boxes up to 600 px, at most at its drawn width for the wide one),
# so a font size in the spec is the size a reader sees
STATIC_WIDTHS = {"wide": 736, "narrow": 358}


# the widths of the box a chart sits in, as measured at 390 px (a phone) and 1280 px (desktop:
# pages with a table of contents, and notebook pages without one)
DISPLAY_BOXES = {"narrow": (358,), "wide": (748, 998)}


def display_scale(name: str, drawn: float, box: int) -> float:
    """How much a picture ``drawn`` pixels wide is scaled when shown in a box ``box`` pixels
    wide: the wide picture is never enlarged past its drawing (site.css), the narrow one fills
    its box."""
    return min(box, drawn) / drawn if name == "wide" else box / drawn


# the house style every chart starts from: one font, no text under 12 px, titles that state
# the finding above a lighter subtitle (a chart's own config overrides these)
BASE_CONFIG = {
    "font": FONT,
    "title": {
        "fontSize": 17,
        "subtitleFontSize": 13,
        "subtitleColor": "#555555",
        "anchor": "start",
        "offset": 10,
        "subtitlePadding": 4,
        "lineHeight": 21,
        "subtitleLineHeight": 17,
    },
    "axis": {"labelFontSize": MIN_FONT_PX, "titleFontSize": MIN_FONT_PX, "titleFontWeight": "normal", "labelLimit": 260},
    "legend": {"labelFontSize": MIN_FONT_PX, "titleFontSize": MIN_FONT_PX, "symbolSize": 90},
    "header": {"labelFontSize": 13, "titleFontSize": 13},
    "text": {"fontSize": MIN_FONT_PX},
}


# where pictures are written while pages are built (by the build, its notebook pages and a
# downloaded notebook in its kernel alike), and the folder beside each page they are published to: a page refers to its pictures
# relative to itself, so the URL a block writes is final. The two editions are built at the same time
# into this one folder: a file is named by the hash of its content, so a Chinese picture (other
# words, other font stack) has its own name, and two processes writing one name write the same
# bytes (atomically); each edition publishes the pictures its own pages name
PICTURE_DIR = CACHE_DIR / "charts"
PICTURE_URL = "charts/"


# the page background of the dark theme (Material's slate), behind label halos
DARK_BACKGROUND = "#1e2129"


# colours of the dark-theme pictures: text, grid, axes and the sides' lighter tones
DARK_COLOURS = {
    'fill="#000"': 'fill="#d9dce3"',
    'stroke="#000"': 'stroke="#d9dce3"',
    'stroke="#ddd"': 'stroke="#3b404c"',
    'stroke="#888"': 'stroke="#8e94a2"',
    'fill="#888"': 'fill="#8e94a2"',
    'fill="#555555"': 'fill="#b4b9c4"',
    'fill="#888888"': 'fill="#9aa0ad"',
    'stroke="#888888"': 'stroke="#9aa0ad"',
    HALO: DARK_BACKGROUND,
    "#0072B2": "#56B4E9",
    "#D55E00": "#F0A35E",
    "#009E73": "#3CCB9A",
}


# marks a chart that also carries its live spec (pages with one load charts.js)
LIVE_MARKER = 'data-interactive="true"'


def spec(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite spec of a chart, data inlined, in the house style (:data:`BASE_CONFIG`).

    Altair's check of the spec against the Vega-Lite schema is left to the tests
    (``tests/test_chart_style.py`` checks every chart on the site once): run on every drawing,
    it took a tenth of the build."""
    vl = _named_in_order(chart.to_dict(validate=False))
    config = vl.get("config", {})
    vl["config"] = {
        **BASE_CONFIG,
        "font": font(),
        **config,
        **{k: {**v, **config.get(k, {})} for k, v in BASE_CONFIG.items() if isinstance(v, dict)},
    }
    return vl


# Altair names the views that carry a selection after a hash of their definition, in which a data
# frame counts by its printed form; that form follows pandas' display settings (a terminal's
# width, a notebook kernel's), so one chart could get other names, and other pictures, in
# another process
_VIEW_NAME = re.compile(r"\bview_[0-9a-f]{16}(?![0-9a-f])")


def _named_in_order(vl: dict) -> dict:
    """The spec with its views named ``view_1``, ``view_2``… in order of appearance."""
    text = json.dumps(vl)
    names = {old: f"view_{n}" for n, old in enumerate(dict.fromkeys(_VIEW_NAME.findall(text)), 1)}
    return json.loads(_VIEW_NAME.sub(lambda m: names[m[0]], text)) if names else vl


def chart_data(chart: alt.TopLevelMixin) -> list[dict]:
    """The rows a chart draws from the data it was given (its inline datasets, leaving out the
    labels, rules and bands marked as :data:`~truce.charts.style.DECORATION`)."""
    datasets = spec(chart).get("datasets", {})
    return [row for rows in datasets.values() for row in rows if not row.get(DECORATION)]


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
    """Vega titles do not wrap: split a long title into lines of at most ``max_chars`` (a Chinese
    character counting as two, since it is set one em wide)."""
    if not isinstance(text, str) or sum(2 if wide(ch) else 1 for ch in text) <= max_chars:
        return text
    return wrap_at_spaces(text, max_chars)


def _lines(text) -> str | None:
    """A wrapped title as one line again: lines joined by a space, or by nothing where a line
    ends or starts with a Chinese character (Chinese has no spaces between words)."""
    if not isinstance(text, list):
        return text
    out = ""
    for line in text:
        if out and line and not (wide(out[-1]) or wide(line[0])):
            out += " "
        out += line
    return out


def _sized(vl: dict, width: int, narrow: bool | None = None, whole: int | None = None) -> dict:
    """The spec drawn ``width`` pixels wide, with titles wrapped to fit, no background, and on
    a phone-width drawing legends in one column with room for their labels and taller plots.
    ``whole``: the width of the whole picture when ``width`` is the plot's (titles and legends
    fit the picture)."""
    spec = copy.deepcopy(vl)
    whole = whole or width
    narrow = width < 480 if narrow is None else narrow
    for node in _objects(spec):
        if node.get("width") == "container":
            node["width"] = width
            if narrow and isinstance(node.get("height"), (int, float)) and node["height"] >= 150:
                node["height"] = round(node["height"] * 1.15)
        legend = node.get("legend")
        if narrow and isinstance(legend, dict):
            orient = legend.get("orient") if legend.get("orient") in ("top", "bottom") else "top"
            legend.update(orient=orient, direction="vertical", columns=1, labelLimit=whole - 100)
            # long labels wrap onto more lines instead of being cut ("…")
            chars = int((whole - 130) / (0.6 * MIN_FONT_PX)) // (2 if current() == "zh" else 1)
            legend.setdefault("labelExpr", f"split(trim(replace(datum.label, /(.{{1,{chars}}})(\\s|$)/g, '$1\\n')), '\\n')")
    spec["background"] = None
    # room at the edges for the last axis label and for labels angled off the first tick
    spec["padding"] = {"left": 12, "top": 4, "right": 24, "bottom": 4}
    config = spec.get("config", {})
    # legend entries laid out side by side keep apart; on a phone they stack
    spec["config"] = {**config, "aria": False, "legend": {"columnPadding": 28, **config.get("legend", {})}}
    title = spec.get("title")
    if title:
        title = {"text": title} if isinstance(title, str) else dict(title)
        size = spec["config"].get("title", {}).get("fontSize", 17)
        sub = spec["config"].get("title", {}).get("subtitleFontSize", 13)
        if narrow:  # a slightly smaller title on a phone, still larger than any other text
            size, sub = 15, MIN_FONT_PX + 1
            spec["config"]["title"] = {
                **spec["config"].get("title", {}),
                "fontSize": size,
                "subtitleFontSize": sub,
                "lineHeight": 19,
                "subtitleLineHeight": 16,
            }
        # DejaVu Sans runs about 0.62 em a character in bold and 0.56 em in regular text
        title["text"] = _wrap(_lines(title.get("text")), int((whole - 40) / (0.66 * size)))
        if title.get("subtitle"):
            title["subtitle"] = _wrap(_lines(title["subtitle"]), int((whole - 40) / (0.6 * sub)))
        spec["title"] = title
    for node in _objects(spec):  # titles of the panels of a concatenated chart
        sub_title = node.get("title") if node is not spec and "width" in node else None
        if isinstance(sub_title, dict) and sub_title.get("text"):
            sub_title["text"] = _wrap(_lines(sub_title["text"]), int((whole - 40) / (0.66 * sub_title.get("fontSize", 13))))
    return spec


def _svg_width(svg: str) -> float:
    return float(_SIZE.search(svg).group(1))


def fitted_svg(vl: dict, width: int) -> str:
    """SVG of the chart exactly ``width`` pixels wide overall: the plot is narrowed by what its
    axes, labels and legends add (measured on a first drawing), so nothing is shrunk to fit."""
    inner = width
    sized = _sized(vl, width)
    if sized.get("width") == width and not any(k in sized for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        # one view (or layers of one): Vega-Lite fits the plot to the width itself, in one drawing
        svg = _svg(json.dumps({**sized, "autosize": {"type": "fit-x", "contains": "padding"}}, sort_keys=True))
        if abs(_svg_width(svg) - width) <= 1:
            return svg
    svg = _svg(json.dumps(sized, sort_keys=True))
    for _ in range(6):  # legends and labels can change with the plot's width: measure again
        extra = _svg_width(svg) - width
        if extra <= 0 or inner <= 80:
            break
        inner = max(80, inner - math.ceil(extra))
        svg = _svg(json.dumps(_sized(vl, inner, width < 480, whole=width), sort_keys=True))
    return svg


_SVG_OPEN = re.compile(r'<svg ([^>]*?)width="([\d.]+)" height="([\d.]+)"')


# nodes and attributes a static picture does not need: empty group backgrounds and
# foregrounds, and ARIA attributes inside a picture that is hidden as a whole
_SVG_EMPTY = re.compile(r'<path class="(?:foreground|background)"[^>]* d="(?:|M0,0h0v0h0Z)"[^>]*/>')


_SVG_ARIA = re.compile(r' (?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"')


_SVG_ID = re.compile(r'\bid="([^"]+)"')


# an id where it is declared or referred to
_SVG_ID_REF = re.compile(r'(\bid="|url\(#)([^")]+)([")])')


@functools.lru_cache(maxsize=64)
def _svg(payload: str) -> str:
    """The drawing of one Vega-Lite spec, kept in ``.cache/drawings`` under the spec and the
    renderer's version: a notebook run again after a data edit redraws only the charts that changed."""
    import vl_convert

    return kept_result(
        "drawings",
        (payload, VL_VERSION, vl_convert.__version__),
        lambda: vl_convert.vegalite_to_svg(json.loads(payload), vl_version=VL_VERSION),
        accept=lambda v: isinstance(v, str),
        keep=None,
    )


def static_svg(vl: dict, *, width: int, prefix: str) -> str:
    """The chart as SVG that scales to its box, hidden from assistive technology (the figure's
    description and data table carry its content). Element ids get ``prefix``, so the picture
    stays valid if it is ever inlined beside others."""
    svg = fitted_svg(vl, width)
    svg = svg.replace('<?xml version="1.0" encoding="utf-8"?>', "").strip()
    svg = _SVG_ARIA.sub("", _SVG_EMPTY.sub("", svg))
    # ids numbered in order of appearance: the renderer numbers them across all it has drawn in
    # this process, so the same chart would otherwise get other ids (and another file name)
    # depending on what was drawn before it
    ids = {old: f"{prefix}-{re.sub(r'[0-9]+$', '', old)}{n}" for n, old in enumerate(dict.fromkeys(_SVG_ID.findall(svg)), 1)}
    if ids:
        svg = _SVG_ID_REF.sub(lambda m: f"{m[1]}{ids.get(m[2], m[2])}{m[3]}", svg)
    return _SVG_OPEN.sub(
        lambda m: f'<svg {m[1]}aria-hidden="true" focusable="false" style="aspect-ratio: {m[2]} / {m[3]}"', svg, count=1
    )


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
            for theme, variant in (("light", svg), ("dark", dark(svg)))
        )
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
