"""Charts: functions that take data frames and return Altair charts, and the HTML that
embeds a chart with everything a reader needs besides the picture.

Every chart on the site has a title that states the finding, units, a source line, an
"as of" date, an accessible description, a data table alternative and a CSV download.
Colours: the two sides use the Okabe–Ito blue and vermillion (colour-blind safe); the dark
pictures (``DARK_COLOURS``) and ``charts.js`` (for live charts) use lighter tones of them.

Every chart is drawn at build time as static SVG (vl-convert), at a desktop and a phone width
and in light and dark colours. The pictures are files named by their content
(``assets/charts/<hash>.svg``), shown with ``<img>`` so they add nothing to the page's
document; the stylesheet shows the one that fits the box and the theme, and the browser
fetches only that one. A page shows its charts without running any chart code. Charts with
controls (sliders, zoom) also carry their Vega-Lite spec: ``charts.js`` loads Vega and swaps
in the live chart when the reader asks for it.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import functools
import hashlib
import html
import json
import os
import re
from pathlib import Path

import altair as alt
import pandas as pd

CHART_CLASS = "truce-chart"
SIDE_COLOURS = {"US": "#0072B2", "CN": "#D55E00"}
SIDE_LABELS = {"US": "US duties on Chinese goods", "CN": "China's duties on US goods"}
VL_VERSION = "6.4"
# drawing widths of the static pictures (CSS shows one per screen size)
STATIC_WIDTHS = {"wide": 640, "narrow": 320}
# where pictures are written while pages are built (the build hook sets TRUCE_CHART_DIR so
# notebook kernels write where it collects them) and how pages refer to them until the hook
# rewrites the reference to the page's relative URL
PICTURE_SCHEME = "truce-chart:"
PICTURE_URL = "assets/charts/"
# colours of the dark-theme pictures: text, grid, axes and the sides' lighter tones
DARK_COLOURS = {'fill="#000"': 'fill="#d9dce3"', 'stroke="#000"': 'stroke="#d9dce3"', 'stroke="#ddd"': 'stroke="#3b404c"',
                'stroke="#888"': 'stroke="#8e94a2"', 'fill="#888"': 'fill="#8e94a2"',
                "#0072B2": "#56B4E9", "#D55E00": "#F0A35E", "#009E73": "#3CCB9A"}
# marks a chart that also carries its live spec (pages with one load charts.js)
LIVE_MARKER = 'data-interactive="true"'


def _side_scale() -> alt.Scale:
    return alt.Scale(domain=list(SIDE_LABELS.values()), range=list(SIDE_COLOURS.values()))


def headline_rates(series: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Step chart of the headline rate in both directions.

    ``series`` has columns date, imposer (US/CN), rate_pct — one row per change date.
    """
    frame = series.assign(side=series["imposer"].map(SIDE_LABELS), date=pd.to_datetime(series["date"]))
    hover = alt.selection_point(fields=["date"], nearest=True, on="pointerover", empty=False)
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)),
        y=alt.Y("rate_pct:Q", title="Additional duty on all goods (%)"),
        color=alt.Color("side:N", scale=_side_scale(), legend=alt.Legend(title=None, orient="top", direction="vertical")),
    )
    zoom = alt.selection_interval(bind="scales", encodings=["x"])
    line = base.mark_line(interpolate="step-after", strokeWidth=2.5).add_params(zoom)
    points = base.mark_point(filled=True, size=40).encode(
        opacity=alt.condition(hover, alt.value(1), alt.value(0)),
        tooltip=[alt.Tooltip("date:T", title="From", format="%-d %b %Y"),
                 alt.Tooltip("side:N", title="Side"), alt.Tooltip("rate_pct:Q", title="Rate (%)")],
    ).add_params(hover)
    return (line + points).properties(
        title=alt.Title(title, subtitle="Sum of the across-the-board additional duties in force each day"),
        width="container", height=300, description=description,
    )


