"""Page blocks of the explainer "Mutually assured economic destruction": the leverage matrix, the
model's parameter and payoff tables, and the interactive charts with their controls.

Each function returns HTML that a notebook cell displays in one line. Sources are linked by
publisher (the title in the tooltip); chronology events are ``event:<id>`` links, which the site
resolves for every page the same way as in prose. Text from data is escaped.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from truce import data
from truce.analysis import events as chronology
from truce.analysis import model
from truce.blocks.figure import embed
from truce.blocks.html import NOT_SEARCHED, esc, publisher_links, scroll_open
from truce.charts import model as model_charts
from truce.charts import style
from truce.i18n import MONTHS_EN, N_, current, t
from truce.labels import SIDE_NAMES

CODE_URL = "https://github.com/truce-tracker/truce-tracker/blob/main/truce/analysis/model.py"
# captions stay in view (left-aligned, sticky) while a wide table scrolls sideways on a phone
CAPTION = '<caption style="text-align:left"><span style="display:inline-block;position:sticky;left:0;max-width:min(calc(100vw - 4rem), 36rem)">'
CAPTION_END = "</span></caption>"
BASIS = {"data": "data", "study": "study", "calibrated": "calibrated", "assumption": "assumption"}


def _today() -> dt.date:
    return data.last_updated()


# The leverage matrix -----------------------------------------------------------------------


def event_links(ids: tuple[str, ...], events: dict[str, dict]) -> str:
    """Links to the chronology entries of event ids, by date, oldest first."""
    rows = sorted((events[i] for i in ids), key=lambda r: (r["date"], r["id"]))
    return (
        "".join(
            f'<a class="date-link" href="event:{esc(r["id"])}" title="{esc(r["title"])}">{r["date"]:%-d %b %Y}</a>' for r in rows
        )
        or "—"
    )


def _pct(value) -> str:
    return "" if value is None or value != value else f"{value:g}%"


def leverage_table(table: pd.DataFrame | None = None) -> str:
    """The leverage matrix as a table: lever, the target's dependence, alternatives, years to
    replace (sourced or assumed), when it was pulled and eased (linked to the chronology), sources."""
    frame = data.localize(model.leverage(table), "leverage")
    frame["_side"] = frame["holder"].map({"US": 0, "CN": 1})
    frame = frame.sort_values(["_side"], kind="stable")
    events = {r["id"]: r for r in chronology.events().to_dict("records")}
    body = []
    small = 'class="lev-small" style="font-size:.9em"'
    for r in frame.to_dict("records"):
        dep = _pct(r["dependence_pct"])
        dep_html = f"<strong>{esc(dep) or '—'}</strong><br><span {small}>{esc(r['dependence_measure'])}</span>"
        years = r["years_to_replace"]
        years_html = "—" if years is None or years != years else f"{years:g}<br><span {small}>{esc(r['years_basis'])}</span>"
        cells = [
            f'<th scope="row" style="min-width:8rem">{esc(r["lever"])}<br><span {small}>{esc(t("{holder} over {target}").format(holder=t(SIDE_NAMES[r["holder"]]), target=t(SIDE_NAMES[r["target"]])))}</span></th>',
            f'<td style="min-width:11rem">{dep_html}</td>',
            f'<td style="min-width:8rem">{esc(r["alternatives"])}</td>',
            f'<td style="white-space:nowrap">{years_html}</td>',
            f'<td style="">{event_links(r["pulled_event_ids"], events)}</td>',
            f'<td style="">{event_links(r["eased_event_ids"], events)}</td>',
            f"<td>{publisher_links(r['source_ids'])}</td>",
        ]
        if r["note"]:  # the note row below belongs to this lever: no rule between them
            cells = [c.replace(' style="', ' style="border-bottom:0;', 1) for c in cells]
        body.append(f"<tr>{''.join(cells)}</tr>")
        if r["note"]:
            # sticky and no wider than the screen, so the note stays readable while the table scrolls sideways
            body.append(
                f'<tr><td colspan="7" style="padding-top:0"><div {small[:-1]};position:sticky;left:0;max-width:min(calc(100vw - 4rem), 36rem)">'
                f"<em>{t('Note:')}</em> {esc(r['note'])}</div></td></tr>"
            )
    head = "".join(
        f'<th scope="col">{t(h)}</th>'
        for h in (
            N_("Lever (holder over target)"),
            N_("Target's dependence"),
            N_("Alternatives"),
            N_("Years to replace"),
            N_("Pulled"),
            N_("Eased"),
            N_("Sources"),
        )
    )
    return (
        f"{scroll_open('Leverage matrix')}"
        f'<table {NOT_SEARCHED} class="model-table">{CAPTION}The leverage matrix: {len(frame)} levers, '
        f"from data/leverage.csv. Dates link to the chronology; the table scrolls sideways.{CAPTION_END}"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


# Model tables ------------------------------------------------------------------------------


def _fmt(value: float, unit: str) -> str:
    if unit == "$ billion" or unit == "$ billion a year":
        return f"{value:,.1f}"
    if unit == "%":
        return f"{value:g}"
    if unit in ("years",):
        return f"{value:g}"
    return f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"


def parameters_table(cal: model.Calibration | None = None) -> str:
    """Every model parameter: value, unit, basis, sources and meaning."""
    frame = model.parameters(cal)
    rows = "".join(
        f'<tr><th scope="row">{esc(r["symbol"])}</th><td>{esc(r["parameter"])}</td><td style="white-space:nowrap">{esc(_fmt(r["value"], r["unit"]))}</td>'
        f"<td>{esc(r['unit'])}</td><td>{esc(BASIS[r['basis']])}</td><td>{publisher_links(r['source_ids'])}</td><td>{esc(r['note'])}</td></tr>"
        for r in frame.to_dict("records")
    )
    head = "".join(
        f'<th scope="col">{t(h)}</th>'
        for h in (N_("Symbol"), N_("Parameter"), N_("Value"), N_("Unit"), N_("Basis"), N_("Sources"), N_("What it means"))
    )
    return (
        f'{scroll_open("Model parameters")}<table {NOT_SEARCHED} class="model-table">'
        f"{CAPTION}Model parameters: data, studies, one calibration and the assumptions of this site{CAPTION_END}"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def harm_table(cal: model.Calibration | None = None) -> str:
    """What a full escalation does, by side: harm to the other side and cost to itself, split
    into the tariff and the chokepoints ($ billion a year)."""
    cal = model.calibrate() if cal is None else cal
    h = model.harms(cal)
    rows = "".join(
        f'<tr><th scope="row">{SIDE_NAMES[s]}</th><td>{x.tariff_harm:,.0f}</td><td>{x.chokepoint_harm:,.0f}</td><td>{x.harm:,.0f}</td>'
        f"<td>{x.tariff_cost:,.0f}</td><td>{x.chokepoint_cost:,.0f}</td><td>{x.cost:,.0f}</td><td>{x.cost_ratio:.2f}</td></tr>"
        for s, x in h.items()
    )
    head = "".join(
        f'<th scope="col">{t}</th>'
        for t in (
            "Side escalating",
            "Harm: tariff",
            "Harm: chokepoints",
            "Harm: total",
            "Own cost: tariff",
            "Own cost: chokepoints",
            "Own cost: total",
            "Own cost per dollar of harm",
        )
    )
    return (
        f'{scroll_open("Harm and cost of escalation")}<table {NOT_SEARCHED} class="model-table">'
        f"{CAPTION}What a full escalation does, $ billion a year (model, central parameters){CAPTION_END}"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def payoff_table(cal: model.Calibration | None = None) -> str:
    """Each side's stage payoffs R, T, S, P, the prisoner's-dilemma check and the threshold."""
    cal = model.calibrate() if cal is None else cal
    pays = model.payoffs(cal)
    rows = []
    for side, p in pays.items():
        check = "yes" if p.is_prisoners_dilemma() else "no"
        rows.append(
            f'<tr><th scope="row">{SIDE_NAMES[side]}</th><td>{p.T:,.1f}</td><td>{p.R:,.1f}</td><td>{p.P:,.1f}</td><td>{p.S:,.1f}</td>'
            f"<td>{check}</td><td>{model.threshold(p):.3f}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{t}</th>'
        for t in (
            "Side",
            "T: escalate alone",
            "R: both restrain",
            "P: both escalate",
            "S: restrain alone",
            "T > R > P > S?",
            "Threshold δ*",
        )
    )
    return (
        f'{scroll_open("Payoffs")}<table {NOT_SEARCHED} class="model-table">'
        f"{CAPTION}Stage payoffs, $ billion a year relative to mutual restraint (θ = {cal.theta:g}){CAPTION_END}"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


SENSITIVITY = (
    ("Central", {}),
    ("Exporters resell half their lost sales (κ = 0.5)", {"kappa": 0.5}),
    ("Flows that stop count (σ = 6)", {"sigma": model.SIGMA_WITH_ZEROS}),
    ("Middle elasticity (σ = 2.5)", {"sigma": 2.5}),
    ("Chokepoints worth 20× the USGS-based value", {"lam_x": 20.0}),
    ("Chokepoints worth 50× the USGS-based value", {"lam_x": 50.0}),
    ("Less rivalry (θ = 0.3)", {"theta": 0.3}),
    ("More rivalry (θ = 0.7)", {"theta": 0.7}),
)


def sensitivity(cal: model.Calibration | None = None) -> pd.DataFrame:
    """How the result moves when one parameter changes: dilemma or not, thresholds, balance."""
    cal = model.calibrate() if cal is None else cal
    rows = []
    for label, change in SENSITIVITY:
        change = dict(change)
        if "lam_x" in change:
            change["lam"] = cal.lam * change.pop("lam_x")
        c = cal.with_(**change)
        p = model.payoffs(c)
        low, high = model.theta_band(c)
        rows.append(
            {
                "case": label,
                "dilemma": all(x.is_prisoners_dilemma() for x in p.values()),
                "threshold_us": model.threshold(p["US"]),
                "threshold_cn": model.threshold(p["CN"]),
                "theta_low": low,
                "theta_high": high,
                "china_share": model.balance(c),
            }
        )
    return pd.DataFrame(rows)


def _threshold_text(d: float) -> str:
    if d < 0:
        return "never tempted"
    if d > 1:
        return "always tempted"
    return f"{d:.2f}"


def sensitivity_table(cal: model.Calibration | None = None) -> str:
    frame = sensitivity(cal)
    rows = "".join(
        f'<tr><th scope="row">{esc(r["case"])}</th><td>{"yes" if r["dilemma"] else "no"}</td><td>{_threshold_text(r["threshold_us"])}</td>'
        f"<td>{_threshold_text(r['threshold_cn'])}</td><td>{r['theta_low']:.2f} to {r['theta_high']:.2f}</td><td>{100 * r['china_share']:.0f}%</td></tr>"
        for r in frame.to_dict("records")
    )
    head = "".join(
        f'<th scope="col">{t}</th>'
        for t in (
            "Change from the central case",
            "Prisoner's dilemma?",
            "US threshold",
            "China's threshold",
            "θ range with a dilemma",
            "China's share of harm capacity",
        )
    )
    return (
        f'{scroll_open("Sensitivity of the result")}<table {NOT_SEARCHED} class="model-table">'
        f"{CAPTION}One change at a time: when the dilemma holds and how much patience restraint needs{CAPTION_END}"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def noise_table(cal: model.Calibration | None = None) -> str:
    """Each strategy against itself with noise: share of rounds of mutual restraint, mean payoffs."""
    cal = model.calibrate() if cal is None else cal
    p = model.payoffs(cal)
    rows = []
    for name, s in model.strategies(cal).items():
        game = model.play_pair(s, s, p["US"], p["CN"])
        rows.append(
            f'<tr><th scope="row">{esc(name)}</th><td>{100 * model.mutual_restraint_share(game):.0f}%</td>'
            f"<td>{game['payoff_a'].mean():,.1f}</td><td>{game['payoff_b'].mean():,.1f}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{t}</th>'
        for t in ("Both sides play", "Rounds of mutual restraint", "US mean payoff", "China's mean payoff")
    )
    return (
        f'{scroll_open("Noisy simulations")}<table {NOT_SEARCHED} class="model-table">'
        f"{CAPTION}{model.ROUNDS} rounds, {100 * model.NOISE:g}% chance that a move is misread, seed {model.SEED} "
        f"($ billion a year per round){CAPTION_END}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


MOVE_WORDS = {"escalate": N_("escalate"), "restrain": N_("restrain")}


def moves_table() -> str:
    """The 2025 moves read from the chronology: steps per side and month, and the move."""
    moves = model.moves_2025()
    wide = []
    for month, g in moves.groupby("month"):
        cells = [f'<th scope="row">{t(MONTHS_EN[month.month - 1])}</th>']
        for side in model.SIDES:
            r = g[g["side"] == side].iloc[0]
            esc, de = (
                t("{n} ({key} key)").format(n=r[col], key=r["key_" + col]) if r["key_" + col] else f"{r[col]}"
                for col in ("escalations", "de_escalations")
            )
            cells.append(f"<td>{esc}</td><td>{de}</td><td>{t(MOVE_WORDS[r['move']])}</td>")
        wide.append("<tr>" + "".join(cells) + "</tr>")
    head = (
        f'<tr><th scope="col" rowspan="2">2025</th><th scope="colgroup" colspan="3">{t("United States")}</th>'
        f'<th scope="colgroup" colspan="3">{t("China")}</th></tr><tr>'
        + "".join(
            f'<th scope="col">{t("Escalation steps")}</th><th scope="col">{t("De-escalation steps")}</th>'
            f'<th scope="col">{t("Move")}</th>'
            for _ in model.SIDES
        )
        + "</tr>"
    )
    return (
        f'{scroll_open(t("2025 moves"))}<table {NOT_SEARCHED} class="model-table">'
        f"{CAPTION}{t('Moves read from the chronology (joint talks count as de-escalation by both)')}{CAPTION_END}"
        f"<thead>{head}</thead><tbody>{''.join(wide)}</tbody></table></div>"
    )


# Charts --------------------------------------------------------------------------------------


def _full_width(figure_html: str) -> str:
    """Let an embedded chart figure take the column's width (the theme sizes figures to their content)."""
    return figure_html.replace('<figure class="', '<figure style="width:100%" class="', 1)


