"""The figures ledger: every registered figure with its value, definition, derivation, the
file and line that define it, data rows, sources, as-of date, the pages that use it and the
formats they ask for — as a Markdown page and as ``figures.json``."""

from __future__ import annotations

import datetime as dt
import html
import subprocess

from truce import data
from truce.i18n import day, t
from truce.paths import ROOT
from truce.site.figlinks import formats_used, link_options, usage

ROW_PAGES = {"events": "../chronology.py#{id}"}
# Longer lists of rows or sources are counted on the page and listed in full in figures.json: a
# count of events cites several hundred sources, which would make the ledger a megabyte to read.
LIST_LIMIT = 12


def build_stamp() -> str:
    """ "<date>, <commit>" for the build."""
    try:
        commit = (
            subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=5, check=False
            ).stdout.strip()
            or "uncommitted"
        )
    except (OSError, subprocess.SubprocessError):
        commit = "uncommitted"
    return f"{dt.date.today():%-d %B %Y}, commit {commit}"


def unused(figures: dict) -> list[str]:
    """Registered figures that no page links to."""
    used = usage()
    return [fid for fid in figures if fid not in used]


def _source_link(sid: str, sources: dict) -> str:
    s = sources[sid]
    return f"[{html.escape(s['publisher'])}: {html.escape(s['title'])}]({s['url']})"


def _row_link(resource: str, row_id: str) -> str:
    pattern = ROW_PAGES.get(resource)
    label = f"data/{resource}.csv · {row_id}"
    return f"[{label}]({pattern.format(id=row_id)})" if pattern else label


def _rows_line(rows, lang: str) -> str:
    """The data rows a figure reads: each linked, or counted per file when there are many."""
    if len(rows) <= LIST_LIMIT:
        return t("- Data rows: {rows}", lang).format(rows="; ".join(_row_link(r, i) for r, i in rows))
    counts: dict[str, int] = {}
    for resource, _ in rows:
        counts[resource] = counts.get(resource, 0) + 1
    files = ("、" if lang == "zh" else ", ").join(
        t("{n} in data/{resource}.csv", lang).format(n=n, resource=r) for r, n in counts.items()
    )
    return t("- Data rows: {files}, listed in [figures.json](../figures.json)", lang).format(files=files)


def defined_link(fig, repo_url: str | None = None) -> str:
    """Markdown naming the file and line that define a figure, linked to it on the repository."""
    path, line = fig.defined_in, fig.line
    # plain text inside the link: code styling in a link falls below contrast in the dark scheme
    if repo_url and line:
        return f"[{path}, line {line}]({repo_url}/blob/main/{path}#L{line})"
    return f"`{path}`, line {line}" if line else f"`{path}`"


def format_variants(ev, queries: list[str], lang: str = "en") -> list[tuple[str, str]]:
    """(query, text) for each format pages ask for in links to ``ev`` (``decimals=0`` -> "46 tonnes")."""
    out = []
    for query in queries:
        try:
            out.append((query, ev.spelled(**link_options(query), lang=lang)))
        except ValueError:
            continue
    return out


def ledger_markdown(figures: dict, repo_url: str | None = None, lang: str = "en") -> str:
    sources = data.sources()
    used = usage()
    formats = formats_used()
    idle = unused(figures)
    out = [
        "---",
        f"description: {t('Every figure published on Truce Tracker, its value, how it is computed, its sources and the pages that use it.', lang)}",
        "---",
        f"# {t('Figures ledger', lang)}",
        "",
        t(
            "Every number in the site's prose is a link to an entry below. Most entries are one cell of a data file, "
            "declared as a row of `truce/figures/declared.csv`; some are one call of a function with fixed arguments "
            "(`truce/figures/calls.csv`); the rest are computations in `truce/figures/`. Each entry links to the row or "
            "function that defines it. Every link on every page is compared with the data at each build: "
            "a page whose text no longer matches the data does not build.",
            lang,
        ),
        "",
        t("Checked at build {stamp}. {n} figures. Machine-readable: [figures.json](../figures.json).", lang).format(
            stamp=build_stamp(), n=len(figures)
        ),
        "",
    ]
    if idle:
        out += [
            f'!!! warning "{t("Figures defined but not used on any page", lang)}"',
            "",
            "    " + ", ".join(f"[{f}](#fig-{f})" for f in idle),
            "",
        ]
    for fid, ev in figures.items():
        fig = ev.figure
        out += [
            f"## {html.escape(fid)} {{#fig-{fid}}}",
            "",
            f"**{html.escape(ev.text_in(lang))}** — {html.escape(ev.definition_in(lang))}",
            "",
            t("- As of: {day}", lang).format(day=day(ev.as_of, lang)),
            t("- Defined by: {link}", lang).format(link=defined_link(fig, repo_url)),
        ]
        if fig.derivation:
            derivation = html.escape(" ".join(fig.derivation.split()))
            if lang != "en":  # the derivation is the code's documentation, kept in English
                derivation = f'<span lang="en">{derivation}</span>'
            out.append(t("- Derivation: {text}", lang).format(text=derivation))
        spellings = ev.spellings_in(lang)
        if len(spellings) > 1:
            out.append(t("- Also written: {texts}", lang).format(texts=", ".join(f"“{html.escape(s)}”" for s in spellings[1:])))
        variants = format_variants(ev, formats.get(fid, []), lang)
        if variants:
            out.append(
                t("- Written on pages in another format: {texts}", lang).format(
                    texts=", ".join(f"“{html.escape(text)}” (`fig:{fid}?{html.escape(q)}`)" for q, text in variants)
                )
            )
        if ev.rows:
            out.append(_rows_line(ev.rows, lang))
        if ev.source_ids:
            cited = [s for s in ev.source_ids if s in sources]
            if len(cited) > LIST_LIMIT:
                out.append(
                    t("- Sources: {n} in all, listed in [figures.json](../figures.json) and with each data row", lang).format(
                        n=len(cited)
                    )
                )
            else:
                out.append(t("- Sources: {links}", lang).format(links="; ".join(_source_link(s, sources) for s in cited)))
        pages = used.get(fid, [])
        out.append(
            t("- Used on: {pages}", lang).format(
                pages=", ".join(f"[{p}](../{p})" for p in pages) if pages else t("*no page yet*", lang)
            )
        )
        out.append("")
    return "\n".join(out)


def figures_json(figures: dict, pages: dict[str, list[str]], formats: dict[str, list[str]] | None = None) -> dict:
    formats = formats or {}
    return {
        "checked": build_stamp(),
        "figures": [
            {
                "id": fid,
                "text": ev.text,
                "value": ev.value if not isinstance(ev.value, dt.date) else ev.value.isoformat(),
                "unit": ev.figure.unit,
                "definition": ev.figure.definition,
                "as_of": ev.as_of.isoformat(),
                "defined_at": ev.figure.defined_at,
                "sources": list(ev.source_ids),
                "rows": [list(r) for r in ev.rows],
                "pages": pages.get(fid, []),
                "formats": {q: text for q, text in format_variants(ev, formats.get(fid, []))},
            }
            for fid, ev in figures.items()
        ],
    }
