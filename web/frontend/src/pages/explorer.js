// Graph explorer (/): search, neighbourhoods added to one canvas, filters, details with sources,
// undo, permalink. Every change to the canvas is an operation in a log; the permalink is that log,
// so reloading it replays the same operations and gives the same nodes in the same places.
import { boot } from "../common/base.js";
import { api, ApiError } from "../common/api.js";
import { $, $all, add, clear, h } from "../common/dom.js";
import { lang, onLangChange, t } from "../common/i18n.js";
import { Model, displayName, localParts } from "../common/model.js";
import { createGraph, edgeElement, edgeId, labelEdges, nodeElement, placeAround, relabel } from "../common/graph.js";
import { citationList, labelChip, namesBlock, paintSwatches, propertiesTable } from "../common/render.js";
import { initAnalysis } from "./analysis.js";

// Neighbours per relationship group: the server's setting, or ?limit=N in the page address.
const GROUP_LIMIT = Number.parseInt(new URLSearchParams(location.search).get("limit"), 10) || undefined;
const UNDO_DEPTH = 60;
const DEFAULT_HIDDEN_LABELS = ["Quote", "Source"];

let root = null;
let els = {};

// The page's elements, looked up inside its root.
function bind(rootEl) {
  root = rootEl;
  els = {
    form: $('[data-testid="search-form"]', root),
    input: $('[data-testid="search-input"]', root),
    status: $('[data-testid="search-status"]', root),
    results: $('[data-testid="search-results"]', root),
    labelFilters: $('[data-testid="label-filters"]', root),
    relFilters: $('[data-testid="rel-filters"]', root),
    canvas: $('[data-testid="canvas"]', root),
    empty: $('[data-testid="canvas-empty"]', root),
    canvasStatus: $('[data-testid="canvas-status"]', root),
    details: $('[data-testid="details-body"]', root),
    undo: $('[data-testid="undo"]', root),
    toast: $('[data-testid="toast"]', root),
  };
}

let model = new Model(null);
let counts = { nodes: {}, relationships: {} };
let cy = null;

// ---------------------------------------------------------------- state
const state = {
  ops: [], // the log the permalink encodes
  roots: new Set(),
  expanded: new Map(), // uri → Map(groupKey → {type, direction, key, total, shown, more, members: Map(uri → node)})
  hiddenLabels: new Set(DEFAULT_HIDDEN_LABELS),
  hiddenRels: new Set(),
  selected: null, // {kind: "node"|"edge", id}
};
const undoStack = [];
let busy = 0;
let replaying = false;
let lastResults = [];
const nodeInfoCache = new Map();

function setBusy(delta) {
  busy = Math.max(0, busy + delta);
  root.dataset.state = busy ? "busy" : "idle";
}

async function withBusy(fn) {
  setBusy(1);
  try {
    return await fn();
  } finally {
    setBusy(-1);
  }
}

function toast(message, kind = "info") {
  els.toast.textContent = message;
  els.toast.dataset.kind = kind;
  els.toast.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { els.toast.hidden = true; }, kind === "error" ? 8000 : 2500);
}

function errorMessage(e) {
  return e instanceof ApiError ? e.message : String(e && e.message ? e.message : e);
}

// ---------------------------------------------------------------- snapshots (undo)
function snapshot() {
  return {
    elements: cy.elements().map((e) => ({ group: e.group(), data: { ...e.data() }, position: e.isNode() ? { ...e.position() } : undefined, classes: e.classes() })),
    ops: state.ops.slice(),
    roots: [...state.roots],
    expanded: [...state.expanded].map(([uri, groups]) => [uri, [...groups].map(([k, g]) => [k, { ...g, members: new Map(g.members) }])]),
    hiddenLabels: [...state.hiddenLabels],
    hiddenRels: [...state.hiddenRels],
    selected: state.selected,
  };
}

