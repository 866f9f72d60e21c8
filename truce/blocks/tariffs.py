"""The tariff tracker's blocks: headline and layer charts, the layer tables, the day-by-day stack
reader, the reconciliation of quoted rates, the published averages and the "what if" scenarios.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from truce import charts, data
from truce.analysis import products, scenarios, tariffs
from truce.analysis.events import turning_points
from truce.blocks.figure import embed
from truce.blocks.html import NOT_SEARCHED, esc, publisher_line, scroll_open
from truce.charts import style
from truce.charts import tariffs as tariff_charts
from truce.i18n import N_, current, day, month, t
from truce.labels import LAYER_STATUS_LABELS

START = dt.date(2018, 1, 1)

# shown under a day's layers when no source confirms that day's state
UNCONFIRMED_NOTE = "No source after {date:%-d %B %Y}: these are the layers the legal texts leave in force, not a confirmed rate."


# where the story starts: the headline chart's main panel begins here, the long view below it
STORY_START = dt.date(2025, 1, 1)


def _today() -> dt.date:
    return data.last_updated()


def data_through() -> dt.date:
    """The latest day a source confirms either side's across-the-board duties: a rate chart's
    "data through" date (its lines run on, dashed, to the day the data was last checked)."""
    return max(tariffs.confirmed_through(side) for side in tariffs.IMPOSERS)


def headline_series(start: dt.date = START, end: dt.date | None = None) -> pd.DataFrame:
    """Both sides' headline rates from ``start`` to ``end`` (default: the day the data was last
    checked), each point marked sourced or unconfirmed (``state``)."""
    return tariffs.with_confirmation(tariffs.headline_series_both(start, end or _today()))


def confirmation_sentence(now: dt.date) -> str:
    """For chart descriptions: the rates on ``now`` under the legal texts, and how far sources confirm them."""
    us, cn = tariffs.headline_rate(now, "US"), tariffs.headline_rate(now, "CN")
    us_c, cn_c = tariffs.confirmed_through("US"), tariffs.confirmed_through("CN")
    return t(
        "On {now}, under the legal texts as written, they stood at {us}% and {cn}%; sources confirm the "
        "US rate only to {us_c} and China's to {cn_c}, and the lines are dashed after those dates."
    ).format(now=day(now), us=f"{us:g}", cn=f"{cn:g}", us_c=day(us_c), cn_c=day(cn_c))


def headline_chart(start: dt.date = START, chart_id: str = "headline-rates") -> str:
    series = headline_series(start)
    us_peak, us_day = tariffs.peak("US")
    cn_peak, _ = tariffs.peak("CN")
    now = _today()
    title = t("Across-the-board tariffs spiked in April 2025, then fell back under the truce")
    description = t(
        "Step chart of the across-the-board additional tariff each side applied to the other's goods since "
        "{year}. US duties on Chinese goods peaked at {us_peak}% from {us_day}; China's peaked at "
        "{cn_peak}%. {confirmation}"
    ).format(
        year=start.year,
        us_peak=f"{us_peak:g}",
        us_day=day(us_day),
        cn_peak=f"{cn_peak:g}",
        confirmation=confirmation_sentence(now),
    )
    recent = max(start, STORY_START)
    moves = style.key_moves(turning_points(), recent, now)
    drawn = rates_chart_data(series)
    if start < STORY_START:
        chart = tariff_charts.headline_with_long_view(
            rates_chart_data(headline_series(recent)), drawn, title=title, description=description, moves=moves
        )
    else:
        chart = tariff_charts.headline_rates(drawn, title=title, description=description, moves=moves)
    return rates_figure(chart, series, chart_id=chart_id, as_of=data_through(), csv_name="headline-rates.csv")


def rates_chart_data(series: pd.DataFrame) -> pd.DataFrame:
    """What a rate chart draws: :func:`headline_series` split where each side's confirmation ends."""
    return tariffs.split_at_confirmation(series)


def rates_figure(chart, series: pd.DataFrame, *, chart_id: str, as_of: dt.date, csv_name: str) -> str:
    """A chart of both sides' rates on a page: its table (date, side, rate, whether a source
    confirms it) and the publishers of the legal layers it is computed from."""
    table = series.assign(side=series["imposer"].map(charts.SIDE_LABELS))[["date", "side", "rate_pct", "state"]]
    ids = sorted({s for ids in tariffs.measures()["source_ids"] for s in ids})
    return embed(
        chart,
        chart_id=chart_id,
        table=table,
        source=publisher_line(ids) + " (legal layers in data/tariff_measures.csv)",
        as_of=as_of,
        csv_name=csv_name,
    )


