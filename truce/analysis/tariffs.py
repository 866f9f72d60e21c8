"""The tariff stack: which legal layers were in force on a day, and what they add up to.

Each row of ``data/tariff_measures.csv`` is one legal layer at one rate for one period.
A layer counts on day ``d`` when ``effective_from <= d < effective_to`` (an empty
``effective_to`` means still in force). A suspension is its own row: it names the layer it
suspends in ``suspends`` and takes ``rate_pct`` points off that layer while it runs.
Threatened measures are recorded but never counted.

* :func:`layers_in_force` — the rows that apply on a day;
* :func:`headline_rate` — the across-the-board additional duty (all-goods layers only);
* :func:`stack` — the full stack for one product class (all-goods layers plus the product layers;
  an all-goods layer may exempt classes, as the 2025 reciprocal duties exempted Section 232 goods).

Every layer ends at its legal end date (a statutory limit, the end of a fixed-term suspension),
for both sides alike. Whether anything happened on that date is a separate question:
``data/tariff_confirmed.csv`` holds, per side, the last date a source describes the state of play
(:func:`confirmed_through`). :func:`with_confirmation` marks each point of a rate series as
sourced or not, so charts and tables can show the part after that date as unconfirmed.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools

import pandas as pd

from truce import data

NEVER_COUNTED = {"threatened"}
IMPOSERS = ("US", "CN")


def measures() -> pd.DataFrame:
    """The validated tariff layers."""
    return data.load("tariff_measures")


def confirmed_through(imposer: str, confirmed: pd.DataFrame | None = None) -> dt.date:
    """The last date on which a source describes ``imposer``'s across-the-board duty as in force."""
    frame = data.load("tariff_confirmed") if confirmed is None else confirmed
    found = frame.loc[frame["imposer"] == imposer, "confirmed_through"]
    if len(found) != 1:
        raise ValueError(
            f'data/tariff_confirmed.csv has {len(found)} rows for imposer "{imposer}" — '
            "add exactly one row per side (US and CN) with the date its state was last confirmed"
        )
    return found.iloc[0]


UNCONFIRMED = "no source after {date:%-d %b %Y}"
SOURCED = "sourced"


def with_confirmation(series: pd.DataFrame, confirmed: pd.DataFrame | None = None) -> pd.DataFrame:
    """A step series (date, imposer and values) with a ``state`` column: "sourced" up to each
    side's :func:`confirmed_through` date, "no source after <date>" beyond it.

    Where the series runs past that date, a point is added on it (the step in force then), so
    the sourced part ends exactly there; :func:`split_at_confirmation` repeats that point for the
    unconfirmed part, so a chart can draw the two parts as one continuous line."""
    parts = []
    for side, rows in series.groupby("imposer", sort=False):
        until = confirmed_through(side, confirmed)
        rows = rows.sort_values("date")
        if rows["date"].max() > until and until not in set(rows["date"]):
            before = rows[rows["date"] < until]
            if len(before):
                rows = pd.concat([rows, before.tail(1).assign(date=until)]).sort_values("date")
        later = rows["date"] > until
        parts.append(rows.assign(state=[UNCONFIRMED.format(date=until) if x else SOURCED for x in later]))
    return pd.concat(parts, ignore_index=True) if parts else series.assign(state=[])


def split_at_confirmation(series: pd.DataFrame) -> pd.DataFrame:
    """For charts: :func:`with_confirmation` output with the last sourced point of each side
    repeated as the first unconfirmed one (a ``part`` column: "sourced" or "unconfirmed")."""
    parts = []
    for _side, rows in series.groupby("imposer", sort=False):
        sourced = rows[rows["state"] == SOURCED]
        later = rows[rows["state"] != SOURCED]
        parts.append(sourced.assign(part="sourced"))
        if len(later):
            joint = sourced.tail(1).assign(state=later["state"].iloc[0])
            parts.append(pd.concat([joint, later]).assign(part="unconfirmed"))
    return pd.concat(parts, ignore_index=True)


