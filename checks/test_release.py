"""The data release and the feeds, checked without a build: the current release is recorded in
``releases/`` with the data's checksums, and every changelog section is dated so the changes
feed can list it. The broken-input tests of both checks are in ``tests/test_reuse.py``."""

from __future__ import annotations

from truce.paths import ROOT
from truce.site import feeds, release


def test_current_release_is_recorded_with_the_data_checksums():
    problems = release.release_problems(release.manifest())
    assert not problems, "\n".join(problems)


def test_past_releases_are_valid_manifests():
    for m in release.past_releases():
        assert m["files"] and all(len(f["sha256"]) == 64 for f in m["files"]), f"releases/{m['release']}.json"


def test_every_changelog_section_is_dated():
    entries = feeds.changelog_entries((ROOT / feeds.CHANGELOG).read_text(encoding="utf-8"))
    assert entries, f"{feeds.CHANGELOG}: no dated sections — start each with ## <day> <Month> <year> — <what changed>"
    dates = [e.date for e in entries]
    assert dates == sorted(dates, reverse=True), (
        f"{feeds.CHANGELOG}: sections are not newest first ({', '.join(map(str, dates))})"
    )
