"""Figures for the story chapters on soybeans, Busan, the courts and 2026, and détente.

Every value is computed from rows of ``data/``: soybean volumes and pledges from
``soybeans.csv``, rates from the tariff layers, counts from ``events.csv`` and
``commitments.csv``, trade from ``trade_monthly.csv`` and ``china_exports_yoy.csv``,
magnets and supply shares from the rare-earth files. Where a commitment or an event states
an amount only in its text (``commitments.csv`` has no amount column), the figure reads
that amount out of the row's text and fails loudly if the text no longer contains it.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from truce import data
from truce.analysis import tariffs
from truce.figures.registry import Result, figure

BUSAN_IN_FORCE = dt.date(2025, 11, 10)
CENSUS_VINTAGE = "Census release of 2026-03 (before annual revision)"


# Helpers ----------------------------------------------------------------------------------


def _row(resource: str, row_id: str) -> dict:
    frame = data.load(resource)
    found = frame[frame["id"] == row_id]
    if len(found) != 1:
        raise LookupError(f'data/{resource}.csv: no single row with id "{row_id}"')
    return found.iloc[0].to_dict()


def _soy(row_id: str, unit: str = "mmt") -> Result:
    row = _row("soybeans", row_id)
    if row["unit"] != unit:
        raise ValueError(f'data/soybeans.csv: row {row_id} is in {row["unit"]}, expected {unit}')
    return Result(row["value"], rows=(("soybeans", row_id),), as_of=row["as_of"] or None)


def _layer_rate(row_id: str) -> Result:
    row = _row("tariff_measures", row_id)
    return Result(row["rate_pct"], rows=(("tariff_measures", row_id),), as_of=row["effective_from"])


def _amount_in_text(resource: str, row_id: str, column: str, pattern: str) -> Result:
    """The number captured by ``pattern`` in one cell of one row (commas removed)."""
    row = _row(resource, row_id)
    found = re.findall(pattern, row[column])
    if len(found) != 1:
        raise ValueError(f'data/{resource}.csv: row {row_id}, column {column}: expected one match of {pattern!r}, found {len(found)}')
    return Result(float(found[0].replace(",", "")), rows=((resource, row_id),))


def _moves(actor: str, direction: str, year: int, lever: str | None = None) -> Result:
    events = data.load("events")
    mask = (events["actor"] == actor) & (events["direction"] == direction) & events["date"].map(lambda d: d.year == year)
    if lever:
        mask &= events["lever"] == lever
    chosen = events[mask]
    return Result(len(chosen), rows=tuple(("events", i) for i in chosen["id"]), as_of=dt.date(year, 12, 31))


def _busan(party: str, outcomes: tuple[str, ...] | None = None) -> Result:
    frame = data.load("commitments")
    frame = frame[(frame["round"] == "busan-2025") & (frame["party"] == party)]
    if outcomes:
        frame = frame[frame["outcome"].isin(outcomes)]
    return Result(len(frame), rows=tuple(("commitments", i) for i in frame["id"]))


def _census_year(year: int, column: str) -> tuple[float, tuple[str, ...]]:
    trade = data.load("trade_monthly")
    rows = trade[(trade["vintage"] == CENSUS_VINTAGE) & trade["month"].str.startswith(f"{year}-")]
    if len(rows) != 12:
        raise ValueError(f"data/trade_monthly.csv: {len(rows)} months of {year} in vintage {CENSUS_VINTAGE!r}, need 12")
    sources = tuple(sorted({s for ids in rows["source_ids"] for s in ids}))
    return float(rows[column].sum()), sources


def _census_change(column: str) -> Result:
    before, s1 = _census_year(2024, column)
    after, s2 = _census_year(2025, column)
    return Result(round((1 - after / before) * 100), sources=tuple(sorted(set(s1) | set(s2))), as_of=dt.date(2025, 12, 31))


def _china_exports(period: str) -> pd.Series:
    frame = data.load("china_exports_yoy")
    found = frame[frame["period"] == period]
    if len(found) != 1:
        raise LookupError(f'data/china_exports_yoy.csv: no single row for period "{period}"')
    return found.iloc[0]


def _magnets(month: str, destination: str) -> pd.Series:
    frame = data.load("rare_earth_magnets")
    found = frame[(frame["month"] == month) & (frame["destination"] == destination)]
    if len(found) != 1:
        raise LookupError(f"data/rare_earth_magnets.csv: no single row for {month}, {destination}")
    return found.iloc[0]


# Chapter 4: soybeans -------------------------------------------------------------------------


@figure("story-soy-us-exports-2017-usd", unit="usd_bn", decimals=1, resources=("soybeans",),
        definition="Value of US soybean exports to China in 2017, before China's 2018 retaliatory tariff.")
def soy_us_exports_2017_usd() -> Result:
    """Row soy-01 of soybeans.csv (US exports to China, calendar 2017, US$ billion)."""
    return _soy("soy-01", "usd_bn")


@figure("story-soy-us-exports-2024-mmt", unit="mmt", decimals=1, resources=("soybeans",),
        definition="US soybean exports to China in calendar 2024, million tonnes.")
def soy_us_exports_2024_mmt() -> Result:
    """Row soy-04 of soybeans.csv (US exports, calendar 2024, million tonnes)."""
    return _soy("soy-04")


@figure("story-soy-us-exports-2024-usd", unit="usd_bn", decimals=1, resources=("soybeans",),
        definition="Value of US soybean exports to China in calendar 2024.")
def soy_us_exports_2024_usd() -> Result:
    """Row soy-05 of soybeans.csv (US exports, calendar 2024, US$ billion)."""
    return _soy("soy-05", "usd_bn")


@figure("story-soy-cn-duty-peak", unit="pct", resources=("tariff_measures",),
        definition="China's additional duties on US soybeans at the April 2025 peak (all-goods layers plus the March 2025 farm tariff).")
def soy_cn_duty_peak() -> Result:
    """tariffs.stack_rate(2025-04-12, "CN", "cn-march-2025-farm-10"): China's all-goods layers in force plus the
    10% farm-goods layer that covered soybeans. Most-favoured-nation duty and VAT are not included."""
    day = dt.date(2025, 4, 12)
    layers = tariffs.stack(day, "CN", "cn-march-2025-farm-10")
    return Result(tariffs.stack_rate(day, "CN", "cn-march-2025-farm-10"), rows=tuple(("tariff_measures", i) for i in layers["id"]), as_of=day)


@figure("story-soy-cn-duty-autumn-2025", unit="pct", resources=("tariff_measures",),
        definition="China's additional duties on US soybeans in September 2025, when it bought none of the new US crop.")
def soy_cn_duty_autumn() -> Result:
    """tariffs.stack_rate(2025-09-01, "CN", "cn-march-2025-farm-10"): the retained all-goods layer plus the
    March 2025 farm tariff. Most-favoured-nation duty and VAT are not included."""
    day = dt.date(2025, 9, 1)
    layers = tariffs.stack(day, "CN", "cn-march-2025-farm-10")
    return Result(tariffs.stack_rate(day, "CN", "cn-march-2025-farm-10"), rows=tuple(("tariff_measures", i) for i in layers["id"]), as_of=day)


@figure("story-soy-cn-duty-busan", unit="pct", resources=("tariff_measures",),
        definition="China's additional duties on US soybeans once the Busan measures took effect (10 November 2025).")
def soy_cn_duty_busan() -> Result:
    """tariffs.stack_rate(2025-11-10, "CN", "cn-march-2025-farm-10"): the farm tariff has ended, the 10% all-goods
    layer remains. Most-favoured-nation duty and VAT are not included."""
    layers = tariffs.stack(BUSAN_IN_FORCE, "CN", "cn-march-2025-farm-10")
    return Result(tariffs.stack_rate(BUSAN_IN_FORCE, "CN", "cn-march-2025-farm-10"),
                  rows=tuple(("tariff_measures", i) for i in layers["id"]), as_of=BUSAN_IN_FORCE)


@figure("story-soy-us-exports-jan-aug-2025", unit="mmt", decimals=1, resources=("soybeans",),
        definition="US soybean exports to China in January-August 2025 (US export data as reported by the American Farm Bureau Federation).")
def soy_us_exports_jan_aug_2025() -> Result:
    """Row soy-13 of soybeans.csv (cumulative US exports, January-August 2025)."""
    return _soy("soy-13")


@figure("story-soy-cn-imports-sep-2024", unit="mmt", decimals=1, resources=("soybeans",),
        definition="China's soybean imports from the US in September 2024 (China customs), the year-earlier month to the first zero.")
def soy_cn_imports_sep_2024() -> Result:
    """Row soy-07 of soybeans.csv."""
    return _soy("soy-07")


@figure("story-soy-cn-imports-dec-2024", unit="mmt", decimals=2, resources=("soybeans",),
        definition="China's soybean imports from the US in December 2024 (China customs).")
def soy_cn_imports_dec_2024() -> Result:
    """Row soy-08 of soybeans.csv."""
    return _soy("soy-08")


@figure("story-soy-cn-imports-jul-2025", unit="mmt", decimals=2, resources=("soybeans",),
        definition="China's soybean imports from the US in July 2025 (China customs).")
def soy_cn_imports_jul_2025() -> Result:
    """Row soy-12 of soybeans.csv."""
    return _soy("soy-12")


@figure("story-soy-cn-zero-months-2025", unit="count", resources=("soybeans",),
        definition="Months of 2025 in which China customs recorded no soybean imports from the US.")
def soy_cn_zero_months_2025() -> Result:
    """Count of soybeans.csv rows with measure china-imports-from-us, period_kind month, a 2025 period and value 0."""
    soy = data.load("soybeans")
    zero = soy[(soy["measure"] == "china-imports-from-us") & (soy["period_kind"] == "month")
               & soy["period"].str.startswith("2025-") & (soy["value"] == 0)]
    return Result(len(zero), rows=tuple(("soybeans", i) for i in zero["id"]), as_of=dt.date(2025, 12, 31))


@figure("story-soy-cn-imports-jan-sep-2025", unit="mmt", decimals=1, resources=("soybeans",),
        definition="China's soybean imports from the US in January-September 2025 (China customs).")
def soy_cn_imports_jan_sep_2025() -> Result:
    """Row soy-14 of soybeans.csv."""
    return _soy("soy-14")


@figure("story-soy-cn-imports-2025", unit="mmt", decimals=2, resources=("soybeans",),
        definition="China's soybean imports from the US in calendar 2025 (China customs).")
def soy_cn_imports_2025() -> Result:
    """Row soy-19 of soybeans.csv."""
    return _soy("soy-19")


@figure("story-soy-pledge-2025", unit="mmt", resources=("soybeans",),
        definition="Initial Chinese purchase of US soybeans announced by US officials after Busan.")
def soy_pledge_2025() -> Result:
    """Row soy-20 of soybeans.csv (measure commitment)."""
    return _soy("soy-20")


@figure("story-soy-pledge-annual", unit="mmt", resources=("soybeans",),
        definition="Minimum annual Chinese purchase of US soybeans in 2026, 2027 and 2028, as announced by US officials.")
def soy_pledge_annual() -> Result:
    """The value shared by the commitment rows for calendar 2026, 2027 and 2028 in soybeans.csv (raises if they differ)."""
    soy = data.load("soybeans")
    rows = soy[(soy["measure"] == "commitment") & (soy["period_kind"] == "calendar-year")]
    values = set(rows["value"])
    if len(values) != 1:
        raise ValueError(f"data/soybeans.csv: annual commitment rows disagree: {sorted(values)}")
    return Result(values.pop(), rows=tuple(("soybeans", i) for i in rows["id"]), as_of=max(rows["as_of"]))


@figure("story-soy-pledge-total", unit="mmt", resources=("soybeans",),
        definition="All US soybeans China was to buy from late 2025 to the end of 2028, as announced by US officials.")
def soy_pledge_total() -> Result:
    """Sum of the value of every soybeans.csv row with measure commitment (million tonnes)."""
    soy = data.load("soybeans")
    rows = soy[(soy["measure"] == "commitment") & (soy["unit"] == "mmt")]
    return Result(float(rows["value"].sum()), rows=tuple(("soybeans", i) for i in rows["id"]), as_of=max(rows["as_of"]))


@figure("story-soy-first-usda-purchases", unit="tonnes", resources=("soybeans",),
        definition="Post-summit Chinese purchases of US soybeans in the first USDA export-sales data released after the US government shutdown.")
def soy_first_usda_purchases() -> Result:
    """Row soy-24 of soybeans.csv, million tonnes × 1,000,000, in tonnes."""
    result = _soy("soy-24")
    return Result(round(result.value * 1_000_000), rows=result.rows, as_of=result.as_of)


@figure("story-soy-trade-estimate-dec-2025", unit="mmt", resources=("soybeans",),
        definition="Chinese purchases of US soybeans since the summit as estimated by trade sources in December 2025.")
def soy_trade_estimate_dec_2025() -> Result:
    """Row soy-27 of soybeans.csv."""
    return _soy("soy-27")


@figure("story-soy-usda-by-2026-01-08", unit="mmt", resources=("soybeans",),
        definition="Chinese purchases of US soybeans since the summit in USDA export-sales data as of 8 January 2026 (lower bound).")
def soy_usda_by_jan_8() -> Result:
    """Row soy-29 of soybeans.csv."""
    return _soy("soy-29")


@figure("story-soy-official-complete", unit="mmt", resources=("soybeans",),
        definition="Chinese purchases of US soybeans declared complete by the US Treasury Secretary on 20 January 2026.")
def soy_official_complete() -> Result:
    """Row soy-30 of soybeans.csv."""
    return _soy("soy-30")


# Chapter 5: Busan ----------------------------------------------------------------------------


@figure("story-us-headline-eve-of-busan", unit="pct", resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods on 9 November 2025, the day before the Busan measures took effect.")
def us_headline_eve_of_busan() -> Result:
    """tariffs.headline_rate(2025-11-09, "US")."""
    day = dt.date(2025, 11, 9)
    rows = tariffs.layers_in_force(day, "US")
    rows = rows[rows["scope"] == "all-goods"]
    return Result(tariffs.headline_rate(day, "US"), rows=tuple(("tariff_measures", i) for i in rows["id"]), as_of=day)


@figure("story-us-fentanyl-before-busan", unit="pct", resources=("tariff_measures",),
        definition="US IEEPA 'fentanyl' duty on Chinese goods from March to November 2025.")
def us_fentanyl_before_busan() -> Result:
    """rate_pct of tariff layer us-ieepa-fentanyl-2025-03-04."""
    return _layer_rate("us-ieepa-fentanyl-2025-03-04")


@figure("story-us-fentanyl-after-busan", unit="pct", resources=("tariff_measures",),
        definition="US IEEPA 'fentanyl' duty on Chinese goods from 10 November 2025.")
def us_fentanyl_after_busan() -> Result:
    """rate_pct of tariff layer us-ieepa-fentanyl-2025-11-10."""
    return _layer_rate("us-ieepa-fentanyl-2025-11-10")


@figure("story-us-fentanyl-cut", unit="pp", alternatives=("pp_short",), resources=("tariff_measures",),
        definition="Cut in the US 'fentanyl' duty agreed at Busan.")
def us_fentanyl_cut() -> Result:
    """rate_pct of us-ieepa-fentanyl-2025-03-04 minus rate_pct of us-ieepa-fentanyl-2025-11-10."""
    before = _row("tariff_measures", "us-ieepa-fentanyl-2025-03-04")
    after = _row("tariff_measures", "us-ieepa-fentanyl-2025-11-10")
    return Result(before["rate_pct"] - after["rate_pct"], rows=(("tariff_measures", before["id"]), ("tariff_measures", after["id"])),
                  as_of=after["effective_from"])


@figure("story-us-reciprocal-suspended", unit="pp", alternatives=("pp_short",), resources=("tariff_measures",),
        definition="Points of the US 'reciprocal' duty on China kept suspended from May 2025, extended at Busan.")
def us_reciprocal_suspended() -> Result:
    """rate_pct of the suspension row us-ieepa-reciprocal-suspension-24-2025-05-14."""
    return _layer_rate("us-ieepa-reciprocal-suspension-24-2025-05-14")


@figure("story-us-reciprocal-retained", unit="pct", resources=("tariff_measures",),
        definition="US 'reciprocal' duty on Chinese goods left in force while 24 points were suspended (May 2025 to February 2026).")
def us_reciprocal_retained() -> Result:
    """rate_pct of layer us-ieepa-reciprocal-34-2025-05-14 minus rate_pct of its suspension row
    us-ieepa-reciprocal-suspension-24-2025-05-14."""
    layer = _row("tariff_measures", "us-ieepa-reciprocal-34-2025-05-14")
    pause = _row("tariff_measures", "us-ieepa-reciprocal-suspension-24-2025-05-14")
    if pause["suspends"] != layer["id"]:
        raise ValueError("data/tariff_measures.csv: us-ieepa-reciprocal-suspension-24-2025-05-14 no longer suspends us-ieepa-reciprocal-34-2025-05-14")
    return Result(layer["rate_pct"] - pause["rate_pct"], rows=(("tariff_measures", layer["id"]), ("tariff_measures", pause["id"])),
                  as_of=BUSAN_IN_FORCE)


@figure("story-cn-tariff-suspended", unit="pp", alternatives=("pp_short",), resources=("tariff_measures",),
        definition="Points of China's extra duty on all US goods kept suspended from May 2025, extended for a year from 10 November 2025.")
def cn_tariff_suspended() -> Result:
    """rate_pct of the suspension row cn-all-goods-suspension-24-2025-05-14."""
    return _layer_rate("cn-all-goods-suspension-24-2025-05-14")


@figure("story-us-threatened-100", unit="pct", resources=("tariff_measures",),
        definition="Extra US tariff on Chinese goods threatened on 10 October 2025 for 1 November; never imposed.")
def us_threatened_100() -> Result:
    """rate_pct of the threatened layer us-threat-100pct-2025-11-01 (never counted in any rate)."""
    return _layer_rate("us-threat-100pct-2025-11-01")


@figure("story-cn-farm-tariff-high", unit="pct", resources=("tariff_measures",),
        definition="Higher band of China's March 2025 tariffs on US farm goods (chicken, wheat, corn, cotton), ended at Busan.")
def cn_farm_tariff_high() -> Result:
    """rate_pct of tariff layer cn-agri-15pct-2025-03-10."""
    return _layer_rate("cn-agri-15pct-2025-03-10")


@figure("story-cn-farm-tariff-low", unit="pct", resources=("tariff_measures",),
        definition="Lower band of China's March 2025 tariffs on US farm goods (soybeans, pork, beef and others), ended at Busan.")
def cn_farm_tariff_low() -> Result:
    """rate_pct of tariff layer cn-agri-10pct-2025-03-10."""
    return _layer_rate("cn-agri-10pct-2025-03-10")


@figure("story-trump-stated-before-busan", unit="pct", resources=("average_tariffs",),
        definition="Combined US tariff rate on China as stated by President Trump after Busan, before the cut (a statement; method not given).")
def trump_stated_before() -> Result:
    """value_pct of average_tariffs row trump-stated-us-2025-10-30."""
    row = _row("average_tariffs", "trump-stated-us-2025-10-30")
    return Result(row["value_pct"], rows=(("average_tariffs", row["id"]),), as_of=row["refers_to"])


@figure("story-trump-stated-after-busan", unit="pct", resources=("average_tariffs",),
        definition="Combined US tariff rate on China as stated by President Trump after Busan, after the cut (a statement; method not given).")
def trump_stated_after() -> Result:
    """value_pct of average_tariffs row trump-stated-us-2025-11-10."""
    row = _row("average_tariffs", "trump-stated-us-2025-11-10")
    return Result(row["value_pct"], rows=(("average_tariffs", row["id"]),), as_of=row["refers_to"])


@figure("story-busan-commitments-cn", unit="count", resources=("commitments",),
        definition="Chinese commitments of the Busan round recorded in the commitments data.")
def busan_commitments_cn() -> Result:
    """Rows of commitments.csv with round busan-2025 and party CN."""
    return _busan("CN")


@figure("story-busan-commitments-us", unit="count", resources=("commitments",),
        definition="US commitments of the Busan round recorded in the commitments data.")
def busan_commitments_us() -> Result:
    """Rows of commitments.csv with round busan-2025 and party US."""
    return _busan("US")


@figure("story-busan-cn-met", unit="count", resources=("commitments",),
        definition="Chinese Busan commitments whose outcome is recorded as met.")
def busan_cn_met() -> Result:
    """Rows of commitments.csv with round busan-2025, party CN and outcome met."""
    return _busan("CN", ("met",))


@figure("story-busan-cn-open", unit="count", resources=("commitments",),
        definition="Chinese Busan commitments recorded as partly met, pending or unverified.")
def busan_cn_open() -> Result:
    """Rows of commitments.csv with round busan-2025, party CN and outcome partly-met, pending or unverified."""
    return _busan("CN", ("partly-met", "pending", "unverified"))


@figure("story-busan-us-met", unit="count", resources=("commitments",),
        definition="US Busan commitments whose outcome is recorded as met.")
def busan_us_met() -> Result:
    """Rows of commitments.csv with round busan-2025, party US and outcome met."""
    return _busan("US", ("met",))


# Chapter 6: courts, deadlines and 2026 ------------------------------------------------------


@figure("story-us-headline-before-ruling", unit="pct", resources=("tariff_measures",),
        definition="US across-the-board duty on Chinese goods on 23 February 2026, the last day IEEPA duties were collected.")
def us_headline_before_ruling() -> Result:
    """tariffs.headline_rate(2026-02-23, "US")."""
    day = dt.date(2026, 2, 23)
    rows = tariffs.layers_in_force(day, "US")
    rows = rows[rows["scope"] == "all-goods"]
    return Result(tariffs.headline_rate(day, "US"), rows=tuple(("tariff_measures", i) for i in rows["id"]), as_of=day)


@figure("story-us-section-122-rate", unit="pct", resources=("tariff_measures",),
        definition="Temporary US Section 122 import surcharge collected on most goods, Chinese included, from 24 February 2026.")
def us_section_122_rate() -> Result:
    """rate_pct of tariff layer us-s122-2026-02-24."""
    return _layer_rate("us-s122-2026-02-24")


@figure("story-us-section-122-announced", unit="pct", resources=("tariff_measures",),
        definition="Section 122 surcharge rate announced on 21 February 2026 but never proclaimed.")
def us_section_122_announced() -> Result:
    """rate_pct of the threatened layer us-s122-15pct-announced-2026-02-24 (never counted)."""
    return _layer_rate("us-s122-15pct-announced-2026-02-24")


@figure("story-us-forced-labour-proposed", unit="pct", decimals=1, resources=("tariff_measures",),
        definition="Section 301 forced-labour duty proposed on 2 June 2026 for the band that includes China; not in force in our data.")
def us_forced_labour_proposed() -> Result:
    """rate_pct of the threatened layer us-s301-forced-labor-proposed-2026-06-02."""
    return _layer_rate("us-s301-forced-labor-proposed-2026-06-02")


@figure("story-ieepa-collected", unit="usd_bn", resources=("events",),
        definition="IEEPA duties collected from all countries, as stated in a CBP court filing reported in May 2026 (approximate).")
def ieepa_collected() -> Result:
    """The amount in "about $N billion collected" in the summary of event us-cbp-refund-progress-2026-05-26."""
    return _amount_in_text("events", "us-cbp-refund-progress-2026-05-26", "summary", r"about \$([\d.,]+) billion collected")


@figure("story-ieepa-refunds-certified", unit="usd_bn", decimals=1, resources=("events",),
        definition="IEEPA refunds certified and sent to the Treasury by late May 2026, per CBP (approximate).")
def ieepa_refunds_certified() -> Result:
    """The amount in "roughly $N billion certified" in the summary of event us-cbp-refund-progress-2026-05-26."""
    return _amount_in_text("events", "us-cbp-refund-progress-2026-05-26", "summary", r"roughly \$([\d.,]+) billion certified")


@figure("story-beijing-boeing-aircraft", unit="count", resources=("commitments",),
        definition="Boeing aircraft China agreed to buy at the May 2026 Beijing summit (confirmed by MOFCOM on 20 May 2026).")
def beijing_boeing_aircraft() -> Result:
    """The number in "Buy N Boeing aircraft" in the commitment text of row beijing-cn-boeing-200."""
    return _amount_in_text("commitments", "beijing-cn-boeing-200", "commitment", r"Buy ([\d,]+) Boeing aircraft")


@figure("story-beijing-farm-purchases", unit="usd_bn", resources=("commitments",),
        definition="Yearly Chinese purchases of US farm goods cited by the White House after the Beijing summit (US figure).")
def beijing_farm_purchases() -> Result:
    """The amount in "about $N billion a year" in the commitment text of row beijing-cn-farm-purchases-17bn."""
    return _amount_in_text("commitments", "beijing-cn-farm-purchases-17bn", "commitment", r"about \$([\d.,]+) billion a year")


@figure("story-beijing-tariff-framework", unit="usd_bn", resources=("commitments",),
        definition="Minimum value of each side's goods to get tariffs at or below MFN under the framework agreed in principle in May 2026.")
def beijing_tariff_framework() -> Result:
    """The amount in "at least $N billion" in the commitment text of row beijing-cn-tariff-framework-30bn
    (the US row beijing-us-tariff-framework-30bn states the same amount; raises if they differ)."""
    cn = _amount_in_text("commitments", "beijing-cn-tariff-framework-30bn", "commitment", r"at least \$([\d.,]+) billion")
    us = _amount_in_text("commitments", "beijing-us-tariff-framework-30bn", "commitment", r"at least \$([\d.,]+) billion")
    if cn.value != us.value:
        raise ValueError(f"data/commitments.csv: the two Beijing framework rows state different amounts ({cn.value}, {us.value})")
    return Result(cn.value, rows=cn.rows + us.rows)


# Chapter 7: détente -------------------------------------------------------------------------


@figure("story-escalations-2025-us", unit="count", resources=("events",),
        definition="Escalating moves by the United States in 2025 in the chronology.")
def escalations_2025_us() -> Result:
    """Rows of events.csv with actor US, direction escalation and a 2025 date."""
    return _moves("US", "escalation", 2025)


@figure("story-escalations-2025-cn", unit="count", resources=("events",),
        definition="Escalating moves by China in 2025 in the chronology.")
def escalations_2025_cn() -> Result:
    """Rows of events.csv with actor CN, direction escalation and a 2025 date."""
    return _moves("CN", "escalation", 2025)


@figure("story-tariff-escalations-2025-us", unit="count", resources=("events",),
        definition="US escalating moves in 2025 that used tariffs.")
def tariff_escalations_2025_us() -> Result:
    """Rows of events.csv with actor US, direction escalation, lever tariffs and a 2025 date."""
    return _moves("US", "escalation", 2025, "tariffs")


@figure("story-tariff-escalations-2025-cn", unit="count", resources=("events",),
        definition="Chinese escalating moves in 2025 that used tariffs.")
def tariff_escalations_2025_cn() -> Result:
    """Rows of events.csv with actor CN, direction escalation, lever tariffs and a 2025 date."""
    return _moves("CN", "escalation", 2025, "tariffs")


@figure("story-export-control-escalations-2025-us", unit="count", resources=("events",),
        definition="US escalating moves in 2025 that used export controls.")
def export_control_escalations_2025_us() -> Result:
    """Rows of events.csv with actor US, direction escalation, lever export-controls and a 2025 date."""
    return _moves("US", "escalation", 2025, "export-controls")


@figure("story-nontariff-escalations-2025-cn", unit="count", resources=("events",),
        definition="Chinese escalating moves in 2025 that used neither tariffs nor talks (export controls, minerals, farm purchases, probes, shipping and other levers).")
def nontariff_escalations_2025_cn() -> Result:
    """Rows of events.csv with actor CN, direction escalation, a 2025 date and a lever other than tariffs or talks."""
    events = data.load("events")
    mask = ((events["actor"] == "CN") & (events["direction"] == "escalation") & events["date"].map(lambda d: d.year == 2025)
            & ~events["lever"].isin(["tariffs", "talks"]))
    chosen = events[mask]
    return Result(len(chosen), rows=tuple(("events", i) for i in chosen["id"]), as_of=dt.date(2025, 12, 31))


@figure("story-us-imports-from-china-fall-2025", unit="pct", resources=("trade_monthly",),
        definition="Fall in US goods imports from China in 2025 compared with 2024 (Census basis, one release vintage).")
def us_imports_from_china_fall() -> Result:
    """1 − (sum of 2025 monthly imports_usd_m ÷ sum of 2024 monthly imports_usd_m), both from the trade_monthly.csv
    vintage "Census release of 2026-03 (before annual revision)", the one vintage with all 24 months; rounded to a whole percent."""
    return _census_change("imports_usd_m")


@figure("story-us-exports-to-china-fall-2025", unit="pct", resources=("trade_monthly",),
        definition="Fall in US goods exports to China in 2025 compared with 2024 (Census basis, one release vintage).")
def us_exports_to_china_fall() -> Result:
    """1 − (sum of 2025 monthly exports_usd_m ÷ sum of 2024 monthly exports_usd_m), same vintage as
    story-us-imports-from-china-fall-2025; rounded to a whole percent."""
    return _census_change("exports_usd_m")


@figure("story-cn-exports-to-us-fall-2025", unit="pct", resources=("china_exports_yoy",),
        definition="Fall in China's exports to the US in 2025 compared with 2024 (China customs, as reported).")
def cn_exports_to_us_fall() -> Result:
    """−yoy_pct of china_exports_yoy.csv period 2025."""
    row = _china_exports("2025")
    return Result(-row["yoy_pct"], sources=tuple(row["source_ids"]), as_of=dt.date(2025, 12, 31))


@figure("story-cn-exports-to-us-worst-month", unit="pct", decimals=1, resources=("china_exports_yoy",),
        definition="Steepest year-on-year monthly fall in China's exports to the US in 2025 (China customs, as reported).")
def cn_exports_to_us_worst_month() -> Result:
    """−min(yoy_pct) over the single-month 2025 periods of china_exports_yoy.csv."""
    frame = data.load("china_exports_yoy")
    months = frame[frame["period"].str.fullmatch(r"2025-\d{2}")]
    worst = months.loc[months["yoy_pct"].idxmin()]
    return Result(-worst["yoy_pct"], sources=tuple(worst["source_ids"]), as_of=dt.date.fromisoformat(worst["period"] + "-01"))


@figure("story-cn-exports-to-us-worst-month-name", unit="month", resources=("china_exports_yoy",),
        definition="Month of 2025 with the steepest year-on-year fall in China's exports to the US.")
def cn_exports_to_us_worst_month_name() -> Result:
    """The period of the row chosen by story-cn-exports-to-us-worst-month."""
    frame = data.load("china_exports_yoy")
    months = frame[frame["period"].str.fullmatch(r"2025-\d{2}")]
    worst = months.loc[months["yoy_pct"].idxmin()]
    day = dt.date.fromisoformat(worst["period"] + "-01")
    return Result(day, sources=tuple(worst["source_ids"]), as_of=day)


@figure("story-magnets-to-us-may-2025", unit="tonnes", resources=("rare_earth_magnets",),
        definition="China's rare-earth magnet exports to the US in May 2025 (China customs, as reported).")
def magnets_to_us_may_2025() -> Result:
    """tonnes of rare_earth_magnets.csv row 2025-05, US, rounded to whole tonnes."""
    row = _magnets("2025-05", "US")
    return Result(round(row["tonnes"]), sources=tuple(row["source_ids"]), as_of=dt.date(2025, 5, 31))


@figure("story-magnets-to-us-may-2025-fall", unit="pct", resources=("rare_earth_magnets",),
        definition="Year-on-year fall in China's rare-earth magnet exports to the US in May 2025.")
def magnets_to_us_may_2025_fall() -> Result:
    """−yoy_pct of rare_earth_magnets.csv row 2025-05, US, rounded to a whole percent."""
    row = _magnets("2025-05", "US")
    return Result(round(-row["yoy_pct"]), sources=tuple(row["source_ids"]), as_of=dt.date(2025, 5, 31))


@figure("story-re-refining-share", unit="pct", resources=("rare_earth_shares",),
        definition="China's share of world rare-earth refining in 2023 (IEA).")
def re_refining_share() -> Result:
    """share_pct of rare_earth_shares.csv row re-share-02 (refining, 2023, IEA)."""
    row = _row("rare_earth_shares", "re-share-02")
    return Result(row["share_pct"], rows=(("rare_earth_shares", row["id"]),), as_of=dt.date(int(row["year"]), 12, 31))


@figure("story-re-magnets-share", unit="pct", resources=("rare_earth_shares",),
        definition="China's share of world rare-earth permanent-magnet manufacturing (IEA commentary, October 2025).")
def re_magnets_share() -> Result:
    """share_pct of rare_earth_shares.csv row re-share-06 (magnets, IEA)."""
    row = _row("rare_earth_shares", "re-share-06")
    return Result(row["share_pct"], rows=(("rare_earth_shares", row["id"]),))


@figure("story-us-import-export-ratio-2024", unit="times", decimals=1, resources=("trade_monthly",),
        definition="US goods imports from China divided by US goods exports to China in 2024 (Census basis).")
def us_import_export_ratio_2024() -> Result:
    """Sum of 2024 monthly imports_usd_m ÷ sum of 2024 monthly exports_usd_m, vintage
    "Census release of 2026-03 (before annual revision)"."""
    imports, s1 = _census_year(2024, "imports_usd_m")
    exports, s2 = _census_year(2024, "exports_usd_m")
    return Result(imports / exports, sources=tuple(sorted(set(s1) | set(s2))), as_of=dt.date(2024, 12, 31))


@figure("story-nvidia-h20-charge", unit="usd_bn", decimals=1, resources=("chip_actions",),
        definition="Charge Nvidia booked for H20 inventory and purchase obligations after the April 2025 US licence requirement.")
def nvidia_h20_charge() -> Result:
    """value of chip_actions.csv row chip-h20-writedown (US$ billion)."""
    row = _row("chip_actions", "chip-h20-writedown")
    if row["unit"] != "usd_bn":
        raise ValueError("data/chip_actions.csv: chip-h20-writedown is not in usd_bn")
    return Result(row["value"], rows=(("chip_actions", row["id"]),), as_of=row["date"])


def _estimate(row_id: str, negate: bool = False) -> Result:
    row = _row("damage_estimates", row_id)
    if row["unit"] != "pct":
        raise ValueError(f"data/damage_estimates.csv: {row_id} is not in pct")
    value = -row["value"] if negate else row["value"]
    return Result(value, rows=(("damage_estimates", row_id),), as_of=row["vintage"] if isinstance(row["vintage"], dt.date) else dt.date.fromisoformat(row["vintage"]))


@figure("story-wto-trade-projection", unit="pct", resources=("damage_estimates",),
        definition="Fall in US-China merchandise trade the WTO said was possible, in its statement of 9 April 2025 (a projection).")
def wto_trade_projection() -> Result:
    """−value of damage_estimates.csv row wto-2025-04-09-us-cn-trade."""
    return _estimate("wto-2025-04-09-us-cn-trade", negate=True)


@figure("story-imf-world-2025-april", unit="pct", decimals=1, resources=("damage_estimates",),
        definition="IMF forecast of world growth in 2025, made in April 2025 after the tariff escalation.")
def imf_world_2025_april() -> Result:
    """value of damage_estimates.csv row imf-2025-04-world-2025."""
    return _estimate("imf-2025-04-world-2025")


@figure("story-imf-world-2025-outturn", unit="pct", decimals=1, resources=("damage_estimates",),
        definition="IMF estimate, in January 2026, of world growth in 2025.")
def imf_world_2025_outturn() -> Result:
    """value of damage_estimates.csv row imf-2026-01-world-2025."""
    return _estimate("imf-2026-01-world-2025")


@figure("story-imf-cn-2025-april", unit="pct", decimals=1, resources=("damage_estimates",),
        definition="IMF forecast of China's growth in 2025, made in April 2025.")
def imf_cn_2025_april() -> Result:
    """value of damage_estimates.csv row imf-2025-04-cn-2025."""
    return _estimate("imf-2025-04-cn-2025")


@figure("story-imf-cn-2025-october", unit="pct", decimals=1, resources=("damage_estimates",),
        definition="IMF forecast of China's growth in 2025, made in October 2025.")
def imf_cn_2025_october() -> Result:
    """value of damage_estimates.csv row imf-2025-10-cn-2025."""
    return _estimate("imf-2025-10-cn-2025")


@figure("story-imf-us-2025-april", unit="pct", decimals=1, resources=("damage_estimates",),
        definition="IMF forecast of US growth in 2025, made in April 2025.")
def imf_us_2025_april() -> Result:
    """value of damage_estimates.csv row imf-2025-04-us-2025."""
    return _estimate("imf-2025-04-us-2025")


@figure("story-imf-us-2025-october", unit="pct", decimals=1, resources=("damage_estimates",),
        definition="IMF forecast of US growth in 2025, made in October 2025.")
def imf_us_2025_october() -> Result:
    """value of damage_estimates.csv row imf-2025-10-us-2025."""
    return _estimate("imf-2025-10-us-2025")
