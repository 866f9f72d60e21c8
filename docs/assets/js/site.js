/* Truce Tracker: small progressive enhancements shared by every page. */
// The page's words in its language: English, or Chinese on the Chinese edition (lang="zh-Hans").
var TRUCE_ZH = (document.documentElement.lang || "").indexOf("zh") === 0;
var TRUCE_WORDS = {
  shown: function (n, total) { return TRUCE_ZH ? "显示" + n + "条，共" + total + "条" : n + " of " + total + " events shown"; },
  noLayer: TRUCE_ZH ? "没有针对全部商品的关税层" : "no across-the-board layer",
  points: function (name, n) { return TRUCE_ZH ? name + "：" + n + "个百分点" : name + ": " + n + " points"; },
  copy: TRUCE_ZH ? "复制嵌入代码" : "Copy the embed code",
  copied: TRUCE_ZH ? "已复制" : "Copied",
  selectCopy: TRUCE_ZH ? "请选中上面的代码并复制" : "Select the code above and copy it"
};
(function () {
  "use strict";
  // Chronology filters: lever, actor, direction and free text, kept in the URL.
  function setupFilters(root) {
    var form = root.querySelector("form.chrono-filters");
    if (!form) return;
    var items = Array.prototype.slice.call(root.querySelectorAll(".chrono-event"));
    var groups = Array.prototype.slice.call(root.querySelectorAll(".chrono-month"));
    var count = root.querySelector(".chrono-count");
    var fields = ["show", "lever", "actor", "direction", "q"];

    function fromUrl() {
      var params = new URLSearchParams(window.location.search);
      fields.forEach(function (name) {
        var input = form.elements[name];
        if (input && params.has(name)) input.value = params.get(name);
      });
    }

    function apply(push) {
      var values = {};
      fields.forEach(function (name) { values[name] = (form.elements[name].value || "").trim(); });
      var q = values.q.toLowerCase();
      var shown = 0;
      items.forEach(function (el) {
        var show = values.show;
        var ok = (!show || (show === "key" ? el.hasAttribute("data-key") : el.dataset.kind === show)) &&
                 (!values.lever || el.dataset.lever === values.lever) &&
                 (!values.actor || el.dataset.actor === values.actor) &&
                 (!values.direction || el.dataset.direction === values.direction) &&
                 (!q || el.textContent.toLowerCase().indexOf(q) !== -1);
        el.hidden = !ok;
        if (ok) shown += 1;
      });
      groups.forEach(function (g) {
        g.hidden = !g.querySelector(".chrono-event:not([hidden])");
      });
      if (count) count.textContent = TRUCE_WORDS.shown(shown, items.length);
      if (push) {
        var params = new URLSearchParams();
        fields.forEach(function (name) { if (values[name]) params.set(name, values[name]); });
        var url = window.location.pathname + (params.toString() ? "?" + params.toString() : "") + window.location.hash;
        window.history.replaceState(null, "", url);
      }
    }

    fromUrl();
    apply(false);
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  }

  // Tariff tracker: read the layers in force on any day.
  function setupStackReader(root) {
    var box = root.querySelector(".stack-reader");
    if (!box) return;
    var snaps = JSON.parse(box.querySelector("script.stack-data").textContent);
    var input = box.querySelector("input[name=stack-date]");
    var labels = {};
    box.querySelectorAll(".stack-side").forEach(function (el) { labels[el.dataset.side] = el.querySelector("h3").textContent; });

    function render() {
      var day = input.value;
      if (!day) return;
      Object.keys(labels).forEach(function (side) {
        var snap = null;
        snaps.forEach(function (s) { if (s.imposer === side && s.date <= day) snap = s; });
        var el = box.querySelector('.stack-side[data-side="' + side + '"]');
        var total = el.querySelector(".stack-total strong");
        var list = el.querySelector("ul");
        list.textContent = "";
        var layers = snap ? snap.layers : [];
        total.textContent = (snap ? snap.total : 0) + "%";
        if (!layers.length) {
          var li = document.createElement("li"); li.textContent = TRUCE_WORDS.noLayer; list.appendChild(li);
        }
        layers.forEach(function (l) {
          var li = document.createElement("li");
          li.textContent = TRUCE_WORDS.points(l.instrument, l.points);
          list.appendChild(li);
        });
        var note = el.querySelector(".stack-note");
        if (note) note.textContent = day > el.dataset.confirmed ? el.dataset.note : "";
      });
    }
    input.addEventListener("input", render);
    input.addEventListener("change", render);
    render();
  }

  // Tariff scenarios: a link to a scenario's chart (#chart-scenario-…) selects that scenario,
  // which CSS otherwise hides until its radio button is chosen.
  function showLinkedScenario(root) {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && root.getElementById ? root.getElementById(id) : null;
    var panel = target && target.closest ? target.closest(".scenario-panel") : null;
    if (!panel) return;
    var radio = root.querySelector('.scenario-switch input[value="' + panel.dataset.scenario + '"]');
    if (radio && !radio.checked) { radio.checked = true; target.scrollIntoView(); }
  }

  function start() {
    setupFilters(document); setupStackReader(document); showLinkedScenario(document);
  }
  window.addEventListener("hashchange", function () { showLinkedScenario(document); });
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

/* Chart embed snippets: a "Copy" button beside each one (the snippet stays selectable text
   where the clipboard is not available). */
(function () {
  "use strict";
  function addCopyButtons(root) {
    root.querySelectorAll(".truce-chart-embed pre").forEach(function (pre) {
      if (pre.dataset.copy || !navigator.clipboard) return;
      pre.dataset.copy = "1";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button truce-chart-copy";
      button.textContent = TRUCE_WORDS.copy;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(pre.textContent).then(function () {
          button.textContent = TRUCE_WORDS.copied;
        }, function () {
          button.textContent = TRUCE_WORDS.selectCopy;
        });
      });
      pre.insertAdjacentElement("afterend", button);
    });
  }
  function start() { addCopyButtons(document); }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
