"""Tariffs product by product: the stack of duties on one tariff code, and trade-weighted averages.

Data (all through :func:`truce.data.load`): ``tariff_measures`` (the legal layers), ``tariff_lists``
(which instrument lists which goods, and which layers a list feeds or exempts), ``list_products``
(the codes on each list), ``trade_weights`` (import values), ``mfn_rates`` (normal duties) and
``products`` (descriptions).

* :func:`stack` — every layer that touches a code on a day, with the rate it adds or the rule that
  removed it;
* :func:`additional_duty` — the percentage points added on top of the normal (MFN) duty;
* :func:`average_rate` — the trade-weighted average tariff, MFN included (as PIIE's chart by
  Chad Bown counts it);
* :func:`average_by_authority` — the same average split by legal authority;
* :func:`with_measures`, :func:`average_in`, :func:`average_change_dates` — the same average on
  tables whose layers were changed (a scenario without some rows: :mod:`truce.analysis.scenarios`).

Rules implemented (each from the instrument named):

1. A layer counts on day ``d`` when ``effective_from <= d < effective_to``; threatened rows never count
   (``truce.tariffs``). A suspension row takes its points off the layer it names while it runs
   (EO 14298 for the US reciprocal duty; Customs Tariff Commission announcement of May 2025 for China).
2. A product-specific layer applies to a code only while a list of that layer (``action = adds``) is
   in force and holds the code or a prefix of it. Lists with ``status = never-effective`` (List 4B,
   China's December 2019 batch) never count.
3. An all-goods layer applies to every code except (a) codes on an ``exempts`` list that names the
   layer and is in force that day (Annex II of EO 14257; the electronics memorandum of 11 Apr 2025,
   retroactive to 5 Apr 2025; the Section 122 annexes), and (b) codes on an ``adds`` list whose
   ``product_class`` matches the layer's ``exempt_classes`` while that list shields its goods
   (``shields_from``, else ``effective_from``, to ``effective_to``). This is the rule that the
   reciprocal duties did not apply to goods under Section 232 (EO 14257 sec. 3(b)) and that the
   Section 122 surcharge did not apply on top of Section 232 (proclamation of 20 Feb 2026).
4. Everything else stacks: Section 301 stacks on all; the fentanyl IEEPA duty on China stacks on
   Section 232 (EO 14289 of 29 Apr 2025 removed stacking only for the Canada/Mexico duties, autos
   and metals); steel and aluminium duties stack with each other (EO 14289 sec. 3(c)).
5. Codes match by prefix in one direction: a list code applies to every code that starts with it. A
   query shorter than a list code (an HS-6 code against HTS-8 lines) is *partial*: shown by
   :func:`stack`, not counted by :func:`additional_duty`.
6. China's 2018 lists ($34bn, $16bn, the four tiers of the $60bn list, and the auto lines suspended
   from 1 Jan 2019) carry HS-8 codes; a list without codes (the 2019 list against List 4) shows its
   layers in :func:`stack` with coverage ``unknown``. :func:`average_rate` for China weights each list
   by its value in ``trade_weights.csv`` (for the coded 2018 lists, China's 2017 imports of their
   lines; otherwise the value announced or assumed) as a share of the base-year total.

7. The 2024 four-year-review rates of Section 301 are new totals, not additions (USTR notice of
   18 Sep 2024, 89 FR 76581: e.g. electric vehicles from 25% to 100%): a list with ``replaces``
   switches off the List 1-4A layers for the codes it covers while it is in force.
8. Section 301 product exclusions (U.S. notes 20(ttt)-(www) to chapter 99, claimed under headings
   9903.88.67-9903.88.70): an ``exempts`` list that names a product-specific layer takes that layer
   off the codes it holds while it is in force. ``product_exclusions.csv`` says what each exclusion
   covers. One that names a whole 10-digit statistical line (``match = line``) removes the layer
   from that line: :func:`stack` shows it removed and both :func:`additional_duty` and the averages
   count it. One granted by description (``match = description``) covers only the goods on the line
   that fit the words, which a code cannot tell apart: :func:`stack` keeps the layer, counted, and
   names the exclusions in ``Layer.exclusion_ids``; the averages ignore it (an upper bound for
   those lines; :func:`described_exclusion_share` gives the trade it could touch). China's exclusion
   lists from its Section 301 countermeasures (Customs Tariff Commission Announcement 2019 No. 6 and
   the lists after it, ``cn-excl-*``) follow the same rule on HS-8 lines; since China's average
   weights whole lists, a line excluded whole takes its own 2017 import value (a ``product`` row of
   ``trade_weights.csv``) off its list's weight while the exclusion is in force.
9. The Section 301 lists of 2018-2019 do not stack: headings 9903.88.01 (List 1), .02 (List 2), .03 and
   .04 (List 3) and .15 (List 4A) each apply to the subheadings or 10-digit lines their own U.S. note
   names (20(b), (d), (f)-(g), (s)), and no two notes name the same goods, so a product pays one of
   them. The data must say so: :func:`problems` rejects a code that sits, itself or through a prefix,
   on two lists of those classes in force at the same time; an 8-digit subheading the notes split
   is held as the 10-digit lines of each list (8517.62.00: List 3 for .0010 and .0020, List 4A .0090).

Simplifications (see data/README.md): duties on metal or copper content are counted on the full value;
Section 301 exclusions granted by description are shown, not counted, and exclusion rounds before the
reinstated exclusions of October 2021 are not modelled; China's exclusion lists count only where their
codes were found; the US normal duty is an effective rate per HS
chapter estimated from 2024 Census duties (else a side average); China's is one documented side average.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from truce import data
from truce.paths import DATA_DIR

IMPOSERS = ("US", "CN")
# product classes of the Section 301 lists of 2018-2019, which never share a product (rule 9)
FIRST_301_LISTS = "section-301-list-*"
NEVER_COUNTED_MEASURES = {"threatened"}
NEVER_COUNTED_LISTS = {"never-effective"}
CODE_RE = re.compile(r"^([0-9]{2}){2,5}$")
FILES = ("tariff_measures", "tariff_lists", "list_products", "trade_weights", "mfn_rates", "products")
# optional: a package without it (a test fixture) has no Section 301 product exclusions
EXCLUSIONS = "product_exclusions"


@dataclass(frozen=True)
class Layer:
    """One line of a product's tariff stack."""

    layer_id: str
    instrument: str
    authority: str
    rate_pct: float  # points this layer adds on the day (0 when removed)
    statutory_pct: float  # the layer's rate before suspensions and exemptions
    list_id: str = ""  # the list that brings the code under a product-specific layer
    removed_by: str = ""  # why it does not apply (exemption list, Section 232 rule, suspension…)
    coverage: str = "full"  # full | partial (query shorter than the list code) | unknown (list not coded)
    # Section 301 product exclusions on the code for this layer (ids in product_exclusions.csv): when
    # removed_by is empty they were granted by description and may cover only part of the line
    exclusion_ids: tuple = ()

    @property
    def counted(self) -> bool:
        return self.coverage == "full" and self.rate_pct > 0


