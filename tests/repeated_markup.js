() => {
  // Marks repeated copies of the same styled markup beyond the first two, so that the contrast
  // rule (the slow one) measures each look once or twice rather than hundreds of times. Two
  // elements are copies when they and their descendants have the same tags, classes, inline
  // styles and the attributes (or attribute values) the page's style sheets select on, under
  // ancestors that are alike in the same way. Returns [kept, marked].
  const tests = new Map();  // attribute -> tests of its value that some selector makes
  const add = (name, test) => { if (!tests.has(name)) tests.set(name, []); tests.get(name).push(test); };
  const OPS = {
    "=": v => x => x === v, "~=": v => x => x.split(/\s+/).includes(v), "|=": v => x => x === v || x.startsWith(v + "-"),
    "^=": v => x => x.startsWith(v), "$=": v => x => x.endsWith(v), "*=": v => x => x.includes(v),
  };
  const read = list => {
    for (const r of list) {
      if (r.selectorText)
        for (const m of r.selectorText.matchAll(/\[([\w-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*)))?/g))
          add(m[1], m[2] ? OPS[m[2]](m[3] ?? m[4] ?? m[5]) : null);
      if (r.cssRules) read(r.cssRules);
    }
  };
  for (const sheet of document.styleSheets) read(sheet.cssRules);
  const attr = a => {
    if (a.name === "class" || a.name === "style") return a.name + "=" + a.value;
    const t = tests.get(a.name);
    if (!t) return "";
    return a.name + t.map(f => (f === null ? "" : f(a.value) ? "+" : "-")).join("");
  };
  const own = el => el.tagName + "[" + [...el.attributes].map(attr).filter(Boolean).sort().join(",") + "]";
  const shape = new Map();
  const sig = el => {
    const s = own(el) + "(" + [...el.children].map(sig).join("") + ")";
    shape.set(el, s);
    return s;
  };
  sig(document.body);
  const seen = new Map();
  let kept = 0, marked = 0;
  const walk = (el, above) => {
    const key = above + ">" + shape.get(el);
    const n = seen.get(key) || 0;
    if (n >= 2) { el.setAttribute("data-truce-repeat", ""); marked++; return; }
    seen.set(key, n + 1); kept++;
    for (const child of el.children) walk(child, above + ">" + own(el));
  };
  walk(document.body, "");
  return [kept, marked];
}
