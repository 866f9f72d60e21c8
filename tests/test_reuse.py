"""Reuse and follow: chart downloads and embed pages, the data release, the Atom feeds and the
notebook downloads. Small fixtures written here; the last tests read the built site."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import altair as alt
import feedparser
import pandas as pd
import pytest

from truce import data
from truce.blocks import figure
from truce.site import downloads, feeds, release
from truce.site.release import RECORD_COMMAND

AS_OF = dt.date(2026, 12, 4)
TABLE = pd.DataFrame({"year": [2024, 2025], "rate": [20.5, 145.0], "note": ["a <b> & c", ""]})


def small_chart(title="Rates rose", params=False):
    chart = alt.Chart(TABLE, title=title, description="Rates by year").mark_line().encode(x="year:O", y="rate:Q")
    return chart.add_params(alt.selection_point()) if params else chart


# Charts ---------------------------------------------------------------------------------


def test_chart_block_links_to_stable_downloads_and_inlines_no_csv(tmp_path, monkeypatch):
    monkeypatch.setattr(figure, "KIT_DIR", tmp_path)
    out = figure.embed(small_chart(), chart_id="test-rates", table=TABLE, source="USTR <primary>", as_of=AS_OF)
    assert 'id="chart-test-rates"' in out and 'href="#chart-test-rates"' in out
    assert "data:text/csv" not in out
    for ext in ("csv", "svg", "png"):
        assert f'href="/downloads/charts/test-rates.{ext}" download' in out
    assert "&lt;iframe src=&quot;https://truce-tracker.github.io/embed/test-rates/&quot;" in out
    assert "USTR &lt;primary&gt;" in out and "<primary>" not in out


def test_chart_kit_holds_the_files_a_reader_downloads(tmp_path):
    figure.write_kit(small_chart().to_dict(), chart_id="test-rates", table=TABLE, source="USTR", as_of=AS_OF, kit_dir=tmp_path)
    folder = tmp_path / "test-rates"
    assert pd.read_csv(folder / "test-rates.csv").equals(TABLE.fillna("").replace("", float("nan")))
    svg = (folder / "test-rates.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)  # a standalone, well-formed SVG
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Source: USTR · data through 4 December 2026" in texts and "CC BY 4.0" in texts and "Rates rose" in texts
    assert (folder / "test-rates.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta == {
        "id": "test-rates",
        "title": "Rates rose",
        "description": "Rates by year",
        "source": "USTR",
        "as_of": "2026-12-04",
        "interactive": False,
    }
    assert not (folder / "spec.json").exists()


@pytest.mark.parametrize("chart_id", ["Rates", "rates_2025", "-rates", "rates--x", ""])
def test_chart_ids_are_checked(chart_id):
    with pytest.raises(ValueError) as err:
        figure.embed(small_chart(), chart_id=chart_id, table=TABLE, source="s", as_of=AS_OF)
    assert str(err.value) == f'chart id "{chart_id}": use lower-case letters, digits and hyphens (e.g. "headline-rates")'


def test_embed_page_is_minimal_and_links_back():
    meta = {
        "id": "test-rates",
        "title": "Rates <rose>",
        "description": "Rates by year",
        "source": "USTR",
        "as_of": "2026-12-04",
        "interactive": True,
    }
    page = figure.embed_page_html(meta, root="../../", page_url="tariffs/", spec_json='{"a":"</script>"}')
    assert '<meta name="viewport" content="width=device-width,initial-scale=1">' in page
    assert "<h1>Rates &lt;rose&gt;</h1>" in page and "data through 4 December 2026" in page and "CC BY 4.0" in page
    assert 'href="../../tariffs/#chart-test-rates" target="_top"' in page
    assert "s.src='../../assets/vendor/vega-bundle.js'" in page and "<\\/script>" in page
    assert "bundle." not in page.replace("vega-bundle.js", "") and "stylesheet" not in page
    static = figure.embed_page_html({**meta, "interactive": False}, root="../../", page_url="tariffs/")
    assert "<script" not in static


PICS = {"a": frozenset({"1111.svg"}), "b": frozenset({"2222.svg"})}


@pytest.mark.parametrize(
    "pages, messages",
    [
        ({"": {"x": PICS["a"]}, "series/": {"x": PICS["a"]}}, []),
        (
            {"series/": {"x": PICS["a"]}, "story/03/": {"x": PICS["b"]}},
            [
                'chart id "x" names 2 different charts (series/; story/03/) — give each chart its own chart_id= in the call to truce.blocks.figure.embed'
            ],
        ),
        (
            {"": {"x": PICS["a"]}, "tariffs/": {"x": PICS["b"]}},
            [
                'chart id "x" names 2 different charts (home page; tariffs/) — give each chart its own chart_id= in the call to truce.blocks.figure.embed'
            ],
        ),
    ],
)
def test_duplicate_chart_ids(pages, messages):
    assert downloads.duplicate_chart_ids(pages) == messages


def test_a_chart_id_used_twice_on_one_page_is_reported():
    html = (
        '<figure class="truce-chart-figure" id="chart-x"><img src="charts/' + "a" * 20 + '.svg"></figure>'
        '<figure id="chart-x" class="truce-chart-figure"><img src="charts/' + "b" * 20 + '.svg"></figure>'
    )
    charts = downloads.charts_on_page(html)
    assert list(charts) == ["x"]
    assert downloads.duplicate_chart_ids({"p/": charts}) == [
        'chart id "x" names 1 different charts (p/) — give each chart its own chart_id= in the call to truce.blocks.figure.embed'
    ]


def test_embed_pages_link_back_to_a_page_other_than_home():
    assert downloads.home_of_charts({"": {"x": PICS["a"]}, "series/": {"x": PICS["a"], "y": PICS["b"]}}) == {
        "x": "series/",
        "y": "series/",
    }


def test_publishing_a_chart_without_its_files_names_the_fix(tmp_path):
    with pytest.raises(downloads.PublishError) as err:
        downloads.publish_chart("gone", "tariffs/", tmp_path / "site", kit_dir=tmp_path)
    assert str(err.value) == (
        f"{tmp_path / 'gone'}: files of chart gone missing (gone.csv, gone.svg, gone.png, meta.json, picture.svg) "
        "— the notebook cache is older than the chart files; delete .cache/mkdocs-jupyter and build again"
    )


# Data release ---------------------------------------------------------------------------


def test_row_count_counts_records_not_lines():
    assert release.row_count(b'id,note\na,"two\nlines"\nb,x\n') == 2
    assert release.row_count(b"id,note\n") == 0


def test_manifest_and_checksums():
    m = release.manifest()
    assert m["release"] == f"{data.last_updated():%Y.%m.%d}" and re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", m["release"])
    names = [f["path"] for f in m["files"]]
    assert names[0] == "datapackage.json" and "events.csv" in names and len(names) == len(set(names))
    events = next(f for f in m["files"] if f["path"] == "events.csv")
    assert events["rows"] == len(data.load("events")) and events["schema"].endswith("data/datapackage.json#events")
    assert release.checksums_text(m).splitlines()[0] == f"{m['files'][0]['sha256']}  datapackage.json"


def _manifest(*files):
    return {"release": "2026.12.04", "data_checked": "2026-12-04", "files": [{"path": p, "sha256": h} for p, h in files]}


@pytest.mark.parametrize(
    "recorded, message",
    [
        (
            None,
            (
                "releases/2026.12.04.json: release 2026.12.04 (data checked 2026-12-04) is not recorded — "
                f"run `{RECORD_COMMAND}` and commit releases/2026.12.04.json"
            ),
        ),
        (
            '{"release": ',
            f"releases/2026.12.04.json:1:13: not valid JSON (Expecting value) — run `{RECORD_COMMAND}` to write it again",
        ),
        (
            json.dumps(_manifest(("events.csv", "old"), ("sources.csv", "s"))),
            (
                "releases/2026.12.04.json: the data changed since release 2026.12.04 was recorded (events.csv) — "
                f"run `{RECORD_COMMAND}` to record it again, or bump the sources' accessed date for a new release"
            ),
        ),
        (json.dumps(_manifest(("events.csv", "e"), ("sources.csv", "s"))), None),
    ],
)
def test_release_problems(tmp_path, recorded, message):
    if recorded is not None:
        (tmp_path / "2026.12.04.json").write_text(recorded, encoding="utf-8")
    problems = release.release_problems(_manifest(("events.csv", "e"), ("sources.csv", "s")), tmp_path)
    assert problems == ([message] if message else [])


def test_release_section_lists_past_releases():
    out = release.release_html(
        _manifest(("a.csv", "1")),
        [_manifest(("a.csv", "1")), {**_manifest(), "release": "2026.11.01", "data_checked": "2026-11-01"}],
    )
    assert "Current release: <strong>2026.12.04</strong>" in out and "sha256sum -c SHA256SUMS" in out
    assert '<a href="releases/2026.11.01/manifest.json">' in out and out.count("<tr><td>") == 2


# Feeds ----------------------------------------------------------------------------------

CHANGELOG = """# Changelog

