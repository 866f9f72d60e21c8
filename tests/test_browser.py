"""The built site in a real browser: Debian's headless Chromium driven by Playwright.

Skipped with a clear reason when /usr/bin/chromium is missing, except under CI=true, where a
missing browser is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from urllib.parse import urlparse

import pytest

from tools.chromium import PATH as CHROMIUM
from truce.analysis import events as chronology
from truce.paths import ROOT


def _site_pages() -> list[str]:
    """Every page in the nav of mkdocs.yml, as a URL relative to the site root."""
    import yaml

    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    paths: list[str] = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                paths.append(value)

    walk(nav)
    urls = []
    for path in paths:
        stem = path.rsplit(".", 1)[0]
        stem = stem[: -len("index")] if stem.endswith("index") else stem + "/"
        urls.append("" if stem == "" else stem)
    return urls


NAV_PAGES = _site_pages()
CHART_PAGES = ["", "chronology/", "tariffs/"]

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but no Chromium at {CHROMIUM}: .ci/run must install Debian's chromium", pytrace=False)
    pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium to run the browser tests", allow_module_level=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(_Quiet, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture
def page(browser, server):
    """A page that records console errors, every request, and every request to a host other
    than the site."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors, pg.foreign, pg.requested = [], [], []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    host = urlparse(server).netloc

    def route(r):
        pg.requested.append(r.request.url)
        url = urlparse(r.request.url)
        if url.scheme in ("http", "https") and url.netloc != host:
            pg.foreign.append(r.request.url)
            return r.abort()
        return r.continue_()

    pg.route("**/*", route)
    yield pg
    context.close()


SETTLED = "() => document.readyState === 'complete' && document.getAnimations().every(a => a.playState !== 'running')"


def settle(pg) -> None:
    """Wait until the page has loaded and no CSS transition or animation is running (the header
    tabs fade back in after a scroll; contrast and layout are measured after that)."""
    pg.wait_for_function(SETTLED, timeout=10000)


SHOW_EACH_CHART = """async () => {
  const shown = [];
  for (const chart of document.querySelectorAll('.truce-chart')) {
    const panel = chart.closest('.scenario-panel');
    if (panel) document.querySelector(`.scenario-switch input[value='${panel.dataset.scenario}']`).click();
    chart.scrollIntoView({block: 'center'});
    const pictures = [...chart.querySelectorAll('img.truce-chart-img')].filter(img => img.checkVisibility());
    const img = pictures[0];
    let loaded = false;
    for (const until = Date.now() + 10000; img && !loaded && Date.now() < until; )
      if (img.complete && img.naturalWidth > 0) loaded = true; else await new Promise(r => setTimeout(r, 20));
    const box = img ? img.getBoundingClientRect() : {width: 0, height: 0};
    shown.push({chart: chart.dataset.chart, pictures: pictures.length, loaded, width: box.width, height: box.height});
  }
  return shown;
}"""


@pytest.mark.parametrize("path", NAV_PAGES)
def test_page_renders_cleanly_with_its_charts(page, server, path):
    """The page answers, runs without console errors, asks no other host for anything, and every
    chart shows its picture with no script; an interactive chart turns live on request and only
    then is the Vega bundle fetched."""
    response = page.goto(server + path, wait_until="load")
    assert response.status == 200
    settle(page)
    assert page.errors == [], f"console errors on /{path}: {page.errors}"
    assert page.foreign == [], f"/{path} requested third-party hosts: {page.foreign}"
    # each chart in turn, in one script: choose its scenario (the switch shows one at a time),
    # scroll to it, wait for its picture to load and measure it
    shown = page.evaluate(SHOW_EACH_CHART)
    for chart in shown:
        assert chart["pictures"] == 1, f"/{path}: chart {chart['chart']} shows {chart['pictures']} pictures"
        assert chart["loaded"], f"/{path}: the picture of chart {chart['chart']} did not load"
        assert chart["width"] > 200 and chart["height"] > 100, chart
    if path in CHART_PAGES:
        assert shown, f"/{path} shows no chart"
    assert not any("vega-bundle" in url for url in page.requested), f"/{path} fetched Vega before any chart was asked for"
    live = page.locator(".truce-chart[data-interactive='true']")
    has_script = page.evaluate("() => !!document.querySelector('script[data-vega]')")
    assert has_script == (live.count() > 0), f"/{path}: charts.js loaded={has_script}, interactive charts={live.count()}"
    for i in range(live.count()):
        chart = live.nth(i)
        chart.scroll_into_view_if_needed()
        # a script click: the mouse, passing over on its way, may already have woken the chart
        chart.locator(".truce-chart-explore").evaluate("b => b.click()")
        page.wait_for_function("el => el.classList.contains('is-live')", arg=chart.element_handle(), timeout=15000)
        assert chart.locator(".truce-chart-canvas svg").count() == 1
        assert chart.locator("img.truce-chart-img").filter(visible=True).count() == 0
    assert page.errors == []


