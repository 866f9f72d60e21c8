"""The data package is valid, and every kind of broken row is reported precisely."""

from __future__ import annotations

import pytest

from checks.conftest import EVENTS, SOURCES
from truce import data


def test_data_package_is_valid():
    """Every file against its Table Schema and the rules across files. A state of the data that
    the build (or an earlier run) validated is not validated again (``data.check_package``)."""
    try:
        data.check_package()
    except data.DataError as error:
        pytest.fail(str(error), pytrace=False)


def test_every_csv_has_rows():
    for name in data.resource_names():
        assert len(data.load(name)) > 0, f"data/{name}.csv is empty"


def test_every_source_is_cited():
    cited = set()
    for name in data.resource_names():
        frame = data.load(name)
        if "source_ids" in frame:
            cited |= {s for ids in frame["source_ids"] for s in ids}
    unused = sorted(set(data.load("sources")["id"]) - cited)
    assert not unused, f"data/sources.csv: sources cited by no row: {', '.join(unused)} — cite them or remove them"


def test_source_urls_are_canonical():
    for row in data.load("sources").to_dict("records"):
        assert not any(t in row["url"] for t in ("utm_", "?ref=", "&ref=", "?mod=", "&mod=")), (
            f"data/sources.csv: source {row['id']}: URL has a tracking parameter — remove it: {row['url']}"
        )


def test_clean_fixture_passes(package):
    assert data.problems(package()) == []
    data.check_package(package())


def test_check_package_reports_every_problem_of_a_broken_package(package):
    broken = package(events=EVENTS.replace("2025-05-12", "2025-13-01").replace("wh-test;press-test", "wh-test;nowhere"))
    with pytest.raises(data.DataError) as error:
        data.check_package(broken)
    assert 'events.csv:2: column date: "2025-13-01" is not a date (YYYY-MM-DD)' in str(error.value)
    assert 'events.csv:3: column source_ids: unknown source id "nowhere"' in str(error.value)


BROKEN = [
    # (what, events.csv text, expected message)
    (
        "bad date",
        EVENTS.replace("2025-05-12", "2025-13-01"),
        'events.csv:2: column date: "2025-13-01" is not a date (YYYY-MM-DD) — correct the value',
    ),
    (
        "unknown source",
        EVENTS.replace("wh-test;press-test", "wh-test;nowhere"),
        'events.csv:3: column source_ids: unknown source id "nowhere" — add it to data/sources.csv or fix the spelling',
    ),
    (
        "duplicate id",
        EVENTS.replace("spiral,", "geneva,"),
        'events.csv:3: column id: duplicate value "geneva" (first used in record 2) — ids must be unique',
    ),
    (
        "bad enum",
        EVENTS.replace(",US,tariffs", ",USA,tariffs"),
        'events.csv:3: column actor: "USA" is not one of: US, CN, both, court, other — use one of these values',
    ),
    (
        "missing required",
        EVENTS.replace("Geneva joint statement", ""),
        "events.csv:2: column title: is empty but required — fill it in",
    ),
    (
        "end before start",
        EVENTS.replace("2025-05-12,,", "2025-05-12,2025-05-01,"),
        'events.csv:2: column date_end: "2025-05-01" is before date "2025-05-12" — the end cannot precede the start',
    ),
    (
        "too many words",
        EVENTS.replace("Both sides cut tariffs for 90 days.", "word " * 61),
        "events.csv:2: column summary: has 61 words, the limit is 60 — shorten it",
    ),
    (
        "spaces in source ids",
        EVENTS.replace("wh-test;press-test", "wh-test; press-test"),
        'events.csv:3: column source_ids: "wh-test; press-test" does not match the pattern',
    ),
    (
        "extra cell",
        EVENTS.replace("EO 14259,wh-test;press-test,", "EO 14259,wh-test;press-test,,oops"),
        'events.csv:3: has an extra cell "oops" beyond the header',
    ),
]