def _controls(chart_id: str, params: list[str], label: str) -> str:
    slots = "".join(f'<div class="model-control" id="{model_charts.control_id(chart_id, p)}"></div>' for p in params)
    return (
        f'<div class="model-controls" role="group" aria-label="{esc(label)}" '
        f'style="display:flex;flex-wrap:wrap;gap:.4rem 1.6rem;align-items:center;font-size:.75rem;margin:.6rem 0 -.6rem">{slots}</div>'
    )


def _peaks(cal: model.Calibration) -> dict[str, float]:
    return {
        t("US peak tariff ({rate}%)").format(rate=f"{cal.tariff_us * 100:g}"): round(cal.tariff_us * 100),
        t("China's peak tariff ({rate}%)").format(rate=f"{cal.tariff_cn * 100:g}"): round(cal.tariff_cn * 100),
    }


TRADE_SOURCE = (
    "US Census Bureau goods trade with China (dated extracts); elasticity: Amiti, Redding and Weinstein (2019); this site's model"
)


def trade_chart(cal: model.Calibration | None = None) -> str:
    cal = model.calibrate() if cal is None else cal
    grid = model.tariff_grid(cal)
    left_us = 100 * model.trade_remaining(cal.tariff_us, cal.sigma)
    left_zero = 100 * model.trade_remaining(cal.tariff_us, model.SIGMA_WITH_ZEROS)
    title = t("At the {peak}% peak about {left}% of trade survives; counting stopped flows, almost none").format(
        peak=f"{cal.tariff_us * 100:g}", left=f"{left_us:.0f}"
    )
    subtitle = t("Share of 2024 trade left at each additional tariff; the slider sets the elasticity")
    description = t(
        "Line chart of the share of 2024 trade left (vertical axis) at additional tariffs from 0 to 200 percent. "
        "With the central import demand elasticity of {sigma}, {left_us}% is left at the US peak of {us_peak}% "
        "and {left_cn}% at China's peak of {cn_peak}%; "
        "with the elasticity of {sigma_zeros} that counts flows that stop, {left_zero}% is left at {us_peak}%. "
        "A slider sets the elasticity from 1 to 6."
    ).format(
        sigma=f"{cal.sigma:g}",
        left_us=f"{left_us:.0f}",
        us_peak=f"{cal.tariff_us * 100:g}",
        left_cn=f"{100 * model.trade_remaining(cal.tariff_cn, cal.sigma):.0f}",
        cn_peak=f"{cal.tariff_cn * 100:g}",
        sigma_zeros=f"{model.SIGMA_WITH_ZEROS:g}",
        left_zero=f"{left_zero:.1f}",
    )
    chart = model_charts.trade_left(
        grid[["sigma", "tariff_pct", "remaining_pct"]],
        title=title,
        subtitle=subtitle,
        description=description,
        sigma0=cal.sigma,
        peaks=_peaks(cal),
    )
    table = grid[grid["sigma"].isin([cal.sigma, model.SIGMA_WITH_ZEROS])][["sigma", "tariff_pct", "remaining_pct"]]
    return _controls("model-trade-left", ["sigma"], "Chart control: import demand elasticity") + _full_width(
        embed(
            chart, chart_id="model-trade-left", table=table, source=TRADE_SOURCE, as_of=_today(), csv_name="model-trade-left.csv"
        )
    )


