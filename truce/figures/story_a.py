"""Figures for the first three chapters of "The truce, told": the April 2025 spiral, Geneva and
the 90-day pause, and the duel of chip controls against rare-earth controls.

Every figure is computed from rows of ``data/``: tariff layers (``tariff_measures.csv``), the
chronology (``events.csv``), China's customs figures as reported (``china_exports_yoy.csv``,
``rare_earth_magnets.csv``) and supply shares (``rare_earth_shares.csv``). Ids start with
the chapter they serve (``spiral-``, ``geneva-``, ``duel-``).
"""

from __future__ import annotations

import datetime as dt

from truce import data
from truce.analysis import tariffs
from truce.figures.headline import all_goods_layers, headline_on
from truce.figures.registry import Result, figure

# Windows of the story, used by the counts of moves (inclusive dates).
SPIRAL = (dt.date(2025, 4, 2), dt.date(2025, 5, 9))  # Liberation Day to the eve of the Geneva talks
PAUSE = (dt.date(2025, 5, 12), dt.date(2025, 8, 11))  # Geneva joint statement to the first extension
EXPORT_CONTROL_LEVERS = ("export-controls", "critical-minerals")


# Helpers -------------------------------------------------------------------------------


def layer_rate(layer_id: str) -> Result:
    """The rate of one row of tariff_measures.csv, as the row states it."""
    frame = tariffs.measures().set_index("id")
    if layer_id not in frame.index:
        raise KeyError(f'data/tariff_measures.csv has no row "{layer_id}"')
    row = frame.loc[layer_id]
    return Result(float(row["rate_pct"]), rows=(("tariff_measures", layer_id),), as_of=row["effective_from"])


def geneva_cut(imposer: str) -> float:
    """Points by which ``imposer``'s across-the-board rate fell from its peak to the Geneva rate."""
    peak, _ = tariffs.peak(imposer)
    return peak - tariffs.headline_rate(dt.date(2025, 5, 14), imposer)


def moves(actor: str, start: dt.date, end: dt.date, direction: str = "escalation",
          levers: tuple[str, ...] | None = None) -> Result:
    """Count of chronology events by ``actor`` in ``direction`` dated in [start, end]."""
    frame = data.load("events")
    keep = ((frame["actor"] == actor) & (frame["direction"] == direction)
            & frame["date"].map(lambda d: start <= d <= end))
    if levers is not None:
        keep &= frame["lever"].isin(levers)
    ids = tuple(sorted(frame.loc[keep, "id"]))
    return Result(len(ids), rows=tuple(("events", i) for i in ids), as_of=end)


def magnets(month: str, destination: str) -> dict:
    """The row of rare_earth_magnets.csv for ``month`` (YYYY-MM or YYYY) and ``destination``."""
    frame = data.load("rare_earth_magnets")
    match = frame[(frame["month"] == month) & (frame["destination"] == destination)]
    if len(match) != 1:
        raise KeyError(f'data/rare_earth_magnets.csv: expected one row for {month} / {destination}, found {len(match)}')
    return match.iloc[0].to_dict()


