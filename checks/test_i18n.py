"""The Chinese edition: every page has a Chinese twin with the same figures and anchors, and
Chinese text (pages and data) uses Chinese punctuation and leaves no English sentence untranslated.
Each check is also fed broken input and must report it with file, line and fix."""

from __future__ import annotations

import pytest

from truce import data, i18n
from truce.i18n import is_twin, twin
from truce.paths import DOCS_DIR
from truce.site import figlinks, quotes, zhtext

ENGLISH = [p for p in figlinks.page_sources() if not is_twin(p)]
CHINESE = [p for p in figlinks.page_sources() if is_twin(p)]


def _id(p):
    return p.relative_to(DOCS_DIR).as_posix()


@pytest.mark.parametrize("path", ENGLISH, ids=_id)
def test_every_page_has_a_chinese_twin(path):
    assert twin(path).exists(), f"docs/{_id(path)} has no Chinese page — write docs/{_id(twin(path))}"


@pytest.mark.parametrize("path", CHINESE, ids=_id)
def test_a_chinese_page_has_its_english_figures_and_anchors(path):
    problems = zhtext.pair_problems(path)
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("path", CHINESE, ids=_id)
def test_chinese_prose_is_chinese(path):
    problems = zhtext.text_problems(path)
    assert not problems, "\n".join(map(str, problems))


def test_chinese_data_is_chinese():
    problems = []
    for name in data.resource_names():
        if not name.endswith("_zh"):
            continue
        frame = data.load(name)
        for i, row in enumerate(frame.to_dict("records")):
            for column, value in row.items():
                if column == "id" or not isinstance(value, str):
                    continue
                where = f"data/{name}.csv row {i + 1} (id {row['id']}) column {column}"
                problems += zhtext.punctuation_problems(value, where) + zhtext.untranslated_problems(value, where)
    assert not problems, "\n".join(f"{p.path}: {p.message}" for p in problems)


# Broken input ------------------------------------------------------------------------------


def _pair(tmp_path, english: str, chinese: str):
    en = tmp_path / "page.md"
    en.write_text(english, encoding="utf-8")
    zh = tmp_path / "page.zh.md"
    zh.write_text(chinese, encoding="utf-8")
    return zh


EN = "# Title\n\n## The peak\n\nDuties peaked at [145%](fig:us-headline-peak), then [30%](fig:us-headline-geneva).\n"


def test_a_faithful_pair_passes(tmp_path):
    zh = _pair(
        tmp_path,
        EN,
        "# 标题\n\n## 峰值 { #the-peak }\n\n关税峰值为[145%](fig:us-headline-peak)，后降至[30%](fig:us-headline-geneva)。\n",
    )
    assert zhtext.pair_problems(zh, {}) == [] and zhtext.text_problems(zh) == []


def test_a_missing_or_extra_figure_is_reported(tmp_path):
    zh = _pair(
        tmp_path,
        EN,
        "# 标题\n\n## 峰值 { #the-peak }\n\n关税峰值为[145%](fig:us-headline-peak)，见[125%](fig:cn-headline-peak)。\n",
    )
    messages = [p.message for p in zhtext.pair_problems(zh, {}, label="docs/page.zh.md")]
    assert any(m.startswith("lacks figure us-headline-geneva") for m in messages), messages
    assert any(m.startswith("links figure cn-headline-peak") for m in messages), messages


def test_a_recorded_difference_is_accepted(tmp_path):
    zh = _pair(tmp_path, EN, "# 标题\n\n## 峰值 { #the-peak }\n\n关税峰值为[145%](fig:us-headline-peak)。\n")
    page = figlinks.rel(tmp_path / "page.md")
    assert zhtext.pair_problems(zh, {(page, "us-headline-geneva"): "said once in Chinese"}) == []


