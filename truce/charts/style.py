"""The house style of every chart: the two sides' colours and labels, the third colour, the date
axis and the title with its subtitle.

Colours: the two sides use the Okabe–Ito blue and vermillion (colour-blind safe); the dark
pictures (:data:`truce.charts.render.DARK_COLOURS`) and ``charts.js`` (for live charts) use
lighter tones of them.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import altair as alt
import pandas as pd

from truce.i18n import N_, current, t

SIDE_COLOURS = {"US": "#0072B2", "CN": "#D55E00"}


SIDE_LABELS = {"US": N_("US duties on Chinese goods"), "CN": N_("China's duties on US goods")}


def side_label(side: str) -> str:
    """A side's series label in the edition being built (:data:`SIDE_LABELS`)."""
    return t(SIDE_LABELS[side])


def _side_scale() -> alt.Scale:
    return alt.Scale(domain=[side_label(k) for k in SIDE_LABELS], range=list(SIDE_COLOURS.values()))


US, CN = SIDE_COLOURS["US"], SIDE_COLOURS["CN"]
WORLD = "#009E73"


SECOND = "#E69F00"  # Okabe–Ito orange: a second series that is neither side


MONTHLY = alt.TimeIntervalStep(interval="month", step=1)


# the font every picture is measured and drawn in: DejaVu Sans is the widest common sans-serif
# (the default on Linux); where it is missing the reader's sans-serif is narrower, so text that
# fits in DejaVu fits everywhere
FONT = "DejaVu Sans, sans-serif"


# the Chinese pictures: Latin letters and digits in DejaVu Sans as above, Chinese characters in the
# reader's CJK font (vl-convert draws them in WenQuanYi Micro Hei where it is installed); every CJK
# font sets a character one em wide, so :mod:`truce.charts.check` measures them as such
FONT_ZH = "DejaVu Sans, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif"


def font(lang: str | None = None) -> str:
    """The font stack of the pictures of an edition."""
    return FONT_ZH if (lang or current()) == "zh" else FONT


# the smallest text on any chart as displayed, in CSS pixels (pictures are drawn at the width
# they are shown, so this is also the smallest font size in a spec)
MIN_FONT_PX = 12


# month labels: on a wide plot the year only under January and the first tick ("Jan 2025 · Apr ·
# Jul"); on a phone-width plot every label carries its short year ("Oct ’24 · Apr ’25"), since
# labels that would overlap are dropped and a dropped January would take its year with it
DATE_LABELS = (
    "width < 420 ? timeFormat(datum.value, '%b ’%y') : month(datum.value) == 0 || datum.index == 0 "
    "? timeFormat(datum.value, '%b %Y') : timeFormat(datum.value, '%b')"
)


# the same in Chinese: "2025年4月 · 7月 · 10月" on a wide plot, "25年4月" on a phone
DATE_LABELS_ZH = (
    "width < 420 ? timeFormat(datum.value, '%y年%-m月') : month(datum.value) == 0 || datum.index == 0 "
    "? timeFormat(datum.value, '%Y年%-m月') : timeFormat(datum.value, '%-m月')"
)


# date formats of tooltips and axes in Chinese (Vega's English month names otherwise)
TIME_FORMATS_ZH = {
    "%B %Y": "%Y年%-m月",
    "%b %Y": "%Y年%-m月",
    "%-d %B %Y": "%Y年%-m月%-d日",
    "%-d %b %Y": "%Y年%-m月%-d日",
    "%Y": "%Y年",
}


def time_format(fmt: str) -> str:
    """A Vega time format in the edition being built (English formats unchanged)."""
    return TIME_FORMATS_ZH[fmt] if current() == "zh" else fmt


def month_format():
    """The format of a month in a tooltip that has none in English (Vega's default there)."""
    return "%Y年%-m月" if current() == "zh" else alt.Undefined


# the first and last labels are flush with the ends of the axis, so they never hang outside the picture
DATE_AXIS = alt.Axis(labelExpr=DATE_LABELS, labelOverlap="parity", labelSeparation=8, labelFlush=True, title=None)


def money_scale() -> int:
    """What a value in US$ billion is multiplied by to be shown in the edition's unit: 1 in English,
    10 in Chinese, which counts dollars in 亿 (10⁸: US$1 billion = 10亿美元; glossary "yi-usd")."""
    return 10 if current() == "zh" else 1


def billions(value: float, digits: int = 1) -> str:
    """An amount in US$ billion as the edition writes its number: "12.3" (billion) / "123" (亿)."""
    if current() == "zh":
        return f"{value * 10:,.{max(digits - 1, 0)}f}"
    return f"{value:,.{digits}f}"


