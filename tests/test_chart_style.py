"""Every chart on the site, as readers see it: text at least 12 px as displayed on a phone and on
a desktop, no text outside the picture, and a chart's data exactly the data it was given.

The charts are found by walking the page blocks: every public block function of the chart
pages that takes no required argument is called, with :func:`embed` and the chart functions it
uses watched, so a chart added to a page is checked without being listed here.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import inspect
import math

import altair as alt
import pandas as pd
import pytest

from truce.charts import check, render
from truce.charts.render import STATIC_WIDTHS, chart_data, spec, static_svg

BLOCK_MODULES = ("story", "series", "tariffs", "chronology", "explainer")


# blocks that the site also calls with arguments (the home page's headline chart starts in 2025)
EXTRA_CALLS = (("tariffs", "headline_chart", {"start": dt.date(2025, 1, 1), "chart_id": "home-headline"}),)


def _block_functions():
    for name in BLOCK_MODULES:
        module = importlib.import_module(f"truce.blocks.{name}")
        for fname, fn in vars(module).items():
            if fname.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != module.__name__:
                continue
            params = inspect.signature(fn).parameters.values()
            if any(p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
                continue
            if "embed(" in inspect.getsource(fn) or fname.endswith(("_chart", "_block", "_blocks")):
                yield module, fname, {}
    for name, fname, kwargs in EXTRA_CALLS:
        yield importlib.import_module(f"truce.blocks.{name}"), fname, kwargs


def _chart_function(fn) -> bool:
    return (
        inspect.isfunction(fn)
        and fn.__module__.startswith("truce.charts.")
        and fn.__module__ not in ("truce.charts.render", "truce.charts.style", "truce.charts.check")
    )


@functools.lru_cache(maxsize=1)
def site_charts() -> tuple[list[dict], list[dict]]:
    """(embedded charts: chart_id, chart; chart-function calls: name, frames, chart), from every block."""
    embedded, calls = [], []
    patches = []

    def watch_chart(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            chart = fn(*args, **kwargs)
            frames = [a for a in args if isinstance(a, pd.DataFrame)]
            calls.append({"name": f"{fn.__module__}.{fn.__name__}", "frames": frames, "chart": chart})
            return chart

        return wrapper

    def watch_embed(fn):
        @functools.wraps(fn)
        def wrapper(chart, **kwargs):
            embedded.append({"chart_id": kwargs["chart_id"], "chart": chart, "as_of": kwargs["as_of"]})
            return fn(chart, **kwargs)

        return wrapper

    modules = [importlib.import_module(f"truce.blocks.{m}") for m in BLOCK_MODULES]
    chart_modules = {
        importlib.import_module(f"truce.charts.{m}")
        for m in ("tariffs", "soybeans", "rare_earths", "chips", "damage", "trade", "events", "model")
    }
    for module in [*modules, *chart_modules]:
        for name, value in list(vars(module).items()):
            if name == "embed" and module in modules:
                patches.append((module, name, value))
                setattr(module, name, watch_embed(value))
            elif _chart_function(value) and not name.startswith("_") and name[0].islower() and "chart" in _returns(value):
                patches.append((module, name, value))
                setattr(module, name, watch_chart(value))
    try:
        for module, fname, kwargs in _block_functions():
            getattr(module, fname)(**kwargs)
    finally:
        for module, name, value in reversed(patches):
            setattr(module, name, value)
    return embedded, calls


def _returns(fn) -> str:
    return str(inspect.signature(fn).return_annotation).lower()


def _pictures():
    embedded, _ = site_charts()
    for item in embedded:
        vl = spec(item["chart"])
        for name, width in STATIC_WIDTHS.items():
            yield item["chart_id"], name, static_svg(vl, width=width, prefix=f"{item['chart_id']}-{name}")


def test_the_walk_finds_every_chart_page_block():
    embedded, calls = site_charts()
    ids = {e["chart_id"] for e in embedded}
    assert {
        "spiral-rates",
        "headline-rates",
        "magnet-exports",
        "chip-percentages",
        "soybean-arrivals",
        "moves-per-month",
        "model-strategies",
        "home-headline",
    } <= ids, ids
    assert len(embedded) >= 28 and len(calls) >= 20


def test_every_chart_spec_is_valid_vega_lite():
    """The build draws charts without Altair's schema check; here every chart on the site passes it."""
    embedded, _ = site_charts()
    problems = []
    for item in embedded:
        try:
            item["chart"].to_dict(validate=True)
        except alt.utils.schemapi.SchemaValidationError as error:
            problems.append(f"{item['chart_id']}: {str(error).splitlines()[0]}")
    assert not problems, "\n".join(problems)


