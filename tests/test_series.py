"""Data series, their charts, their figures and the scorecard: charts draw exactly the data they
are given, figures are computed from the rows, one vintage and one unit per chart, and broken
rows are reported by the data package with the contributor's error message."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pandas as pd
import pytest

from checks.conftest import EVENTS, SOURCES, write_package
from truce import charts, data
from truce.analysis import commitments as scorecard
from truce.analysis import series
from truce.blocks import html as html_blocks
from truce.blocks import scorecard as scorecard_blocks
from truce.blocks import series as series_charts
from truce.charts import chips as chip_charts
from truce.charts import damage as damage_charts
from truce.charts import rare_earths as rare_charts
from truce.charts import soybeans as soy_charts
from truce.charts import style
from truce.charts import trade as trade_charts
from truce.figures import registry

D = dt.date


def _records(frame: pd.DataFrame) -> list[dict]:
    """A frame as the chart spec stores it: timestamps as ISO strings."""
    out = []
    for row in frame.to_dict("records"):
        out.append({k: (v.isoformat() if isinstance(v, pd.Timestamp) else v) for k, v in row.items()})
    return out


NUMBERS = {"value", "exports_usd_m", "imports_usd_m", "balance_usd_m", "tonnes", "yoy_pct", "share_pct"}
DATES = {"as_of", "date", "due", "made_on", "outcome_date"}


def _csv(text: str) -> pd.DataFrame:
    """A small typed table, as data.load would return it."""
    import io

    frame = pd.read_csv(io.StringIO(textwrap.dedent(text)), dtype=str, keep_default_na=False)
    for col in frame:
        is_date = col in DATES or (col == "vintage" and frame[col].str.match(r"^\d{4}-\d\d-\d\d$").all())
        if col in NUMBERS:
            frame[col] = [float(v) if v != "" else float("nan") for v in frame[col]]
        elif is_date:
            frame[col] = [D.fromisoformat(v) if v else None for v in frame[col]]
        elif col == "year":
            frame[col] = frame[col].astype(int)
        elif data.is_list_field(col):
            frame[col] = [data.split_ids(v) for v in frame[col]]
    return frame


# Charts draw the data they are given ----------------------------------------------------------

T = pd.Timestamp
CHARTS = [
    (
        "trade",
        trade_charts.trade_chart,
        pd.DataFrame(
            {
                "date": [T("2025-04-01"), T("2025-04-01")],
                "flow": ["US imports from China", "US exports to China"],
                "usd_bn": [25.4, 8.2],
            }
        ),
        {},
    ),
    (
        "china-yoy",
        trade_charts.china_yoy_chart,
        pd.DataFrame(
            {"date": [T("2025-02-01"), T("2025-05-01")], "label": ["Jan–Feb 2025", "May 2025"], "yoy_pct": [2.3, -34.5]}
        ),
        {},
    ),
    (
        "soy-arrivals",
        soy_charts.soybean_arrivals_chart,
        pd.DataFrame({"date": [T("2025-08-01"), T("2025-09-01")], "mmt": [0.4, 0.0], "zero": ["", "0"]}),
        {},
    ),
    (
        "soy-tracker",
        soy_charts.soybean_tracker_chart,
        pd.DataFrame(
            {
                "date": [T("2025-11-13"), T("2026-01-20")],
                "mmt": [0.332, 12.0],
                "dated": ["exact", "exact"],
                "report": ["USDA", "Bessent"],
                "pledge_mmt": [12.0, 12.0],
            }
        ),
        {},
    ),
    (
        "magnets",
        rare_charts.magnets_chart,
        pd.DataFrame(
            {
                "date": [T("2025-05-01"), T("2025-05-01")],
                "destination": ["All destinations", "To the United States"],
                "tonnes": [1238.0, 46.4],
                "segment": ["a-0", "b-0"],
            }
        ),
        {},
    ),
    (
        "shares",
        rare_charts.shares_chart,
        pd.DataFrame(
            {
                "stage": ["Mining", "Refining"],
                "share_pct": [62.0, 92.0],
                "estimate": ["IEA, 2023", "IEA, 2023"],
                "kind": ["observed", "observed"],
            }
        ),
        {},
    ),
    (
        "chips",
        chip_charts.chip_chart,
        pd.DataFrame(
            {
                "date": [T("2025-08-10")],
                "value": [15.0],
                "label": ["15%"],
                "actor": ["US government"],
                "action": ["Licences tied to a revenue share"],
                "metric": ["Share of China revenue"],
            }
        ),
        {"y_title": "Percent"},
    ),
    (
        "forecasts",
        damage_charts.forecast_chart,
        pd.DataFrame(
            {"vintage": [T("2025-04-16"), T("2025-10-07")], "value": [-0.2, 2.4], "forecast_for": ["for 2025", "for 2025"]}
        ),
        {"colour": "forecast_for", "colours": {"for 2025": "#009E73"}, "dash": None, "y_title": "Growth (%)"},
    ),
    ("customs", damage_charts.customs_chart, pd.DataFrame({"date": [T("2025-06-01")], "usd_bn": [26.632]}), {}),
]


@pytest.mark.parametrize("name,fn,frame,extra", CHARTS, ids=[c[0] for c in CHARTS])
def test_chart_data_equals_the_data_given(name, fn, frame, extra):
    chart = fn(frame, title="A finding", subtitle="Units · source", description="What the chart shows.", **extra)
    assert charts.chart_data(chart) == _records(frame)
    spec = charts.spec(chart)
    assert spec["description"] == "What the chart shows."
    assert spec["title"]["text"] == ["A finding"]


def _embedded(monkeypatch, block) -> tuple[str, list[dict]]:
    """A block's HTML and the Vega-Lite specs of the charts it embedded."""
    seen: list[dict] = []
    real = series_charts.embed

    def spy(chart, **kw):
        seen.append(charts.spec(chart))
        return real(chart, **kw)

    monkeypatch.setattr(series_charts, "embed", spy)
    return block(), seen