def _active(frame: pd.DataFrame, on: dt.date) -> pd.Series:
    starts = frame["effective_from"].map(lambda d: d <= on)
    ends = frame["effective_to"].map(lambda d: d is None or on < d)
    return starts & ends & ~frame["status"].isin(NEVER_COUNTED)


def layers_in_force(on: dt.date, imposer: str, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows (layers and suspensions) of ``imposer`` in force on ``on``; threatened rows excluded."""
    if imposer not in IMPOSERS:
        raise ValueError(f'imposer must be one of {IMPOSERS}, not "{imposer}"')
    frame = measures() if table is None else table
    frame = frame[frame["imposer"] == imposer]
    return frame[_active(frame, on)].copy()


def _net(rows: pd.DataFrame, keep) -> float:
    """Sum the layers that ``keep`` accepts, less the suspensions of those layers."""
    layers = rows[rows["suspends"] == ""]
    suspensions = rows[rows["suspends"] != ""]
    kept = layers[layers.apply(keep, axis=1)] if len(layers) else layers
    total = float(kept["rate_pct"].sum())
    for _, s in suspensions.iterrows():
        if s["suspends"] in set(kept["id"]):
            target = kept.loc[kept["id"] == s["suspends"], "rate_pct"].iloc[0]
            total -= min(float(s["rate_pct"]), float(target))
    return round(total, 6) + 0.0


def headline_rate(on: dt.date, imposer: str, table: pd.DataFrame | None = None) -> float:
    """Additional duty in percentage points that ``imposer`` applied to *all* goods from the
    other side on ``on``: the all-goods layers in force, less their suspensions."""
    if table is None:  # the site's layers: worked out once per day, side and state of the file
        return _headline_of_file(on, imposer, data.data_fingerprint(resources=["tariff_measures"]))
    rows = layers_in_force(on, imposer, table)
    return _net(rows, lambda r: r["scope"] == "all-goods")


@functools.lru_cache(maxsize=4096)
def _headline_of_file(on: dt.date, imposer: str, state: str) -> float:
    return headline_rate(on, imposer, measures())


def stack(on: dt.date, imposer: str, product_class: str, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The layers that hit a good of ``product_class`` on ``on``: all-goods layers plus the
    product-specific layers of that class, each with its net rate after suspensions."""
    rows = layers_in_force(on, imposer, table)
    covers = (
        rows.apply(lambda r: r["scope"] == "all-goods" and not _exempt(product_class, r.get("exempt_classes", "")), axis=1)
        if len(rows)
        else rows["scope"] == ""
    )
    applies = rows[covers | (rows["product_class"] == product_class)]
    layers = applies[applies["suspends"] == ""].copy()
    suspended = rows[rows["suspends"] != ""].groupby("suspends")["rate_pct"].sum()
    layers["net_pct"] = [
        max(rate - float(suspended.get(lid, 0.0)), 0.0) for lid, rate in zip(layers["id"], layers["rate_pct"], strict=False)
    ]
    return layers.sort_values(["scope", "effective_from"]).reset_index(drop=True)


def _exempt(product_class: str, patterns: str) -> bool:
    """Whether an all-goods layer's ``exempt_classes`` patterns exclude ``product_class``."""
    return bool(product_class) and any(fnmatch.fnmatchcase(product_class, p) for p in (patterns or "").split(";") if p)


def stack_rate(on: dt.date, imposer: str, product_class: str, table: pd.DataFrame | None = None) -> float:
    """Total additional duty on a good of ``product_class`` on ``on``."""
    return round(float(stack(on, imposer, product_class, table)["net_pct"].sum()), 6) + 0.0


def change_dates(imposer: str, table: pd.DataFrame | None = None) -> list[dt.date]:
    """Every date on which some counted row of ``imposer`` starts or ends, sorted."""
    frame = measures() if table is None else table
    frame = frame[(frame["imposer"] == imposer) & ~frame["status"].isin(NEVER_COUNTED)]
    dates = set(frame["effective_from"]) | {d for d in frame["effective_to"] if d is not None}
    return sorted(dates)


def headline_series(imposer: str, start: dt.date, end: dt.date, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The headline rate as a step series: one row per change date in [start, end], plus the ends."""
    points = sorted({start, end} | {d for d in change_dates(imposer, table) if start <= d <= end})
    return pd.DataFrame({"date": points, "imposer": imposer, "rate_pct": [headline_rate(d, imposer, table) for d in points]})


def headline_series_both(start: dt.date, end: dt.date, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`headline_series` for both sides, one after the other."""
    return pd.concat([headline_series(side, start, end, table) for side in IMPOSERS], ignore_index=True)


def peak(imposer: str, table: pd.DataFrame | None = None) -> tuple[float, dt.date]:
    """The highest headline rate ever in force and the first day it applied."""
    dates = change_dates(imposer, table)
    best = max(dates, key=lambda d: (headline_rate(d, imposer, table), -d.toordinal()))
    return headline_rate(best, imposer, table), best


COUNTS_LABELS = {
    "statutory-headline": "across-the-board rate (all goods)",
    "product-stack": "full stack on one class of goods",
    "trade-weighted-average": "trade-weighted average over all goods",
    "political-claim": "a statement; method not given",
}


def reconciliation(quoted: pd.DataFrame | None = None, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each commonly quoted number next to what the legal layers give for the same day.

    For a statutory headline, political claim or trade-weighted average the comparison is the
    headline rate on ``refers_to``; for a product stack it is :func:`stack_rate` for its class."""
    frame = data.load("quoted_rates") if quoted is None else quoted
    out = []
    for r in frame.sort_values(["refers_to", "imposer", "id"]).to_dict("records"):
        if r["counts"] == "product-stack":
            ours, basis = stack_rate(r["refers_to"], r["imposer"], r["product_class"], table), f"stack on {r['product_class']}"
        else:
            ours, basis = headline_rate(r["refers_to"], r["imposer"], table), "headline rate"
        out.append({**r, "computed_pct": ours, "computed_basis": basis, "difference_pp": round(r["value_pct"] - ours, 1)})
    return pd.DataFrame(out)


def stack_snapshots(start: dt.date, end: dt.date, table: pd.DataFrame | None = None) -> list[dict]:
    """For every change date in [start, end] and each side: the all-goods layers and their net rates.
    Used by the tracker's date control (the page picks the last snapshot on or before a day)."""
    snaps = []
    for side in IMPOSERS:
        points = sorted({start} | {d for d in change_dates(side, table) if start <= d <= end})
        for day in points:
            layers = stack(day, side, "", table)
            layers = layers[layers["scope"] == "all-goods"]
            snaps.append(
                {
                    "date": day.isoformat(),
                    "imposer": side,
                    "total": headline_rate(day, side, table),
                    "layers": [
                        {"instrument": r["instrument"], "points": r["net_pct"], "id": r["id"]}
                        for r in layers.to_dict("records")
                        if r["net_pct"] > 0
                    ],
                }
            )
    return snaps


def layer_table(start: dt.date, end: dt.date, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Net contribution of each all-goods instrument from ``start`` to ``end``, one row per
    period and layer, stacked (``y0``, ``y1``) so every band of a chart is exact; periods are
    split at each side's :func:`confirmed_through` date and marked (``state``) as sourced or not."""
    rows = []
    for side in IMPOSERS:
        until = confirmed_through(side)
        points = sorted({start, end} | {d for d in [*change_dates(side, table), until] if start <= d <= end})
        per_day = []
        for day in points:
            net = stack(day, side, product_class="", table=table)
            net = net[net["scope"] == "all-goods"]
            per_day.append((day, net.groupby("instrument")["net_pct"].sum().to_dict()))
        for (day, layers), nxt in zip(per_day, [d for d, _ in per_day[1:]] + [end], strict=False):
            base = 0.0
            for name in sorted(layers):
                value = float(layers[name])
                if value > 0 and nxt > day:
                    rows.append(
                        {
                            "date": day,
                            "until": nxt,
                            "imposer": side,
                            "layer": name,
                            "net_pct": value,
                            "y0": base,
                            "y1": base + value,
                            "state": SOURCED if day < until else UNCONFIRMED.format(date=until),
                        }
                    )
                    base += value
    return pd.DataFrame(rows)
