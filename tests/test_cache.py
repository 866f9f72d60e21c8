"""Notebook outputs stay true to the data: the execution cache is keyed on the data each notebook
declares and on the package.

The end-to-end test builds a small fixture site twice (two notebook pages on a data package of a
few rows, written in a temporary folder, with the site's own notebook and citation hooks), edits
one CSV row in between, and reads what the second build re-executed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import time

import pytest
from bs4 import BeautifulSoup

from checks.conftest import EVENTS, SOURCES, write_package
from tests.conftest import strict_build
from truce import paths
from truce.paths import ROOT

MONTHS = "month,checked_on,result,note\n2025-05,2026-12-04,events-found,\n"

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"
# the settings mkdocs-jupyter passes to its cache key
JUPYTER_CONFIG = dict.fromkeys(
    (
        "kernel_name",
        "theme",
        "allow_errors",
        "show_input",
        "no_input",
        "no_prompt",
        "remove_tag_config",
        "highlight_extra_classes",
        "include_requirejs",
        "custom_mathjax_url",
        "toc_depth",
    ),
    "",
)


def _load_hook():
    """The module that keys mkdocs-jupyter's cache (installed by hooks/notebooks.py)."""
    from truce.site import jupyter_adapter

    return jupyter_adapter


def _notebook(path, data: str, code: str, prose: str = "# # Page\n"):
    path.write_text(
        textwrap.dedent(f"""\
        # ---
        # jupyter:
        #   kernelspec:
        #     display_name: Python 3
        #     language: python
        #     name: python3
        #   truce:
        #     data: [{data}]
        # ---

        # %% [markdown]
        """)
        + prose
        + "\n# %%\n"
        + textwrap.dedent(code),
        encoding="utf-8",
    )
    return path


def test_cache_key_changes_with_data_and_package(monkeypatch, tmp_path):
    hook = _load_hook()
    nb = tmp_path / "nb.py"
    nb.write_text("# %%\n1\n", encoding="utf-8")
    base = hook.cache_key(str(nb), JUPYTER_CONFIG, True)
    assert base == hook.cache_key(str(nb), JUPYTER_CONFIG, True)
    monkeypatch.setattr(hook, "data_fingerprint", lambda: "changed data")
    assert hook.cache_key(str(nb), JUPYTER_CONFIG, True) != base
    monkeypatch.undo()
    monkeypatch.setattr(hook, "package_fingerprint", lambda: "changed package")
    assert hook.cache_key(str(nb), JUPYTER_CONFIG, True) != base


def test_cache_key_follows_only_declared_data(tmp_path, monkeypatch):
    hook = _load_hook()
    path = _notebook(tmp_path / "nb.py", "events", "from truce.analysis import events\n_ = events.events()\n")
    seen = []
    monkeypatch.setattr(hook, "data_fingerprint", lambda resources=None: seen.append(resources) or "x")
    hook.cache_key(str(path), JUPYTER_CONFIG, True)
    assert seen == [["events"]]


FIXTURE_CONFIG = """\
site_name: Cache fixture
theme: mkdocs
nav:
  - Events: events.py
  - Sources: sources.py
markdown_extensions:
  - footnotes
plugins:
  - mkdocs-jupyter:
      include: ["*.py"]
      execute: true
      allow_errors: false
      no_input: true
      include_requirejs: false
      cache: true
hooks:
  - {root}/hooks/notebooks.py
  - {root}/hooks/citations.py
"""


