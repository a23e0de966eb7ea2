// Entity page (/id/<segment>/<id>): names, properties, sources, relations by type, and for parks and
// sub-parks a hand-drawn SVG chart of the observations over time plus a table of them.
import { valueAxis } from "../common/chart.js";
import { boot } from "../common/base.js";
import { api, ApiError } from "../common/api.js";
import { add, byTestId, clear, externalLink, h, readJsonScript, safeUrl, svg } from "../common/dom.js";
import { lang, onLangChange, pick, t } from "../common/i18n.js";
import { Model, dateSpan, displayName, fmtDate, observationValue, segmentOf } from "../common/model.js";
import { citationList, labelChip, paintSwatches, propertiesTable } from "../common/render.js";
import { newPage } from "./entity/state.js";

const PALETTE = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#4b5563", "#65a30d", "#9333ea"];
const MAX_SUBPARKS = 40;
// How each status is drawn: actual is the only filled circle on a solid line; the others are hollow
// marks of their own shape on their own dash pattern, so a forecast never passes for an actual value.
const STATUS_STYLE = {
  actual: { mark: "circle", filled: true, dash: null },
  target: { mark: "circle", filled: false, dash: "6 4" },
  forecast: { mark: "triangle", filled: false, dash: "2 3" },
  estimate: { mark: "square", filled: false, dash: "8 3 2 3" },
  plan: { mark: "diamond", filled: false, dash: "1 5" },
};
const STATUSES = Object.keys(STATUS_STYLE);

function statusOf(o) {
  return STATUS_STYLE[o.status] ? o.status : "actual";
}

function statusLabel(model, status) {
  return model.valueLabel("status", status);
}

function marker(p, x, y, color, tip) {
  const st = STATUS_STYLE[p.status];
  const common = { class: `point point-${p.status}`, stroke: color, fill: st.filled ? color : "#ffffff" };
  const r = 5.5;
  let el;
  if (st.mark === "circle") el = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r, ...common });
  else if (st.mark === "square") el = svg("rect", { x: (x - r).toFixed(1), y: (y - r).toFixed(1), width: 2 * r, height: 2 * r, ...common });
  else {
    const pts = st.mark === "triangle" ? [[x, y - r - 1], [x + r + 1, y + r], [x - r - 1, y + r]] : [[x, y - r - 1.5], [x + r + 1.5, y], [x, y + r + 1.5], [x - r - 1.5, y]];
    el = svg("polygon", { points: pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(" "), ...common });
  }
  el.append(svg("title", null, tip));
  return el;
}

const TESTIDS = {
  head: "entity-head", props: "entity-properties", sources: "entity-sources", relations: "relations",
  chartSection: "entity-chart-section", chart: "chart", obsSection: "entity-observations-section", obs: "observations",
};

// The render functions take `page`, the page's whole state (newPage in ./entity/state.js).

function explorerLink(uri) {
  const sp = new URLSearchParams();
  sp.append("o", `r~${uri}`);
  sp.append("o", `e~${uri}`);
  sp.set("s", uri);
  return `/#${sp.toString()}`;
}

// ---------------------------------------------------------------- head, properties, sources
function renderHead(page) {
  const { els, data, model } = page;
  const node = data.node;
  const { primary, secondary } = displayName(node);
  const p = node.properties || {};
  document.title = `${primary} · ParkGraph`;
  clear(els.head);
  add(els.head,
    h("div", { class: "entity-kicker" }, labelChip(model, node.labels[0]), h("code", { class: "uri", title: t("entity.uri") }, node.uri)),
    h("h1", { class: "entity-title", testid: "entity-name" }, primary),
    secondary ? h("p", { class: "entity-subtitle", testid: "entity-name-secondary" }, secondary) : null,
    p.aliases && p.aliases.length ? h("p", { class: "aliases" }, h("span", { class: "muted" }, `${t("entity.aliases")}: `), p.aliases.join(" · ")) : null,
    h("div", { class: "entity-links" },
      h("a", { class: "btn btn-small btn-primary", href: explorerLink(node.uri), testid: "open-explorer" }, t("common.open_in_explorer")),
      h("a", { class: "btn btn-small", href: `${location.pathname}?format=json` }, t("entity.json"))),
  );
  clear(els.props).append(propertiesTable(model, p, { skip: ["uri"] }));
  clear(els.sources).append(citationList(data.provenance || [], { model }));
}