def losses_chart(cal: model.Calibration | None = None) -> str:
    cal = model.calibrate() if cal is None else cal
    grid = model.tariff_grid(cal)
    at = grid[(grid["sigma"] == cal.sigma) & (grid["tariff_pct"] == round(cal.tariff_us * 100))].iloc[0]
    more = t("China") if at["loss_cn_bn"] > at["loss_us_bn"] else t("the United States")
    title = t("In a tariff war at {rate}% both lose; {more} loses more, as it sells more").format(
        rate=f"{cal.tariff_us * 100:g}", more=more
    )
    subtitle = t("Loss when both impose the same tariff: own deadweight loss plus lost export sales ($ billion a year)")
    description = t(
        "Line chart of each side's annual loss, in billions of dollars, when both impose the same tariff from 0 to 200 percent. "
        "At {rate}% and an elasticity of {sigma}, the United States loses about {us} "
        "and China about {cn} billion dollars a year. A slider sets the elasticity from 1 to 6."
    ).format(
        rate=f"{cal.tariff_us * 100:g}",
        sigma=f"{cal.sigma:g}",
        us=style.billions(at["loss_us_bn"], 0),
        cn=style.billions(at["loss_cn_bn"], 0),
    )
    chart = model_charts.war_losses(
        grid[["sigma", "tariff_pct", "loss_us_bn", "loss_cn_bn"]],
        title=title,
        subtitle=subtitle,
        description=description,
        sigma0=cal.sigma,
        peaks=_peaks(cal),
    )
    table = grid[grid["sigma"].isin([cal.sigma, model.SIGMA_WITH_ZEROS])][["sigma", "tariff_pct", "loss_us_bn", "loss_cn_bn"]]
    return _controls("model-war-losses", ["sigma"], "Chart control: import demand elasticity") + _full_width(
        embed(
            chart, chart_id="model-war-losses", table=table, source=TRADE_SOURCE, as_of=_today(), csv_name="model-war-losses.csv"
        )
    )


