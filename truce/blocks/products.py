"""Tariffs product by product on the site: the product lookup and the trade-weighted averages.

* :func:`lookup_data` — the precomputed data the lookup page's script reads (published by the
  build as :data:`LOOKUP_JSON`, one file per side): per side, the layers with their rates and dates, the lists that
  feed or exempt them, each listed code's list memberships, the normal duties and the product
  descriptions. ``docs/assets/js/lookup.js`` computes a product's stack from it for any date,
  by the rules of :func:`truce.analysis.products.stack` (``tests/test_lookup.py`` compares them).
* :func:`lookup_block` — the lookup's form and result areas; the script and the data load only
  on that page, the data only once the reader uses the form. The words the script writes come
  with the form in the edition's language (:data:`LOOKUP_WORDS`, from ``truce/locale``).
* :func:`average_chart`, :func:`breakdown_chart`, :func:`piie_table` — the tracker's
  trade-weighted averages: since 2018 both ways, by authority at key dates, and against PIIE.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json

import pandas as pd

from truce import charts, data, i18n
from truce.analysis import products, tariffs
from truce.blocks.figure import embed
from truce.blocks.html import NOT_SEARCHED, esc, publisher_line, scroll_open
from truce.charts import products as product_charts
from truce.charts.style import side_label
from truce.figures import products as averages
from truce.i18n import N_, t

# where the build publishes the lookup data, and its URL relative to the lookup page
LOOKUP_PAGE = "tariffs/lookup/"
# one file per direction: a reader who looks up US duties never downloads China's lists
LOOKUP_JSON = LOOKUP_PAGE + "tariff-lookup-{side}.json"
LOOKUP_JSON_URL = "tariff-lookup-{side}.json"
# the lookup's script, relative to the lookup page
LOOKUP_JS_URL = "../../assets/js/lookup.js"
START = dt.date(2018, 1, 1)


def _iso(day) -> str:
    return day.isoformat() if day else ""


def _matching(product_class: str, patterns: str) -> bool:
    return bool(product_class) and any(fnmatch.fnmatchcase(product_class, p) for p in str(patterns or "").split(";") if p)


# Lookup data ------------------------------------------------------------------------------------

# the legal authority of each layer (truce.analysis.products.authority), as the lookup names it
AUTHORITY_WORDS = {
    "Section 301": N_("Section 301"),
    "Section 232": N_("Section 232"),
    "IEEPA fentanyl": N_("IEEPA fentanyl"),
    "IEEPA reciprocal": N_("IEEPA reciprocal"),
    "Section 122": N_("Section 122"),
    "China 2018 (vs Section 232)": N_("China 2018 (vs Section 232)"),
    "China 2018-2019 (vs Section 301)": N_("China 2018-2019 (vs Section 301)"),
    "China 2025 product lists": N_("China 2025 product lists"),
    "China 2025 all goods": N_("China 2025 all goods"),
    "other": N_("other"),
    "MFN": N_("MFN"),
}


def lookup_data() -> dict:
    """Everything the lookup needs to compute any product's stack on any day, both sides.

    Per side: ``layers`` (counted tariff_measures rows, in the order :func:`products.stack` lists
    them; a suspension names the index of the layer it suspends), ``lists`` (the lists that can
    take effect, in file order, with the layers each feeds or exempts, the layers of an all-goods
    class it shields and the layers it replaces — glob patterns resolved here), ``codes`` (every
    listed code → indices of the lists that hold it), ``mfn`` (normal duties by code prefix and
    the side average) and ``products`` (code and description, for search). Source ids index
    ``sources`` (publisher, title, url). ``exclusions`` holds the Section 301 product exclusions:
    list index, U.S. note, index of the wording in ``wordings`` (-1 when the whole line is excluded)
    and codes; ``headings`` gives the Chapter 99 heading of each note."""
    t = products.tables()
    local = data.localize(t.measures, "tariff_measures")
    srcs = data.sources()
    source_ids: list[str] = []

    def cite(ids) -> list[int]:
        out = []
        for sid in ids:
            if sid not in source_ids:
                source_ids.append(sid)
            out.append(source_ids.index(sid))
        return out

    sides = {}
    # each layer's name in the edition's language (data/tariff_measures_zh.csv)
    instrument = dict(zip(local["id"], local["instrument"], strict=True))
    for side in products.IMPOSERS:
        m = t.measures[(t.measures["imposer"] == side) & ~t.measures["status"].isin(products.NEVER_COUNTED_MEASURES)]
        m = m.sort_values(["scope", "effective_from", "id"]).to_dict("records")
        index = {r["id"]: i for i, r in enumerate(m)}
        # the lists' names and instruments in the edition's language (data/tariff_lists_zh.csv)
        side_lists = data.localize(t.lists[t.lists["imposer"] == side], "tariff_lists")
        lists = [r for r in side_lists.to_dict("records") if r["status"] not in products.NEVER_COUNTED_LISTS]
        layers = [
            {
                "id": r["id"],
                "instrument": instrument[r["id"]],
                "authority": i18n.t(AUTHORITY_WORDS[products.authority(r["id"])]),
                "all": r["scope"] == "all-goods",
                "rate": float(r["rate_pct"]),
                "from": _iso(r["effective_from"]),
                "to": _iso(r["effective_to"]),
                "sus": index.get(r["suspends"], -1) if r["suspends"] else -1,
                "shieldedBy": [
                    j
                    for j, lst in enumerate(lists)
                    if lst["action"] == "adds" and _matching(lst["product_class"], r["exempt_classes"])
                ],
                "event": r["event_id"],
                "src": cite(r["source_ids"]),
            }
            for r in m
        ]
        out_lists = [
            {
                "id": r["id"],
                "name": r["name"],
                "instrument": r["instrument"],
                "action": r["action"],
                "layers": [index[i] for i in r["layer_ids"] if i in index],
                "none": r["code_level"] == "none",
                "from": _iso(r["effective_from"]),
                "to": _iso(r["effective_to"]),
                "shield": _iso(r["shields_from"] or r["effective_from"]),
                "replaces": [i for i, x in enumerate(m) if r["replaces"] and _matching(x["product_class"], r["replaces"])],
                "src": cite(r["source_ids"]),
            }
            for r in lists
        ]
        position = {r["id"]: j for j, r in enumerate(lists)}
        # Section 301 product exclusions: [list index, note, wording, codes]; the wording is an index into
        # ``wordings`` (the same wording recurs as exclusions are extended), -1 = the whole line; the
        # Chapter 99 heading that claims an exclusion is the same for a whole note (``headings``)
        excl = products.exclusion_table(t)
        excl = excl[excl["list_id"].isin(list(position))]
        excluding = set(excl["list_id"])
        wordings = list(dict.fromkeys(d for d in excl["description"] if d))
        where = {d: k for k, d in enumerate(wordings)}
        # China's exclusions carry a fifth item: the announcement that grants them (no Chapter 99 heading)
        exclusions = [
            [position[r["list_id"]], r["note_ref"], where.get(r["description"], -1), r["codes"].split(";")]
            + ([] if r["heading"].startswith("9903.") else [r["heading"]])
            for r in excl.to_dict("records")
        ]
        codes: dict[str, list[int]] = {}
        for lid, code in zip(t.members["list_id"], t.members["code"], strict=False):
            if lid in position and lid not in excluding:  # exclusion lists carry their codes in ``exclusions``
                codes.setdefault(code, []).append(position[lid])
        mfn = t.mfn[t.mfn["imposer"] == side]
        p = t.products[t.products["side"] == side]
        sides[side] = {
            "label": side_label(side),
            "layers": layers,
            "lists": out_lists,
            "codes": {c: sorted(set(v)) for c, v in sorted(codes.items())},
            "exclusions": exclusions,
            "wordings": wordings,
            "headings": {
                n: h
                for n, h in zip(excl["note_ref"].str.extract(r"^(20\([a-z]+\))")[0], excl["heading"], strict=False)
                if isinstance(n, str)
            },
            "mfn": {
                "average": float(mfn.loc[mfn["scope"] == "side-average", "rate_pct"].iloc[0]),
                "codes": {
                    c: float(r)
                    for c, r, s in zip(mfn["code"], mfn["rate_pct"], mfn["scope"], strict=False)
                    if s != "side-average"
                },
            },
            # "code<TAB>description" lines: the most compact form for 15,000 products
            "products": "\n".join(
                f"{c}\t{' · '.join(x for x in (d, z) if x)}"
                for c, d, z in zip(p["code"], p["description"].fillna(""), p["description_zh"].fillna(""), strict=False)
            ),
        }
    return {
        "asOf": data.last_updated().isoformat(),
        "start": START.isoformat(),
        "sides": sides,
        "sources": [[srcs[s]["publisher"], srcs[s]["title"], srcs[s]["url"]] for s in source_ids],
    }


def lookup_json(side: str | None = None, whole: dict | None = None) -> str:
    """:func:`lookup_data` as compact JSON: one direction (``"US"`` or ``"CN"``: its side and the
    shared sources, whose indices are the same in every file), or both when ``side`` is None."""
    whole = lookup_data() if whole is None else whole
    part = whole if side is None else dict(whole, sides={side: whole["sides"][side]})
    return json.dumps(part, separators=(",", ":"), ensure_ascii=False)


def lookup_files() -> dict[str, str]:
    """The lookup's data files by site path: one per direction, fetched when a reader picks it."""
    whole = lookup_data()
    return {LOOKUP_JSON.format(side=side.lower()): lookup_json(side, whole) for side in products.IMPOSERS}


