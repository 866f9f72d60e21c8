"""Notebook outputs stay true to the data: the execution cache is keyed on data and package."""

from __future__ import annotations

import csv
import importlib.util
import shutil
import subprocess

import pytest

from tests.conftest import strict_build
from truce.paths import ROOT

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def _load_hook():
    spec = importlib.util.spec_from_file_location("notebooks_hook", ROOT / "hooks" / "notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cache_key_changes_with_data_and_package(monkeypatch, tmp_path):
    hook = _load_hook()
    nb = tmp_path / "nb.py"
    nb.write_text("# %%\n1\n", encoding="utf-8")
    config = {k: "" for k in ("kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt",
                              "remove_tag_config", "highlight_extra_classes", "include_requirejs", "custom_mathjax_url", "toc_depth")}
    base = hook.cache_key(str(nb), config, True)
    assert base == hook.cache_key(str(nb), config, True)
    monkeypatch.setattr(hook, "data_fingerprint", lambda: "changed data")
    assert hook.cache_key(str(nb), config, True) != base
    monkeypatch.undo()
    monkeypatch.setattr(hook, "package_fingerprint", lambda: "changed package")
    assert hook.cache_key(str(nb), config, True) != base


@pytest.mark.slow
def test_csv_edit_changes_the_rebuilt_notebook_page(tmp_path):
    """Build, edit one event in data/events.csv, rebuild with the same cache: the chronology
    changes, markup in the data is escaped, and notebooks that do not read events.csv are not
    executed again."""
    repo = tmp_path / "repo"
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    first = strict_build(tmp_path / "site1", cwd=repo)
    assert first.returncode == 0, first.stderr[-3000:]
    page1 = (tmp_path / "site1" / "chronology" / "index.html").read_text(encoding="utf-8")

    path = repo / "data" / "events.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    rows[-1]["title"] = "Edited title for the cache test"
    rows[-1]["summary"] = EVIL
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    second = strict_build(tmp_path / "site2", cwd=repo)
    assert second.returncode == 0, second.stderr[-3000:]
    page2 = (tmp_path / "site2" / "chronology" / "index.html").read_text(encoding="utf-8")
    assert "Edited title for the cache test" in page2 and "Edited title for the cache test" not in page1
    # only the notebooks that declare events.csv were executed again
    log = second.stdout + second.stderr
    lines = [line.rstrip() for line in log.splitlines()]
    assert any("Cache hit" in line and line.endswith("docs/tariffs.py") for line in lines), "tariffs.py (no events data) was re-executed"
    assert any("Cache miss" in line and line.endswith("docs/chronology.py") for line in lines), "chronology.py was not re-executed"
    # markup in data files is escaped on every built page
    from bs4 import BeautifulSoup

    for html_path in (tmp_path / "site2").rglob("*.html"):
        soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select("img[onerror]"), f"{html_path}: unescaped <img onerror> from data"
        assert not [s for s in soup.find_all("script") if "alert(" in (s.string or "")], f"{html_path}: unescaped <script> from data"
    assert "&lt;img src=x onerror=alert(2)&gt;" in page2
