/* Truce Tracker: the product lookup (Tariffs › Product lookup).
 *
 * Computes one product's tariff stack for any day from the data the build publishes
 * (truce.blocks.products.lookup_data), by the rules of truce.analysis.products.stack:
 *   1. a layer counts while effective_from <= day < effective_to; a suspension takes its points
 *      off the layer it names;
 *   2. a product-specific layer applies while one of its lists is in force and holds the code
 *      or a prefix of it (a list with no codes shows with coverage "unknown");
 *   3. an all-goods layer applies except to codes on an exemption list in force, or on a list
 *      whose class the layer excludes while that list shields its goods;
 *   4. a list that "replaces" (the 2024 Section 301 review rates) switches off the layers of the
 *      classes it names for the codes it covers;
 *   5. a Section 301 product exclusion in force that names a whole 10-digit line takes the layer
 *      it names off that line; one granted by description is shown with the layer, not counted.
 * The data of each direction is fetched once, the first time the reader asks about that
 * direction. The words come with the page in its edition's language (a JSON script element,
 * truce.blocks.products.LOOKUP_WORDS); WORDS below is their English, used for any word the page
 * does not give. No third-party code.
 */
(function () {
  "use strict";

  // Computation ---------------------------------------------------------------------------------

  function inForce(from, to, day) { return !!from && from <= day && (!to || day < to); }

  function normalise(code) { return String(code || "").replace(/[.\s]/g, ""); }

  function isCode(code) { return /^(\d{6}|\d{8}|\d{10})$/.test(code); }

  function mfnRate(S, code) {
    var n, key;
    for (n = 10; n >= 2; n -= 2) {
      key = code.slice(0, n);
      if (code.length >= n && Object.prototype.hasOwnProperty.call(S.mfn.codes, key)) return S.mfn.codes[key];
    }
    return S.mfn.average;
  }

  // coverage of each list for a code: "full" (the code or a prefix of it is listed),
  // "partial" (a longer listed code starts with it), or "none"
  function coverage(S, code) {
    var cov = S.lists.map(function () { return "none"; });
    Object.keys(S.codes).forEach(function (listed) {
      if (listed.length > code.length && listed.lastIndexOf(code, 0) === 0) {
        S.codes[listed].forEach(function (j) { cov[j] = "partial"; });
      }
    });
    [4, 6, 8, 10].forEach(function (n) {
      if (n > code.length) return;
      var hit = S.codes[code.slice(0, n)];
      if (hit) hit.forEach(function (j) { cov[j] = "full"; });
    });
    return cov;
  }

  function listActive(r, day) { return inForce(r.from, r.to, day); }

  // the Chapter 99 heading under which an exclusion is claimed: one per note, e.g. 20(vvv)
  // (China's exclusions carry the announcement that grants them as a fifth item)
  function heading(S, E) { return E.length > 4 ? E[4] : S.headings[E[1].slice(0, E[1].indexOf(")") + 1)]; }

  // rule 5: the Section 301 exclusions in force that name layer i and touch the code; removed when
  // one of them excludes the code's whole line
  function excluded(S, i, code, day) {
    var out = { removed: null, ids: [] };
    (S.exclusions || []).forEach(function (e, k) {
      var r = S.lists[e[0]];
      if (r.action !== "exempts" || r.layers.indexOf(i) < 0 || !listActive(r, day)) return;
      var touches = e[3].some(function (c) { return c.lastIndexOf(code, 0) === 0 || code.lastIndexOf(c, 0) === 0; });
      if (!touches) return;
      out.ids.push(k);
      var whole = e[3].some(function (c) { return code.lastIndexOf(c, 0) === 0; });
      if (!out.removed && e[2] < 0 && whole) out.removed = { kind: "excluded301", list: e[0], exclusion: k };
    });
    return out;
  }
  function listShields(r, day) { return inForce(r.shield, r.to, day); }

  function stack(data, side, code, day) {
    var S = data.sides[side];
    code = normalise(code);
    if (!isCode(code)) throw new Error('code "' + code + '" is not a code of 6, 8 or 10 digits');
    var mfn = mfnRate(S, code);
    var out = [{ layer: -1, rate: mfn, statutory: mfn, list: -1, removed: null, suspended: 0, coverage: "full" }];
    var cov = coverage(S, code);
    var suspended = {};
    S.layers.forEach(function (L) {
      if (L.sus >= 0 && inForce(L.from, L.to, day)) suspended[L.sus] = (suspended[L.sus] || 0) + L.rate;
    });
    S.layers.forEach(function (L, i) {
      if (L.sus >= 0 || !inForce(L.from, L.to, day)) return;
      var net = Math.max(L.rate - (suspended[i] || 0), 0);
      var off = suspended[i] || 0;
      var j, r, c;
      if (L.all) {
        var removed = null;
        for (j = 0; j < S.lists.length; j++) {
          r = S.lists[j];
          if (r.action === "exempts" && r.layers.indexOf(i) >= 0 && listActive(r, day) && cov[j] === "full") {
            removed = { kind: "exempted", list: j }; break;
          }
          if (r.action === "adds" && L.shieldedBy.indexOf(j) >= 0 && listShields(r, day) && cov[j] === "full") {
            removed = { kind: "excluded", list: j }; break;
          }
        }
        out.push({ layer: i, rate: removed ? 0 : net, statutory: L.rate, list: -1, removed: removed, suspended: off,
                   coverage: "full" });
        return;
      }
      for (j = 0; j < S.lists.length; j++) {
        r = S.lists[j];
        if (r.action !== "adds" || r.layers.indexOf(i) < 0 || !listActive(r, day)) continue;
        c = r.none ? "unknown" : cov[j];
        if (c !== "none") {
          var ex = excluded(S, i, code, day);
          out.push({ layer: i, rate: c === "full" && !ex.removed ? net : 0, statutory: L.rate, list: j, removed: ex.removed,
                     suspended: off, coverage: c, exclusions: ex.ids });
          break;
        }
      }
    });
    var winners = out.filter(function (x) { return x.list >= 0 && x.coverage === "full" && S.lists[x.list].replaces.length; });
    out.forEach(function (x) {
      var w = null;
      for (var k = 0; k < winners.length; k++) {
        if (winners[k] !== x && S.lists[winners[k].list].replaces.indexOf(x.layer) >= 0) { w = winners[k]; break; }
      }
      if (w && x.coverage === "full") { x.rate = 0; x.removed = { kind: "replaced", list: w.list }; }
    });
    return out;
  }

  function round6(x) { return Math.round(x * 1e6) / 1e6 + 0; }

  function additionalDuty(data, side, code, day) {
    var total = 0;
    stack(data, side, code, day).slice(1).forEach(function (x) { if (x.coverage === "full") total += x.rate; });
    return round6(total);
  }

  // the days on which any layer or list of the side starts or ends, within [start, end]
  function changeDates(data, side, start, end) {
    var S = data.sides[side], days = {};
    days[start] = days[end] = true;
    function add(d) { if (d && d >= start && d <= end) days[d] = true; }
    S.layers.forEach(function (L) { add(L.from); add(L.to); });
    S.lists.forEach(function (r) { add(r.from); add(r.to); add(r.shield); });
    return Object.keys(days).sort();
  }

  // the additional duty as steps: [[day, points], …], one entry per change of value
  function series(data, side, code) {
    var steps = [];
    changeDates(data, side, data.start, data.asOf).forEach(function (d) {
      var v = additionalDuty(data, side, code, d);
      if (!steps.length || steps[steps.length - 1][1] !== v) steps.push([d, v]);
    });
    return steps;
  }

  function fmt(x) { return String(Math.round(x * 10) / 10); }

  // Words ----------------------------------------------------------------------------------------

  // The English of every word the page writes, by key; {name} is a value filled in by fill() or
  // nodes(). The page gives its edition's words (same keys) in <script class="lookup-words">.
  var WORDS = {
    loading: "Loading the tariff data…",
    loadFailed: "The tariff data could not be loaded. Check your connection and try again.",
    found0: "No product found",
    found1: "1 product found",
    foundN: "{n} products found",
    firstShown: ", the first {max} shown",
    showingStack: ". Showing the stack for {code}.",
    chooseOne: ". Choose one to see its duties.",
    summary: "{total} in total on {day} ({side}): {extra} points of additional duties on top of a normal duty of {mfn}%.",
    noDescription: "This code is not among the products with a description in the data; the duties are those of the lists " +
      "that hold it or a shorter code.",
    layer: "Layer",
    points: "Points",
    why: "Why",
    sources: "Sources",
    chronology: "Chronology",
    normalDuty: "Normal duty",
    mfnEstimate: "most-favoured-nation duty (estimate)",
    mfnWhy: "charged on every good, before any trade-war duty",
    exempted: "not charged: exempted by {list}",
    excluded: "not charged: the instrument excludes goods on {list}",
    replaced: "not charged: replaced by the higher review rate of {list}",
    excluded301: "not charged: the whole line is excluded by U.S. note {note} (claimed under heading {heading}), {list}",
    unknown: "may apply: this list's codes were not retrieved, so it is not counted — {list}",
    partial: "applies to some codes under this one (type a longer code): {list}",
    allGoods: "charged on all goods",
    listed: "listed on {list}",
    suspended: " ({points} points suspended)",
    rate: " (rate {rate}%)",
    partialExclusion1: "partial exclusion: goods that fit a Section 301 exclusion's description pay no Section 301 duty; " +
      "not counted here, since a code cannot tell them apart",
    partialExclusionN: "partial exclusion: goods that fit one of {n} Section 301 exclusion descriptions pay no Section 301 duty; " +
      "not counted here, since a code cannot tell them apart",
    wholeLine: "the whole line {codes}",
    exclusion: "{wording} — U.S. note {note}, heading {heading}, {list}",
    excludedCN: "not charged: the whole line is excluded by Customs Tariff Commission Announcement {heading}, {note}: {list}",
    partialExclusionCN1: "partial exclusion: goods that fit an exclusion's description pay none of China's duties against Section 301; " +
      "not counted here, since a code cannot tell them apart",
    partialExclusionCNN: "partial exclusion: goods that fit one of {n} exclusion descriptions pay none of China's duties against Section 301; " +
      "not counted here, since a code cannot tell them apart",
    exclusionCN: "{wording} — Customs Tariff Commission Announcement {heading}, {note}: {list}",
    codeSeparator: ", ",
    event: "event",
    eventTitle: "This move in the chronology",
    stackLabel: "Duties layer by layer",
    chartLabel: "Step chart of the additional duty on {code} since {start}: highest {peak} points from {peakDay}; " +
      "{last} points on {asOf}.",
    chartCaption: "Additional duty (points over the normal duty) since {start}; the vertical line marks {day}.",
    showTable: "Show the changes as a table",
    from: "From",
    dutyPoints: "Additional duty (points)",
    date: "{day} {month} {year}",
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
  };

  // the words of a lookup box: the page's, else the English
  function pageWords(box) {
    var given = {}, node = box.querySelector("script.lookup-words"), W = {};
    if (node) {
      try { given = JSON.parse(node.textContent) || {}; } catch (e) { given = {}; }
    }
    Object.keys(WORDS).forEach(function (k) {
      W[k] = Object.prototype.hasOwnProperty.call(given, k) ? given[k] : WORDS[k];
    });
    return W;
  }

  // a template with its {name} placeholders filled in (an unknown name stays as it is)
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  // the same as nodes to append: a value that is a DOM node (a link) goes in where its name stands,
  // the text around it as one text node
  function nodes(template, values) {
    var frag = document.createDocumentFragment(), text = "";
    template.split(/(\{\w+\})/).forEach(function (part) {
      var name = /^\{(\w+)\}$/.exec(part);
      var value = name && Object.prototype.hasOwnProperty.call(values, name[1]) ? values[name[1]] : part;
      if (value && value.nodeType) {
        if (text) frag.appendChild(document.createTextNode(text));
        text = "";
        frag.appendChild(value);
      } else if (value != null) text += String(value);
    });
    if (text) frag.appendChild(document.createTextNode(text));
    return frag;
  }

  // 1 July 2019 / 2019年7月1日, as truce.i18n.day writes it
  function longDate(iso, W) {
    var p = iso.split("-");
    W = W || WORDS;
    return fill(W.date, { day: Number(p[2]), month: W.months[Number(p[1]) - 1], year: p[0] });
  }

  window.TruceLookup = { stack: stack, additionalDuty: additionalDuty, series: series, changeDates: changeDates,
                         words: WORDS, fill: fill, longDate: longDate };

  // Page -----------------------------------------------------------------------------------------

  var MAX_RESULTS = 20;

  function dotted(code) {
    if (code.length === 10) return code.slice(0, 4) + "." + code.slice(4, 6) + "." + code.slice(6);
    if (code.length === 8) return code.slice(0, 4) + "." + code.slice(4, 6) + "." + code.slice(6);
    if (code.length === 6) return code.slice(0, 4) + "." + code.slice(4);
    return code;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  function link(href, text, title) {
    var a = el("a", { href: href, rel: "noopener" }, text);
    if (title) a.title = title;
    return a;
  }

  function setup(box) {
    var W = pageWords(box);
    function say(key, values) { return fill(W[key], values || {}); }
    function dateText(iso) { return longDate(iso, W); }
    var form = box.querySelector(".lookup-form");
    var status = box.querySelector(".lookup-status");
    var results = box.querySelector(".lookup-results");
    var output = box.querySelector(".lookup-result");
    var eventLinks = {};
    var tpl = box.querySelector("template.lookup-events");
    if (tpl) {
      Array.prototype.forEach.call(tpl.content.querySelectorAll("a[data-event]"), function (a) {
        eventLinks[a.getAttribute("data-event")] = a.getAttribute("href");
      });
    }
    // one data file per direction, fetched the first time a reader picks that direction; the
    // sides gathered so far share one object (the sources' indices are the same in every file)
    var data = null, loading = {}, products = {}, chosen = null;

    function load() {
      var s = side();
      if (!loading[s]) {
        status.textContent = say("loading");
        loading[s] = fetch(box.getAttribute("data-src").replace("{side}", s.toLowerCase()))
          .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
          .then(function (d) {
            if (!data) data = { asOf: d.asOf, start: d.start, sources: d.sources, sides: {} };
            data.sides[s] = d.sides[s];
            products[s] = d.sides[s].products.split("\n").map(function (line) {
              var tab = line.indexOf("\t");
              var desc = line.slice(tab + 1);
              return { code: line.slice(0, tab), desc: desc, text: desc.toLowerCase() };
            });
            status.textContent = "";
            return data;
          })
          .catch(function () {
            loading[s] = null;
            status.textContent = say("loadFailed");
          });
      }
      return loading[s];
    }

    function side() { return form.elements.side.value || "US"; }
    function day() {
      var d = form.elements.day.value;
      var min = form.elements.day.min, max = form.elements.day.max;
      if (!d) return max;
      return d < min ? min : d > max ? max : d;
    }

    function describe(s, code) {
      var found = null;
      products[s].some(function (p) { if (p.code === code) { found = p; return true; } return false; });
      return found ? found.desc : "";
    }

    function search() {
      var q = form.elements.q.value.trim();
      results.textContent = "";
      if (!q) { status.textContent = ""; return; }
      var s = side(), list = products[s], digits = normalise(q), hits;
      if (/^\d+$/.test(digits)) {
        hits = list.filter(function (p) { return p.code.lastIndexOf(digits, 0) === 0; });
      } else {
        var words = q.toLowerCase().split(/\s+/).filter(Boolean);
        hits = list.filter(function (p) { return words.every(function (w) { return p.text.indexOf(w) >= 0; }); });
      }
      var exact = /^\d+$/.test(digits) && isCode(digits);
      var text = hits.length === 0 ? say("found0") : hits.length === 1 ? say("found1") :
        say("foundN", { n: hits.length }) + (hits.length > MAX_RESULTS ? say("firstShown", { max: MAX_RESULTS }) : "");
      if (exact) text += say("showingStack", { code: dotted(digits) });
      status.textContent = text + (hits.length && !exact ? say("chooseOne") : "");
      hits.slice(0, MAX_RESULTS).forEach(function (p) {
        var li = el("li");
        var b = el("button", { type: "button", "data-code": p.code });
        b.appendChild(el("span", { "class": "lookup-code" }, dotted(p.code)));
        b.appendChild(el("span", { "class": "lookup-desc" }, p.desc));
        b.addEventListener("click", function () { choose(p.code, true); });
        li.appendChild(b);
        results.appendChild(li);
      });
      if (exact) choose(digits, false);
    }

    function choose(code, focus) {
      chosen = code;
      render();
      remember();
      if (focus) output.focus();
    }

    function remember() {
      var params = new URLSearchParams();
      params.set("side", side());
      if (form.elements.q.value.trim()) params.set("find", form.elements.q.value.trim());
      if (chosen) params.set("code", chosen);
      if (form.elements.day.value && form.elements.day.value !== form.elements.day.max) params.set("day", form.elements.day.value);
      window.history.replaceState(null, "", window.location.pathname + "?" + params.toString());
    }

    function sourceLinks(ids) {
      var span = el("span", { "class": "lookup-sources" });
      ids.forEach(function (k, n) {
        var src = data.sources[k];
        if (n) span.appendChild(document.createTextNode("; "));
        span.appendChild(link(src[2], src[0], src[1]));
      });
      return span;
    }

    function render() {
      if (!data || !chosen) return;
      var s = side(), S = data.sides[s], d = day(), layers;
      try { layers = stack(data, s, chosen, d); } catch (e) { output.hidden = true; return; }
      var extra = 0;
      layers.slice(1).forEach(function (x) { if (x.coverage === "full") extra += x.rate; });
      extra = round6(extra);
      var mfn = layers[0].rate;
      output.textContent = "";
      output.hidden = false;
      var desc = describe(s, chosen);
      output.appendChild(el("h2", { "class": "lookup-title" }, dotted(chosen) + (desc ? " — " + desc : "")));
      var summary = el("p", { "class": "lookup-summary" });
      summary.appendChild(nodes(W.summary, { total: el("strong", {}, fmt(mfn + extra) + "%"), day: dateText(d), side: S.label,
                                             extra: fmt(extra), mfn: fmt(mfn) }));
      output.appendChild(summary);
      if (!desc) output.appendChild(el("p", { "class": "lookup-note" }, say("noDescription")));

      var table = el("table", { "class": "lookup-stack" });
      var head = el("tr");
      ["layer", "points", "why", "sources", "chronology"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, say(h))); });
      table.appendChild(el("thead")).appendChild(head);
      var body = el("tbody");
      layers.forEach(function (x) {
        var tr = el("tr");
        if (!(x.rate > 0) && x.layer >= 0) tr.className = "is-off";
        var L = x.layer >= 0 ? S.layers[x.layer] : null;
        var name = el("th", { scope: "row" });
        name.appendChild(el("span", { "class": "lookup-authority" }, L ? L.authority : say("normalDuty")));
        name.appendChild(el("span", { "class": "lookup-instrument" }, L ? L.instrument : say("mfnEstimate")));
        tr.appendChild(name);
        tr.appendChild(el("td", { "class": "num" }, x.coverage === "full" ? fmt(x.rate) : "—"));
        var why = el("td");
        var r = x.removed ? S.lists[x.removed.list] : x.list >= 0 ? S.lists[x.list] : null;
        // the list named in the reason, as a link to its source
        var values = { list: r && L && !(L.all && !x.removed) ? link(r.src.length ? data.sources[r.src[0]][2] : "#", r.name, r.instrument) : "" };
        var key;
        if (!L) key = "mfnWhy";
        else if (x.removed && x.removed.kind === "exempted") key = "exempted";
        else if (x.removed && x.removed.kind === "excluded") key = "excluded";
        else if (x.removed && x.removed.kind === "replaced") key = "replaced";
        else if (x.removed && x.removed.kind === "excluded301") {
          var E = S.exclusions[x.removed.exclusion];
          key = E.length > 4 ? "excludedCN" : "excluded301";
          values.note = E[1];
          values.heading = heading(S, E);
        }
        else if (x.coverage === "unknown") key = "unknown";
        else if (x.coverage === "partial") key = "partial";
        else if (L.all) key = "allGoods";
        else key = "listed";
        why.appendChild(nodes(W[key], values));
        if (x.suspended) why.appendChild(document.createTextNode(say("suspended", { points: fmt(x.suspended) })));
        var described = (x.exclusions || []).filter(function (k) { return !(x.removed && x.removed.exclusion === k); });
        if (described.length && !x.removed) {
          var box = el("details", { "class": "lookup-exclusions" });
          var cn = S.exclusions[described[0]].length > 4, n = { n: described.length };
          var summary = cn ? (described.length === 1 ? say("partialExclusionCN1") : say("partialExclusionCNN", n))
            : (described.length === 1 ? say("partialExclusion1") : say("partialExclusionN", n));
          box.appendChild(el("summary", {}, summary));
          var ul = el("ul");
          described.forEach(function (k) {
            var E = S.exclusions[k], r = S.lists[E[0]];
            var li = el("li");
            li.appendChild(nodes(E.length > 4 ? W.exclusionCN : W.exclusion, {
              wording: E[2] >= 0 ? S.wordings[E[2]] : say("wholeLine", { codes: E[3].map(dotted).join(W.codeSeparator) }),
              note: E[1], heading: heading(S, E), list: link(r.src.length ? data.sources[r.src[0]][2] : "#", r.name, r.instrument)
            }));
            ul.appendChild(li);
          });
          box.appendChild(ul);
          why.appendChild(box);
        }
        if (L && x.rate !== x.statutory && !x.suspended && x.coverage === "full" && x.rate > 0) why.appendChild(document.createTextNode(say("rate", { rate: fmt(x.statutory) })));
        tr.appendChild(why);
        var src = el("td");
        if (L) src.appendChild(sourceLinks(L.src));
        tr.appendChild(src);
        var ev = el("td");
        if (L && L.event && eventLinks[L.event]) ev.appendChild(link(eventLinks[L.event], say("event"), say("eventTitle")));
        tr.appendChild(ev);
        body.appendChild(tr);
      });
      table.appendChild(body);
      var scroller = el("div", { "class": "table-scroll", tabindex: "0", role: "region", "aria-label": say("stackLabel") });
      scroller.appendChild(table);
      output.appendChild(scroller);
      output.appendChild(chart(s, chosen, d));
    }

    // a small step chart of the product's additional duty since the start of the data
    function chart(s, code, d) {
      var steps = series(data, s, code);
      var fig = el("figure", { "class": "lookup-chart" });
      var w = Math.max(280, Math.min(output.clientWidth || 600, 720)), h = 170;
      var m = { l: 34, r: 10, t: 10, b: 22 };
      var t0 = Date.parse(data.start), t1 = Date.parse(data.asOf);
      var top = Math.max(10, Math.ceil(Math.max.apply(null, steps.map(function (p) { return p[1]; })) / 25) * 25);
      function x(iso) { return m.l + (Date.parse(iso) - t0) / (t1 - t0) * (w - m.l - m.r); }
      function y(v) { return h - m.b - v / top * (h - m.t - m.b); }
      var ns = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", "0 0 " + w + " " + h);
      svg.setAttribute("width", w);
      svg.setAttribute("height", h);
      svg.setAttribute("role", "img");
      var peak = steps.reduce(function (a, p) { return p[1] > a[1] ? p : a; }, steps[0]);
      svg.setAttribute("aria-label", say("chartLabel", { code: dotted(code), start: dateText(data.start), peak: fmt(peak[1]),
        peakDay: dateText(peak[0]), last: fmt(steps[steps.length - 1][1]), asOf: dateText(data.asOf) }));
      function add(tag, attrs, text) {
        var n = document.createElementNS(ns, tag);
        Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
        if (text != null) n.textContent = text;
        svg.appendChild(n);
        return n;
      }
      [0, top / 2, top].forEach(function (v) {
        add("line", { x1: m.l, x2: w - m.r, y1: y(v), y2: y(v), "class": "grid" });
        add("text", { x: m.l - 4, y: y(v) + 4, "text-anchor": "end" }, fmt(v));
      });
      var y0 = Number(data.start.slice(0, 4)), y1 = Number(data.asOf.slice(0, 4));
      for (var yr = y0; yr <= y1; yr++) {
        var xx = x(yr + "-01-01");
        if (yr % (w < 420 ? 2 : 1) === 0) add("text", { x: xx, y: h - 6, "text-anchor": "middle" }, String(yr));
      }
      var path = "";
      steps.forEach(function (p, k) {
        var next = k + 1 < steps.length ? steps[k + 1][0] : data.asOf;
        path += (k ? "L" : "M") + x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1) + "L" + x(next).toFixed(1) + "," + y(p[1]).toFixed(1);
      });
      add("path", { d: path, "class": "line line-" + s });
      add("line", { x1: x(d), x2: x(d), y1: m.t, y2: h - m.b, "class": "marker" });
      fig.appendChild(svg);
      fig.appendChild(el("figcaption", {}, say("chartCaption", { start: dateText(data.start), day: dateText(d) })));
      var details = el("details");
      details.appendChild(el("summary", {}, say("showTable")));
      var t = el("table");
      var hr = el("tr");
      hr.appendChild(el("th", { scope: "col" }, say("from")));
      hr.appendChild(el("th", { scope: "col" }, say("dutyPoints")));
      t.appendChild(el("thead")).appendChild(hr);
      var tb = el("tbody");
      steps.forEach(function (p) {
        var tr = el("tr");
        tr.appendChild(el("td", {}, dateText(p[0])));
        tr.appendChild(el("td", {}, fmt(p[1])));
        tb.appendChild(tr);
      });
      t.appendChild(tb);
      details.appendChild(t);
      fig.appendChild(details);
      return fig;
    }

    function fromUrl() {
      var params = new URLSearchParams(window.location.search);
      if (params.get("side") === "CN" || params.get("side") === "US") form.elements.side.value = params.get("side");
      if (params.get("day")) form.elements.day.value = params.get("day");
      if (params.get("find")) form.elements.q.value = params.get("find");
      chosen = params.get("code") || null;
      return params.has("find") || params.has("code");
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      load().then(function () { search(); var first = results.querySelector("button"); if (first && !chosen) first.focus(); });
    });
    // arrow keys move between the search box and the results
    box.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var buttons = Array.prototype.slice.call(results.querySelectorAll("button"));
      var at = buttons.indexOf(document.activeElement);
      if (e.target === form.elements.q && e.key === "ArrowDown" && buttons.length) { buttons[0].focus(); e.preventDefault(); }
      else if (at >= 0) {
        e.preventDefault();
        if (e.key === "ArrowDown" && at + 1 < buttons.length) buttons[at + 1].focus();
        else if (e.key === "ArrowUp") (at ? buttons[at - 1] : form.elements.q).focus();
      }
    });
    form.addEventListener("focusin", function () { load(); });
    form.elements.q.addEventListener("input", function () { load().then(function () { chosen = null; output.hidden = true; search(); }); });
    Array.prototype.forEach.call(form.elements.side, function (r) {
      r.addEventListener("change", function () { load().then(function () { chosen = null; output.hidden = true; search(); remember(); }); });
    });
    form.elements.day.addEventListener("change", function () { load().then(function () { render(); remember(); }); });
    if (fromUrl()) {
      var keep = chosen;
      load().then(function () { search(); if (keep) { chosen = keep; render(); } });
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".lookup[data-src]"), function (box) {
      if (box.dataset.ready) return;
      box.dataset.ready = "1";
      setup(box);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
