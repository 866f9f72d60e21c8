"""MkDocs hook: figure links are checked against the data and turned into ledger links.

``[145%](fig:us-headline-peak)`` in a Markdown page or a notebook Markdown cell must name a
registered figure (``truce.figures``: a row of ``declared.csv`` or ``calls.csv``, or a
function) and show its value as the data gives it — or in the format the link asks for
(``fig:id?decimals=0``, ``fig:id?as=pct_word``). Any mismatch fails the build with
``file:line``. A passing link becomes a link to the figure's entry in the figures ledger, with
``data-figure`` (and ``data-format`` for a link that asks for a format) and a tooltip. The ledger page
(``data/figures.md``) and ``figures.json`` are generated here from ``truce``.
"""

from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from truce import data, i18n
from truce.figures.declared import DeclarationError
from truce.figures.registry import evaluate_all
from truce.i18n import lang_of
from truce.site import ledger
from truce.site.figlinks import check_links, formats_used, link_problem, split_target, usage

log = logging.getLogger("mkdocs.hooks.figures")

LEDGER_PAGE = "data/figures.md"
GENERATED = Path(".cache") / "generated"
HTML_LINK = re.compile(r'<a href="fig:(?P<id>[^"]*)"(?: title="[^"]*")?>(?P<text>.*?)</a>', re.DOTALL)

_state: dict = {"figures": {}, "problems": [], "pages": {}}


def on_config(config):
    try:
        _state["figures"] = evaluate_all()
    except (data.DataError, DeclarationError) as exc:
        raise PluginError(str(exc)) from None
    _state["problems"] = []
    _state["pages"] = {}
    return config


def on_files(files, config):
    figures = _state["figures"]
    # the ledger is written to a file that changes only when its text does, so a dirty rebuild
    # in ``mkdocs serve --dirty`` skips this long page after a prose edit elsewhere
    text = ledger.ledger_markdown(figures, config["extra"].get("repository"), i18n.current())
    # each edition its own file: the two editions are built at the same time
    target = Path(config["config_file_path"]).parent / GENERATED / i18n.current() / LEDGER_PAGE
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    files.append(File.generated(config, LEDGER_PAGE, abs_src_path=str(target)))
    payload = ledger.figures_json(figures, usage(), formats_used())
    files.append(File.generated(config, "figures.json", content=json.dumps(payload, indent=1, ensure_ascii=False)))
    return files


def _tooltip(ev, lang: str = "en") -> str:
    """Definition, date and sources: every source when there are up to three, else three and a
    count (the ledger lists them all) — never the first alone, as if it were the only one."""
    srcs = data.sources()
    found = [srcs[s] for s in ev.source_ids if s in srcs]
    if len(found) == 1:
        source = i18n.t(" Source: {publisher}, “{title}”.", lang).format(publisher=found[0]["publisher"], title=found[0]["title"])
    elif found:
        publishers = list(dict.fromkeys(s["publisher"] for s in found))
        more = i18n.t(", among others (all in the ledger)", lang) if len(publishers) > 3 else ""
        source = i18n.t(" Sources ({n}): {publishers}{more}.", lang).format(
            n=len(found), publishers=i18n.t("; ", lang).join(publishers[:3]), more=more
        )
    else:
        source = ""
    as_of = i18n.t(" As of {day}.", lang).format(day=i18n.day(ev.as_of, lang))
    return f"{ev.definition_in(lang)}{as_of}{source}"


def on_page_content(html_text, page, config, files):
    figures = _state["figures"]
    src = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    label = i18n.source_label(page.file.src_uri, page.file.abs_src_path)
    if src is not None and src.exists():
        _state["problems"].extend(check_links(src, figures, label=label))
    ledger_url = get_relative_url(LEDGER_PAGE.replace(".md", "/"), page.url or ".")

    def rewrite(m: re.Match) -> str:
        fid, query = split_target(html.unescape(m["id"]))
        ev = figures.get(fid)
        if ev is None:
            if src is None or not src.exists():
                _state["problems"].append(
                    f"{label}: {link_problem(m['text'], fid, query, figures, lang_of(src) if src else 'en')}"
                )
            return m["text"]
        _state["pages"].setdefault(fid, set()).add(page.url)
        fmt = f' data-format="{html.escape(query, quote=True)}"' if query else ""
        return (
            f'<a class="fig" href="{ledger_url}#fig-{fid}" data-figure="{fid}"{fmt} '
            f'title="{html.escape(_tooltip(ev, i18n.current()), quote=True)}">{m["text"]}</a>'
        )

    return HTML_LINK.sub(rewrite, html_text)


def on_post_build(config):
    problems = _state["problems"]
    if problems:
        raise PluginError("figure links do not match the data:\n" + "\n".join(f"  {p}" for p in problems))
