"""Fixtures for the code and site tests: one strict build per session, shared by the HTML
and browser tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from truce.paths import ROOT


def strict_build(site_dir: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("build") / "site"
    started = time.monotonic()
    result = strict_build(site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    print(f"\nstrict build: {time.monotonic() - started:.1f} s")
    return site


@pytest.fixture(scope="session")
def html_pages(built_site) -> dict[str, str]:
    return {p.relative_to(built_site).as_posix(): p.read_text(encoding="utf-8") for p in built_site.rglob("*.html")}