# Load and check --------------------------------------------------------------------------------


@dataclass
class Tables:
    measures: pd.DataFrame
    lists: pd.DataFrame
    members: pd.DataFrame
    weights: pd.DataFrame
    mfn: pd.DataFrame
    products: pd.DataFrame
    label: str = "data"
    codes_by_list: dict = field(default_factory=dict)
    exclusions: pd.DataFrame | None = None  # product_exclusions.csv (empty when the package has none)
    line_codes: dict = field(default_factory=dict)  # exclusion list id -> codes excluded as whole lines


def _label(data_dir: Path) -> str:
    return "data" if Path(data_dir).resolve() == DATA_DIR.resolve() else str(data_dir)


def tables(data_dir: Path = DATA_DIR) -> Tables:
    """The product tables, validated (schema by :mod:`truce.data`, cross-file rules by :func:`problems`)."""
    data_dir = Path(data_dir)
    return _tables(data_dir, data.data_fingerprint(data_dir))


@functools.lru_cache(maxsize=4)
def _tables(data_dir: Path, fingerprint: str) -> Tables:
    t = Tables(*(data.load(name, data_dir) for name in FILES), label=_label(data_dir))
    names = {r["name"] for r in data.descriptor(data_dir)["resources"]}
    t.exclusions = data.load(EXCLUSIONS, data_dir) if EXCLUSIONS in names else None
    found = problems(t)
    if found:
        raise data.DataError(found)
    t.codes_by_list = {lid: set(g["code"]) for lid, g in t.members.groupby("list_id")}
    t.line_codes = _line_codes(t)
    return t


def exclusion_table(t: Tables) -> pd.DataFrame:
    """product_exclusions.csv as loaded with ``t`` (an empty frame when the package has none)."""
    cols = ["id", "list_id", "note_ref", "heading", "excluded_heading", "match", "codes", "description", "source_ids"]
    return t.exclusions if t.exclusions is not None else pd.DataFrame(columns=cols)


def _line_codes(t: Tables) -> dict:
    """Exclusion list id -> the codes it excludes as whole statistical lines (``match = line``)."""
    e = exclusion_table(t)
    out: dict = {}
    for lid, codes in zip(e.loc[e["match"] == "line", "list_id"], e.loc[e["match"] == "line", "codes"], strict=False):
        out.setdefault(lid, set()).update(codes.split(";"))
    return out


