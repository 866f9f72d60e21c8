"""Generate ``data/README.md`` from ``data/datapackage.json`` so the two never drift.

Run ``python -m truce.data.readme`` after changing a schema; ``checks/`` fails when they differ.
"""

from __future__ import annotations

from truce import data
from truce.paths import DATA_DIR

INTRO = """# Data

Tidy CSV files (UTF-8, ISO dates `YYYY-MM-DD`, one row per fact) declared in
[`datapackage.json`](datapackage.json) with a Table Schema each. `make check` validates every file
against its schema, resolves every `source_ids` entry in `sources.csv` and checks the extra rules
(dates in order, word limits). Data licence: CC BY 4.0.

This file is generated from `datapackage.json` by `python -m truce.data.readme`.
"""


def _rules(field: dict) -> str:
    c = field.get("constraints", {})
    rules = [k for k in ("required", "unique") if c.get(k)]
    if "enum" in c:
        rules.append("one of: " + ", ".join(c["enum"]))
    if "pattern" in c:
        rules.append("pattern `" + c["pattern"].replace("|", "\\|") + "`")
    rules += [f"{k} {c[k]}" for k in ("minimum", "maximum", "maxLength") if k in c]
    return "; ".join(rules)


def readme() -> str:
    out = [INTRO]
    for r in data.descriptor()["resources"]:
        out += [
            f"## `{r['path']}` — {r['title']}",
            "",
            r.get("description", ""),
            "",
            "| column | type | rules | meaning |",
            "|---|---|---|---|",
        ]
        out += [
            f"| `{f['name']}` | {f.get('type', 'string')} | {_rules(f)} | {f.get('description', '')} |"
            for f in r["schema"]["fields"]
        ]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    (DATA_DIR / "README.md").write_text(readme(), encoding="utf-8")
    print("wrote data/README.md")