def test_titles_wrap_for_phones():
    title = style._title("China's exports to the US fell year on year in 10 straight releases", "x" * 10)
    assert all(len(line) <= 46 for line in title.text)


def test_trade_chart_draws_one_vintage_and_names_it(monkeypatch):
    vintage, table, frame = series_charts.trade_frame()
    assert set(table["vintage"]) == {vintage}
    assert not table["month"].duplicated().any()
    assert len(frame) == 2 * len(table)
    html, (spec,) = _embedded(monkeypatch, series_charts.trade_block)
    subtitle = " ".join(spec["title"]["subtitle"])
    assert f"one Census vintage: {vintage}" in subtitle
    # every dated row drawn (the line's rows, and its end labels, which repeat the last date)
    drawn = {row["date"] for rows in spec["datasets"].values() for row in rows if "date" in row}
    assert len(drawn) == len(table)
    for other in series.trade_vintages():
        if other != vintage:
            assert other in html.split("not drawn and not mixed in:")[1]


def test_every_block_embeds_a_complete_chart():
    for block in (
        series_charts.trade_block,
        series_charts.china_yoy_block,
        series_charts.soybean_arrivals_block,
        series_charts.soybean_tracker_block,
        series_charts.magnets_block,
        series_charts.shares_block,
        series_charts.chip_blocks,
        series_charts.wto_block,
        series_charts.imf_block,
        series_charts.tariff_rate_block,
        series_charts.customs_block,
    ):
        html = block()
        assert 'class="truce-chart is-drawn"' in html and "Download CSV" in html and "Show the data as a table" in html, (
            block.__name__
        )
        assert "data through " in html and "Source: " in html and f'src="{charts.PICTURE_URL}' in html, block.__name__
        assert re.search(r'class="truce-chart-fallback">[^<]{20,}</p>', html), block.__name__


# One vintage, one unit --------------------------------------------------------------------------

TRADE = """\
month,exports_usd_m,imports_usd_m,balance_usd_m,vintage,source_ids,note
2024-01,1,2,-1,old,wh-test,
2024-02,1,2,-1,old,wh-test,
2024-01,1,3,-2,new,wh-test,
"""


def test_plot_vintage_must_cover_every_month():
    table = _csv(TRADE)
    with pytest.raises(series.SeriesError, match="no vintage covers every month of 2024"):
        series.trade_plot_vintage((2024,), table)
    full = pd.concat([table] + [table.iloc[[0]].assign(month=f"2024-{m:02d}") for m in range(3, 13)], ignore_index=True)
    assert series.trade_plot_vintage((2024,), full) == "old"
    assert series.trade_year_total("imports_usd_m", 2024, "old", full)[0] == 24


