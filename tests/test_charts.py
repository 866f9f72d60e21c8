"""Static chart pictures: drawn at build time, sized, themed by CSS, safe to repeat on a page."""

from __future__ import annotations

import datetime as dt
import re

import altair as alt
import pandas as pd

from truce import charts
from truce.blocks import figure
from truce.charts import render

FRAME = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})


def _chart(params: bool = False) -> alt.Chart:
    chart = (
        alt.Chart(FRAME)
        .mark_line(color=charts.SIDE_COLOURS["US"], clip=True)
        .encode(x="x:Q", y="y:Q")
        .properties(
            title="A title long enough that a phone-width drawing must wrap it onto two lines",
            width="container",
            description="Three points.",
        )
    )
    return chart.add_params(alt.selection_interval(bind="scales")) if params else chart


def test_interactive_means_the_spec_declares_parameters():
    assert not charts.interactive(_chart().to_dict())
    assert charts.interactive(_chart(params=True).to_dict())
    assert charts.interactive({"layer": [{"mark": "point"}, {"params": [{"name": "p", "value": 1}]}]})


def test_static_svg_scales_hides_itself_and_prefixes_ids():
    svg = charts.static_svg(_chart().to_dict(), width=320, prefix="demo-narrow")
    assert svg.startswith("<svg") and 'aria-hidden="true"' in svg and "aspect-ratio" in svg
    assert not re.search(r'<svg[^>]* width="', svg), "fixed width left on the picture"
    ids = re.findall(r'\bid="([^"]+)"', svg)
    assert ids and all(i.startswith("demo-narrow-") for i in ids), ids
    assert all(ref.startswith("demo-narrow-") for ref in re.findall(r"url\(#([^)]+)\)", svg))
    assert "<rect" not in svg.split(">", 2)[1], "the picture paints its own background"
    assert svg.count("<tspan") >= 2 or svg.count("role-title-text") == 1


def test_embed_ships_the_live_spec_only_for_interactive_charts():
    kw = dict(table=FRAME, source="Test", as_of=dt.date(2026, 11, 29), csv_name="t.csv")
    static = figure.embed(_chart(), chart_id="s", **kw)
    live = figure.embed(_chart(params=True), chart_id="l", **kw)
    assert charts.LIVE_MARKER not in static and "application/json" not in static
    assert charts.LIVE_MARKER in live and "application/json" in live and "truce-chart-explore" in live
    for html in (static, live):
        assert html.count("truce-chart-static--") == len(render.STATIC_WIDTHS)


def test_wrap_splits_long_titles_only():
    assert render._wrap("short", 24) == "short"
    words = "one two three four five six seven eight nine ten"
    lines = render._wrap(words, 12)
    assert all(len(line) <= 12 for line in lines) and " ".join(lines).split() == words.split()


def test_pictures_are_files_named_by_content_in_both_themes(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "PICTURE_DIR", tmp_path)
    html = render.pictures_html(_chart().to_dict(), "demo")
    names = re.findall(re.escape(charts.PICTURE_URL) + r"([0-9a-f]+\.svg)", html)
    assert len(names) == 2 * len(render.STATIC_WIDTHS) == len(set(names))
    for name in names:
        assert (tmp_path / name).read_text(encoding="utf-8").startswith("<svg")
    light, dark = (tmp_path / names[0]).read_text(), (tmp_path / names[1]).read_text()
    assert charts.SIDE_COLOURS["US"] in light and charts.SIDE_COLOURS["US"] not in dark and "#56B4E9" in dark
    assert html == render.pictures_html(_chart().to_dict(), "demo")  # same chart, same files


def test_missing_picture_fails_the_build_with_the_fix(tmp_path):
    import importlib.util

    import pytest
    from mkdocs.exceptions import PluginError

    from truce.paths import ROOT

    spec = importlib.util.spec_from_file_location("notebooks_hook", ROOT / "hooks" / "notebooks.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "aa.svg").write_text("<svg/>", encoding="utf-8")
    hook.publish_pictures(tmp_path / "src", tmp_path / "site", {"aa.svg"})
    assert (tmp_path / "site" / "aa.svg").exists()
    with pytest.raises(PluginError, match="chart pictures missing .* bb.svg .* delete .cache and build again"):
        hook.publish_pictures(tmp_path / "src", tmp_path / "site", {"aa.svg", "bb.svg"})