def test_an_invalid_spec_is_drawn_by_the_build_and_caught_by_the_check():
    chart = alt.Chart(pd.DataFrame({"day": [1, 2], "rate": [3, 4]})).mark_line().encode(x="day:Q", y="rate:Q")
    chart.mark = {"type": "line", "strokeWidth": "thick"}  # a mistake Altair lets through until the spec is checked
    assert spec(chart)["mark"]["strokeWidth"] == "thick"  # the build does not check
    with pytest.raises(alt.utils.schemapi.SchemaValidationError, match="strokeWidth"):
        chart.to_dict(validate=True)


def test_every_picture_has_readable_text_inside_its_frame():
    problems = [p for chart_id, name, svg in _pictures() for p in check.picture_problems(svg, chart_id=chart_id, name=name)]
    assert not problems, "\n".join(problems)


def _plain(value):
    """A value as a chart spec and a data frame both hold it: dates as ISO days, no NaN."""
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        value = value.isoformat()
    if isinstance(value, str) and len(value) >= 19 and value[10] == "T" and value[:4].isdigit():
        return value[:10] if value[10:19] == "T00:00:00" else value
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):
        return _plain(value.item())
    return value


def _rows(records: list[dict], columns: list[str]) -> list[tuple]:
    return [tuple(repr(_plain(r.get(c))) for c in columns) for r in records]


def test_each_chart_draws_exactly_the_data_it_was_given():
    """The rows a chart draws (leaving out labels, rules and bands marked as decoration) are the
    rows of the data frames passed to it, no more, no fewer: compared on the columns they share
    (a chart may add columns, such as a side's label, and leave unused ones out)."""
    _, calls = site_charts()
    wrong = []
    for call in calls:
        frames = [f for f in call["frames"][:2] if len(f)]
        datasets = [[r for r in rows if not r.get("decoration")] for rows in spec(call["chart"]).get("datasets", {}).values()]
        given_cols = set().union(*(f.columns for f in frames)) if frames else set()
        drawn = [rows for rows in datasets if rows and len(set(rows[0]) & given_cols) >= 2]
        if not frames or not drawn:
            continue
        common = sorted(set.intersection(*(set(f.columns) for f in frames), *(set(rows[0]) for rows in drawn)))
        given = sorted(r for f in frames for r in _rows(alt.utils.sanitize_pandas_dataframe(f.copy()).to_dict("records"), common))
        shown = sorted(r for rows in drawn for r in _rows(rows, common))
        if given != shown:
            wrong.append(f"{call['name']}: draws {len(shown)} rows on ({', '.join(common)}), was given {len(given)}")
    assert not wrong, "\n".join(wrong)


def test_chart_data_leaves_out_decoration_only():
    frame = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    label = pd.DataFrame({"x": [2], "y": [4], "decoration": [True]})
    chart = alt.layer(
        alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q"), alt.Chart(label).mark_text(text="end").encode(x="x:Q", y="y:Q")
    )
    assert chart_data(chart) == [{"x": 1, "y": 3}, {"x": 2, "y": 4}]


def test_as_of_is_the_date_of_the_latest_data_point():
    embedded, _ = site_charts()
    as_of = {e["chart_id"]: e["as_of"] for e in embedded}
    assert as_of["spiral-rates"] == dt.date(2025, 6, 30)
    assert as_of["escalations-by-lever"] == dt.date(2025, 12, 31)
    assert as_of["magnet-exports"].day > 27  # the last day of the last month with a figure


TINY = (
    alt.Chart(pd.DataFrame({"x": [1, 2], "y": [1, 2], "t": ["a", "b"]}))
    .mark_text(fontSize=9)
    .encode(x="x:Q", y="y:Q", text="t:N")
    .properties(width="container", height=100)
)


