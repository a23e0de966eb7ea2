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
    // property key → allowed value → {zh, en, zh_placement?, en_placement?} (the ontology's labels)
    this.values = this.schema.values || {};
  }

  // The label of an allowed value (national → 国家级 / national) in the current language.
  valueLabel(key, code, which = lang()) {
    const table = this.values[key] || (key.endsWith("_precision") ? this.values.as_of_precision : null) || {};
    const entry = table[code] || (key === "qualifier" ? QUALIFIERS[code] : null) || (key === "status" ? STATUS_FALLBACK[code] : null);
    return entry ? entry[which] || code : code;
  }

  qualifierPlacement(code, which = lang()) {
    const entry = (this.values.qualifier || {})[code] || QUALIFIERS[code];
    return (entry && entry[`${which}_placement`]) || "before";
  }

  // [key, text] rows of a node's or relationship's properties as the current language shows them:
  // no field of the other language (a zh page never shows an English note), dates at their
  // precision with the source's wording, allowed values translated, companions folded into their date.
  displayProps(props, { skip = [] } = {}) {
    const which = lang();
    const other = which === "zh" ? "en" : "zh";
    const p = props || {};
    const rows = [];
    for (const [k, v] of Object.entries(p)) {
      if (skip.includes(k) || v === null || v === undefined || v === "") continue;
      if (/_(precision|text|end)$/.test(k) && DATE_PART.test(k)) continue;
      if (k.endsWith(`_${other}`)) {
        // zh: no English text at all (names are in the heading); en: the Chinese one only when there is no English
        if (which === "zh") continue;
        if (k !== "name_zh" && p[`${k.slice(0, -3)}_${which}`]) continue;
      }
      if (k === "pinyin" || k === "search_keys" || k === "quotes") continue;
      // the metric's code (employees, industry_scale) when its name in this language is there
      if (k === "metric" && (p[`metric_${which}`] || which === "zh")) continue;
      rows.push([k, this.displayValue(k, v, p)]);
    }
    return rows;
  }

  displayValue(k, v, p = {}) {
    if (this.values[k] && typeof v === "string") return this.valueLabel(k, v);
    if (k === "extent" && typeof v === "string") return extentText(v);
    if (typeof v === "string" && DATE_KEYS.has(k)) return dateSpan(p, k);
    if (k === "value" && typeof v === "number") return observationValue(p, this);
    if (Array.isArray(v)) return v.join("; ");
    if (v !== null && typeof v === "object") return JSON.stringify(v);
    return String(v);
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

// ---------------------------------------------------------------- dates at their precision
const DATE_KEYS = new Set(["as_of", "stated_on", "date", "issued_on", "published", "retrieved", "since"]);
const DATE_PART = /^(as_of|stated_on|date|issued_on|published|retrieved|since)_(precision|text|end)$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// "2019" → 2019年 / 2019; "2022-05" → 2022年5月 / May 2022; "2022-05-31" → 2022年5月31日 / 31 May 2022.
// The precision is the stored one, else the length of the ISO text (the server cuts it to its precision).
export function fmtDate(iso, precision, which = lang()) {
  if (typeof iso !== "string") return iso === undefined || iso === null ? "" : String(iso);
  const m = iso.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (!m) return iso;
  const prec = precision || (m[3] ? "day" : m[2] ? "month" : "year");
  const y = m[1];
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (which === "zh") {
    if (prec === "year" || !mo) return `${y}年`;
    if (prec === "month" || !d) return `${y}年${mo}月`;
    return `${y}年${mo}月${d}日`;
  }
  if (prec === "year" || !mo) return y;
  if (prec === "month" || !d) return `${MONTHS[mo - 1]} ${y}`;
  return `${d} ${MONTHS[mo - 1]} ${y}`;
}

// A date property with its range end (2019年9月5日至9月11日 / 5 September 2019 – 11 September 2019);
// the source's own wording (`<key>_text`) is shown beside it in Chinese.
export function dateSpan(p, key) {
  const prec = p[`${key}_precision`];
  let s = fmtDate(p[key], prec);
  if (p[`${key}_end`]) s += `${lang() === "zh" ? "至" : " – "}${fmtDate(p[`${key}_end`], prec)}`;
  const text = p[`${key}_text`];
  if (text && lang() === "zh" && text !== s) s += `（${text}）`;
  return s;
}

// How much of a source was read (`extent`): a head word and an English aside ("partial; headline not
// captured"). A zh page shows the head word in Chinese and leaves the English aside to the en page.
const EXTENT_ZH = [[/^appears full/i, "似为全文"], [/^near full/i, "基本完整"], [/^full/i, "全文"], [/^partial/i, "部分"], [/^excerpt/i, "摘录"]];

export function extentText(v, which = lang()) {
  if (which !== "zh") return v;
  const hit = EXTENT_ZH.find(([re]) => re.test(v));
  return hit ? hit[1] : /[\u4e00-\u9fff]/.test(v) ? v : "";
}

// A repair note is written in English (what was converted and removed); a zh page says only that the
// quote was repaired and keeps the text as found.
export function repairNoteText(note, which = lang()) {
  if (!note) return "";
  return which === "zh" && /[A-Za-z]+(?:[ ,]+[A-Za-z]+){2,}/.test(note) ? "" : note;
}

// ---------------------------------------------------------------- values as each language writes them
// Fallback labels when the schema is unavailable (the ontology's are used otherwise).
const QUALIFIERS = {
  "超过": { zh: "超过", en: "over", zh_placement: "before", en_placement: "before" },
  "余": { zh: "余", en: "over", zh_placement: "after_number", en_placement: "before" },
  "多": { zh: "多", en: "+", zh_placement: "after_number", en_placement: "after_number" },
  "约": { zh: "约", en: "about", zh_placement: "before", en_placement: "before" },
  "近": { zh: "近", en: "nearly", zh_placement: "before", en_placement: "before" },
  "不少于": { zh: "不少于", en: "at least", zh_placement: "before", en_placement: "before" },
  "以上": { zh: "以上", en: "or more", zh_placement: "after_unit", en_placement: "after_unit" },
  "累计": { zh: "累计", en: "a cumulative", zh_placement: "before", en_placement: "before" },
  "达": { zh: "达", en: "reaching", zh_placement: "before", en_placement: "before" },
  "不到": { zh: "不到", en: "under", zh_placement: "before", en_placement: "before" },
};
const STATUS_FALLBACK = {
  actual: { zh: "实际", en: "actual" }, target: { zh: "目标", en: "target" }, forecast: { zh: "预计", en: "forecast" },
  estimate: { zh: "估计", en: "estimate" }, plan: { zh: "计划", en: "plan" },
};
// Counting units Chinese writes in 万 from ten thousand up (8.5万余人).
const ZH_WAN_UNITS = new Set(["人", "名", "家", "个", "项", "件", "次"]);
// English: the multiplier a unit carries and the word written after the number ("" for counters
// of organisations and things: the metric says what is counted).
const EN_UNITS = {
  "家": [1, ""], "个": [1, ""], "人": [1, "people"], "名": [1, "people"], "项": [1, "items"], "件": [1, "items"],
  "元": [1, "yuan"], "万元": [1e4, "yuan"], "亿元": [1e8, "yuan"], "万亿元": [1e12, "yuan"],
  "万㎡": [1e4, "m²"], "㎡": [1, "m²"], "亩": [1, "mu"], "公顷": [1, "hectares"], "平方公里": [1, "km²"],
  "%": [1, "%"], "倍": [1, "times"], "年": [1, "years"], "期": [1, "phases"], "次": [1, "times"],
};

function trim(n, digits = 4) {
  return Number(n.toFixed(digits)).toString();
}

function enNumber(v) {
  const a = Math.abs(v);
  if (a >= 1e12) return `${trim(v / 1e12, 3)} trillion`;
  if (a >= 1e9) return `${trim(v / 1e9, 3)} billion`;
  if (a >= 1e6) return `${trim(v / 1e6, 3)} million`;
  return v.toLocaleString("en", { maximumFractionDigits: 4 });
}

// 8.5万余人 · 100多家 · 超过1000亿元 · 100家以上 / over 85,000 people · 100+ · over 100 billion yuan.
export function observationValue(p, model = null, which = lang()) {
  if (p.value === undefined || p.value === null) return p.value_text || "";
  const q = p.qualifier || "";
  const unit = p.unit || "";
  const place = q ? (model ? model.qualifierPlacement(q, which) : (QUALIFIERS[q] || {})[`${which}_placement`] || "before") : null;
  const qtext = q ? (model ? model.valueLabel("qualifier", q, which) : (QUALIFIERS[q] || {})[which] || q) : "";
  if (which === "zh") {
    let num = p.value;
    let wan = "";
    if (ZH_WAN_UNITS.has(unit) && Math.abs(num) >= 1e4) {
      num /= 1e4;
      wan = "万";
    }
    const n = `${trim(num)}${wan}`;
    if (place === "after_number") return `${n}${qtext}${unit}`;
    if (place === "after_unit") return `${n}${unit}${qtext}`;
    return `${qtext}${n}${unit}`;
  }
  const [mult, word] = EN_UNITS[unit] || [1, unit];
  const n = enNumber(p.value * mult);
  const tail = word === "%" ? "%" : word ? ` ${word}` : "";
  if (place === "after_number") return `${n}${qtext}${tail}`;
  if (place === "after_unit") return `${n}${tail} ${qtext}`;
  return `${qtext ? `${qtext} ` : ""}${n}${tail}`;
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
    return { primary: `${metric} ${observationValue(p)}`.trim(), secondary: p.as_of ? dateSpan(p, "as_of") : "" };
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
