"""Sources are ranked by tier, and no fact rests on the weakest tier alone.

Tiers (``data/sources.csv``, column ``tier``): 1 = the issuing body or a full-text primary
copy; 2 = wire services, major outlets, official statistics, research institutes; 3 = law
firms, trade and regional press, named reposts; 4 = aggregators, AI-written summaries,
forums, personal repositories. The rules checked here:

- every ``primary`` and ``primary-copy`` source is tier 1;
- no row of any data file cites only tier-4 sources (a tier-4 source may add detail, but a
  tier 1-3 source must carry the fact);
- the share of 2025-26 events with a tier-1 or tier-2 source is reported, and may not fall
  below :data:`MIN_EVENT_SHARE`.

Each rule has a test below that feeds it a small broken package and asserts the exact error.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from checks.conftest import write_package
from truce import data
from truce.paths import DATA_DIR

PRIMARY_KINDS = ("primary", "primary-copy")
WEAKEST = 4
# Share of 2025-26 events that cite a tier-1 or tier-2 source: the floor below which the
# check fails ("coverage did not shrink"), set at the target of 85%.
MIN_EVENT_SHARE = 0.85
EVENT_YEARS = (2025, 2026)


# The rules -------------------------------------------------------------------------


def _lines(path: Path) -> list[int]:
    """File line on which each record starts (index 0 = header), quoted newlines included."""
    starts, line = [], 1
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        for _ in reader:
            starts.append(line)
            line = reader.line_num + 1
    return starts


def _where(data_dir: Path, name: str) -> tuple[str, list[int]]:
    path = data_dir / f"{name}.csv"
    return f"{data_dir.name}/{path.name}", _lines(path)


def primary_tier_problems(data_dir: Path = DATA_DIR) -> list[str]:
    """Primary and primary-copy sources that are not tier 1."""
    sources = data.load("sources", data_dir)
    where, lines = _where(data_dir, "sources")
    return [
        f'{where}:{lines[i + 1]}: column tier: source "{row["id"]}" is {row["kind"]} but tier {row["tier"]}'
        " — primary and primary-copy sources are tier 1"
        for i, row in enumerate(sources.to_dict("records"))
        if row["kind"] in PRIMARY_KINDS and row["tier"] != 1
    ]


def tier4_only_problems(data_dir: Path = DATA_DIR) -> list[str]:
    """Rows in any data file whose sources are all tier 4."""
    tiers = dict(zip(data.load("sources", data_dir)["id"], data.load("sources", data_dir)["tier"], strict=False))
    found = []
    for name in data.resource_names(data_dir):
        frame = data.load(name, data_dir)
        if name == "sources" or "source_ids" not in frame:
            continue
        where, lines = _where(data_dir, name)
        for i, cell in enumerate(frame["source_ids"]):
            ids = list(cell)
            if ids and all(tiers[s] == WEAKEST for s in ids):
                found.append(
                    f'{where}:{lines[i + 1]}: column source_ids: "{";".join(ids)}" rests on tier-4 sources only'
                    f" ({', '.join(ids)}) — add a tier 1–3 source (the official page or a full-text copy,"
                    " a wire or a major outlet)"
                )
    return found


def event_share(data_dir: Path = DATA_DIR, years: tuple[int, ...] = EVENT_YEARS) -> tuple[int, int]:
    """(events of those years citing a tier-1 or tier-2 source, all events of those years)."""
    tiers = dict(zip(data.load("sources", data_dir)["id"], data.load("sources", data_dir)["tier"], strict=False))
    events = data.load("events", data_dir)
    events = events[[d.year in years for d in events["date"]]]
    strong = sum(min(tiers[s] for s in ids) <= 2 for ids in events["source_ids"])
    return strong, len(events)


def weak_events(data_dir: Path = DATA_DIR, years: tuple[int, ...] = EVENT_YEARS) -> list[str]:
    """Ids of events of those years whose sources are all tier 3 or 4."""
    tiers = dict(zip(data.load("sources", data_dir)["id"], data.load("sources", data_dir)["tier"], strict=False))
    events = data.load("events", data_dir)
    return [
        row["id"]
        for row in events.to_dict("records")
        if row["date"].year in years and min(tiers[s] for s in row["source_ids"]) > 2
    ]


# The real data ---------------------------------------------------------------------


def test_primary_sources_are_tier_1():
    problems = primary_tier_problems()
    assert not problems, "\n".join(problems)


# Rows still resting on tier-4 sources alone, each searched for a better source without success.
# The list may only shrink: a new weak row fails, and so does an entry that no longer needs to be here.
KNOWN_WEAK = Path(__file__).with_name("tier4_known.txt")


def _weak_key(problem: str) -> str:
    """``file: "ids"`` — the row's file and its source ids (stable when rows move)."""
    where, rest = problem.split(": column source_ids: ", 1)
    return f"{where.rsplit(':', 1)[0]}: {rest.split(' rests on', 1)[0]}"


def test_no_new_row_rests_on_tier_4_alone():
    found = {_weak_key(p): p for p in tier4_only_problems()}
    known = {line for line in KNOWN_WEAK.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    new = [found[k] for k in sorted(set(found) - known)]
    stale = sorted(known - set(found))
    assert not new, f"{len(new)} row(s) cite only tier-4 sources:\n" + "\n".join(new)
    assert not stale, (
        "checks/tier4_known.txt lists rows that no longer rest on tier-4 sources alone — remove these lines:\n" + "\n".join(stale)
    )


def test_share_of_events_with_a_tier_1_or_2_source(request):
    strong, total = event_share()
    share = strong / total
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"\nsources: {strong} of {total} events of 2025-26 ({share:.0%}) cite a tier-1 or tier-2 source")
    assert share >= MIN_EVENT_SHARE, (
        f"data/events.csv: only {strong} of {total} events of 2025-26 ({share:.0%}) cite a tier-1 or tier-2 source,"
        f" the floor is {MIN_EVENT_SHARE:.0%} — add an official page, a wire or a major outlet to these events: "
        + ", ".join(weak_events())
    )


