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
 * direction. No third-party code.
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
  function heading(S, E) { return S.headings[E[1].slice(0, E[1].indexOf(")") + 1)]; }

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
      if (!out.removed && e[2] < 0 && e[3].indexOf(code.slice(0, 10)) >= 0) out.removed = { kind: "excluded301", list: e[0], exclusion: k };
    });
    return out;
  }
  function listShields(r, day) { return inForce(r.shield, r.to, day); }

  function stack(data, side, code, day) {
    var S = data.sides[side];
    code = normalise(code);
    if (!isCode(code)) throw new Error('code "' + code + '" is not a code of 6, 8 or 10 digits');
    var mfn = mfnRate(S, code);
    var out = [{ layer: -1, rate: mfn, statutory: mfn, list: -1, removed: null, note: "", coverage: "full" }];
    var cov = coverage(S, code);
    var suspended = {};
    S.layers.forEach(function (L) {
      if (L.sus >= 0 && inForce(L.from, L.to, day)) suspended[L.sus] = (suspended[L.sus] || 0) + L.rate;
    });
    S.layers.forEach(function (L, i) {
      if (L.sus >= 0 || !inForce(L.from, L.to, day)) return;
      var net = Math.max(L.rate - (suspended[i] || 0), 0);
      var note = suspended[i] ? fmt(suspended[i]) + " points suspended" : "";
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
        out.push({ layer: i, rate: removed ? 0 : net, statutory: L.rate, list: -1, removed: removed, note: note, coverage: "full" });
        return;
      }
      for (j = 0; j < S.lists.length; j++) {
        r = S.lists[j];
        if (r.action !== "adds" || r.layers.indexOf(i) < 0 || !listActive(r, day)) continue;
        c = r.none ? "unknown" : cov[j];
        if (c !== "none") {
          var ex = excluded(S, i, code, day);
          out.push({ layer: i, rate: c === "full" && !ex.removed ? net : 0, statutory: L.rate, list: j, removed: ex.removed,
                     note: note, coverage: c, exclusions: ex.ids });
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

  window.TruceLookup = { stack: stack, additionalDuty: additionalDuty, series: series, changeDates: changeDates };

  // Page -----------------------------------------------------------------------------------------

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"];
  var MAX_RESULTS = 20;

  function longDate(iso) {
    var p = iso.split("-");
    return Number(p[2]) + " " + MONTHS[Number(p[1]) - 1] + " " + p[0];
  }

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
        status.textContent = "Loading the tariff data…";
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
            status.textContent = "The tariff data could not be loaded. Check your connection and try again.";
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
      var text = hits.length === 0 ? "No product found" : hits.length === 1 ? "1 product found" :
        hits.length + " products found" + (hits.length > MAX_RESULTS ? ", the first " + MAX_RESULTS + " shown" : "");
      if (exact) text += ". Showing the stack for " + dotted(digits) + ".";
      status.textContent = text + (hits.length && !exact ? ". Choose one to see its duties." : "");
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
      summary.appendChild(el("strong", {}, fmt(mfn + extra) + "%"));
      summary.appendChild(document.createTextNode(" in total on " + longDate(d) + " (" + S.label + "): " +
        fmt(extra) + " points of additional duties on top of a normal duty of " + fmt(mfn) + "%."));
      output.appendChild(summary);
      if (!desc) output.appendChild(el("p", { "class": "lookup-note" }, "This code is not among the products with a description in the data; the duties are those of the lists that hold it or a shorter code."));

      var table = el("table", { "class": "lookup-stack" });
      var head = el("tr");
      ["Layer", "Points", "Why", "Sources", "Chronology"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
      table.appendChild(el("thead")).appendChild(head);
      var body = el("tbody");
      layers.forEach(function (x) {
        var tr = el("tr");
        if (!(x.rate > 0) && x.layer >= 0) tr.className = "is-off";
        var L = x.layer >= 0 ? S.layers[x.layer] : null;
        var name = el("th", { scope: "row" });
        name.appendChild(el("span", { "class": "lookup-authority" }, L ? L.authority : "Normal duty"));
        name.appendChild(el("span", { "class": "lookup-instrument" }, L ? L.instrument : "most-favoured-nation duty (estimate)"));
        tr.appendChild(name);
        tr.appendChild(el("td", { "class": "num" }, x.coverage === "full" ? fmt(x.rate) : "—"));
        var why = el("td");
        var r = x.removed ? S.lists[x.removed.list] : x.list >= 0 ? S.lists[x.list] : null;
        var text;
        if (!L) text = "charged on every good, before any trade-war duty";
        else if (x.removed && x.removed.kind === "exempted") text = "not charged: exempted by ";
        else if (x.removed && x.removed.kind === "excluded") text = "not charged: the instrument excludes goods on ";
        else if (x.removed && x.removed.kind === "replaced") text = "not charged: replaced by the higher review rate of ";
        else if (x.removed && x.removed.kind === "excluded301") {
          var E = S.exclusions[x.removed.exclusion];
          text = "not charged: the whole line is excluded by U.S. note " + E[1] + " (claimed under heading " + heading(S, E) + "), ";
        }
        else if (x.coverage === "unknown") text = "may apply: this list's codes were not retrieved, so it is not counted — ";
        else if (x.coverage === "partial") text = "applies to some codes under this one (type a longer code): ";
        else if (L.all) text = "charged on all goods";
        else text = "listed on ";
        why.appendChild(document.createTextNode(text));
        if (r && L && !(L.all && !x.removed)) why.appendChild(link(r.src.length ? data.sources[r.src[0]][2] : "#", r.name, r.instrument));
        if (x.note) why.appendChild(document.createTextNode(" (" + x.note + ")"));
        var described = (x.exclusions || []).filter(function (k) { return !(x.removed && x.removed.exclusion === k); });
        if (described.length && !x.removed) {
          var box = el("details", { "class": "lookup-exclusions" });
          box.appendChild(el("summary", {}, "partial exclusion: goods that fit " + (described.length === 1 ? "a Section 301 exclusion's description" :
            "one of " + described.length + " Section 301 exclusion descriptions") + " pay no Section 301 duty; not counted here, since a code cannot tell them apart"));
          var ul = el("ul");
          described.forEach(function (k) {
            var E = S.exclusions[k], r = S.lists[E[0]];
            var li = el("li", {}, (E[2] >= 0 ? S.wordings[E[2]] : "the whole line " + E[3].map(dotted).join(", ")) + " — U.S. note " + E[1] + ", heading " + heading(S, E) + ", ");
            li.appendChild(link(r.src.length ? data.sources[r.src[0]][2] : "#", r.name, r.instrument));
            ul.appendChild(li);
          });
          box.appendChild(ul);
          why.appendChild(box);
        }
        if (L && x.rate !== x.statutory && !x.note && x.coverage === "full" && x.rate > 0) why.appendChild(document.createTextNode(" (rate " + fmt(x.statutory) + "%)"));
        tr.appendChild(why);
        var src = el("td");
        if (L) src.appendChild(sourceLinks(L.src));
        tr.appendChild(src);
        var ev = el("td");
        if (L && L.event && eventLinks[L.event]) ev.appendChild(link(eventLinks[L.event], "event", "This move in the chronology"));
        tr.appendChild(ev);
        body.appendChild(tr);
      });
      table.appendChild(body);
      var scroller = el("div", { "class": "table-scroll", tabindex: "0", role: "region", "aria-label": "Duties layer by layer" });
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
      svg.setAttribute("aria-label", "Step chart of the additional duty on " + dotted(code) + " since " + longDate(data.start) +
        ": highest " + fmt(peak[1]) + " points from " + longDate(peak[0]) + "; " + fmt(steps[steps.length - 1][1]) + " points on " + longDate(data.asOf) + ".");
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
      fig.appendChild(el("figcaption", {}, "Additional duty (points over the normal duty) since " + longDate(data.start) +
        "; the vertical line marks " + longDate(d) + "."));
      var details = el("details");
      details.appendChild(el("summary", {}, "Show the changes as a table"));
      var t = el("table");
      var hr = el("tr");
      hr.appendChild(el("th", { scope: "col" }, "From"));
      hr.appendChild(el("th", { scope: "col" }, "Additional duty (points)"));
      t.appendChild(el("thead")).appendChild(hr);
      var tb = el("tbody");
      steps.forEach(function (p) {
        var tr = el("tr");
        tr.appendChild(el("td", {}, longDate(p[0])));
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
