// The explorer's legend: a checkbox per label and per relationship type, with their counts; a change
// becomes a "filter" operation of the log (pages/explorer.js passes it in as onChange(hl, hr)).
import { $all, clear, h } from "../../common/dom.js";
import { lang } from "../../common/i18n.js";
import { paintSwatches } from "../../common/render.js";

export function renderFilterLists({ els, model, counts, state, onChange }) {
  clear(els.labelFilters);
  for (const l of model.labels) {
    const sw = h("span", { class: "swatch", dataset: { color: l.color || "#999" }, "aria-hidden": "true" });
    const n = counts.nodes ? counts.nodes[l.name] : undefined;
    const input = h("input", { type: "checkbox", value: l.name, checked: !state.hiddenLabels.has(l.name), testid: `filter-label-${l.name}` });
    input.addEventListener("change", () => changeFilter(els, onChange));
    els.labelFilters.append(h("li", null, h("label", { title: lang() === "zh" ? l.definition_zh : l.definition_en }, input, sw,
      h("span", { class: "filter-name" }, lang() === "zh" ? l.label_zh : l.label_en),
      n !== undefined ? h("span", { class: "count" }, String(n)) : null)));
  }
  paintSwatches(els.labelFilters);
  clear(els.relFilters);
  for (const r of model.relTypes) {
    const n = counts.relationships ? counts.relationships[r.type] : undefined;
    const input = h("input", { type: "checkbox", value: r.type, checked: !state.hiddenRels.has(r.type), testid: `filter-rel-${r.type}` });
    input.addEventListener("change", () => changeFilter(els, onChange));
    els.relFilters.append(h("li", null, h("label", { title: r.type }, input,
      h("span", { class: "filter-name" }, lang() === "zh" ? r.label_zh : r.label_en),
      h("code", { class: "reltype" }, r.type),
      n !== undefined ? h("span", { class: "count" }, String(n)) : null)));
  }
}

export function changeFilter(els, onChange) {
  const hl = $all("input", els.labelFilters).filter((i) => !i.checked).map((i) => i.value);
  const hr = $all("input", els.relFilters).filter((i) => !i.checked).map((i) => i.value);
  onChange(hl, hr);
}

export function setAllFilters(els, which, on, onChange) {
  const list = which === "labels" ? els.labelFilters : els.relFilters;
  $all("input", list).forEach((i) => { i.checked = on; });
  changeFilter(els, onChange);
}