@pytest.fixture
def fixture_site(tmp_path):
    """A two-page site on a small data package: events.py reads the events, sources.py only the
    sources."""
    site = tmp_path / "fixture"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text(FIXTURE_CONFIG.format(root=ROOT.as_posix()), encoding="utf-8")
    _notebook(
        site / "docs" / "events.py",
        "events",
        """\
        from IPython.display import HTML
        from truce.blocks import chronology

        HTML(chronology.page())
        """,
        prose="# # Events\n#\n# Geneva came first.[@wh-test]\n",
    )
    _notebook(
        site / "docs" / "sources.py",
        "",
        """\
        from IPython.display import HTML
        from truce import data

        HTML(f"<p>{len(data.sources())} sources</p>")
        """,
    )
    write_package(site / "data", {"sources": SOURCES, "events": EVENTS, "months_checked": MONTHS})
    # the Vega bundle takes seconds to generate: reuse the main build's (the hook checks its stamp)
    bundle = ROOT / ".cache" / "vega-bundle.js"
    if bundle.is_file():
        (site / ".cache").mkdir()
        shutil.copyfile(bundle, site / ".cache" / "vega-bundle.js")
    return site


def _cache_log(result) -> dict[str, str]:
    """Which notebooks the build took from the cache ("hit") or executed ("miss")."""
    out = {}
    for line in (result.stdout + result.stderr).splitlines():
        for word in ("hit", "miss"):
            if f"Cache {word}" in line:
                out[line.rstrip().rsplit("/", 1)[-1]] = word
    return out


def test_csv_edit_reexecutes_only_the_notebooks_that_read_it(fixture_site, tmp_path):
    """Build, edit one event, rebuild with the same cache: the events page shows the edit with its
    markup escaped, and the page that does not read events.csv comes from the cache."""

    def build(name):
        result = strict_build(
            tmp_path / name, cwd=fixture_site, config=fixture_site / "mkdocs.yml", TRUCE_DATA_DIR=str(fixture_site / "data")
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        return result

    first = build("site1")
    assert _cache_log(first) == {"events.py": "miss", "sources.py": "miss"}
    events = fixture_site / "data" / "events.csv"
    events.write_text(
        EVENTS.replace("Geneva joint statement,Both sides cut tariffs for 90 days.", f'Edited title,"{EVIL}"'), encoding="utf-8"
    )
    second = build("site2")
    assert _cache_log(second) == {"events.py": "miss", "sources.py": "hit"}

    page1 = (tmp_path / "site1" / "events" / "index.html").read_text(encoding="utf-8")
    page2 = (tmp_path / "site2" / "events" / "index.html").read_text(encoding="utf-8")
    assert "Edited title" in page2 and "Edited title" not in page1
    assert "&lt;img src=x onerror=alert(2)&gt;" in page2
    for html_path in (tmp_path / "site2").rglob("*.html"):
        soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select("img[onerror]"), f"{html_path}: unescaped <img onerror> from data"
        scripts = [s for s in soup.find_all("script") if "alert(" in (s.string or "")]
        assert not scripts, f"{html_path}: unescaped <script> from data"
    # the citation hook ran on the notebook's prose
    assert 'href="#fn:cite-1"' in page2


# Results kept on disk between processes (.cache/data, .cache/figures, .cache/drawings) ---------


def test_kept_tables_never_hide_a_broken_edit(tmp_path, monkeypatch):
    """The validated tables are kept under the data's fingerprint: once a file is edited the
    package is validated again, so a malformed row fails even though the old state was kept."""
    import importlib

    from truce import data, paths

    load = importlib.import_module("truce.data.load")
    root = write_package(tmp_path / "data", {"sources": SOURCES, "events": EVENTS})
    monkeypatch.setattr(load, "DATA_DIR", root)
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "cache")
    load._load_all.cache_clear()
    rows = len(data.load("events", root))
    kept = list((tmp_path / "cache" / "data").glob("*.pickle"))
    assert len(kept) == 1, "the validated tables of this state are kept"

    events = root / "events.csv"
    events.write_text(events.read_text(encoding="utf-8") + "not-a-date,x\n", encoding="utf-8")
    load._load_all.cache_clear()
    with pytest.raises(data.DataError, match=rf"events\.csv:{rows + 2}"):
        data.load("events", root)

    # a kept file that cannot be read is worked out again, not trusted
    events.write_text(textwrap.dedent(EVENTS), encoding="utf-8")
    kept[0].write_bytes(b"half-written")
    load._load_all.cache_clear()
    assert len(data.load("events", root)) == rows
    load._load_all.cache_clear()


