"""The product lookup and the average figures: the browser computes the same stacks as
``truce.analysis.products`` (run in Chromium), the lookup data stays small, the PIIE table
and the average figures hold together."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re

import pytest

from truce import i18n
from truce.analysis import products as P
from truce.blocks import products as B
from truce.figures import products as F
from truce.paths import ROOT

LOOKUP_JS = ROOT / "docs" / "assets" / "js" / "lookup.js"

# side, code, day — what each case exercises
CASES = [
    ("US", "9403608081", "2018-10-01", "List 3 at 10%"),
    ("US", "9403608081", "2019-06-01", "List 3 raised to 25%"),
    ("US", "9403608081", "2025-04-11", "List 3 + fentanyl + reciprocal 125"),
    ("US", "9403608081", "2025-05-14", "Geneva: 24 reciprocal points suspended"),
    ("US", "9403608081", "2026-03-01", "Section 122 surcharge"),
    ("US", "6110202079", "2019-09-02", "List 4A at 15%"),
    ("US", "6110202079", "2020-02-14", "List 4A halved"),
    ("US", "9503000073", "2019-12-16", "4B-only good: List 4B never took effect"),
    ("US", "9503000073", "2025-04-11", "4B-only good at the headline peak"),
    ("US", "8517130000", "2025-04-08", "smartphones: electronics exemption, retroactive"),
    ("US", "8517130000", "2025-11-13", "smartphones under the updated Annex II"),
    ("US", "8471300100", "2025-05-14", "laptops: exempted electronics"),
    ("US", "7208510030", "2018-04-01", "steel plate: Section 232 of 2018"),
    ("US", "7208510030", "2025-04-11", "232 good outside the reciprocal duty"),
    ("US", "7208510030", "2025-06-04", "Section 232 steel at 50%"),
    ("US", "7208510030", "2026-03-01", "232 good outside the Section 122 surcharge"),
    ("US", "8703800002", "2024-10-01", "EV: review rate replaces List 1"),
    ("US", "8703800002", "2025-04-11", "EV: 301 + 232 autos + fentanyl"),
    ("US", "8708301050", "2025-04-20", "auto part shielded before its own duty began"),
    ("US", "0901210000", "2025-11-13", "coffee: farm goods added to Annex II"),
    ("US", "8541420010", "2024-10-01", "solar cells: review rate 50%"),
    ("US", "850760", "2024-10-01", "6-digit query: partial coverage, not counted"),
    ("US", "8507600010", "2026-01-01", "EV batteries: review rate"),
    ("US", "0304725000", "2024-03-01", "Section 301 exclusion of a whole line (9903.88.67)"),
    ("US", "9030904600", "2025-05-12", "List 1 line excluded (9903.88.69) under the 2025 peak"),
    ("US", "9030904600", "2026-11-10", "exclusions ended 10 Nov 2026"),
    ("US", "8486200000", "2025-01-01", "exclusion by description: shown, not counted"),
    ("US", "847130", "2025-01-01", "6-digit query over excluded lines"),
    ("CN", "12019011", "2025-03-15", "Chinese farm good: soybeans on the 10% list"),
    ("CN", "12019011", "2025-04-12", "soybeans + 125% on all US goods"),
    ("CN", "12019011", "2025-11-10", "farm lists lifted"),
    ("CN", "02071200", "2025-03-10", "frozen chicken: 15% list"),
    ("CN", "02064100", "2018-05-01", "pork liver: April 2018 list at 25%"),
    ("CN", "27011210", "2025-02-10", "coal: February 2025 list"),
    ("CN", "08021200", "2019-06-01", "almonds: 2018 list, uncoded lists unknown"),
]


@pytest.fixture(scope="module")
def lookup_data() -> dict:
    return B.lookup_data()


@pytest.fixture(scope="module")
def browser_page(browser, lookup_data):
    page = browser.new_page()
    page.set_content("<!doctype html><title>lookup</title>")
    page.add_script_tag(content=LOOKUP_JS.read_text(encoding="utf-8"))
    page.evaluate("d => { window.LOOKUP_DATA = d; }", lookup_data)
    yield page
    page.close()


def test_browser_stack_matches_python(browser_page):
    got = browser_page.evaluate(
        "cases => cases.map(c => window.TruceLookup.additionalDuty(window.LOOKUP_DATA, c[0], c[1], c[2]))",
        [list(c[:3]) for c in CASES],
    )
    expected = [P.additional_duty(code, day, side) for side, code, day, _ in CASES]
    wrong = [
        f"{c[0]} {c[1]} {c[2]} ({c[3]}): browser {g}, Python {e}"
        for c, g, e in zip(CASES, got, expected, strict=False)
        if g != pytest.approx(e, abs=1e-6)
    ]
    assert not wrong, "\n".join(wrong)
    assert len(set(expected)) > 10  # the cases are not all alike


def test_browser_names_the_same_layers_and_reasons(browser_page, lookup_data):
    """Layer by layer, on a day with an exemption, a suspension, a replacement and an unknown list."""
    for side, code, day in (
        ("US", "8517130000", "2025-05-14"),
        ("US", "8703800002", "2024-10-01"),
        ("CN", "08021200", "2019-06-01"),
        ("US", "0304725000", "2025-01-01"),
        ("US", "8486200000", "2025-01-01"),
    ):
        js = browser_page.evaluate("a => window.TruceLookup.stack(window.LOOKUP_DATA, a[0], a[1], a[2])", [side, code, day])
        layers = lookup_data["sides"][side]["layers"]
        py = P.stack(code, day, side)
        assert [("mfn" if x["layer"] < 0 else layers[x["layer"]]["id"]) for x in js] == [x.layer_id for x in py]
        assert [x["rate"] for x in js] == pytest.approx([x.rate_pct for x in py])
        assert [x["coverage"] for x in js] == [x.coverage for x in py]
        assert [bool(x["removed"]) for x in js] == [bool(x.removed_by) and "suspended" not in x.removed_by for x in py]


def test_browser_series_steps_where_python_changes(browser_page):
    steps = browser_page.evaluate("() => window.TruceLookup.series(window.LOOKUP_DATA, 'US', '9403608081')")
    for day, points in steps:
        assert P.additional_duty("9403608081", day, "US") == pytest.approx(points), day
    assert [p for _, p in steps][:3] == [0, 10, 25]


# The lookup's words: the block gives the script its edition's words -------------------------------

SITE = "http://lookup.test"
WORDS_SCRIPT = re.compile(r'<script type="application/json" class="lookup-words">(.*?)</script>', re.S)


def _edition(lang: str) -> tuple[str, dict[str, str]]:
    """The lookup page of an edition (its block in a bare page) and the data files it fetches."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(i18n.ENV, lang)
        block = B.lookup_block()
        files = {f"/{B.LOOKUP_PAGE}{B.LOOKUP_JSON_URL.format(side=s.lower())}": B.lookup_json(s) for s in P.IMPOSERS}
    page = f'<!doctype html><html lang="{i18n.HTML_LANG[lang]}"><meta charset="utf-8"><title>lookup</title><body>{block}</body></html>'
    return page, files


