"""MkDocs hook: the Chinese edition, built from the same tree into ``site/zh/``.

* ``mkdocs.yml`` builds the English site; ``mkdocs.zh.yml`` (which inherits it) the Chinese one.
  Both leave the Chinese twins (``*.zh.md``, ``*.zh.py``) out of the file list; the Chinese build
  reads each page from its twin instead (:func:`truce.i18n.twin`), so notebooks, figure links,
  citations and every other hook work on Chinese pages unchanged. A page without a twin yet is
  shown in English under a notice, so the two editions always have the same pages and the
  language switcher always has a counterpart to go to.
* The English build starts the Chinese one in a second process when it starts (into
  ``.cache/site-zh``) and copies it into ``<site_dir>/zh`` when both are done, so ``mkdocs build``,
  ``make serve`` and the tests get both editions from one command.
"""

from __future__ import annotations

import gzip
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError

from truce import i18n

log = logging.getLogger("mkdocs.hooks.i18n")

ZH_CONFIG = "mkdocs.zh.yml"
ZH_OUTPUT = Path(".cache") / "site-zh"
_run: dict = {"command": "build", "dirty": False, "untranslated": set()}

NOTICE = (
    '<div class="admonition note edition-notice" lang="zh-Hans"><p class="admonition-title">本页尚无中文版</p>'
    "<p>以下是英文原文。中文版完成后将在此处替换，数字和来源与英文版相同。</p></div>"
)


def _lang(config) -> str:
    return config["extra"].get("lang", "en")


def on_startup(command, dirty):
    _run["command"], _run["dirty"] = command, dirty


def on_config(config):
    lang = _lang(config)
    if lang not in i18n.LANGS:
        raise PluginError(f"extra.lang: {lang!r} is not an edition of the site — use one of {', '.join(i18n.LANGS)}")
    os.environ[i18n.ENV] = lang  # the pages' code reads it (truce.i18n.current)
    _start_zh(config)
    return config


def on_files(files, config):
    if _lang(config) == "en":
        return files
    docs = Path(config["docs_dir"])
    _run["untranslated"] = set()
    for f in files.documentation_pages():
        if f.abs_src_path is None:
            continue
        source = i18n.twin(docs / f.src_uri, _lang(config))
        if source.is_file():
            f.abs_src_path = str(source)
        elif not f.generated_by:
            _run["untranslated"].add(f.src_uri)
    return files


ANCHOR = re.compile(r"\s*\{\s*#([\w-]+)[^}]*\}\s*$")


def _anchored(items) -> None:
    """Table-of-contents entries of notebook pages take a heading's explicit anchor: mkdocs-jupyter
    reads headings without the attribute-list extension, so ``## 论点 { #the-argument }`` would list
    as "论点 { #the-argument }" with a slug of the Chinese words."""
    for item in items:
        m = ANCHOR.search(item.title)
        if m:
            item.title, item.id = item.title[: m.start()], m.group(1)
        _anchored(item.children)


def on_page_context(context, page, config, nav):
    _anchored(page.toc.items if page.toc else [])
    return context


def on_page_content(html, page, config, files):
    if _lang(config) != "en" and page.file.src_uri in _run["untranslated"]:
        return f'{NOTICE}<div lang="en">{html}</div>'
    return html


def on_post_page(output, page, config):
    lang = _lang(config)
    if lang != "en":
        output = output.replace(f'<html lang="{lang}"', f'<html lang="{i18n.HTML_LANG[lang]}"', 1)
    return output


def on_post_template(output_content, template_name, config):
    """Theme pages (404.html) carry the edition's language too."""
    lang = _lang(config)
    if lang != "en" and template_name.endswith(".html"):
        return output_content.replace(f'<html lang="{lang}"', f'<html lang="{i18n.HTML_LANG[lang]}"', 1)
    return output_content


def _zh_command(config) -> list[str]:
    root = Path(config["config_file_path"]).parent
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / ZH_CONFIG), "-d", str(root / ZH_OUTPUT)]
    if config.get("strict"):
        command.append("--strict")
    # mkdocs serve rebuilds only what changed; so does the Chinese edition inside it
    command.append("--dirty" if _run["command"] == "serve" else "--clean")
    return command