def lookup_events() -> list[str]:
    """The chronology events the lookup's layers link to."""
    m = products.tables().measures
    return sorted({e for e in m["event_id"] if e})


# Lookup page ------------------------------------------------------------------------------------


# The words lookup.js writes, by the key the script asks for: the block gives them to the script in
# the edition's language (a JSON script element), and the script's own English copy (``WORDS`` in
# lookup.js) is only a fallback; ``tests/test_lookup.py`` checks the two hold the same keys and
# English. ``{name}`` placeholders are filled by the script, so a translation may reorder them.
LOOKUP_WORDS = {
    "loading": N_("Loading the tariff data…"),
    "loadFailed": N_("The tariff data could not be loaded. Check your connection and try again."),
    "found0": N_("No product found"),
    "found1": N_("1 product found"),
    "foundN": N_("{n} products found"),
    "firstShown": N_(", the first {max} shown"),
    "showingStack": N_(". Showing the stack for {code}."),
    "chooseOne": N_(". Choose one to see its duties."),
    "summary": N_("{total} in total on {day} ({side}): {extra} points of additional duties on top of a normal duty of {mfn}%."),
    "noDescription": N_(
        "This code is not among the products with a description in the data; the duties are those of the lists "
        "that hold it or a shorter code."
    ),
    "layer": N_("Layer"),
    "points": N_("Points"),
    "why": N_("Why"),
    "sources": N_("Sources"),
    "chronology": N_("Chronology"),
    "normalDuty": N_("Normal duty"),
    "mfnEstimate": N_("most-favoured-nation duty (estimate)"),
    "mfnWhy": N_("charged on every good, before any trade-war duty"),
    "exempted": N_("not charged: exempted by {list}"),
    "excluded": N_("not charged: the instrument excludes goods on {list}"),
    "replaced": N_("not charged: replaced by the higher review rate of {list}"),
    "excluded301": N_("not charged: the whole line is excluded by U.S. note {note} (claimed under heading {heading}), {list}"),
    "unknown": N_("may apply: this list's codes were not retrieved, so it is not counted — {list}"),
    "partial": N_("applies to some codes under this one (type a longer code): {list}"),
    "allGoods": N_("charged on all goods"),
    "listed": N_("listed on {list}"),
    "suspended": N_(" ({points} points suspended)"),
    "rate": N_(" (rate {rate}%)"),
    "partialExclusion1": N_(
        "partial exclusion: goods that fit a Section 301 exclusion's description pay no Section 301 duty; "
        "not counted here, since a code cannot tell them apart"
    ),
    "partialExclusionN": N_(
        "partial exclusion: goods that fit one of {n} Section 301 exclusion descriptions pay no Section 301 duty; "
        "not counted here, since a code cannot tell them apart"
    ),
    "wholeLine": N_("the whole line {codes}"),
    "exclusion": N_("{wording} — U.S. note {note}, heading {heading}, {list}"),
    "excludedCN": N_(
        "not charged: the whole line is excluded by Customs Tariff Commission Announcement {heading}, {note}: {list}"
    ),
    "partialExclusionCN1": N_(
        "partial exclusion: goods that fit an exclusion's description pay none of China's duties against Section 301; "
        "not counted here, since a code cannot tell them apart"
    ),
    "partialExclusionCNN": N_(
        "partial exclusion: goods that fit one of {n} exclusion descriptions pay none of China's duties against Section 301; "
        "not counted here, since a code cannot tell them apart"
    ),
    "exclusionCN": N_("{wording} — Customs Tariff Commission Announcement {heading}, {note}: {list}"),
    "codeSeparator": N_(", "),
    "event": N_("event"),
    "eventTitle": N_("This move in the chronology"),
    "stackLabel": N_("Duties layer by layer"),
    "chartLabel": N_(
        "Step chart of the additional duty on {code} since {start}: highest {peak} points from {peakDay}; "
        "{last} points on {asOf}."
    ),
    "chartCaption": N_("Additional duty (points over the normal duty) since {start}; the vertical line marks {day}."),
    "showTable": N_("Show the changes as a table"),
    "from": N_("From"),
    "dutyPoints": N_("Additional duty (points)"),
    "date": N_("{day} {month} {year}"),
}