def test_a_heading_without_the_english_anchor_is_reported(tmp_path):
    zh = _pair(
        tmp_path, EN, "# 标题\n\n## 峰值\n\n关税峰值为[145%](fig:us-headline-peak)，后降至[30%](fig:us-headline-geneva)。\n"
    )
    problems = zhtext.pair_problems(zh, {}, label="docs/page.zh.md")
    assert [str(p) for p in problems] == [
        'docs/page.zh.md:3: heading "峰值" has no anchor — end it with { #<the English heading\'s anchor> } '
        "so links to it work in both editions"
    ]
    zh.write_text("# 标题\n\n## 峰值 { #peak }\n\n[145%](fig:us-headline-peak)[30%](fig:us-headline-geneva)\n", encoding="utf-8")
    assert any("heading anchor #peak is not one of" in p.message for p in zhtext.pair_problems(zh, {}))


@pytest.mark.parametrize(
    "line, mark",
    [
        ("双方达成协议,关税下调。", ","),
        ("美国提高关税(对等关税)。", "("),
        ("这是结论.", "."),
        ('他说"不"。', '"'),
        ("问题是:谁占上风", ":"),
    ],
)
def test_half_width_punctuation_beside_chinese_is_reported(tmp_path, line, mark):
    zh = tmp_path / "p.zh.md"
    zh.write_text(f"# 标题\n\n{line}\n", encoding="utf-8")
    problems = zhtext.text_problems(zh, label="docs/p.zh.md")
    assert problems and problems[0].line == 3 and f'half-width "{mark}"' in problems[0].message, problems


@pytest.mark.parametrize(
    "line",
    [
        "依据《国际紧急经济权力法》（IEEPA）加征关税，见[第14257号行政令](event:x)。",
        '!!! note "说明"',
        "美国贸易代表办公室（USTR）、BIS和Supreme Court均有参与。",  # names and abbreviations
        "芯片出口[145%](fig:us-headline-peak?as=pct)。[@wh-test; @press-test]",
        "《From Edgy Truce to Tricky Détente》一文发表于2025年10月。",
        '<span lang="en">Liberation Day and what followed it</span>是美方的说法。',
    ],
)
def test_clean_chinese_passes(tmp_path, line):
    zh = tmp_path / "p.zh.md"
    zh.write_text(f"# 标题\n\n{line}\n", encoding="utf-8")
    assert zhtext.text_problems(zh) == []


def test_an_untranslated_sentence_is_reported(tmp_path):
    zh = tmp_path / "p.zh.md"
    zh.write_text("# 标题\n\n双方于是 agreed to cut tariffs for ninety days 并继续谈判。\n", encoding="utf-8")
    problems = zhtext.text_problems(zh, label="docs/p.zh.md")
    assert [str(p) for p in problems] == [
        'docs/p.zh.md:3: untranslated English "agreed to cut tariffs for ninety days" — translate it; put the title of '
        'an English document in 《》 or mark a deliberate English passage <span lang="en">'
    ]


def test_chinese_quotations_must_be_recorded_and_translations_marked(tmp_path):
    page = tmp_path / "p.zh.md"
    page.write_text(
        "# 标题\n\n"
        "商务部表示“这些物项具有军民两用属性，对其实施出口管制是国际通行做法”。\n"
        "特朗普说“与中国有关会谈的一切谈判都将终止”。\n"
        "特朗普说“与中国有关会谈的一切谈判都将终止”（本站译）。\n"
        "有人说“这是一句没有记录在案的引语而已”。\n",
        encoding="utf-8",
    )
    originals = ["这些物项具有军民两用属性，对其实施出口管制是国际通行做法。"]
    translations = ["与中国有关会谈的一切谈判都将终止！"]
    problems = [str(p) for p in quotes.unlisted_quotes_zh(page, originals, translations, label="docs/p.zh.md")]
    assert len(problems) == 2, problems
    assert problems[0].startswith(
        "docs/p.zh.md:4: quotation “与中国有关会谈的一切谈判都将终止” is the site's translation — mark it （本站译）"
    )
    assert problems[1].startswith(
        "docs/p.zh.md:6: quotation “这是一句没有记录在案的引语而已” is in neither quote_zh nor translation_zh"
    )


# Words the code writes (truce/locale/zh.csv) -------------------------------------------------


def test_every_marked_text_has_a_chinese_translation():
    gaps = i18n.missing("zh")
    assert not gaps, "\n".join(f'{where}: "{text}" has no row in truce/locale/zh.csv — add it' for text, where in gaps.items())