def _lam_labels(cal: model.Calibration) -> list[str]:
    return [
        t("${value}bn").format(value=style.billions(cal.lam * x, 1 if cal.lam * x < 10 else 0))
        + (t(" (USGS-based)") if x == 1 else f" (×{x:g})")
        for x in model.LAMBDA_CHOICES
    ]


def restraint_chart(cal: model.Calibration | None = None) -> str:
    cal = model.calibrate() if cal is None else cal
    regions = model.restraint_grid(cal)
    path = model.path_grid(cal)
    p = model.payoffs(cal)
    need = max(model.threshold(p["US"]), model.threshold(p["CN"]))
    share = 100 * model.balance(cal)
    title = t("Balanced leverage makes restraint easiest; lopsided leverage tempts the stronger side")
    subtitle = t("By China's share of the harm capacity and patience δ; black line: 2025")
    description = t(
        "Region chart. Horizontal axis: China's share of the harm the two sides can do each other; vertical axis: patience, "
        "the weight a government gives the next round (0 to 1). Above both sides' thresholds restraint can hold; below one "
        "threshold that side is tempted to escalate. The thresholds rise towards the edges: the side holding most of the "
        "leverage is tempted. A black line marks 2025 month by month; in the central case China held {share}% of the harm "
        "capacity and restraint needed a patience of {need}. A slider sets the weight on the rival's loss θ and a radio "
        "group the dollar value of a chokepoint."
    ).format(share=f"{share:.0f}", need=f"{need:.2f}")
    moved = path[path["moved"]].drop(columns="moved").assign(month=path["month"].map(lambda d: d.isoformat()))
    chart = model_charts.restraint_regions(
        regions,
        moved,
        title=title,
        subtitle=subtitle,
        description=description,
        theta0=cal.theta,
        lam_choices=list(model.LAMBDA_CHOICES),
        lam_labels=_lam_labels(cal),
    )
    table = (
        path[(path["theta"] == cal.theta)]
        .assign(month=path["month"].map(lambda d: d.strftime("%Y-%m")))[["lam_x", "month", "b", "needed"]]
        .rename(columns={"lam_x": "chokepoint_value_multiple", "b": "china_share", "needed": "patience_needed"})
    )
    return _controls(
        "model-restraint", ["theta", "lam"], "Chart controls: weight on the rival's loss and value of chokepoints"
    ) + _full_width(
        embed(
            chart,
            chart_id="model-restraint",
            table=table,
            source="This site's model on data/leverage.csv, data/trade_monthly.csv and the chronology; USGS",
            as_of=style.data_through(path["month"], monthly=True),
            csv_name="model-restraint-path.csv",
        )
    )