def test_a_kept_result_is_keyed_on_everything_it_names(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path)
    a, b = paths.memo_file("k", "state-1", "v1"), paths.memo_file("k", "state-1", "v2")
    assert a != b and a.parent == b.parent == tmp_path / "k"
    assert paths.read_memo(a) is None
    paths.write_memo(a, {"x": 1})
    assert paths.read_memo(a) == {"x": 1} and paths.read_memo(b) is None
    for i in range(paths.MEMOS_KEPT + 3):  # only the newest of a kind stay
        paths.write_memo(paths.memo_file("k", str(i)), i)
    assert len(list((tmp_path / "k").glob("*.pickle"))) == paths.MEMOS_KEPT


WORK_OUT_ONCE = """
import sys, time
from pathlib import Path
from truce import paths

paths.CACHE_DIR = Path(sys.argv[1])
log = Path(sys.argv[2])

def make():
    with log.open("a") as fh:
        fh.write("worked out\\n")
    time.sleep(1.0)  # long enough for the other process to ask meanwhile
    return 42

print(paths.kept_result("shared", ("one key",), make, accept=lambda v: v == 42))
"""


NEEDS_LOCKS = pytest.mark.skipif(paths.fcntl is None, reason="no POSIX file locks on this system")


@NEEDS_LOCKS
def test_a_result_asked_for_by_two_processes_at_once_is_worked_out_once(tmp_path):
    """Two processes start on a cold cache together (as the build's two editions and the test
    workers do): the second waits for the first and takes its copy."""
    log = tmp_path / "log.txt"
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", WORK_OUT_ONCE, str(tmp_path / "cache"), str(log)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=60)[0].strip() for run in runs]
    assert outputs == ["42", "42"]
    assert log.read_text().splitlines() == ["worked out"]


@NEEDS_LOCKS
def test_a_process_that_waits_too_long_works_the_result_out_itself(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path)
    lock = paths.memo_file("shared", "k").with_suffix(".lock")
    lock.parent.mkdir(parents=True)
    monkeypatch.setattr(paths, "LOCK_WAIT_S", 0.3)
    with lock.open("a") as held:  # another holder that never lets go (a separate open file)
        paths.fcntl.flock(held, paths.fcntl.LOCK_EX)
        start = time.monotonic()
        assert paths.kept_result("shared", ("k",), lambda: "mine", accept=lambda v: isinstance(v, str)) == "mine"
        assert 0.3 <= time.monotonic() - start < 5


def test_the_editions_share_figure_values_and_write_them_each_in_their_own_words(tmp_path, monkeypatch):
    """A figure's value is worked out once for both editions (kept under the state of the data
    and the package alone); each edition's figure links write it in their own words."""
    import datetime as dt

    from truce import i18n
    from truce.figures import registry

    calls = []

    def compute():
        calls.append(i18n.current())
        return registry.Result(4.5, as_of=dt.date(2026, 12, 1))

    fig = registry.Figure(id="test-charge", compute=compute, unit="usd_bn", definition="a test figure", decimals=1)
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path)
    monkeypatch.setattr(registry, "registry", lambda: {fig.id: fig})
    monkeypatch.setattr(registry, "build_state", lambda: ("a state of the data", "a state of the package"))
    registry._evaluated.cache_clear()
    try:
        monkeypatch.setenv(i18n.ENV, "en")
        english = registry.evaluate_all()[fig.id]
        monkeypatch.setenv(i18n.ENV, "zh")
        chinese = registry.evaluate_all()[fig.id]
    finally:
        registry._evaluated.cache_clear()
    assert calls == ["en"]
    assert english.text == chinese.text == "$4.5 billion"
    assert chinese.spelled(lang="zh") == "45亿美元"
    assert english.value == chinese.value == 4.5 and english.as_of == chinese.as_of
