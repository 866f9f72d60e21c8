"""Content that spans files: every quotation in a page is recorded with its sources, the leverage
matrix names real chronology events and reads consistently, and the scorecard's outcomes agree
with their dates. Each check is also fed a broken copy and must report it precisely."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from truce import data
from truce.analysis import commitments
from truce.i18n import lang_of
from truce.paths import DATA_DIR, DOCS_DIR
from truce.site import figlinks, quotes

# Quotations ---------------------------------------------------------------------------------


def recorded_quotations(data_dir: Path = DATA_DIR) -> list[str]:
    """What a page may quote: the statements in quotes.csv and the rates in quoted_rates.csv
    (the numbers people quote, each with its sources)."""
    return list(data.load("quotes", data_dir)["quote"]) + list(data.load("quoted_rates", data_dir)["quoted"])


PAGES = figlinks.page_sources()


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS_DIR).as_posix())
def test_every_quotation_in_a_page_is_recorded(path):
    if lang_of(path) == "zh":
        said = data.load("quotes")
        problems = quotes.unlisted_quotes_zh(path, list(said["quote_zh"]), list(said["translation_zh"]))
    else:
        problems = quotes.unlisted_quotes(path, recorded_quotations())
    assert not problems, "\n".join(map(str, problems))


SAID = ["And we tried, we were at mutual assured annoyance, if you will."]


def test_a_misquotation_is_reported(tmp_path):
    page = tmp_path / "page.md"
    page.write_text('# T\n\nHe said "we were at mutual assured destruction" that day.\n', encoding="utf-8")
    problems = [str(p) for p in quotes.unlisted_quotes(page, SAID, label="docs/story/page.md")]
    assert problems == [
        'docs/story/page.md:3: quotation "we were at mutual assured destruction" is not in data/quotes.csv '
        "— add the quotation with its sources, or correct the wording"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "He said “we were at mutual assured annoyance,” smiling.",  # typographic quotes, end punctuation
        'He said "We were at mutual assured annoyance".',  # capital at the start of a fragment
        'A "reciprocal" tariff.',  # single words are terms, not quotations
        '<p class="chapter-summary" markdown>',  # HTML attributes are not prose
    ],
)
def test_the_quotation_check_accepts(tmp_path, line):
    page = tmp_path / "page.md"
    page.write_text(f"# T\n\n{line}\n", encoding="utf-8")
    assert quotes.unlisted_quotes(page, SAID) == []


def test_a_quoted_rate_is_a_recorded_quotation(package, tmp_path):
    rates = (
        "id,quoted,value_pct,said_by,said_on,imposer,counts,refers_to,product_class,source_ids,note\n"
        "us-245,up to 245%,245,The White House,2025-04-15,US,product-stack,2025-04-15,,wh-test,\n"
    )
    said = (
        "id,date,speaker,role,side,occasion,quote,quote_zh,translation_zh,source_ids,note\n"
        "q,2025-05-12,A Speaker,Minister,US,Talks,We were at mutual assured annoyance.,,,wh-test,\n"
    )
    page = tmp_path / "page.md"
    page.write_text('# T\n\nThe White House said "up to 245%", not "up to 250%".\n', encoding="utf-8")
    problems = quotes.unlisted_quotes(page, recorded_quotations(package(quoted_rates=rates, quotes=said)), label="docs/page.md")
    assert [str(p) for p in problems] == [
        'docs/page.md:3: quotation "up to 250%" is not in data/quotes.csv '
        "— add the quotation with its sources, or correct the wording"
    ]


# The leverage matrix ----------------------------------------------------------------------


def leverage_problems(data_dir: Path = DATA_DIR) -> list[str]:
    """Levers whose event ids are not in events.csv, whose holder is their target, or whose
    years to replace lack (or have without them) a basis."""
    known = set(data.load("events", data_dir)["id"])
    out = []
    for row in data.load("leverage", data_dir).to_dict("records"):
        where = f"data/leverage.csv: lever {row['id']}"
        for column in ("pulled_event_ids", "eased_event_ids"):
            out += [
                f'{where}: column {column}: unknown event "{eid}" — use an id from data/events.csv'
                for eid in row[column]
                if eid not in known
            ]
        if row["holder"] == row["target"]:
            out.append(f"{where}: holder and target are both {row['holder']} — a lever acts on the other side")
        has_years = not math.isnan(row["years_to_replace"])
        if has_years != bool(row["years_basis"]):
            out.append(f"{where}: years_basis must be given exactly when years_to_replace is")
        if row["years_basis"] == "assumption" and "assumption" not in row["note"]:
            out.append(f"{where}: years_to_replace is an assumption — say so in note")
    return out


def test_leverage_matrix_is_consistent():
    problems = leverage_problems()
    assert not problems, "\n".join(problems)


LEVERAGE = """\
id,lever,holder,target,dependence_pct,dependence_measure,alternatives,years_to_replace,years_basis,pulled_event_ids,eased_event_ids,source_ids,note
soy,Soybean purchases,CN,US,50,Share of US exports,Other buyers,2,assumption,spiral,geneva,wh-test,Years are an assumption of this site.
"""  # noqa: E501 (CSV rows)
BROKEN_LEVERAGE = [
    (
        "unknown pulled event",
        LEVERAGE.replace(",spiral,geneva,", ",spiral;nosuch,geneva,"),
        'data/leverage.csv: lever soy: column pulled_event_ids: unknown event "nosuch" — use an id from data/events.csv',
    ),
    (
        "unknown eased event",
        LEVERAGE.replace(",spiral,geneva,", ",spiral,gneva,"),
        'data/leverage.csv: lever soy: column eased_event_ids: unknown event "gneva" — use an id from data/events.csv',
    ),
    (
        "holder is target",
        LEVERAGE.replace(",CN,US,", ",US,US,"),
        "data/leverage.csv: lever soy: holder and target are both US — a lever acts on the other side",
    ),
    (
        "years without basis",
        LEVERAGE.replace(",2,assumption,", ",2,,"),
        "data/leverage.csv: lever soy: years_basis must be given exactly when years_to_replace is",
    ),
    (
        "basis without years",
        LEVERAGE.replace(",2,assumption,", ",,assumption,"),
        "data/leverage.csv: lever soy: years_basis must be given exactly when years_to_replace is",
    ),
    (
        "assumption not said",
        LEVERAGE.replace("Years are an assumption of this site.", "Our estimate."),
        "data/leverage.csv: lever soy: years_to_replace is an assumption — say so in note",
    ),
]


def test_clean_leverage_passes(package):
    assert leverage_problems(package(leverage=LEVERAGE)) == []


@pytest.mark.parametrize("what,text,expected", BROKEN_LEVERAGE, ids=[b[0] for b in BROKEN_LEVERAGE])
def test_broken_leverage_is_reported(package, what, text, expected):
    assert leverage_problems(package(leverage=text)) == [expected]


# The scorecard ----------------------------------------------------------------------------


def test_scorecard_outcomes_agree_with_their_dates():
    problems = commitments.problems()
    assert not problems, "\n".join(problems)


COMMITMENTS = """\
id,round,made_on,announced,party,commitment,due,instrument,outcome,outcome_date,outcome_summary,source_ids,note
c-ok,geneva-2025,2025-05-12,,US,Cut tariffs,2025-05-14,EO,met,2025-05-14,Done,wh-test,
c-late,busan-2025,2025-10-30,,CN,Buy soybeans,2026-11-10,,pending,,,wh-test,
"""
BROKEN_COMMITMENTS = [
    (
        "pending after its due date",
        COMMITMENTS,
        "2026-11-29",
        'data/commitments.csv: c-late: outcome "pending" but the due date 2026-11-10 has passed — '
        'record what happened, or "unverified" if no source says',
    ),
    (
        "outcome before the commitment",
        COMMITMENTS.replace(",met,2025-05-14,", ",met,2025-05-01,"),
        "2026-01-01",
        "data/commitments.csv: c-ok: outcome_date 2025-05-01 is before made_on 2025-05-12",
    ),
]


def test_clean_scorecard_passes(package):
    import datetime as dt

    table = data.load("commitments", package(commitments=COMMITMENTS))
    assert commitments.problems(table, on=dt.date(2026, 1, 1)) == []


@pytest.mark.parametrize("what,text,on,expected", BROKEN_COMMITMENTS, ids=[b[0] for b in BROKEN_COMMITMENTS])
def test_broken_scorecard_is_reported(package, what, text, on, expected):
    import datetime as dt

    table = data.load("commitments", package(commitments=text))
    assert commitments.problems(table, on=dt.date.fromisoformat(on)) == [expected]


# One answer to "evenly matched?" ------------------------------------------------------------

CONCLUSION_MARK = "**Evenly matched?**"
CONCLUSION_PAGES = ("index.md", "story/07-detente.md", "explainer.py")


def _paragraph_from(path: Path, mark: str) -> tuple[int, str] | None:
    """The paragraph that starts with ``mark`` (line number, text with spacing collapsed); in a
    percent-format notebook the ``# `` comment prefixes are removed first."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix == ".py":
        lines = [line[2:] if line.startswith("# ") else line.lstrip("#") for line in lines]
    for i, line in enumerate(lines):
        if line.strip().startswith(mark):
            para = []
            for rest in lines[i:]:
                if not rest.strip():
                    break
                para.append(rest.strip())
            return i + 1, " ".join(" ".join(para).split())
    return None


