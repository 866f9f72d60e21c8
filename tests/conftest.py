"""Fixtures for the code and site tests: one strict build per session, shared by the HTML and
browser tests.

The build starts in the background as soon as collection shows that a test needs it, so it runs
on one core while the checks and unit tests run on the other (the tests that need the site are
moved to the end of the run); the first of them waits for the build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from truce.paths import ROOT

BUILD_TIMEOUT_S = 900
_build: dict = {}


def strict_build_command(site_dir: Path, config: Path | None = None) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        str(site_dir),
        *(["--config-file", str(config)] if config else []),
    ]


def build_env(**extra: str) -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", **extra)


def strict_build(site_dir: Path, cwd: Path = ROOT, config: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    """Run a strict build to completion."""
    return subprocess.run(
        strict_build_command(site_dir, config),
        cwd=cwd,
        env=build_env(**env),
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )


def _start_build() -> None:
    out = Path(tempfile.mkdtemp(prefix="truce-build-"))
    log = (out / "build.log").open("w", encoding="utf-8")
    _build.update(
        out=out,
        site=out / "site",
        log=log,
        started=time.monotonic(),
        proc=subprocess.Popen(
            strict_build_command(out / "site"), cwd=ROOT, env=build_env(), stdout=log, stderr=subprocess.STDOUT, text=True
        ),
    )


def _needs_site(item) -> bool:
    return "built_site" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(session, config, items):
    """Tests that need the built site run last, so everything else runs while it builds."""
    items.sort(key=_needs_site)  # stable: the order within each group is kept


def pytest_collection_finish(session):
    if not session.config.option.collectonly and any(_needs_site(item) for item in session.items):
        _start_build()


def pytest_sessionfinish(session, exitstatus):
    if _build:
        if _build["proc"].poll() is None:
            _build["proc"].kill()
            _build["proc"].wait()
        _build["log"].close()
        shutil.rmtree(_build["out"], ignore_errors=True)


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The site built by `mkdocs build --strict` (started when collection finished)."""
    if not _build:  # collected without the hook (e.g. a plugin reordered items): build now
        _start_build()
    proc = _build["proc"]
    try:
        proc.wait(timeout=BUILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"strict build did not finish in {BUILD_TIMEOUT_S} s")
    _build["log"].flush()
    output = (_build["out"] / "build.log").read_text(encoding="utf-8")
    assert proc.returncode == 0, f"strict build failed:\n{output[-6000:]}"
    print(f"\nstrict build: {time.monotonic() - _build['started']:.1f} s (started in the background)")
    return _build["site"]


@pytest.fixture(scope="session")
def html_pages(built_site) -> dict[str, str]:
    """Every built HTML page by its path in the site."""
    return {p.relative_to(built_site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(built_site.rglob("*.html"))}


@pytest.fixture(scope="session")
def soups(html_pages) -> dict[str, BeautifulSoup]:
    """Every built page parsed once (tests read these trees, never change them)."""
    return {name: BeautifulSoup(text, "html.parser") for name, text in html_pages.items()}