def test_a_month_twice_in_one_vintage_is_refused():
    table = _csv(TRADE + "2024-02,5,5,0,old,wh-test,\n")
    with pytest.raises(series.SeriesError, match='vintage "old" has more than one row for 2024-02'):
        series.trade_series("old", table)


def test_a_year_total_needs_twelve_months():
    with pytest.raises(series.SeriesError, match="has 2 months of 2024, a year total needs 12"):
        series.trade_year_total("imports_usd_m", 2024, "old", _csv(TRADE))


SOY = """\
id,period,period_kind,measure,value,unit,as_of,source_ids,note
soy-a,2025-09,month,china-imports-from-us,0,mmt,,wh-test,
soy-b,2025-10,month,china-imports-from-us,0,mmt,,wh-test,
soy-c,2025-08,month,china-imports-from-us,0.4,mmt,,wh-test,
soy-d,2025-11,cumulative-since,purchases-since-truce,1,mmt,2025-11-13,wh-test,
"""


def test_zero_months_are_counted_from_the_rows():
    zeros = series.soybean_zero_months(2025, _csv(SOY))
    assert list(zeros["id"]) == ["soy-a", "soy-b"]


def test_a_series_that_mixes_units_is_refused():
    table = _csv(SOY + "soy-e,2025-11,month,china-imports-from-us,0.2,usd_bn,,wh-test,\n")
    with pytest.raises(
        series.SeriesError, match=r"monthly arrivals in China mixes units \(mmt: soy-a, soy-b, soy-c; usd_bn: soy-e\)"
    ):
        series.soybean_arrivals(table)


def test_longest_run_of_falls():
    frame = pd.DataFrame({"label": list("abcdef"), "yoy_pct": [2, -1, -3, 1, -2, -2]})
    assert series.longest_fall(frame) == ("b", "c", 2)


def test_damage_rows_repeating_a_vintage_are_refused():
    table = _csv("""\
    id,publisher,vintage,metric,subject,period,value,unit,source_ids,note
    a,WTO,2025-04-16,merchandise-trade-volume-growth,world,2025,-0.2,pct,wh-test,
    b,WTO,2025-04-16,merchandise-trade-volume-growth,world,2025,0.2,pct,wh-test,
    """)
    with pytest.raises(series.SeriesError, match="rows a, b give the same merchandise-trade-volume-growth"):
        series.damage("merchandise-trade-volume-growth", table=table)


def test_shares_after_the_check_year_are_projections():
    table = _csv("""\
    id,stage,share_pct,year,publisher,source_ids,note
    a,refining,92,2023,IEA,wh-test,
    b,refining,77,2030,IEA,wh-test,
    """)
    assert list(series.shares(table, on=D(2026, 11, 29))["kind"]) == ["observed", "projection"]


def test_magnet_chart_breaks_lines_at_missing_months():
    assert rare_charts.segments([D(2025, 1, 1), D(2025, 5, 1), D(2025, 6, 1), D(2026, 3, 1)]) == [0, 1, 1, 2]


# Figures are computed from the rows ------------------------------------------------------------------


@pytest.fixture(scope="module")
def figures():
    return registry.evaluate_all()


def test_trade_figures_sum_the_plotted_vintage(figures):
    raw = data.load("trade_monthly")
    vintage = series.trade_plot_vintage()
    rows = raw[(raw["vintage"] == vintage)]
    imp = {y: rows[rows["month"].str.startswith(f"{y}-")]["imports_usd_m"].sum() / 1000 for y in (2024, 2025)}
    assert figures["trade-us-imports-cn-2025"].value == pytest.approx(imp[2025])
    assert figures["trade-us-imports-cn-2024"].value == pytest.approx(imp[2024])
    assert figures["trade-us-imports-cn-fall-2025"].value == pytest.approx((1 - imp[2025] / imp[2024]) * 100)


def test_declared_figures_carry_their_row_and_its_sources(figures):
    """A one-cell figure lists the data row it reads, so the ledger links the row and its sources."""
    checked = 0
    for fid, ev in figures.items():
        if ev.figure.defined_in != "truce/figures/declared.csv" or not ev.rows:
            continue
        ((resource, row_id),) = ev.rows
        row = data.load(resource).set_index("id").loc[row_id]
        assert resource in ev.figure.resources, fid
        assert list(ev.source_ids) == [s for s in row["source_ids"] if s], fid
        checked += 1
    assert checked >= 50