@pytest.fixture(scope="module")
def editions() -> dict:
    return {lang: _edition(lang) for lang in ("en", "zh")}


def _looked_up(browser, edition, side: str, code: str, day: str) -> dict:
    """The lookup page opened on one product, served from memory: its status, result and chart words."""
    page_html, files = edition
    served = {f"/{B.LOOKUP_PAGE}": page_html, "/assets/js/lookup.js": LOOKUP_JS.read_text(encoding="utf-8"), **files}

    def serve(route):
        path = route.request.url[len(SITE) :].split("?")[0]
        if path in served:
            kind = "text/html" if path.endswith("/") else "application/json" if path.endswith(".json") else "text/javascript"
            route.fulfill(body=served[path], content_type=f"{kind}; charset=utf-8")
        else:
            route.fulfill(status=404, body="")

    page = browser.new_page()
    try:
        page.route(f"{SITE}/**", serve)
        page.goto(f"{SITE}/{B.LOOKUP_PAGE}?side={side}&code={code}&day={day}")
        page.wait_for_selector(".lookup-result:not([hidden]) figure")
        return page.evaluate(
            """() => {
              const box = document.querySelector('.lookup');
              const result = box.querySelector('.lookup-result').cloneNode(true);
              // names from the data that have no Chinese (sources, exclusion wordings) and the product's title
              // are left out: what is left is written by the script, or named from data/tariff_lists_zh.csv
              result.querySelectorAll('.lookup-sources, .lookup-exclusions li, h2').forEach(n => n.remove());
              return {
                summary: box.querySelector('.lookup-summary').textContent,
                text: result.textContent,
                labels: [...box.querySelectorAll('.lookup-result [aria-label]')].map(n => n.getAttribute('aria-label')).join(' '),
                events: [...box.querySelectorAll('.lookup-result td a[title]')].filter(a => a.closest('td:last-child'))
                  .map(a => a.textContent + ' ' + a.title).join(' '),
              };
            }"""
        )
    finally:
        page.close()