# Broken inputs ---------------------------------------------------------------------

SOURCES = """\
id,title,publisher,url,published,accessed,kind,tier,language,relies_on,document
wh-test,Fact sheet,The White House,https://www.whitehouse.gov/test,2025-05-12,2026-11-29,primary,1,en,,
wire-test,Report,Wire,https://example.org/wire,,2026-11-29,secondary,2,en,MOFCOM statement,
firm-test,Client alert,Law firm,https://example.org/alert,,2026-11-29,secondary,3,en,USTR notice,
feed-test,Summary,Aggregator,https://example.org/feed,,2026-11-29,secondary,4,en,Wire report,
blog-test,Post,Forum,https://example.org/blog,,2026-11-29,secondary,4,en,Wire report,
copy-test,Text,Mirror,https://example.org/text,,2026-11-29,primary-copy,1,zh,Full text,MOFCOM Announcement 2025 No. 18
"""
EVENTS = """\
id,date,date_end,announced,issued,effective,ended,actor,lever,direction,status,kind,key,title,summary,instrument,source_ids,note
geneva,2025-05-12,,,,,,both,talks,de-escalation,in-force,move,,Geneva statement,Both sides cut tariffs.,,wh-test;feed-test,
spiral,2025-04-09,,,,,,US,tariffs,escalation,revoked,move,,US raises rate,The US raised its rate.,EO 14259,wire-test,
alert,2026-03-12,,,,,,US,tariffs,escalation,announced,move,,US opens a probe,The US opened a probe.,,firm-test;blog-test,
old,2019-05-10,,,,,,US,tariffs,escalation,revoked,move,,US raises List 3,The US raised List 3.,,firm-test,
"""


@pytest.fixture
def tiered(tmp_path):
    def make(**files: str) -> Path:
        base = {"sources": SOURCES, "events": EVENTS}
        base.update(files)
        return write_package(tmp_path / "data", base)

    return make


def test_clean_tiered_fixture_passes(tiered):
    root = tiered()
    assert data.problems(root) == []
    assert primary_tier_problems(root) == []
    assert tier4_only_problems(root) == []
    assert event_share(root) == (2, 3)
    assert weak_events(root) == ["alert"]


def test_primary_source_below_tier_1_is_reported(tiered):
    root = tiered(sources=SOURCES.replace("primary,1,en", "primary,2,en"))
    assert primary_tier_problems(root) == [
        'data/sources.csv:2: column tier: source "wh-test" is primary but tier 2 — primary and primary-copy sources are tier 1'
    ]


def test_primary_copy_below_tier_1_is_reported(tiered):
    root = tiered(sources=SOURCES.replace("primary-copy,1,zh", "primary-copy,4,zh"))
    assert primary_tier_problems(root) == [
        'data/sources.csv:7: column tier: source "copy-test" is primary-copy but tier 4'
        " — primary and primary-copy sources are tier 1"
    ]


def test_event_on_tier_4_alone_is_reported(tiered):
    root = tiered(events=EVENTS.replace("firm-test;blog-test", "feed-test;blog-test"))
    assert tier4_only_problems(root) == [
        'data/events.csv:4: column source_ids: "feed-test;blog-test" rests on tier-4 sources only (feed-test, blog-test)'
        " — add a tier 1–3 source (the official page or a full-text copy, a wire or a major outlet)"
    ]


def test_any_file_on_tier_4_alone_is_reported(tiered):
    trade = (
        "month,exports_usd_m,imports_usd_m,balance_usd_m,vintage,source_ids,note\n"
        "2025-01,1,2,-1,v1,wire-test,\n"
        '2025-02,1,2,-1,v1,blog-test,"a note\nover two lines"\n'
        "2025-03,1,2,-1,v1,blog-test;firm-test,\n"
    )
    root = tiered(trade_monthly=trade)
    assert tier4_only_problems(root) == [
        'data/trade_monthly.csv:3: column source_ids: "blog-test" rests on tier-4 sources only (blog-test)'
        " — add a tier 1–3 source (the official page or a full-text copy, a wire or a major outlet)"
    ]


@pytest.mark.parametrize(
    "tier,expected",
    [
        ("5", 'sources.csv:4: column tier: "5" is above the maximum 4 — check the value and its unit'),
        ("0", 'sources.csv:4: column tier: "0" is below the minimum 1 — check the value and its unit'),
        ("", "sources.csv:4: column tier: is empty but required — fill it in"),
        ("two", 'sources.csv:4: column tier: "two" is not a whole number — correct the value'),
    ],
)
def test_tier_out_of_range_or_missing_is_reported(tiered, tier, expected):
    root = tiered(sources=SOURCES.replace("secondary,3,en", f"secondary,{tier},en"))
    messages = [str(p) for p in data.problems(root)]
    assert any(m.endswith(expected) for m in messages), messages


def test_events_without_a_strong_source_lower_the_share(tiered):
    root = tiered(events=EVENTS.replace("wh-test;feed-test", "firm-test;feed-test"))
    assert event_share(root) == (1, 3)
    assert weak_events(root) == ["geneva", "alert"]
    assert event_share(root, years=(2019,)) == (0, 1)
