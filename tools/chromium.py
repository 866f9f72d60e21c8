"""Debian's Chromium as the browser tests and the screenshot tool drive it: where it is
(``CHROMIUM_PATH`` points elsewhere, e.g. a CI image's Chrome) and the flags it runs with on a
machine with no network (no background requests, no component updates, no sandbox as root)."""

from __future__ import annotations

import os
import shutil

PATH = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
