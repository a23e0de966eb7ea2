// Compare page (/compare): places side by side, one small chart per metric and unit (never two units on
// one axis), actual values filled and solid, targets/forecasts hollow and dashed, scope notes under each
// chart, a wide table whose every cell links to its sources, and a CSV with a source for every value.
// Data: the page's server-rendered JSON (the same as /api/compare), refetched when the picker changes.
import { boot } from "../common/base.js";
import { request } from "../common/api.js";
import { valueAxis } from "../common/chart.js";
import { byTestId, clear, download, h, readJsonScript, safeUrl, svg } from "../common/dom.js";
import { lang, onLangChange, t } from "../common/i18n.js";
import { csvText } from "../common/csv.js";
import { paintSwatches } from "../common/render.js";
import { newPage } from "./compare/state.js";

// one colour per place, the same in every chart (Okabe–Ito, distinguishable with colour blindness)
const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442", "#7f7f7f", "#8c564b", "#17becf", "#bcbd22"];
const PROJECTED = new Set(["target", "forecast"]);

const TESTIDS = {
  form: "compare-picker", chartsSection: "compare-charts-section", charts: "compare-charts", table: "compare-table", csv: "compare-csv",
};

// Functions that draw take `page`, the page's whole state (newPage in ./compare/state.js), or the
// part of it they need.

const zh = () => lang() === "zh";
const placeName = (p) => (zh() ? p.name_zh || p.name_en : p.name_en || p.name_zh) || p.uri;
const metricName = (m) => (zh() ? m.metric_zh || m.metric_en : m.metric_en || m.metric_zh) || m.metric;
const isProjected = (o) => PROJECTED.has(o.status);
const statusText = (o) => t(`compare.${["target", "forecast", "estimate"].includes(o.status) ? o.status : "actual"}`);
const fmt = (v) => v.toLocaleString(zh() ? "zh-CN" : "en", { maximumFractionDigits: 2 });

function parseDate(s) {
  const m = typeof s === "string" && s.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (!m) return null;
  const y = Number(m[1]);
  if (!m[2]) return Date.UTC(y, 6, 1); // a year: plotted mid-year
  if (!m[3]) return Date.UTC(y, Number(m[2]) - 1, 15);
  return Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
}

function colours(data) {
  const c = new Map();
  data.places.forEach((p, i) => c.set(p.uri, PALETTE[i % PALETTE.length]));
  return c;
}

function groupKey(o) {
  return `${o.metric}|${o.unit || ""}`;
}

function sourceLinks(o) {
  return (o.sources || []).map((s, i) => {
    const href = safeUrl(s.url) || `/id/${(s.uri || "").split("/id/")[1] || ""}`;
    return h("a", { href, class: "src-link", testid: "cell-source", title: [s.title, s.published].filter(Boolean).join(" · "), target: "_blank", rel: "noopener noreferrer" }, `[${i + 1}]`);
  });
}

function valueText(o) {
  const v = typeof o.value === "number" ? fmt(o.value) : o.value_text || "";
  return [o.qualifier || "", v].filter(Boolean).join(" ");
}