def lookup_words(lang: str | None = None) -> dict:
    """:data:`LOOKUP_WORDS` in ``lang`` (the edition being built when None), with the month names the
    script writes dates with (``1 July 2019`` / ``2019年7月1日``, as :func:`truce.i18n.day`)."""
    words = {key: t(text, lang) for key, text in LOOKUP_WORDS.items()}
    words["months"] = [t(name, lang) for name in i18n.MONTHS_EN]
    return words


def _script_json(value) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def lookup_block() -> str:
    """The lookup: direction, a code or words, a date; results and the stack appear below, announced
    to screen readers. Event links sit in a template the build resolves (``event:`` hrefs); the
    script's words sit in a JSON script element (:func:`lookup_words`)."""
    as_of = data.last_updated()
    radios = "".join(
        f'<label class="lookup-radio"><input type="radio" name="side" value="{side}"{" checked" if side == "US" else ""}> '
        f"{esc(side_label(side))}</label>"
        for side in products.IMPOSERS
    )
    events = "".join(f'<a data-event="{esc(e)}" href="event:{esc(e)}"></a>' for e in lookup_events())
    hint = t(
        "US codes have 10 digits (HTS), Chinese codes 8; dots and spaces are ignored; the down arrow moves to the "
        "results. Dates from {start} to {as_of}, when the data was last checked."
    ).format(start=esc(START), as_of=esc(as_of))
    noscript = t(
        "The lookup runs in your browser and needs JavaScript. The same numbers come from {code} in the site's Python package."
    ).format(code="<code>truce.additional_duty(code, date, side)</code>")
    return (
        f'<div class="lookup" data-src="{LOOKUP_JSON_URL}" data-search-exclude>'
        f'<form class="lookup-form" role="search" aria-label="{esc(t("Tariff lookup"))}" autocomplete="off">'
        f'<fieldset class="lookup-sides"><legend>{esc(t("Direction"))}</legend>{radios}</fieldset>'
        '<div class="lookup-fields">'
        f'<label class="lookup-field lookup-field--q"><span>{esc(t("Tariff code or words"))}</span>'
        '<input type="search" name="q" inputmode="search" spellcheck="false" '
        f'placeholder="{esc(t("e.g. 8517130000, soybeans, toys"))}" '
        'aria-describedby="lookup-hint" aria-controls="lookup-results"></label>'
        f'<label class="lookup-field lookup-field--day"><span>{esc(t("On"))}</span><input type="date" name="day" value="{as_of.isoformat()}" '
        f'min="{START.isoformat()}" max="{as_of.isoformat()}" required></label>'
        "</div>"
        f'<p id="lookup-hint" class="lookup-hint">{hint}</p>'
        "</form>"
        '<p class="lookup-status" role="status" aria-live="polite">'
        f"<noscript>{noscript}</noscript></p>"
        f'<ul id="lookup-results" class="lookup-results" aria-label="{esc(t("Matching products"))}"></ul>'
        '<section class="lookup-result" aria-live="polite" aria-atomic="false" tabindex="-1" hidden></section>'
        f'<template class="lookup-events">{events}</template>'
        f'<script type="application/json" class="lookup-words">{_script_json(lookup_words())}</script>'
        "</div>"
        f'<script defer src="{LOOKUP_JS_URL}"></script>'
    )


