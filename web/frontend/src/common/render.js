// Renderers shared by the explorer, the console and the entity page. DOM APIs only.
import { h, externalLink } from "./dom.js";
import { t } from "./i18n.js";
import { displayName, fmtDate, repairNoteText } from "./model.js";

// A label chip: coloured dot + class name in the current language.
export function labelChip(model, labelName) {
  const dot = h("span", { class: "swatch", "aria-hidden": "true" });
  dot.dataset.color = model.color(labelName);
  paintSwatches(dot);
  return h("span", { class: "chip", testid: "label-chip" }, dot, model.labelName(labelName));
}

// Swatch colours are set through the CSSOM (allowed by the CSP), never a style attribute.
export function paintSwatches(root) {
  const els = root.matches && root.matches("[data-color]") ? [root] : Array.from(root.querySelectorAll("[data-color]"));
  for (const el of els) {
    if (el.dataset.colorProp === "border") el.style.borderColor = el.dataset.color;
    else el.style.backgroundColor = el.dataset.color;
  }
}

// Names block: selected language first, the other underneath.
export function namesBlock(node, { tag = "div", link = null } = {}) {
  const { primary, secondary } = displayName(node);
  const main = link ? h("a", { href: link, class: "name-primary" }, primary) : h("span", { class: "name-primary" }, primary);
  return h(tag, { class: "names" }, main, secondary ? h("span", { class: "name-secondary" }, secondary) : null);
}

function formatValue(v) {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join("; ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export function propertiesTable(model, props, { skip = [] } = {}) {
  // the current language's fields, dates at their precision, allowed values translated (model.js)
  const rows = model.displayProps ? model.displayProps(props, { skip })
    : Object.entries(props || {}).filter(([k, v]) => !skip.includes(k) && v !== null && v !== undefined && v !== "");
  if (!rows.length) return h("p", { class: "muted" }, t("common.none"));
  return h(
    "table",
    { class: "props", testid: "properties" },
    h("tbody", null,
      rows.map(([k, v]) => {
        const isUrl = (k === "url" || k === "website") && typeof v === "string";
        return h("tr", { dataset: { key: k } },
          h("th", { scope: "row", title: k }, model.propName(k)),
          h("td", null, isUrl ? externalLink(v, v) : formatValue(v)));
      })),
  );
}

export function citationList(citations, { model = null } = {}) {
  if (!citations || !citations.length) return h("p", { class: "muted", testid: "no-citations" }, t("common.no_sources"));
  return h("ol", { class: "citations", testid: "citations" },
    citations.map((c) => {
      const q = c.quote || {};
      const s = c.source || {};
      const sourcePath = model && s.uri ? model.entityPath(s.uri) : null;
      const title = s.title || s.name_en || s.uri || "";
      const meta = [s.outlet, s.author, s.published ? t("common.published", { date: fmtDate(s.published) }) : null].filter(Boolean).join(" · ");
      return h("li", { class: "citation", testid: "citation" },
        h("blockquote", { class: "quote", testid: "quote-text" }, q.text || ""),
        q.repair_note
          ? h("details", { class: "repair", testid: "repair-note" },
              h("summary", null, t("common.repaired"), repairNoteText(q.repair_note) ? `: ${repairNoteText(q.repair_note)}` : ""),
              q.text_as_found ? h("p", { class: "as-found" }, h("span", { class: "muted" }, t("common.as_found"), ": "), q.text_as_found) : null)
          : null,
        h("div", { class: "source", testid: "source" },
          sourcePath ? h("a", { href: sourcePath, class: "source-title" }, title) : h("span", { class: "source-title" }, title),
          meta ? h("span", { class: "source-meta" }, meta) : null,
          s.url ? externalLink(s.url, t("common.source_link"), { class: "source-link", testid: "source-link" }) : null));
    }));
}