def test_an_untranslated_text_fails_with_the_fix():
    with pytest.raises(KeyError, match=r'truce/locale/zh.csv has no translation of "No such words" — add a row'):
        i18n.t("No such words", "zh")
    assert i18n.t("No such words", "en") == "No such words"


def test_a_broken_catalogue_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        (tmp_path / "zh.csv").write_text("en,zh,note\nSources:,来源：,\nLink,,\n", encoding="utf-8")
        with pytest.raises(ValueError, match=r"truce/locale/zh.csv:3: empty en or zh cell — fill both"):
            i18n.catalogue("zh")
        (tmp_path / "zh.csv").write_text("en,zh,note\nLink,链接,\nLink,连接,\n", encoding="utf-8")
        with pytest.raises(ValueError, match=r'truce/locale/zh.csv:3: "Link" is translated twice'):
            i18n.catalogue("zh")
    finally:
        i18n.catalogue.cache_clear()


def test_marked_texts_are_found_in_code(tmp_path):
    (tmp_path / "block.py").write_text('from truce.i18n import N_, t\nX = N_("Lever")\ny = t("{n} entries").format(n=2)\n')
    found = i18n.marked_texts(tmp_path)
    assert found["Lever"].endswith("block.py:2") and found["{n} entries"].endswith("block.py:3")


TRANSLATED = ("events_zh", "commitments_zh", "leverage_zh", "tariff_measures_zh", "tariff_scenarios_zh", "tariff_lists_zh")


@pytest.mark.parametrize("name", TRANSLATED)
def test_the_data_pages_show_has_chinese_text(name):
    assert name in data.resource_names(), (
        f"data/{name}.csv is not declared in data/datapackage.json — add it (see data/README.md)"
    )


@pytest.mark.parametrize(
    "resource, column, words",
    [
        ("events", "status", "STATUS_LABELS"),
        ("events", "actor", "ACTOR_LABELS"),
        ("events", "lever", "LEVER_LABELS"),
        ("events", "direction", "DIRECTION_LABELS"),
        ("tariff_measures", "status", "LAYER_STATUS_LABELS"),
        ("commitments", "outcome", "OUTCOME_LABELS"),
        ("commitments", "party", "PARTY_LABELS"),
    ],
)
def test_every_code_a_page_shows_has_words(resource, column, words):
    from truce import labels

    res = next(r for r in data.descriptor()["resources"] if r["name"] == resource)
    field = next(f for f in res["schema"]["fields"] if f["name"] == column)
    codes = set(field.get("constraints", {}).get("enum", []))
    missing = sorted(codes - set(getattr(labels, words)))
    assert not missing, f"truce/labels.py {words} has no words for {resource}.{column} values {missing} — add them"


# Figure definitions in Chinese (tooltips and the ledger) --------------------------------------


def test_every_figure_has_a_chinese_definition():
    from truce.figures import registry

    problems = registry.definition_problems("zh", list(registry.evaluate_all()))
    assert not problems, "\n".join(problems)


def test_broken_chinese_definitions_are_reported(tmp_path):
    from truce.figures import registry

    path = tmp_path / "definitions_zh.csv"
    path.write_text("id,definition\na,甲。\na,甲。\nb,\nzzz,无。\n", encoding="utf-8")
    assert registry.definition_problems("zh", ["a", "b", "c"], path) == [
        "truce/figures/definitions_zh.csv:3: figure a is defined twice — keep one row",
        "truce/figures/definitions_zh.csv:4: column definition: empty — write the figure's definition in zh",
        "truce/figures/definitions_zh.csv:5: 'zzz' is not a figure id — remove the row or fix the id",
        "truce/figures/definitions_zh.csv: figure c has no row — add its definition in zh",
    ]


def test_chinese_definitions_are_chinese():
    from truce.figures import registry

    problems = []
    for fid, text in registry.definitions("zh").items():
        problems += zhtext.punctuation_problems(text, f"truce/figures/definitions_zh.csv ({fid})")
        problems += zhtext.untranslated_problems(text, f"truce/figures/definitions_zh.csv ({fid})")
    assert not problems, "\n".join(f"{p.path}: {p.message}" for p in problems)
