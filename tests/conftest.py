"""Fixtures for the code and site tests: one strict build per session, shared by the HTML and
browser tests.

The build starts in the background as soon as collection shows that a test needs it, and the
checks run meanwhile; the tests of this folder wait for it (see ``_after_the_build``), those that
need the site last. ``make test`` runs the tests in one worker process
per core (pytest-xdist): the workers share one build.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
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


def _shared_dir(config) -> Path | None:
    """With pytest-xdist, the folder the controller made for the one build all workers share."""
    return Path(config.workerinput["truce_build_dir"]) if hasattr(config, "workerinput") else None


def pytest_configure(config):
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        config.truce_build_dir = tempfile.mkdtemp(prefix="truce-build-")  # the controller's
    if not hasattr(config, "workerinput") and _whole_folder_asked_for(config):
        _start_build(config)  # at once: collecting takes seconds the build can use


def _whole_folder_asked_for(config) -> bool:
    """Whether the run asks for this whole folder (``make test``), so some test certainly needs
    the site: the build then starts before the tests are collected, not after."""
    if config.option.collectonly or config.option.keyword or config.option.markexpr:
        return False
    here = Path(__file__).parent.resolve()
    return any(Path(arg).resolve() == here for arg in config.args)


def pytest_configure_node(node):  # controller side of pytest-xdist: hand each worker the folder
    node.workerinput["truce_build_dir"] = node.config.truce_build_dir


def pytest_unconfigure(config):
    if getattr(config, "truce_build_dir", None):
        shutil.rmtree(config.truce_build_dir, ignore_errors=True)


def _start_build(config) -> None:
    """Start the strict build in the background. Under pytest-xdist the first worker that needs
    the site starts it (it claims ``started`` in the shared folder) and every worker waits for
    its exit status in ``status``; alone, the run owns a folder of its own. The controller of a
    ``make test`` run starts it before the workers exist (see :func:`pytest_configure`)."""
    if _build:
        return  # started already in this process
    shared = _shared_dir(config) or (Path(config.truce_build_dir) if hasattr(config, "truce_build_dir") else None)
    out = shared or Path(tempfile.mkdtemp(prefix="truce-build-"))
    _build.update(out=out, site=out / "site", status=out / "status", log=out / "build.log", shared=bool(shared))
    if shared:
        try:
            os.close(os.open(out / "started", os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return  # another worker is building it
    command = " ".join(shlex.quote(c) for c in strict_build_command(out / "site"))
    _build.update(
        started=time.monotonic(),
        proc=subprocess.Popen(
            [
                "sh",
                "-c",
                f'{command} > "$1/build.log" 2>&1; echo $? > "$1/status.tmp"; mv "$1/status.tmp" "$1/status"',
                "sh",
                str(out),
            ],
            cwd=ROOT,
            env=build_env(),
            start_new_session=True,
        ),
    )


def _needs_site(item) -> bool:
    return "built_site" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(session, config, items):
    """The checks run first, while the site builds; then the tests of this folder, those that
    need the built site last."""
    here = Path(__file__).parent
    items.sort(key=lambda item: (item.path.is_relative_to(here), _needs_site(item)))  # stable


def pytest_collection_finish(session):
    if not session.config.option.collectonly and any(_needs_site(item) for item in session.items):
        _start_build(session.config)


def pytest_sessionfinish(session, exitstatus):
    proc = _build.get("proc")
    if proc is not None and proc.poll() is None:  # the run was cut short: stop the build
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    if _build and not _build["shared"]:
        shutil.rmtree(_build["out"], ignore_errors=True)


def _wait_for_build() -> str:
    """Wait for the background build to end; its exit status."""
    status, deadline = _build["status"], time.monotonic() + BUILD_TIMEOUT_S
    while not status.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"strict build did not finish in {BUILD_TIMEOUT_S} s")
        time.sleep(0.2)
    return status.read_text().strip()


@pytest.fixture(autouse=True)
def _after_the_build(request):
    """While the strict build runs, the tests of this folder wait for it: the build leaves the
    results that are kept between processes (validated tables, figures, chart drawings) in
    ``.cache``, so each is worked out once instead of twice on the same cores. The checks run in
    the meantime. Run without the site tests, nothing waits."""
    if _build and "built_site" not in request.fixturenames:
        _wait_for_build()


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    """The site built by `mkdocs build --strict` (started when collection finished)."""
    if not _build:  # collected without the hook (e.g. a plugin reordered items): build now
        _start_build(request.config)
    status = _wait_for_build()
    output = _build["log"].read_text(encoding="utf-8")
    assert status == "0", f"strict build failed:\n{output[-6000:]}"
    if "started" in _build:
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


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright, for the tests of one module (it is closed
    before the next module runs: the notebook tests run an event loop of their own). Missing, it
    skips the tests that need it, except under CI=true, where it fails them."""
    from tools.chromium import ARGS, PATH

    if not os.path.exists(PATH):
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but no Chromium at {PATH}: .ci/run must install Debian's chromium", pytrace=False)
        pytest.skip(f"no Chromium at {PATH}: install Debian's chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=PATH, args=["--headless=new", *ARGS])
        yield launched
        launched.close()
