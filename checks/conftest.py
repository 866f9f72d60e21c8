"""Shared helpers for the content checks: small data packages written inside each test."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from truce import data

SOURCES = """\
id,title,publisher,url,published,accessed,kind,tier,language,relies_on,document
wh-test,Fact sheet,The White House,https://www.whitehouse.gov/test,2025-05-12,2026-11-29,primary,1,en,,
press-test,Report,Press,https://example.org/report,,2026-11-29,secondary,3,en,MOFCOM statement,
copy-test,Announcement text,Mirror,https://example.org/text,,2026-11-29,primary-copy,1,zh,Full text of the announcement,MOFCOM Announcement 2025 No. 18
"""
EVENTS = """\
id,date,date_end,announced,issued,effective,ended,actor,lever,direction,status,kind,key,title,summary,instrument,source_ids,note
geneva,2025-05-12,,,,,,both,talks,de-escalation,in-force,move,true,Geneva joint statement,Both sides cut tariffs for 90 days.,,wh-test,
spiral,2025-04-09,,,,,,US,tariffs,escalation,revoked,move,,US raises rate,The US raised its rate.,EO 14259,wh-test;press-test,
"""


def write_package(root: Path, files: dict[str, str]) -> Path:
    """Write a data package with the real schemas for the given resources and small CSVs."""
    real = data.descriptor()
    resources = [r for r in real["resources"] if r["name"] in files]
    root.mkdir(parents=True, exist_ok=True)
    (root / "datapackage.json").write_text(json.dumps(dict(real, resources=resources)), encoding="utf-8")
    for name, text in files.items():
        (root / f"{name}.csv").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def package(tmp_path):
    def make(**files: str) -> Path:
        base = {"sources": SOURCES, "events": EVENTS}
        base.update(files)
        return write_package(tmp_path / "data", base)

    return make
