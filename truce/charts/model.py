"""Interactive charts of the escalation model: pure Vega-Lite specs with parameters bound to
keyboard-operable inputs, drawn from grids precomputed in :mod:`truce.model`.

Each function takes data frames and returns an Altair chart; nothing is computed in the browser
except filtering the precomputed grid to the values the reader picks. Inputs are bound to
elements outside the chart (``element=``), so they sit in the page's reading order with their
labels instead of inside the chart's image. Colours follow :data:`truce.charts.SIDE_COLOURS`;
the site's chart script swaps them for lighter tones in dark mode.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from truce.charts import SIDE_COLOURS
from truce.charts.style import money_scale, time_format
from truce.i18n import N_, current, t
from truce.labels import SIDE_NAMES

SIDE_DOMAIN = list(SIDE_NAMES.values())  # English; charts use :func:`_sides`
SIDE_RANGE = [SIDE_COLOURS["US"], SIDE_COLOURS["CN"]]
RESTRAINT = "#009E73"
ESCALATION = "#CC79A7"
NEUTRAL = "#999999"
REGIONS = [N_("Restraint can hold"), N_("United States tempted"), N_("China tempted"), N_("Both tempted")]


def _sides() -> list[str]:
    return [t(name) for name in SIDE_NAMES.values()]


def _quoted(text: str) -> str:
    """A text as a Vega string literal."""
    return json.dumps(text, ensure_ascii=False)


REGION_COLOURS = [RESTRAINT, SIDE_COLOURS["US"], SIDE_COLOURS["CN"], NEUTRAL]


def _left_label() -> str:
    """The Vega expression of a peak's label: "57% left" / "剩余57%"."""
    before, after = t("{value}% left").split("{value}")
    value = "format(datum.remaining_pct, '.0f')"
    return " + ".join([*([f"'{before}'"] if before else []), value, *([f"'{after}'"] if after else [])])


def control_id(chart_id: str, param: str) -> str:
    """The id of the page element an input is drawn into (one element per input)."""
    return f"ctl-{chart_id}-{param}"


def _label_expr(peaks: dict[str, float]) -> str:
    """A Vega expression naming the peak a grid row sits on ('' elsewhere); labels are quoted as JSON."""
    return " : ".join(f"datum.tariff_pct == {v} ? {json.dumps(k)}" for k, v in peaks.items()) + " : ''"


def _near(field: str, param: str, tolerance: float = 0.01) -> str:
    return f"abs(datum.{field} - {param}) < {tolerance}"


def _sigma_param(chart_id: str, sigma0: float, values: list[float]) -> alt.Parameter:
    return alt.param(
        name="sigma",
        value=sigma0,
        bind=alt.binding_range(
            min=min(values),
            max=max(values),
            step=0.1,
            name=t("Import demand elasticity σ "),
            element=f"#{control_id(chart_id, 'sigma')}",
        ),
    )


def trade_left(
    grid: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    description: str,
    sigma0: float,
    peaks: dict[str, float],
    chart_id: str = "model-trade-left",
) -> alt.LayerChart:
    """Share of 2024 trade left at each tariff level for the elasticity chosen with a slider,
    with the two 2025 peak tariffs marked.

    ``grid`` has columns sigma, tariff_pct, remaining_pct (and the loss columns, unused here);
    ``peaks`` maps a label to a tariff level present in the grid.
    """
    sigma = _sigma_param(chart_id, sigma0, sorted(grid["sigma"].unique()))
    base = alt.Chart(grid).transform_filter(_near("sigma", "sigma"))
    x = alt.X("tariff_pct:Q", title=t("Additional tariff (%)"), scale=alt.Scale(domain=[0, 200]))
    y = alt.Y("remaining_pct:Q", title=t("Trade left (% of 2024)"), scale=alt.Scale(domain=[0, 100]))
    line = base.mark_line(strokeWidth=2.5, color=NEUTRAL, interpolate="monotone").encode(
        x=x,
        y=y,
        tooltip=[
            alt.Tooltip("tariff_pct:Q", title=t("Tariff (%)")),
            alt.Tooltip("remaining_pct:Q", title=t("Trade left (%)"), format=".0f"),
        ],
    )
    expr = _label_expr(peaks)
    marked = base.transform_calculate(who=expr).transform_filter("datum.who != ''")
    colour = alt.Color(
        "who:N", scale=alt.Scale(domain=list(peaks), range=SIDE_RANGE[: len(peaks)]), legend=alt.Legend(title=None, orient="top")
    )
    points = marked.mark_point(filled=True, size=90).encode(
        x=x,
        y=y,
        color=colour,
        tooltip=[
            alt.Tooltip("who:N", title=t("Peak")),
            alt.Tooltip("tariff_pct:Q", title=t("Tariff (%)")),
            alt.Tooltip("remaining_pct:Q", title=t("Trade left (%)"), format=".0f"),
        ],
    )
    text = (
        marked.transform_calculate(label=_left_label())
        .mark_text(align="left", dx=8, dy=-10, fontSize=12, fontWeight="bold")
        .encode(
            x=x,
            y=y,
            text="label:N",
            color=alt.Color("who:N", legend=None, scale=alt.Scale(domain=list(peaks), range=SIDE_RANGE[: len(peaks)])),
        )
    )
    return (
        alt.layer(line, points, text)
        .add_params(sigma)
        .properties(title=alt.Title(title, subtitle=subtitle), width="container", height=300, description=description)
    )


