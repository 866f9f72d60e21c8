"""The site's two editions: English (the source) and Chinese (``/zh/``).

A page's Chinese text lives beside its English twin, with ``.zh`` before the suffix
(``story/01-spiral.zh.md``, ``chronology.zh.py``). The Chinese build (``mkdocs.zh.yml``) reads the
twin in place of the English source; the language a build or a notebook kernel works in is the
environment variable ``TRUCE_LANG`` (``en`` unless set), so code that writes words for a page
(chart titles, table headers) can ask :func:`current`.
"""

from __future__ import annotations

import functools
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


# Words the code writes onto pages (table headers, badges, captions) -------------------------
#
# Code marks each such English text with ``t("…")``; ``truce/locale/<lang>.csv`` gives its
# translation (columns ``en``, ``<lang>``). A text with a placeholder is translated whole and
# filled in after: ``t("{n} entries").format(n=12)``. A text missing from the catalogue fails
# the build of that edition with the fix, never falls back to English silently; a test reads every
# ``t("…")`` in the package and checks the catalogue has it.

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / f"{lang}.csv"


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """English text -> its translation in ``lang``; duplicates or empty cells fail with the line."""
    import csv

    path = catalogue_path(lang)
    found: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), 2):
            en, text = row.get("en") or "", row.get(lang) or ""
            if not en or not (text or en.isspace()):  # a space between sentences may become nothing
                raise ValueError(f"truce/locale/{path.name}:{line}: empty en or {lang} cell — fill both")
            if en in found:
                raise ValueError(f'truce/locale/{path.name}:{line}: "{en}" is translated twice — keep one row')
            found[en] = text
    return found


def N_(text: str) -> str:
    """Marks a text for translation where it is defined (a table of words); ``t`` translates it
    where it is used."""
    return text


def t(text: str, lang: str | None = None) -> str:
    """``text`` in the edition being built (``lang`` overrides)."""
    lang = lang or current()
    if lang == "en":
        return text
    try:
        return catalogue(lang)[text]
    except KeyError:
        raise KeyError(f'truce/locale/{lang}.csv has no translation of "{text}" — add a row with en and {lang} columns') from None


MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def day(d, lang: str | None = None, short: bool = False) -> str:
    """A date in words: ``2 April 2025`` (``2 Apr 2025`` short) / ``2025年4月2日``."""
    if (lang or current()) == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {MONTHS_EN[d.month - 1][:3] if short else MONTHS_EN[d.month - 1]} {d.year}"


def month(d, lang: str | None = None) -> str:
    """A month in words: ``April 2025`` / ``2025年4月``."""
    if (lang or current()) == "zh":
        return f"{d.year}年{d.month}月"
    return f"{MONTHS_EN[d.month - 1]} {d.year}"


def marked_texts(package_dir: Path | None = None) -> dict[str, str]:
    """Every literal text the package marks with ``t("…")`` or ``N_("…")``, with where it is first marked
    (``truce/blocks/chronology.py:52``), and every word of ``truce.labels``."""
    import ast

    root = package_dir or Path(__file__).resolve().parent
    hooks = [] if package_dir else sorted((root.parent / "hooks").glob("*.py"))  # the hooks write words too
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")) + hooks:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in ("t", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, f"{path.relative_to(root.parent).as_posix()}:{node.lineno}")
    for name in MONTHS_EN:
        found.setdefault(name, "truce/i18n.py (MONTHS_EN)")
    from truce import labels

    for name in dir(labels):
        value = getattr(labels, name)
        if name.endswith("_LABELS") or name == "SIDE_NAMES":
            for text in value.values():
                found.setdefault(text, f"truce/labels.py ({name})")
    return found


def missing(lang: str) -> dict[str, str]:
    """Marked texts without a translation in ``truce/locale/<lang>.csv``."""
    have = catalogue(lang)
    return {text: where for text, where in marked_texts().items() if text not in have}


if __name__ == "__main__":
    import csv
    import sys

    writer = csv.writer(sys.stdout, lineterminator="\n")
    for text, where in missing(sys.argv[1] if len(sys.argv) > 1 else "zh").items():
        writer.writerow([text, "", where])