// ---------------------------------------------------------------- relations
function renderRelations(page) {
  const { els, data, model } = page;
  clear(els.relations);
  const groups = (data.relations || []).filter((g) => g.items && g.items.length);
  if (!groups.length) {
    els.relations.append(h("p", { class: "muted" }, t("entity.no_relations")));
    return;
  }
  for (const g of groups) {
    const title = pick(g, "label") || model.relName(g.type);
    els.relations.append(h("section", { class: "relation-group", testid: "relation-group", dataset: { type: g.type, direction: g.direction } },
      h("h3", null,
        h("span", { class: "dir" }, t(`dir.${g.direction}`)), " ", title, " ",
        h("code", { class: "reltype" }, g.type), " ",
        h("span", { class: "count" }, String(g.items.length))),
      h("ul", { class: "relation-items" },
        g.items.map((it) => {
          const n = it.node;
          const { primary, secondary } = displayName(n);
          const path = model.entityPath(n.uri);
          const rp = (it.rel && it.rel.properties) || {};
          // only the current language's role and note (a zh page never shows the English ones)
          const role = rp[`role_${lang()}`] || (lang() === "en" ? rp.role_zh : null);
          const note = rp[`note_${lang()}`] || (lang() === "en" ? rp.note_zh : null);
          const extra = [role ? `${t("entity.role")}: ${role}` : null, rp.since ? `${t("entity.since")} ${dateSpan(rp, "since")}` : null, note || null].filter(Boolean).join(" · ");
          const cites = it.citations || [];
          return h("li", { class: "relation-item", testid: "relation-item", dataset: { uri: n.uri } },
            h("div", { class: "relation-line" },
              labelChip(model, n.labels[0]),
              path ? h("a", { href: path, class: "name-primary" }, primary) : h("span", { class: "name-primary" }, primary),
              secondary ? h("span", { class: "name-secondary" }, secondary) : null,
              extra ? h("span", { class: "muted rel-extra" }, extra) : null),
            cites.length
              ? h("details", { class: "rel-citations" }, h("summary", null, t(cites.length === 1 ? "entity.citations_one" : "entity.citations", { n: cites.length })), citationList(cites, { model }))
              : null);
        })),
    ));
  }
}

// ---------------------------------------------------------------- observations
function parseDate(s) {
  if (typeof s !== "string") return null;
  const m = s.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (!m) return null;
  const y = Number(m[1]);
  if (!m[2]) return Date.UTC(y, 11, 31);
  const mo = Number(m[2]) - 1;
  if (!m[3]) return Date.UTC(y, mo + 1, 0);
  return Date.UTC(y, mo, Number(m[3]));
}

function firstUrl(o) {
  for (const c of o.citations || []) {
    const u = c.source && safeUrl(c.source.url);
    if (u) return u;
  }
  return null;
}

function metricName(o) {
  return pick(o, "metric") || o.metric || "";
}

function subjectName(o) {
  return o.subject ? displayName(o.subject).primary : "";
}

function fmt(v) {
  return v.toLocaleString(lang() === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 2 });
}