Intro.

## 4 December 2026 — corrections

- **Correction**: a date fixed; see [the chronology](../chronology.py#x) and [home](../index.md).

## 1 November 2026 — first release

- Launch.
"""


def test_changes_feed_parses_with_one_entry_per_section():
    parsed = feedparser.parse(feeds.changes_atom("https://example.org/", CHANGELOG))
    assert not parsed.bozo and parsed.version == "atom10"
    assert [e.title for e in parsed.entries] == ["corrections", "first release"]
    assert parsed.entries[0].link == "https://example.org/about/changelog/#4-december-2026-corrections"
    assert parsed.entries[0].updated_parsed[:3] == (2026, 12, 4)
    content = parsed.entries[0].content[0].value
    assert 'href="https://example.org/chronology/#x"' in content and 'href="https://example.org/"' in content


@pytest.mark.parametrize(
    "link, url",
    [
        ("../chronology.py", "https://e.org/chronology/"),
        ("cite.md#a", "https://e.org/about/cite/#a"),
        ("../story/index.md", "https://e.org/story/"),
        ("../data/events.csv", "https://e.org/data/events.csv"),
        ("https://x.org/a.md", "https://x.org/a.md"),
        ("#top", "#top"),
    ],
)
def test_feed_links_are_absolute(link, url):
    assert feeds.absolute_links(f"see [it]({link}).", "https://e.org/") == f"see [it]({url})."


@pytest.mark.parametrize(
    "heading, line",
    [("## December 2026 — x", 3), ("## 4 Dec 2026 — x", 3), ("## 31 February 2026 — x", 3), ("## 4 December 2026 - x", 3)],
)
def test_changelog_headings_must_be_dated(heading, line):
    with pytest.raises(feeds.FeedError) as err:
        feeds.changelog_entries(f"# Changelog\n\n{heading}\n")
    assert str(err.value) == (
        f'docs/about/changelog.md:{line}: changelog heading "{heading}" is not "## <day> <Month> <year> — <what changed>" '
        '— write the date in full (e.g. "## 4 December 2026 — corrections") so the changes feed can date it'
    )


def test_events_feed_is_newest_first_and_links_to_the_chronology():
    checked = data.last_updated()
    table = pd.DataFrame(
        [
            {
                "id": "old",
                "date": dt.date(2025, 4, 2),
                "title": "Old <one>",
                "summary": "S.",
                "source_ids": (),
                "lever": "tariffs",
                "kind": "move",
            },
            {"id": "new", "date": checked, "title": "New", "summary": "S.", "source_ids": (), "lever": "talks", "kind": "move"},
            {
                "id": "ahead",
                "date": checked + dt.timedelta(days=30),
                "title": "Ahead",
                "summary": "S.",
                "source_ids": (),
                "lever": "talks",
                "kind": "deadline",
            },
        ]
    )
    parsed = feedparser.parse(feeds.events_atom("https://example.org/", table))
    assert not parsed.bozo
    assert [e.title for e in parsed.entries] == ["New", "Old <one>"]
    assert [e.link for e in parsed.entries] == ["https://example.org/chronology/#new", "https://example.org/chronology/#old"]


def test_feed_links_for_page_heads():
    assert feeds.atom_links("../") == (
        '<link rel="alternate feed" type="application/atom+xml" title="Truce Tracker: changes to the data and the story" href="../feeds/changes.xml">'
        '<link rel="alternate feed" type="application/atom+xml" title="Truce Tracker: US–China trade war and truce events" href="../feeds/events.xml">'
    )


# Notebooks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "src, expected",
    [
        ("tariffs.py", True),
        ("story/01-spiral.md", True),
        ("story/index.md", False),
        ("index.md", False),
        ("about/cite.md", False),
        ("assets/x.py", False),
    ],
)
def test_notebook_pages(src, expected):
    assert downloads.is_notebook_page(src) is expected


def test_notebook_box_escapes_the_code():
    box = downloads.notebook_box("story/01-spiral.md", ['print("<b>")', "x = 1"])
    assert '<a href="01-spiral.ipynb" download>Download this notebook</a>' in box
    assert "<summary>Show the code</summary>" in box and "print(&quot;&lt;b&gt;&quot;)\n\nx = 1" in box


# The built site -------------------------------------------------------------------------


def test_built_site_publishes_what_it_links(built_site: Path, html_pages):
    manifest = json.loads((built_site / "data/manifest.json").read_text(encoding="utf-8"))
    for f in manifest["files"]:
        assert (built_site / "data" / f["path"]).stat().st_size == f["bytes"]
    assert (built_site / f"data/releases/{manifest['release']}/manifest.json").is_file()
    assert json.loads((built_site / "figures.json").read_text(encoding="utf-8"))["release"] == manifest["release"]
    for path in ("feeds/changes.xml", "feeds/events.xml"):
        assert not feedparser.parse((built_site / path).read_bytes()).bozo
    for name, page in html_pages.items():
        if name.removeprefix("zh/").startswith("embed/") or name.removeprefix("zh/") == "404.html":
            continue
        assert '<link rel="alternate feed" type="application/atom+xml"' in page, name
        assert f">{manifest['release']}</a>" in page, name
        for cid in downloads.charts_on_page(page):
            for ext in ("csv", "svg", "png"):
                assert (built_site / f"downloads/charts/{cid}.{ext}").is_file(), (name, cid)
            assert (built_site / f"embed/{cid}/index.html").is_file(), (name, cid)
    for src in downloads.notebook_pages():
        folder = Path(src).with_suffix("")
        assert (built_site / folder / downloads.ipynb_name(src)).is_file()
        assert "Show the code" in html_pages[f"{folder.as_posix()}/index.html"]


def _figures(html: str) -> dict[str, frozenset[str]]:
    return downloads.charts_on_page(html)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """One Python kernel for every downloaded notebook, as ``make serve``'s environment starts it.
    Each notebook runs in it after its namespace is emptied (``%reset -f``) and in a folder of its
    own, so a notebook that needs a name it does not define or import itself still fails; modules
    already imported (and the package's memoised results) are shared, which saves a kernel start
    and the same computations per notebook."""
    from nbclient import NotebookClient
    from nbformat.v4 import new_notebook

    starter = NotebookClient(new_notebook(), kernel_name="python3")
    km = starter.create_kernel_manager()
    starter.start_new_kernel(cwd=str(tmp_path_factory.mktemp("kernel")))
    yield km
    starter._cleanup_kernel()


@pytest.mark.parametrize("src", downloads.notebook_pages())
def test_downloaded_notebook_runs_and_draws_the_site_charts(src, built_site, html_pages, tmp_path, kernel):
    """Each downloaded notebook, run in a fresh folder and an emptied namespace of a kernel with
    the project's environment (what ``make serve`` sets up), draws the same charts (same
    pictures) as the published page."""
    import nbformat
    from nbclient import NotebookClient

    folder = Path(src).with_suffix("")
    nb = nbformat.reads((built_site / folder / downloads.ipynb_name(src)).read_text(encoding="utf-8"), as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(f"%reset -f\nimport os\nos.chdir({str(tmp_path)!r})\ndel os"))
    NotebookClient(nb, km=kernel, timeout=300, kernel_name="python3").execute()
    outputs = "".join(
        o.get("data", {}).get("text/html", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )
    assert _figures(outputs) == _figures(html_pages[f"{folder.as_posix()}/index.html"])