@pytest.mark.parametrize("what,events,expected", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_events_are_reported(package, what, events, expected):
    root = package(events=events)
    messages = [str(p) for p in data.problems(root)]
    assert any(expected in m for m in messages), f"{what}: expected «{expected}» in {messages}"
    with pytest.raises(data.DataError) as err:
        data.validate_package(root)
    assert expected in str(err.value)


def test_out_of_range_rate_is_reported(package):
    measures = (
        "id,imposer,instrument,scope,product_class,coverage,rate_pct,effective_from,effective_to,status,suspends,event_id,source_ids,note\n"
        "us-x,US,IEEPA reciprocal,all-goods,,all goods,1450,2025-04-10,,in-force,,spiral,wh-test,\n"
        "us-y,US,IEEPA reciprocal,all-goods,,all goods,ten,2025-04-10,,in-force,,nosuch,wh-test,\n"
    )
    messages = [str(p) for p in data.problems(package(tariff_measures=measures))]
    assert 'tariff_measures.csv:2: column rate_pct: "1450" is above the maximum 1000 — check the value and its unit' in "\n".join(
        messages
    )
    assert 'tariff_measures.csv:3: column rate_pct: "ten" is not a number' in "\n".join(messages)
    assert (
        'tariff_measures.csv:3: column event_id: "nosuch" is not an id in events.csv — add that row or fix the reference'
        in "\n".join(messages)
    )


def test_a_suspension_without_its_legal_end_is_reported(package):
    measures = (
        "id,imposer,instrument,scope,product_class,coverage,rate_pct,effective_from,effective_to,status,suspends,event_id,source_ids,note\n"
        "cn-x,CN,Tariff Commission,all-goods,,all goods,34,2025-04-10,,in-force,,spiral,wh-test,\n"
        "cn-y,CN,Tariff Commission,all-goods,,all goods,24,2025-05-14,,suspended,cn-x,geneva,wh-test,\n"
    )
    messages = "\n".join(str(p) for p in data.problems(package(tariff_measures=measures)))
    assert (
        "tariff_measures.csv:3: column effective_to: is empty but the row suspends a layer — a suspension runs for a "
        "fixed term: give its legal end date" in messages
    )


def test_primary_copy_must_name_its_document(package):
    sources = SOURCES.replace(",Full text of the announcement,MOFCOM Announcement 2025 No. 18", ",Full text of the announcement,")
    messages = [str(p) for p in data.problems(package(sources=sources))]
    assert (
        'sources.csv:4: column document: is empty but kind is "primary-copy" — name the official document the page '
        "reproduces (number and date)"
    ) in "\n".join(messages), messages


def test_line_numbers_follow_quoted_newlines(package):
    events = EVENTS.replace("Both sides cut tariffs for 90 days.", '"Both sides cut\ntariffs."')
    events = events.replace("2025-04-09", "2025-04-31")
    messages = [str(p) for p in data.problems(package(events=events))]
    expected = 'events.csv:4: column date: "2025-04-31" is not a date (YYYY-MM-DD) — correct the value'
    assert any(m.endswith(expected) for m in messages), messages


def test_undeclared_csv_is_reported(package):
    root = package()
    (root / "stray.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert any("stray.csv: is not declared in data/datapackage.json" in str(p) for p in data.problems(root))


def test_invalid_package_is_never_loaded(package):
    root = package(events=EVENTS.replace("2025-05-12", "2025-13-01"))
    with pytest.raises(data.DataError):
        data.load("events", root)


def test_sources_fixture_is_valid_alone(package):
    assert data.problems(package(sources=SOURCES)) == []


def test_data_readme_matches_the_descriptor():
    from truce.data import readme as datadoc
    from truce.paths import DATA_DIR

    assert (DATA_DIR / "README.md").read_text(encoding="utf-8") == datadoc.readme(), (
        "data/README.md is out of date with data/datapackage.json — run: .venv/bin/python -m truce.data.readme"
    )


def test_duplicate_composite_key_is_reported(tmp_path):
    from checks.conftest import write_package

    trade = (
        "month,exports_usd_m,imports_usd_m,balance_usd_m,vintage,source_ids,note\n"
        "2025-01,1,2,-1,v1,wh-test,\n"
        "2025-01,1,2,-1,v1,wh-test,\n"
    )
    root = write_package(tmp_path / "data", {"sources": SOURCES, "trade_monthly": trade})
    messages = [str(p) for p in data.problems(root)]
    expected = 'trade_monthly.csv:3: duplicate key "2025-01", "v1" (first used in record 2) — each key must appear once'
    assert expected in "\n".join(messages), messages


def test_source_urls_are_well_formed():
    from urllib.parse import urlparse

    for row in data.load("sources").to_dict("records"):
        url = urlparse(row["url"])
        assert url.scheme in ("http", "https") and "." in url.netloc and " " not in row["url"], (
            f"data/sources.csv: source {row['id']}: malformed URL {row['url']!r} — use the full address of the page read"
        )


SCENARIO_MEASURES = (
    "id,imposer,instrument,scope,product_class,coverage,rate_pct,effective_from,effective_to,status,exempt_classes,suspends,event_id,source_ids,note\n"
    "us-ieepa-reciprocal-x,US,IEEPA reciprocal,all-goods,,all goods,34,2025-05-14,,in-force,,,,wh-test,\n"
    "us-ieepa-reciprocal-suspension-x,US,IEEPA reciprocal,all-goods,,all goods,24,2025-05-14,2026-02-24,in-force,,us-ieepa-reciprocal-x,,wh-test,\n"
)
SCENARIOS = (
    "id,title,description,imposers,authorities,measure_ids,source_ids,note\n"
    "no-geneva,Without Geneva,No suspension.,US,,us-ieepa-reciprocal-suspension-x,wh-test,\n"
)


def test_the_scenarios_select_rows_of_their_sides():
    from truce.analysis import scenarios

    assert scenarios.problems(data.load("tariff_scenarios"), data.load("tariff_measures")) == []


def test_a_scenario_naming_an_unknown_measure_is_reported(package):
    broken = SCENARIOS.replace("us-ieepa-reciprocal-suspension-x", "us-ieepa-reciprocal-suspension-x;us-nosuch-2025")
    root = package(tariff_measures=SCENARIO_MEASURES, tariff_scenarios=broken)
    with pytest.raises(data.DataError) as err:
        data.validate_package(root)
    assert (
        'tariff_scenarios.csv:2: column measure_ids: "us-nosuch-2025" is not an id in tariff_measures.csv — '
        "add that row or fix the reference"
    ) in str(err.value)
    assert "us-ieepa-reciprocal-suspension-x" not in str(err.value)  # the known id in the same cell passes


def test_a_scenario_rule_that_selects_nothing_or_the_wrong_side_is_reported(package):
    from truce.analysis import scenarios

    measures = data.load("tariff_measures", package(tariff_measures=SCENARIO_MEASURES, tariff_scenarios=SCENARIOS))
    frame = data.load("tariff_scenarios", package(tariff_measures=SCENARIO_MEASURES, tariff_scenarios=SCENARIOS))
    assert scenarios.problems(frame, measures) == []
    wrong = frame.assign(imposers=["CN"], authorities=["IEEPA tariffs"])
    assert scenarios.problems(wrong, measures) == [
        'data/tariff_scenarios.csv:2: column authorities: "IEEPA tariffs" is not an authority of any tariff_measures.csv '
        "row — use one of: IEEPA reciprocal",
        'data/tariff_scenarios.csv:2: column measure_ids: "us-ieepa-reciprocal-suspension-x" is imposed by US, not by CN — '
        "add that side to imposers or remove the id",
        "data/tariff_scenarios.csv:2: column authorities: the scenario removes no tariff_measures.csv row of CN — "
        "check the authorities, ids and imposers",
    ]
    empty = frame.assign(measure_ids=[()])
    assert scenarios.problems(empty, measures) == [
        "data/tariff_scenarios.csv:2: column authorities: is empty and so is measure_ids — name the rows the scenario removes"
    ]


def test_a_row_without_its_chinese_text_is_reported(package):
    zh = "id,title,summary\ngeneva,日内瓦联合声明,双方将关税下调90天。\n"
    messages = [str(p) for p in data.problems(package(events_zh=zh))]
    assert len(messages) == 1, messages
    assert messages[0].split("/data/")[1].startswith('events_zh.csv: column id: has no row for "spiral" (')
    assert messages[0].endswith("events.csv line 3) — add a row with its Chinese title, summary")


def test_a_chinese_row_for_no_english_row_or_with_an_empty_cell_is_reported(package):
    zh = "id,title,summary\ngeneva,日内瓦联合声明,\nspiral,美国提高税率,美国提高了税率。\nlondon,伦敦,伦敦框架。\n"
    messages = [str(p) for p in data.problems(package(events_zh=zh))]
    assert any("events_zh.csv:2: column summary:" in m for m in messages), messages
    assert any("events_zh.csv:4: column id:" in m and '"london" is not an id in events.csv' in m for m in messages), messages


LISTS = """\
id,imposer,name,instrument,action,product_class,layer_ids,code_level,codes,effective_from,effective_to,shields_from,replaces,status,announced_value_usd_bn,value_basis,items_announced,source_ids,note
us-301-list-3,US,Section 301 List 3 ($200 billion),"USTR notice, 83 FR 47974 (21 Sep 2018), Annex A",adds,section-301-list-3,us-s301-list3,hts8,2,2018-09-24,,,,in-force,200,,,wh-test,
cn-2025-03-farm-15,CN,"March 2025: chicken, wheat, corn, cotton at 15%","Customs Tariff Commission Announcement 2025 No. 2 (4 Mar 2025), Annex 1",adds,cn-farm-15,cn-agri-15,hs8,2,2025-03-10,,,,revoked,,,,wh-test,
"""  # noqa: E501 (CSV rows)


def test_a_list_without_its_chinese_text_is_reported(package):
    zh = "id,name,instrument\nus-301-list-3,301条款清单3（2000亿美元）,美国贸易代表办公室公告 83 FR 47974（2018年9月21日）附件A\n"
    root = package(tariff_lists=LISTS, tariff_lists_zh=zh)
    messages = [str(p).replace(f"{root}/", "data/") for p in data.problems(root)]
    assert messages == [
        'data/tariff_lists_zh.csv: column id: has no row for "cn-2025-03-farm-15" (data/tariff_lists.csv line 3) — '
        "add a row with its Chinese name, instrument"
    ]


def test_a_chinese_list_row_for_no_english_list_is_reported(package):
    zh = (
        "id,name,instrument\n"
        "us-301-list-3,301条款清单3（2000亿美元）,美国贸易代表办公室公告 83 FR 47974（2018年9月21日）附件A\n"
        "cn-2025-03-farm-15,2025年3月：鸡肉、小麦、玉米和棉花，15%,税委会公告2025年第2号（2025年3月4日）附件1\n"
        "us-301-list-9,301条款清单9,美国贸易代表办公室公告\n"
    )
    root = package(tariff_lists=LISTS, tariff_lists_zh=zh)
    messages = [str(p).replace(f"{root}/", "data/") for p in data.problems(root)]
    assert messages == [
        'data/tariff_lists_zh.csv:4: column id: "us-301-list-9" is not an id in tariff_lists.csv — add that row or fix the reference'
    ]
