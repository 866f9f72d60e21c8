"""Checks for the Chinese edition's text: page pairs that match, and Chinese that reads as Chinese.

* :func:`pair_problems` — a Chinese twin uses the same figure ids as its English page (a
  difference needs a row in ``checks/zh_figure_differences.csv`` saying why) and keeps the English
  page's heading anchors (``## 论点 { #the-argument }``), so links between pages land in both editions.
* :func:`punctuation_problems` — full-width punctuation in Chinese text: no half-width
  ``, . ; : ? ! ( )`` or straight quotes beside a Chinese character.
* :func:`untranslated_problems` — no run of five or more English words in Chinese prose; titles of
  English documents go in 《》, and a deliberate English passage is marked ``lang="en"``.

Each takes a page source (or, for data cells, a text) and returns problems naming file, line and fix.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from markdown.extensions.toc import slugify

from truce.i18n import english_source, is_twin
from truce.site.figlinks import Problem, links, prose_lines, rel

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Markup that is not prose: link targets, tags, code, citation markers, attribute lists, URLs,
# front-matter-like admonition syntax, footnote labels.
MARKUP = re.compile(
    r"\]\([^)]*\)"  # ](target)
    r"|<[^>]+>"  # HTML tags
    r"|`[^`]*`"  # inline code
    r"|\[@[^\]]*\]"  # citation markers
    r"|\[\^[^\]]*\]:?"  # footnote labels
    r"|\{\s*[#.:][^}]*\}"  # attribute lists
    r"|https?://\S+"
    r"|^\s*(?:[-*+]|\d+\.)\s"  # list markers
    r"|^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+"  # admonition openers (their title is checked)
    r"|^\s*#+\s"  # heading markers
    r"|^\s*\|?[-:| ]+\|[-:| ]*$"  # table rules
    r"|--8<--.*$",
)
HALF = re.compile(rf"(?<=[{CJK}])[,.;:?!(\"]|[,;:?!)\"](?=[{CJK}])|\((?=[{CJK}])|(?<=[{CJK}])\)")
FULL = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", '"': "“ ”"}
WORD = r"[A-Za-z][A-Za-z'’\-]*"
ENGLISH_RUN = re.compile(rf"{WORD}(?:[ ,]+{WORD}){{4,}}")
ALLOWED = re.compile(r"《[^》]*》|<(\w+)[^>]*\blang=\"en\"[^>]*>.*?</\1>")
HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$")
ANCHOR = re.compile(r"\{\s*#([\w-]+)[^}]*\}\s*$")

DIFFERENCES = Path(__file__).resolve().parents[2] / "checks" / "zh_figure_differences.csv"


ADMONITION = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)[^"]*)"(.*)"\s*$')


def _bare(line: str) -> str:
    line = ADMONITION.sub(r"\1 \2 ", line)  # !!! note "标题": the quotes are syntax
    return MARKUP.sub(" ", line).replace("[", "").replace("]", "")


def punctuation_problems(text: str, where: str, line: int | None = None) -> list[Problem]:
    """Half-width punctuation or straight quotes beside a Chinese character."""
    out = []
    for m in HALF.finditer(_bare(text)):
        mark = m.group(0)
        out.append(
            Problem(where, line or 0, f'half-width "{mark}" beside Chinese text — write {FULL[mark]} '
                    f'(…{text[max(0, m.start() - 8): m.end() + 8].strip()}…)')
        )
    return out


def untranslated_problems(text: str, where: str, line: int | None = None) -> list[Problem]:
    """Five or more English words in a row outside 《titles》 and lang="en" passages."""
    bare = _bare(ALLOWED.sub(" ", text))
    return [
        Problem(where, line or 0, f'untranslated English "{m.group(0)}" — translate it; put the title of an '
                'English document in 《》 or mark a deliberate English passage <span lang="en">')
        for m in ENGLISH_RUN.finditer(bare)
    ]


def text_problems(path: Path, label: str | None = None) -> list[Problem]:
    """Punctuation and untranslated English in a Chinese page source's prose."""
    name = label or rel(path)
    out = []
    for n, line in prose_lines(path):
        out += punctuation_problems(line, name, n) + untranslated_problems(line, name, n)
    return out


def _headings(path: Path) -> list[tuple[int, str | None, str]]:
    """(line, explicit anchor or None, heading text) of each heading below the title."""
    found = []
    for n, line in prose_lines(path):
        m = HEADING.match(line)
        if m:
            text = m.group(2)
            anchor = ANCHOR.search(text)
            found.append((n, anchor.group(1) if anchor else None, ANCHOR.sub("", text).strip()))
    return found


def _slug(text: str) -> str:
    text = re.sub(r"<[^>]+>|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text)
    return slugify(text.replace("*", "").replace("`", ""), "-")


def recorded_differences(path: Path = DIFFERENCES) -> dict[tuple[str, str], str]:
    """(page, figure id) -> why the Chinese twin's figure ids differ from the English page's."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["page"], r["figure_id"]): r["reason"] for r in csv.DictReader(fh)}


def pair_problems(zh: Path, differences: dict | None = None, label: str | None = None) -> list[Problem]:
    """A Chinese twin against its English page: the same figure ids, the same heading anchors."""
    if not is_twin(zh):
        raise ValueError(f"{zh} is not a Chinese twin (name.zh.md / name.zh.py)")
    en = english_source(zh)
    name = label or rel(zh)
    differences = recorded_differences() if differences is None else differences
    page = rel(en)
    problems = []
    if not en.exists():
        return [Problem(name, 0, f"has no English page {page} — a Chinese page translates an English one")]
    en_ids = {fid for _, _, fid in links(en)}
    zh_ids: dict[str, int] = {}
    for n, _, fid in links(zh):
        zh_ids.setdefault(fid, n)
    for fid in sorted(en_ids - zh_ids.keys()):
        if (page, fid) not in differences:
            problems.append(Problem(name, 0, f"lacks figure {fid}, which {page} links — link it in the Chinese text, or "
                                             f"record why not in checks/zh_figure_differences.csv"))
    for fid in sorted(zh_ids.keys() - en_ids):
        if (page, fid) not in differences:
            problems.append(Problem(name, zh_ids[fid], f"links figure {fid}, which {page} does not — use the English "
                                                       f"page's figures, or record why in checks/zh_figure_differences.csv"))
    en_anchors = [a or _slug(text) for _, a, text in _headings(en)]
    zh_heads = _headings(zh)
    for n, anchor, text in zh_heads:
        if anchor is None:
            problems.append(Problem(name, n, f'heading "{text}" has no anchor — end it with {{ #<the English heading\'s '
                                             f"anchor> }} so links to it work in both editions"))
        elif anchor not in en_anchors:
            problems.append(Problem(name, n, f'heading anchor #{anchor} is not one of {page}\'s '
                                             f"({', '.join(en_anchors)}) — use the English heading's anchor"))
    missing = [a for a in en_anchors if a not in {x for _, x, _ in zh_heads}]
    if missing and not any(a is None for _, a, _ in zh_heads):
        problems.append(Problem(name, 0, f"has no heading for {', '.join('#' + a for a in missing)} of {page} — "
                                         "translate every section"))
    return problems