def problems(t: Tables) -> list[str]:
    """Rules across files that a Table Schema cannot state, as ``file:line: column …: what — fix``."""
    out = []

    def where(file, i):
        return f"{t.label}/{file}.csv:{i + 2}"

    layer_ids = set(t.measures["id"])
    layer = t.measures.set_index("id")
    list_ids = set(t.lists["id"])
    lists_by_id = {r["id"]: r for r in t.lists.to_dict("records")}
    for i, r in enumerate(t.lists.to_dict("records")):
        for lid in r["layer_ids"]:
            if lid not in layer_ids:
                out.append(
                    f'{where("tariff_lists", i)}: column layer_ids: "{lid}" is not an id in tariff_measures.csv — add the layer row or fix the id'
                )
                continue
            m = layer.loc[lid]
            if r["imposer"] != m["imposer"]:
                out.append(
                    f'{where("tariff_lists", i)}: column layer_ids: layer "{lid}" is imposed by {m["imposer"]}, the list by {r["imposer"]} — link layers of the same side'
                )
            if r["action"] == "adds" and m["product_class"] != r["product_class"]:
                out.append(
                    f'{where("tariff_lists", i)}: column product_class: "{r["product_class"]}" differs from layer "{lid}" ({m["product_class"] or "all-goods"}) — an adds list feeds layers of its own class'
                )
            if r["action"] == "exempts" and not _matches(r["product_class"], m["exempt_classes"]):
                out.append(
                    f'{where("tariff_lists", i)}: column product_class: "{r["product_class"]}" is not in exempt_classes of layer "{lid}" — add it there or unlink the layer'
                )
    counts = t.members.groupby("list_id").size()
    for i, r in enumerate(t.lists.to_dict("records")):
        n = int(counts.get(r["id"], 0))
        if int(r["codes"]) != n:
            out.append(
                f'{where("tariff_lists", i)}: column codes: says {r["codes"]} but list_products.csv has {n} rows for "{r["id"]}" — update the count'
            )
    for i, r in enumerate(t.members.to_dict("records")):
        if r["list_id"] not in list_ids:
            out.append(
                f'{where("list_products", i)}: column list_id: "{r["list_id"]}" is not an id in tariff_lists.csv — add the list there or fix the id'
            )
        if not CODE_RE.match(str(r["code"])):
            out.append(
                f'{where("list_products", i)}: column code: "{r["code"]}" is not a tariff code — write 4, 6, 8 or 10 digits with no dots or spaces (e.g. 85076000)'
            )
    for i, r in enumerate(t.products.to_dict("records")):
        if not CODE_RE.match(str(r["code"])):
            out.append(
                f'{where("products", i)}: column code: "{r["code"]}" is not a tariff code — write 4, 6, 8 or 10 digits with no dots or spaces'
            )
        if not r["source_ids"]:
            out.append(
                f"{where('products', i)}: column source_ids: is empty — every product row must cite where its code and description come from"
            )
    e = exclusion_table(t)
    by_list: dict = {}
    for i, r in enumerate(e.to_dict("records")):
        if r["list_id"] not in list_ids:
            out.append(
                f'{where(EXCLUSIONS, i)}: column list_id: "{r["list_id"]}" is not an id in tariff_lists.csv — add the list there or fix the id'
            )
            continue
        if lists_by_id[r["list_id"]]["action"] != "exempts":
            out.append(
                f'{where(EXCLUSIONS, i)}: column list_id: "{r["list_id"]}" adds duties — an exclusion belongs to an exempts list'
            )
        by_list.setdefault(r["list_id"], set()).update(str(r["codes"]).split(";"))
    for lid, codes in by_list.items():
        listed = set(t.members.loc[t.members["list_id"] == lid, "code"])
        if codes != listed:
            out.append(
                f'{t.label}/list_products.csv: list "{lid}" holds {len(listed)} codes but its exclusions in {EXCLUSIONS}.csv name {len(codes)}'
                f" ({', '.join(sorted(codes ^ listed)[:3])} differ) — list exactly the codes its exclusions name (tools/s301_exclusions.py writes both)"
            )
    out += _shared_301_codes(t)
    for i, r in enumerate(t.weights.to_dict("records")):
        if r["basis"] == "product" and not CODE_RE.match(str(r["code"])):
            out.append(
                f'{where("trade_weights", i)}: column code: "{r["code"]}" is required for basis product — give the tariff code, digits only'
            )
        if r["basis"] == "list" and r["list_id"] not in list_ids:
            out.append(
                f'{where("trade_weights", i)}: column list_id: "{r["list_id"]}" is not an id in tariff_lists.csv — fix the id or add the list'
            )
    return out