def strategies_chart(cal: model.Calibration | None = None) -> str:
    cal = model.calibrate() if cal is None else cal
    moves = model.strategy_moves(cal)
    counts = model.match_counts(moves)
    best = {s: counts[counts["side"] == s].sort_values("months_matched", ascending=False).iloc[0] for s in model.SIDES}
    title = t("No textbook strategy: the best fits match {us} US and {cn} Chinese months of 12").format(
        us=best["US"]["months_matched"], cn=best["CN"]["months_matched"]
    )
    subtitle = t("Actual 2025 moves and each strategy's reply to the other side's actual moves")
    description = t(
        "Grid of months of 2025 (columns) by rows: the other side's actual moves, the chosen side's actual moves, and the moves "
        "tit-for-tat, grim trigger and generous tit-for-tat would have made. E marks escalation, R restraint. "
        "{matches}. A radio group picks which side the strategies play for."
    ).format(
        matches=t("; ").join(
            t("for {side}, {strategy} matches {months} months").format(
                side=t(SIDE_NAMES[s]),
                strategy=r["strategy"].lower() if current() == "en" else t(r["strategy"]),
                months=r["months_matched"],
            )
            for s, r in best.items()
        )
    )
    chart = model_charts.strategy_grid(
        moves.assign(month=moves["month"].map(lambda d: d.isoformat())), title=title, subtitle=subtitle, description=description
    )
    table = moves.assign(month=moves["month"].map(lambda d: d.strftime("%Y-%m")))[["side", "row", "month", "move"]]
    return _controls("model-strategies", ["side"], "Chart control: which side the strategies play for") + _full_width(
        embed(
            chart,
            chart_id="model-strategies",
            table=table,
            source="Truce Tracker chronology (data/events.csv); this site's model",
            as_of=style.data_through(moves["month"], monthly=True),
            csv_name="model-strategies-2025.csv",
        )
    )


def moves_details() -> str:
    """The 2025 moves table, folded under a summary line."""
    return f"<details><summary>{t('The 2025 moves read from the chronology')}</summary>{moves_table()}</details>"


def code_link() -> str:
    link = t("Show the code: truce/analysis/model.py on GitHub")
    rest = t("(the model, its parameters and the grids behind the charts; the tests are in tests/test_model.py).")
    return f'<p class="model-code"><a href="{CODE_URL}" rel="noopener">{link}</a> {rest}</p>'