def layer_bands(layers: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Stacked bands: each all-goods layer's net contribution over time, one panel per side.

    ``layers`` has columns date, until, imposer, layer, net_pct, y0, y1 (one row per period and
    layer, stacked in Python so every band is exact)."""
    frame = layers[["imposer", "layer", "net_pct", "y0", "y1"]].assign(
        side=layers["imposer"].map(SIDE_LABELS), date=pd.to_datetime(layers["date"]), until=pd.to_datetime(layers["until"]))
    return alt.Chart(frame).mark_rect(opacity=0.9, stroke=None).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)),
        x2="until:T",
        y=alt.Y("y0:Q", title="Percentage points"),
        y2="y1:Q",
        color=alt.Color("layer:N", title="Legal layer", scale=alt.Scale(scheme="tableau10"),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=420)),
        row=alt.Row("side:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left", labelOrient="top", labelAnchor="start", labelFontWeight="bold")),
        tooltip=[alt.Tooltip("date:T", title="From", format="%-d %b %Y"), alt.Tooltip("until:T", title="Until", format="%-d %b %Y"),
                 "layer:N", alt.Tooltip("net_pct:Q", title="Points")],
    ).properties(title=alt.Title(title), width="container", height=160, description=description)


def events_per_month(counts: pd.DataFrame, *, title: str, description: str, labels: pd.DataFrame | None = None) -> alt.Chart:
    """Bars of moves per month: escalations above zero, de-escalations below, per side, with
    optional labelled turning points (``labels``: date, label).

    ``counts`` has columns month (first day), actor, direction, moves (signed count).
    """
    frame = counts[["actor", "direction", "moves"]].assign(month=pd.to_datetime(counts["month"]))
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("yearmonth(month):T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)),
        y=alt.Y("sum(moves):Q", title="Moves per month"),
        color=alt.Color("actor:N", scale=alt.Scale(domain=["US", "CN", "both"], range=[SIDE_COLOURS["US"], SIDE_COLOURS["CN"], "#009E73"]),
                        legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("yearmonth(month):T", title="Month"), "actor:N", "direction:N",
                 alt.Tooltip("sum(moves):Q", title="Moves")],
    )
    layers = [bars]
    if labels is not None and len(labels):
        marks = labels[["label"]].assign(month=pd.to_datetime(labels["date"]).dt.to_period("M").dt.to_timestamp())
        marks = marks.groupby("month", as_index=False)["label"].agg(" / ".join)
        rule = alt.Chart(marks).mark_rule(strokeDash=[4, 3], opacity=0.6).encode(x="yearmonth(month):T")
        text = alt.Chart(marks).mark_text(angle=270, align="right", baseline="bottom", dx=-4, dy=-3, fontSize=10).encode(
            x="yearmonth(month):T", y=alt.value(0), text="label:N")
        layers += [rule, text]
    return alt.layer(*layers).properties(title=alt.Title(title), width="container", height=260, description=description)


def average_tariffs(frame: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Published average tariffs as points, one colour per side, one line per vintage only
    (values of different vintages are never joined). ``frame`` has refers_to, imposer,
    value_pct, vintage, publisher."""
    data = frame[["imposer", "value_pct", "vintage", "publisher"]].assign(
        side=frame["imposer"].map(SIDE_LABELS), date=pd.to_datetime(frame["refers_to"]))
    enc = dict(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%Y", labelOverlap=True)),
        y=alt.Y("value_pct:Q", title="Average tariff (%)"),
        color=alt.Color("side:N", scale=_side_scale(), legend=alt.Legend(title=None, orient="top")),
    )
    lines = alt.Chart(data).mark_line(strokeDash=[3, 2], opacity=0.6).encode(detail="vintage:N", **enc)
    points = alt.Chart(data).mark_point(filled=True, size=60).encode(
        shape=alt.Shape("publisher:N", legend=alt.Legend(title="Published by", orient="bottom", labelLimit=300)),
        tooltip=[alt.Tooltip("date:T", title="Refers to", format="%-d %b %Y"), "side:N", alt.Tooltip("value_pct:Q", title="Average (%)"),
                 "publisher:N", "vintage:N"],
        **enc,
    )
    return (lines + points).properties(title=alt.Title(title), width="container", height=280, description=description)


def spec(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite spec of a chart, data inlined."""
    return chart.to_dict()


def chart_data(chart: alt.TopLevelMixin) -> list[dict]:
    """The rows a chart draws (from its inline datasets)."""
    datasets = spec(chart).get("datasets", {})
    return [row for rows in datasets.values() for row in rows]


def _table_html(table: pd.DataFrame) -> str:
    head = "".join(f"<th scope=\"col\">{html.escape(str(c))}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
        for row in table.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    return "" if value is None else str(value)


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


def picture_dir() -> Path:
    from truce.paths import ROOT

    return Path(os.environ.get("TRUCE_CHART_DIR") or ROOT / ".cache" / "charts")


def dark(svg: str) -> str:
    """The same picture in the dark theme's colours."""
    for light, dark_colour in DARK_COLOURS.items():
        svg = svg.replace(light, dark_colour)
    return svg


def save_picture(svg: str) -> str:
    """Write a picture under its content hash; return the file name."""
    name = hashlib.sha256(svg.encode("utf-8")).hexdigest()[:20] + ".svg"
    target = picture_dir() / name
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
            f'<img class="{CHART_CLASS}-img {CHART_CLASS}-img--{theme}" src="{PICTURE_SCHEME}{save_picture(variant)}" '
            f'alt="" width="{float(w):g}" height="{float(h):g}" loading="lazy" decoding="async">'
            for theme, variant in (("light", svg), ("dark", dark(svg))))
        out.append(f'<div class="{CHART_CLASS}-static {CHART_CLASS}-static--{name}">{imgs}</div>')
    return "".join(out)


def embed(chart: alt.TopLevelMixin, *, chart_id: str, table: pd.DataFrame, source: str,
          as_of: dt.date, csv_name: str) -> str:
    """HTML for one chart: the pictures (static SVG files at two widths, light and dark; the
    live spec too when the chart has controls), its source line and as-of date, a table
    alternative and a CSV download. All text from data is escaped."""
    vl = spec(chart)
    cid = html.escape(chart_id)
    description = vl.get("description") or ""
    pictures = pictures_html(vl, chart_id)
    live = ""
    if interactive(vl):
        payload = json.dumps(vl, separators=(",", ":")).replace("</", "<\\/")
        live = (f'<script type="application/json">{payload}</script>'
                f'<button type="button" class="{CHART_CLASS}-explore" hidden>Explore the interactive version</button>')
    csv_bytes = table.to_csv(index=False).encode("utf-8")
    href = "data:text/csv;base64," + base64.b64encode(csv_bytes).decode("ascii")
    return (
        f'<figure class="{CHART_CLASS}-figure" id="chart-{cid}">'
        f'<div class="{CHART_CLASS} is-drawn" data-chart="{cid}"{" " + LIVE_MARKER if live else ""}>'
        f'{pictures}{live}'
        f'<p class="{CHART_CLASS}-fallback">{html.escape(description)}</p></div>'
        f'<figcaption>Source: {html.escape(source)} · as of {as_of.day} {as_of.strftime("%B %Y")} · '
        f'<a download="{html.escape(csv_name)}" href="{href}">Download CSV</a></figcaption>'
        f'<details class="{CHART_CLASS}-table" data-search-exclude><summary>Show the data as a table</summary>'
        f'<div class="table-scroll" tabindex="0">{_table_html(table)}</div></details>'
        "</figure>"
    )


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