def test_counting_figures_count_rows(figures):
    commitments = data.load("commitments")
    assert figures["scorecard-commitments"].value == len(commitments)
    for outcome in scorecard.OUTCOMES:
        assert figures[f"scorecard-{outcome}"].value == int((commitments["outcome"] == outcome).sum())
    soy = data.load("soybeans")
    zero = soy[
        (soy["measure"] == "china-imports-from-us")
        & (soy["period_kind"] == "month")
        & (soy["value"] == 0)
        & soy["period"].str.startswith("2025-")
    ]
    assert figures["soy-zero-months-2025"].value == len(zero)
    damage = data.load("damage_estimates")
    customs = damage[(damage["metric"] == "customs-duties") & damage["period"].str.startswith("2025-")]
    assert figures["customs-duties-2025"].value == pytest.approx(customs["value"].sum() / 1000)


def test_magnet_low_is_the_smallest_month(figures):
    magnets = data.load("rare_earth_magnets")
    world = magnets[(magnets["destination"] == "world") & magnets["month"].str.match(r"^\d{4}-\d\d$")]
    assert figures["magnets-world-low"].value == world["tonnes"].min()


SERIES_DEFINED = {"declared.csv", "calls.csv", "trade.py", "soybeans.py", "rare_earths.py", "damage.py", "commitments.py"}


def test_every_series_figure_has_sources(figures):
    for fid, ev in figures.items():
        counts_nothing = ev.figure.unit == "count" and ev.value == 0
        subject = ev.figure.defined_in.rsplit("/", 1)[-1]
        if subject in SERIES_DEFINED and not counts_nothing:
            assert ev.source_ids, f"{fid} lists no source"


# Broken rows are reported by the data package ------------------------------------------------------

SOYBEANS_OK = """\
id,period,period_kind,measure,value,unit,as_of,source_ids,note
soy-a,2024,calendar-year,us-exports,26.8,mmt,,wh-test,
"""
TRADE_OK = """\
month,exports_usd_m,imports_usd_m,balance_usd_m,vintage,source_ids,note
2025-05,6553.3,20493.9,-13940.5,Census release of 2026-03,wh-test,
2025-05,6477.8,20424.5,-13946.7,revised June 2026,wh-test,
"""
CHIPS_OK = """\
id,date,actor,action,metric,value,unit,event_id,source_ids,note
chip-a,2025-08-10,US,Licences tied to a revenue share,Share of China revenue,15,pct,geneva,wh-test,
"""
DAMAGE_OK = """\
id,publisher,vintage,metric,subject,period,value,unit,source_ids,note
wto-a,WTO,2025-04-16,merchandise-trade-volume-growth,world,2025,-0.2,pct,wh-test,
"""

BROKEN = [
    (
        "soybean value with a unit in it",
        "soybeans",
        SOYBEANS_OK.replace(",26.8,mmt,", ",12.6 usd_bn,mmt,"),
        'soybeans.csv:2: column value: "12.6 usd_bn" is not a number (use . as the decimal point, no units or thousands separators) — correct the value',
    ),
    (
        "soybean row with two units",
        "soybeans",
        SOYBEANS_OK.replace(",mmt,", ",mmt;usd_bn,"),
        'soybeans.csv:2: column unit: "mmt;usd_bn" is not one of: mmt, usd_bn — use one of these values',
    ),
    (
        "trade month twice in one vintage",
        "trade_monthly",
        TRADE_OK.replace("revised June 2026", "Census release of 2026-03"),
        'trade_monthly.csv:3: duplicate key "2025-05", "Census release of 2026-03"',
    ),
    (
        "trade month malformed",
        "trade_monthly",
        TRADE_OK.replace("2025-05,6553.3", "2025-5,6553.3"),
        'trade_monthly.csv:2: column month: "2025-5" does not match the pattern',
    ),
    (
        "chip number in words",
        "chip_actions",
        CHIPS_OK.replace(",15,pct,", ",fifteen,pct,"),
        'chip_actions.csv:2: column value: "fifteen" is not a number',
    ),
    (
        "chip unit unknown",
        "chip_actions",
        CHIPS_OK.replace(",15,pct,", ",15,percent,"),
        'chip_actions.csv:2: column unit: "percent" is not one of: usd_bn, pct — use one of these values',
    ),
    (
        "chip event unknown",
        "chip_actions",
        CHIPS_OK.replace(",geneva,", ",no-such-event,"),
        'chip_actions.csv:2: column event_id: "no-such-event" is not an id in events.csv — add that row or fix the reference',
    ),
    (
        "damage period malformed",
        "damage_estimates",
        DAMAGE_OK.replace(",world,2025,", ",world,FY2025,"),
        'damage_estimates.csv:2: column period: "FY2025" does not match the pattern',
    ),
    (
        "damage subject unknown",
        "damage_estimates",
        DAMAGE_OK.replace(",world,", ",EU,"),
        'damage_estimates.csv:2: column subject: "EU" is not one of: world, US, CN, US-CN — use one of these values',
    ),
    (
        "damage vintage not a date",
        "damage_estimates",
        DAMAGE_OK.replace("2025-04-16", "April 2025"),
        'damage_estimates.csv:2: column vintage: "April 2025" is not a date (YYYY-MM-DD) — correct the value',
    ),
]