# Tracker: averages -------------------------------------------------------------------------------


def _today() -> dt.date:
    return data.last_updated()


def _piie() -> pd.DataFrame:
    """Every PIIE average in average_tariffs.csv (derived and second-hand values included, as the file marks them)."""
    a = data.load("average_tariffs")
    return a[a["publisher"].str.startswith("PIIE")].reset_index(drop=True)


def _average_sources() -> list[str]:
    t = products.tables()
    ids = set()
    for frame in (t.measures, t.lists, t.weights, t.mfn):
        ids |= {s for v in frame["source_ids"] for s in v}
    return sorted(ids)


def average_chart() -> str:
    """The trade-weighted average both ways since 2018 as steps, with PIIE's published values as points."""
    series = tariffs.with_confirmation(averages.average_series())
    piie = _piie()
    us_peak, us_day = averages.average_peak("US")
    cn_peak, cn_day = averages.average_peak("CN")
    now = _today()
    us_now, cn_now = products.average_rate(now, "US"), products.average_rate(now, "CN")
    description = i18n.t(
        "Step chart of the average tariff each side charged on the other's goods since {start}, normal duty "
        "included, with the Peterson Institute's published values as points. The US average peaked at {us_peak}% "
        "on {us_day}, China's at {cn_peak}% on {cn_day}; on {now} they stood at "
        "{us_now}% and {cn_now}% under the legal texts as written; sources confirm the US layers only to "
        "{us_confirmed} and China's to {cn_confirmed}, "
        "and the lines are dashed after those dates."
    ).format(
        start=START.year,
        us_peak=f"{us_peak:.1f}",
        us_day=i18n.day(us_day),
        cn_peak=f"{cn_peak:.1f}",
        cn_day=i18n.day(cn_day),
        now=i18n.day(now),
        us_now=f"{us_now:.1f}",
        cn_now=f"{cn_now:.1f}",
        us_confirmed=i18n.day(tariffs.confirmed_through("US")),
        cn_confirmed=i18n.day(tariffs.confirmed_through("CN")),
    )
    chart = product_charts.average_rates(
        tariffs.split_at_confirmation(series),
        piie,
        title=i18n.t("Averaged over what is traded, the 2025 spike was lower and the truce level higher than the headline rates"),
        description=description,
    )
    table = series.assign(side=series["imposer"].map(charts.SIDE_LABELS), average_pct=series["average_pct"].round(2))[
        ["date", "side", "average_pct", "state"]
    ]
    return embed(
        chart,
        chart_id="average-rates",
        table=table,
        source=publisher_line(_average_sources())
        + " (computed product by product from data/tariff_lists.csv and trade_weights.csv)",
        as_of=max(tariffs.confirmed_through(side) for side in tariffs.IMPOSERS),
        csv_name="average-tariffs-computed.csv",
    )