def _shared_301_codes(t: Tables) -> list[str]:
    """Rule 9: codes on two Section 301 lists of 2018-2019 in force at the same time (itself or a prefix)."""
    lists = [
        r
        for r in t.lists.to_dict("records")
        if r["action"] == "adds" and r["status"] not in NEVER_COUNTED_LISTS and _matches(r["product_class"], FIRST_301_LISTS)
    ]
    codes = {r["id"]: set(t.members.loc[t.members["list_id"] == r["id"], "code"]) for r in lists}
    out = []
    for i, a in enumerate(lists):
        for b in lists[i + 1 :]:
            if a["product_class"] == b["product_class"] or not _overlap(a, b):
                continue
            shared = sorted(
                {c for c in codes[a["id"]] if _held(c, codes[b["id"]])} | {c for c in codes[b["id"]] if _held(c, codes[a["id"]])}
            )
            if shared:
                out.append(
                    f'{t.label}/list_products.csv: {len(shared)} code(s) on both "{a["id"]}" and "{b["id"]}" ({", ".join(shared[:3])}'
                    f"{', …' if len(shared) > 3 else ''}) — the Section 301 lists of 2018-2019 do not stack (each U.S. note 20 list names"
                    " its own subheadings): keep each code on the list whose note names it, or list the 10-digit lines of each"
                )
    return out


def _overlap(a: dict, b: dict) -> bool:
    """Two lists are in force on some common day."""
    start = max(a["effective_from"], b["effective_from"])
    ends = [e for e in (a["effective_to"], b["effective_to"]) if e]
    return not ends or start < min(ends)


def _matches(product_class: str, patterns) -> bool:
    return bool(product_class) and any(fnmatch.fnmatchcase(product_class, p) for p in str(patterns or "").split(";") if p)


# Helpers -----------------------------------------------------------------------------------------


def _day(on) -> dt.date:
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, dt.date):
        return on
    try:
        return dt.date.fromisoformat(str(on))
    except ValueError as exc:
        raise ValueError(f'date "{on}" is not an ISO date (YYYY-MM-DD) — pass a datetime.date or "2025-05-14"') from exc


def _code(code) -> str:
    text = re.sub(r"[.\s]", "", str(code))
    if not re.fullmatch(r"[0-9]{6}|[0-9]{8}|[0-9]{10}", text):
        raise ValueError(f'code "{code}" is not an HS/HTS code of 6, 8 or 10 digits — e.g. "8507.60.0010" or "85076000"')
    return text


def _imposer(imposer: str) -> str:
    if imposer not in IMPOSERS:
        raise ValueError(f'imposer must be one of {IMPOSERS}, not "{imposer}"')
    return imposer


def _in_force(start, end, on: dt.date) -> bool:
    return start is not None and start <= on and (end is None or on < end)


def _list_active(r: dict, on: dt.date) -> bool:
    return r["status"] not in NEVER_COUNTED_LISTS and _in_force(r["effective_from"], r["effective_to"], on)


def _list_shields(r: dict, on: dt.date) -> bool:
    start = r["shields_from"] or r["effective_from"]
    return r["status"] not in NEVER_COUNTED_LISTS and _in_force(start, r["effective_to"], on)


def authority(layer_id: str) -> str:
    """Legal authority of a layer, from its id: 301, 232, IEEPA fentanyl, IEEPA reciprocal, 122, or China's."""
    for key, name in (
        ("cn-all-goods", "China 2025 all goods"),
        ("cn-s232", "China 2018 (vs Section 232)"),
        ("cn-retaliation", "China 2018-2019 (vs Section 301)"),
        ("s301", "Section 301"),
        ("s232", "Section 232"),
        ("ieepa-fentanyl", "IEEPA fentanyl"),
        ("ieepa-reciprocal", "IEEPA reciprocal"),
        ("s122", "Section 122"),
    ):
        if key in layer_id:
            return name
    return "China 2025 product lists" if layer_id.startswith("cn-") else "other"


def _layers_on(t: Tables, on: dt.date, imposer: str) -> tuple[pd.DataFrame, dict]:
    m = t.measures[(t.measures["imposer"] == imposer) & ~t.measures["status"].isin(NEVER_COUNTED_MEASURES)]
    m = m[[_in_force(a, b, on) for a, b in zip(m["effective_from"], m["effective_to"], strict=False)]]
    suspended = m[m["suspends"] != ""].groupby("suspends")["rate_pct"].sum().to_dict()
    return m[m["suspends"] == ""], suspended


def mfn_rate(code: str, imposer: str, data_dir: Path = DATA_DIR) -> float:
    """Normal duty on ``code``: the most specific row of mfn_rates.csv (product, chapter, else side average)."""
    t = tables(data_dir)
    return _mfn(t, _imposer(imposer), _code(code))


def _mfn(t: Tables, imposer: str, code: str) -> float:
    """Most specific normal duty: a product row (longest matching prefix), else its chapter, else the side average."""
    index = t.__dict__.setdefault("_mfn_index", {})
    if imposer not in index:
        rows = t.mfn[t.mfn["imposer"] == imposer]
        avg = rows[rows["scope"] == "side-average"]
        if not len(avg):
            raise data.DataError([f"{t.label}/mfn_rates.csv: no side-average row for {imposer} — add one"])
        specific = rows[rows["scope"] != "side-average"]
        index[imposer] = (
            {c: float(r) for c, r in zip(specific["code"], specific["rate_pct"], strict=False)},
            float(avg["rate_pct"].iloc[0]),
        )
    by_code, average = index[imposer]
    for n in (10, 8, 6, 4, 2):
        if code[:n] in by_code and len(code) >= n:
            return by_code[code[:n]]
    return average


