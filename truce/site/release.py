"""The data release: what a build publishes as ``data/manifest.json``, and the history of releases.

A release is named by a calendar version, the date the data was last checked
(:func:`truce.data.last_updated`) written ``YYYY.MM.DD``. Its manifest lists every published data
file (the CSVs and ``datapackage.json``) with its SHA-256, size in bytes, row count and a link to
its Table Schema, so a reader can verify a download with ``sha256sum -c``.

Past releases are kept in ``releases/<version>.json`` (committed; the Pages build publishes
them under ``data/releases/``). ``python -m truce.site.release`` records the current release
there; :func:`release_problems` fails the checks when the current release is not recorded, or
when its recorded manifest no longer matches the data.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from pathlib import Path

from truce import data
from truce.paths import DATA_DIR, ROOT

RELEASES_DIR = ROOT / "releases"
SITE_URL = "https://truce-tracker.github.io/"
MANIFEST_PATH = "data/manifest.json"
CHECKSUMS_PATH = "data/SHA256SUMS"
RECORD_COMMAND = "python -m truce.site.release"


def release_version(data_dir: Path = DATA_DIR) -> str:
    """The calendar version of the data: the date it was last checked, as ``YYYY.MM.DD``."""
    return f"{data.last_updated(data_dir):%Y.%m.%d}"


def row_count(payload: bytes) -> int:
    """Data rows in a CSV file (records, not lines: a quoted field may span lines)."""
    return max(0, sum(1 for _ in csv.reader(io.StringIO(payload.decode("utf-8")))) - 1)


def published_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """The data files a build publishes: ``datapackage.json`` and every resource it declares."""
    desc = data.descriptor(data_dir)
    return [data_dir / "datapackage.json"] + [data_dir / r["path"] for r in desc["resources"]]


def manifest(data_dir: Path = DATA_DIR, base_url: str = SITE_URL) -> dict:
    """The release manifest: version, the date the data was checked, and each file's checksum,
    size, rows and schema link (rows and schema are ``null`` for the descriptor itself)."""
    desc = data.descriptor(data_dir)
    names = {r["path"]: r["name"] for r in desc["resources"]}
    files = []
    for path in published_files(data_dir):
        payload = path.read_bytes()
        name = names.get(path.name)
        files.append({
            "path": path.name, "url": f"{base_url}data/{path.name}",
            "sha256": hashlib.sha256(payload).hexdigest(), "bytes": len(payload),
            "rows": row_count(payload) if name else None,
            "schema": f"{base_url}data/datapackage.json#{name}" if name else None,
        })
    return {"release": release_version(data_dir), "data_checked": data.last_updated(data_dir).isoformat(),
            "licence": "CC BY 4.0", "files": files}


def manifest_text(m: dict) -> str:
    return json.dumps(m, indent=1, ensure_ascii=False) + "\n"


def checksums_text(m: dict) -> str:
    """The manifest as a ``sha256sum -c`` file: one ``<hash>  <name>`` line per file."""
    return "".join(f"{f['sha256']}  {f['path']}\n" for f in m["files"])


def past_releases(releases_dir: Path = RELEASES_DIR) -> list[dict]:
    """Every recorded release's manifest, newest first."""
    return sorted((json.loads(p.read_text(encoding="utf-8")) for p in releases_dir.glob("*.json")),
                  key=lambda m: m["release"], reverse=True)


def _comparable(m: dict) -> list:
    return [(f.get("path"), f.get("sha256")) for f in m.get("files") or []]


def release_problems(current: dict, releases_dir: Path = RELEASES_DIR) -> list[str]:
    """What is wrong with the release history: the current release must be recorded in
    ``releases/<version>.json`` with the same files and checksums as the data."""
    path = releases_dir / f"{current['release']}.json"
    shown = f"releases/{path.name}"
    if not path.exists():
        return [(f"{shown}: release {current['release']} (data checked {current['data_checked']}) is not recorded — "
                f"run `{RECORD_COMMAND}` and commit {shown}")]
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        return [f"{shown}:{err.lineno}:{err.colno}: not valid JSON ({err.msg}) — run `{RECORD_COMMAND}` to write it again"]
    changed = sorted({p for p, _ in set(_comparable(current)) ^ set(_comparable(recorded))})
    if changed:
        return [(f"{shown}: the data changed since release {current['release']} was recorded ({', '.join(changed)}) — "
                f"run `{RECORD_COMMAND}` to record it again, or bump the sources' accessed date for a new release")]
    return []


def record(releases_dir: Path = RELEASES_DIR, data_dir: Path = DATA_DIR) -> Path:
    """Write the current release's manifest to ``releases/<version>.json``; return its path."""
    m = manifest(data_dir)
    releases_dir.mkdir(parents=True, exist_ok=True)
    path = releases_dir / f"{m['release']}.json"
    path.write_text(manifest_text(m), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"recorded {record().relative_to(ROOT)}", file=sys.stderr)


def release_html(current: dict | None = None, past: list[dict] | None = None) -> str:
    """The Data page's release section: the current release, how to verify a download, and
    every recorded release with its manifest."""
    from truce.blocks.html import esc

    current = manifest() if current is None else current
    past = past_releases() if past is None else past
    rows = "".join(
        f"<tr><td>{esc(m['release'])}</td><td>{esc(m['data_checked'])}</td><td>{len(m['files'])}</td>"
        f'<td><a href="releases/{esc(m["release"])}/manifest.json">manifest.json</a></td></tr>'
        for m in past)
    return (
        f'<p class="data-release">Current release: <strong>{esc(current["release"])}</strong> '
        f"(data last checked {esc(current['data_checked'])}), {len(current['files'])} files. "
        '<a href="manifest.json">manifest.json</a> lists each file with its SHA-256, size, row count and '
        'schema; <a href="SHA256SUMS">SHA256SUMS</a> holds the same checksums for <code>sha256sum -c</code>.</p>'
        "<p>To download the release and verify every file:</p>"
        '<pre><code class="language-sh">'
        f"curl -fsSO {SITE_URL}data/SHA256SUMS\n"
        f"cut -d' ' -f3 SHA256SUMS | while read f; do curl -fsSO \"{SITE_URL}data/$f\"; done\n"
        "sha256sum -c SHA256SUMS    # every line must end in OK\n"
        "</code></pre>"
        "<p>Each release keeps its manifest, so a file downloaded earlier can be checked against "
        "the release it came from:</p>"
        '<table><thead><tr><th>Release</th><th>Data checked</th><th>Files</th><th>Manifest</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
