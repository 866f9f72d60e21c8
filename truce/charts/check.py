"""Checks of a drawn picture as a reader sees it: every text at least
:data:`~truce.charts.style.MIN_FONT_PX` as displayed, and no text running outside the picture.

A picture is displayed in a box of known width (:data:`~truce.charts.render.DISPLAY_BOXES`) and
scaled by :func:`~truce.charts.render.display_scale`, so a font size in the SVG is multiplied by
that scale. Text is measured in the font the pictures are set in (DejaVu Sans), with character
widths measured once by the same renderer that lays out the charts; Chinese characters count one
em each.
"""

from __future__ import annotations

import functools
import json
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from truce.charts.render import DISPLAY_BOXES, display_scale
from truce.charts.style import FONT, MIN_FONT_PX, wide

SVG_NS = "{http://www.w3.org/2000/svg}"


# measured once per character: printable ASCII and the typographic marks the charts use
CHARACTERS = "".join(chr(c) for c in range(32, 127)) + "’‘“”–—·×é%"


@functools.lru_cache(maxsize=2)
def char_widths(weight: str) -> dict[str, float]:
    """Width of each character in ems, in the charts' font at ``weight`` ("normal"/"bold")."""
    import vl_convert

    widths = {}
    for ch in CHARACTERS:
        spec = {
            "width": 1,
            "height": 1,
            "autosize": "pad",
            "padding": 0,
            "marks": [
                {
                    "type": "text",
                    "encode": {
                        "enter": {
                            "text": {"value": ch * 20},
                            "font": {"value": FONT},
                            "fontSize": {"value": 100},
                            "fontWeight": {"value": weight},
                        }
                    },
                }
            ],
        }
        svg = vl_convert.vega_to_svg(json.loads(json.dumps(spec)))
        widths[ch] = float(re.search(r'width="([\d.]+)"', svg).group(1)) / 2000
    return widths


# a Chinese character (and full-width punctuation) is one em wide in every CJK font the Chinese
# pictures name (truce.charts.style.FONT_ZH): never measured as narrower, so a clipped Chinese
# label cannot pass
WIDE_EM = 1.0


def text_width(text: str, size: float, bold: bool) -> float:
    table = char_widths("bold" if bold else "normal")
    fallback = max(table.values())
    return sum(WIDE_EM if wide(ch) else table.get(ch, fallback) for ch in text) * size


@dataclass(frozen=True)
class TextBox:
    text: str
    size: float  # font size as drawn, px
    x0: float
    y0: float
    x1: float
    y1: float


_NUM = r"(-?[\d.]+(?:e-?\d+)?)"
_TRANSLATE = re.compile(rf"translate\({_NUM},\s*{_NUM}\)")
_ROTATE = re.compile(rf"rotate\({_NUM}\)")


def _offset(node) -> tuple[float, float]:
    m = _TRANSLATE.search(node.get("transform", ""))
    return (float(m.group(1)), float(m.group(2))) if m else (0.0, 0.0)


def text_boxes(svg: str) -> list[TextBox]:
    """Every line of text in a picture with its box in picture coordinates (nested translations
    added up, rotations turned)."""
    root = ET.fromstring(svg)
    boxes: list[TextBox] = []

    def walk(node, dx: float, dy: float) -> None:
        ox, oy = _offset(node)
        x, y = dx + ox, dy + oy
        if node.tag == f"{SVG_NS}text":
            boxes.extend(_lines(node, x, y))
            return
        for child in node:
            walk(child, x, y)

    walk(root, 0.0, 0.0)
    return boxes


def _lines(node, x: float, y: float) -> list[TextBox]:
    size = float(node.get("font-size", "10px").rstrip("px"))
    bold = node.get("font-weight") in ("bold", "700")
    anchor = node.get("text-anchor", "start")
    rot = _ROTATE.search(node.get("transform", ""))
    angle = float(rot.group(1)) % 360 if rot else 0.0
    tspans = node.findall(f"{SVG_NS}tspan")
    lines, line_y = [], 0.0
    for span in tspans or [node]:
        line_y += float(span.get("dy", 0) or 0) if span is not node else 0.0
        lines.append(((span.text or "").strip(), line_y))
    out = []
    for text, ly in lines:
        if not text:
            continue
        w = text_width(text, size, bold)
        left = {"start": 0.0, "middle": -w / 2, "end": -w}[anchor]
        # local box: along the baseline from ``left``, from the ascender to the descender
        corners = [(cx, cy) for cx in (left, left + w) for cy in (ly - 0.76 * size, ly + 0.24 * size)]
        pts = [_turn(px, py, angle) for px, py in corners]
        xs, ys = [p[0] + x for p in pts], [p[1] + y for p in pts]
        out.append(TextBox(text, size, min(xs), min(ys), max(xs), max(ys)))
    return out


def _turn(px: float, py: float, angle: float) -> tuple[float, float]:
    """A point turned by ``angle`` degrees clockwise (SVG's rotate) about the text's anchor."""
    a = math.radians(angle)
    return px * math.cos(a) - py * math.sin(a), px * math.sin(a) + py * math.cos(a)


_VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')


def picture_problems(svg: str, *, chart_id: str, name: str, tolerance: float = 1.0) -> list[str]:
    """What a reader would find wrong with one picture (``name``: "wide" or "narrow"): text
    smaller than the minimum as displayed in any box it is shown in, and text outside the picture."""
    width, height = (float(v) for v in _VIEWBOX.search(svg).groups())
    scale = min(display_scale(name, width, box) for box in DISPLAY_BOXES[name])
    problems = []
    for box in text_boxes(svg):
        shown = box.size * scale
        if shown < MIN_FONT_PX - 0.01:
            problems.append(
                f"chart {chart_id} ({name} picture): text {box.text!r} is {box.size:g} px as drawn and "
                f"{shown:.1f} px as displayed; the smallest allowed is {MIN_FONT_PX} px — raise its fontSize "
                "in the chart's function in truce/charts/"
            )
        if box.x0 < -tolerance or box.y0 < -tolerance or box.x1 > width + tolerance or box.y1 > height + tolerance:
            problems.append(
                f"chart {chart_id} ({name} picture): text {box.text!r} runs outside the picture "
                f"(x {box.x0:.0f} to {box.x1:.0f}, y {box.y0:.0f} to {box.y1:.0f}; the picture is "
                f"{width:g} × {height:g}) — move or shorten the label, or leave it room (scale padding, dx)"
            )
    return problems