def test_interactive_chart_keeps_keyboard_focus(page, server):
    page.goto(server + "explainer/")
    chart = page.locator(".truce-chart[data-interactive='true']").first
    chart.locator(".truce-chart-explore").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("el => el.classList.contains('is-live')", arg=chart.element_handle(), timeout=15000)
    # the keyboard lands on the chart's slider, which the live chart draws above it
    focused = page.evaluate("() => [document.activeElement.tagName, !!document.activeElement.closest('.model-controls')]")
    assert focused == ["INPUT", True], focused


SHOWN_SCENARIOS = (
    "() => [...document.querySelectorAll('.scenario-panel')].filter(p => p.offsetParent).map(p => p.dataset.scenario)"
)


def test_scenario_switch_shows_one_scenario_and_works_by_keyboard(page, server):
    page.goto(server + "tariffs/")
    ids = page.eval_on_selector_all(".scenario-switch input[type=radio]", "els => els.map(e => e.value)")
    assert len(ids) >= 4 and page.evaluate(SHOWN_SCENARIOS) == ids[:1]
    page.focus(f"#scenario-pick-{ids[0]}")
    page.keyboard.press("ArrowRight")
    assert page.evaluate(SHOWN_SCENARIOS) == ids[1:2]
    assert page.evaluate("document.activeElement.value") == ids[1]
    # a link to a scenario's chart selects that scenario
    page.goto(server + f"tariffs/#chart-scenario-{ids[2]}")
    page.wait_for_function(f"() => document.querySelector('#scenario-pick-{ids[2]}').checked", timeout=5000)
    assert page.evaluate(SHOWN_SCENARIOS) == ids[2:3]


def test_scenario_switch_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(server + "tariffs/", wait_until="load")
    ids = pg.eval_on_selector_all(".scenario-switch input[type=radio]", "els => els.map(e => e.value)")
    assert pg.evaluate(SHOWN_SCENARIOS) == ids[:1]
    pg.click(f"label[for=scenario-pick-{ids[-1]}]")
    assert pg.evaluate(SHOWN_SCENARIOS) == ids[-1:]
    context.close()


def _shown_picture(page) -> str:
    img = page.locator(".truce-chart img.truce-chart-img").filter(visible=True).first
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle(), timeout=10000)
    return img.get_attribute("class") + " " + img.get_attribute("src")


def test_dark_toggle_restyles_charts(page, server):
    page.goto(server)
    light = _shown_picture(page)
    assert "truce-chart-img--light" in light
    live = page.locator(".truce-chart[data-interactive='true']").first
    live.locator(".truce-chart-explore").click()
    page.wait_for_selector(".truce-chart.is-live[data-theme='light']", timeout=15000)
    page.locator("label[for='__palette_1']").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    dark = _shown_picture(page)  # the dark picture is fetched when the theme shows it
    assert "truce-chart-img--dark" in dark and dark.split()[-1] != light.split()[-1], (light, dark)
    page.wait_for_selector(".truce-chart.is-live[data-theme='dark']", timeout=10000)


SHOWN_EVENTS = "() => [...document.querySelectorAll('article.chrono-event')].filter(e => !e.closest('[hidden]')).length"