def _held(code: str, members: set) -> bool:
    """Rule 5: a list holds ``code`` when one of its codes is the first 4, 6, 8 or 10 digits of it."""
    return any(code[:n] in members for n in (4, 6, 8, 10) if n <= len(code))


def _coverage(t: Tables, list_id: str, code: str) -> str:
    codes = t.codes_by_list.get(list_id, set())
    if _held(code, codes):
        return "full"
    if any(c.startswith(code) for c in codes):
        return "partial"
    return "none"


# Public API -----------------------------------------------------------------------------------------


def stack(code, on, imposer: str, data_dir: Path = DATA_DIR) -> list[Layer]:
    """Every layer that touches ``code`` on ``on`` (MFN first), applied or removed, with the reason."""
    t, on, imposer, code = tables(data_dir), _day(on), _imposer(imposer), _code(code)
    layers, suspended = _layers_on(t, on, imposer)
    lists = t.lists[t.lists["imposer"] == imposer].to_dict("records")
    out = [Layer("mfn", "normal (MFN) duty", "MFN", _mfn(t, imposer, code), _mfn(t, imposer, code))]
    for m in layers.sort_values(["scope", "effective_from", "id"]).to_dict("records"):
        base = float(m["rate_pct"])
        net = max(base - float(suspended.get(m["id"], 0.0)), 0.0)
        note = f"{suspended[m['id']]:g} points suspended" if m["id"] in suspended else ""
        if m["scope"] == "all-goods":
            reason = ""
            for r in lists:
                if (
                    r["action"] == "exempts"
                    and m["id"] in r["layer_ids"]
                    and _list_active(r, on)
                    and _coverage(t, r["id"], code) == "full"
                ):
                    reason = f"exempted by {r['id']} ({r['instrument']})"
                    break
                if (
                    r["action"] == "adds"
                    and _matches(r["product_class"], m["exempt_classes"])
                    and _list_shields(r, on)
                    and _coverage(t, r["id"], code) == "full"
                ):
                    reason = f"not applied to goods on {r['id']} ({r['product_class']}): the instrument excludes them"
                    break
            out.append(
                Layer(m["id"], m["instrument"], authority(m["id"]), 0.0 if reason else net, base, removed_by=reason or note)
            )
            continue
        for r in lists:
            if r["action"] != "adds" or m["id"] not in r["layer_ids"] or not _list_active(r, on):
                continue
            cov = "unknown" if r["code_level"] == "none" else _coverage(t, r["id"], code)
            if cov != "none":
                removed, ids = _excluded(t, lists, m["id"], code, on)
                out.append(
                    Layer(
                        m["id"],
                        m["instrument"],
                        authority(m["id"]),
                        net if cov == "full" and not removed else 0.0,
                        base,
                        list_id=r["id"],
                        removed_by=removed or note,
                        coverage=cov,
                        exclusion_ids=ids,
                    )
                )
                break
    return _replace(t, out, lists, on)


def _excluded(t: Tables, lists: list[dict], layer_id: str, code: str, on: dt.date) -> tuple[str, tuple]:
    """Rule 8: the Section 301 product exclusions in force on ``on`` that name ``layer_id`` and touch
    ``code``. Returns the reason the layer is removed (a whole-line exclusion holds the code) or "",
    and the ids of every exclusion that touches the code (a shorter query: every longer code)."""
    e = exclusion_table(t)
    if not len(e):
        return "", ()
    hits = []
    reason = ""
    for r in lists:
        if r["action"] != "exempts" or layer_id not in r["layer_ids"] or not _list_active(r, on):
            continue
        if _coverage(t, r["id"], code) == "none":
            continue
        rows = e[e["list_id"] == r["id"]]
        for x in rows.to_dict("records"):
            codes = x["codes"].split(";")
            if any(c.startswith(code) or code.startswith(c) for c in codes):
                hits.append(x["id"])
                if not reason and x["match"] == "line" and any(code.startswith(c) for c in codes):
                    reason = f"excluded by {r['id']} ({r['instrument']}): {_exclusion_ref(x)}"
    return reason, tuple(hits)


def _exclusion_ref(x: dict) -> str:
    """Where an exclusion is granted: a U.S. note and Chapter 99 heading, or (China) the annex and
    item of a Customs Tariff Commission announcement."""
    if str(x["heading"]).startswith("9903."):
        return f"U.S. note {x['note_ref']}, heading {x['heading']}"
    return f"Customs Tariff Commission Announcement {x['heading']}, {x['note_ref']}"