def war_losses(
    grid: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    description: str,
    sigma0: float,
    peaks: dict[str, float],
    chart_id: str = "model-war-losses",
) -> alt.LayerChart:
    """Each side's loss when both impose the same tariff, for the elasticity chosen with a slider.

    ``grid`` has columns sigma, tariff_pct, loss_us_bn, loss_cn_bn; ``peaks`` maps labels to
    tariff levels drawn as reference rules.
    """
    sigma = _sigma_param(chart_id, sigma0, sorted(grid["sigma"].unique()))
    base = alt.Chart(grid).transform_filter(_near("sigma", "sigma"))
    long = base.transform_fold(["loss_us_bn", "loss_cn_bn"], as_=["key", "loss"]).transform_calculate(
        side=f"datum.key == 'loss_us_bn' ? {_quoted(_sides()[0])} : {_quoted(_sides()[1])}"
        if current() != "en"
        else "datum.key == 'loss_us_bn' ? 'United States' : 'China'"
    )
    if money_scale() != 1:
        long = long.transform_calculate(loss=f"datum.loss * {money_scale()}")
    x = alt.X("tariff_pct:Q", title=t("Tariff each side puts on the other (%)"), scale=alt.Scale(domain=[0, 200]))
    lines = long.mark_line(strokeWidth=2.5, interpolate="monotone").encode(
        x=x,
        y=alt.Y("loss:Q", title=t("Loss ($ billion a year)")),
        color=alt.Color(
            "side:N", scale=alt.Scale(domain=_sides(), range=SIDE_RANGE), legend=alt.Legend(title=None, orient="top")
        ),
        tooltip=[
            alt.Tooltip("side:N", title=t("Side")),
            alt.Tooltip("tariff_pct:Q", title=t("Tariff (%)")),
            alt.Tooltip("loss:Q", title=t("Loss ($bn)"), format=",.0f"),
        ],
    )
    expr = _label_expr(peaks)
    marked = base.transform_calculate(who=expr).transform_filter("datum.who != ''")
    rules = marked.mark_rule(strokeDash=[4, 3], color=NEUTRAL).encode(x=x)
    text = marked.mark_text(angle=270, align="right", baseline="bottom", dx=-4, dy=-3, fontSize=12, color=NEUTRAL).encode(
        x=x, y=alt.value(0), text="who:N"
    )
    return (
        alt.layer(lines, rules, text)
        .add_params(sigma)
        .properties(title=alt.Title(title, subtitle=subtitle), width="container", height=300, description=description)
    )


