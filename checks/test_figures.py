"""Figure links in every page source match the data; numbers in prose are figure links."""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap

import pytest

from truce import data
from truce.analysis import events as chronology
from truce.analysis import tariffs
from truce.figures import declared, registry
from truce.figures.formatting import FORMATS, format_value
from truce.paths import DOCS_DIR, ROOT
from truce.site import citations, figlinks, ledger


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
    assert problems == [
        (
            f'docs/story/geneva.md:5: figure us-headline-peak reads "140%", the data gives "{figures["us-headline-peak"].text}" '
            "(data/tariff_measures.csv) — update the text or the data"
        )
    ]


def test_wrong_number_in_notebook_markdown_cell(tmp_path, figures):
    nb = tmp_path / "nb.py"
    nb.write_text(
        textwrap.dedent("""\
        # %% [markdown]
        # # Title
        #
        # China's peak was [84%](fig:cn-headline-peak).

        # %%
        x = "[84%](fig:cn-headline-peak)"  # code is not prose
        """),
        encoding="utf-8",
    )
    problems = [str(p) for p in figlinks.check_links(nb, figures, label="docs/nb.py")]
    assert problems == [
        (
            f'docs/nb.py:4: figure cn-headline-peak reads "84%", the data gives "{figures["cn-headline-peak"].text}" '
            "(data/tariff_measures.csv) — update the text or the data"
        )
    ]


def test_unknown_figure_id(tmp_path, figures):
    page = tmp_path / "p.md"
    page.write_text("A [5%](fig:no-such-figure) rise.\n", encoding="utf-8")
    assert [str(p) for p in figlinks.check_links(page, figures, label="docs/p.md")] == [
        'docs/p.md:1: unknown figure "no-such-figure" — declare it in truce/figures/declared.csv (see CONTRIBUTING.md) or fix the id'
    ]


def test_data_change_makes_sentence_stale(tmp_path, figures):
    page = tmp_path / "p.md"
    page.write_text(f"Peak: [{figures['us-headline-peak'].text}](fig:us-headline-peak).\n", encoding="utf-8")
    assert figlinks.check_links(page, figures) == []
    changed = _fake(figures, "us-headline-peak", 150.0)
    assert [p.message for p in figlinks.check_links(page, changed)] == [
        f'figure us-headline-peak reads "{figures["us-headline-peak"].text}", the data gives "150%" (data/tariff_measures.csv) — update the text or the data'
    ]


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
    ('Trump said tariffs would be "substantially lower than 145%".', []),
    ("Peak [145%](fig:us-headline-peak) on 10 April.", []),
    ("A reviewed exception: 50% <!-- nofig: quoting a law's title -->", []),
]


@pytest.mark.parametrize("line,expected", LINT, ids=[case[0][:30] for case in LINT])
def test_unlinked_number_lint(tmp_path, line, expected):
    page = tmp_path / "p.md"
    page.write_text(f"# T\n\n{line}\n", encoding="utf-8")
    found = [str(p) for p in figlinks.unlinked_numbers(page, label="docs/p.md")]
    assert len(found) == len(expected), found
    for message, want in zip(found, expected, strict=False):
        assert message.startswith(f"docs/p.md:3: {want} but is not a figure link"), message