function chartPanel(model, unit, series, title) {
  const W = 720;
  const H = 230;
  const M = { l: 64, r: 20, t: 18, b: 36 };
  const pts = series.flatMap((s) => s.points);
  const yearOf = (x) => new Date(x).getUTCFullYear();
  const y0 = yearOf(Math.min(...pts.map((p) => p.x)));
  const y1 = yearOf(Math.max(...pts.map((p) => p.x)));
  // whole years, with a margin so points on 31 December do not sit on the frame
  const xmin = Date.UTC(y0, 0, 1) - 40 * 864e5;
  const xmax = Date.UTC(y1 + 1, 0, 1) + 40 * 864e5;
  const axis = valueAxis(Math.min(...pts.map((p) => p.v)), Math.max(...pts.map((p) => p.v)), { headroom: 1.05 });
  const vmin = axis.min, vmax = axis.max;
  const X = (x) => M.l + ((x - xmin) / (xmax - xmin)) * (W - M.l - M.r);
  const Y = (v) => H - M.b - ((v - vmin) / (vmax - vmin)) * (H - M.t - M.b);

  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart-svg", role: "img", testid: "chart-svg", "aria-label": `${t("entity.chart")} (${unit})` });
  const grid = svg("g", { class: "grid" });
  for (const v of axis.ticks) {
    grid.append(svg("line", { x1: M.l, x2: W - M.r, y1: Y(v), y2: Y(v), class: v === 0 ? "axis-line" : "grid-line" }));
    grid.append(svg("text", { x: M.l - 8, y: Y(v) + 4, class: "tick tick-y", "text-anchor": "end" }, fmt(v)));
  }
  const yearStep = Math.max(1, Math.ceil((y1 - y0 + 1) / 10));
  for (let y = y0; y <= y1 + 1; y += yearStep) {
    const x = X(Date.UTC(y, 0, 1));
    grid.append(svg("line", { x1: x, x2: x, y1: H - M.b, y2: H - M.b + 5, class: "axis-line" }));
    if (y <= y1) grid.append(svg("text", { x: X(Date.UTC(y, 6, 1)), y: H - M.b + 20, class: "tick tick-x", "text-anchor": "middle" }, String(y)));
  }
  grid.append(svg("text", { x: 8, y: M.t - 4, class: "tick unit" }, unit));
  chart.append(grid);

  for (const s of series) {
    const g = svg("g", { class: "series", dataset: { series: s.key } });
    const actual = s.points.filter((p) => p.status === "actual");
    const line = (list) => list.map((p) => `${X(p.x).toFixed(1)},${Y(p.v).toFixed(1)}`).join(" ");
    if (actual.length > 1) g.append(svg("polyline", { points: line(actual), class: "line line-actual", stroke: s.color }));
    for (const status of STATUSES.slice(1)) {
      const pts = s.points.filter((p) => p.status === status);
      if (!pts.length) continue;
      // each claimed figure is joined to the last actual value before it, on its own dash pattern
      const before = actual.filter((a) => a.x <= pts[0].x);
      const bridge = before.length ? [before[before.length - 1], ...pts] : pts;
      if (bridge.length > 1) g.append(svg("polyline", { points: line(bridge), class: `line line-${status}`, stroke: s.color, "stroke-dasharray": STATUS_STYLE[status].dash }));
    }
    for (const p of s.points) {
      const o = p.obs;
      const href = firstUrl(o) || model.entityPath(o.uri);
      const stated = o.stated_on ? ` · ${t("entity.stated_on", { date: fmtDate(o.stated_on, o.stated_on_precision) })}` : "";
      const tip = `${s.name}: ${observationValue(o, model)} · ${dateSpan(o, "as_of")} · ${statusLabel(model, p.status)}${stated}`
        + ((o.citations && o.citations[0] && o.citations[0].source && o.citations[0].source.title) ? ` · ${o.citations[0].source.title}` : "");
      const a = svg("a", { href: href || "#", testid: "chart-point", dataset: { status: p.status, uri: o.uri }, "aria-label": tip });
      if (href && /^https?:/.test(href)) {
        a.setAttribute("target", "_blank");
        a.setAttribute("rel", "noopener noreferrer");
      }
      a.append(marker(p, X(p.x), Y(p.v), s.color, tip));
      g.append(a);
    }
    chart.append(g);
  }
  const used = STATUSES.filter((st) => pts.some((p) => p.status === st));
  const statusKey = h("ul", { class: "chart-legend chart-status-legend", testid: "chart-status-legend" },
    used.map((st) => {
      const mark = svg("svg", { viewBox: "0 0 28 14", width: 28, height: 14, "aria-hidden": "true" },
        svg("line", { x1: 0, x2: 28, y1: 7, y2: 7, stroke: "#555", "stroke-dasharray": STATUS_STYLE[st].dash }),
        marker({ status: st }, 14, 7, "#555", statusLabel(model, st)));
      return h("li", { dataset: { status: st } }, mark, " ", statusLabel(model, st));
    }));
  const legend = h("ul", { class: "chart-legend" },
    series.map((s) => h("li", null,
      h("span", { class: s.targetOnly ? "legend-line legend-target" : "legend-line", dataset: { color: s.color, colorProp: "border" }, "aria-hidden": "true" }),
      s.name)));
  paintSwatches(legend);
  return h("figure", { class: "chart-panel", testid: "chart-panel", dataset: { unit } },
    h("h3", { class: "chart-title" }, title), chart, h("figcaption", null, legend, statusKey));
}

