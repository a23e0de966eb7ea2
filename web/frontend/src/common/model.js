// What the front end knows about the model, all of it from GET /api/schema (which the backend
// derives from ontology/parkgraph.ttl): class labels and colours, relationship type labels,
// property labels, IRI segments.
import { lang, otherLang, pick, t } from "./i18n.js";
import { visible } from "./dom.js";

const FALLBACK_COLOR = "#95a5a6";

export class Model {
  constructor(schema) {
    this.schema = schema || { labels: [], rel_types: [], property_keys: [] };
    this.labels = this.schema.labels || [];
    this.relTypes = this.schema.rel_types || [];
    this.byLabel = new Map(this.labels.map((l) => [l.name, l]));
    this.bySegment = new Map(this.labels.map((l) => [l.segment, l]));
    this.byRel = new Map(this.relTypes.map((r) => [r.type, r]));
    this.propLabels = new Map();
    for (const l of this.labels) for (const p of l.properties || []) if (!this.propLabels.has(p.key)) this.propLabels.set(p.key, p);
  }

  labelOf(node) {
    const name = node && node.labels && node.labels[0];
    return (name && this.byLabel.get(name)) || this.labelFromUri(node && node.uri);
  }

  labelFromUri(uri) {
    const seg = segmentOf(uri);
    return seg ? this.bySegment.get(seg) || null : null;
  }

  color(labelName) {
    const l = this.byLabel.get(labelName);
    return (l && l.color) || FALLBACK_COLOR;
  }

  labelName(labelName) {
    const l = this.byLabel.get(labelName);
    return l ? pick(l, "label") : labelName || t("common.unknown_label");
  }

  relName(type) {
    const r = this.byRel.get(type);
    return r ? pick(r, "label") : type;
  }

  isProvenanceRel(type) {
    const r = this.byRel.get(type);
    return !!(r && r.provenance);
  }

  propName(key) {
    const p = this.propLabels.get(key);
    return p ? pick(p, "label") : key;
  }

  entityPath(uri) {
    const parts = localParts(uri);
    if (!parts || !this.bySegment.has(parts[0])) return null;
    return `/id/${encodeURIComponent(parts[0])}/${parts[1].split("/").map(encodeURIComponent).join("/")}`;
  }
}

export function localParts(uri) {
  if (typeof uri !== "string") return null;
  const m = uri.replace(/\/+$/, "").match(/([^/]+)\/([^/]+)$/);
  return m ? [m[1], m[2]] : null;
}

export function segmentOf(uri) {
  const p = localParts(uri);
  return p ? p[0] : null;
}

export function localId(uri) {
  const p = localParts(uri);
  return p ? p[1] : String(uri || "");
}

function fmtNumber(v) {
  if (typeof v !== "number") return v === undefined || v === null ? "" : String(v);
  return v.toLocaleString(lang() === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 4 });
}

export function observationValue(p) {
  const value = p.value !== undefined && p.value !== null ? fmtNumber(p.value) : p.value_text || "";
  return [p.qualifier || "", value, p.unit || ""].filter(Boolean).join(lang() === "zh" ? "" : " ");
}

// {primary, secondary} names of a node in the selected language first, ready to display: invisible
// controls (a bidi override in a name) are spelled out, on the canvas as in the page.
export function displayName(node, which = lang()) {
  const { primary, secondary } = rawName(node, which);
  return { primary: primary ? visible(primary) : primary, secondary: secondary ? visible(secondary) : secondary };
}

function rawName(node, which) {
  const p = (node && node.properties) || {};
  const other = which === "zh" ? "en" : "zh";
  const labelName = node && node.labels && node.labels[0];
  if (p.name_zh || p.name_en) {
    const primary = p[`name_${which}`] || p[`name_${other}`];
    const secondary = p[`name_${which}`] ? p[`name_${other}`] || "" : "";
    return { primary, secondary };
  }
  if (labelName === "Observation" || p.metric) {
    const metric = p[`metric_${which}`] || p[`metric_${other}`] || p.metric || "";
    return { primary: `${metric} ${observationValue(p)}`.trim(), secondary: p.as_of || "" };
  }
  if (p.title) return { primary: p.title, secondary: p.name_en || "" };
  if (p.text) return { primary: p.text, secondary: "" };
  return { primary: localId(node && node.uri), secondary: "" };
}

export function shortName(node, max = 22) {
  let name = displayName(node).primary || "";
  // "Tongzhou Sub-park: Floor area (2019-12-09)": on the canvas the edge already says whose it is
  if (node && node.labels && node.labels[0] === "Observation" && name.includes(": ")) name = name.slice(name.indexOf(": ") + 2);
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

export { otherLang };