def restraint_regions(
    regions: pd.DataFrame,
    path: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    description: str,
    theta0: float,
    lam_choices: list[float],
    lam_labels: list[str],
    step: float = 0.025,
    chart_id: str = "model-restraint",
) -> alt.LayerChart:
    """Where restraint can hold, by leverage balance (x) and patience (y), for the weight on the
    rival's loss (slider) and the value of chokepoints (radio), with the 2025 path drawn over it.

    ``regions``: theta, lam_x, b0, lo, hi, tempted (from :func:`truce.model.restraint_grid`, bins ``step`` wide);
    ``path``: theta, lam_x, month, b, needed, label (from :func:`truce.model.path_grid`, months where the
    balance moved); labels name the first month and the stretch after the last change.
    """
    theta_values = sorted(regions["theta"].unique())
    theta = alt.param(
        name="theta",
        value=theta0,
        bind=alt.binding_range(
            min=min(theta_values),
            max=max(theta_values),
            step=0.1,
            name=t("Weight on the rival's loss θ "),
            element=f"#{control_id(chart_id, 'theta')}",
        ),
    )
    lam = alt.param(
        name="lam",
        value=lam_choices[0],
        bind=alt.binding_radio(
            options=lam_choices, labels=lam_labels, name=t("Value of chokepoints "), element=f"#{control_id(chart_id, 'lam')}"
        ),
    )
    pick = f"{_near('theta', 'theta', 0.01)} && {_near('lam_x', 'lam', 0.01)}"
    colour = alt.Color(
        "region:N",
        scale=alt.Scale(domain=[t(r) for r in REGIONS], range=REGION_COLOURS),
        legend=alt.Legend(title=None, orient="top", columns=2),
    )
    x = alt.X(
        "b0:Q",
        title=t("China's share of the harm the two sides can do"),
        scale=alt.Scale(domain=[0, 1]),
        axis=alt.Axis(format=".0%"),
    )
    y_title = t("Patience δ (weight of the next round)")
    base = alt.Chart(regions).transform_filter(pick).transform_calculate(b1=f"datum.b0 + {step}")
    tip = [
        alt.Tooltip("region:N", title=t("Region")),
        alt.Tooltip("b0:Q", title=t("China's share from"), format=".0%"),
        alt.Tooltip("b1:Q", title=t("to"), format=".0%"),
        alt.Tooltip("y0:Q", title=t("Patience from"), format=".2f"),
        alt.Tooltip("y1:Q", title=t("to"), format=".2f"),
    ]
    bands = []
    hold, us, cn, both = (t(r) for r in REGIONS)
    if current() == "en":  # the English expressions as they always were
        regions_exprs = (
            ("'Both tempted'", "0", "datum.lo"),
            ("datum.tempted == 'US' ? 'United States tempted' : 'China tempted'", "datum.lo", "datum.hi"),
            ("'Restraint can hold'", "datum.hi", "1"),
        )
    else:
        regions_exprs = (
            (_quoted(both), "0", "datum.lo"),
            (f"datum.tempted == 'US' ? {_quoted(us)} : {_quoted(cn)}", "datum.lo", "datum.hi"),
            (_quoted(hold), "datum.hi", "1"),
        )
    for region_expr, y0, y1 in regions_exprs:
        bands.append(
            base.transform_calculate(region=region_expr, y0=y0, y1=y1)
            .transform_filter("datum.y1 > datum.y0")
            .mark_rect(opacity=0.45)
            .encode(
                x=x,
                x2="b1:Q",
                y=alt.Y("y0:Q", title=y_title, scale=alt.Scale(domain=[0, 1])),
                y2="y1:Q",
                color=colour,
                tooltip=tip,
            )
        )
    trail = alt.Chart(path).transform_filter(pick)
    px = alt.X("b:Q", scale=alt.Scale(domain=[0, 1]))
    py = alt.Y("needed:Q", scale=alt.Scale(domain=[0, 1]))
    path_tip = [
        alt.Tooltip("month:T", title=t("Month"), format=time_format("%B %Y")),
        alt.Tooltip("b:Q", title=t("China's share"), format=".1%"),
        alt.Tooltip("needed:Q", title=t("Patience needed"), format=".2f"),
    ]
    # a black line and labels with a white halo read on every band, in light and dark mode
    halo = trail.mark_line(color="white", strokeWidth=4.5, opacity=0.9).encode(x=px, y=py, order="month:T")
    line = trail.mark_line(color="black", strokeWidth=1.5, point=alt.OverlayMarkDef(filled=True, size=40, color="black")).encode(
        x=px, y=py, order="month:T", tooltip=path_tip
    )
    texts = []
    for where, props in (
        ("datum.label != '' && indexof(datum.label, '–') < 0", {"align": "right", "dx": -7, "dy": 12}),
        ("indexof(datum.label, '–') >= 0", {"align": "left", "dx": 7, "dy": -9}),
    ):
        for paint in ({"stroke": "white", "strokeWidth": 3, "strokeOpacity": 0.9, "fill": "white"}, {"fill": "black"}):
            texts.append(
                trail.transform_filter(where)
                .mark_text(fontSize=12, fontWeight="bold", **props, **paint)
                .encode(x=px, y=py, text="label:N")
            )
    return (
        alt.layer(*bands, halo, line, *texts)
        .add_params(theta, lam)
        .properties(title=alt.Title(title, subtitle=subtitle), width="container", height=340, description=description)
    )