def date_axis(**kw) -> alt.Axis:
    """The house date axis (see :data:`DATE_AXIS`) in the edition being built, with some
    properties changed."""
    base = DATE_AXIS.to_dict()
    if current() == "zh":
        base["labelExpr"] = DATE_LABELS_ZH
    return alt.Axis(**{**base, **kw})


def year_axis(**kw) -> alt.Axis:
    """An axis of years: "2025" in English, "2025年" in Chinese."""
    return alt.Axis(format=time_format("%Y"), **kw)


# dates the tariff charts mark, as turning-point labels of :func:`truce.analysis.events.turning_points`
KEY_MOVES = (N_("Liberation Day"), N_("Geneva"), N_("Busan"), N_("Supreme Court"))


NO_DATA = "#888888"


# a rate line is solid while sources confirm it and dashed after the last confirmed date
# (the ``part`` column of :func:`truce.analysis.tariffs.split_at_confirmation`)
CONFIRMED_DASH = alt.StrokeDash("part:N", scale=alt.Scale(domain=["sourced", "unconfirmed"], range=[[1, 0], [6, 4]]), legend=None)
UNCONFIRMED_NOTE = N_("dashed: no source after the date the state was last confirmed; the line follows the legal texts")


def confirmed_label(series: pd.DataFrame, label: str) -> str:
    """An end label for a series that may end unconfirmed: "China on US" or "China on US, unconfirmed"."""
    return (
        t("{label}, unconfirmed").format(label=label) if "part" in series and (series["part"] == "unconfirmed").any() else label
    )


# the halo behind labels drawn over lines: the page background (the dark pictures swap it)
HALO = "#fffffe"


# a column that marks the rows of labels, bands and rules drawn around the data (key moves,
# "no data" months, end labels): :func:`truce.charts.render.chart_data` leaves them out, so a
# chart's data is exactly the data it was given
DECORATION = "decoration"