def layers_chart(start: dt.date = dt.date(2025, 1, 1)) -> str:
    table = tariffs.layer_table(start, _today())
    description = t(
        "Stacked step areas, one panel per side, showing how much each legal instrument added to the "
        "across-the-board tariff at each date since January 2025."
    )
    chart = tariff_charts.layer_bands(
        table, title=t("Which legal instruments made up the across-the-board rate"), description=description
    )
    ids = sorted({s for ids in tariffs.measures()["source_ids"] for s in ids})
    return embed(
        chart, chart_id="layer-bands", table=table, source=publisher_line(ids), as_of=data_through(), csv_name="tariff-layers.csv"
    )


def measures_table(imposer: str) -> str:
    """Every layer of one side, newest first, with links to the chronology."""
    frame = data.localize(tariffs.measures(), "tariff_measures")
    frame = frame[frame["imposer"] == imposer].sort_values(["effective_from", "id"], ascending=False)
    until = tariffs.confirmed_through(imposer)
    lang = current()
    rows = []
    for r in frame.to_dict("records"):
        event = f'<a href="event:{esc(r["event_id"])}">{t("event")}</a>' if r["event_id"] else ""
        end = esc(r["effective_to"]) or t("in force")
        if r["effective_to"] and r["effective_to"] > until and r["status"] not in tariffs.NEVER_COUNTED:
            end += t(" (legal end; no source after {day})").format(day=day(until, short=True))
        rate = (
            t("−{points} pts (suspension of {layer})").format(points=f"{r['rate_pct']:g}", layer=esc(r["suspends"]))
            if r["suspends"]
            else f"{r['rate_pct']:g}%"
        )
        rows.append(
            f"<tr><td>{esc(r['instrument'])}</td><td>{esc(r['scope'])}</td><td>{esc(r['coverage'])}</td>"
            f"<td>{rate}</td><td>{esc(r['effective_from'])}</td><td>{end}</td>"
            f"<td>{esc(t(LAYER_STATUS_LABELS[r['status']]) if lang != 'en' else r['status'])}</td><td>{event}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{t(h)}</th>'
        for h in (
            N_("Instrument"),
            N_("Scope"),
            N_("Coverage"),
            N_("Rate"),
            N_("From"),
            N_("Until"),
            N_("Status"),
            N_("Chronology"),
        )
    )
    return f'{scroll_open()}<table {NOT_SEARCHED} class="wide"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def reconciliation_table() -> str:
    """The numbers people quote, what each counts, and what the layers give for the same day."""
    frame = tariffs.reconciliation()
    srcs = data.sources()
    rows = []
    for r in frame.to_dict("records"):
        links = "; ".join(
            f'<a href="{esc(srcs[s]["url"])}" rel="noopener">{esc(srcs[s]["publisher"])}</a>' for s in r["source_ids"]
        )
        rows.append(
            f"<tr><td><strong>{esc(r['quoted'])}</strong></td><td>{esc(r['said_by'])}, {r['said_on']:%-d %b %Y}</td>"
            f"<td>{esc(charts.SIDE_LABELS[r['imposer']])} on {r['refers_to']:%-d %b %Y}</td>"
            f"<td>{esc(tariffs.COUNTS_LABELS[r['counts']])}</td><td>{r['computed_pct']:g}% ({esc(r['computed_basis'])})</td>"
            f"<td>{esc(r['note'])}</td><td>{links}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{t(h)}</th>'
        for h in (
            N_("Quoted"),
            N_("Who and when"),
            N_("About"),
            N_("What it counts"),
            N_("From the layers"),
            N_("Why they differ"),
            N_("Sources"),
        )
    )
    return (
        f'{scroll_open()}<table {NOT_SEARCHED} class="reconcile"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def stack_reader(start: dt.date = dt.date(2025, 1, 1)) -> str:
    """A date control that shows, for any day, the layers that made up each side's headline rate.
    Works without JavaScript as a table for the last day with data; site.js makes the date live."""
    end = _today()
    snaps = tariffs.stack_snapshots(start, end)
    payload = json.dumps(snaps, separators=(",", ":")).replace("</", "<\\/")

    def block(side: str) -> str:
        snap = [s for s in snaps if s["imposer"] == side][-1]
        items = (
            "".join(f"<li>{esc(layer['instrument'])}: {layer['points']:g} points</li>" for layer in snap["layers"])
            or "<li>no across-the-board layer</li>"
        )
        until = tariffs.confirmed_through(side)
        note = UNCONFIRMED_NOTE.format(date=until)
        return (
            f'<div class="stack-side" data-side="{side}" data-confirmed="{until.isoformat()}" data-note="{esc(note)}">'
            f"<h3>{esc(charts.SIDE_LABELS[side])}</h3>"
            f'<p class="stack-total"><strong>{snap["total"]:g}%</strong> in total</p><ul>{items}</ul>'
            f'<p class="stack-note">{esc(note) if end > until else ""}</p></div>'
        )

    return (
        '<div class="stack-reader">'
        f'<label>Show the layers in force on <input type="date" name="stack-date" min="{start.isoformat()}" max="{end.isoformat()}" value="{end.isoformat()}"></label>'
        f'<div class="stack-sides" aria-live="polite">{block("US")}{block("CN")}</div>'
        f'<script type="application/json" class="stack-data">{payload}</script></div>'
    )


def averages_chart() -> str:
    frame = data.load("average_tariffs")
    frame = frame[frame["measure"].str.contains("trade-weighted", case=False)]
    us_peak = frame[frame["imposer"] == "US"]["value_pct"].max()
    description = t(
        "Published trade-weighted average tariffs on each other's goods since 2017, by the date each value refers to. "
        "Points from different chart versions are not joined. The highest US value shown is {us_peak}%."
    ).format(us_peak=f"{us_peak:g}")
    chart = tariff_charts.average_tariffs(
        frame, title=t("Trade-weighted averages tell a different story from headline rates"), description=description
    )
    ids = sorted({s for ids in frame["source_ids"] for s in ids})
    table = frame[["refers_to", "imposer", "value_pct", "publisher", "vintage"]]
    return embed(
        chart,
        chart_id="average-tariffs",
        table=table,
        source=publisher_line(ids),
        as_of=style.data_through(frame["refers_to"]),
        csv_name="average-tariffs.csv",
    )


# What if? -------------------------------------------------------------------------------------------

# the stylesheet's rules that show one scenario at a time cover this many
SCENARIO_LIMIT = 8


def _largest_gap(series: pd.DataFrame, side: str, measure: str) -> tuple[dt.date, float, float] | None:
    """The first day on which the scenario differs most from what happened: (day, actual, scenario)."""
    rows = series[(series["imposer"] == side) & (series["measure"] == measure)]
    wide = rows.pivot_table(index="date", columns="line", values="value", aggfunc="first").dropna()
    if wide.empty:
        return None
    gap = (wide["scenario"] - wide["actual"]).abs().round(6)
    if gap.max() == 0:
        return None
    day = gap[gap == gap.max()].index.min()
    return day, float(wide.loc[day, "actual"]), float(wide.loc[day, "scenario"])


def scenario_description(row: dict, series: pd.DataFrame) -> str:
    """A chart's accessible description: what is drawn, and the largest gap per side and measure."""
    found = []
    for side in tariffs.IMPOSERS:
        for measure in scenarios.MEASURES:
            gap = _largest_gap(series, side, measure)
            if gap:
                gap_day, actual, what_if = gap
                found.append(
                    t("{side}, {measure}: {what_if}% in the scenario against {actual}% actual from {day}").format(
                        side=style.side_label(side),
                        measure=t(scenarios.MEASURE_LABELS[measure]),
                        what_if=f"{what_if:.1f}",
                        actual=f"{actual:.1f}",
                        day=day(gap_day),
                    )
                )
    gaps = t("; ").join(found) if found else t("the scenario lines equal the actual ones")
    return t(
        "Scenario, not what happened: {description} Four small step charts since {start}, one per side "
        "and measure (across-the-board rate, trade-weighted average), each with the actual line and the scenario line. "
        "Largest differences: {gaps}."
    ).format(description=row["description"], start=month(STORY_START), gaps=gaps)


def scenario_chart(scenario_id: str) -> str:
    """One scenario's chart (both sides, both measures, actual against scenario) with its table."""
    row = data.localize(pd.DataFrame([scenarios.scenario(scenario_id)]), "tariff_scenarios").iloc[0].to_dict()
    series = scenarios.scenario_series(scenario_id, start=STORY_START)
    series = series.assign(line=["actual" if s == scenarios.ACTUAL else "scenario" for s in series["scenario"]])
    drawn = pd.concat(
        [
            tariffs.split_at_confirmation(rows.reset_index(drop=True))
            for _, rows in series.groupby(["measure", "scenario"], sort=False)
        ],
        ignore_index=True,
    )
    chart = tariff_charts.scenario_lines(
        drawn.drop(columns=["line"]),
        title=t("Scenario: {title}, not what happened").format(title=row["title"]),
        description=scenario_description(row, series),
    )
    table = series.assign(
        side=series["imposer"].map(charts.SIDE_LABELS),
        measure=series["measure"].map(scenarios.MEASURE_LABELS),
        line=[f"scenario ({scenario_id}), not what happened" if x == "scenario" else "actual" for x in series["line"]],
        value=series["value"].round(2),
    )[["date", "side", "measure", "line", "value", "state"]]
    tables = products.tables()
    ids = sorted(
        {s for frame in (tables.measures, tables.lists, tables.weights, tables.mfn) for v in frame["source_ids"] for s in v}
        | set(row["source_ids"])
    )
    return embed(
        chart,
        chart_id=f"scenario-{scenario_id}",
        table=table,
        source=publisher_line(ids, "scenario rules in data/tariff_scenarios.csv"),
        as_of=data_through(),
    )


def _removed_list(scenario_id: str) -> str:
    frame = data.localize(tariffs.measures(), "tariff_measures").set_index("id")
    ids = scenarios.removed_ids(scenario_id)
    items = "".join(
        f"<li><code>{esc(i)}</code>: {esc(frame.loc[i, 'instrument'])}"
        + (t(" (never counted: threatened)") if frame.loc[i, "status"] in tariffs.NEVER_COUNTED else "")
        + "</li>"
        for i in ids
    )
    return (
        f'<details class="scenario-rows"><summary>{t("The {n} rows of tariff_measures.csv this scenario removes").format(n=len(ids))}</summary>'
        f"<ul>{items}</ul></details>"
    )


def scenarios_block() -> str:
    """The "what if" switch: one radio button per scenario (a fieldset with its legend) and, for
    each, its chart, description and the rows it removes. Only the chosen scenario is shown
    (CSS ``:has(:checked)``, no script); where the browser cannot do that, every scenario is
    listed, one below the other."""
    frame = data.localize(scenarios.scenarios(), "tariff_scenarios")
    if len(frame) > SCENARIO_LIMIT:
        raise ValueError(
            f"data/tariff_scenarios.csv has {len(frame)} scenarios; the switch's stylesheet shows at most {SCENARIO_LIMIT} "
            "(docs/assets/css/site.css, .scenarios rules) — add rules there and raise SCENARIO_LIMIT, or drop a scenario"
        )
    options, panels = [], []
    for n, row in enumerate(frame.to_dict("records")):
        sid = esc(row["id"])
        checked = " checked" if n == 0 else ""
        options.append(
            f'<span class="scenario-option"><input type="radio" name="scenario" id="scenario-pick-{sid}" '
            f'value="{sid}"{checked}><label for="scenario-pick-{sid}">{esc(row["title"])}</label></span>'
        )
        panels.append(
            f'<section class="scenario-panel" data-scenario="{sid}" aria-label="{esc(t("Scenario: {title}").format(title=row["title"]))}">'
            f'<p class="scenario-title"><strong>{esc(t("Scenario: {title}, not what happened.").format(title=row["title"]))}</strong> '
            f"{esc(row['description'])}</p>"
            f"{scenario_chart(row['id'])}"
            f'<p class="scenario-note">{esc(row["note"])}</p>{_removed_list(row["id"])}</section>'
        )
    return (
        '<div class="scenarios">'
        f'<fieldset class="scenario-switch"><legend>{t("Show the scenario")}</legend>'
        f"{''.join(options)}</fieldset>"
        f'<div class="scenario-panels">{"".join(panels)}</div></div>'
    )