def _month_end(month: str) -> dt.date:
    year, mon = (int(p) for p in (month.split("-") + ["12"])[:2])
    nxt = dt.date(year + (mon == 12), mon % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def magnet_tonnes(month: str, destination: str) -> Result:
    row = magnets(month, destination)
    return Result(float(row["tonnes"]), sources=tuple(row["source_ids"]), as_of=_month_end(month))


def magnet_fall(month: str, destination: str) -> Result:
    """Year-on-year fall in per cent, as a positive number (the row's yoy_pct with its sign flipped)."""
    row = magnets(month, destination)
    yoy = float(row["yoy_pct"])
    if not yoy < 0:
        raise ValueError(f"data/rare_earth_magnets.csv: {month} / {destination} is not a fall (yoy_pct {yoy})")
    return Result(-yoy, sources=tuple(row["source_ids"]), as_of=_month_end(month))


# Chapter 1: the spiral -------------------------------------------------------------------


@figure("spiral-us-headline-2025-04-01", unit="pct", resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods on 1 April 2025, the eve of Liberation Day (the fentanyl duty).")
def us_headline_eve_of_liberation_day() -> Result:
    """tariffs.headline_rate(2025-04-01, "US")."""
    return headline_on(dt.date(2025, 4, 1), "US")


@figure("spiral-us-baseline-reciprocal", unit="pct", resources=("tariff_measures",),
        definition="The baseline reciprocal duty that applied to Chinese goods, as to all countries, from 5 April 2025.")
def us_baseline_reciprocal() -> Result:
    """rate_pct of tariff_measures row us-ieepa-reciprocal-2025-04-05 (EO 14257 baseline)."""
    return layer_rate("us-ieepa-reciprocal-2025-04-05")


@figure("spiral-us-headline-2025-04-05", unit="pct", resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods on 5 April 2025 (fentanyl duty plus the baseline).")
def us_headline_2025_04_05() -> Result:
    """tariffs.headline_rate(2025-04-05, "US")."""
    return headline_on(dt.date(2025, 4, 5), "US")


@figure("spiral-us-reciprocal-china-announced", unit="pct", resources=("tariff_measures",),
        definition="The country-specific reciprocal rate for China announced on 2 April 2025 (EO 14257 annex).")
def us_reciprocal_china_announced() -> Result:
    """rate_pct of tariff_measures row us-ieepa-reciprocal-34-2025-04-09 (superseded the day it began)."""
    return layer_rate("us-ieepa-reciprocal-34-2025-04-09")


@figure("spiral-cn-first-retaliation", unit="pct", resources=("tariff_measures",),
        definition="China's first across-the-board retaliatory duty on US goods, announced 4 April 2025 (Tariff Commission Announcement No. 4).")
def cn_first_retaliation() -> Result:
    """rate_pct of tariff_measures row cn-all-goods-34-2025-04-10."""
    return layer_rate("cn-all-goods-34-2025-04-10")


@figure("spiral-us-reciprocal-2025-04-09", unit="pct", resources=("tariff_measures",),
        definition="The US reciprocal rate on Chinese goods from 9 April 2025 (EO 14259).")
def us_reciprocal_2025_04_09() -> Result:
    """rate_pct of tariff_measures row us-ieepa-reciprocal-2025-04-09."""
    return layer_rate("us-ieepa-reciprocal-2025-04-09")


@figure("spiral-us-headline-2025-04-09", unit="pct", resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods on 9 April 2025.")
def us_headline_2025_04_09() -> Result:
    """tariffs.headline_rate(2025-04-09, "US")."""
    return headline_on(dt.date(2025, 4, 9), "US")


@figure("spiral-cn-headline-2025-04-10", unit="pct", resources=("tariff_measures",),
        definition="China's across-the-board duty on US goods on 10 April 2025.")
def cn_headline_2025_04_10() -> Result:
    """tariffs.headline_rate(2025-04-10, "CN")."""
    return headline_on(dt.date(2025, 4, 10), "CN")


@figure("spiral-us-reciprocal-2025-04-10", unit="pct", resources=("tariff_measures",),
        definition="The US reciprocal rate on Chinese goods from 10 April 2025 (EO 14266).")
def us_reciprocal_2025_04_10() -> Result:
    """rate_pct of tariff_measures row us-ieepa-reciprocal-2025-04-10."""
    return layer_rate("us-ieepa-reciprocal-2025-04-10")


@figure("spiral-us-fentanyl-rate", unit="pct", resources=("tariff_measures",),
        definition="The IEEPA 'fentanyl' duty on all Chinese goods from 4 March to 9 November 2025.")
def us_fentanyl_2025() -> Result:
    """rate_pct of tariff_measures row us-ieepa-fentanyl-2025-03-04 (EO 14195 as amended by EO 14228)."""
    return layer_rate("us-ieepa-fentanyl-2025-03-04")


@figure("spiral-us-escalations", unit="count", resources=("events",),
        definition="Escalation moves by the United States in the chronology from 2 April to 9 May 2025.")
def us_escalations_spiral() -> Result:
    """Count of events.csv rows with actor US, direction escalation, date in 2025-04-02..2025-05-09."""
    return moves("US", *SPIRAL)


@figure("spiral-cn-escalations", unit="count", resources=("events",),
        definition="Escalation moves by China in the chronology from 2 April to 9 May 2025.")
def cn_escalations_spiral() -> Result:
    """Count of events.csv rows with actor CN, direction escalation, date in 2025-04-02..2025-05-09."""
    return moves("CN", *SPIRAL)


@figure("spiral-cn-exports-to-us-may-2025-fall", unit="pct", decimals=1, resources=("china_exports_yoy",),
        definition="Fall in China's exports to the US in May 2025 against May 2024, per China's customs data as reported.")
def cn_exports_to_us_may_2025_fall() -> Result:
    """Minus yoy_pct of the china_exports_yoy.csv row for period 2025-05."""
    frame = data.load("china_exports_yoy")
    match = frame[frame["period"] == "2025-05"]
    if len(match) != 1:
        raise KeyError("data/china_exports_yoy.csv: expected one row for period 2025-05")
    row = match.iloc[0]
    return Result(-float(row["yoy_pct"]), sources=tuple(row["source_ids"]), as_of=dt.date(2025, 5, 31))


# Chapter 2: Geneva and the 90-day pause --------------------------------------------------


@figure("geneva-cut", unit="pp", resources=("tariff_measures",),
        definition="Points by which each side's across-the-board rate fell from its April 2025 peak once the Geneva deal took effect (14 May 2025); the same for both sides.")
def geneva_cut_pp() -> Result:
    """tariffs.peak(side) minus tariffs.headline_rate(2025-05-14, side), for US and CN; fails if they differ."""
    us, cn = geneva_cut("US"), geneva_cut("CN")
    if us != cn:
        raise ValueError(f"the Geneva cuts differ (US {us:g}, CN {cn:g} points): the sentence using geneva-cut needs rewriting")
    day = dt.date(2025, 5, 14)
    return Result(us, rows=all_goods_layers(day, "US") + all_goods_layers(day, "CN"), as_of=day)


@figure("geneva-suspended", unit="pp", resources=("tariff_measures",),
        definition="Points of each side's reciprocal or retaliatory duty suspended for 90 days from 14 May 2025; the same for both sides.")
def geneva_suspended_pp() -> Result:
    """rate_pct of the US suspension row (us-ieepa-reciprocal-suspension-24-2025-05-14) and the Chinese one
    (cn-all-goods-suspension-24-2025-05-14); fails if they differ."""
    us = layer_rate("us-ieepa-reciprocal-suspension-24-2025-05-14")
    cn = layer_rate("cn-all-goods-suspension-24-2025-05-14")
    if us.value != cn.value:
        raise ValueError(f"the Geneva suspensions differ (US {us.value:g}, CN {cn.value:g} points)")
    return Result(us.value, rows=us.rows + cn.rows, as_of=dt.date(2025, 5, 14))


@figure("geneva-us-reciprocal-retained", unit="pct", resources=("tariff_measures",),
        definition="The US reciprocal duty on Chinese goods left in force by the Geneva deal (14 May 2025), after the suspension.")
def us_reciprocal_after_geneva() -> Result:
    """Net rate of tariff_measures row us-ieepa-reciprocal-34-2025-05-14 on 2025-05-14, less its suspension (tariffs.stack)."""
    day = dt.date(2025, 5, 14)
    layers = tariffs.stack(day, "US", product_class="")
    row = layers[layers["id"] == "us-ieepa-reciprocal-34-2025-05-14"]
    if len(row) != 1:
        raise KeyError("tariff_measures.csv: layer us-ieepa-reciprocal-34-2025-05-14 is not in force on 2025-05-14")
    return Result(float(row["net_pct"].iloc[0]),
                  rows=(("tariff_measures", "us-ieepa-reciprocal-34-2025-05-14"),
                        ("tariff_measures", "us-ieepa-reciprocal-suspension-24-2025-05-14")), as_of=day)


@figure("geneva-us-escalations-in-pause", unit="count", resources=("events",),
        definition="Escalation moves by the United States in the chronology from the Geneva joint statement (12 May 2025) to the first extension of the pause (11 August 2025).")
def us_escalations_pause() -> Result:
    """Count of events.csv rows with actor US, direction escalation, date in 2025-05-12..2025-08-11."""
    return moves("US", *PAUSE)


@figure("geneva-cn-escalations-in-pause", unit="count", resources=("events",),
        definition="Escalation moves by China in the chronology from the Geneva joint statement (12 May 2025) to the first extension of the pause (11 August 2025).")
def cn_escalations_pause() -> Result:
    """Count of events.csv rows with actor CN, direction escalation, date in 2025-05-12..2025-08-11."""
    return moves("CN", *PAUSE)


# Chapter 3: chips against rare earths ----------------------------------------------------


@figure("duel-magnets-world-jan-2025", unit="tonnes", resources=("rare_earth_magnets",),
        definition="China's rare-earth permanent-magnet exports to the world in January 2025, before the April controls.")
def magnets_world_jan_2025() -> Result:
    """tonnes of the rare_earth_magnets.csv row 2025-01 / world."""
    return magnet_tonnes("2025-01", "world")


@figure("duel-magnets-world-may-2025", unit="tonnes", resources=("rare_earth_magnets",),
        definition="China's rare-earth permanent-magnet exports to the world in May 2025.")
def magnets_world_may_2025() -> Result:
    """tonnes of the rare_earth_magnets.csv row 2025-05 / world."""
    return magnet_tonnes("2025-05", "world")


@figure("duel-magnets-world-may-2025-fall", unit="pct", resources=("rare_earth_magnets",),
        definition="Year-on-year fall in China's rare-earth magnet exports to the world in May 2025.")
def magnets_world_may_2025_fall() -> Result:
    """Minus yoy_pct of the rare_earth_magnets.csv row 2025-05 / world."""
    return magnet_fall("2025-05", "world")


@figure("duel-magnets-us-may-2025", unit="tonnes", decimals=1, resources=("rare_earth_magnets",),
        definition="China's rare-earth permanent-magnet exports to the United States in May 2025.")
def magnets_us_may_2025() -> Result:
    """tonnes of the rare_earth_magnets.csv row 2025-05 / US."""
    return magnet_tonnes("2025-05", "US")


@figure("duel-magnets-us-may-2025-fall", unit="pct", decimals=1, resources=("rare_earth_magnets",),
        definition="Year-on-year fall in China's rare-earth magnet exports to the United States in May 2025.")
def magnets_us_may_2025_fall() -> Result:
    """Minus yoy_pct of the rare_earth_magnets.csv row 2025-05 / US."""
    return magnet_fall("2025-05", "US")


@figure("duel-magnets-us-jun-2025", unit="tonnes", resources=("rare_earth_magnets",),
        definition="China's rare-earth permanent-magnet exports to the United States in June 2025, after the London talks.")
def magnets_us_jun_2025() -> Result:
    """tonnes of the rare_earth_magnets.csv row 2025-06 / US."""
    return magnet_tonnes("2025-06", "US")


@figure("duel-magnets-world-jul-2025", unit="tonnes", resources=("rare_earth_magnets",),
        definition="China's rare-earth permanent-magnet exports to the world in July 2025.")
def magnets_world_jul_2025() -> Result:
    """tonnes of the rare_earth_magnets.csv row 2025-07 / world."""
    return magnet_tonnes("2025-07", "world")


@figure("duel-magnets-us-2025", unit="tonnes", resources=("rare_earth_magnets",),
        definition="China's rare-earth permanent-magnet exports to the United States in the whole of 2025.")
def magnets_us_2025() -> Result:
    """tonnes of the rare_earth_magnets.csv row 2025 / US (full year)."""
    return magnet_tonnes("2025", "US")


@figure("duel-magnets-us-2025-fall", unit="pct", decimals=1, resources=("rare_earth_magnets",),
        definition="Fall in China's rare-earth magnet exports to the United States in 2025 against 2024.")
def magnets_us_2025_fall() -> Result:
    """Minus yoy_pct of the rare_earth_magnets.csv row 2025 / US."""
    return magnet_fall("2025", "US")


@figure("duel-cn-share-magnets", unit="pct", resources=("rare_earth_shares",),
        definition="China's share of world rare-earth permanent-magnet manufacturing, as the IEA put it in October 2025.")
def cn_share_magnets() -> Result:
    """share_pct of rare_earth_shares.csv row re-share-06 (stage magnets)."""
    frame = data.load("rare_earth_shares").set_index("id")
    row = frame.loc["re-share-06"]
    if row["stage"] != "magnets":
        raise ValueError("data/rare_earth_shares.csv: row re-share-06 is no longer the magnets share")
    return Result(float(row["share_pct"]), rows=(("rare_earth_shares", "re-share-06"),), as_of=dt.date(int(row["year"]), 10, 23))


@figure("duel-us-export-control-escalations-2025", unit="count", resources=("events",),
        definition="Escalation moves by the United States on export controls or critical minerals in the chronology in 2025.")
def us_export_control_escalations_2025() -> Result:
    """Count of events.csv rows with actor US, direction escalation, lever export-controls or critical-minerals, dated 2025."""
    return moves("US", dt.date(2025, 1, 1), dt.date(2025, 12, 31), levers=EXPORT_CONTROL_LEVERS)


@figure("duel-cn-export-control-escalations-2025", unit="count", resources=("events",),
        definition="Escalation moves by China on export controls or critical minerals in the chronology in 2025.")
def cn_export_control_escalations_2025() -> Result:
    """Count of events.csv rows with actor CN, direction escalation, lever export-controls or critical-minerals, dated 2025."""
    return moves("CN", dt.date(2025, 1, 1), dt.date(2025, 12, 31), levers=EXPORT_CONTROL_LEVERS)


@figure("duel-us-threatened-tariff", unit="pct", resources=("tariff_measures",),
        definition="The additional tariff on Chinese goods that President Trump threatened on 10 October 2025 from 1 November; never imposed.")
def us_threatened_tariff() -> Result:
    """rate_pct of tariff_measures row us-threat-100pct-2025-11-01 (status threatened, never counted in any rate)."""
    return layer_rate("us-threat-100pct-2025-11-01")
