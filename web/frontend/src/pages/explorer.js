// Graph explorer (/): search, neighbourhoods added to one canvas, filters, details with sources,
// undo, permalink. Every change to the canvas is an operation in a log; the permalink is that log,
// so reloading it replays the same operations and gives the same nodes in the same places.
import { boot } from "../common/base.js";
import { api, ApiError } from "../common/api.js";
import { $, $all } from "../common/dom.js";
import { onLangChange, t } from "../common/i18n.js";
import { Model } from "../common/model.js";
import { createGraph, edgeElement, edgeId, labelEdges, nodeElement, placeAround, relabel } from "../common/graph.js";
import { initAnalysis } from "./analysis.js";
import { DEFAULT_HIDDEN_LABELS, decodeHash, dropNode, encodeHash, filterParams as filterLists, mergeGroups, sameSet } from "./explorer/state.js";
import { createUndo } from "./explorer/undo.js";
import { createDetails } from "./explorer/details.js";
import { createSearch } from "./explorer/search.js";
import { renderFilterLists, setAllFilters } from "./explorer/filters.js";

// Neighbours per relationship group: the server's setting, or ?limit=N in the page address.
let groupLimit;

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
let undoLog = null; // undo entries (explorer/undo.js)
let details = null; // the details panel (explorer/details.js)
let busy = 0;
let replaying = false;
let search = null; // the search box (explorer/search.js)

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

// ---------------------------------------------------------------- undo and permalink
function captureState() {
  // Sets are copied; `expanded` is copied on write by state.js, so keeping the reference is enough
  return { ops: state.ops.slice(), roots: new Set(state.roots), expanded: state.expanded,
    hiddenLabels: new Set(state.hiddenLabels), hiddenRels: new Set(state.hiddenRels), selected: state.selected };
}

function restoreState(snap) {
  Object.assign(state, snap);
  cy.nodes().forEach((n) => {
    n.toggleClass("root", state.roots.has(n.id()));
    n.toggleClass("expanded", state.expanded.has(n.id()));
  });
  renderFilters();
  applyFilters();
  cy.elements(":selected").unselect();
  if (state.selected && cy.getElementById(state.selected.id).nonempty()) cy.getElementById(state.selected.id).select();
  afterChange({ fit: false });
  renderDetails();
}

function pushUndo() {
  if (replaying) return;
  undoLog.push();
  els.undo.disabled = false;
}

function undo() {
  undoLog.undo();
  els.undo.disabled = undoLog.size === 0;
}

function writeHash() {
  if (replaying) return;
  const raw = encodeHash(state.ops, state.selected);
  const hash = raw ? `#${raw}` : "";
  if (location.hash !== hash) history.replaceState(null, "", `${location.pathname}${location.search}${hash}`);
}

function readHash() {
  return decodeHash(location.hash.replace(/^#/, ""));
}

// ---------------------------------------------------------------- canvas operations
function filterParams() {
  return filterLists(model.labels.map((l) => l.name), model.relTypes.map((r) => r.type), state.hiddenLabels, state.hiddenRels);
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

async function opExpand(uri, offset = null) {
  const data = await api.neighbourhood(uri, { limit: groupLimit, offset: offset || undefined, ...filterParams() });
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
  state.expanded = mergeGroups(state.expanded, uri, groups, pagedKey);
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
  state.expanded = new Map(state.expanded);
  state.expanded.delete(uri);
  node.removeClass("expanded");
}

function opRemove(uri) {
  const node = cy.getElementById(uri);
  node.remove();
  state.roots.delete(uri);
  state.expanded = dropNode(state.expanded, uri);
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
      // the failed operation's entry is useless
      undoLog.drop();
      els.undo.disabled = undoLog.size === 0;
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

// ---------------------------------------------------------------- filters / legend
function renderFilters() {
  renderFilterLists({ els, model, counts, state, onChange: filterChanged });
}

function filterChanged(hl, hr) {
  act({ op: "filter", hl, hr }, { fit: false });
}

// ---------------------------------------------------------------- details panel
function focusNode(uri) {
  const el = cy.getElementById(uri);
  if (el.nonempty()) {
    const ext = cy.extent();
    const p = el.position();
    if (p.x < ext.x1 + 20 || p.x > ext.x2 - 20 || p.y < ext.y1 + 20 || p.y > ext.y2 - 20) cy.center(el);
  }
  select({ kind: "node", id: uri });
}

function renderDetails() {
  return details.render();
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
        state.roots = new Set();
        state.expanded = new Map();
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
  for (const b of $all("[data-filter-all]")) b.addEventListener("click", () => setAllFilters(els, b.dataset.filterAll, true, filterChanged));
  for (const b of $all("[data-filter-none]")) b.addEventListener("click", () => setAllFilters(els, b.dataset.filterNone, false, filterChanged));
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
  groupLimit = Number.parseInt(new URLSearchParams(location.search).get("limit"), 10) || undefined;
  cy = createGraph(els.canvas);
  undoLog = createUndo(cy, { capture: captureState, restore: restoreState });
  details = createDetails({ el: els.details, cy, model: () => model, state, act, focusNode, errorMessage });
  window.parkgraphExplorer = {
    cy,
    nodeIds: () => cy.nodes().map((n) => n.id()).sort(),
    edgeIds: () => cy.edges().map((e) => e.id()).sort(),
    state,
  };
  wireCanvas();
  wireToolbar();
  search = createSearch({ els, model: () => model, setBusy, errorMessage, pickNode });
  search.wire();
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
      state.roots = new Set();
      state.expanded = new Map();
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
    search.rerender();
    afterChange({ fit: false });
    renderDetails();
  });
  root.dataset.ready = "true";
}