def decoration(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(**{DECORATION: True})


def _dates(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    return frame.assign(**{c: pd.to_datetime(frame[c]) for c in columns})


def _title(title: str, subtitle: str) -> alt.Title:
    """A title on short lines, so that it fits a phone screen (Vega does not wrap titles; the
    static pictures re-wrap them to their own width)."""
    return alt.Title(wrap_text(title, 46), subtitle=wrap_text(subtitle, 62), anchor="start")


def wide(ch: str) -> bool:
    """A character set one em wide (Chinese, Japanese, Korean, full-width punctuation)."""
    import unicodedata

    return unicodedata.east_asian_width(ch) in ("W", "F")


def wrap_at_spaces(text: str, max_chars: int) -> list[str]:
    """``text`` on lines of at most ``max_chars`` characters, broken at spaces only: a word longer
    than a line (a URL) stays whole. Text with Chinese characters goes to :func:`wrap_text`."""
    if any(wide(ch) for ch in text):
        return wrap_text(text, max_chars)
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > max_chars:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def wrap_text(text: str, width: int) -> list[str]:
    """``text`` on lines of at most ``width`` characters, at spaces; text with Chinese characters
    (which has no spaces between words) may also break between two Chinese characters, never inside
    a Latin word or number, nor before closing punctuation; a Chinese character counts as two."""
    if not any(wide(ch) for ch in text):
        return textwrap.wrap(text, width, break_on_hyphens=False)
    tokens: list[str] = []  # Chinese characters one by one, Latin words whole, spaces apart
    for ch in text:
        if wide(ch) or ch == " " or not tokens or wide(tokens[-1][-1]) or tokens[-1] == " ":
            tokens.append(ch)
        else:
            tokens[-1] += ch
    size = lambda token: sum(2 if wide(ch) else 1 for ch in token)  # noqa: E731
    lines, line = [], ""
    for token in tokens:
        if line and size(line) + size(token) > width and token[0] not in CLOSING and token != " ":
            lines.append(line.strip())
            line = ""
        line = line + token if line or token != " " else line
    return [*lines, line.strip()] if line.strip() else lines


# punctuation a Chinese line never starts with
CLOSING = "，。、；：）」』》！？%,.;:)"


def data_through(dates, *, monthly: bool = False) -> dt.date:
    """The date of a chart's latest data point (for a monthly series, the last day of its last
    month): the chart's "as of" date."""
    last = pd.to_datetime(pd.Series(list(dates))).max()
    if monthly:
        last = last.to_period("M").to_timestamp(how="end")
    return last.date()


def month_starts(dates) -> list[pd.Timestamp]:
    return sorted({pd.Timestamp(d).to_period("M").to_timestamp() for d in dates})


def missing_months(dates, start=None, end=None) -> pd.DataFrame:
    """The months from ``start`` (or the first of ``dates``) to ``end`` (or the last) that have
    no row in ``dates``: columns month, until (the next month's first day), mid (mid-month)."""
    have = month_starts(dates)
    if not have:
        return pd.DataFrame(columns=["month", "until", "mid"])
    first = pd.Timestamp(start).to_period("M").to_timestamp() if start is not None else have[0]
    last = pd.Timestamp(end).to_period("M").to_timestamp() if end is not None else have[-1]
    gaps = [m for m in pd.date_range(first, last, freq="MS") if m not in set(have)]
    return pd.DataFrame(
        {"month": gaps, "until": [m + pd.offsets.MonthBegin(1) for m in gaps], "mid": [m + pd.Timedelta(days=14) for m in gaps]}
    )


def no_data_marks(gaps: pd.DataFrame, *, label: str = N_("no data")) -> list[alt.Chart]:
    """A pale band over each month without data, labelled, so a gap never reads as zero.
    ``gaps``: month, until, mid (from :func:`missing_months`)."""
    if gaps is None or gaps.empty:
        return []
    label = t(label)
    frame = decoration(gaps.assign(no_data=label))
    band = (
        alt.Chart(frame)
        .mark_rect(color=NO_DATA, opacity=0.18)
        .encode(
            x="month:T",
            x2="until:T",
            tooltip=[
                alt.Tooltip("month:T", title=t("Month"), format=time_format("%B %Y")),
                alt.Tooltip("no_data:N", title=t("Data")),
            ],
        )
    )
    text = (
        alt.Chart(frame)
        .mark_text(angle=270, align="left", baseline="middle", dx=4, y="height", fontSize=MIN_FONT_PX, color=NO_DATA)
        .encode(x="mid:T", text="no_data:N")
    )
    return [band, text]


def key_moves(moves: pd.DataFrame, start, end) -> pd.DataFrame:
    """The turning points named in :data:`KEY_MOVES` between ``start`` and ``end``: date, move."""
    frame = moves[moves["label"].isin(KEY_MOVES)]
    keep = frame["date"].map(lambda d: pd.Timestamp(start) <= pd.Timestamp(d) <= pd.Timestamp(end))
    names = frame[keep]["label"].map(lambda label: t(label))
    return pd.DataFrame({"date": pd.to_datetime(frame[keep]["date"]), "move": names}).reset_index(drop=True)


def annotation_marks(moves: pd.DataFrame | None) -> list[alt.Chart]:
    """A dashed rule at each key move with its name along it (``moves``: date, move)."""
    if moves is None or moves.empty:
        return []
    moves = decoration(moves)
    rule = (
        alt.Chart(moves)
        .mark_rule(strokeDash=[3, 3], color=NO_DATA)
        .encode(
            x="date:T",
            tooltip=[
                alt.Tooltip("move:N", title=t("Move")),
                alt.Tooltip("date:T", title=t("Date"), format=time_format("%-d %B %Y")),
            ],
        )
    )
    text = (
        alt.Chart(moves)
        .mark_text(angle=270, align="right", baseline="bottom", dx=-2, dy=-2, fontSize=MIN_FONT_PX, color=NO_DATA)
        .encode(x="date:T", y=alt.value(0), text="move:N")
    )
    return [rule, text]


def end_labels(
    frame: pd.DataFrame, *, x: str, y: str, series: str, colours: dict[str, str], fmt=None, close: float = 0.14
) -> list[alt.Chart]:
    """Direct labels just above the last point of each series, right-aligned, instead of a
    legend (for up to three series). Where two ends lie within ``close`` of the value range of
    each other, the higher label moves up a line so the two never overlap."""
    last = frame.sort_values(x).groupby(series, as_index=False).last()
    last = last.sort_values(y, ascending=True, kind="stable").reset_index(drop=True)
    span = float(frame[y].max() - min(frame[y].min(), 0)) or 1.0
    marks, shift, prev = [], 0, None
    for _, row in last.iterrows():
        shift = shift + 1 if prev is not None and (row[y] - prev) / span < close else 0
        prev = row[y]
        value = "" if fmt is None else f": {fmt(row[y])}"
        label = decoration(pd.DataFrame({"at": [row[x]], "level": [row[y]], "end_label": [f"{row[series]}{value}"]}))
        kind = "T" if pd.api.types.is_datetime64_any_dtype(frame[x]) else "Q"
        where = {
            "align": "right",
            "baseline": "bottom",
            "dx": -2,
            "dy": -4 - 16 * shift,
            "fontSize": MIN_FONT_PX + 1,
            "fontWeight": "bold",
        }
        enc = {"x": alt.X(f"at:{kind}"), "y": "level:Q", "text": "end_label:N"}
        marks.append(
            alt.Chart(label).mark_text(**where, color=HALO, stroke=HALO, strokeWidth=4, strokeJoin="round").encode(**enc)
        )
        marks.append(alt.Chart(label).mark_text(**where, color=colours[row[series]]).encode(**enc))
    return marks
