"""``make linkcheck``: ask every source URL in data/sources.csv whether it still answers.

Opt-in (it needs the network, which the build and tests never use). Prints one line per URL that
fails, with its source id, and exits non-zero if any did.
"""

from __future__ import annotations

import concurrent.futures
import sys
import urllib.error
import urllib.request

from truce import data

TIMEOUT = 20
HEADERS = {"User-Agent": "Mozilla/5.0 (compatible; truce-tracker-linkcheck)"}


def check(url: str) -> str | None:
    """None when the URL answers with a success or redirect, else the reason."""
    for method in ("HEAD", "GET"):
        try:
            req = urllib.request.Request(url, method=method, headers=HEADERS)
            with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
                if resp.status < 400:
                    return None
        except urllib.error.HTTPError as exc:
            if method == "GET":
                return f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            if method == "GET":
                return str(getattr(exc, "reason", exc))
    return "no answer"


def main() -> int:
    sources = data.load("sources")
    rows = list(zip(sources["id"], sources["url"], strict=True))
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        for (sid, url), reason in zip(rows, pool.map(lambda r: check(r[1]), rows), strict=True):
            if reason:
                failed += 1
                print(f"data/sources.csv: source {sid}: {url} — {reason}")
    print(f"{len(rows) - failed} of {len(rows)} source URLs answer")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