function pushUndo() {
  if (replaying) return;
  undoStack.push(snapshot());
  if (undoStack.length > UNDO_DEPTH) undoStack.shift();
  els.undo.disabled = false;
}

function restore(snap) {
  cy.batch(() => {
    cy.elements().remove();
    cy.add(snap.elements.filter((e) => e.group === "nodes"));
    cy.add(snap.elements.filter((e) => e.group === "edges"));
  });
  state.ops = snap.ops.slice();
  state.roots = new Set(snap.roots);
  state.expanded = new Map(snap.expanded.map(([uri, groups]) => [uri, new Map(groups)]));
  state.hiddenLabels = new Set(snap.hiddenLabels);
  state.hiddenRels = new Set(snap.hiddenRels);
  state.selected = snap.selected;
  renderFilters();
  applyFilters();
  if (state.selected && cy.getElementById(state.selected.id).nonempty()) cy.getElementById(state.selected.id).select();
  afterChange({ fit: false });
  renderDetails();
}

function undo() {
  const snap = undoStack.pop();
  if (snap) restore(snap);
  els.undo.disabled = undoStack.length === 0;
}

// ---------------------------------------------------------------- permalink
function encodeUri(uri, base) {
  return base && uri.startsWith(base) ? uri.slice(base.length) : uri;
}

function decodeUri(s, base) {
  return /^[a-z][a-z0-9+.-]*:/i.test(s) || !base ? s : base + s;
}

function baseOf(uri) {
  const parts = localParts(uri);
  return parts ? uri.slice(0, uri.length - parts[0].length - parts[1].length - 1) : "";
}

function writeHash() {
  if (replaying) return;
  const sp = new URLSearchParams();
  const first = state.ops.find((o) => o.uri);
  const base = first ? baseOf(first.uri) : "";
  if (base) sp.set("b", base);
  for (const op of state.ops) {
    if (op.op === "filter") sp.append("o", `f~${op.hl.join(",")}~${op.hr.join(",")}`);
    else if (op.op === "more") sp.append("o", `m~${encodeUri(op.uri, base)}~${op.offset}`);
    else sp.append("o", `${op.op[0]}~${encodeUri(op.uri, base)}`);
  }
  if (state.selected) sp.set("s", state.selected.kind === "node" ? encodeUri(state.selected.id, base) : `edge:${state.selected.id}`);
  const hash = state.ops.length ? `#${sp.toString()}` : "";
  if (location.hash !== hash) history.replaceState(null, "", `${location.pathname}${location.search}${hash}`);
}

