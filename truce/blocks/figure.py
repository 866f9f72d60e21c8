"""A chart on a page: the figure block with everything a reader needs besides the picture.

Every chart on the site has a title that states the finding, units, a source line, an "as of"
date, an accessible description, a data table alternative and a CSV download; :func:`embed`
puts them around the pictures :mod:`truce.charts.render` draws.
"""

from __future__ import annotations

import base64
import datetime as dt
import json

import altair as alt
import pandas as pd

from truce.blocks.html import esc, scroll
from truce.blocks.html import table as table_html
from truce.charts.render import CHART_CLASS, LIVE_MARKER, interactive, pictures_html, spec


def embed(chart: alt.TopLevelMixin, *, chart_id: str, table: pd.DataFrame, source: str,
          as_of: dt.date, csv_name: str) -> str:
    """HTML for one chart: the pictures (static SVG files at two widths, light and dark; the
    live spec too when the chart has controls), its source line and as-of date, a table
    alternative and a CSV download. All text from data is escaped."""
    vl = spec(chart)
    cid = esc(chart_id)
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
        f'<figure class="{CHART_CLASS}-figure" id="chart-{cid}" data-search-exclude>'
        f'<div class="{CHART_CLASS} is-drawn" data-chart="{cid}"{" " + LIVE_MARKER if live else ""}>'
        f'{pictures}{live}'
        f'<p class="{CHART_CLASS}-fallback">{esc(description)}</p></div>'
        f'<figcaption>Source: {esc(source)} · as of {as_of.day} {as_of.strftime("%B %Y")} · '
        f'<a download="{esc(csv_name)}" href="{href}">Download CSV</a></figcaption>'
        f'<details class="{CHART_CLASS}-table"><summary>Show the data as a table</summary>'
        f'{scroll(table_html(table))}</details>'
        "</figure>"
    )
