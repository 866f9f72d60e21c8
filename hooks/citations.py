"""MkDocs hook: ``[@source-id]`` citations become numbered footnotes and ``event:<id>`` links
point at the chronology; a date written with an event link must be one of that event's dates. Unknown ids fail the build with ``file:line`` (logic in
``truce.site.citations``); a sentence may carry one citation."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from truce import data, i18n
from truce.analysis import events as chronology
from truce.site import citations

_state: dict = {"problems": []}


def on_pre_build(config):
    _state["problems"] = []
    _state["sources"] = data.sources()
    frame = chronology.events()
    _state["events"] = set(frame["id"])
    _state["event_dates"] = citations.event_dates(frame)


def on_page_content(html, page, config, files):
    sources, events = _state["sources"], _state["events"]
    label = i18n.source_label(page.file.src_uri, page.file.abs_src_path)
    src = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    if src is not None and src.exists():
        _state["problems"].extend(map(str, citations.check_source(src, sources, events, label=label)))
        _state["problems"].extend(map(str, citations.check_event_dates(src, _state["event_dates"], label=label)))
        _state["problems"].extend(map(str, citations.check_markers(src, label=label)))
    html, unknown_sources = citations.render_citations(html, sources)
    chrono = get_relative_url("chronology/", page.url or ".")
    html, unknown_events = citations.render_event_links(html, chrono, events)
    if (unknown_sources or unknown_events) and (src is None or not src.exists()):
        _state["problems"].extend(f"{label}: unknown id {i}" for i in unknown_sources + unknown_events)
    return html


def on_post_build(config):
    if _state["problems"]:
        raise PluginError("citations or event links do not resolve:\n" + "\n".join(f"  {p}" for p in _state["problems"]))
