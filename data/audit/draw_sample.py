"""Draw the audit sample: a seeded, stratified random sample of data rows.

Usage (from the repository root):

    python data/audit/draw_sample.py [--seed 20261204] [--size 105]

Prints one line per sampled row: file and row id (the file's primary key, joined with "|").
The draw depends only on the seed, the size and the rows in data/*.csv, so anyone can repeat it
on the same commit. Standard library only.
"""

import argparse
import csv
import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
# Files that must contribute at least MIN_ROWS rows whatever their size.
REQUIRED = [
    "events.csv",
    "tariff_measures.csv",
    "commitments.csv",
    "quoted_rates.csv",
    "chip_actions.csv",
    "damage_estimates.csv",
    "soybeans.csv",
    "trade_monthly.csv",
    "rare_earth_magnets.csv",
    "quotes.csv",
]
MIN_ROWS = 3
# sources.csv is the bibliography, not a table of facts; it is audited through the rows that cite it.
SKIP = {"sources.csv"}


def population() -> dict[str, list[str]]:
    """Row ids per file, in file order. events.csv is limited to 2025-2026 rows."""
    desc = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    rows = {}
    for res in desc["resources"]:
        if res["path"] in SKIP:
            continue
        key = res["schema"]["primaryKey"]
        with open(DATA / res["path"], encoding="utf-8", newline="") as f:
            records = list(csv.DictReader(f))
        if res["path"] == "events.csv":
            records = [r for r in records if r["date"][:4] in ("2025", "2026")]
        rows[res["path"]] = ["|".join(r[k] for k in key) for r in records]
    return rows


def quotas(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Proportional allocation (largest remainder), then raised to MIN_ROWS for REQUIRED files."""
    n = sum(sizes.values())
    exact = {f: total * s / n for f, s in sizes.items()}
    q = {f: int(x) for f, x in exact.items()}
    for f in sorted(exact, key=lambda f: (-(exact[f] - q[f]), f))[: total - sum(q.values())]:
        q[f] += 1
    for f in REQUIRED:
        q[f] = min(sizes[f], max(q[f], MIN_ROWS))
    return q


def draw(seed: int, size: int) -> list[tuple[str, str]]:
    rows = population()
    q = quotas({f: len(ids) for f, ids in rows.items()}, size)
    rng = random.Random(seed)
    sample = []
    for f in sorted(rows):
        picked = set(rng.sample(range(len(rows[f])), q[f]))
        sample += [(f, rows[f][i]) for i in sorted(picked)]
    return sample


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20261204)
    ap.add_argument("--size", type=int, default=105)
    args = ap.parse_args()
    for f, row_id in draw(args.seed, args.size):
        print(f"{f},{row_id}")
