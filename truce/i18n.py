"""The site's two editions: English (the source) and Chinese (``/zh/``).

A page's Chinese text lives beside its English twin, with ``.zh`` before the suffix
(``story/01-spiral.zh.md``, ``chronology.zh.py``). The Chinese build (``mkdocs.zh.yml``) reads the
twin in place of the English source; the language a build or a notebook kernel works in is the
environment variable ``TRUCE_LANG`` (``en`` unless set), so code that writes words for a page
(chart titles, table headers) can ask :func:`current`.
"""

from __future__ import annotations

import os
from pathlib import Path

LANGS = ("en", "zh")
ENV = "TRUCE_LANG"
HTML_LANG = {"en": "en", "zh": "zh-Hans"}


def current() -> str:
    """The edition being built: ``TRUCE_LANG`` (``en`` when unset); an unknown value fails."""
    lang = os.environ.get(ENV, "en") or "en"
    if lang not in LANGS:
        raise ValueError(f"{ENV}={lang!r} is not an edition of the site — use one of {', '.join(LANGS)}")
    return lang


def twin(path: Path | str, lang: str = "zh") -> Path:
    """``docs/story/01-spiral.md`` -> ``docs/story/01-spiral.zh.md`` (the page's text in ``lang``)."""
    path = Path(path)
    return path if lang == "en" else path.with_name(f"{path.stem}.{lang}{path.suffix}")


def is_twin(path: Path | str) -> bool:
    """True for a page source in another language than English (``index.zh.md``)."""
    parts = Path(path).name.split(".")
    return len(parts) >= 3 and parts[-2] in LANGS and parts[-2] != "en"


def lang_of(path: Path | str) -> str:
    """The edition a page source belongs to."""
    parts = Path(path).name.split(".")
    return parts[-2] if is_twin(path) else "en"


def english_source(path: Path | str) -> Path:
    """``index.zh.md`` -> ``index.md``; an English source is returned as it is."""
    path = Path(path)
    if not is_twin(path):
        return path
    stem = path.name.rsplit(".", 2)[0]
    return path.with_name(stem + path.suffix)


def source_label(src_uri: str, abs_src_path: str | None) -> str:
    """How error messages name a page's source: ``docs/story/01-spiral.zh.md`` when the Chinese
    build reads the twin, ``docs/story/01-spiral.md`` otherwise."""
    if abs_src_path and is_twin(abs_src_path):
        return f"docs/{twin(src_uri, lang_of(abs_src_path)).as_posix()}"
    return f"docs/{src_uri}"
