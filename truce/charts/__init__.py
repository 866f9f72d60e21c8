"""Charts: one module per subject returns Altair charts from data frames; :mod:`.render` draws
them (static SVG, light and dark, desktop and phone) and embeds them with their source line,
as-of date, table alternative and download; :mod:`.style` holds the colours and labels.

The names most pages need are available here: ``charts.embed``, ``charts.SIDE_COLOURS`` …
"""

from truce.charts.render import (
    CHART_CLASS,
    LIVE_MARKER,
    PICTURE_DIR,
    PICTURE_URL,
    VL_VERSION,
    chart_data,
    interactive,
    spec,
    static_svg,
    write_vendor_bundle,
)
from truce.charts.style import SIDE_COLOURS, SIDE_LABELS

__all__ = [
    "CHART_CLASS",
    "LIVE_MARKER",
    "PICTURE_DIR",
    "PICTURE_URL",
    "SIDE_COLOURS",
    "SIDE_LABELS",
    "VL_VERSION",
    "chart_data",
    "interactive",
    "spec",
    "static_svg",
    "write_vendor_bundle",
]