def test_lint_ignores_code_and_front_matter(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("---\ndescription: rates of 145%\n---\n\n```\n145%\n```\n", encoding="utf-8")
    assert figlinks.unlinked_numbers(page) == []


def test_unused_figures_are_listed_on_the_ledger(figures, monkeypatch):
    monkeypatch.setattr(ledger, "usage", dict)
    assert set(ledger.unused(figures)) == set(figures)
    page = ledger.ledger_markdown(figures)
    assert "Figures defined but not used on any page" in page
    assert "[us-headline-peak](#fig-us-headline-peak)" in page


# A link may ask for another format instead of a new id ------------------------------------

FORMAT_LINKS = [
    # (link, text shown, expected problem or None); us-headline-peak is 145% in pct
    ("us-headline-peak?as=pct_word", "{pct_word}", None),
    (
        "us-headline-peak?as=pct_word",
        "145 per cent",
        (
            'figure us-headline-peak?as=pct_word reads "145 per cent", the data gives "{pct_word}" '
            "(data/tariff_measures.csv) — update the text or the data"
        ),
    ),
    ("us-headline-peak?decimals=1", "{one_decimal}", None),
    ("us-headline-peak?as=pp&decimals=0", "{pp}", None),
    ("us-headline-peak?as=pp&amp;decimals=0", "{pp}", None),  # as Markdown writes it into HTML
    (
        "us-headline-peak?round=0",
        "{pct}",
        ('figure link fig:us-headline-peak?round=0: unknown option "round" — a figure link takes ?as=<format> and ?decimals=<n>'),
    ),
    (
        "us-headline-peak?as=percent",
        "{pct}",
        (
            'figure link fig:us-headline-peak?as=percent: unknown format "percent" in ?as= — '
            "use one of " + ", ".join(sorted(FORMATS))
        ),
    ),
    (
        "us-headline-peak?decimals=one",
        "{pct}",
        ("figure link fig:us-headline-peak?decimals=one: ?decimals=one is not a number of decimals — write ?decimals=0, 1, 2 …"),
    ),
]


@pytest.mark.parametrize("target,shown,expected", FORMAT_LINKS, ids=[f"{t}|{s}" for t, s, _ in FORMAT_LINKS])
def test_links_that_ask_for_a_format(tmp_path, figures, target, shown, expected):
    value = figures["us-headline-peak"].value
    spelled = {
        "pct": format_value(value, "pct"),
        "pct_word": format_value(value, "pct_word"),
        "one_decimal": format_value(value, "pct", 1),
        "pp": format_value(value, "pp"),
    }
    page = tmp_path / "p.md"
    page.write_text(f"Peak [{shown.format(**spelled)}](fig:{target}).\n", encoding="utf-8")
    found = [p.message for p in figlinks.check_links(page, figures)]
    assert found == ([] if expected is None else [expected.format(**spelled)])


def test_ledger_shows_the_formats_pages_ask_for(figures, monkeypatch):
    monkeypatch.setattr(ledger, "formats_used", lambda: {"us-headline-peak": ["decimals=1"]})
    page = ledger.ledger_markdown(figures)
    text = format_value(figures["us-headline-peak"].value, "pct", 1)
    assert f"- Written on pages in another format: “{text}” (`fig:us-headline-peak?decimals=1`)" in page


# Declared figures: the tables next to the registry ----------------------------------------

HEADER = ",".join(declared.DECLARED_COLUMNS)
GOOD = "h20-charge,chip_actions,chip-h20-writedown,value,usd_bn,1,,,,Charge Nvidia booked for H20 inventory."
KNOWN_UNITS = ", ".join(sorted(FORMATS))

BROKEN_DECLARED = [
    (
        "unknown resource",
        "x,chip_actionz,chip-h20-writedown,value,usd_bn,1,,,,D.",
        'column resource: unknown resource "chip_actionz" — use one of {resources} (data/datapackage.json)',
    ),
    (
        "unknown row id",
        "x,chip_actions,chip-h20-nope,value,usd_bn,1,,,,D.",
        'column row: data/chip_actions.csv has no row with id "chip-h20-nope" — use a row that is in the file',
    ),
    (
        "unknown row key",
        "x,rare_earth_magnets,month=2099-01;destination=US,tonnes,tonnes,0,,,,D.",
        "column row: data/rare_earth_magnets.csv has no row with month=2099-01;destination=US — use a row that is in the file",
    ),
    (
        "key on a missing column",
        "x,rare_earth_magnets,country=US,tonnes,tonnes,0,,,,D.",
        'column row: data/rare_earth_magnets.csv has no column "country" — key on one of month, destination, tonnes, yoy_pct, source_ids, note',
    ),
    (
        "id in a file without ids",
        "x,rare_earth_magnets,2025-05,tonnes,tonnes,0,,,,D.",
        "column row: data/rare_earth_magnets.csv has no id column — write a key such as month=…;destination=…",
    ),
    (
        "unknown column",
        "x,chip_actions,chip-h20-writedown,valu,usd_bn,1,,,,D.",
        'column column: data/chip_actions.csv has no column "valu" — use one of id, date, actor, action, metric, value, unit, event_id, source_ids, note',
    ),
    (
        "text column",
        "x,chip_actions,chip-h20-writedown,action,usd_bn,1,,,,D.",
        'column column: "action" of this row of data/chip_actions.csv is not a number ({action!r}) — choose a numeric column',
    ),
    (
        "unknown unit",
        "x,chip_actions,chip-h20-writedown,value,percent,1,,,,D.",
        f'column unit: unknown unit "percent" — use one of {KNOWN_UNITS}',
    ),
    (
        "bad decimals",
        "x,chip_actions,chip-h20-writedown,value,usd_bn,one,,,,D.",
        'column decimals: "one" is not a number of decimals — write 0, 1, 2 …',
    ),
    (
        "bad scale",
        "x,chip_actions,chip-h20-writedown,value,usd_bn,1,÷1000,,,D.",
        'column scale: "÷1000" is not a scale — write a factor such as -1, 1/1000 or 1000000',
    ),
    (
        "unknown alternative",
        "x,chip_actions,chip-h20-writedown,value,usd_bn,1,,usd_billion,,D.",
        f'column alternatives: unknown format "usd_billion" — use one of {KNOWN_UNITS}, separated by ";"',
    ),
    (
        "bad as-of rule",
        "x,chip_actions,chip-h20-writedown,value,usd_bn,1,,,published,D.",
        'column as_of: "published" is neither a date nor a column of data/chip_actions.csv — write YYYY-MM-DD, a date column, or leave it empty',
    ),
    (
        "no definition",
        "x,chip_actions,chip-h20-writedown,value,usd_bn,1,,,,",
        "column definition: the definition is empty — say in one sentence what the number is",
    ),
    (
        "bad id",
        "X Charge,chip_actions,chip-h20-writedown,value,usd_bn,1,,,,D.",
        'column id: "X Charge" is not a figure id — use lower-case words joined by hyphens',
    ),
    ("duplicate id", GOOD, 'column id: figure "h20-charge" is already declared on line 2 — give each figure one id'),
    (
        "missing cell",
        "x,chip_actions,chip-h20-writedown,value,usd_bn,1,,,",
        "column as_of: the row has 9 cells, the header 10 — quote cells that contain commas",
    ),
]


@pytest.mark.parametrize("row,expected", [b[1:] for b in BROKEN_DECLARED], ids=[b[0] for b in BROKEN_DECLARED])
def test_broken_declared_row_is_reported(tmp_path, row, expected):
    table = tmp_path / "declared.csv"
    table.write_text(f"{HEADER}\n{GOOD}\n{row}\n", encoding="utf-8")
    action = data.load("chip_actions").set_index("id").loc["chip-h20-writedown", "action"]
    message = expected.format(resources=", ".join(data.resource_names()), action=action)
    with pytest.raises(declared.DeclarationError) as err:
        declared.declared_figures(table, label="truce/figures/declared.csv")
    assert str(err.value) == f"truce/figures/declared.csv:3: {message}"


def test_declared_header_is_checked(tmp_path):
    table = tmp_path / "declared.csv"
    table.write_text("id,resource,row,col\n", encoding="utf-8")
    with pytest.raises(declared.DeclarationError) as err:
        declared.declared_figures(table, label="truce/figures/declared.csv")
    assert (
        str(err.value) == f"truce/figures/declared.csv:1: column header: the header is id,resource,row,col — it must be {HEADER}"
    )


def test_declared_id_may_not_repeat_a_function(tmp_path):
    table = tmp_path / "declared.csv"
    table.write_text(f"{HEADER}\n{GOOD.replace('h20-charge', 'us-headline-peak')}\n", encoding="utf-8")
    functions = registry.function_figures()
    with pytest.raises(declared.DeclarationError) as err:
        declared.merged(functions, declared.declared_figures(table, label="truce/figures/declared.csv"))
    assert str(err.value) == (
        'truce/figures/declared.csv:2: column id: figure "us-headline-peak" is already defined at '
        f"{functions['us-headline-peak'].defined_at} — give each figure one id"
    )


DECLARED_VALUES = [
    # (row, what the figure must equal, read from the data row directly)
    ("f,chip_actions,chip-h20-writedown,value,usd_bn,1,,,,D.", lambda: ("chip_actions", "chip-h20-writedown", "value", 1)),
    (
        "f,rare_earth_magnets,month=2025-05;destination=US,yoy_pct,pct,1,-1,,,D.",
        lambda: ("rare_earth_magnets", ("2025-05", "US"), "yoy_pct", -1),
    ),
    (
        "f,damage_estimates,ust-customs-2025-04,value,usd_bn,1,1/1000,,,D.",
        lambda: ("damage_estimates", "ust-customs-2025-04", "value", 0.001),
    ),
]


def _cell(resource, key, column):
    frame = data.load(resource)
    if isinstance(key, tuple):
        return frame[(frame["month"] == key[0]) & (frame["destination"] == key[1])].iloc[0][column]
    return frame.set_index("id").loc[key, column]


@pytest.mark.parametrize("row,where", DECLARED_VALUES, ids=["id", "key expression, negated", "divided"])
def test_declared_row_reads_its_cell(tmp_path, row, where):
    resource, key, column, scale = where()
    table = tmp_path / "declared.csv"
    table.write_text(f"{HEADER}\n{row}\n", encoding="utf-8")
    (fig,) = declared.declared_figures(table)
    assert registry.evaluate(fig).value == pytest.approx(_cell(resource, key, column) * scale)
    assert fig.defined_at == f"{declared._label(table)}#L2"


def test_new_declared_row_is_checked_on_a_page(tmp_path):
    """A contributor adds a row to declared.csv and links to it: the link is checked."""
    table = tmp_path / "declared.csv"
    table.write_text(
        declared.DECLARED.read_text(encoding="utf-8") + GOOD.replace("h20-charge", "test-h20-charge") + "\n", encoding="utf-8"
    )
    figs = declared.merged(registry.function_figures(), declared.declared_figures(table) + declared.call_figures())
    evaluated = {"test-h20-charge": registry.evaluate(figs["test-h20-charge"])}
    right = format_value(data.load("chip_actions").set_index("id").loc["chip-h20-writedown", "value"], "usd_bn", 1)
    page = tmp_path / "p.md"
    page.write_text(f"Nvidia booked [{right}](fig:test-h20-charge).\n", encoding="utf-8")
    assert figlinks.check_links(page, evaluated) == []
    page.write_text("Nvidia booked [$9.9 billion](fig:test-h20-charge).\n", encoding="utf-8")
    assert [str(p) for p in figlinks.check_links(page, evaluated, label="docs/p.md")] == [
        f'docs/p.md:1: figure test-h20-charge reads "$9.9 billion", the data gives "{right}" (data/chip_actions.csv) — update the text or the data'
    ]


CALL_HEADER = ",".join(declared.CALL_COLUMNS)
BROKEN_CALLS = [
    (
        "unknown function",
        "x,truce.analysis.tariffs.headline,on=2025-05-14 imposer=US,pct,0,,tariff_measures,D.",
        'column function: unknown function "truce.analysis.tariffs.headline" — check the module and the name',
    ),
    (
        "outside the package",
        "x,os.remove,path=x,pct,0,,tariff_measures,D.",
        'column function: "os.remove" is not a function of the truce package — write its full name, e.g. truce.analysis.tariffs.headline_rate',
    ),
    (
        "unknown argument",
        "x,truce.analysis.tariffs.headline_rate,on=2025-05-14 side=US,pct,0,,tariff_measures,D.",
        'column arguments: truce.analysis.tariffs.headline_rate takes no argument "side" — use on, imposer',
    ),
    (
        "missing argument",
        "x,truce.analysis.tariffs.headline_rate,on=2025-05-14,pct,0,,tariff_measures,D.",
        "column arguments: truce.analysis.tariffs.headline_rate needs imposer — add name=value for each",
    ),
    (
        "bad date",
        "x,truce.analysis.tariffs.headline_rate,on=14/05/2025 imposer=US,pct,0,,tariff_measures,D.",
        "column arguments: on=14/05/2025 is not a date — write YYYY-MM-DD",
    ),
    (
        "unknown resource",
        "x,truce.analysis.tariffs.headline_rate,on=2025-05-14 imposer=US,pct,0,,tariffs,D.",
        'column resources: unknown resource "tariffs" — use one of {resources} (data/datapackage.json)',
    ),
    (
        "unknown unit",
        "x,truce.analysis.tariffs.headline_rate,on=2025-05-14 imposer=US,percent,0,,tariff_measures,D.",
        f'column unit: unknown unit "percent" — use one of {KNOWN_UNITS}',
    ),
]


@pytest.mark.parametrize("row,expected", [b[1:] for b in BROKEN_CALLS], ids=[b[0] for b in BROKEN_CALLS])
def test_broken_call_row_is_reported(tmp_path, row, expected):
    table = tmp_path / "calls.csv"
    table.write_text(f"{CALL_HEADER}\n{row}\n", encoding="utf-8")
    with pytest.raises(declared.DeclarationError) as err:
        declared.call_figures(table, label="truce/figures/calls.csv")
    assert str(err.value) == "truce/figures/calls.csv:2: " + expected.format(resources=", ".join(data.resource_names()))


def test_call_row_takes_the_rows_of_its_provenance(tmp_path):
    table = tmp_path / "calls.csv"
    table.write_text(
        f"{CALL_HEADER}\nx,truce.analysis.tariffs.headline_rate,on=2025-05-14 imposer=US,pct,0,,tariff_measures,D.\n",
        encoding="utf-8",
    )
    (fig,) = declared.call_figures(table)
    ev = registry.evaluate(fig)
    layers = tariffs.layers_in_force(dt.date(2025, 5, 14), "US")
    assert ev.value == tariffs.headline_rate(dt.date(2025, 5, 14), "US")
    assert {i for _, i in ev.rows} == set(layers[layers["scope"] == "all-goods"]["id"])
    assert ev.as_of == dt.date(2025, 5, 14)
    assert fig.derivation.startswith("truce.analysis.tariffs.headline_rate(on=2025-05-14, imposer=US)")


# The ledger points at the line that defines each figure -------------------------------------


def test_every_figure_links_to_the_line_that_defines_it(figures):
    for fid, ev in figures.items():
        path, line = ev.figure.defined_in, ev.figure.line
        lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
        text = lines[line - 1]
        if path.endswith(".csv"):
            assert text.startswith(f"{fid},"), f"{fid}: {path}#L{line} is {text!r}"
        else:
            # the decorator starts on that line; its id is on it or on the next (as the formatter wraps it)
            head = " ".join(s.strip() for s in lines[line - 1 : line + 1])
            assert head.startswith("@figure(") and f'"{fid}"' in head, f"{fid}: {path}#L{line} is {text!r}"


def test_ledger_entry_links_to_the_defining_row(figures):
    page = ledger.ledger_markdown(figures, "https://example.org/repo")
    fig = figures["chip-h20-writedown"].figure
    assert (
        f"- Defined by: [truce/figures/declared.csv, line {fig.line}]"
        f"(https://example.org/repo/blob/main/truce/figures/declared.csv#L{fig.line})"
    ) in page


def test_ledger_counts_long_lists_and_figures_json_keeps_them(figures):
    """A count of events reads hundreds of rows and sources: the page counts them per file and
    points to figures.json, which lists every one; a short list is written out in full."""
    page = ledger.ledger_markdown(figures)
    entry = page.split("{#fig-events-count}")[1].split("\n## ")[0]
    n_rows = len(figures["events-count"].rows)
    assert n_rows > ledger.LIST_LIMIT
    assert f"- Data rows: {n_rows} in data/events.csv, listed in [figures.json](../figures.json)" in entry
    assert "- Sources: " in entry and " in all, listed in [figures.json]" in entry
    assert "chronology.py#" not in entry
    short = page.split("{#fig-chip-h20-writedown}")[1].split("\n## ")[0]
    assert "- Data rows: [data/" in short or "- Data rows: data/" in short
    assert "- Sources: [" in short
    listed = {f["id"]: f for f in ledger.figures_json(figures, {})["figures"]}
    assert len(listed["events-count"]["rows"]) == n_rows
    assert len(listed["events-count"]["sources"]) == len(figures["events-count"].source_ids)


def test_most_figures_are_data_not_code(figures):
    functions = [ev for ev in figures.values() if ev.figure.defined_in.endswith(".py")]
    assert len(figures) >= 200
    assert len(functions) <= 100, f"{len(functions)} figure functions — declare one-cell figures in truce/figures/declared.csv"


# Citations and chronology links ----------------------------------------------------------


@pytest.mark.parametrize("path", figlinks.page_sources(), ids=lambda p: p.relative_to(DOCS_DIR).as_posix())
def test_citations_and_event_links_resolve(path):
    problems = citations.check_source(path, data.sources(), set(chronology.events()["id"]))
    assert not problems, "\n".join(map(str, problems))


def test_unknown_citation_and_event_are_reported(tmp_path):
    page = tmp_path / "c.md"
    page.write_text("Intro.\n\nThe talks ended.[@no-such-source] See [Geneva](event:no-such-event).\n", encoding="utf-8")
    found = [str(p) for p in citations.check_source(page, {}, set(), label="docs/c.md")]
    assert found == [
        'docs/c.md:3: unknown source "no-such-source" in citation — add it to data/sources.csv or fix the id',
        'docs/c.md:3: unknown event "no-such-event" — use an id from data/events.csv',
    ]
