"""Figure links in page sources: find them, check them against the data, and lint for
numbers that should have been figure links.

A figure link is Markdown ``[145%](fig:us-headline-peak)``. It works in Markdown pages and in
the Markdown cells of notebooks stored as text (jupytext), so every problem can be reported
as ``file:line``.

A link may ask for the figure in another format or with fewer decimals instead of a new id:
``[145 percent](fig:us-headline-peak?as=pct_word)``, ``[46 tonnes](fig:duel-magnets-us-may-2025?decimals=0)``
(both together: ``?as=pp&decimals=1``). The text must then equal the value in that format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from truce.figures.formatting import FORMATS
from truce.i18n import is_twin, lang_of
from truce.paths import DOCS_DIR, ROOT

LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\(fig:(?P<id>[^)\s]*)\)")
NOFIG = re.compile(r"<!--\s*nofig:\s*\S.*?-->")
# A number with a unit that makes it a figure (currency before, or unit after).
FIGURE_LIKE = re.compile(
    r"(?:[$¥€£]\s?\d[\d,.]*(?:\s?(?:billion|million|trillion|bn|m)\b)?)"
    r"|(?:\d[\d,.]*\s?(?:%|‰|percent\b|per\s?cent\b|pp\b|percentage\s+points?\b|points?\b|billion\b|million\b|trillion\b"
    r"|bn\b|tonnes?\b|MMT\b|mt\b|metric\s+tons?\b|bushels?\b|yuan\b|dollars?\b))"
    r"|(?:\d[\d,.]*\s?(?:个百分点|百分点|万亿美元|亿美元|万美元|美元|万亿元|亿元|万吨|吨|倍))",
    re.IGNORECASE,
)
QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|`[^`\n]*`")
URLISH = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+|\[@[^\]]*\]")


OPTIONS = ("as", "decimals")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def page_sources(docs_dir: Path = DOCS_DIR) -> list[Path]:
    """Markdown pages and text notebooks under docs/."""
    return sorted(p for p in docs_dir.rglob("*") if p.suffix in (".md", ".py") and p.is_file())


def prose_lines(path: Path, text: str | None = None) -> list[tuple[int, str]]:
    """(line number, text) of the lines a reader sees as prose.

    Markdown: everything outside front matter, fenced code and HTML comments.
    Jupytext percent notebooks (.py): the lines of ``# %% [markdown]`` cells, comment marker removed.
    Jupytext Markdown notebooks: Markdown outside code cells.
    """
    text = path.read_text(encoding="utf-8") if text is None else text
    lines = text.splitlines()
    out: list[tuple[int, str]] = []
    if path.suffix == ".py":
        in_md = False
        for n, line in enumerate(lines, 1):
            if line.startswith("# %%"):
                in_md = "[markdown]" in line
                continue
            if in_md and line.startswith("#"):
                out.append((n, line[2:] if line.startswith("# ") else line[1:]))
        return out
    fence = None
    front = lines[:1] == ["---"]
    comment = False
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if front:
            if n > 1 and stripped == "---":
                front = False
            continue
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        if comment:
            if "-->" in line:
                comment = False
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            comment = True
            continue
        out.append((n, line))
    return out


def split_target(target: str) -> tuple[str, str]:
    """``"id?as=pp"`` -> ``("id", "as=pp")``; the query is empty for a plain id."""
    fid, _, query = target.replace("&amp;", "&").partition("?")
    return fid, query


def link_options(query: str) -> dict:
    """The format a link asks for: ``"as=pp&decimals=0"`` -> ``{"as_": "pp", "decimals": 0}``.
    Raises ``ValueError`` with the contributor's message for an unknown option or value."""
    options: dict = {}
    for part in filter(None, query.split("&")):
        key, _, value = part.partition("=")
        if key == "as":
            if value not in FORMATS:
                raise ValueError(f'unknown format "{value}" in ?as= — use one of {", ".join(sorted(FORMATS))}')
            options["as_"] = value
        elif key == "decimals":
            if not value.isdigit():
                raise ValueError(f'?decimals={value} is not a number of decimals — write ?decimals=0, 1, 2 …')
            options["decimals"] = int(value)
        else:
            raise ValueError(f'unknown option "{key}" — a figure link takes ?as=<format> and ?decimals=<n>')
    return options


def links(path: Path, text: str | None = None) -> list[tuple[int, str, str]]:
    """(line, link text, figure id) of every figure link in a page source."""
    return [(n, m["text"], split_target(m["id"])[0]) for n, line in prose_lines(path, text) for m in LINK.finditer(line)]


