"""Screenshots of built pages as readers see them: phone (390 px) and desktop (1280 px), light and
dark (``python -m tools.screenshots SITE_DIR OUT_DIR PAGE…``, e.g. ``/ story/01-spiral/``).

Serves SITE_DIR on 127.0.0.1 with :mod:`tools.gzipserver` and drives Debian's Chromium through
Playwright; writes ``OUT_DIR/<page>-<width>-<scheme>.png`` (the first screenful, or the whole page
with ``--full``)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.chromium import ARGS
from tools.chromium import PATH as CHROMIUM

SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


def _wait(url: str, seconds: float = 10) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers at {url}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("site"), ap.add_argument("out"), ap.add_argument("pages", nargs="+")
    ap.add_argument("--port", type=int, default=8797)
    ap.add_argument("--full", action="store_true", help="capture the whole page, not the first screenful")
    ap.add_argument("--schemes", default="light,dark")
    ap.add_argument("--sizes", default="phone,desktop")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen([sys.executable, "-m", "tools.gzipserver", args.site, str(args.port)], start_new_session=True)
    base = f"http://127.0.0.1:{args.port}/"
    try:
        _wait(base)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for size in args.sizes.split(","):
                w, h = SIZES[size]
                for scheme in args.schemes.split(","):
                    context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme, device_scale_factor=1)
                    page = context.new_page()
                    for path in args.pages:
                        page.goto(base + path.lstrip("/"), wait_until="networkidle")
                        name = (path.strip("/").replace("/", "_") or "home") + f"-{w}-{scheme}.png"
                        page.screenshot(path=str(out / name), full_page=args.full)
                        print(out / name)
                    context.close()
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