def _row_name(row: str) -> str:
    """A row of :func:`truce.analysis.model.strategy_moves` in the edition's words: a strategy's
    name, or "<side>: actual"."""
    for code, name in SIDE_NAMES.items():
        if row == f"{name}: actual":
            return t("{side}: actual").format(side=t(SIDE_NAMES[code]))
    return t(row)


def strategy_grid(
    moves: pd.DataFrame, *, title: str, subtitle: str, description: str, chart_id: str = "model-strategies"
) -> alt.LayerChart:
    """Month-by-month moves in 2025: the two sides' actual moves and what each strategy would have
    played against the other side's actual moves; a radio input picks which side plays the strategies.

    ``moves`` has columns side, month, row, order, move, matches (from :func:`truce.model.strategy_moves`).
    """
    side = alt.param(
        name="side",
        value="US",
        bind=alt.binding_radio(
            options=["US", "CN"], labels=_sides(), name=t("Strategies play for "), element=f"#{control_id(chart_id, 'side')}"
        ),
    )
    moves_domain = ["restrain", "escalate"]
    if current() != "en":  # rows, moves and the legend in the edition's words
        words = {"restrain": t("restrain"), "escalate": t("escalate")}
        moves = moves.assign(row=moves["row"].map(_row_name), move=moves["move"].map(words))
        moves_domain = [words[m] for m in moves_domain]
    base = alt.Chart(moves).transform_filter("datum.side == side")
    x = alt.X(
        "month(month):O",
        title=None,
        axis=alt.Axis(
            labelAngle=0,
            labelExpr="width < 480 ? substring(datum.label, 0, 1) : datum.label"
            if current() == "en"
            else "width < 480 ? timeFormat(datum.value, '%-m') : timeFormat(datum.value, '%-m月')",
        ),
    )
    y = alt.Y("row:N", title=None, sort=alt.EncodingSortField("order", order="ascending"), axis=alt.Axis(labelLimit=200))
    tip = [
        alt.Tooltip("row:N", title=t("Row")),
        alt.Tooltip("month(month):O", title=t("Month"), format="%-m月" if current() != "en" else alt.Undefined),
        alt.Tooltip("move:N", title=t("Move")),
        alt.Tooltip("agrees:N", title=t("Same as the actual move")),
    ]
    cells = (
        base.transform_calculate(
            agrees=f"datum.matches === null ? '' : (datum.matches ? {_quoted(t('yes'))} : {_quoted(t('no'))})"
            if current() != "en"
            else "datum.matches === null ? '' : (datum.matches ? 'yes' : 'no')"
        )
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "move:N",
                scale=alt.Scale(domain=moves_domain, range=[RESTRAINT, ESCALATION]),
                legend=alt.Legend(title=None, orient="top"),
            ),
            tooltip=tip,
        )
    )
    marks = (
        base.transform_calculate(
            mark=f"datum.move == {_quoted(moves_domain[1])} ? {_quoted(t('E'))} : {_quoted(t('R'))}"
            if current() != "en"
            else "datum.move == 'escalate' ? 'E' : 'R'"
        )
        .mark_text(fontSize=12, fontWeight="bold", color="black")
        .encode(x=x, y=y, text="mark:N")
    )
    return (
        alt.layer(cells, marks)
        .add_params(side)
        .properties(title=alt.Title(title, subtitle=subtitle), width="container", height=220, description=description)
    )
