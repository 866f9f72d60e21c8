"""Product-level tariff stacks (truce.analysis.products): real goods on real dates, properties, broken data."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from truce import data
from truce.analysis import products as P
from truce.paths import DATA_DIR

# Each case: imposer, code, day, expected additional duty (points over MFN), the instrument(s) that fix it.
CASES = [
    ("US", "9403608081", "2018-10-01", 10.0, "List 3 (83 FR 47974): 10% from 24 Sep 2018"),
    ("US", "9403608081", "2019-06-01", 25.0, "List 3 raised to 25% from 10 May 2019"),
    ("US", "9403608081", "2019-12-15", 25.0, "List 4B (84 FR 43304, Annex C) never took effect: only List 3 counts"),
    ("US", "9403608081", "2025-04-11", 170.0, "List 3 25 + fentanyl 20 (EO 14228) + reciprocal 125 (EO 14266)"),
    ("US", "9403608081", "2025-05-14", 55.0, "Geneva: reciprocal 34 with 24 suspended (EO 14298) + fentanyl 20 + List 3 25"),
    ("US", "9403608081", "2025-11-10", 45.0, "fentanyl cut to 10 (order of 4 Nov 2025) + reciprocal 10 + List 3 25"),
    ("US", "9403608081", "2026-03-01", 35.0, "IEEPA duties ended 24 Feb 2026; Section 122 surcharge 10 + List 3 25"),
    ("US", "6110202079", "2019-09-02", 15.0, "List 4A (84 FR 43304, Annex A) at 15% from 1 Sep 2019"),
    ("US", "6110202079", "2020-02-14", 7.5, "List 4A halved to 7.5% under Phase One"),
    ("US", "9503000073", "2019-12-16", 0.0, "toys: List 4B only, suspended before 15 Dec 2019"),
    (
        "US",
        "8542310001",
        "2019-01-01",
        25.0,
        "processors: List 2 (heading 9903.88.02 in the USITC China Tariffs table, 1 Jan 2020)",
    ),
    (
        "US",
        "8542310001",
        "2025-02-01",
        50.0,
        "processors: 2024 review semiconductors at 50% from 1 Jan 2025 (89 FR 76581) replace List 2",
    ),
    ("US", "9503000073", "2025-04-11", 145.0, "4B-only good: fentanyl 20 + reciprocal 125, the 145% headline"),
    (
        "US",
        "8517130000",
        "2025-04-08",
        20.0,
        "smartphones: electronics memorandum of 11 Apr 2025, retroactive to 5 Apr; fentanyl 20 still due",
    ),
    ("US", "8517130000", "2025-04-11", 20.0, "smartphones outside the 125% reciprocal duty (memorandum of 11 Apr 2025)"),
    ("US", "8471300100", "2025-05-14", 20.0, "laptops: 4B never applied; electronics exception; fentanyl 20"),
    ("US", "7208510030", "2018-04-01", 25.0, "steel plate: Section 232 (Proclamation 9705) 25% from 23 Mar 2018"),
    ("US", "7208510030", "2024-10-01", 50.0, "Section 232 25 + 2024 four-year review steel 25 (89 FR 76581)"),
    (
        "US",
        "7208510030",
        "2025-04-11",
        70.0,
        "232 goods outside the reciprocal duty (EO 14257 sec. 3(b)); fentanyl stacks (EO 14289)",
    ),
    ("US", "7208510030", "2025-06-04", 95.0, "Section 232 steel raised to 50% (Proclamation 10947)"),
    ("US", "8703230190", "2025-04-11", 70.0, "petrol car: Section 232 autos 25 (Proclamation 10908) + List 1 25 + fentanyl 20"),
    ("US", "8703800002", "2024-10-01", 100.0, "electric vehicle: review rate 100% replaces List 1's 25% (89 FR 76581)"),
    ("US", "8703800002", "2025-04-11", 145.0, "EV: 301 100 + 232 autos 25 + fentanyl 20; no reciprocal"),
    (
        "US",
        "8708301050",
        "2025-04-20",
        45.0,
        "brake parts: named in Proclamation 10908, outside the reciprocal duty before the parts duty began",
    ),
    ("US", "8708301050", "2025-05-03", 70.0, "Section 232 auto parts 25% from 3 May 2025"),
    ("US", "0901210000", "2025-11-12", 27.5, "roasted coffee: reciprocal 10 + fentanyl 10 + List 4A 7.5"),
    ("US", "0901210000", "2025-11-13", 17.5, "Annex II updated for farm goods from 13 Nov 2025 (order of 14 Nov 2025)"),
    ("US", "8541420010", "2024-10-01", 50.0, "solar cells: four-year review 50% (89 FR 76581)"),
    ("US", "8542310000", "2025-01-01", 50.0, "semiconductors: four-year review 50% from 1 Jan 2025"),
    # Section 301 product exclusions (U.S. notes 20(ttt)-(www) to chapter 99)
    (
        "US",
        "0304725000",
        "2021-06-01",
        25.0,
        "frozen haddock fillets, List 3: before the reinstated exclusions (from 12 Oct 2021)",
    ),
    (
        "US",
        "0304725000",
        "2024-03-01",
        0.0,
        "haddock: whole line excluded, note 20(ttt)(iii)(1), heading 9903.88.67 (87 FR 17380; extended to 14 Jun 2024)",
    ),
    ("US", "0304725000", "2025-01-01", 0.0, "haddock: note 20(vvv)(iii)(1), heading 9903.88.69 (89 FR 46948, Annex C)"),
    (
        "US",
        "0304725000",
        "2026-11-10",
        25.0,
        "haddock: exclusions extended to 9 Nov 2026 inclusive (USTR, Nov 2025); List 3 back",
    ),
    ("US", "9030904600", "2025-05-12", 145.0, "List 1 line excluded by note 20(vvv)(i)(3): fentanyl 20 + reciprocal 125 only"),
    ("US", "9030904600", "2026-11-09", 0.0, "last day of the extension to 9 Nov 2026 (USTR notice of Nov 2025)"),
    (
        "US",
        "6505008015",
        "2025-11-30",
        20.0,
        "nonwoven headgear, note 20(vvv)(iii)(11): extension from 30 Nov 2025; IEEPA 10 + 10",
    ),
    (
        "US",
        "8486200000",
        "2025-01-01",
        25.0,
        "solar wafer machines: 20(www)(8)-(12) by description only, so List 2 is still counted",
    ),
    # China's exclusion lists from its Section 301 countermeasures (Customs Tariff Commission
    # Announcement 2019 No. 6, 11 Sep 2019: 17 Sep 2019-16 Sep 2020, extended to 16 Sep 2021 by No. 8 of 2020)
    ("CN", "27101991", "2019-09-16", 25.0, "lubricating oil, $16bn list (Announcement 2018 No. 7): the day before the exclusion"),
    ("CN", "27101991", "2019-09-17", 0.0, "lubricating oil: whole line excluded, Announcement 2019 No. 6, annex 1, item 5"),
    (
        "CN",
        "27101991",
        "2021-09-16",
        0.0,
        "lubricating oil: last day of the extension (Announcement 2020 No. 8, Xinhua 15 Sep 2020)",
    ),
    (
        "CN",
        "27101991",
        "2021-09-17",
        25.0,
        "lubricating oil: later extension lists not read item by item, so the $16bn list's 25% is back",
    ),
    ("CN", "90221400", "2020-06-01", 0.0, "medical X-ray apparatus: Announcement 2019 No. 6, annex 1, item 12"),
    ("CN", "2710199300", "2019-12-01", 0.0, "lube base oil, a 10-digit query: Announcement 2019 No. 6, annex 2, item 4"),
    (
        "CN",
        "04041000",
        "2019-12-01",
        25.0,
        "whey: only whey for feed is excluded (annex 2, item 1), so the $34bn list's 25% counts",
    ),
    # the Section 301 lists of 2018-2019 do not stack: each heading covers the goods its own U.S. note 20 names
    (
        "US",
        "8483509040",
        "2019-06-01",
        25.0,
        "pulleys: List 1 only (83 FR 28710; 8483.50.90 in note 20(b), not in List 3's note 20(f)), not 25 + 25",
    ),
    (
        "US",
        "8483509040",
        "2025-01-20",
        0.0,
        "pulleys: List 1 line excluded by note 20(vvv)(i)(5), heading 9903.88.69 (89 FR 46948); no List 3 duty left",
    ),
    ("US", "3901901000", "2020-01-01", 25.0, "polyethylene: List 2 only (83 FR 40823, note 20(d)), not also List 3"),
    (
        "US",
        "8517620090",
        "2025-01-20",
        7.5,
        "smartwatches: List 4A only (84 FR 43304, note 20(s)(ii)); heading 9903.88.04 leaves out .0090 (note 20(g))",
    ),
    ("US", "8517620020", "2025-01-20", 25.0, "8517.62.0020: List 3 under heading 9903.88.04 (83 FR 47974, note 20(g)) only"),
    (
        "US",
        "9802005060",
        "2020-01-01",
        0.0,
        "chapter 98 repairs: on no Section 301 list (notes 20(a), (c), (e), (r) name them only to tax the value of the repair)",
    ),
    (
        "US",
        "9401806021",
        "2025-01-20",
        0.0,
        "child safety seats: 9401.80.60 is not in note 20(f), and note 20(g) (heading 9903.88.04) leaves out .6021 and .6023",
    ),
    ("US", "9401806030", "2025-01-20", 25.0, "other seats of 9401.80.60: List 3 under heading 9903.88.04 (note 20(g))"),
    (
        "US",
        "8541210040",
        "2018-08-01",
        25.0,
        "transistors: List 1 (note 20(q) excludes lines of 8541.21 from 9903.88.01), not List 3's 10% from 24 Sep 2018",
    ),
    ("CN", "12019011", "2025-03-15", 10.0, "soybeans: Tariff Commission Announcement 2025 No. 2, 10% list"),
    ("CN", "12019011", "2025-04-12", 135.0, "soybeans: 10% list + 125% on all US goods (Announcement 2025 No. 6)"),
    ("CN", "12019011", "2025-05-14", 20.0, "after Geneva China kept 10% of 34% on all goods; farm list still in force"),
    ("CN", "12019011", "2025-11-10", 10.0, "farm lists lifted from 10 Nov 2025; 10% on all goods stays"),
    ("CN", "02071200", "2025-03-10", 40.0, "frozen chicken: Announcement 2025 No. 2, 15% list + list 1 of 2018, 25%"),
    ("CN", "02064100", "2018-05-01", 25.0, "frozen pork liver: April 2018 list of 128 items, 25%"),
    ("CN", "08021200", "2018-05-01", 15.0, "shelled almonds: April 2018 list of 128 items, 15%"),
    ("CN", "27011210", "2025-02-10", 40.0, "coal: Announcement 2025 No. 1, 15% + list 2 of 2018 (Announcement 2018 No. 7), 25%"),
    ("CN", "12019010", "2018-07-05", 0.0, "soybeans (2018 schedule): before list 1 took effect"),
    ("CN", "12019010", "2018-07-06", 25.0, "soybeans: list 1, Announcement 2018 No. 5, 25% from 6 Jul 2018"),
    ("CN", "29051100", "2018-10-01", 10.0, "methanol: $60bn list annex 1 at 10% from 24 Sep 2018 (Announcement 2018 No. 8)"),
    ("CN", "29051100", "2019-07-01", 25.0, "methanol: annex 1 raised to 25% from 1 Jun 2019 (Announcement 2019 No. 3)"),
    ("CN", "27111100", "2019-07-01", 25.0, "LNG: $60bn list annex 1, 10% then 25% from 1 Jun 2019"),
    ("CN", "38089290", "2019-07-01", 20.0, "fungicides: annex 2, 10% from 24 Sep 2018, 20% from 1 Jun 2019"),
    ("CN", "32131000", "2018-10-01", 5.0, "colours in sets: annex 3 at 5% from 24 Sep 2018"),
    ("CN", "32131000", "2019-07-01", 10.0, "colours in sets: annex 3 raised to 10% from 1 Jun 2019"),
    ("CN", "84431500", "2019-07-01", 5.0, "letterpress machinery: annex 4, kept at 5% by Announcement 2019 No. 3"),
    ("CN", "87032362", "2018-10-01", 25.0, "SUV: list 1 at 25% from 6 Jul 2018"),
    ("CN", "87032362", "2019-01-01", 0.0, "SUV: suspended from 1 Jan 2019 (Announcement 2018 No. 10), not restored"),
    ("CN", "87032362", "2025-04-12", 125.0, "SUV: only the 125% on all US goods (Announcement 2025 No. 6)"),
]


@pytest.mark.parametrize("imposer,code,day,expected,why", CASES, ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_additional_duty_on_real_goods(imposer, code, day, expected, why):
    assert P.additional_duty(code, day, imposer) == pytest.approx(expected), why


def test_stack_names_the_exemption_that_removed_a_layer():
    layers = {x.layer_id: x for x in P.stack("8517.13.0000", dt.date(2025, 4, 11), "US")}
    recip = layers["us-ieepa-reciprocal-2025-04-10"]
    assert recip.rate_pct == 0 and recip.statutory_pct == 125
    assert "us-ieepa-electronics-2025-04-11" in recip.removed_by
    assert layers["mfn"].authority == "MFN"


def test_review_rate_replaces_the_list_rate_and_says_so():
    layers = {x.layer_id: x for x in P.stack("8703800002", "2024-10-01", "US")}
    assert layers["us-s301-4yr-electric-vehicles-2024-09-27"].rate_pct == 100
    listed = [x for x in P.stack("8703800002", "2024-10-01", "US") if x.layer_id == "us-s301-list1-2018-07-06"]
    assert all(x.rate_pct == 0 and "replaced by" in x.removed_by for x in listed)


def test_section_301_exclusion_of_a_whole_line_is_named_in_the_stack():
    layers = {x.layer_id: x for x in P.stack("0304725000", "2025-01-01", "US")}
    list3 = layers["us-s301-list3-2019-05-10"]
    assert list3.rate_pct == 0 and list3.statutory_pct == 25
    assert "us-301-excl-9903-88-69-list-3" in list3.removed_by and "20(vvv)(iii)(1)" in list3.removed_by
    assert "9903.88.69" in list3.removed_by
    assert list3.exclusion_ids == ("us-301-excl-9903-88-69-list-3-001",)


def test_china_exclusion_of_a_whole_line_is_named_in_the_stack():
    # fish meal for feed: Customs Tariff Commission Announcement 2019 No. 6, annex 1, item 4
    layers = {x.layer_id: x for x in P.stack("23012010", "2020-01-15", "CN")}
    x = layers["cn-retaliation-16bn-2018-08-23"]
    assert x.rate_pct == 0 and x.statutory_pct == 25
    assert "cn-excl-2019-6-list-1" in x.removed_by and "2019 No. 6, annex 1, item 4" in x.removed_by
    assert x.exclusion_ids == ("cn-excl-2019-6-list-1-004",)
    assert P.stack("23012010", "2019-09-01", "CN")[1].rate_pct == 25  # before 17 Sep 2019


def test_china_exclusions_by_description_are_shown_not_counted():
    # 2934.99.90: named pesticides and named cancer drugs (Announcement 2019 No. 6, annex 1, items 7 and 8)
    x = {x.layer_id: x for x in P.stack("29349990", "2020-01-15", "CN")}["cn-retaliation-16bn-2018-08-23"]
    assert x.rate_pct == 25 and x.removed_by == ""
    found = P.exclusions(x.exclusion_ids)
    assert list(found["note_ref"]) == ["annex 1, item 7", "annex 1, item 8"]
    assert set(found["match"]) == {"description"} and set(found["heading"]) == {"2019 No. 6"}


def test_china_whole_line_exclusions_lower_its_average_only_while_in_force():
    # the 10 lines excluded whole held about $1.0bn of China's 2017 imports from the US, at 25%
    # (PIIE's product file), over $154.4bn: 0.16 points off from 17 Sep 2019 to 16 Sep 2021
    drop = P.average_rate("2019-09-16", "CN") - P.average_rate("2019-09-17", "CN")
    assert drop == pytest.approx(25 * 1005.1 / 154373.9, abs=0.002)
    assert P.average_rate("2021-09-16", "CN") == pytest.approx(P.average_rate("2021-09-17", "CN") - drop, abs=1e-6)
    uncoded = lists().loc[["cn-excl-2019-8", "cn-excl-2020-3", "cn-excl-2020-4"]]
    assert set(uncoded["code_level"]) == {"none"} and list(uncoded["items_announced"]) == [6, 65, 79]


def test_exclusion_by_description_is_shown_but_counted_at_the_list_rate():
    layers = {x.layer_id: x for x in P.stack("8486200000", "2025-01-01", "US")}
    list2 = layers["us-s301-list2-2018-08-23"]
    assert list2.rate_pct == 25 and list2.removed_by == ""
    found = P.exclusions(list2.exclusion_ids)
    assert set(found["note_ref"]) >= {"20(www)(8)", "20(www)(12)"}
    assert set(found["match"]) == {"description"} and set(found["heading"]) == {"9903.88.70"}
    assert all("solar" in d for d in found["description"])
    assert P.stack("8486200000", "2026-12-05", "US")[1].exclusion_ids == ()  # no exclusion in force after 9 Nov 2026


def test_the_178_exclusions_of_2024_2026_are_all_there():
    e = tables().exclusions
    assert len(e[e["heading"] == "9903.88.69"]) == 164 and len(e[e["heading"] == "9903.88.70"]) == 14
    assert len(e[e["heading"] == "9903.88.67"]) == 352 and len(e[e["heading"] == "9903.88.68"]) == 77
    for lid in set(e.loc[e["heading"].isin(["9903.88.69", "9903.88.70"]), "list_id"]):
        assert lists().loc[lid, "effective_to"] == dt.date(2026, 11, 10)


def test_described_exclusions_bound_what_the_average_leaves_out():
    share = P.described_exclusion_share("2025-01-01")
    assert 0 < share["points"] < P.average_by_authority("2025-01-01", "US").set_index("authority").loc["Section 301", "points"]
    assert P.described_exclusion_share("2026-12-05")["value_usd_m"] == 0


def test_short_code_is_partial_and_not_counted():
    layers = P.stack("850760", "2024-10-01", "US")
    assert any(x.coverage == "partial" for x in layers)
    assert P.additional_duty("850760", "2024-10-01", "US") == 0


def test_uncoded_chinese_lists_show_as_unknown():
    layers = P.stack("12019010", "2019-09-01", "CN")
    assert any(x.coverage == "unknown" and x.layer_id == "cn-retaliation-75bn-batch1-2019-09-01" for x in layers)
    assert any(x.coverage == "full" and x.layer_id == "cn-retaliation-34bn-2018-07-06" for x in layers)


def test_tiers_of_the_60bn_list_are_disjoint_and_complete():
    t = P.tables()
    tiers = {t_: t.codes_by_list[f"cn-2018-09-list-60bn-{t_}"] for t_ in ("25", "20", "10", "5", "5-autos")}
    sizes = {k: len(v) for k, v in tiers.items()}
    assert sizes == {"25": 2493, "20": 1078, "10": 974, "5": 595, "5-autos": 67}  # Announcements 2018 No. 6, 8, 10; 2019 No. 3
    assert len(set().union(*tiers.values())) == sum(sizes.values())


def test_average_split_adds_up():
    split = P.average_by_authority("2025-05-14", "US")
    assert split["points"].sum() == pytest.approx(P.average_rate("2025-05-14", "US"))
    assert set(split["authority"]) >= {"MFN", "Section 301", "IEEPA fentanyl", "IEEPA reciprocal"}


def test_search_by_words():
    found = P.search("soybeans", "CN")
    assert "12019011" in set(found["code"])


# Properties ------------------------------------------------------------------------------------------


def tables() -> P.Tables:
    """The real product tables, read when a test first needs them (not while tests are collected)."""
    return P.tables()


def lists() -> pd.DataFrame:
    return tables().lists.set_index("id")


def drawn_from(pick) -> st.SearchStrategy:
    """Values drawn from what ``pick`` finds in the product tables, read when a test first draws one."""
    return st.deferred(lambda: st.sampled_from(pick(tables())))


US_CODES = drawn_from(lambda t: sorted(set(t.weights.loc[t.weights["basis"] == "product", "code"]))[::7])
LISTED = drawn_from(lambda t: sorted(set(t.members["code"])))
LINE_CODES = drawn_from(
    lambda t: sorted({c for cs in t.exclusions.loc[t.exclusions["match"] == "line", "codes"] for c in cs.split(";")})
)
DAYS = st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2026, 12, 31))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _query(code: str) -> str:
    return code if len(code) in (6, 8, 10) else code + "00"


@FAST
@given(code=US_CODES, day=DAYS)
def test_never_negative(code, day):
    assert P.additional_duty(code, day, "US") >= 0
    assert all(x.rate_pct >= 0 for x in P.stack(code, day, "US"))


@FAST
@given(code=LISTED, day=DAYS, imposer=st.sampled_from(["US", "CN"]))
def test_never_effective_lists_never_count(code, day, imposer):
    never = set(tables().lists.loc[tables().lists["status"] == "never-effective", "id"])
    assert not any(x.list_id in never and x.rate_pct > 0 for x in P.stack(_query(code), day, imposer))


@FAST
@given(code=LISTED, day=DAYS)
def test_exemptions_only_while_in_force(code, day):
    by_id = lists()
    for x in P.stack(_query(code), day, "US"):
        for lid in by_id.index:
            if f"by {lid} " in x.removed_by or f"on {lid} " in x.removed_by:
                r = by_id.loc[lid]
                start = r["shields_from"] or r["effective_from"] if r["action"] == "adds" else r["effective_from"]
                assert start <= day and (r["effective_to"] is None or day < r["effective_to"]), (lid, day)


@FAST
@given(code=LINE_CODES, day=DAYS)
def test_section_301_exclusion_counts_only_while_in_force(code, day):
    """A whole-line exclusion takes a layer off exactly while one of its lists naming that layer is in force."""
    t, by_id = tables(), lists()
    for x in P.stack(code, day, "US"):
        if not x.list_id or x.coverage != "full" or x.removed_by.startswith("replaced by"):
            continue
        live = [
            lid
            for lid, codes in t.line_codes.items()
            if code in codes
            and x.layer_id in by_id.loc[lid, "layer_ids"]
            and by_id.loc[lid, "effective_from"] <= day < by_id.loc[lid, "effective_to"]
        ]
        assert x.removed_by.startswith("excluded by ") == bool(live), (code, day, x.layer_id, x.removed_by)
        if live:
            assert x.rate_pct == 0


@settings(max_examples=6, deadline=None)
@given(day=DAYS)
def test_average_lies_between_min_and_max_product_rates(day):
    rates = P.product_rates(day, "US")
    total = rates.drop(columns=["code", "value"]).sum(axis=1)
    avg = P.average_rate(day, "US")
    assert total.min() - 1e-9 <= avg <= total.max() + 1e-9


def test_every_product_row_traces_to_a_source():
    known, t = set(data.load("sources")["id"]), tables()
    for frame, name in (
        (t.products, "products"),
        (t.members.merge(t.lists, left_on="list_id", right_on="id"), "list_products"),
        (t.weights, "trade_weights"),
    ):
        ids = frame["source_ids"]
        assert (ids.map(len) > 0).all(), f"{name}: a row without source_ids"
        assert {s for row in ids for s in row} <= known, f"{name}: unknown source id"


def test_every_layer_of_every_list_exists():
    assert P.problems(tables()) == []


# Broken data: clear errors ---------------------------------------------------------------------------

LISTS_CSV = """id,imposer,name,instrument,action,product_class,layer_ids,code_level,codes,effective_from,effective_to,shields_from,replaces,status,announced_value_usd_bn,value_basis,items_announced,source_ids,note
us-301-list-3,US,List 3,83 FR 47974,adds,section-301-list-3,us-s301-list3-2019-05-10,hts8,1,2018-09-24,,,,in-force,,,,src-a,
"""
MEASURES_CSV = """id,imposer,instrument,scope,product_class,coverage,rate_pct,effective_from,effective_to,status,exempt_classes,suspends,event_id,source_ids,note
us-s301-list3-2019-05-10,US,List 3,product-specific,section-301-list-3,x,25,2019-05-10,,in-force,,,,src-a,
"""
MEMBERS_CSV = "list_id,code\nus-301-list-3,94036080\n"
PRODUCTS_CSV = (
    "side,code,description,description_basis,description_zh,source_ids\nUS,9403608081,wooden furniture,census-short,,src-a\n"
)
WEIGHTS_CSV = "id,imposer,base_year,basis,code,list_id,value_usd_m,source_ids,note\nus-1,US,2024,product,9403608081,,10,src-a,\n"
MFN_CSV = "id,imposer,scope,code,rate_pct,base_year,source_ids,note\nus-mfn,US,side-average,,3.1,2017,src-a,\n"
SOURCES_CSV = "id,title,publisher,url,published,accessed,kind,tier,language,relies_on,document\nsrc-a,T,P,https://example.org/a,,2026-12-04,primary,1,en,,\n"


def _package(tmp_path, **overrides):
    files = {
        "tariff_lists": LISTS_CSV,
        "tariff_measures": MEASURES_CSV,
        "list_products": MEMBERS_CSV,
        "products": PRODUCTS_CSV,
        "trade_weights": WEIGHTS_CSV,
        "mfn_rates": MFN_CSV,
        "sources": SOURCES_CSV,
        **overrides,
    }
    desc = data.descriptor(DATA_DIR)
    keep = [r for r in desc["resources"] if r["name"] in files]
    for r in keep:
        r["schema"]["foreignKeys"] = [fk for fk in r["schema"].get("foreignKeys", []) if fk["reference"]["resource"] in files]
    (tmp_path / "datapackage.json").write_text(json.dumps({**desc, "resources": keep}))
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_text(text)
    return tmp_path


def _frames(**overrides) -> P.Tables:
    def read(text: str) -> pd.DataFrame:
        """A small table typed as data.load types it (id lists as tuples)."""
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        for col in frame:
            if data.is_list_field(col):
                frame[col] = [data.split_ids(v) for v in frame[col]]
        return frame

    return P.Tables(
        read(overrides.get("tariff_measures", MEASURES_CSV)),
        read(overrides.get("tariff_lists", LISTS_CSV)),
        read(overrides.get("list_products", MEMBERS_CSV)),
        read(overrides.get("trade_weights", WEIGHTS_CSV)),
        read(MFN_CSV),
        read(overrides.get("products", PRODUCTS_CSV)),
    )


def test_fixture_package_loads_and_computes(tmp_path):
    pkg = _package(tmp_path)
    assert P.additional_duty("9403608081", "2025-01-01", "US", data_dir=pkg) == 25
    assert P.average_rate("2025-01-01", "US", data_dir=pkg) == pytest.approx(28.1)


EXCL_LISTS_CSV = LISTS_CSV + (
    "us-301-excl,US,exclusions,USTR notice,exempts,s301-exclusion,us-s301-list3-2019-05-10,hts10,2,2024-06-15,2026-11-10,,,ended,,,,src-a,\n"
)
EXCL_MEASURES_CSV = MEASURES_CSV.replace(",in-force,,,", ",in-force,s301-exclusion,,")
EXCL_MEMBERS_CSV = MEMBERS_CSV + "us-301-excl,9403608081\nus-301-excl,9403608090\n"
EXCL_CSV = (
    "id,list_id,note_ref,heading,excluded_heading,match,codes,description,source_ids\n"
    "us-301-excl-001,us-301-excl,20(vvv)(iii)(1),9903.88.69,9903.88.03,line,9403608081,,src-a\n"
    "us-301-excl-002,us-301-excl,20(vvv)(iii)(2),9903.88.69,9903.88.03,description,9403608090,Tables of bamboo,src-a\n"
)


def test_fixture_exclusions_count_whole_lines_only_while_in_force(tmp_path):
    weights = WEIGHTS_CSV + "us-2,US,2024,product,9403608090,,10,src-a,\n"
    products = PRODUCTS_CSV + "US,9403608090,other wooden furniture,census-short,,src-a\n"
    pkg = _package(
        tmp_path,
        tariff_lists=EXCL_LISTS_CSV,
        tariff_measures=EXCL_MEASURES_CSV,
        list_products=EXCL_MEMBERS_CSV,
        product_exclusions=EXCL_CSV,
        trade_weights=weights,
        products=products,
    )
    for day, line, described, average in (
        ("2024-06-14", 25, 25, 28.1),  # before the exclusion list
        ("2024-06-15", 0, 25, 15.6),  # whole line excluded; the described one stays counted
        ("2026-11-10", 25, 25, 28.1),  # after its end
    ):
        assert P.additional_duty("9403608081", day, "US", data_dir=pkg) == line, day
        assert P.additional_duty("9403608090", day, "US", data_dir=pkg) == described, day
        assert P.average_rate(day, "US", data_dir=pkg) == pytest.approx(average), day


S301_LISTS_CSV = LISTS_CSV + (
    "us-301-list-1,US,List 1,83 FR 28710,adds,section-301-list-1,us-s301-list1-2018-07-06,hts8,1,2018-07-06,,,,in-force,,,,src-a,\n"
    "us-301-list-4a,US,List 4A,84 FR 43304,adds,section-301-list-4a,us-s301-list4a-2020-02-14,hts8,1,2019-09-01,,,,in-force,,,,src-a,\n"
)
S301_MEASURES_CSV = MEASURES_CSV + (
    "us-s301-list1-2018-07-06,US,List 1,product-specific,section-301-list-1,x,25,2018-07-06,,in-force,,,,src-a,\n"
    "us-s301-list4a-2020-02-14,US,List 4A,product-specific,section-301-list-4a,x,7.5,2020-02-14,,in-force,,,,src-a,\n"
)


def test_a_code_on_two_section_301_lists_is_rejected(tmp_path):
    """Rule 9: Lists 1-4A never share a product (U.S. note 20(b), (d), (f), (s)); a code on two would add 25 + 25."""
    members = MEMBERS_CSV + "us-301-list-1,84835090\nus-301-list-3,84835090\nus-301-list-4a,61102020\n"
    lists = S301_LISTS_CSV.replace(",hts8,1,2018-09-24,", ",hts8,2,2018-09-24,")
    pkg = _package(tmp_path, tariff_lists=lists, tariff_measures=S301_MEASURES_CSV, list_products=members)
    with pytest.raises(data.DataError) as err:
        P.tables(pkg)
    assert '1 code(s) on both "us-301-list-3" and "us-301-list-1" (84835090)' in str(err.value)
    assert "do not stack" in str(err.value) and "keep each code on the list whose note names it" in str(err.value)
    # a prefix counts too: a 10-digit line under an 8-digit code of another list
    found = P.problems(
        _frames(
            tariff_lists=S301_LISTS_CSV.replace(",hts8,1,2019-09-01,", ",hts8,2,2019-09-01,"),
            tariff_measures=S301_MEASURES_CSV,
            list_products=MEMBERS_CSV + "us-301-list-1,84835090\nus-301-list-4a,9403608081\nus-301-list-4a,61102020\n",
        )
    )
    assert len(found) == 1 and '"us-301-list-3" and "us-301-list-4a" (9403608081)' in found[0]


def test_a_subheading_split_between_lists_counts_each_line_once(tmp_path):
    """8517.62.00: heading 9903.88.04 (List 3, note 20(g)) covers .0010 and .0020, List 4A (note 20(s)(ii)) the rest,
    so each line pays one Section 301 duty, and the average counts each line once."""
    members = "list_id,code\nus-301-list-3,8517620020\nus-301-list-1,84835090\nus-301-list-4a,8517620090\n"
    weights = (
        "id,imposer,base_year,basis,code,list_id,value_usd_m,source_ids,note\n"
        "us-1,US,2024,product,8517620020,,10,src-a,\nus-2,US,2024,product,8517620090,,10,src-a,\n"
    )
    products = (
        "side,code,description,description_basis,description_zh,source_ids\n"
        "US,8517620020,routers,census-short,,src-a\nUS,8517620090,smartwatches,census-short,,src-a\n"
    )
    pkg = _package(
        tmp_path,
        tariff_lists=S301_LISTS_CSV,
        tariff_measures=S301_MEASURES_CSV,
        list_products=members,
        trade_weights=weights,
        products=products,
    )
    assert P.additional_duty("8517620020", "2025-01-20", "US", data_dir=pkg) == 25
    assert P.additional_duty("8517620090", "2025-01-20", "US", data_dir=pkg) == 7.5
    assert [x.layer_id for x in P.stack("8517620090", "2025-01-20", "US", data_dir=pkg) if x.counted and x.list_id] == [
        "us-s301-list4a-2020-02-14"
    ]
    assert P.average_rate("2025-01-20", "US", data_dir=pkg) == pytest.approx(3.1 + (25 + 7.5) / 2)
    # the HTS-8 query is partial on both lists: shown, not counted
    assert P.additional_duty("85176200", "2025-01-20", "US", data_dir=pkg) == 0


def test_exclusion_codes_must_match_the_list():
    e = pd.read_csv(io.StringIO(EXCL_CSV), dtype=str, keep_default_na=False)
    t = _frames(tariff_lists=EXCL_LISTS_CSV, tariff_measures=EXCL_MEASURES_CSV, list_products=EXCL_MEMBERS_CSV)
    t.exclusions = e.assign(codes=e["codes"].replace("9403608090", "9403608099"))
    found = P.problems(t)
    assert len(found) == 1 and 'list "us-301-excl" holds 2 codes but its exclusions in product_exclusions.csv name 2' in found[0]
    assert "9403608090, 9403608099 differ" in found[0]


def test_unknown_list_id_names_file_row_column_and_fix(tmp_path):
    pkg = _package(tmp_path, list_products="list_id,code\nus-301-list-3,94036080\nus-301-list-9,94036080\n")
    with pytest.raises(data.DataError) as err:
        P.tables(pkg)
    assert 'list_products.csv:3: column list_id: "us-301-list-9" is not an id in tariff_lists.csv' in str(err.value)
    assert "fix the reference" in str(err.value)


def test_bad_code_names_file_row_column_and_fix(tmp_path):
    pkg = _package(tmp_path, list_products="list_id,code\nus-301-list-3,9403.60\n")
    with pytest.raises(data.DataError) as err:
        P.tables(pkg)
    assert 'list_products.csv:2: column code: "9403.60" does not match the pattern' in str(err.value)
    found = P.problems(_frames(list_products="list_id,code\nus-301-list-3,9403.60\n"))
    assert found == [
        'data/list_products.csv:2: column code: "9403.60" is not a tariff code — write 4, 6, 8 or 10 digits '
        "with no dots or spaces (e.g. 85076000)"
    ]


def test_unknown_layer_id_names_file_row_column_and_fix():
    found = P.problems(_frames(tariff_lists=LISTS_CSV.replace("us-s301-list3-2019-05-10", "us-s301-list3-2099-01-01")))
    assert (
        'data/tariff_lists.csv:2: column layer_ids: "us-s301-list3-2099-01-01" is not an id in tariff_measures.csv — add the layer row or fix the id'
        in found
    )


def test_code_count_mismatch_is_reported():
    found = P.problems(_frames(list_products=MEMBERS_CSV + "us-301-list-3,94036090\n"))
    assert found == [
        'data/tariff_lists.csv:2: column codes: says 1 but list_products.csv has 2 rows for "us-301-list-3" — update the count'
    ]


def test_product_without_source_is_reported(tmp_path):
    broken = PRODUCTS_CSV.replace(",src-a\n", ",\n")
    assert P.problems(_frames(products=broken)) == [
        "data/products.csv:2: column source_ids: is empty — every product row must cite where its code and description come from"
    ]
    with pytest.raises(data.DataError) as err:
        P.tables(_package(tmp_path, products=broken))
    assert "products.csv:2: column source_ids: is empty but required" in str(err.value)


@pytest.mark.parametrize("code", ["8507", "85A76000", "8507600010123", ""])
def test_bad_query_code_is_explained(code):
    with pytest.raises(ValueError, match="is not an HS/HTS code of 6, 8 or 10 digits"):
        P.additional_duty(code, "2025-01-01", "US")


def test_bad_imposer_and_date_are_explained():
    with pytest.raises(ValueError, match="imposer must be one of"):
        P.average_rate("2025-01-01", "EU")
    with pytest.raises(ValueError, match="is not an ISO date"):
        P.additional_duty("94036080", "14/05/2025", "US")


def test_mfn_uses_the_chapter_estimate_then_the_side_average():
    assert P.mfn_rate("6110202079", "US") > P.mfn_rate("8517130000", "US")  # apparel carries a higher normal duty
    assert P.mfn_rate("12019011", "CN") == 6.8
    assert P.stack("6110202079", "2025-01-01", "US")[0].rate_pct == P.mfn_rate("6110202079", "US")


def test_the_package_root_answers_both_questions():
    import truce

    assert truce.additional_duty is P.additional_duty and truce.average_rate is P.average_rate
    with pytest.raises(AttributeError, match="has no attribute 'stack_of'"):
        truce.stack_of  # noqa: B018