function renderChart(page) {
  const { els, observations } = page;
  clear(els.chart);
  const numeric = observations.filter((o) => typeof o.value === "number" && parseDate(o.as_of) !== null);
  els.chartSection.hidden = numeric.length === 0;
  if (!numeric.length) return;
  const byUnit = new Map();
  for (const o of numeric) {
    const unit = o.unit || "";
    if (!byUnit.has(unit)) byUnit.set(unit, new Map());
    const seriesMap = byUnit.get(unit);
    const key = `${o.subject ? o.subject.uri : ""}|${o.metric}|${unit}`;
    if (!seriesMap.has(key)) {
      const sname = subjectName(o);
      seriesMap.set(key, { key, metricLabel: metricName(o), name: [sname, `${metricName(o)}${unit ? ` (${unit})` : ""}`].filter(Boolean).join(" · "), points: [] });
    }
    seriesMap.get(key).points.push({ x: parseDate(o.as_of), v: o.value, status: statusOf(o), obs: o });
  }
  // richest panels first; colours restart in each panel
  const panels = [...byUnit].map(([unit, m]) => [unit, [...m.values()]]);
  panels.sort((a, b) => b[1].reduce((n, s) => n + s.points.length, 0) - a[1].reduce((n, s) => n + s.points.length, 0) || a[0].localeCompare(b[0]));
  for (const [unit, series] of panels) {
    series.forEach((s, i) => {
      s.points.sort((a, b) => a.x - b.x || (a.status !== "actual") - (b.status !== "actual"));
      s.color = PALETTE[i % PALETTE.length];
      s.targetOnly = s.points.every((p) => p.status !== "actual");
    });
    const metrics = new Set(series.map((s) => s.metricLabel));
    const title = metrics.size === 1 ? `${[...metrics][0]}${unit ? ` (${unit})` : ""}` : t("entity.chart_unit", { unit: unit || "—" });
    els.chart.append(chartPanel(page.model, unit, series, title));
  }
}