def conclusion_problems(docs_dir: Path = DOCS_DIR, pages=CONCLUSION_PAGES, mark: str = CONCLUSION_MARK) -> list[str]:
    """Home, chapter 7 and the explainer give one answer to whether the two sides were evenly
    matched: the paragraph starting with ``mark`` is the same text, word for word, on each."""
    found, out = {}, []
    for page in pages:
        para = _paragraph_from(docs_dir / page, mark)
        if para is None:
            out.append(f"docs/{page}: no paragraph starting with {mark} — each of {', '.join(pages)} gives the site's answer")
        else:
            found[page] = para
    if found:
        first, (_, text) = next(iter(found.items()))
        for page, (line, other) in found.items():
            if other != text:
                at = next((i for i, (a, b) in enumerate(zip(text, other, strict=False)) if a != b), min(len(text), len(other)))
                out.append(
                    f"docs/{page}:{line}: the {mark} paragraph differs from docs/{first}'s from "
                    f"“…{other[max(at - 20, 0) : at + 30]}…” — the pages must give one answer, word for word"
                )
    return out


def test_one_answer_to_evenly_matched():
    problems = conclusion_problems()
    assert not problems, "\n".join(problems)


def test_a_second_answer_to_evenly_matched_is_reported(tmp_path):
    (tmp_path / "story").mkdir()
    answer = "**Evenly matched?** Enough to deter,\nnot equal in size.\n"
    (tmp_path / "index.md").write_text(f"# Home\n\n{answer}\nMore.\n", encoding="utf-8")
    (tmp_path / "story" / "07-detente.md").write_text(f"# Ch7\n\n{answer.replace('not equal', 'and equal')}", encoding="utf-8")
    (tmp_path / "explainer.py").write_text("# %% [markdown]\n# ## E\n#\n# " + answer.replace("\n", "\n# "), encoding="utf-8")
    assert conclusion_problems(tmp_path) == [
        "docs/story/07-detente.md:3: the **Evenly matched?** paragraph differs from docs/index.md's from "
        "“…** Enough to deter, and equal in size.…” — the pages must give one answer, word for word"
    ]
    (tmp_path / "explainer.py").write_text("# %% [markdown]\n# ## E\n", encoding="utf-8")
    assert conclusion_problems(tmp_path)[0].startswith("docs/explainer.py: no paragraph starting with **Evenly matched?**")