def exclusions(ids) -> pd.DataFrame:
    """The rows of product_exclusions.csv with these ids (the description, note and heading of each)."""
    e = exclusion_table(tables())
    return e[e["id"].isin(list(ids))].reset_index(drop=True)


def _replace(t: Tables, out: list[Layer], lists: list[dict], on: dt.date) -> list[Layer]:
    """Rule 7: a list with ``replaces`` (the 2024 Section 301 review rates are new totals) switches off
    the layers of the classes it names for the codes it fully covers."""
    by_id = {r["id"]: r for r in lists}
    klass = t.measures.set_index("id")["product_class"].to_dict()
    winners = [x for x in out if x.list_id and x.coverage == "full" and by_id[x.list_id]["replaces"]]
    result = []
    for x in out:
        w = next((w for w in winners if w is not x and _matches(klass.get(x.layer_id, ""), by_id[w.list_id]["replaces"])), None)
        if w is not None and x.coverage == "full":
            x = Layer(
                x.layer_id,
                x.instrument,
                x.authority,
                0.0,
                x.statutory_pct,
                x.list_id,
                f"replaced by {w.list_id}: the 2024 review rate is the new Section 301 total",
                x.coverage,
                x.exclusion_ids,
            )
        result.append(x)
    return result


def additional_duty(code, on, imposer: str, data_dir: Path = DATA_DIR) -> float:
    """Percentage points added on top of the normal duty on ``code`` on ``on`` (full matches only)."""
    return round(sum(x.rate_pct for x in stack(code, on, imposer, data_dir)[1:] if x.coverage == "full"), 6) + 0.0


