"""Rebuild the Section 301 product exclusions from the text of HTSUS chapter 99.

Reads U.S. notes 20(ttt), 20(uuu), 20(vvv) and 20(www) to subchapter III of chapter 99 (each
exclusion numbered, with its 10-digit statistical reporting numbers and, for most, a product
description) and writes:

* ``data/product_exclusions.csv`` — one row per exclusion: note reference, Chapter 99 heading that
  claims it, whether it covers the whole statistical line (``line``) or only goods matching its
  description (``description``), the codes and the description;
* the rows of ``data/list_products.csv`` for the exclusion lists (``us-301-excl-*``), replaced in
  place and kept sorted by list id.

Dates, statuses and sources of the lists are in ``data/tariff_lists.csv`` (written by hand from the
USTR and CBP notices). Input: the chapter 99 text of HTSUS 2026 Revision 6 as stored in
Budget-Lab-Yale/tariff-rate-tracker (``data/us_notes/chapter99_2026_rev_6.txt``, commit 8315fff,
MIT), which reproduces the USITC's chapter 99 PDF as text. Usage::

    python tools/s301_exclusions.py path/to/chapter99_2026_rev_6.txt
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"

# Note of chapter 99 -> list id prefix (the Chapter 99 heading that claims the exclusion)
NOTES = {"ttt": "9903-88-67", "uuu": "9903-88-68", "vvv": "9903-88-69", "www": "9903-88-70"}
# heading whose duty is excluded -> Section 301 list
LISTS = {"9903.88.01": "list-1", "9903.88.02": "list-2", "9903.88.03": "list-3", "9903.88.15": "list-4a"}
SOURCE = "github-yale-chapter99-2026-rev6"
# codes that stopped being the product's line before this day are not kept
OLDEST = dt.date(2024, 1, 1)
MONTHS = {
    m: i for i, m in enumerate("January February March April May June July August September October November December".split(), 1)
}

FURNITURE = re.compile(
    r"Harmonized Tariff Schedule of the United States|Annotated for Statistical Reporting|^\s*XXII\s*$"
    r"|^\s*99 ?- ?III ?- ?\d+\s*$|U\.S\. Notes \(con\.\)"
)
STAT = re.compile(r"\b(\d{4})\.(\d{2})\.(\d{4})\b")
DATE = re.compile(r"(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})")


def _date(m) -> dt.date:
    return dt.date(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))


def body(path: Path) -> str:
    """The text of notes 20(ttt) to 20(www) without page headers."""
    lines = path.read_text(encoding="latin-1").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("(ttt) (i) The U.S. Trade"))
    www = next(i for i, line in enumerate(lines) if line.startswith("(www) The U.S. Trade"))
    end = next(i for i in range(www, len(lines)) if re.match(r"^\(21\) \(a\)", lines[i]))
    return "\n".join(line.strip() for line in lines[start:end] if not FURNITURE.search(line)).replace("\u00b2", "2")


def blocks(text: str):
    """(note, subdivision, text) for each subdivision of the four notes."""
    marks = sorted(
        [
            (m.start(), m.group(1), m.group(2) or "")
            for m in re.finditer(r"^\((ttt|uuu|vvv|www)\)\s*(?:\((i|ii|iii|iv)\))?", text, re.M)
        ]
        + [(m.start(), None, m.group(1)) for m in re.finditer(r"^\((i|ii|iii|iv)\) The U\.S\. Trade", text, re.M)]
    )
    note = None
    for k, (pos, n, sub) in enumerate(marks):
        note = n or note
        yield note, sub, text[pos : marks[k + 1][0] if k + 1 < len(marks) else len(text)]


def codes(item: str) -> list[str]:
    """Statistical reporting numbers of an exclusion still in use on or after OLDEST: a clause
    'described in X prior to D' or '... through D' with D before OLDEST is dropped."""
    out = []
    for clause in re.split(r";|,\s*(?=described in)", item):
        end = None
        m = re.search(r"(?:prior to|through) " + DATE.pattern, clause)
        if m:
            end = _date(m)
        if end is not None and end <= OLDEST:
            continue
        out += ["".join(g) for g in STAT.findall(clause)]
    return list(dict.fromkeys(out))


def exclusions(text: str) -> list[dict]:
    rows = []
    for note, sub, blk in blocks(text):
        head, _, items = blk.partition("\n(1) ")
        flat = " ".join(head.split())
        excluded = re.search(r"additional duties (?:provided for in|imposed by) heading (9903\.88\.\d\d)", flat).group(1)
        list_id = f"us-301-excl-{NOTES[note]}-" + ("solar-equipment" if note == "www" else LISTS[excluded])
        parts = re.split(r"^\(\d+\) ", "(1) " + items, flags=re.M)[1:]
        for n, part in enumerate(parts, 1):  # numbered by position: the printed text repeats (180) once
            item = " ".join(part.split())
            found = codes(item)
            if not found:
                raise SystemExit(f"note 20({note})({sub}) item {n}: no statistical reporting number in {item[:80]!r}")
            line = bool(STAT.match(item))
            ref = f"20({note})" + (f"({sub})" if sub else "") + f"({n})"
            rows.append(
                {
                    "id": f"{list_id}-{n:03d}",
                    "list_id": list_id,
                    "note_ref": ref,
                    "heading": NOTES[note].replace("-", "."),
                    "excluded_heading": excluded,
                    "match": "line" if line else "description",
                    "codes": ";".join(found),
                    "description": "" if line else item,
                    "source_ids": SOURCE,
                }
            )
    return rows


def write(rows: list[dict]) -> None:
    with open(DATA / "product_exclusions.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    members = sorted({(r["list_id"], c) for r in rows for c in r["codes"].split(";")})
    path = DATA / "list_products.csv"
    with open(path, newline="", encoding="utf-8") as f:
        old = [tuple(r) for r in csv.reader(f)]
    kept = [r for r in old[1:] if not r[0].startswith("us-301-excl-")]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(old[0])
        w.writerows(sorted(kept + members, key=lambda r: r[0]))  # stable: codes keep their order
    for lid in sorted({r["list_id"] for r in rows}):
        n = sum(1 for m in members if m[0] == lid)
        k = sum(1 for r in rows if r["list_id"] == lid)
        print(f"{lid}: {k} exclusions, {n} codes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    write(exclusions(body(Path(sys.argv[1]))))
