"""The deadline feeds: the truce's deadlines (:mod:`truce.analysis.deadlines`) as an RFC 5545
calendar and as JSON; and the Atom feeds of the changelog and of the chronology's events.

:func:`ics_text` returns all-day events, CRLF lines folded at 75 octets, with a deterministic
``DTSTAMP`` (the date the data was last checked), so a rebuild of the same data gives the same
file; :func:`json_text` the same list as JSON. Both take the site's base URL so each entry links
back to its page.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from dataclasses import asdict, dataclass
from xml.sax.saxutils import escape

from truce import data
from truce.analysis.deadlines import KINDS, SITE_URL, Deadline, deadlines

PRODID = "-//Truce Tracker//Truce deadlines//EN"


CALENDAR_NAME = "Truce Tracker: US–China truce deadlines"


def ics_escape(text: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1)."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def ics_text(base_url: str = SITE_URL, items: list[Deadline] | None = None) -> str:
    """The deadlines as an iCalendar file: one all-day VEVENT per deadline."""
    items = deadlines() if items is None else items
    stamp = f"{data.last_updated():%Y%m%d}T000000Z"
    host = base_url.split("//")[-1].strip("/").split("/")[0] or "truce-tracker"
    srcs = data.sources()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{ics_escape(CALENDAR_NAME)}",
             f"X-WR-CALDESC:{ics_escape('Deadlines of the 2025–2026 US–China truce: commitments due, suspensions ending, tariff changes and summits, from the Truce Tracker data.')}"]
    for d in items:
        sources = "; ".join(f"{srcs[s]['publisher']}: {srcs[s]['title']} <{srcs[s]['url']}>" for s in d.source_ids if s in srcs)
        desc = f"{KINDS[d.kind]}. {d.description}" + (f"\nSources: {sources}" if sources else "")
        lines += ["BEGIN:VEVENT",
                  f"UID:{d.id}@{host}",
                  f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{d.date:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{d.date + dt.timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{ics_escape(d.title)}",
                  f"DESCRIPTION:{ics_escape(desc)}",
                  f"URL:{d.url(base_url)}",
                  f"CATEGORIES:{ics_escape(KINDS[d.kind])}",
                  "TRANSP:TRANSPARENT",
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def json_text(base_url: str = SITE_URL, items: list[Deadline] | None = None) -> str:
    """The deadlines as JSON: id, date, title, kind, source_ids, url, description, status."""
    items = deadlines() if items is None else items
    checked = data.last_updated()
    payload = {
        "title": CALENDAR_NAME,
        "home_page_url": base_url,
        "checked": checked.isoformat(),
        "kinds": KINDS,
        "deadlines": [
            {"id": d.id, "date": d.date.isoformat(), "title": d.title, "kind": d.kind, "source_ids": list(d.source_ids),
             "url": d.url(base_url), "description": d.description, "status": "upcoming" if d.date > checked else "past"}
            for d in items
        ],
    }
    return json.dumps(payload, indent=1, ensure_ascii=False) + "\n"


def as_dict(d: Deadline) -> dict:
    out = asdict(d)
    out["date"] = d.date.isoformat()
    return out


# Atom feeds (RFC 4287): what changed on the site, and the chronology's events ---------------

CHANGELOG = "docs/about/changelog.md"
CHANGELOG_URL = "about/changelog/"
CHRONOLOGY_URL = "chronology/"
# the feeds' paths on the site, also advertised in every page's head
ATOM_FEEDS = {"feeds/changes.xml": "Truce Tracker: changes to the data and the story",
              "feeds/events.xml": "Truce Tracker: US–China trade war and truce events"}
_ENTRY_HEADING = re.compile(r"^## (?P<date>\d{1,2} [A-Z][a-z]+ \d{4}) — (?P<title>\S.*)$")


class FeedError(ValueError):
    """A changelog entry the feed cannot be built from."""


@dataclass(frozen=True)
class ChangeEntry:
    """One dated section of the changelog."""
    date: dt.date
    title: str
    body_markdown: str
    anchor: str


def changelog_entries(text: str, path: str = CHANGELOG) -> list[ChangeEntry]:
    """The changelog's ``## <day> <Month> <year> — <title>`` sections, in the file's order
    (newest first). A level-2 heading in any other form is an error naming its line."""
    from markdown.extensions.toc import slugify

    entries, current, body = [], None, []
    lines = text.splitlines()
    for number, line in enumerate(lines + ["## END"], start=1):
        if not line.startswith("## "):
            body.append(line)
            continue
        if current:
            entries.append(ChangeEntry(current[0], current[1], "\n".join(body).strip(), slugify(current[2], "-")))
        body = []
        if number == len(lines) + 1:
            break
        m = _ENTRY_HEADING.match(line)
        try:
            day = dt.datetime.strptime(m["date"], "%d %B %Y").date() if m else None
        except ValueError:
            day = None
        if day is None:
            raise FeedError(f'{path}:{number}: changelog heading "{line}" is not "## <day> <Month> <year> — <what changed>" '
                            '— write the date in full (e.g. "## 4 December 2026 — corrections") so the changes feed can date it')
        current = (day, m["title"].strip(), line[3:].strip())
    return entries


_MD_LINK = re.compile(r"\]\((?![a-z]+:|#)([^)\s#]+)(#[^)\s]*)?\)")


def absolute_links(markdown_text: str, base_url: str, page_dir: str = "about") -> str:
    """Relative Markdown links of a page under ``docs/<page_dir>/`` as absolute page URLs (a feed
    reader has no page to resolve them against): ``../chronology.py#x`` becomes
    ``<base>chronology/#x``."""
    def url(m: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(page_dir, m[1]))
        stem, ext = posixpath.splitext(target)
        if ext in (".md", ".py"):
            target = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
        return f"]({base_url}{target}{m[2] or ''})"
    return _MD_LINK.sub(url, markdown_text)


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _atom(base_url: str, path: str, alternate: str, updated: dt.date, entries: list[str]) -> str:
    title = ATOM_FEEDS[path]
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom">\n'
            f"<title>{escape(title)}</title>\n"
            f"<id>{escape(base_url + path)}</id>\n"
            f'<link rel="self" type="application/atom+xml" href="{escape(base_url + path)}"/>\n'
            f'<link rel="alternate" type="text/html" href="{escape(base_url + alternate)}"/>\n'
            f"<updated>{_stamp(updated)}</updated>\n"
            "<author><name>Truce Tracker contributors</name></author>\n"
            "<rights>Text and data CC BY 4.0</rights>\n"
            + "".join(entries) + "</feed>\n")