def key_dates() -> list[tuple[str, dt.date]]:
    """Days at which the breakdown is shown: before the trade war, after each round, at the US peak,
    and today under the legal texts (no source confirms it: see truce.analysis.tariffs)."""
    us_day = averages.average_peak("US")[1]
    days = [
        (N_("Jan 2018"), dt.date(2018, 1, 1)),
        (N_("Phase One"), dt.date(2020, 2, 14)),
        (N_("Jan 2025"), dt.date(2025, 1, 20)),
        (N_("US peak"), us_day),
        (N_("Geneva"), dt.date(2025, 5, 14)),
        (N_("Busan"), dt.date(2025, 11, 10)),
        (N_("Section 122"), dt.date(2026, 2, 24)),
        (N_("Now, unconfirmed"), _today()),
    ]
    return days  # short names: the chart's row labels must fit a phone


def breakdown_table() -> pd.DataFrame:
    """Points each authority adds to the average, per side and key date."""
    rows = []
    for label, day in key_dates():
        for side in products.IMPOSERS:
            split = products.average_by_authority(day, side)
            for r in split.to_dict("records"):
                rows.append(
                    {
                        "moment": label,
                        "date": day,
                        "side": charts.SIDE_LABELS[side],
                        "authority": r["authority"],
                        "points": round(float(r["points"]), 2),
                    }
                )
    return pd.DataFrame(rows)


