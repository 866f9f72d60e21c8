"""The package is layered by stage, and imports only point down the stack:

    paths, labels  →  data  →  analysis  →  figures, charts  →  blocks  →  site

A module may import from its own stage and from the stages to its left; nothing in ``truce``
imports ``hooks`` or ``tools``. ``README.md`` (Architecture) says the same in prose.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from truce.paths import PACKAGE_DIR

# stage of each top-level name in truce, and the stages each stage may import from
STAGES = {"paths": 0, "i18n": 0, "labels": 0, "data": 1, "analysis": 2, "figures": 3, "charts": 3, "blocks": 4, "site": 5}
# figures and charts sit side by side: neither imports the other
SIDE_BY_SIDE = {("figures", "charts"), ("charts", "figures")}


def _stage_of(parts: list[str]) -> str | None:
    return parts[0] if parts and parts[0] in STAGES else None


def layer_violations(package_dir: Path) -> list[str]:
    """``file:line: <stage> imports <module> from a later stage — …`` for every import that points up."""
    problems = []
    for path in sorted(package_dir.rglob("*.py")):
        rel = path.relative_to(package_dir)
        own = _stage_of(list(rel.with_suffix("").parts))
        if own is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] in ("hooks", "tools"):
                    problems.append(
                        f"{package_dir.name}/{rel}:{node.lineno}: imports {name} — the package never imports hooks or tools"
                    )
                    continue
                if parts[0] != package_dir.name:
                    continue
                other = _stage_of(parts[1:])
                if other is None:
                    continue
                if STAGES[other] > STAGES[own] or (own, other) in SIDE_BY_SIDE:
                    problems.append(
                        f"{package_dir.name}/{rel}:{node.lineno}: {own} imports {name} from a later or sibling stage "
                        f"({other}) — move the shared code down to {own} or an earlier stage"
                    )
    return sorted(set(problems))


def test_imports_point_down_the_stack():
    problems = layer_violations(PACKAGE_DIR)
    assert not problems, "\n".join(problems)


def test_every_module_belongs_to_a_stage():
    loose = [p.name for p in PACKAGE_DIR.glob("*.py") if p.stem not in STAGES and p.stem != "__init__"]
    assert not loose, f"modules outside the stages: {loose} — put each in the stage that matches its job"


@pytest.mark.parametrize(
    "module,source,expected",
    [
        (
            "data/load.py",
            "from truce.analysis import tariffs\n",
            "truce/data/load.py:1: data imports truce.analysis from a later or sibling stage (analysis)",
        ),
        (
            "charts/x.py",
            "from truce.figures import registry\n",
            "truce/charts/x.py:1: charts imports truce.figures from a later or sibling stage (figures)",
        ),
        (
            "analysis/x.py",
            "import hooks.figures\n",
            "truce/analysis/x.py:1: imports hooks.figures — the package never imports hooks or tools",
        ),
    ],
)
def test_an_upward_import_is_reported(tmp_path, module, source, expected):
    package = tmp_path / "truce"
    (package / module).parent.mkdir(parents=True)
    (package / module).write_text(source, encoding="utf-8")
    assert any(p.startswith(expected) for p in layer_violations(package)), layer_violations(package)


def test_a_downward_import_passes(tmp_path):
    package = tmp_path / "truce"
    (package / "blocks").mkdir(parents=True)
    (package / "blocks" / "x.py").write_text("from truce.charts import render\nfrom truce.data import load\n", encoding="utf-8")
    assert layer_violations(package) == []