def changes_atom(base_url: str = SITE_URL, text: str | None = None) -> str:
    """The changelog as an Atom feed: one entry per dated section, linking to its heading."""
    import markdown

    from truce.paths import ROOT

    text = (ROOT / CHANGELOG).read_text(encoding="utf-8") if text is None else text
    entries = changelog_entries(text)
    page = base_url + CHANGELOG_URL
    items = []
    for e in entries:
        content = markdown.markdown(absolute_links(e.body_markdown, base_url), extensions=["attr_list", "footnotes"])
        items.append("<entry>\n"
                     f"<title>{escape(e.title)}</title>\n"
                     f"<id>{escape(page)}#{escape(e.anchor)}</id>\n"
                     f'<link rel="alternate" type="text/html" href="{escape(page)}#{escape(e.anchor)}"/>\n'
                     f"<updated>{_stamp(e.date)}</updated>\n"
                     f'<content type="html" xml:base="{escape(page)}">{escape(content)}</content>\n'
                     "</entry>\n")
    updated = max((e.date for e in entries), default=data.last_updated())
    return _atom(base_url, "feeds/changes.xml", CHANGELOG_URL, updated, items)


def events_atom(base_url: str = SITE_URL, table=None) -> str:
    """The chronology's events up to the date the data was checked, as an Atom feed, newest first, each linking to its entry on the
    chronology page (``chronology/#<id>``) and naming its sources."""
    from truce.analysis.events import events

    frame = events(table)
    # dates fixed in advance appear once they have passed (the deadline feeds list what is ahead)
    frame = frame[frame["date"] <= data.last_updated()].sort_values(["date", "id"], ascending=[False, True])
    srcs = data.sources()
    page = base_url + CHRONOLOGY_URL
    items = []
    for row in frame.to_dict("records"):
        sources = "; ".join(f"{srcs[s]['publisher']}: {srcs[s]['title']}" for s in row["source_ids"] if s in srcs)
        summary = row["summary"] + (f" Sources: {sources}." if sources else "")
        items.append("<entry>\n"
                     f"<title>{escape(row['title'])}</title>\n"
                     f"<id>{escape(page)}#{escape(row['id'])}</id>\n"
                     f'<link rel="alternate" type="text/html" href="{escape(page)}#{escape(row["id"])}"/>\n'
                     f"<updated>{_stamp(row['date'])}</updated>\n"
                     f'<category term="{escape(row["lever"])}"/>\n'
                     f"<summary>{escape(summary)}</summary>\n"
                     "</entry>\n")
    return _atom(base_url, "feeds/events.xml", CHRONOLOGY_URL, data.last_updated(), items)


def atom_links(base: str = "") -> str:
    """The ``<link rel="alternate feed">`` tags (not ``alternate`` alone, which Material reads as a
    translation of the page and fetches a sitemap beside) that advertise the Atom feeds in a page's head
    (``base``: the path from the page to the site root)."""
    return "".join(f'<link rel="alternate feed" type="application/atom+xml" title="{escape(title)}" href="{base}{path}">'
                   for path, title in ATOM_FEEDS.items())
