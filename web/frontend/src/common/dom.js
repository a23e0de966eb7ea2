// Small DOM helpers. Text always goes in through textContent / text nodes, never innerHTML:
// data holds strings like `<script>alert(1)</script>` and `A & B "quoted"`.

const SVG_NS = "http://www.w3.org/2000/svg";

// Characters that change how text around them is shown while being invisible themselves: bidi
// overrides and isolates (U+202E makes "txt.exe" look like "exe.txt"), zero-width and other format
// characters, C0/C1 controls, line/paragraph separators and Unicode tag characters. Data strings are
// displayed with each one spelled out as ⟨U+202E⟩, so a value cannot pose as a different one.
// (Zero-width (non-)joiners U+200C/U+200D are left alone: emoji and several scripts need them.)
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B\u200E\u200F\u2028-\u202E\u2060-\u206F\u3164\uFE00-\uFE0E\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g;

export function visible(text) {
  const s = String(text);
  return s.replace(INVISIBLE, (c) => `⟨U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.setAttribute("class", Array.isArray(v) ? v.filter(Boolean).join(" ") : v);
    else if (k === "text") el.textContent = visible(v);
    else if (k === "testid") el.setAttribute("data-testid", v);
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "style") throw new Error("style attributes are not allowed (CSP)");
    else if (k === "dataset") for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = dv;
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, k === "title" || k === "aria-label" || k === "alt" ? visible(v) : String(v));
  }
}

// el.append(...) without the pitfalls: null, undefined and false add nothing; strings become text
// (with invisible controls made visible).
export function add(el, ...children) {
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(visible(c)));
  }
}

// h("a", {href, class: "x", onclick}, "text", child, [more])
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function $(sel, root = document) {
  return root.querySelector(sel);
}

export function $all(sel, root = document) {
  return Array.from(root.querySelectorAll(sel));
}

// A page's elements by name: `byTestId(root, {form: "sparql-form", run: "sparql-run"})` gives
// {form: <the [data-testid="sparql-form"] inside root>, run: …}, null where root has none. Every page
// names its parts in one such table instead of writing out each lookup.
export function byTestId(root, ids) {
  const els = {};
  for (const [key, id] of Object.entries(ids)) els[key] = root.querySelector(`[data-testid="${id}"]`);
  return els;
}

export function show(el, visible = true) {
  el.hidden = !visible;
}

// Only http(s) links are made clickable; anything else (javascript:, data:) stays text.
export function safeUrl(url) {
  if (typeof url !== "string") return null;
  try {
    const u = new URL(url, location.href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (_) {
    return null;
  }
}

export function externalLink(url, text, attrs = {}) {
  const href = safeUrl(url);
  if (!href) return h("span", attrs, text);
  return h("a", { ...attrs, href, target: "_blank", rel: "noopener noreferrer" }, text);
}

export function download(filename, text, type) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function readJsonScript(id) {
  const el = document.getElementById(id);
  if (!el) return null;
  try {
    return JSON.parse(el.textContent);
  } catch (_) {
    return null;
  }
}
