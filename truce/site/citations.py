"""Citations and chronology links in page sources.

* ``[@source-id]`` (or ``[@id-one; @id-two]``) after a sentence cites rows of
  ``data/sources.csv``. :func:`render_citations` turns them into numbered footnotes with the
  same markup as Python-Markdown footnotes (``sup.footnote-ref`` and a ``div.footnote`` list at
  the end of the page), each with the source's publisher, title, date and link.
* ``[Geneva](event:geneva-joint-statement-2025-05-12)`` links to an event of the chronology;
  :func:`render_event_links` turns it into a link to the event's anchor.

Unknown ids are problems reported with ``file:line`` by :func:`check_source` (no build needed)
and fail the build.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from truce import i18n
from truce.site.figlinks import Problem, prose_lines, rel

CITE = re.compile(r"\[@(?P<ids>[a-z0-9-]+(?:\s*;\s*@[a-z0-9-]+)*)\]")
EVENT_MD = re.compile(r"\]\(event:(?P<id>[^)\s]*)\)")
EVENT_HTML = re.compile(r'href="event:(?P<id>[^"]*)"')
FOOTNOTE_DIV = re.compile(r'<div class="footnote">\s*<hr\s*/?>\s*<ol>(?P<items>.*?)</ol>\s*</div>', re.S)
SKIP = re.compile(r"(<(code|pre|script|style)\b.*?</\2>)", re.S)


def cited_ids(match_ids: str) -> list[str]:
    return [part.strip().lstrip("@") for part in match_ids.split(";")]


def check_source(path: Path, sources: dict, events: set[str], text: str | None = None, label: str | None = None) -> list[Problem]:
    """Unknown source ids in citations and unknown event ids in event links."""
    name = label or rel(path)
    problems = []
    for n, line in prose_lines(path, text):
        for m in CITE.finditer(line):
            for sid in cited_ids(m["ids"]):
                if sid not in sources:
                    problems.append(Problem(name, n, f'unknown source "{sid}" in citation — add it to data/sources.csv or fix the id'))
        for m in EVENT_MD.finditer(line):
            if m["id"] not in events:
                problems.append(Problem(name, n, f'unknown event "{m["id"]}" — use an id from data/events.csv'))
    return problems


def check_markers(path: Path, text: str | None = None, label: str | None = None) -> list[Problem]:
    """Sentences with two citations: each sentence may carry one marker, so its sources go in one
    citation (``[@a; @b]``)."""
    name = label or rel(path)
    problems = []
    for n, line in prose_lines(path, text):
        found = list(CITE.finditer(line))
        for first, second in zip(found, found[1:], strict=False):
            ends_sentence = line[: first.start()].rstrip().endswith((".", "!", "?", '."', ".”", "。", "！", "？", "。”"))
            between = line[first.end() : second.start()].rstrip(".!?。！？")
            if not ends_sentence and not re.search(r"[.!?](?:\s|$)|[。！？]", between):
                problems.append(
                    Problem(name, n, f"two citations in one sentence ({first.group(0)} and {second.group(0)}) — "
                            "give the sentence one citation listing all its sources, [@a; @b]")
                )
    return problems


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DAY_MONTH = re.compile(
    r"\b(?P<day>[0-3]?\d) (?P<month>" + "|".join(MONTHS) + r")(?: (?P<year>20\d\d))?\b"
    r"|(?:(?P<zyear>20\d\d)年)?(?P<zmonth>1[0-2]|[1-9])月(?P<zday>[1-3]\d|[1-9])日"
)
# a run of event links: one link, or several in one pair of brackets separated by commas
EVENT_GROUP = re.compile(r"[(（]?\[[^\]\n]*\]\(event:[^)\s]*\)(?:[,，、]\s*\[[^\]\n]*\]\(event:[^)\s]*\))*[)）]?")
SENTENCE_END = re.compile(r"[.!?](?:\[@[^\]]*\])?\s+(?=[A-Z“\"(])|[。！？](?:\[@[^\]]*\])?")
# how close (in characters) a date before an event link must be to count as that event's date
NEAR = 12
EVENT_DATE_COLUMNS = ("date", "date_end", "announced", "issued", "effective", "ended")


def event_dates(frame) -> dict[str, set]:
    """Every date each event has (listed, end of period, announced, issued, effective, ended)."""
    return {r["id"]: {r[c] for c in EVENT_DATE_COLUMNS if c in r and r[c]} for r in frame.to_dict("records")}


def _matches(m: re.Match, days: set) -> bool:
    if m["zmonth"]:
        day, month, year = int(m["zday"]), int(m["zmonth"]), m["zyear"]
    else:
        day, month, year = int(m["day"]), MONTHS.index(m["month"]) + 1, m["year"]
    return any(d.day == day and d.month == month and (not year or d.year == int(year)) for d in days)


def check_event_dates(path: Path, dates: dict[str, set], text: str | None = None, label: str | None = None) -> list[Problem]:
    """A date written with an event link — in the link's text, or right before it ("until 9 November
    2026 ([suspension](event:…))", at most :data:`NEAR` characters away in the same sentence) — must
    be one of the dates of the linked event(s): one fact, one date."""
    name = label or rel(path)
    problems = []
    for n, line in prose_lines(path, text):
        start = 0
        for group in EVENT_GROUP.finditer(line):
            ids = [m["id"] for m in EVENT_MD.finditer(group.group(0))]
            before = line[start:group.start()]
            ends = list(SENTENCE_END.finditer(before))
            clause = before[ends[-1].end():] if ends else before
            start = group.end()
            days = set().union(*(dates.get(i, set()) for i in ids))
            if not days:
                continue
            near = [m for m in DAY_MONTH.finditer(clause) if len(clause) - m.end() <= NEAR][-1:]
            for m in near + list(DAY_MONTH.finditer(group.group(0))):
                if not _matches(m, days):
                    known = ", ".join(f"{d:%-d %B %Y}" for d in sorted(days))
                    problems.append(Problem(name, n, f'date "{m.group(0)}" next to event link {", ".join(ids)} is none of its dates '
                                                     f"({known}) — correct the date in the text or in data/events.csv"))
    return problems


WORDS = {
    "en": {"chronology": "In the chronology: ", "back": "Back to the text", "secondary": " (secondary",
           "copy": " (full text of {document}, copied", "reporting": ", reporting {what}", "close": ")", "end": "."},
    "zh": {"chronology": "大事记：", "back": "返回正文", "secondary": "（二手来源",
           "copy": "（{document}全文转载", "reporting": "，转述{what}", "close": "）", "end": "。"},
}


def _published(day, lang: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh" else f"{day:%-d %B %Y}"


def _entry(source: dict) -> str:
    lang = i18n.current()
    words = WORDS[lang]
    date = f", {_published(source['published'], lang)}" if source.get("published") else ""
    kind = "" if source["kind"] == "primary" else words["secondary"]
    if source["kind"] == "primary-copy":
        kind = words["copy"].format(document=html.escape(source["document"]))
    elif kind and source.get("relies_on"):
        kind += words["reporting"].format(what=html.escape(source["relies_on"]))
    kind += words["close"] if kind else ""
    source_lang = source.get("language") or "en"
    title = html.escape(source["title"])
    if source_lang != lang:  # read as what it is: an English title on a Chinese page
        title = f'<span lang="{i18n.HTML_LANG.get(source_lang, source_lang)}">{title}</span>'
    return (f'{html.escape(source["publisher"])}, “{title}”{date}{kind}. '
            f'<a href="{html.escape(source["url"])}" rel="noopener">{html.escape(source["url"])}</a>')


# an event link in brackets ("([Geneva](event:…))", several separated by ";" or ","), once rendered
EVENT_PAREN = r'\s*[(（](?P<links>(?:<a href="event:[^"]*">[^<]*</a>(?:[;,；，、]\s*)?)+)[)）]'
# ... followed, within the same sentence, by its citation: the links join that citation's note
# (tags in between are skipped whole, so a full stop inside a figure link's tooltip ends nothing)
PAREN_THEN_CITE = re.compile(EVENT_PAREN + r"(?P<rest>(?:<[^>]*>|(?![.!?](?:\s|<)|[。！？][^\[])[^\[<])*)\[@(?P<ids>[a-z0-9-]+(?:\s*;\s*@[a-z0-9-]+)*)\]")
EVENT_A = re.compile(r'<a href="event:(?P<id>[^"]*)">(?P<label>[^<]*)</a>')
# separators inside a gathered marker (never found in page text)
EVENT_SEP, LABEL_SEP = "\x1e", "\x1f"


def gather_event_links(page_html: str) -> str:
    """Move bracketed chronology links into the citation that ends their sentence, so a sentence
    carries one marker: "rules ([April controls](event:x)) ... fell.[@a]" becomes
    "rules ... fell.[@a|x April controls]" and the note lists the chronology entry."""

    def move(m: re.Match) -> str:
        events = EVENT_SEP.join(f"{a['id']}{LABEL_SEP}{a['label']}" for a in EVENT_A.finditer(m["links"]))
        return f"{m['rest']}[@{m['ids']}|{events}]"

    return PAREN_THEN_CITE.sub(move, page_html)


def render_citations(page_html: str, sources: dict) -> tuple[str, list[str]]:
    """Replace each ``[@id; @id]`` marker with one numbered note listing its sources (and the
    chronology entries gathered into it by :func:`gather_event_links`). Returns the HTML and
    unknown ids."""
    notes: list[str] = []
    unknown: list[str] = []
    existing = FOOTNOTE_DIV.search(page_html)
    offset = existing["items"].count("<li") if existing else 0

    def note(ids: list[str], events: str) -> str:
        n = offset + len(notes) + 1
        parts = []
        if events:
            links = "; ".join(
                f'<a href="event:{html.escape(eid)}">{label}</a>' for eid, _, label in (e.partition(LABEL_SEP) for e in events.split(EVENT_SEP))
            )
            words = WORDS[i18n.current()]
            parts.append(f"{words['chronology']}{links}{words['end']}")
        parts.extend(_entry(sources[s]) for s in ids)
        back = WORDS[i18n.current()]["back"]
        notes.append(
            f'<li id="fn:cite-{n}"><p>{"<br>".join(parts)}&nbsp;'
            f'<a class="footnote-backref" href="#fnref:cite-{n}" title="{back}">&#8617;</a></p></li>'
        )
        return f'<sup id="fnref:cite-{n}"><a class="footnote-ref" href="#fn:cite-{n}">{n}</a></sup>'

    def replace(m: re.Match) -> str:
        ids_text, _, events = m.group(0)[2:-1].partition("|")
        ids = cited_ids(ids_text)
        missing = [s for s in ids if s not in sources]
        if missing:
            unknown.extend(missing)
            return m.group(0)
        return note(ids, events)

    marker = re.compile(CITE.pattern[:-2] + r"(?:\|[^\]]*)?\]")
    parts = SKIP.split(page_html)
    out = []
    i = 0
    while i < len(parts):
        chunk = parts[i]
        if SKIP.fullmatch(chunk or ""):
            out.append(chunk)
            i += 2  # skip the tag-name group
            continue
        out.append(marker.sub(replace, gather_event_links(chunk)))
        i += 1
    result = "".join(out)
    if not notes:
        return result, unknown
    items = "".join(notes)
    if existing:
        result_existing = FOOTNOTE_DIV.search(result)
        start, end = result_existing.span("items")
        return result[:end] + items + result[end:], unknown
    return result + f'<div class="footnote"><hr><ol>{items}</ol></div>', unknown


def render_event_links(page_html: str, chronology_url: str, events: set[str]) -> tuple[str, list[str]]:
    """Point ``event:<id>`` links at the chronology anchor. Returns the HTML and unknown ids."""
    unknown = []

    def replace(m: re.Match) -> str:
        eid = m["id"]
        if eid not in events:
            unknown.append(eid)
        return f'href="{chronology_url}#{eid}"'

    return EVENT_HTML.sub(replace, page_html), unknown