// ---------------------------------------------------------------- charts
function chart(data, metric, obs, colour) {
  const W = 460, H = 220, M = { l: 62, r: 14, t: 16, b: 30 };
  const pts = obs.map((o) => ({ o, x: parseDate(o.as_of), v: o.value })).filter((p) => p.x !== null);
  const years = pts.map((p) => new Date(p.x).getUTCFullYear());
  const y0 = Math.min(...years), y1 = Math.max(...years);
  const xmin = Date.UTC(y0, 0, 1), xmax = Date.UTC(y1 + 1, 0, 1);
  const axis = valueAxis(Math.min(...pts.map((p) => p.v)), Math.max(...pts.map((p) => p.v)), { target: 4, headroom: 1.02 });
  const vmin = axis.min, vmax = axis.max;
  const X = (x) => M.l + ((x - xmin) / (xmax - xmin)) * (W - M.l - M.r);
  const Y = (v) => H - M.b - ((v - vmin) / (vmax - vmin)) * (H - M.t - M.b);
  const unit = metric.unit || "";
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart-svg", role: "img", testid: "compare-chart-svg", "aria-label": `${metricName(metric)} (${unit || "—"})` });
  const grid = svg("g", { class: "grid" });
  for (const v of axis.ticks) {
    grid.append(svg("line", { x1: M.l, x2: W - M.r, y1: Y(v), y2: Y(v), class: v === 0 ? "axis-line" : "grid-line" }));
    grid.append(svg("text", { x: M.l - 6, y: Y(v) + 4, class: "tick tick-y", "text-anchor": "end" }, fmt(v)));
  }
  const ystep = Math.max(1, Math.ceil((y1 - y0 + 1) / 6));
  for (let y = y0; y <= y1; y += ystep) grid.append(svg("text", { x: X(Date.UTC(y, 6, 1)), y: H - M.b + 18, class: "tick tick-x", "text-anchor": "middle" }, String(y)));
  s.append(grid);
  const byPlace = new Map();
  for (const p of pts) {
    if (!byPlace.has(p.o.subject)) byPlace.set(p.o.subject, []);
    byPlace.get(p.o.subject).push(p);
  }
  for (const [subject, list] of byPlace) {
    list.sort((a, b) => a.x - b.x || isProjected(a.o) - isProjected(b.o));
    const c = colour.get(subject);
    const g = svg("g", { class: "series", dataset: { subject } });
    const line = (l) => l.map((p) => `${X(p.x).toFixed(1)},${Y(p.v).toFixed(1)}`).join(" ");
    const actual = list.filter((p) => !isProjected(p.o));
    const projected = list.filter((p) => isProjected(p.o));
    if (actual.length > 1) g.append(svg("polyline", { points: line(actual), class: "line line-actual", stroke: c, testid: "line-actual" }));
    const bridge = actual.length ? [actual[actual.length - 1], ...projected] : projected;
    if (projected.length && bridge.length > 1) g.append(svg("polyline", { points: line(bridge), class: "line line-target", stroke: c, testid: "line-projected" }));
    for (const p of list) {
      const proj = isProjected(p.o);
      const tip = `${placeName(data.places.find((x) => x.uri === subject) || { uri: subject })}: ${valueText(p.o)} ${unit} · ${p.o.as_of} · ${statusText(p.o)}`;
      const a = svg("a", { href: sourceHref(p.o), testid: "compare-point", dataset: { status: p.o.status || "actual", projected: proj ? "1" : "0", subject } });
      a.append(svg("circle", { cx: X(p.x).toFixed(1), cy: Y(p.v).toFixed(1), r: 5, class: proj ? "point point-target" : "point point-actual", stroke: c, fill: proj ? "#ffffff" : c }, svg("title", null, tip)));
      g.append(a);
    }
    s.append(g);
  }
  const scopes = metric.scopes || [];
  return h("figure", { class: "chart-panel", testid: "compare-chart", dataset: { metric: metric.metric, unit } },
    h("h3", { class: "chart-title" }, `${metricName(metric)}${unit ? ` (${unit})` : ""}`),
    s,
    scopes.length ? h("figcaption", { class: "muted small scope-note", testid: "scope-note" }, `${t("compare.scope")}: ${scopes.join("; ")}`) : null);
}

function sourceHref(o) {
  const s = (o.sources || [])[0];
  return s ? safeUrl(s.url) || `/id/${(s.uri || "").split("/id/")[1] || ""}` : "#";
}

function renderCharts(page, colour) {
  const { els, data } = page;
  clear(els.charts);
  const numeric = data.metrics.filter((m) => m.chart); // quantities only: ranks stay in the table
  els.chartsSection.hidden = numeric.length === 0;
  const legend = h("ul", { class: "chart-legend", testid: "compare-legend" },
    data.places.map((p) => h("li", null, h("span", { class: "legend-line", dataset: { color: colour.get(p.uri), colorProp: "border" }, "aria-hidden": "true" }), placeName(p))),
    h("li", null, h("span", { class: "legend-line", "aria-hidden": "true" }), t("compare.actual")),
    h("li", null, h("span", { class: "legend-line legend-target", "aria-hidden": "true" }), t("compare.projected")));
  paintSwatches(legend);
  els.charts.append(legend);
  const grid = h("div", { class: "small-multiples-grid" });
  for (const m of numeric) {
    const obs = data.observations.filter((o) => groupKey(o) === `${m.metric}|${m.unit}` && typeof o.value === "number");
    if (obs.length) grid.append(chart(data, m, obs, colour));
  }
  els.charts.append(grid);
}