def breakdown_chart() -> str:
    """Stacked bars: what the average is made of (MFN, 301, 232, IEEPA, 122; China's lists) at key dates."""
    frame = breakdown_table()
    description = i18n.t(
        "Stacked horizontal bars, one per key date and side, splitting the average tariff into the points each "
        "legal authority adds: the normal (MFN) duty, Section 301, Section 232, the IEEPA duties and Section 122 "
        "for the United States; China's normal duty, its 2018-2019 retaliation lists and its 2025 duties."
    )
    chart = product_charts.average_breakdown(frame, title=i18n.t("What the average is made of"), description=description)
    return embed(
        chart,
        chart_id="average-breakdown",
        table=frame,
        source=publisher_line(_average_sources()),
        as_of=max(tariffs.confirmed_through(side) for side in tariffs.IMPOSERS),
        csv_name="average-by-authority.csv",
    )


REASONS = {
    "US-before": N_(
        "Before any trade-war duty: the site's normal duty is estimated by chapter from 2024 Census duties; "
        "PIIE's base is its 2017 average."
    ),
    "US-2018": N_(
        "Section 301 lists weighted by 2024 imports: imports of listed goods fell after 2018, so they weigh less "
        "than in PIIE's older weights (its 2020 figures were stated at 2017 trade); Section 301 exclusions granted by description "
        "are not counted."
    ),
    "US-2025": N_(
        "The 2025 layers move both averages alike (compare the change since 20 January 2025); the level gap is the "
        "Section 301 weighting carried over from 2018-2019."
    ),
    "CN": N_(
        "China's 2018 lists are coded by HS-8 line and weighted by China's 2017 imports of their lines (each tier of "
        "the third list at its own rate, the vehicles and parts suspended from 1 January 2019 left out); the 2019 list against "
        "List 4 still counts at its top rate on an assumed value, and China's exclusions and normal-duty cuts after 2018 are "
        "ignored. PIIE's trade weights are not the site's."
    ),
}