function readHash() {
  const raw = location.hash.replace(/^#/, "");
  if (!raw) return null;
  const sp = new URLSearchParams(raw);
  const base = sp.get("b") || "";
  const ops = [];
  const names = { r: "root", e: "expand", c: "collapse", d: "remove" };
  for (const item of sp.getAll("o")) {
    const [code, a, b] = item.split("~");
    if (code === "f") ops.push({ op: "filter", hl: a ? a.split(",") : [], hr: b ? b.split(",") : [] });
    else if (code === "m" && a && b) ops.push({ op: "more", uri: decodeUri(a, base), offset: b });
    else if (names[code] && a) ops.push({ op: names[code], uri: decodeUri(a, base) });
  }
  let selected = null;
  const s = sp.get("s");
  if (s) selected = s.startsWith("edge:") ? { kind: "edge", id: s.slice(5) } : { kind: "node", id: decodeUri(s, base) };
  return { ops, selected };
}

// ---------------------------------------------------------------- canvas operations
function filterParams() {
  const labels = model.labels.map((l) => l.name);
  const rels = model.relTypes.map((r) => r.type);
  const out = {};
  if (labels.some((l) => state.hiddenLabels.has(l))) out.labels = labels.filter((l) => !state.hiddenLabels.has(l));
  if (rels.some((r) => state.hiddenRels.has(r))) out.rels = rels.filter((r) => !state.hiddenRels.has(r));
  return out;
}

function centroid(nodes) {
  if (!nodes.length) return null;
  let x = 0;
  let y = 0;
  nodes.forEach((n) => { x += n.position("x"); y += n.position("y"); });
  return { x: x / nodes.length, y: y / nodes.length };
}

// Add nodes and edges of an API answer; new nodes go around `anchorUri`.
function addToCanvas(anchorUri, nodes, edges) {
  const anchor = cy.getElementById(anchorUri);
  const known = anchor.nonempty() ? anchor.neighborhood("node") : cy.collection();
  const fresh = [];
  cy.batch(() => {
    for (const n of nodes) {
      if (!n || !n.uri || cy.getElementById(n.uri).nonempty()) continue;
      fresh.push(cy.add(nodeElement(model, n)));
    }
    for (const r of edges) {
      if (!r || cy.getElementById(edgeId(r)).nonempty()) continue;
      if (cy.getElementById(r.start).empty() || cy.getElementById(r.end).empty()) continue;
      cy.add(edgeElement(model, r));
    }
  });
  if (anchor.nonempty() && fresh.length) {
    const others = known.length ? centroid(known) : centroid(cy.nodes().difference(anchor).difference(cy.collection(fresh)));
    const freshSet = cy.collection(fresh);
    const occupied = cy.nodes().difference(freshSet).map((n) => ({ ...n.position() }));
    placeAround(anchor.position(), fresh, others, occupied);
  }
  return fresh;
}

function newRootPosition() {
  if (cy.nodes().empty()) return { x: 0, y: 0 };
  const bb = cy.nodes().boundingBox();
  return { x: bb.x2 + 260, y: (bb.y1 + bb.y2) / 2 };
}

async function opRoot(node) {
  if (cy.getElementById(node.uri).empty()) {
    const el = cy.add(nodeElement(model, node));
    el.position(newRootPosition());
  }
  state.roots.add(node.uri);
  cy.getElementById(node.uri).addClass("root");
}

function mergeGroups(uri, groups, pagedKey) {
  let map = state.expanded.get(uri);
  if (!map) {
    map = new Map();
    state.expanded.set(uri, map);
  }
  for (const g of groups) {
    const prev = map.get(g.key);
    const shown = g.offset + g.items.length;
    const members = prev ? prev.members : new Map();
    for (const it of g.items) members.set(it.node.uri, { node: it.node, rel: it.rel });
    if (!prev || g.key === pagedKey || shown > prev.shown) {
      map.set(g.key, { type: g.type, direction: g.direction, key: g.key, total: g.total, shown: Math.max(shown, prev ? prev.shown : 0), more: g.key === pagedKey || !prev ? g.more : Math.min(prev.more, g.more), members });
    } else {
      prev.total = g.total;
    }
  }
}

async function opExpand(uri, offset = null) {
  const data = await api.neighbourhood(uri, { limit: GROUP_LIMIT, offset: offset || undefined, ...filterParams() });
  if (cy.getElementById(uri).empty()) {
    const el = cy.add(nodeElement(model, data.center));
    el.position(newRootPosition());
    state.roots.add(uri);
    el.addClass("root");
  }
  const pagedKey = offset ? offset.split(":").slice(0, 2).join(":") : null;
  const groups = pagedKey ? data.groups.filter((g) => g.key === pagedKey) : data.groups;
  const nodes = [];
  const edges = [];
  for (const g of groups) for (const it of g.items) { nodes.push(it.node); edges.push(it.rel); }
  // edges between nodes already on the canvas come along too
  const onCanvas = new Set([...nodes.map((n) => n.uri), ...cy.nodes().map((n) => n.id())]);
  for (const e of data.edges || []) if (onCanvas.has(e.start) && onCanvas.has(e.end)) edges.push(e);
  addToCanvas(uri, nodes, edges);
  mergeGroups(uri, groups, pagedKey);
  cy.getElementById(uri).addClass("expanded");
}

function opCollapse(uri) {
  const node = cy.getElementById(uri);
  if (node.empty()) return;
  const removable = node.neighborhood("node").filter((n) => {
    if (state.roots.has(n.id()) || state.expanded.has(n.id())) return false;
    return n.connectedEdges().connectedNodes().difference(n).every((m) => m.id() === uri);
  });
  cy.batch(() => removable.remove());
  state.expanded.delete(uri);
  node.removeClass("expanded");
}

function opRemove(uri) {
  const node = cy.getElementById(uri);
  node.remove();
  state.roots.delete(uri);
  state.expanded.delete(uri);
  for (const groups of state.expanded.values()) for (const g of groups.values()) g.members.delete(uri);
}

function opFilter(hl, hr) {
  state.hiddenLabels = new Set(hl);
  state.hiddenRels = new Set(hr);
  renderFilters();
  applyFilters();
}

async function perform(op, { record = true } = {}) {
  if (record) pushUndo();
  switch (op.op) {
    case "root": {
      const node = op.node || (await api.node(op.uri)).node;
      await opRoot(node);
      break;
    }
    case "expand":
      await opExpand(op.uri);
      break;
    case "more":
      await opExpand(op.uri, op.offset);
      break;
    case "collapse":
      opCollapse(op.uri);
      break;
    case "remove":
      opRemove(op.uri);
      break;
    case "filter":
      opFilter(op.hl, op.hr);
      break;
    default:
      return;
  }
  const { node, ...logged } = op;
  state.ops.push(logged);
}

function defaultHiddenRels() {
  return model.relTypes.filter((r) => r.provenance).map((r) => r.type);
}

function sameSet(a, b) {
  return a.size === b.length && b.every((x) => a.has(x));
}

function filtersAreDefault() {
  return sameSet(state.hiddenLabels, DEFAULT_HIDDEN_LABELS) && sameSet(state.hiddenRels, defaultHiddenRels());
}

function applyFilters() {
  cy.batch(() => {
    cy.nodes().forEach((n) => n.toggleClass("hidden", state.hiddenLabels.has(n.data("label"))));
    cy.edges().forEach((e) => e.toggleClass("hidden", state.hiddenRels.has(e.data("type"))));
  });
}

function afterChange({ fit = true } = {}) {
  applyFilters();
  labelEdges(cy, state.selected && state.selected.kind === "node" ? state.selected.id : null);
  const n = cy.nodes().length;
  const m = cy.edges().length;
  els.canvasStatus.textContent = n ? t("explorer.status", { nodes: n, edges: m }) : "";
  els.canvas.dataset.nodes = String(n);
  els.canvas.dataset.edges = String(m);
  els.empty.hidden = n > 0;
  if (fit && n) {
    cy.fit(cy.elements(":visible"), 40);
    if (cy.zoom() > 1.3) {
      cy.zoom(1.3);
      cy.center(cy.elements(":visible"));
    }
  }
  writeHash();
}

// ---------------------------------------------------------------- user actions
async function act(op, { fit = true } = {}) {
  await withBusy(async () => {
    try {
      await perform(op);
    } catch (e) {
      // the failed operation's snapshot is useless
      undoStack.pop();
      els.undo.disabled = undoStack.length === 0;
      toast(errorMessage(e), "error");
    }
    afterChange({ fit });
    renderDetails();
  });
}

async function pickNode(node) {
  await withBusy(async () => {
    pushUndo();
    try {
      await perform({ op: "root", uri: node.uri, node }, { record: false });
      if (!state.expanded.has(node.uri)) await perform({ op: "expand", uri: node.uri }, { record: false });
    } catch (e) {
      toast(errorMessage(e), "error");
    }
    select({ kind: "node", id: node.uri });
    afterChange();
  });
}

function select(sel) {
  cy.elements(":selected").unselect();
  state.selected = sel;
  if (sel) {
    const el = cy.getElementById(sel.id);
    if (el.nonempty()) el.select();
  }
  labelEdges(cy, sel && sel.kind === "node" ? sel.id : null);
  writeHash();
  renderDetails();
}

// ---------------------------------------------------------------- search
let searchAbort = null;
let searchTimer = null;

const SEARCH_PAGE = 20;
let lastTotal = 0;

async function runSearch(q, { more = false } = {}) {
  q = q.trim();
  if (searchAbort) searchAbort.abort();
  if (!q) {
    lastResults = [];
    lastTotal = 0;
    els.status.textContent = t("search.hint");
    clear(els.results);
    return;
  }
  searchAbort = new AbortController();
  const signal = searchAbort.signal;
  setBusy(1);
  try {
    // the API gives the total and pages (offset/limit): "more" appends the next page
    const offset = more ? lastResults.length : 0;
    const data = await api.search(q, { limit: SEARCH_PAGE, offset, signal });
    lastResults = more ? lastResults.concat(data.results || []) : data.results || [];
    lastTotal = data.total ?? lastResults.length;
    renderResults(q);
  } catch (e) {
    if (e.name !== "AbortError") els.status.textContent = errorMessage(e);
  } finally {
    setBusy(-1);
  }
}

function renderResults(q) {
  clear(els.results);
  els.status.textContent = !lastResults.length ? t("search.no_results", { q })
    : lastTotal > lastResults.length ? t("search.results_of", { n: lastResults.length, total: lastTotal })
      : t("search.results", { n: lastResults.length });
  for (const node of lastResults) {
    const labelName = node.labels[0];
    const li = h("li", null,
      h("button", { type: "button", class: "search-hit", testid: "search-result", dataset: { uri: node.uri }, onclick: () => pickNode(node) },
        h("span", { class: "hit-name" }, displayName(node).primary),
        h("span", { class: "hit-sub" }, labelChip(model, labelName), h("span", { class: "name-secondary" }, displayName(node).secondary))));
    els.results.append(li);
  }
  if (lastTotal > lastResults.length) {
    els.results.append(h("li", null, h("button", { type: "button", class: "search-more", testid: "search-more",
      onclick: () => runSearch(q, { more: true }) }, t("search.more"))));
  }
}

// ---------------------------------------------------------------- filters / legend
function renderFilters() {
  clear(els.labelFilters);
  for (const l of model.labels) {
    const sw = h("span", { class: "swatch", dataset: { color: l.color || "#999" }, "aria-hidden": "true" });
    const n = counts.nodes ? counts.nodes[l.name] : undefined;
    const input = h("input", { type: "checkbox", value: l.name, checked: !state.hiddenLabels.has(l.name), testid: `filter-label-${l.name}` });
    input.addEventListener("change", () => changeFilter());
    els.labelFilters.append(h("li", null, h("label", { title: lang() === "zh" ? l.definition_zh : l.definition_en }, input, sw,
      h("span", { class: "filter-name" }, lang() === "zh" ? l.label_zh : l.label_en),
      n !== undefined ? h("span", { class: "count" }, String(n)) : null)));
  }
  paintSwatches(els.labelFilters);
  clear(els.relFilters);
  for (const r of model.relTypes) {
    const n = counts.relationships ? counts.relationships[r.type] : undefined;
    const input = h("input", { type: "checkbox", value: r.type, checked: !state.hiddenRels.has(r.type), testid: `filter-rel-${r.type}` });
    input.addEventListener("change", () => changeFilter());
    els.relFilters.append(h("li", null, h("label", { title: r.type }, input,
      h("span", { class: "filter-name" }, lang() === "zh" ? r.label_zh : r.label_en),
      h("code", { class: "reltype" }, r.type),
      n !== undefined ? h("span", { class: "count" }, String(n)) : null)));
  }
}

function changeFilter() {
  const hl = $all("input", els.labelFilters).filter((i) => !i.checked).map((i) => i.value);
  const hr = $all("input", els.relFilters).filter((i) => !i.checked).map((i) => i.value);
  act({ op: "filter", hl, hr }, { fit: false });
}

function setAllFilters(which, on) {
  const list = which === "labels" ? els.labelFilters : els.relFilters;
  $all("input", list).forEach((i) => { i.checked = on; });
  changeFilter();
}

// ---------------------------------------------------------------- details panel
async function nodeInfo(uri) {
  if (!nodeInfoCache.has(uri)) nodeInfoCache.set(uri, api.node(uri).catch((e) => { nodeInfoCache.delete(uri); throw e; }));
  return nodeInfoCache.get(uri);
}

const provenanceCache = new Map();
async function relProvenance(uri) {
  if (!provenanceCache.has(uri)) provenanceCache.set(uri, api.provenance(uri).catch((e) => { provenanceCache.delete(uri); throw e; }));
  return provenanceCache.get(uri);
}

function focusNode(uri) {
  const el = cy.getElementById(uri);
  if (el.nonempty()) {
    const ext = cy.extent();
    const p = el.position();
    if (p.x < ext.x1 + 20 || p.x > ext.x2 - 20 || p.y < ext.y1 + 20 || p.y > ext.y2 - 20) cy.center(el);
  }
  select({ kind: "node", id: uri });
}

function groupsSection(uri) {
  const groups = state.expanded.get(uri);
  if (!groups || !groups.size) return null;
  const list = h("ul", { class: "groups", testid: "groups" });
  const sorted = [...groups.values()].sort((a, b) => (model.isProvenanceRel(a.type) - model.isProvenanceRel(b.type)) || a.key.localeCompare(b.key));
  for (const g of sorted) {
    const members = [...g.members.values()].filter(({ node }) => cy.getElementById(node.uri).nonempty());
    const more = g.more > 0
      ? h("button", { type: "button", class: "btn btn-small", testid: "group-more", dataset: { key: g.key },
          onclick: () => act({ op: "more", uri, offset: `${g.key}:${g.shown}` }) }, t("explorer.more", { n: g.more }))
      : null;
    list.append(h("li", { class: "group", testid: "group", dataset: { key: g.key } },
      h("div", { class: "group-head" },
        h("span", { class: "dir", title: g.direction }, t(`dir.${g.direction}`)),
        h("span", { class: "group-name" }, model.relName(g.type)),
        h("span", { class: "count", testid: "group-count", title: t("explorer.group_count", { shown: g.shown, total: g.total }) }, String(g.total)),
        more),
      h("ul", { class: "members" },
        members.map(({ node }) => {
          const sw = h("span", { class: "swatch", dataset: { color: model.color(node.labels[0]) }, "aria-hidden": "true" });
          return h("li", null, h("button", { type: "button", class: "member", testid: "group-item", dataset: { uri: node.uri }, onclick: () => focusNode(node.uri) },
            sw, displayName(node).primary));
        }))));
  }
  paintSwatches(list);
  return h("section", { class: "detail-section" }, h("h3", null, t("explorer.neighbours")), list);
}

let detailsToken = 0;

async function renderDetails() {
  const token = ++detailsToken;
  const sel = state.selected;
  clear(els.details);
  if (!sel || cy.getElementById(sel.id).empty()) {
    els.details.append(h("p", { class: "hint" }, t("explorer.details_empty")));
    return;
  }
  const el = cy.getElementById(sel.id);
  if (el.isNode()) {
    const node = el.data("node");
    const uri = node.uri;
    const labelName = node.labels[0];
    const path = model.entityPath(uri);
    const expanded = state.expanded.has(uri);
    add(els.details,
      h("div", { class: "detail-head", testid: "details-node", dataset: { uri } },
        labelChip(model, labelName),
        namesBlock(node, { tag: "h3" }),
        h("div", { class: "detail-actions" },
          expanded
            ? h("button", { type: "button", class: "btn btn-small", testid: "collapse", onclick: () => act({ op: "collapse", uri }, { fit: false }) }, t("explorer.collapse"))
            : h("button", { type: "button", class: "btn btn-small btn-primary", testid: "expand", onclick: () => act({ op: "expand", uri }) }, t("explorer.expand")),
          h("button", { type: "button", class: "btn btn-small", testid: "remove", onclick: () => act({ op: "remove", uri }, { fit: false }) }, t("explorer.remove")),
          path ? h("a", { class: "btn btn-small", href: path, testid: "entity-link" }, t("common.open_entity")) : null)),
      groupsSection(uri),
      h("section", { class: "detail-section" }, h("h3", null, t("common.properties")), propertiesTable(model, node.properties, { skip: ["uri"] }),
        h("p", { class: "uri" }, h("code", null, uri))),
    );
    const sources = h("section", { class: "detail-section", testid: "details-sources" }, h("h3", null, t("common.sources")), h("p", { class: "muted" }, t("common.loading")));
    els.details.append(sources);
    try {
      const info = await nodeInfo(uri);
      if (token !== detailsToken) return;
      sources.lastChild.replaceWith(citationList(info.provenance || [], { model }));
    } catch (e) {
      if (token === detailsToken) sources.lastChild.replaceWith(h("p", { class: "error" }, errorMessage(e)));
    }
  } else {
    const rel = el.data("rel");
    const src = cy.getElementById(rel.start);
    const dst = cy.getElementById(rel.end);
    const endpoint = (n, uri) => h("button", { type: "button", class: "member", onclick: () => focusNode(uri) }, n.nonempty() ? displayName(n.data("node")).primary : uri);
    const { quotes, ...props } = rel.properties || {};
    add(els.details,
      h("div", { class: "detail-head", testid: "details-edge", dataset: { uri: rel.uri || "" } },
        h("span", { class: "chip" }, t("explorer.relationship")),
        h("h3", { class: "names" }, h("span", { class: "name-primary" }, model.relName(rel.type)), h("span", { class: "name-secondary" }, rel.type)),
        h("dl", { class: "endpoints" }, h("dt", null, t("explorer.from")), h("dd", null, endpoint(src, rel.start)), h("dt", null, t("explorer.to")), h("dd", null, endpoint(dst, rel.end)))),
      h("section", { class: "detail-section" }, h("h3", null, t("common.properties")), propertiesTable(model, props), rel.uri ? h("p", { class: "uri" }, h("code", null, rel.uri)) : null),
    );
    const sources = h("section", { class: "detail-section", testid: "details-sources" }, h("h3", null, t("common.sources")), h("p", { class: "muted" }, t("common.loading")));
    els.details.append(sources);
    if (!rel.uri) {
      sources.lastChild.replaceWith(citationList([], { model }));
      return;
    }
    try {
      const prov = await relProvenance(rel.uri);
      if (token !== detailsToken) return;
      sources.lastChild.replaceWith(citationList(prov.citations || [], { model }));
    } catch (e) {
      if (token === detailsToken) sources.lastChild.replaceWith(h("p", { class: "error" }, errorMessage(e)));
    }
  }
}

// ---------------------------------------------------------------- wiring
function wireCanvas() {
  cy.on("tap", "node", (evt) => {
    const uri = evt.target.id();
    select({ kind: "node", id: uri });
    if (!state.expanded.has(uri)) act({ op: "expand", uri }, { fit: false });
  });
  cy.on("tap", "edge", (evt) => select({ kind: "edge", id: evt.target.id() }));
  cy.on("tap", (evt) => {
    if (evt.target === cy) select(null);
  });
}

function wireToolbar() {
  for (const btn of $all("[data-action]")) {
    btn.addEventListener("click", async () => {
      const action = btn.dataset.action;
      if (action === "undo") undo();
      else if (action === "fit") cy.fit(cy.elements(":visible"), 40);
      else if (action === "relayout") {
        cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 110, nodeDimensionsIncludeLabels: true, fit: true, padding: 40 }).run();
      } else if (action === "clear") {
        pushUndo();
        cy.elements().remove();
        state.ops = [];
        state.roots.clear();
        state.expanded.clear();
        state.selected = null;
        if (!filtersAreDefault()) state.ops.push({ op: "filter", hl: [...state.hiddenLabels], hr: [...state.hiddenRels] });
        afterChange();
        renderDetails();
      } else if (action === "permalink") {
        writeHash();
        try {
          await navigator.clipboard.writeText(location.href);
          toast(t("explorer.permalink_copied"));
        } catch (_) {
          toast(location.href);
        }
      }
    });
  }
  for (const b of $all("[data-filter-all]")) b.addEventListener("click", () => setAllFilters(b.dataset.filterAll, true));
  for (const b of $all("[data-filter-none]")) b.addEventListener("click", () => setAllFilters(b.dataset.filterNone, false));
}

