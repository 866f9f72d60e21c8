"""Quotations in a page's prose must be recorded, with sources, in ``data/quotes.csv``."""

from __future__ import annotations

import base64
import copy
import csv
import datetime as dt
import difflib
import functools
import hashlib
import html
import json
import os
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd

from truce import data
from truce.site.figlinks import Problem, prose_lines, rel


QUOTE = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”")


TAG = re.compile(r"<[^>]+>")


FENCE_ATTR = re.compile(r"^\s*(!!!|\?\?\?)")


def _normal(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().rstrip(".,;:!?").strip()


def unlisted_quotes(path: Path, quotes: list[str] | None = None, text: str | None = None,
                    label: str | None = None, min_words: int = 2) -> list[Problem]:
    """Quotations of ``min_words`` or more words in a page's prose that appear in no row of
    ``data/quotes.csv`` (compared without regard to case, typographic quotes, spacing or end punctuation)."""
    if quotes is None:
        quotes = list(data.load("quotes")["quote"])
    known = [_normal(q).casefold() for q in quotes]
    name = label or rel(path)
    problems = []
    for n, line in prose_lines(path, text):
        if FENCE_ATTR.match(line):
            continue
        bare = TAG.sub("", line)
        for m in QUOTE.finditer(bare):
            said = _normal(m.group(1) or m.group(2))
            if len(said.split()) < min_words:
                continue
            if not any(said.casefold() in q for q in known):
                problems.append(Problem(name, n, f'quotation "{said}" is not in data/quotes.csv — add the quotation with its sources, or correct the wording'))
    return problems


CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
OURS = "（本站译）"


def unlisted_quotes_zh(path: Path, originals: list[str], translations: list[str], text: str | None = None,
                       label: str | None = None, min_chars: int = 8) -> list[Problem]:
    """Quotations in a Chinese page: a “…” of ``min_chars`` or more Chinese characters must be a
    speaker's Chinese original (``quote_zh`` of data/quotes.csv) or the site's translation
    (``translation_zh``) marked （本站译） right after it."""
    name = label or rel(path)
    problems = []
    for n, line in prose_lines(path, text):
        bare = TAG.sub("", line)
        for m in re.finditer(r"“([^”\n]+)”", bare):
            said = re.sub(r"\s+", "", m.group(1)).rstrip("。，；：！？")
            if len(CJK_CHAR.findall(said)) < min_chars:
                continue
            if any(said in re.sub(r"\s+", "", q) for q in originals if q):
                continue
            if any(said in re.sub(r"\s+", "", t) for t in translations if t):
                if not bare[m.end():].startswith(OURS):
                    problems.append(Problem(name, n, f"quotation “{said}” is the site's translation — mark it {OURS} right after the closing ”"))
                continue
            problems.append(Problem(name, n, f"quotation “{said}” is in neither quote_zh nor translation_zh of data/quotes.csv — "
                                             "add it to the quote's row (translation_zh for a translation), or correct the wording"))
    return problems