# English the script writes: none of it may show on the Chinese page
ENGLISH_WORDS = (
    "in total|points|additional dut|normal duty|Normal duty|most-favoured|charged|Layer|Why|Sources|Chronology|From|July|"
    "listed on|exclusion|U.S. note|heading|Step chart|Show the|event|may apply|applies to|suspended|rate |Loading|product|"
    "Duties layer"
).split("|")
# one case per reason the script can give
ZH_CASES = [
    ("CN", "12019010", "2019-07-01"),  # listed
    ("US", "8517130000", "2025-05-14"),  # exempted, points suspended
    ("US", "7208510030", "2025-04-11"),  # the instrument excludes the good
    ("US", "8703800002", "2024-10-01"),  # replaced by the review rate
    ("CN", "08021200", "2019-06-01"),  # list codes unknown
    ("US", "850760", "2024-10-01"),  # partial coverage, no description
    ("US", "0304725000", "2024-03-01"),  # whole line excluded
    ("US", "8486200000", "2025-01-01"),  # exclusions by description
]


def test_chinese_page_writes_the_result_in_chinese(browser, editions):
    first = _looked_up(browser, editions["zh"], *ZH_CASES[0])
    assert first["summary"] == "31.8%为2019年7月1日的合计税率（中国对美国商品加征的关税）：在6.8%的正常关税之上加征25个百分点。"
    assert "列于第一批反制清单（340亿美元，545个税目）" in first["text"]  # the list's name from tariff_lists_zh.csv
    for case in ZH_CASES:
        got = first if case == ZH_CASES[0] else _looked_up(browser, editions["zh"], *case)
        written = f"{got['text']} {got['labels']} {got['events']}"
        assert "个百分点" in written and "年" in written, case
        left = [w for w in ENGLISH_WORDS if w in written]
        assert not left, f"{case}: the Chinese page still shows {left} in: {written}"
        bare = re.sub(r"\d+(\([a-z]+\))+(\(\d+\))?", "", written)  # U.S. notes: 20(ttt)(iii)(1)
        runs = [w for w in re.findall(r"[A-Za-z]{3,}", bare) if w not in ("IEEPA", "HTS")]
        assert not runs, f"{case}: English words {runs} on the Chinese page: {written}"


