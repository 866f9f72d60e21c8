"""``make bench``: measure what the budgets are about.

* strict build time, from a cold build cache (no ``.cache/``) and from a warm one, and without
  the figure hook;
* ``make check`` time;
* rebuild time in ``mkdocs serve`` after a one-word prose edit (``make serve`` and ``make serve FULL=1``);
* each page's first-load weight served with gzip (HTML plus every same-site script, style,
  image and font it references);
* optionally (``--with-test``) the wall time of ``make test``, from a cold build cache and a warm one;
* optionally (``--fresh-clone``) the wall time of ``make test`` in a fresh clone of HEAD, the
  virtual environment's install included (the budget's measure);
* optionally (``--lighthouse``) Lighthouse mobile scores (npm ``lighthouse`` driving Debian's Chromium).

Results are printed as tables and written to ``bench-results/bench.json``. Nothing here is an
assertion: the budgets are read by people, not enforced by tests.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

from truce.paths import ROOT

LIGHTHOUSE_VERSION = "12.8.2"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
OUT = ROOT / "bench-results"


def timed(cmd: list[str], cwd: Path = ROOT, **kw) -> float:
    start = time.monotonic()
    subprocess.run(cmd, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.monotonic() - start


class ColdCache:
    """Move the build cache (``.cache/``: notebook outputs, chart pictures, the Vega bundle) aside
    for the ``with`` block, as in a fresh clone; afterwards put it back, or with ``keep_new``
    keep the one the block built."""

    def __init__(self, keep_new: bool = False):
        self.keep_new = keep_new

    def __enter__(self):
        self.cache = ROOT / ".cache"
        self.saved = Path(tempfile.mkdtemp()) / "cache"
        if self.cache.exists():
            shutil.move(self.cache, self.saved)
        return self

    def __exit__(self, *exc):
        if self.keep_new and self.cache.exists():
            shutil.rmtree(self.saved, ignore_errors=True)
        elif self.saved.exists():
            shutil.rmtree(self.cache, ignore_errors=True)
            shutil.move(self.saved, self.cache)


def build_times() -> tuple[dict, Path]:
    site = Path(tempfile.mkdtemp()) / "site"
    mk = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    with ColdCache(keep_new=True):
        cold = timed(mk)
    warm = timed(mk)
    # the same build without the figure hook (figure links are then left as plain links)
    variant = ROOT / ".bench-nofig.yml"  # beside mkdocs.yml, so relative paths resolve the same
    hooks = ("hooks/notebooks.py", "hooks/citations.py", "hooks/site_meta.py")
    variant.write_text("INHERIT: mkdocs.yml\nhooks:\n" + "".join(f"  - {h}\n" for h in hooks), encoding="utf-8")
    try:
        no_fig = timed([sys.executable, "-m", "mkdocs", "build", "-f", str(variant), "-d", str(site)])
    finally:
        variant.unlink()
    return {
        "strict_build_cold_s": round(cold, 1),
        "strict_build_warm_s": round(warm, 1),
        "build_without_figure_hook_warm_s": round(no_fig, 1),
    }, site


def serve_rebuild(port: int = 8799, page: str = "docs/about/changelog.md", dirty: bool = False) -> float | None:
    """Seconds from a prose edit to the end of the rebuild in ``mkdocs serve`` (with
    ``dirty``: ``mkdocs serve --dirty``, what ``make serve`` runs; without it: ``make serve FULL=1``)."""
    target = ROOT / page
    original = target.read_text(encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--livereload",
            *(["--dirty"] if dirty else []),
        ],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: list[tuple[float, str]] = []

    def read():
        for line in proc.stdout:
            lines.append((time.monotonic(), line))

    threading.Thread(target=read, daemon=True).start()
    try:
        deadline = time.monotonic() + 600
        while not any("Serving on" in line for _, line in lines):
            if time.monotonic() > deadline or proc.poll() is not None:
                return None
            time.sleep(0.2)
        time.sleep(2)
        mark = len(lines)
        edited = time.monotonic()
        target.write_text(original + "\nA one-word edit.\n", encoding="utf-8")
        while time.monotonic() < edited + 300:
            done = [t for t, line in lines[mark:] if "Reloading browsers" in line or "Documentation built in" in line]
            if done:
                return round(done[0] - edited, 2)
            time.sleep(0.05)
        return None
    finally:
        target.write_text(original, encoding="utf-8")
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


def page_weights(site: Path) -> list[dict]:
    from bs4 import BeautifulSoup

    rows = []
    for html_path in sorted(site.rglob("index.html")):
        rel = html_path.relative_to(site).as_posix()
        base = "https://x.invalid/" + rel
        soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
        assets = set()
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                if not url or (tag == "link" and "stylesheet" not in el.get("rel", []) and "icon" not in el.get("rel", [])):
                    continue
                parsed = urlparse(urljoin(base, url))
                if parsed.netloc == "x.invalid":
                    assets.add(parsed.path.lstrip("/"))
        html_gz = len(gzip.compress(html_path.read_bytes(), 6))
        asset_gz = sum(len(gzip.compress((site / a).read_bytes(), 6)) for a in assets if (site / a).is_file())
        rows.append(
            {
                "page": "/" + rel.replace("index.html", ""),
                "html_gzip_kb": round(html_gz / 1024, 1),
                "total_gzip_kb": round((html_gz + asset_gz) / 1024, 1),
            }
        )
    return rows


def lighthouse(site: Path, pages: list[str]) -> list[dict]:
    from tools.chromium import PATH as chromium

    npm = shutil.which("npm")
    if not os.path.exists(chromium) or not npm:
        return [{"note": "lighthouse skipped: needs Debian chromium and npm"}]
    prefix = ROOT / ".cache" / "bench"
    binary = prefix / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run([npm, "install", "--silent", "--prefix", str(prefix), f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    server = subprocess.Popen([sys.executable, "-m", "tools.gzipserver", str(site), "8798"], cwd=ROOT, start_new_session=True)
    time.sleep(1.5)
    results = []
    try:
        for page in pages:
            out = OUT / f"lighthouse{page.replace('/', '_') or '_'}.json"
            env = dict(ENV, CHROME_PATH=chromium)
            subprocess.run(
                [
                    str(binary),
                    f"http://127.0.0.1:8798{page}",
                    "--quiet",
                    "--output=json",
                    f"--output-path={out}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
                ],
                env=env,
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=300,
            )
            if not out.exists():
                results.append({"page": page, "note": "lighthouse failed"})
                continue
            report = json.loads(out.read_text(encoding="utf-8"))
            cats, audits = report["categories"], report["audits"]
            results.append(
                {
                    "page": page,
                    **{k: round((cats[k]["score"] or 0) * 100) for k in cats},
                    "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
                    "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
                }
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
    return results


def make_times(with_test: bool) -> dict:
    """Wall time of ``make check`` and, with ``with_test``, of ``make test`` from a cold build
    cache (as in a fresh clone with its venv) and a warm one."""
    # the first run after the builds works out what only the checks keep (which data each
    # notebook reads); the second is what a contributor sees on running it again
    out = {"make_check_first_s": round(timed(["make", "check"]), 1), "make_check_again_s": round(timed(["make", "check"]), 1)}
    if with_test:
        with ColdCache():
            out["make_test_cold_s"] = round(timed(["make", "test"]), 1)
        out["make_test_warm_s"] = round(timed(["make", "test"]), 1)
    return out


def fresh_clone_test() -> dict:
    """Wall time of ``make test`` in a fresh clone of the committed HEAD, as CI runs it: a new
    virtual environment (its install also timed on its own) and no build cache."""
    with tempfile.TemporaryDirectory(prefix="truce-clone-") as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        start = time.monotonic()
        install = timed(["make", ".venv/.installed"], cwd=clone)
        test = timed(["make", "test"], cwd=clone)
    return {
        "fresh_clone_venv_install_s": round(install, 1),
        "fresh_clone_make_test_after_install_s": round(test, 1),
        "fresh_clone_make_test_s": round(time.monotonic() - start, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with-test", action="store_true", help="also time `make test` (cold and warm build cache)")
    parser.add_argument(
        "--fresh-clone", action="store_true", help="also time `make test` in a fresh clone of HEAD, venv install included"
    )
    parser.add_argument(
        "--lighthouse", action="store_true", help="also score every page with Lighthouse (installs it from npm once)"
    )
    parser.add_argument("--site", type=Path, help="only Lighthouse, on this already built site")
    parser.add_argument("--pages", nargs="*", default=None, help="with --site: the pages to score (default: all)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if args.site:
        pages = args.pages or [p["page"] for p in page_weights(args.site)]
        for row in lighthouse(args.site, pages):
            print(row)
        return
    results: dict = {}
    builds, site = build_times()
    results["builds"] = builds
    results["make"] = make_times(args.with_test)
    if args.fresh_clone:
        results["make"].update(fresh_clone_test())
    results["serve_rebuild_after_prose_edit_s"] = serve_rebuild()
    results["serve_dirty_rebuild_after_prose_edit_s"] = serve_rebuild(dirty=True)
    results["pages"] = page_weights(site)
    if args.lighthouse:
        results["lighthouse"] = lighthouse(site, [p["page"] for p in results["pages"]])
    (OUT / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    timings = {
        **results["builds"],
        **results["make"],
        "serve_rebuild_after_prose_edit_s (make serve)": results["serve_dirty_rebuild_after_prose_edit_s"],
        "serve_rebuild_after_prose_edit_s (make serve FULL=1)": results["serve_rebuild_after_prose_edit_s"],
    }
    print(f"{'measure':56} {'seconds':>8}")
    for name, value in timings.items():
        print(f"{name:56} {value if value is not None else 'n/a':>8}")
    print(f"\n{'page':40} {'html gz KB':>10} {'total gz KB':>12}")
    for row in results["pages"]:
        print(f"{row['page']:40} {row['html_gzip_kb']:>10} {row['total_gzip_kb']:>12}")
    for row in results.get("lighthouse", []):
        print(row)


if __name__ == "__main__":
    main()