// ---------------------------------------------------------------- table
function renderTable(page) {
  const { els, data } = page;
  clear(els.table);
  const rows = [];
  for (const m of data.metrics) {
    const obs = data.observations.filter((o) => groupKey(o) === `${m.metric}|${m.unit}`);
    const dates = [...new Set(obs.map((o) => o.as_of || ""))].sort();
    for (const d of dates) {
      rows.push(h("tr", { testid: "compare-row", dataset: { metric: m.metric, unit: m.unit } },
        h("th", { scope: "row" }, metricName(m), m.unit ? h("span", { class: "muted" }, ` (${m.unit})`) : null),
        h("td", { class: "nowrap" }, d),
        data.places.map((p) => {
          const cell = obs.filter((o) => o.subject === p.uri && (o.as_of || "") === d);
          return h("td", { class: "num", testid: "compare-cell" }, cell.map((o) => h("div", { class: isProjected(o) ? "cell-projected" : "cell-actual", dataset: { status: o.status || "actual" } },
            valueText(o), " ", h("span", { class: `status status-${isProjected(o) ? "target" : "actual"}` }, statusText(o)), " ", ...sourceLinks(o),
            o.scope ? h("div", { class: "muted small" }, o.scope) : null)));
        })));
    }
  }
  els.table.append(h("table", { class: "data-table compare-table", testid: "compare-wide-table" },
    h("thead", null, h("tr", null, h("th", null, t("entity.metric")), h("th", null, t("entity.as_of")), data.places.map((p) => h("th", { testid: "compare-place" }, placeName(p))))),
    h("tbody", null, rows)));
}

// ---------------------------------------------------------------- CSV
function csv(data) {
  const names = new Map(data.places.map((p) => [p.uri, placeName(p)]));
  const rows = data.observations.map((o) => [names.get(o.subject) || o.subject, o.subject, metricName(o), o.metric, o.unit || "",
    o.as_of || "", o.status || "", typeof o.value === "number" ? o.value : o.value_text || "", o.qualifier || "", o.scope || "",
    (o.sources || []).map((s) => [s.title, s.outlet, s.published].filter(Boolean).join(", ")).join(" | "),
    (o.sources || []).map((s) => s.url || s.uri).join(" | "), o.uri]);
  return csvText(["place", "place_uri", "metric", "metric_id", "unit", "as_of", "status", "value", "qualifier", "scope", "source", "source_url", "observation_uri"], rows);
}

function renderAll(page) {
  const colour = colours(page.data);
  renderCharts(page, colour);
  renderTable(page);
  page.els.csv.hidden = false;
}

async function reload(page) {
  const { els, root } = page;
  const sp = new URLSearchParams();
  for (const box of els.form.querySelectorAll('input[name="uri"]:checked')) sp.append("uri", box.value);
  root.dataset.state = "loading";
  page.data = await request(`/api/compare?${sp}`);
  history.replaceState(null, "", `/compare?${sp}`);
  renderAll(page);
  root.dataset.state = "ready";
}

// The page inside `rootEl` (its [data-testid="compare"] element); src/entries/compare.js calls it.
export function init(rootEl) {
  const page = newPage(rootEl, readJsonScript("pg-compare"));
  page.els = byTestId(rootEl, TESTIDS);
  const { els, root } = page;
  boot();
  els.form.addEventListener("submit", (e) => {
    e.preventDefault();
    reload(page).catch((err) => {
      root.dataset.state = "error";
      els.table.prepend(h("p", { class: "error", testid: "compare-error" }, err.message));
    });
  });
  els.csv.addEventListener("click", () => download("parkgraph-compare.csv", csv(page.data), "text/csv;charset=utf-8"));
  renderAll(page);
  root.dataset.state = "ready";
  onLangChange(() => renderAll(page));
}
