"""The deadline feeds: the truce's deadlines (:mod:`truce.analysis.deadlines`) as an RFC 5545
calendar and as JSON.

:func:`ics_text` returns all-day events, CRLF lines folded at 75 octets, with a deterministic
``DTSTAMP`` (the date the data was last checked), so a rebuild of the same data gives the same
file; :func:`json_text` the same list as JSON. Both take the site's base URL so each entry links
back to its page.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict

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
