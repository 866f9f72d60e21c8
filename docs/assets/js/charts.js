/* Truce Tracker charts: render every .truce-chart with the self-hosted vega-embed,
   and re-render when the reader switches between light and dark mode. */
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
    if (!json || !window.vegaEmbed) return;
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
    window.vegaEmbed(target, spec, {
      actions: false,
      renderer: "svg",
      theme: dark ? "dark" : undefined,
      // marks carry no ARIA roles of their own: the figure has a description and a data table
      config: { background: null, font: "inherit", aria: false },
      description: spec.description
    }).then(function (result) {
      el._view = result.view;
      // the picture is described by the text before it and the data table after it
      var svg = target.querySelector("svg");
      if (svg) svg.setAttribute("aria-hidden", "true");
      el.classList.add("is-drawn");
      el.setAttribute("data-theme", dark ? "dark" : "light");
    }).catch(function (err) {
      el.classList.add("has-error");
      console.error("chart", el.getAttribute("data-chart"), err);
    });
  }

  // The Vega bundle (about 300 KB compressed) is fetched only when a chart nears the screen.
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

  function show(el) {
    el._wanted = true;
    loadVega().then(function () { render(el); });
  }

  function renderAll() {
    document.querySelectorAll(".truce-chart").forEach(function (el) { if (el._wanted) render(el); });
  }

  function start() {
    var charts = document.querySelectorAll(".truce-chart");
    if ("IntersectionObserver" in window) {
      var io = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          if (e.isIntersecting) { io.unobserve(e.target); show(e.target); }
        });
      }, { rootMargin: "300px 0px" });
      charts.forEach(function (el) { io.observe(el); });
    } else {
      charts.forEach(show);
    }
    new MutationObserver(function (changes) {
      if (changes.some(function (c) { return c.attributeName === "data-md-color-scheme"; })) renderAll();
    }).observe(document.body, { attributes: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