SECOND_TERM = dt.date(2025, 1, 20)
CHANGE_WORDS = N_("since 20 Jan 2025: PIIE {piie}, this site {site}")


def _reason(side: str, day: dt.date) -> str:
    if side == "CN":
        return REASONS["CN"]
    if day < dt.date(2018, 7, 6):
        return REASONS["US-before"]
    return REASONS["US-2025"] if day >= dt.date(2025, 1, 20) else REASONS["US-2018"]


def piie_comparison() -> pd.DataFrame:
    """Every PIIE average next to :func:`products.average_rate` on the same day and side, the gap in
    points, the site's split by authority, and, for 2025, the change since 20 January 2025 in the
    same PIIE chart version."""
    piie = _piie()
    rows = []
    base = {}
    for r in piie.sort_values(["imposer", "refers_to", "id"]).to_dict("records"):
        side, day = r["imposer"], r["refers_to"]
        site = products.average_rate(day, side)
        split = products.average_by_authority(day, side)
        if day == SECOND_TERM:
            base[(side, r["vintage"])] = (r["value_pct"], site)
        change = ""
        if (side, r["vintage"]) in base and day > SECOND_TERM:
            was, site_was = base[(side, r["vintage"])]
            change = t(CHANGE_WORDS).format(piie=f"{r['value_pct'] - was:+.1f}", site=f"{site - site_was:+.1f}")
        rows.append(
            {
                "side": side,
                "date": day,
                "piie_pct": float(r["value_pct"]),
                "site_pct": round(site, 1),
                "gap_pp": round(site - float(r["value_pct"]), 1),
                "vintage": r["vintage"],
                "id": r["id"],
                "measure": r["measure"],
                "split": t("; ").join(
                    f"{t(AUTHORITY_WORDS[a])} {p:.1f}" for a, p in zip(split["authority"], split["points"], strict=False)
                ),
                "change": change,
                "reason": t(_reason(side, day)),
            }
        )
    return pd.DataFrame(rows)


QUALIFIERS = {"derived": N_(" (derived)"), "as reported": N_(" (as reported)")}


def _qualifier(measure: str) -> str:
    for word, words in QUALIFIERS.items():
        if word in measure:
            return t(words)
    return ""


def piie_table() -> str:
    """The reconciliation with PIIE as an HTML table (all numbers computed here)."""
    frame = piie_comparison()
    rows = []
    for r in frame.to_dict("records"):
        why = esc(r["reason"]) + (f' <span class="lookup-change">({esc(r["change"])})</span>' if r["change"] else "")
        rows.append(
            f'<tr><td>{esc(side_label(r["side"]))}</td><td class="nowrap">{esc(r["date"])}</td>'
            f'<td class="num" title="{esc(r["vintage"])}">{r["piie_pct"]:.1f}%{_qualifier(r["measure"])}</td><td class="num">{r["site_pct"]:.1f}%</td>'
            f'<td class="num">{r["gap_pp"]:+.1f}</td><td>{esc(r["split"])}</td><td>{why}</td></tr>'
        )
    head = "".join(
        f'<th scope="col">{t(h)}</th>'
        for h in (
            N_("Direction"),
            N_("Day"),
            N_("PIIE"),
            N_("This site"),
            N_("Gap (points)"),
            N_("This site by authority (points)"),
            N_("What explains the gap"),
        )
    )
    src = publisher_line(sorted({s for ids in _piie()["source_ids"] for s in ids}))
    return (
        f'{scroll_open(t("Reconciliation with PIIE"))}<table {NOT_SEARCHED} class="reconcile piie">'
        + "<caption>"
        + t(
            "PIIE values from {publishers}, each with the chart version it was read from (data/average_tariffs.csv); "
            "gap = this site minus PIIE."
        ).format(publishers=esc(src))
        + f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