def test_chronology_filter_narrows_and_survives_reload(page, server):
    # months far off screen are not laid out (content-visibility), so "shown" means not hidden
    page.goto(server + "chronology/")
    total = page.locator("article.chrono-event").count()
    assert total == len(chronology.events()) == page.evaluate(SHOWN_EVENTS)
    page.select_option("select[name=lever]", "critical-minerals")
    visible = page.evaluate(SHOWN_EVENTS)
    assert 0 < visible < total
    assert "lever=critical-minerals" in page.url
    page.reload()
    assert page.input_value("select[name=lever]") == "critical-minerals"
    assert page.evaluate(SHOWN_EVENTS) == visible
    assert page.locator("article.chrono-event:visible").first.is_visible()
    page.fill("input[name=q]", "soybean")
    assert page.evaluate(SHOWN_EVENTS) < visible


def test_search_finds_an_event_by_a_word_in_its_summary(page, server):
    page.goto(server)
    page.locator("input[data-md-component='search-query']").click()
    page.keyboard.type("Nexperia")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert any("chronology" in h for h in hrefs), hrefs


def test_figure_link_tooltip_and_ledger_target(page, server):
    page.goto(server)
    link = page.locator("a[data-figure='us-headline-peak']").first
    assert "As of" in link.get_attribute("title")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("#fig-us-headline-peak")
    assert page.locator("#fig-us-headline-peak").is_visible()


@pytest.mark.parametrize("path", ["", "chronology/", "tariffs/", "data/"])
def test_no_horizontal_scroll_on_a_phone(browser, server, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(server + path, wait_until="load")
    settle(pg)
    overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0, f"/{path} scrolls sideways by {overflow}px at 390px"


# One page per template: the others of a kind share its layout, components and colours.
TEMPLATES = {
    "": "home: truce clock, key charts",
    "story/01-spiral/": "story chapter (stands for all seven): notebook prose, charts, footnotes",
    "chronology/": "chronology: filters and the event list",
    "tariffs/": "notebook page with tables and charts (stands for series/)",
    "scorecard/": "scorecard: outcome badges",
    "explainer/": "explainer: live charts and their sliders",
    "data/figures/": "figures ledger: the generated table",
    "about/methodology/": "Markdown page (stands for story/, data/, about/*)",
    # the Chinese edition: its own language, fonts and punctuation on the same templates
    "zh/": "Chinese home",
    "zh/chronology/": "Chinese chronology: filters, cards and labels from the Chinese data",
    "zh/story/01-spiral/": "Chinese chapter",
}


def test_every_template_is_a_nav_page():
    english = {t.removeprefix("zh/") for t in TEMPLATES}  # the Chinese edition has the same pages
    assert english <= set(NAV_PAGES), english - set(NAV_PAGES)


@pytest.fixture(scope="module", params=["default", "slate"])
def scheme_page(request, browser, server):
    """One tab per colour scheme, reused for every template."""
    scheme = request.param
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme="dark" if scheme == "slate" else "light", reduced_motion="reduce"
    )
    pg = context.new_page()
    pg.scheme = scheme
    yield pg
    context.close()


# marks the repeated copies of one look (see the script's comment) with data-truce-repeat
REPEATS = (ROOT / "tests" / "repeated_markup.js").read_text(encoding="utf-8")
UNMARK = "() => document.querySelectorAll('[data-truce-repeat]').forEach(e => e.removeAttribute('data-truce-repeat'))"
AXE_TAGS = ["wcag2a", "wcag2aa", "best-practice"]
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def axe_violations(pg, skip: tuple[str, ...] = ()) -> list[str]:
    """What axe-core finds on the page (WCAG 2 A and AA, and best practice), one line per rule;
    ``skip`` names rules left out.

    Every rule runs on the whole page but the two that measure colours, text against its
    background and links against the text around them. They take most of a long page's scan and
    run on every look the page has: of the copies of one piece of markup (the chronology's
    events, the ledger's rows), the first two are measured, and the rest, which the style sheets
    colour the same way, are left out."""
    from axe_playwright_python.sync_playwright import Axe

    if not pg.evaluate("() => typeof axe !== 'undefined'"):
        pg.evaluate(Axe().axe_script)

    def run(context, options) -> list[dict]:
        return pg.evaluate("([context, options]) => axe.run(context, options).then(r => r.violations)", [context, options])

    colours = [rule for rule in COLOUR_RULES if rule not in skip]
    off = {rule: {"enabled": False} for rule in (*skip, *COLOUR_RULES)}
    found = run({"include": [["html"]]}, {"resultTypes": ["violations"], "runOnly": AXE_TAGS, "rules": off})
    if colours:
        pg.evaluate(REPEATS)
        context = {"include": [["html"]], "exclude": [["[data-truce-repeat]"]]}
        found += run(context, {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": colours}})
        pg.evaluate(UNMARK)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})" for v in found]