def test_a_font_too_small_as_displayed_is_named_with_its_size_and_fix():
    svg = static_svg(spec(TINY), width=STATIC_WIDTHS["narrow"], prefix="tiny")
    problems = check.picture_problems(svg, chart_id="tiny", name="narrow")
    assert problems[0] == (
        "chart tiny (narrow picture): text 'a' is 9 px as drawn and 9.0 px as displayed; the smallest "
        "allowed is 12 px — raise its fontSize in the chart's function in truce/charts/"
    )


def test_text_outside_the_picture_is_named_with_where_it_runs():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><g transform="translate(10,20)">'
        '<text text-anchor="end" transform="translate(-5,10)" font-size="12px">Magnet making</text></g></svg>'
    )
    problems = check.picture_problems(svg, chart_id="shares", name="wide")
    assert len(problems) == 1 and problems[0].startswith(
        "chart shares (wide picture): text 'Magnet making' runs outside the picture (x -"
    )
    assert problems[0].endswith("the picture is 100 × 50) — move or shorten the label, or leave it room (scale padding, dx)")


@pytest.mark.parametrize(
    "name, drawn, box, scale",
    [
        ("narrow", 358, 358, 1.0),  # a phone: drawn at the width shown
        ("wide", 736, 748, 1.0),  # desktop, page with a table of contents: never enlarged
        ("wide", 736, 998, 1.0),  # desktop, notebook page
        ("wide", 736, 368, 0.5),  # shrunk in a narrower box
        ("narrow", 358, 537, 1.5),  # the phone picture fills a box up to 600 px
    ],
)
def test_display_scale_follows_the_stylesheet(name, drawn, box, scale):
    assert render.display_scale(name, drawn, box) == pytest.approx(scale)


def test_the_stylesheet_never_enlarges_the_wide_picture_past_its_drawing():
    from truce.paths import ROOT

    css = (ROOT / "docs" / "assets" / "css" / "site.css").read_text(encoding="utf-8")
    assert f".truce-chart-static--wide .truce-chart-img {{ max-width: min(100%, {STATIC_WIDTHS['wide']}px); }}" in css


# The Chinese edition ---------------------------------------------------------------------------


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_a_chinese_character_is_measured_one_em_wide():
    assert check.text_width("关税", 12, bold=False) == 24
    assert check.text_width("关税", 12, bold=True) == 24
    # wider than any Latin text of as many characters, so a clipped Chinese label cannot pass
    assert check.text_width("关税", 12, bold=False) > check.text_width("mm", 12, bold=False)


def test_a_chart_in_the_chinese_edition_speaks_chinese_and_fits(monkeypatch):
    from truce.blocks import story
    from truce.blocks import tariffs as tariff_blocks

    monkeypatch.setenv("TRUCE_LANG", "zh")
    drawn = []
    monkeypatch.setattr(tariff_blocks, "embed", lambda chart, **kw: drawn.append(chart) or "")
    story.spiral_chart()
    vl = spec(drawn[0])
    title = "".join(vl["title"]["text"])
    assert _cjk(title) and _cjk(vl["description"]), title
    assert "WenQuanYi Micro Hei" in vl["config"]["font"] and vl["config"]["font"].startswith("DejaVu Sans")
    layers = [node for node in vl["layer"] if "encoding" in node]
    y_titles = [node["encoding"]["y"].get("title") for node in layers if "title" in node["encoding"].get("y", {})]
    assert y_titles and all(_cjk(y) for y in y_titles), y_titles
    assert any("年" in node["encoding"]["x"].get("axis", {}).get("labelExpr", "") for node in layers if "x" in node["encoding"])
    moves = [row["move"] for rows in vl["datasets"].values() for row in rows if "move" in row]
    assert moves and all(_cjk(m) for m in moves), moves  # "解放日", "日内瓦" on the rules
    for name, width in STATIC_WIDTHS.items():
        svg = static_svg(vl, width=width, prefix=f"spiral-zh-{name}")
        assert "美国" in svg
        assert not check.picture_problems(svg, chart_id="spiral-rates (zh)", name=name)