def test_chinese_lookup_data_names_the_lists_in_chinese():
    """The lists a duty comes from are named from data/tariff_lists_zh.csv in the Chinese edition; the
    English edition keeps the English of data/tariff_lists.csv."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(i18n.ENV, "zh")
        zh = B.lookup_data()
    english = {r["id"]: r for r in P.tables().lists.to_dict("records")}
    for side, part in zh["sides"].items():
        for r in part["lists"]:
            for column in ("name", "instrument"):
                assert r[column] != english[r["id"]][column], f"{side} list {r['id']}: {column} is still English: {r[column]}"
            left = re.findall(
                r"Section \d+|List \d|[Ee]xclusions?|Retaliation|Announcement|Proclamation|notice|Annex",
                r["name"] + r["instrument"],
            )
            assert not left, f"{side} list {r['id']} shows {left} in the Chinese edition: {r['name']} / {r['instrument']}"
    names = {r["id"]: r["name"] for r in zh["sides"]["US"]["lists"]}
    assert names["us-301-list-3"] == "301条款清单3（2000亿美元）"
    assert all("301条款" in n for i, n in names.items() if i.startswith("us-301-"))
    assert "Section 301 List 3" not in json.dumps(zh, ensure_ascii=False)
    cn = {r["id"]: r for r in zh["sides"]["CN"]["lists"]}
    assert "税委会公告〔2018〕5号" in cn["cn-2018-07-list-34bn"]["instrument"]


def test_english_lookup_data_keeps_the_english_list_names(lookup_data):
    names = {r["id"]: r["name"] for r in lookup_data["sides"]["US"]["lists"]}
    assert names["us-301-list-3"] == "Section 301 List 3 ($200 billion)"


def test_english_page_reads_as_before(browser, editions):
    got = _looked_up(browser, editions["en"], "CN", "12019010", "2019-07-01")
    assert got["summary"] == (
        "31.8% in total on 1 July 2019 (China's duties on US goods): 25 points of additional duties on top of a normal duty of 6.8%."
    )
    assert "Step chart of the additional duty on 1201.90.10 since 1 January 2018: highest" in got["labels"]


def _emitted_words(lang: str) -> dict:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(i18n.ENV, lang)
        block = B.lookup_block()
    found = WORDS_SCRIPT.search(block)
    assert found, 'lookup_block() emits no <script class="lookup-words">'
    return json.loads(found.group(1))


def _asked_for() -> dict[str, int]:
    """Every word key lookup.js asks for (say("key"), W.key, key = "key", the table headers), with its line."""
    found: dict[str, int] = {}
    text = LOOKUP_JS.read_text(encoding="utf-8")
    for line_no, line in enumerate(text.splitlines(), 1):
        keys = re.findall(r'\bsay\("(\w+)"', line) + re.findall(r"\bW\.(\w+)", line) + re.findall(r'\bkey = "(\w+)"', line)
        if "function (h)" in line:  # ["layer", "points", …].forEach(function (h) { … say(h) … })
            keys += re.findall(r'"(\w+)"', line.split(".forEach")[0])
        for key in keys:
            found.setdefault(key, line_no)
    return found


def test_every_word_the_script_asks_for_comes_with_the_page(browser_page):
    english = browser_page.evaluate("() => window.TruceLookup.words")
    for lang in ("en", "zh"):
        emitted = _emitted_words(lang)
        missing = {k: n for k, n in _asked_for().items() if k not in emitted}
        assert not missing, "\n".join(
            f'docs/assets/js/lookup.js:{n}: the script asks for "{k}", which the page does not give — add it to '
            "LOOKUP_WORDS in truce/blocks/products.py (and its Chinese to truce/locale/zh.csv)"
            for k, n in missing.items()
        )
        assert set(english) == set(emitted), (
            f"lookup.js WORDS and LOOKUP_WORDS differ: only in the script {sorted(set(english) - set(emitted))}, "
            f"only in the block {sorted(set(emitted) - set(english))}"
        )
    # the script's English fallback is the catalogue's source text, so the English page is the same either way
    assert english == _emitted_words("en")
    assert english == {**B.LOOKUP_WORDS, "months": list(i18n.MONTHS_EN)}


def test_the_script_writes_no_english_of_its_own():
    """Sentences belong in WORDS (and LOOKUP_WORDS), not in string literals of the page code."""
    text = LOOKUP_JS.read_text(encoding="utf-8")
    page_code = text[text.index("// Page ---") :]
    allowed = {"line line-"}  # class names
    sentences = [
        s for s in re.findall(r'"([^"\n]*)"', page_code) if re.search(r"[A-Za-z]{2,} +[A-Za-z]{2,}", s) and s not in allowed
    ]
    assert not sentences, f"lookup.js writes {sentences} — add them to WORDS and to LOOKUP_WORDS in truce/blocks/products.py"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_script_writes_dates_as_the_site_does(browser_page, lang):
    words = B.lookup_words(lang)
    days = [dt.date(2018, 1, 1), dt.date(2019, 7, 1), dt.date(2025, 12, 31)]
    got = browser_page.evaluate(
        "a => a[1].map(d => window.TruceLookup.longDate(d, a[0]))", [words, [d.isoformat() for d in days]]
    )
    assert got == [i18n.day(d, lang) for d in days]
    if lang == "zh":
        assert got[1] == "2019年7月1日"


def test_lookup_data_is_small_enough():
    """The page fetches one file per direction, each within the 300 KB (gzip) budget."""
    files = B.lookup_files()
    assert sorted(files) == [B.LOOKUP_JSON.format(side="cn"), B.LOOKUP_JSON.format(side="us")]
    for path, text in files.items():
        size = len(gzip.compress(text.encode("utf-8"), 9))
        assert size <= 300_000, f"{path} is {size} bytes gzip — keep each direction's data under 300 KB"


def test_each_direction_file_holds_its_side_and_the_shared_sources(lookup_data):
    for side in ("US", "CN"):
        part = json.loads(B.lookup_json(side, lookup_data))
        assert list(part["sides"]) == [side]
        assert part["sides"][side] == lookup_data["sides"][side]
        assert part["sources"] == lookup_data["sources"]  # indices cited by either side stay valid


def test_lookup_data_resolves_its_globs_and_drops_lists_that_never_took_effect(lookup_data):
    us = lookup_data["sides"]["US"]
    ids = [r["id"] for r in us["lists"]]
    assert "us-301-list-4b" not in ids
    ev = us["lists"][ids.index("us-301-2024-review-electric-vehicles")]
    assert {us["layers"][i]["id"] for i in ev["replaces"]} >= {"us-s301-list1-2018-07-06", "us-s301-list3-2019-05-10"}
    reciprocal = next(x for x in us["layers"] if x["id"] == "us-ieepa-reciprocal-2025-04-10")
    assert ids.index("us-232-autos") in reciprocal["shieldedBy"]
    assert not any(x["id"].startswith("us-threat") for x in us["layers"])


def test_every_piie_value_is_reconciled():
    frame = B.piie_comparison()
    piie = B._piie()
    assert len(frame) == len(piie)
    row = frame[(frame["side"] == "US") & (frame["date"] == dt.date(2025, 5, 14))].iloc[0]
    assert row["gap_pp"] == pytest.approx(round(P.average_rate("2025-05-14", "US") - 51.1, 1))
    assert row["change"].startswith("since 20 Jan 2025: PIIE +30.4")


def test_piie_value_names_what_is_missing():
    with pytest.raises(KeyError, match="average_tariffs.csv has no PIIE value for US on 2019-01-01"):
        F.piie_value("US", dt.date(2019, 1, 1))


def test_peak_average_is_the_highest_value_of_the_series():
    series = F.average_series()
    for side in ("US", "CN"):
        value, day = F.average_peak(side)
        assert value == series[series["imposer"] == side]["average_pct"].max()
        assert P.average_rate(day, side) == pytest.approx(value)


def test_all_goods_part_is_the_across_the_board_authorities_only():
    assert F.all_goods_authorities("US") == {"IEEPA fentanyl", "IEEPA reciprocal", "Section 122"}
    assert F.all_goods_points(dt.date(2025, 5, 14), "US") < P.average_rate("2025-05-14", "US")


def test_breakdown_adds_up_to_the_average():
    frame = B.breakdown_table()
    for (moment, side), g in frame.groupby(["date", "side"]):
        imposer = "US" if side.startswith("US") else "CN"
        assert g["points"].sum() == pytest.approx(P.average_rate(moment, imposer), abs=0.05)


def test_the_piie_table_is_written_in_the_edition_language(monkeypatch):
    """The reconciliation table on the Chinese tracker page names sides, authorities, the change
    since 20 January 2025 and the reasons in Chinese (the English edition keeps its words)."""
    english = B.piie_table()
    assert "since 20 Jan 2025: PIIE" in english and "MFN 2.2" in english
    monkeypatch.setenv(i18n.ENV, "zh")
    chinese = B.piie_table()
    for words in ("China's duties", "US duties", "MFN ", "since 20 Jan", "weighted by", "Section 301 "):
        assert words not in chinese, words
    assert "正常关税" in chinese and "2025年1月20日以来" in chinese and "中国对美国商品加征的关税" in chinese