def test_accessibility_scan_reports_a_violation(browser):
    pg = browser.new_page()
    pg.set_content(
        '<!doctype html><html lang="en"><title>t</title><main><h1>T</h1><img src="data:,">'
        '<p style="color:#bbb;background:#fff">faint</p></main></html>'
    )
    found = axe_violations(pg)
    skipped = axe_violations(pg, skip=("color-contrast",))
    pg.close()
    assert sorted(v.split(":")[0] for v in found) == ["color-contrast", "image-alt"], found
    assert [v.split(":")[0] for v in skipped] == ["image-alt"], skipped


@pytest.mark.parametrize(
    "late",
    [
        '<li class="faint">another look, last in the list</li>',  # another class
        '<li style="color:#ccc">another look, last in the list</li>',  # another inline style
        '<li data-tone="faint">another look, last in the list</li>',  # an attribute a selector picks
        '<li>readable <span class="faint">but a faint word</span></li>',  # another child
    ],
)
def test_contrast_is_measured_on_every_look_of_a_long_list(browser, late):
    """Forty readable copies of one entry, then one that looks different and is too faint: the
    contrast rule, which measures only the first two copies of each look, still finds it."""
    pg = browser.new_page()
    style = "<style>.faint, [data-tone=faint] { color: #c8c8c8 } li { color: #222 }</style>"
    entries = "".join("<li>readable entry</li>" for _ in range(40))
    pg.set_content(
        f'<!doctype html><html lang="en"><title>t</title>{style}<main><h1>T</h1><ul>{entries}{late}</ul></main></html>'
    )
    kept, marked = pg.evaluate(REPEATS)
    pg.evaluate(UNMARK)
    found = axe_violations(pg)
    pg.close()
    assert marked == 38, (kept, marked)  # the 40 copies: two measured, 38 left out
    assert [v.split(":")[0] for v in found] == ["color-contrast"], found
    assert "(1×" in found[0], found  # the faint entry, and none of the readable copies


@pytest.mark.parametrize("path", TEMPLATES)
def test_accessibility_scan(scheme_page, server, path):
    pg, scheme = scheme_page, scheme_page.scheme
    if path.startswith("zh/") and scheme == "slate":
        # the Chinese pages share the English templates and stylesheet, whose colours are scanned
        # in both schemes; what is the edition's own (language, fonts, labels) is scanned once
        pytest.skip("Chinese edition: scanned in the default scheme; colours are scanned on the English twin")
    pg.goto(server + path, wait_until="load")
    # the live version of every interactive chart is scanned too (its controls need labels)
    pg.evaluate("() => document.querySelectorAll('.truce-chart-explore').forEach(b => b.click())")
    pg.wait_for_function(
        "() => [...document.querySelectorAll('.truce-chart[data-interactive]')].every(c => c.classList.contains('is-live'))",
        timeout=20000,
    )
    pg.evaluate("window.scrollTo(0, 0)")
    settle(pg)  # the header tabs fade back in after the scroll: measure contrast after that
    assert pg.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    # the Chinese pages take their colours from the English templates' stylesheet, whose contrast
    # is measured in both schemes; the rest (language, fonts, labels, structure) is scanned here
    violations = axe_violations(pg, skip=("color-contrast",) if path.startswith("zh/") else ())
    assert not violations, f"/{path} [{scheme}]:\n" + "\n".join(violations)