@pytest.fixture
def package(tmp_path):
    def make(**files: str):
        base = {"sources": SOURCES, "events": EVENTS}
        base.update(files)
        return write_package(tmp_path / "data", base)

    return make


@pytest.mark.parametrize("what,resource,text,expected", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_rows_are_reported(package, what, resource, text, expected):
    root = package(**{resource: text})
    messages = [str(p) for p in data.problems(root)]
    assert any(expected in m for m in messages), f"{what}: expected «{expected}» in {messages}"
    with pytest.raises(data.DataError):
        data.validate_package(root)


@pytest.mark.parametrize(
    "resource,text",
    [("soybeans", SOYBEANS_OK), ("trade_monthly", TRADE_OK), ("chip_actions", CHIPS_OK), ("damage_estimates", DAMAGE_OK)],
)
def test_clean_rows_pass(package, resource, text):
    assert data.problems(package(**{resource: text})) == []


# Scorecard --------------------------------------------------------------------------------------------

COMMITMENTS = """\
id,round,made_on,announced,party,commitment,due,instrument,outcome,outcome_date,outcome_summary,source_ids,note
c-late,busan-2025,2025-10-30,,CN,"Do <b>this</b> & that",2026-11-10,,pending,,,wh-test,
c-ok,geneva-2025,2025-05-12,,US,Cut tariffs,2025-05-14,EO,met,2025-05-14,"Done <script>alert(1)</script>",wh-test,"A said ""yes"", B said no"
"""


def test_scorecard_escapes_text_from_the_data():
    table = _csv(COMMITMENTS)
    srcs = {
        "wh-test": {
            "url": "https://www.whitehouse.gov/test?a=1&b=2",
            "publisher": "The White House",
            "title": "Fact <sheet>",
            "kind": "primary",
        }
    }
    html = "".join(scorecard_blocks.commitment_html(r, srcs) for r in table.to_dict("records"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>this</b>" not in html and "Do &lt;b&gt;this&lt;/b&gt; &amp; that" in html
    assert "Fact &lt;sheet&gt;" in html and "?a=1&amp;b=2" in html
    assert "A said &quot;yes&quot;" in html


def test_scorecard_groups_every_commitment_once():
    frame = scorecard.commitments()
    shown = "".join(scorecard_blocks.round_html(r) for r in scorecard.ROUNDS)
    for cid in frame["id"]:
        assert shown.count(f'id="{cid}"') == 1, cid
    assert sum(scorecard.counts().values()) == len(frame)


def test_badges_read_without_colour():
    for outcome, meta in scorecard.OUTCOMES.items():
        html = scorecard_blocks.badge(outcome)
        assert meta["symbol"] in html and meta["label"] in html


def test_soybean_delivery_shows_both_counts():
    html = scorecard_blocks.soybean_delivery_html()
    assert "US-side count: purchases reported" in html and "China customs: soybean imports from the US" in html
    for row_id in series.soybean_tracker()["id"]:
        note = series.soybean_row(row_id)["note"]
        assert html_blocks.esc(note) in html