function renderObservations(page) {
  const { els, observations, model } = page;
  clear(els.obs);
  els.obsSection.hidden = observations.length === 0;
  if (!observations.length) return;
  const withSubject = observations.some((o) => o.subject);
  const sorted = observations.slice().sort((a, b) => (parseDate(a.as_of) || 0) - (parseDate(b.as_of) || 0) || String(a.metric).localeCompare(String(b.metric)));
  const table = h("table", { class: "data-table obs-table", testid: "observations-table" },
    h("thead", null, h("tr", null,
      withSubject ? h("th", null, t("entity.subject")) : null,
      h("th", null, t("entity.metric")),
      h("th", { class: "num" }, t("entity.value")),
      h("th", null, t("entity.as_of")),
      h("th", null, t("entity.status")),
      h("th", null, t("entity.source")))),
    h("tbody", null, sorted.map((o) => {
      const subjPath = o.subject ? model.entityPath(o.subject.uri) : null;
      const obsPath = model.entityPath(o.uri);
      return h("tr", { testid: "observation-row", dataset: { uri: o.uri, status: o.status || "" } },
        withSubject ? h("td", null, o.subject ? (subjPath ? h("a", { href: subjPath }, subjectName(o)) : subjectName(o)) : "") : null,
        h("td", null, obsPath ? h("a", { href: obsPath }, metricName(o)) : metricName(o)),
        h("td", { class: typeof o.value === "number" ? "num" : "text-value", testid: "observation-value" }, observationValue(o, model)),
        h("td", { class: "nowrap", testid: "observation-as-of" }, o.as_of ? dateSpan(o, "as_of") : ""),
        h("td", null,
          h("span", { class: `status status-${statusOf(o)}`, testid: "observation-status", dataset: { status: statusOf(o) } }, statusLabel(model, statusOf(o))),
          o.stated_on ? h("span", { class: "muted stated-on" }, ` ${t("entity.stated_on", { date: fmtDate(o.stated_on, o.stated_on_precision) })}`) : null,
          o[`note_${lang()}`] ? h("div", { class: "muted obs-note", testid: "observation-note" }, o[`note_${lang()}`]) : null),
        h("td", { class: "obs-sources" }, (o.citations || []).map((c) => {
          const s = c.source || {};
          const title = s.title || s.name_en || s.uri || "";
          // a source's own title, in its own language (as in the sources list): a name, never translated
          return h("div", null, h("span", { class: "source-title" }, s.url ? externalLink(s.url, title) : title),
            s.published ? h("span", { class: "muted" }, ` (${fmtDate(s.published)})`) : null);
        })));
    })));
  els.obs.append(table);
}

async function loadObservations(page) {
  const { data, model } = page;
  const own = (data.observations || []).map((o) => ({ ...o, subject: null }));
  const observations = own;
  page.observations = observations;
  const label = data.node.labels[0] || (model.labelFromUri(data.node.uri) || {}).name;
  if (label === "Park") {
    // a park's chart also shows its sub-parks' observations
    const subs = [];
    for (const g of data.relations || []) {
      if (g.type !== "PART_OF" || g.direction !== "in") continue;
      for (const it of g.items) if (it.node.labels[0] === "SubPark" || segmentOf(it.node.uri) === "subpark") subs.push(it.node);
    }
    const seen = new Set(own.map((o) => o.uri));
    const answers = await Promise.allSettled(subs.slice(0, MAX_SUBPARKS).map((n) => api.entity(n.uri)));
    answers.forEach((a, i) => {
      if (a.status !== "fulfilled") return;
      for (const o of a.value.observations || []) {
        if (seen.has(o.uri)) continue;
        seen.add(o.uri);
        observations.push({ ...o, subject: subs[i] });
      }
    });
    if (observations.some((o) => o.subject)) observations.forEach((o) => { if (!o.subject) o.subject = data.node; });
  }
}

function renderAll(page) {
  renderHead(page);
  renderRelations(page);
  renderChart(page);
  renderObservations(page);
}

// The page inside `rootEl` (its [data-testid="entity"] element); src/entries/entity.js calls it.
export async function init(rootEl) {
  const page = newPage(rootEl, new Model(null));
  page.els = byTestId(rootEl, TESTIDS);
  const { els, root } = page;
  boot();
  const uri = (readJsonScript("pg-entity") || {}).uri;
  try {
    const [schema, entity] = await Promise.all([api.schema().catch(() => null), api.entity(uri)]);
    page.model = new Model(schema);
    page.data = entity;
    await loadObservations(page);
    renderAll(page);
    root.dataset.state = "ready";
  } catch (e) {
    clear(els.head).append(h("p", { class: "error", testid: "entity-error" }, e instanceof ApiError && e.status === 404 ? t("entity.not_found") : e.message));
    root.dataset.state = "error";
  }
  onLangChange(() => {
    if (page.data) renderAll(page);
  });
}
