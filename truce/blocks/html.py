"""HTML helpers shared by every page block: escaping, tables, source links and publisher lines.

One copy of each, so every block escapes, dates and credits its sources the same way.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

import pandas as pd

from truce import data
from truce.i18n import HTML_LANG, N_, current, day, t


def esc(value) -> str:
    """Text for HTML, quotes escaped: ``None`` is empty, a date reads "14 May 2025" (Chinese edition: 2025年5月14日)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, dt.date):
        return html.escape(day(value))
    return html.escape(str(value), quote=True)


def cell(value) -> str:
    """A table cell's text: numbers without trailing zeros, dates as ISO (sortable, as in the CSV)."""
    if isinstance(value, float):
        return "" if value != value else f"{value:g}"
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    return "" if value is None else str(value)


def table(frame: pd.DataFrame, *, css_class: str = "", caption: str = "") -> str:
    """A data frame as an HTML table (header cells scoped to columns), in a scrollable box."""
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell(v))}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False)
    )
    cls = f' class="{css_class}"' if css_class else ""
    cap = f"<caption>{caption}</caption>" if caption else ""
    return f"<table{cls} {NOT_SEARCHED}>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# Generated tables are left out of the search index (search covers the prose; the data is in the
# downloads). The attribute goes on the <table>: the search plugin ends an exclusion at the first
# closing tag of the same name, so on a <div> it would end at the first <div> nested inside.
NOT_SEARCHED = "data-search-exclude"


def scroll_open(label: str = "") -> str:
    """The opening tag of a box that scrolls a wide table sideways on a phone: it can take keyboard
    focus, and is named for screen readers when ``label`` is given."""
    named = f' role="region" aria-label="{esc(label)}"' if label else ""
    return f'<div class="table-scroll" tabindex="0"{named}>'


def scroll(inner: str, label: str = "") -> str:
    """A wide table in a box that scrolls sideways on a phone (see :func:`scroll_open`)."""
    return f"{scroll_open(label)}{inner}</div>"


def header_row(labels: Iterable[str]) -> str:
    return "<tr>" + "".join(f'<th scope="col">{html.escape(h)}</th>' for h in labels) + "</tr>"


def publisher_line(source_ids: Iterable[str], extra: str = "") -> str:
    """The publishers behind a chart or table: primary sources first, then the most cited, at
    most four named; ``extra`` (e.g. the data file) follows in brackets."""
    srcs = data.sources()
    counts: dict[str, list] = {}
    for sid in source_ids:
        s = srcs[sid]
        entry = counts.setdefault(s["publisher"], [0, 0])
        entry[0] += data.is_primary(s["kind"])
        entry[1] += 1
    ranked = sorted(counts, key=lambda p: (-counts[p][0], -counts[p][1], p))
    text = t(", ").join(ranked[:4]) + (t(" and others") if len(ranked) > 4 else "")
    return text + (f" ({extra})" if extra else "")


KIND_NOTES = {"primary": N_(" (primary)"), "primary-copy": N_(" (primary, full-text copy)")}


def lang_attr(source: dict) -> str:
    """`` lang="en"`` on a source's title when it is not in the page's language (screen readers
    then read an English title on a Chinese page as English); nothing otherwise."""
    lang = source.get("language") or "en"
    return "" if lang == current() else f' lang="{HTML_LANG.get(lang, lang)}"'


def source_links(ids: Iterable[str], sources: dict | None = None) -> str:
    """Links to a row's sources, "publisher: title", primary ones marked."""
    srcs = data.sources() if sources is None else sources
    return "; ".join(
        f'<a href="{esc(srcs[s]["url"])}" rel="noopener"{lang_attr(srcs[s])}>{esc(srcs[s]["publisher"])}: {esc(srcs[s]["title"])}</a>'
        f"{t(KIND_NOTES[srcs[s]['kind']]) if srcs[s]['kind'] in KIND_NOTES else ''}"
        for s in ids
    )


def publisher_links(ids: Iterable[str], sources: dict | None = None) -> str:
    """Short source links: the publisher as the text, the title as the tooltip."""
    srcs = data.sources() if sources is None else sources
    return "; ".join(
        f'<a href="{esc(srcs[s]["url"])}" title="{esc(srcs[s]["title"])}" rel="noopener"{lang_attr(srcs[s])}>{esc(srcs[s]["publisher"])}</a>'
        for s in ids
    )


def note(text: str) -> str:
    return f'<p class="chrono-meta">{html.escape(text)}</p>'
