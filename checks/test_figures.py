"""Figure links in every page source match the data; numbers in prose are figure links."""

from __future__ import annotations

import dataclasses
import textwrap

import pytest

from truce.figures import registry
from truce.figures.formatting import format_value
from truce.paths import DOCS_DIR
from truce.site import figlinks, ledger


@pytest.fixture(scope="module")
def figures():
    return registry.evaluate_all()


def test_every_figure_computes(figures):
    assert figures, "no figures registered"
    for fid, ev in figures.items():
        assert ev.text, fid
        assert ev.figure.definition, f"figure {fid} has no definition"
        assert ev.figure.derivation, f"figure {fid}: document the computation in the function's docstring"


def test_figure_sources_resolve(figures):
    from truce import data

    known = data.sources()
    for fid, ev in figures.items():
        assert all(s in known for s in ev.source_ids), fid


@pytest.mark.parametrize("path", figlinks.page_sources(), ids=lambda p: p.relative_to(DOCS_DIR).as_posix())
def test_figure_links_match_the_data(path, figures):
    problems = figlinks.check_links(path, figures)
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("path", figlinks.page_sources(), ids=lambda p: p.relative_to(DOCS_DIR).as_posix())
def test_no_unlinked_figures_in_prose(path):
    problems = figlinks.unlinked_numbers(path)
    assert not problems, "\n".join(map(str, problems))


# The checks fail on broken input --------------------------------------------------------


def _fake(figures, fid, value):
    ev = figures[fid]
    text = format_value(value, ev.figure.unit, ev.figure.decimals)
    return dict(figures, **{fid: dataclasses.replace(ev, value=value, text=text, spellings=(text,))})


def test_wrong_number_in_markdown(tmp_path, figures):
    page = tmp_path / "geneva.md"
    page.write_text("# Geneva\n\nIntro.\n\nUS duties peaked at [140%](fig:us-headline-peak) in April.\n", encoding="utf-8")
    problems = [str(p) for p in figlinks.check_links(page, figures, label="docs/story/geneva.md")]
    assert problems == [f'docs/story/geneva.md:5: figure us-headline-peak reads "140%", the data gives "{figures["us-headline-peak"].text}" '
                        "(data/tariff_measures.csv) — update the text or the data"]


def test_wrong_number_in_notebook_markdown_cell(tmp_path, figures):
    nb = tmp_path / "nb.py"
    nb.write_text(textwrap.dedent("""\
        # %% [markdown]
        # # Title
        #
        # China's peak was [84%](fig:cn-headline-peak).

        # %%
        x = "[84%](fig:cn-headline-peak)"  # code is not prose
        """), encoding="utf-8")
    problems = [str(p) for p in figlinks.check_links(nb, figures, label="docs/nb.py")]
    assert problems == [f'docs/nb.py:4: figure cn-headline-peak reads "84%", the data gives "{figures["cn-headline-peak"].text}" '
                        "(data/tariff_measures.csv) — update the text or the data"]


def test_unknown_figure_id(tmp_path, figures):
    page = tmp_path / "p.md"
    page.write_text("A [5%](fig:no-such-figure) rise.\n", encoding="utf-8")
    assert [str(p) for p in figlinks.check_links(page, figures, label="docs/p.md")] == [
        'docs/p.md:1: unknown figure "no-such-figure" — register it in truce/figures.py or fix the id']


def test_data_change_makes_sentence_stale(tmp_path, figures):
    page = tmp_path / "p.md"
    page.write_text(f"Peak: [{figures['us-headline-peak'].text}](fig:us-headline-peak).\n", encoding="utf-8")
    assert figlinks.check_links(page, figures) == []
    changed = _fake(figures, "us-headline-peak", 150.0)
    assert [p.message for p in figlinks.check_links(page, changed)] == [
        f'figure us-headline-peak reads "{figures["us-headline-peak"].text}", the data gives "150%" (data/tariff_measures.csv) — update the text or the data']


def test_declared_alternative_spelling_is_accepted(tmp_path, figures):
    value = figures["us-headline-peak"].value
    page = tmp_path / "p.md"
    page.write_text(f"Peak: [{format_value(value, 'pct_word')}](fig:us-headline-peak).\n", encoding="utf-8")
    assert figlinks.check_links(page, figures) == []
    page.write_text(f"Peak: [{format_value(value, 'pp')}](fig:us-headline-peak).\n", encoding="utf-8")
    assert len(figlinks.check_links(page, figures)) == 1


LINT = [
    ("US duties reached 145% in April.", ['"145%" looks like a figure']),
    ("Exports fell by $12.3 billion.", ['"$12.3 billion" looks like a figure']),
    ("China bought 12 million tonnes.", ['"12 million" looks like a figure']),
    ("a cut of 24 percentage points", ['"24 percentage points" looks like a figure']),
    ("¥500 in fees", ['"¥500" looks like a figure']),
    ("Executive Order 14257 of 2 April 2025, the 90-day pause, the 3rd round", []),
    ("Trump said tariffs would be \"substantially lower than 145%\".", []),
    ("Peak [145%](fig:us-headline-peak) on 10 April.", []),
    ("A reviewed exception: 50% <!-- nofig: quoting a law's title -->", []),
]


@pytest.mark.parametrize("line,expected", LINT, ids=[l[0][:30] for l in LINT])
def test_unlinked_number_lint(tmp_path, line, expected):
    page = tmp_path / "p.md"
    page.write_text(f"# T\n\n{line}\n", encoding="utf-8")
    found = [str(p) for p in figlinks.unlinked_numbers(page, label="docs/p.md")]
    assert len(found) == len(expected), found
    for message, want in zip(found, expected):
        assert message.startswith(f"docs/p.md:3: {want} but is not a figure link"), message


def test_lint_ignores_code_and_front_matter(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("---\ndescription: rates of 145%\n---\n\n```\n145%\n```\n", encoding="utf-8")
    assert figlinks.unlinked_numbers(page) == []


def test_unused_figures_are_listed_on_the_ledger(figures, monkeypatch):
    monkeypatch.setattr(ledger, "usage", lambda: {})
    assert set(ledger.unused(figures)) == set(figures)
    page = ledger.ledger_markdown(figures)
    assert "Figures defined but not used on any page" in page
    assert "[us-headline-peak](#fig-us-headline-peak)" in page


# Citations and chronology links ----------------------------------------------------------

from truce import data  # noqa: E402
from truce.analysis import events as chronology
from truce.site import citations


@pytest.mark.parametrize("path", figlinks.page_sources(), ids=lambda p: p.relative_to(DOCS_DIR).as_posix())
def test_citations_and_event_links_resolve(path):
    problems = citations.check_source(path, data.sources(), set(chronology.events()["id"]))
    assert not problems, "\n".join(map(str, problems))


def test_unknown_citation_and_event_are_reported(tmp_path):
    page = tmp_path / "c.md"
    page.write_text("Intro.\n\nThe talks ended.[@no-such-source] See [Geneva](event:no-such-event).\n", encoding="utf-8")
    found = [str(p) for p in citations.check_source(page, {}, set(), label="docs/c.md")]
    assert found == ['docs/c.md:3: unknown source "no-such-source" in citation — add it to data/sources.csv or fix the id',
                     'docs/c.md:3: unknown event "no-such-event" — use an id from data/events.csv']