def formatted_links(path: Path, text: str | None = None) -> list[tuple[int, str, str, str]]:
    """(line, link text, figure id, query) of every figure link in a page source."""
    return [(n, m["text"], *split_target(m["id"])) for n, line in prose_lines(path, text) for m in LINK.finditer(line)]


def link_problem(shown: str, fid: str, query: str, figures: dict, lang: str = "en") -> str | None:
    """What is wrong with one figure link, or None: the same rule for page sources and built HTML,
    for English pages and Chinese ones (which write the same value the Chinese way)."""
    ev = figures.get(fid)
    if ev is None:
        return f'unknown figure "{fid}" — declare it in truce/figures/declared.csv (see CONTRIBUTING.md) or fix the id'
    files = ", ".join(f"data/{r}.csv" for r in ev.figure.resources)
    if not query:
        if shown in ev.spellings_in(lang):
            return None
        return f'figure {fid} reads "{shown}", the data gives "{ev.text_in(lang)}" ({files}) — update the text or the data'
    try:
        wanted = ev.spelled(**link_options(query), lang=lang)
    except ValueError as exc:
        return f"figure link fig:{fid}?{query}: {exc}"
    if shown == wanted:
        return None
    return f'figure {fid}?{query} reads "{shown}", the data gives "{wanted}" ({files}) — update the text or the data'


def check_links(path: Path, figures: dict, text: str | None = None, label: str | None = None) -> list[Problem]:
    """Every figure link whose id is unknown, whose format is unknown or whose text differs from the data."""
    problems = []
    name = label or rel(path)
    lang = lang_of(path)
    for n, shown, fid, query in formatted_links(path, text):
        message = link_problem(shown, fid, query, figures, lang)
        if message:
            problems.append(Problem(name, n, message))
    return problems


def unlinked_numbers(path: Path, text: str | None = None, label: str | None = None) -> list[Problem]:
    """Numbers in prose that look like figures but are not figure links."""
    problems = []
    name = label or rel(path)
    for n, line in prose_lines(path, text):
        if NOFIG.search(line):
            continue
        bare = LINK.sub("", line)
        bare = QUOTED.sub("", bare)
        bare = URLISH.sub("", bare)
        for m in FIGURE_LIKE.finditer(bare):
            problems.append(Problem(name, n, f'"{m.group(0).strip()}" looks like a figure but is not a figure link — write [{m.group(0).strip()}](fig:<id>) or mark the line <!-- nofig: reason -->'))
    return problems


def formats_used(docs_dir: Path = DOCS_DIR) -> dict[str, list[str]]:
    """Figure id -> the formats pages ask for in its links (``as=pp``, ``decimals=0``)."""
    found: dict[str, list[str]] = {}
    for path in page_sources(docs_dir):
        for _, _, fid, query in formatted_links(path):
            if query and query not in found.setdefault(fid, []):
                found[fid].append(query)
    return found


def usage(docs_dir: Path = DOCS_DIR) -> dict[str, list[str]]:
    """Figure id -> English page sources (relative to docs/) that link to it (a Chinese twin
    uses the same ids as its English page)."""
    used: dict[str, list[str]] = {}
    for path in page_sources(docs_dir):
        if is_twin(path):
            continue
        for _, _, fid in links(path):
            page = path.relative_to(docs_dir).as_posix()
            used.setdefault(fid, [])
            if page not in used[fid]:
                used[fid].append(page)
    return used


def spell_page(path: Path, lang: str, figures: dict) -> list[str]:
    """Each figure link of a page with the text it takes in ``lang``: what a translator writes.

    ``python -m truce.site.figlinks zh docs/story/01-spiral.md`` prints, line by line,
    ``[145%](fig:us-headline-peak)`` and its Chinese counterpart."""
    out = []
    for n, shown, fid, query in formatted_links(path):
        ev = figures.get(fid)
        if ev is None:
            out.append(f"{rel(path)}:{n}: unknown figure {fid}")
            continue
        try:
            wanted = ev.spelled(**link_options(query), lang=lang) if query else ev.text_in(lang)
        except ValueError as exc:
            wanted = f"?? {exc}"
        target = f"fig:{fid}?{query}" if query else f"fig:{fid}"
        out.append(f"{rel(path)}:{n}: [{shown}]({target})  ->  [{wanted}]({target})")
    return out


if __name__ == "__main__":
    import sys

    from truce.figures.registry import evaluate_all

    if len(sys.argv) < 3:
        sys.exit("usage: python -m truce.site.figlinks <lang> <page source> [...]")
    evaluated = evaluate_all()
    for arg in sys.argv[2:]:
        print("\n".join(spell_page(Path(arg), sys.argv[1], evaluated)))
