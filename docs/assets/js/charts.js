/* Truce Tracker charts. Every chart arrives as a static picture drawn at build time. Charts
   with controls (sliders, zoom, hover values) carry their Vega-Lite spec: when the reader asks
   for them (the "interactive version" button, or the mouse entering the chart), this script
   loads the self-hosted Vega bundle and swaps in the live chart, re-drawn on a theme switch. */
(function () {
  "use strict";
  var DARK = { "#0072B2": "#56B4E9", "#D55E00": "#F0A35E", "#009E73": "#3CCB9A" };

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function recolour(text, dark) {
    if (!dark) return text;
    Object.keys(DARK).forEach(function (light) {
      text = text.split(light).join(DARK[light]);
    });
    return text;
  }

  // Vega titles do not wrap: split long titles into lines that fit the chart's width.
  function wrap(text, maxChars) {
    if (typeof text !== "string" || text.length <= maxChars) return text;
    var lines = [], line = "";
    text.split(" ").forEach(function (word) {
      if ((line + " " + word).trim().length > maxChars && line) { lines.push(line); line = word; }
      else { line = (line + " " + word).trim(); }
    });
    if (line) lines.push(line);
    return lines;
  }

  function fitTitle(spec, width) {
    var max = Math.max(24, Math.floor(width / 9));
    if (!spec.title) return;
    if (typeof spec.title === "string") spec.title = { text: spec.title };
    spec.title.text = wrap(spec.title.text, max);
    if (spec.title.subtitle) spec.title.subtitle = wrap(spec.title.subtitle, Math.floor(max * 1.1));
  }

  function render(el) {
    var json = el.querySelector('script[type="application/json"]');
    if (!json || !window.vegaEmbed) return Promise.resolve();
    var dark = isDark();
    var spec = JSON.parse(recolour(json.textContent, dark));
    spec.background = null;
    // marks carry no ARIA roles of their own: the figure has a description and a data table
    spec.config = Object.assign({}, spec.config, { aria: false });
    fitTitle(spec, el.clientWidth || 600);
    var target = el.querySelector(".truce-chart-canvas");
    if (!target) {
      target = document.createElement("div");
      target.className = "truce-chart-canvas";
      el.appendChild(target);
    }
    if (el._view) { el._view.finalize(); }
    return window.vegaEmbed(target, spec, {
      actions: false,
      renderer: "svg",
      theme: dark ? "dark" : undefined,
      config: { background: null, font: "inherit", aria: false },
      description: spec.description
    }).then(function (result) {
      el._view = result.view;
      var svg = target.querySelector("svg");
      if (svg) svg.setAttribute("aria-hidden", "true");
      el.classList.add("is-live");
      el.setAttribute("data-theme", dark ? "dark" : "light");
    }).catch(function (err) {
      el.classList.add("has-error");
      console.error("chart", el.getAttribute("data-chart"), err);
    });
  }

  // The Vega bundle (about 300 KB compressed) is fetched only when a reader asks for it.
  var me = document.currentScript;
  var vegaSrc = me && me.getAttribute("data-vega");
  var vegaLoading = null;

  function loadVega() {
    if (window.vegaEmbed) return Promise.resolve();
    if (!vegaLoading) {
      vegaLoading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = vegaSrc; s.async = true;
        s.onload = resolve; s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return vegaLoading;
  }

  function activate(el, fromButton) {
    if (el._wanted) return;
    el._wanted = true;
    el.setAttribute("aria-busy", "true");
    loadVega().then(function () { return render(el); }).then(function () {
      el.removeAttribute("aria-busy");
      if (!fromButton) return;
      // keep the keyboard where the reader was: on the chart's first control, or the chart
      var control = null;
      var json = el.querySelector('script[type="application/json"]');
      ((json && json.textContent.match(/"element":"#[\w-]+"/g)) || []).some(function (m) {
        var box = document.getElementById(m.slice(12, -1));
        control = box && box.querySelector("input, select");
        return !!control;
      });
      control = control || el.querySelector(".truce-chart-canvas input, .truce-chart-canvas select");
      var canvas = el.querySelector(".truce-chart-canvas");
      if (!control && canvas) { canvas.setAttribute("tabindex", "-1"); }
      (control || canvas || el).focus();
    }, function (err) {
      el.removeAttribute("aria-busy");
      console.error("chart", el.getAttribute("data-chart"), err);
    });
  }

  function start() {
    document.querySelectorAll(".truce-chart[data-interactive]").forEach(function (el) {
      var button = el.querySelector(".truce-chart-explore");
      if (button) {
        button.hidden = false;
        button.addEventListener("click", function () { activate(el, true); });
      }
      el.addEventListener("pointerenter", function (e) { if (e.pointerType === "mouse") activate(el, false); });
    });
    new MutationObserver(function (changes) {
      if (!changes.some(function (c) { return c.attributeName === "data-md-color-scheme"; })) return;
      document.querySelectorAll(".truce-chart.is-live").forEach(render);
    }).observe(document.body, { attributes: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