# what the Chinese edition is built from, besides the English pages
ZH_INPUTS = ("data", "truce", "hooks", "overrides", "docs/assets", "mkdocs.yml", ZH_CONFIG)


def _zh_state(root: Path) -> tuple[int, int]:
    """Newest change time and number of the files the Chinese edition is built from."""
    paths = [p for p in (root / "docs").rglob("*") if i18n.is_twin(p)]
    for name in ZH_INPUTS:
        top = root / name
        paths += [top] if top.is_file() else [p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return max((p.stat().st_mtime_ns for p in paths), default=0), len(paths)


def _start_zh(config):
    """The Chinese edition is built beside the English one, in a second process started as soon as
    the English build has its configuration (so the two share the machine's cores from the start),
    into a folder of its own that :func:`on_post_build` copies into place. In ``mkdocs serve``, an
    edit of an English page leaves the Chinese edition as it was (it reads none of them), so the
    rebuild takes as long as the English page alone."""
    if _lang(config) != "en":
        return
    root = Path(config["config_file_path"]).parent
    _run["started"] = time.monotonic()
    state = _zh_state(root)
    if _run["command"] == "serve" and state == _run.get("zh_state") and (root / ZH_OUTPUT).is_dir():
        _run["process"] = None
        return
    _run["zh_state"] = None  # set once this build succeeds
    _run["pending_state"] = state
    _run["process"] = subprocess.Popen(
        _zh_command(config),
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, i18n.ENV: "zh"},
    )


def on_build_error(error):
    process = _run.pop("process", None)
    if process is not None and process.poll() is None:
        process.kill()
        process.communicate()


URL_ENTRY = re.compile(r"<url>(?P<body>.*?<loc>(?P<url>[^<]+)</loc>.*?)(?P<indent>[ \t]*)</url>", re.S)


def with_alternates(sitemap: Path, alternates: list[dict]) -> None:
    """Add to each page of a sitemap its hreflang alternates: the same page in every edition, and
    x-default (English). Search engines read hreflang from sitemaps as from page heads; the page
    heads carry none, since Material would fetch a sitemap from every such link's host."""
    # a page is named by its path under its edition's folder ("/zh/story/" -> "story/"), so the
    # sitemap of `mkdocs serve` (locations on the dev address) gets the same alternates
    bases = sorted(((urlparse(a["url"]).path, a["url"], a["lang"]) for a in alternates), key=lambda a: -len(a[0]))
    english = next(a["url"] for a in alternates if a["lang"] == "en")

    def links(m: re.Match) -> str:
        path = urlparse(m["url"]).path
        base = next(b for b, _, _ in bases if path.startswith(b))
        page = path[len(base) :]
        extra = [(lang, url + page) for _, url, lang in sorted(bases, key=lambda b: b[1])] + [("x-default", english + page)]
        tags = "".join(
            f'{m["indent"]}    <xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>\n' for lang, href in extra
        )
        return f"<url>{m['body']}{tags}{m['indent']}</url>"

    text = sitemap.read_text(encoding="utf-8")
    if "xmlns:xhtml=" in text:  # done already (a serve rebuild that kept this file)
        return
    text = text.replace(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        1,
    )
    text = URL_ENTRY.sub(links, text)
    sitemap.write_text(text, encoding="utf-8")
    sitemap.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def on_post_build(config):
    if _lang(config) != "en":
        return
    root = Path(config["config_file_path"]).parent
    target = Path(config["site_dir"]) / "zh"
    process = _run.pop("process", None)
    if process is not None:
        out, err = process.communicate()
        if process.returncode != 0:
            raise PluginError(f"the Chinese edition ({ZH_CONFIG}) failed to build:\n{err[-6000:]}{out[-2000:]}")
        _run["zh_state"] = _run.pop("pending_state", None)
    elif target.is_dir() and _run["dirty"]:
        # serve, an English page edited: the Chinese edition in place is current
        with_alternates(Path(config["site_dir"]) / "sitemap.xml", config["extra"]["alternate"])
        return
    shutil.copytree(root / ZH_OUTPUT, target, dirs_exist_ok=True)
    for sitemap in (Path(config["site_dir"]) / "sitemap.xml", target / "sitemap.xml"):
        with_alternates(sitemap, config["extra"]["alternate"])
    log.info("Chinese edition built into %s in %.1f s", target, time.monotonic() - _run["started"])