function wireSearch() {
  els.form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(searchTimer);
    runSearch(els.input.value);
  });
  els.input.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => runSearch(els.input.value), 250);
  });
}

async function replay(saved) {
  replaying = true;
  els.canvasStatus.textContent = t("explorer.restoring");
  const failures = [];
  for (const op of saved.ops) {
    try {
      await perform(op, { record: false });
    } catch (e) {
      failures.push(errorMessage(e));
    }
  }
  replaying = false;
  if (failures.length) toast(t("explorer.restore_failed", { message: failures[0] }), "error");
  if (saved.selected && cy.getElementById(saved.selected.id).nonempty()) state.selected = saved.selected;
  afterChange();
  if (state.selected) cy.getElementById(state.selected.id).select();
  renderDetails();
}

// The page inside `rootEl` (its [data-testid="explorer"] element); src/entries/explorer.js calls it.
export async function init(rootEl) {
  bind(rootEl);
  boot();
  cy = createGraph(els.canvas);
  window.parkgraphExplorer = {
    cy,
    nodeIds: () => cy.nodes().map((n) => n.id()).sort(),
    edgeIds: () => cy.edges().map((e) => e.id()).sort(),
    state,
  };
  wireCanvas();
  wireToolbar();
  wireSearch();
  const analysis = initAnalysis({ cy, model: () => model, withBusy, toast, errorMessage, pushUndo, afterChange, pickNode });
  await withBusy(async () => {
    try {
      const [schema, info] = await Promise.all([api.schema(), api.info().catch(() => ({}))]);
      model = new Model(schema);
      counts = info.counts || counts;
      state.hiddenRels = new Set(defaultHiddenRels());
    } catch (e) {
      toast(errorMessage(e), "error");
    }
    analysis.modelChanged();
    renderFilters();
    const saved = readHash();
    if (saved && saved.ops.length) await replay(saved);
    else afterChange();
  });
  // a permalink pasted into this tab: start over from it
  window.addEventListener("hashchange", async () => {
    const saved = readHash();
    if (!saved) return;
    await withBusy(async () => {
      pushUndo();
      cy.elements().remove();
      state.ops = [];
      state.roots.clear();
      state.expanded.clear();
      state.selected = null;
      state.hiddenLabels = new Set(DEFAULT_HIDDEN_LABELS);
      state.hiddenRels = new Set(defaultHiddenRels());
      renderFilters();
      await replay(saved);
    });
  });
  onLangChange(() => {
    relabel(cy, model);
    renderFilters();
    if (lastResults.length) renderResults(els.input.value);
    else els.status.textContent = t("search.hint");
    afterChange({ fit: false });
    renderDetails();
  });
  root.dataset.ready = "true";
}
