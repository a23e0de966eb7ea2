// The console's result table, drawn as the rows arrive and only as far as the reader scrolls: the
// first screenful at once, the next batch when the last drawn row comes into view. A 1,000-row answer
// (the row cap) took ~1,000 × columns DOM nodes before anything showed; now the first 60 rows do.
import { h } from "../../common/dom.js";
import { displayName } from "../../common/model.js";
import { paintSwatches } from "../../common/render.js";
import { shortHeader } from "./state.js";

export const FIRST_ROWS = 60;   // a screenful and more at 70vh
export const BATCH_ROWS = 100;  // drawn each time the reader nears the end

export function cellContent(model, v) {
  if (v === null || v === undefined) return h("span", { class: "null" }, "null");
  if (Array.isArray(v)) {
    if (!v.length) return h("span", { class: "muted" }, "[]");
    const wrap = h("span", { class: "cell-list" });
    v.forEach((x, i) => {
      if (i) wrap.append(h("span", { class: "sep" }, ", "));
      wrap.append(cellContent(model, x));
    });
    return wrap;
  }
  if (typeof v === "object") {
    if (Array.isArray(v.labels) && v.properties && "uri" in v) {
      const path = model.entityPath(v.uri);
      const sw = h("span", { class: "swatch", dataset: { color: model.color(v.labels[0]) }, "aria-hidden": "true" });
      const name = displayName(v).primary;
      return h("span", { class: "cell-node", title: v.uri || "" }, sw, path ? h("a", { href: path }, name) : name,
        h("span", { class: "muted" }, ` :${v.labels.join(":")}`));
    }
    if (typeof v.type === "string" && "start" in v && "end" in v) {
      return h("span", { class: "cell-rel", title: v.uri || "" }, `[:${v.type}]`);
    }
    if (Array.isArray(v.nodes) && Array.isArray(v.relationships)) {
      const wrap = h("span", { class: "cell-path" });
      v.nodes.forEach((n, i) => {
        if (i) wrap.append(h("span", { class: "muted" }, " — "), cellContent(model, v.relationships[i - 1]), h("span", { class: "muted" }, " — "));
        wrap.append(cellContent(model, n));
      });
      return wrap;
    }
    return h("code", null, JSON.stringify(v));
  }
  if (typeof v === "number") return h("span", { class: "num" }, String(v));
  if (typeof v === "boolean") return h("span", { class: "bool" }, String(v));
  return String(v);
}

function columnHeader(c) {
  const name = String(c);
  return h("th", { scope: "col", title: name, testid: "column-header" }, shortHeader(name));
}

// A table over `result` (whose rows may still be arriving) inside the scrolling `container`.
// `more()` is called after each streamed batch; `dispose()` when another answer replaces it.
export function createTable(container, result, model) {
  const tbody = h("tbody");
  const table = h("table", { class: "data-table", testid: "result-rows" },
    h("thead", null, h("tr", null, h("th", { class: "rownum" }, "#"), result.columns.map(columnHeader))), tbody);
  container.append(table);
  let drawn = 0;
  let limit = FIRST_ROWS;
  let sentinel = null;
  const observer = typeof IntersectionObserver === "function"
    ? new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        limit = drawn + BATCH_ROWS;
        draw();
      }
    }, { root: container, rootMargin: "200px" })
    : null;

  function draw() {
    const end = Math.min(result.rows.length, observer ? limit : result.rows.length);
    if (end <= drawn) return;
    const frag = document.createDocumentFragment();
    for (let i = drawn; i < end; i++) {
      const tr = h("tr", { testid: "result-row" }, h("td", { class: "rownum" }, String(i + 1)), result.rows[i].map((v) => h("td", null, cellContent(model, v))));
      // row numbers up to the row cap stay on one line (through the CSSOM: the CSP forbids style attributes)
      tr.firstChild.style.whiteSpace = "nowrap";
      frag.append(tr);
    }
    paintSwatches(frag);
    tbody.append(frag);
    drawn = end;
    table.dataset.drawn = String(drawn);
    if (observer) {
      if (sentinel) observer.unobserve(sentinel);
      sentinel = drawn < result.rows.length || !result.complete ? tbody.lastElementChild : null;
      if (sentinel) observer.observe(sentinel);
    }
  }
  draw();
  return { more: draw, dispose: () => observer && observer.disconnect() };
}