def product_rates(on, imposer: str = "US", data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """For every product with a trade weight: its value, MFN and points added by each authority on ``on``."""
    return _product_rates(tables(data_dir), _day(on), _imposer(imposer))


def _rates_base(t: Tables, imposer: str) -> dict:
    """What :func:`_product_rates` needs that does not depend on the day, worked out once per loaded
    tables and side: the weighted products, their list membership and normal duties, the lists."""
    kept = t.__dict__.setdefault("_rates_base", {})
    if imposer not in kept:
        w = t.weights[(t.weights["imposer"] == imposer) & (t.weights["basis"] == "product")].reset_index(drop=True)
        codes = w["code"].tolist()
        specific = len(t.mfn[(t.mfn["imposer"] == imposer) & (t.mfn["scope"] != "side-average")])
        kept[imposer] = {
            "codes": codes,
            "values": w["value_usd_m"].astype(float).to_numpy(),
            "mem": _membership(t, tuple(codes)),
            "lines": _membership_cached(_LinesKey(t), tuple(codes)) if t.line_codes else {},
            "lists": t.lists[t.lists["imposer"] == imposer].to_dict("records"),
            "mfn": np.array([_mfn(t, imposer, c) for c in codes], dtype=float) if specific else _mfn(t, imposer, "000000"),
        }
    return kept[imposer]


def _product_rates(t: Tables, on: dt.date, imposer: str) -> pd.DataFrame:
    base = _rates_base(t, imposer)
    codes, mem, lines, lists = base["codes"], base["mem"], base["lines"], base["lists"]
    layers, suspended = _layers_on(t, on, imposer)
    columns: dict[str, object] = {"code": codes, "value": base["values"], "mfn": base["mfn"]}
    none = np.zeros(len(codes), dtype=bool)
    active = [r for r in lists if _list_active(r, on)]
    replacers = [r for r in active if r["action"] == "adds" and r["replaces"]]
    for m in layers.to_dict("records"):
        net = max(float(m["rate_pct"]) - float(suspended.get(m["id"], 0.0)), 0.0)
        if m["scope"] == "all-goods":
            hit = ~none
            for r in lists:
                if r["action"] == "exempts" and m["id"] in r["layer_ids"] and _list_active(r, on):
                    hit = hit & ~mem.get(r["id"], none)
                elif r["action"] == "adds" and _matches(r["product_class"], m["exempt_classes"]) and _list_shields(r, on):
                    hit = hit & ~mem.get(r["id"], none)
        else:
            hit = none.copy()
            for r in active:
                if r["action"] == "adds" and m["id"] in r["layer_ids"]:
                    hit = hit | mem.get(r["id"], none)
            for r in replacers:
                if m["id"] not in r["layer_ids"] and _matches(m["product_class"], r["replaces"]):
                    hit = hit & ~mem.get(r["id"], none)
            for r in active:  # rule 8: whole-line Section 301 exclusions only
                if r["action"] == "exempts" and m["id"] in r["layer_ids"]:
                    hit = hit & ~lines.get(r["id"], none)
        col = authority(m["id"])
        columns[col] = columns.get(col, 0.0) + np.where(hit, net, 0.0)
    return pd.DataFrame(columns)


@functools.lru_cache(maxsize=4)
def _membership_cached(key, codes: tuple) -> dict:
    """For each list, which of ``codes`` it holds: a code is held when its first 4, 6, 8 or 10
    digits (or the whole code) are one of the list's codes. Worked out from an index of the codes'
    prefixes, so the cost follows the lists' sizes, not lists times codes."""
    t = key
    by_prefix: dict[str, list[int]] = {}
    for i, c in enumerate(codes):
        for p in {c[:n] for n in (4, 6, 8, 10)}:
            by_prefix.setdefault(p, []).append(i)
    out = {}
    for lid, members in t.codes_by_list.items():
        hit = np.zeros(len(codes), dtype=bool)
        for m in members:
            if m in by_prefix:
                hit[by_prefix[m]] = True
        out[lid] = hit
    return out


def _membership(t: Tables, codes: tuple) -> dict:
    return _membership_cached(_Key(t), codes)


class _Key:
    """Hashable wrapper so membership is computed once per set of lists: per loaded Tables object,
    and shared by the tables :func:`with_measures` derives from it (they hold the same lists)."""

    def __init__(self, t):
        self.t = t
        self.codes_by_list = t.codes_by_list

    def __hash__(self):
        return id(self.codes_by_list)

    def __eq__(self, other):
        return isinstance(other, _Key) and other.codes_by_list is self.codes_by_list


class _LinesKey(_Key):
    """The same, for the codes excluded as whole lines (rule 8)."""

    def __init__(self, t):
        self.t = t
        self.codes_by_list = t.line_codes


def described_exclusion_share(on, data_dir: Path = DATA_DIR) -> dict:
    """How much the averages could miss by not counting Section 301 exclusions granted by description:
    on ``on``, the US imports (2024 weights) on lines where such an exclusion is in force and a
    Section 301 layer it names still applies, their share of all weighted imports (percent), and the
    points of the average those layers add on them (the most the exclusions could take off)."""
    t, on = tables(data_dir), _day(on)
    p = _product_rates(t, on, "US")
    e = exclusion_table(t)
    active = _exclusion_lists_in_force(t, on)
    codes = {
        c for lid in active for cs in e.loc[(e["list_id"] == lid) & (e["match"] == "description"), "codes"] for c in cs.split(";")
    }
    touched = p["code"].isin(codes) & (p.get("Section 301", 0.0) > 0)
    total = p["value"].sum()
    value = float(p.loc[touched, "value"].sum())
    points = float((p.loc[touched, "Section 301"] * p.loc[touched, "value"]).sum() / total) if touched.any() else 0.0
    return {"value_usd_m": value, "share_pct": float(value / total * 100), "points": points}


def exclusion_lists_in_force(on, data_dir: Path = DATA_DIR) -> list[str]:
    """Ids of the US Section 301 exclusion lists (those product_exclusions.csv fills) in force on ``on``,
    in file order."""
    return _exclusion_lists_in_force(tables(data_dir), _day(on))


def _exclusion_lists_in_force(t: Tables, on: dt.date) -> list[str]:
    ids = set(exclusion_table(t)["list_id"])
    return [r["id"] for r in t.lists.to_dict("records") if r["id"] in ids and r["imposer"] == "US" and _list_active(r, on)]


def described_exclusion_points(on, data_dir: Path = DATA_DIR) -> float:
    """Points of the US average on lines that hold a Section 301 exclusion by description in force
    on ``on``: the most those exclusions could take off the average (see
    :func:`described_exclusion_share`)."""
    return described_exclusion_share(on, data_dir)["points"]


def described_exclusion_import_share(on, data_dir: Path = DATA_DIR) -> float:
    """Share of weighted US imports from China (percent, 2024) on those lines."""
    return described_exclusion_share(on, data_dir)["share_pct"]


def line_exclusion_points(on, data_dir: Path = DATA_DIR) -> float:
    """Points the whole-line Section 301 exclusions in force on ``on`` take off the US average."""
    t = tables(data_dir)
    return round(average_in(dataclasses.replace(t, line_codes={}), on, "US") - average_in(t, on, "US"), 6) + 0.0


def average_by_authority(on, imposer: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The trade-weighted average split by authority: points each contributes and its share of the total."""
    return average_by_authority_in(tables(data_dir), on, imposer)


def average_by_authority_in(t: Tables, on, imposer: str) -> pd.DataFrame:
    """:func:`average_by_authority` computed on the tables ``t`` (e.g. from :func:`with_measures`);
    worked out once per tables, day and side (charts, figures and scenarios ask for the same days)."""
    on, imposer = _day(on), _imposer(imposer)
    kept = t.__dict__.setdefault("_by_authority", {})
    if (on, imposer) not in kept:
        kept[on, imposer] = _by_authority(t, on, imposer)
    return kept[on, imposer].copy()


def _by_authority(t: Tables, on: dt.date, imposer: str) -> pd.DataFrame:
    if imposer == "US":
        p = _product_rates(t, on, imposer)
        total = p["value"].sum()
        cols = ["mfn"] + [c for c in p.columns if c not in ("code", "value", "mfn")]
        rows = [("MFN" if c == "mfn" else c, float((p[c] * p["value"]).sum() / total)) for c in cols]
    else:
        rows = _list_level(t, on, imposer)
    frame = pd.DataFrame(rows, columns=["authority", "points"]).groupby("authority", sort=False, as_index=False)["points"].sum()
    frame = frame[frame["points"] != 0].reset_index(drop=True)
    s = frame["points"].sum()
    frame["share_pct"] = frame["points"] / s * 100 if s else 0.0
    return frame


def _list_level(t: Tables, on: dt.date, imposer: str) -> list[tuple[str, float]]:
    """China (or any side without product weights): MFN + all-goods layers + each coded list's layers
    weighted by the list's announced value over the total of its base year."""
    layers, suspended = _layers_on(t, on, imposer)
    w = t.weights[t.weights["imposer"] == imposer]
    totals = w[w["basis"] == "total"].set_index("base_year")["value_usd_m"].astype(float).to_dict()
    values = w[w["basis"] == "list"].set_index("list_id")
    # rule 8 for a side weighted by list: the lines an exclusion list in force takes off a layer
    # leave that layer's list weight with their own value (product rows of trade_weights.csv)
    line_values = dict(
        zip(w.loc[w["basis"] == "product", "code"], w.loc[w["basis"] == "product", "value_usd_m"].astype(float), strict=False)
    )
    lists = t.lists[t.lists["imposer"] == imposer].to_dict("records")
    rows = [("MFN", _mfn(t, imposer, "000000"))]
    for m in layers.to_dict("records"):
        net = max(float(m["rate_pct"]) - float(suspended.get(m["id"], 0.0)), 0.0)
        if m["scope"] == "all-goods":
            rows.append((authority(m["id"]), net))
            continue
        for r in lists:
            if r["action"] == "adds" and m["id"] in r["layer_ids"] and _list_active(r, on) and r["id"] in values.index:
                v = values.loc[r["id"]]
                held = t.codes_by_list.get(r["id"], set())
                off = {
                    c
                    for x in lists
                    if x["action"] == "exempts" and m["id"] in x["layer_ids"] and _list_active(x, on)
                    for c in t.line_codes.get(x["id"], ())
                    if _held(c, held)
                }
                value = float(v["value_usd_m"]) - sum(line_values.get(c, 0.0) for c in off)
                rows.append((authority(m["id"]), net * value / totals[v["base_year"]]))
    return rows


def average_rate(on, imposer: str, data_dir: Path = DATA_DIR) -> float:
    """Trade-weighted average tariff (percent, MFN included) that ``imposer`` applied on ``on``."""
    return average_in(tables(data_dir), on, imposer)


def average_in(t: Tables, on, imposer: str) -> float:
    """:func:`average_rate` computed on the tables ``t`` (e.g. from :func:`with_measures`)."""
    return round(float(average_by_authority_in(t, on, imposer)["points"].sum()), 6) + 0.0


def with_measures(t: Tables, measures: pd.DataFrame) -> Tables:
    """The tables ``t`` with other tariff layers (e.g. some rows removed). The lists, weights and
    normal duties are shared with ``t``, so list membership is not computed again; every
    ``layer_ids`` entry must still name a row of ``measures`` or be ignored (a removed layer
    simply never applies)."""
    out = dataclasses.replace(t, measures=measures.reset_index(drop=True))
    out.__dict__["_rates_base"] = t.__dict__.setdefault("_rates_base", {})  # same lists, weights, normal duties
    return out


def average_change_dates(t: Tables, imposer: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """Every day in [start, end] on which a counted layer or list of ``imposer`` starts or ends
    (a list's shield date included), plus both ends: the average is constant between them."""
    m = t.measures[(t.measures["imposer"] == imposer) & ~t.measures["status"].isin(NEVER_COUNTED_MEASURES)]
    lists = t.lists[(t.lists["imposer"] == imposer) & ~t.lists["status"].isin(NEVER_COUNTED_LISTS)]
    days = {start, end}
    for frame, columns in ((m, ("effective_from", "effective_to")), (lists, ("effective_from", "effective_to", "shields_from"))):
        for column in columns:
            days |= {d for d in frame[column] if d is not None and start <= d <= end}
    return sorted(days)


def search(words: str, imposer: str | None = None, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Products whose description contains every word (case-insensitive)."""
    p = tables(data_dir).products
    if imposer:
        p = p[p["side"] == _imposer(imposer)]
    text = (p["description"].fillna("") + " " + p["description_zh"].fillna("")).str.lower()
    keep = np.ones(len(p), dtype=bool)
    for w in words.lower().split():
        keep &= text.str.contains(w, regex=False).to_numpy()
    return p[keep].reset_index(drop=True)
