// Graph explorer (/): search, neighbourhoods added to one canvas, filters, details with sources,
// undo, permalink. Every change to the canvas is an operation in a log; the permalink is that log,
// so reloading it replays the same operations and gives the same nodes in the same places.
import { boot } from "../common/base.js";
import { api, ApiError } from "../common/api.js";
import { $all, byTestId } from "../common/dom.js";
import { onLangChange, t } from "../common/i18n.js";
import { Model } from "../common/model.js";
import { createGraph, edgeElement, edgeId, labelEdges, nodeElement, placeAround, relabel } from "../common/graph.js";
import { initAnalysis } from "./analysis.js";
import { DEFAULT_HIDDEN_LABELS, decodeHash, dropNode, encodeHash, filterParams as filterLists, mergeGroups, newPage, sameSet } from "./explorer/state.js";
import { createUndo } from "./explorer/undo.js";
import { createDetails } from "./explorer/details.js";
import { createSearch } from "./explorer/search.js";
import { renderFilterLists, setAllFilters } from "./explorer/filters.js";

const TESTIDS = {
  form: "search-form", input: "search-input", status: "search-status", results: "search-results",
  labelFilters: "label-filters", relFilters: "rel-filters", canvas: "canvas", empty: "canvas-empty",
  canvasStatus: "canvas-status", details: "details-body", undo: "undo", toast: "toast",
};

// Every function below that reads or changes the page takes `page`, its whole state (newPage in
// ./explorer/state.js).

function setBusy(page, delta) {
  page.busy = Math.max(0, page.busy + delta);
  page.root.dataset.state = page.busy ? "busy" : "idle";
}

async function withBusy(page, fn) {
  setBusy(page, 1);
  try {
    return await fn();
  } finally {
    setBusy(page, -1);
  }
}

function toast(page, message, kind = "info") {
  const { els } = page;
  els.toast.textContent = message;
  els.toast.dataset.kind = kind;
  els.toast.hidden = false;
  clearTimeout(page.toastTimer);
  page.toastTimer = setTimeout(() => { els.toast.hidden = true; }, kind === "error" ? 8000 : 2500);
}

function errorMessage(e) {
  return e instanceof ApiError ? e.message : String(e && e.message ? e.message : e);
}

// ---------------------------------------------------------------- undo and permalink
function captureState(page) {
  const { state } = page;
  // Sets are copied; `expanded` is copied on write by state.js, so keeping the reference is enough
  return { ops: state.ops.slice(), roots: new Set(state.roots), expanded: state.expanded,
    hiddenLabels: new Set(state.hiddenLabels), hiddenRels: new Set(state.hiddenRels), selected: state.selected };
}

function restoreState(page, snap) {
  const { cy, state } = page;
  Object.assign(state, snap);
  cy.nodes().forEach((n) => {
    n.toggleClass("root", state.roots.has(n.id()));
    n.toggleClass("expanded", state.expanded.has(n.id()));
  });
  renderFilters(page);
  applyFilters(page);
  cy.elements(":selected").unselect();
  if (state.selected && cy.getElementById(state.selected.id).nonempty()) cy.getElementById(state.selected.id).select();
  afterChange(page, { fit: false });
  renderDetails(page);
}

function pushUndo(page) {
  const { els } = page;
  if (page.replaying) return;
  page.undoLog.push();
  els.undo.disabled = false;
}

function undo(page) {
  const { els } = page;
  page.undoLog.undo();
  els.undo.disabled = page.undoLog.size === 0;
}

function writeHash(page) {
  const { state } = page;
  if (page.replaying) return;
  const raw = encodeHash(state.ops, state.selected);
  const hash = raw ? `#${raw}` : "";
  if (location.hash !== hash) history.replaceState(null, "", `${location.pathname}${location.search}${hash}`);
}

function readHash() {
  return decodeHash(location.hash.replace(/^#/, ""));
}

// ---------------------------------------------------------------- canvas operations
function filterParams(page) {
  const { state } = page;
  return filterLists(page.model.labels.map((l) => l.name), page.model.relTypes.map((r) => r.type), state.hiddenLabels, state.hiddenRels);
}

function centroid(nodes) {
  if (!nodes.length) return null;
  let x = 0;
  let y = 0;
  nodes.forEach((n) => { x += n.position("x"); y += n.position("y"); });
  return { x: x / nodes.length, y: y / nodes.length };
}

// Add nodes and edges of an API answer; new nodes go around `anchorUri`.
function addToCanvas(page, anchorUri, nodes, edges) {
  const { cy } = page;
  const anchor = cy.getElementById(anchorUri);
  const known = anchor.nonempty() ? anchor.neighborhood("node") : cy.collection();
  const fresh = [];
  cy.batch(() => {
    for (const n of nodes) {
      if (!n || !n.uri || cy.getElementById(n.uri).nonempty()) continue;
      fresh.push(cy.add(nodeElement(page.model, n)));
    }
    for (const r of edges) {
      if (!r || cy.getElementById(edgeId(r)).nonempty()) continue;
      if (cy.getElementById(r.start).empty() || cy.getElementById(r.end).empty()) continue;
      cy.add(edgeElement(page.model, r));
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

function newRootPosition(page) {
  const { cy } = page;
  if (cy.nodes().empty()) return { x: 0, y: 0 };
  const bb = cy.nodes().boundingBox();
  return { x: bb.x2 + 260, y: (bb.y1 + bb.y2) / 2 };
}

async function opRoot(page, node) {
  const { cy, state } = page;
  if (cy.getElementById(node.uri).empty()) {
    const el = cy.add(nodeElement(page.model, node));
    el.position(newRootPosition(page));
  }
  state.roots.add(node.uri);
  cy.getElementById(node.uri).addClass("root");
}

async function opExpand(page, uri, offset = null) {
  const { cy, state } = page;
  const data = await api.neighbourhood(uri, { limit: page.groupLimit, offset: offset || undefined, ...filterParams(page) });
  if (cy.getElementById(uri).empty()) {
    const el = cy.add(nodeElement(page.model, data.center));
    el.position(newRootPosition(page));
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
  addToCanvas(page, uri, nodes, edges);
  state.expanded = mergeGroups(state.expanded, uri, groups, pagedKey);
  cy.getElementById(uri).addClass("expanded");
}

function opCollapse(page, uri) {
  const { cy, state } = page;
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

function opRemove(page, uri) {
  const { cy, state } = page;
  const node = cy.getElementById(uri);
  node.remove();
  state.roots.delete(uri);
  state.expanded = dropNode(state.expanded, uri);
}

function opFilter(page, hl, hr) {
  const { state } = page;
  state.hiddenLabels = new Set(hl);
  state.hiddenRels = new Set(hr);
  renderFilters(page);
  applyFilters(page);
}

async function perform(page, op, { record = true } = {}) {
  const { state } = page;
  if (record) pushUndo(page);
  switch (op.op) {
    case "root": {
      const node = op.node || (await api.node(op.uri)).node;
      await opRoot(page, node);
      break;
    }
    case "expand":
      await opExpand(page, op.uri);
      break;
    case "more":
      await opExpand(page, op.uri, op.offset);
      break;
    case "collapse":
      opCollapse(page, op.uri);
      break;
    case "remove":
      opRemove(page, op.uri);
      break;
    case "filter":
      opFilter(page, op.hl, op.hr);
      break;
    default:
      return;
  }
  const { node, ...logged } = op;
  state.ops.push(logged);
}

function defaultHiddenRels(page) {
  return page.model.relTypes.filter((r) => r.provenance).map((r) => r.type);
}

function filtersAreDefault(page) {
  const { state } = page;
  return sameSet(state.hiddenLabels, DEFAULT_HIDDEN_LABELS) && sameSet(state.hiddenRels, defaultHiddenRels(page));
}

function applyFilters(page) {
  const { cy, state } = page;
  cy.batch(() => {
    cy.nodes().forEach((n) => n.toggleClass("hidden", state.hiddenLabels.has(n.data("label"))));
    cy.edges().forEach((e) => e.toggleClass("hidden", state.hiddenRels.has(e.data("type"))));
  });
}

function afterChange(page, { fit = true } = {}) {
  const { els, cy, state } = page;
  applyFilters(page);
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
  writeHash(page);
}

// ---------------------------------------------------------------- user actions
async function act(page, op, { fit = true } = {}) {
  const { els } = page;
  await withBusy(page, async () => {
    try {
      await perform(page, op);
    } catch (e) {
      // the failed operation's entry is useless
      page.undoLog.drop();
      els.undo.disabled = page.undoLog.size === 0;
      toast(page, errorMessage(e), "error");
    }
    afterChange(page, { fit });
    renderDetails(page);
  });
}

async function pickNode(page, node) {
  const { state } = page;
  await withBusy(page, async () => {
    pushUndo(page);
    try {
      await perform(page, { op: "root", uri: node.uri, node }, { record: false });
      if (!state.expanded.has(node.uri)) await perform(page, { op: "expand", uri: node.uri }, { record: false });
    } catch (e) {
      toast(page, errorMessage(e), "error");
    }
    select(page, { kind: "node", id: node.uri });
    afterChange(page);
  });
}

function select(page, sel) {
  const { cy, state } = page;
  cy.elements(":selected").unselect();
  state.selected = sel;
  if (sel) {
    const el = cy.getElementById(sel.id);
    if (el.nonempty()) el.select();
  }
  labelEdges(cy, sel && sel.kind === "node" ? sel.id : null);
  writeHash(page);
  renderDetails(page);
}

// ---------------------------------------------------------------- filters / legend
function renderFilters(page) {
  const { els, state } = page;
  renderFilterLists({ els, model: page.model, counts: page.counts, state, onChange: (hl, hr) => filterChanged(page, hl, hr) });
}

function filterChanged(page, hl, hr) {
  act(page, { op: "filter", hl, hr }, { fit: false });
}

// ---------------------------------------------------------------- details panel
function focusNode(page, uri) {
  const { cy } = page;
  const el = cy.getElementById(uri);
  if (el.nonempty()) {
    const ext = cy.extent();
    const p = el.position();
    if (p.x < ext.x1 + 20 || p.x > ext.x2 - 20 || p.y < ext.y1 + 20 || p.y > ext.y2 - 20) cy.center(el);
  }
  select(page, { kind: "node", id: uri });
}

function renderDetails(page) {
  return page.details.render();
}

// ---------------------------------------------------------------- wiring
function wireCanvas(page) {
  const { cy, state } = page;
  cy.on("tap", "node", (evt) => {
    const uri = evt.target.id();
    select(page, { kind: "node", id: uri });
    if (!state.expanded.has(uri)) act(page, { op: "expand", uri }, { fit: false });
  });
  cy.on("tap", "edge", (evt) => select(page, { kind: "edge", id: evt.target.id() }));
  cy.on("tap", (evt) => {
    if (evt.target === cy) select(page, null);
  });
}

function wireToolbar(page) {
  const { els, cy, state } = page;
  for (const btn of $all("[data-action]", page.root)) {
    btn.addEventListener("click", async () => {
      const action = btn.dataset.action;
      if (action === "undo") undo(page);
      else if (action === "fit") cy.fit(cy.elements(":visible"), 40);
      else if (action === "relayout") {
        cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 110, nodeDimensionsIncludeLabels: true, fit: true, padding: 40 }).run();
      } else if (action === "clear") {
        pushUndo(page);
        cy.elements().remove();
        state.ops = [];
        state.roots = new Set();
        state.expanded = new Map();
        state.selected = null;
        if (!filtersAreDefault(page)) state.ops.push({ op: "filter", hl: [...state.hiddenLabels], hr: [...state.hiddenRels] });
        afterChange(page);
        renderDetails(page);
      } else if (action === "permalink") {
        writeHash(page);
        try {
          await navigator.clipboard.writeText(location.href);
          toast(page, t("explorer.permalink_copied"));
        } catch (_) {
          toast(page, location.href);
        }
      }
    });
  }
  for (const b of $all("[data-filter-all]", page.root)) b.addEventListener("click", () => setAllFilters(els, b.dataset.filterAll, true, (hl, hr) => filterChanged(page, hl, hr)));
  for (const b of $all("[data-filter-none]", page.root)) b.addEventListener("click", () => setAllFilters(els, b.dataset.filterNone, false, (hl, hr) => filterChanged(page, hl, hr)));
}

async function replay(page, saved) {
  const { els, cy, state } = page;
  page.replaying = true;
  els.canvasStatus.textContent = t("explorer.restoring");
  const failures = [];
  for (const op of saved.ops) {
    try {
      await perform(page, op, { record: false });
    } catch (e) {
      failures.push(errorMessage(e));
    }
  }
  page.replaying = false;
  if (failures.length) toast(page, t("explorer.restore_failed", { message: failures[0] }), "error");
  if (saved.selected && cy.getElementById(saved.selected.id).nonempty()) state.selected = saved.selected;
  afterChange(page);
  if (state.selected) cy.getElementById(state.selected.id).select();
  renderDetails(page);
}

// The page inside `rootEl` (its [data-testid="explorer"] element); src/entries/explorer.js calls it.
export async function init(rootEl) {
  const page = newPage(rootEl, new Model(null));
  page.els = byTestId(rootEl, TESTIDS);
  const { els, root, state } = page;
  boot();
  page.groupLimit = Number.parseInt(new URLSearchParams(location.search).get("limit"), 10) || undefined;
  const cy = createGraph(els.canvas);
  page.cy = cy;
  page.undoLog = createUndo(cy, { capture: () => captureState(page), restore: (snap) => restoreState(page, snap) });
  page.details = createDetails({ el: els.details, cy, model: () => page.model, state, act: (op, opts) => act(page, op, opts),
    focusNode: (uri) => focusNode(page, uri), errorMessage });
  window.parkgraphExplorer = {
    cy,
    nodeIds: () => cy.nodes().map((n) => n.id()).sort(),
    edgeIds: () => cy.edges().map((e) => e.id()).sort(),
    state,
  };
  wireCanvas(page);
  wireToolbar(page);
  const pick = (node) => pickNode(page, node);
  page.search = createSearch({ els, model: () => page.model, setBusy: (delta) => setBusy(page, delta), errorMessage, pickNode: pick });
  page.search.wire();
  page.analysis = initAnalysis({ root, cy, model: () => page.model, withBusy: (fn) => withBusy(page, fn), toast: (message, kind) => toast(page, message, kind),
    errorMessage, pushUndo: () => pushUndo(page), afterChange: (opts) => afterChange(page, opts), pickNode: pick });
  await withBusy(page, async () => {
    try {
      const [schema, info] = await Promise.all([api.schema(), api.info().catch(() => ({}))]);
      page.model = new Model(schema);
      page.counts = info.counts || page.counts;
      state.hiddenRels = new Set(defaultHiddenRels(page));
    } catch (e) {
      toast(page, errorMessage(e), "error");
    }
    page.analysis.modelChanged();
    renderFilters(page);
    const saved = readHash();
    if (saved && saved.ops.length) await replay(page, saved);
    else afterChange(page);
  });
  // a permalink pasted into this tab: start over from it
  window.addEventListener("hashchange", async () => {
    const saved = readHash();
    if (!saved) return;
    await withBusy(page, async () => {
      pushUndo(page);
      cy.elements().remove();
      state.ops = [];
      state.roots = new Set();
      state.expanded = new Map();
      state.selected = null;
      state.hiddenLabels = new Set(DEFAULT_HIDDEN_LABELS);
      state.hiddenRels = new Set(defaultHiddenRels(page));
      renderFilters(page);
      await replay(page, saved);
    });
  });
  onLangChange(() => {
    relabel(cy, page.model);
    renderFilters(page);
    page.search.rerender();
    afterChange(page, { fit: false });
    renderDetails(page);
  });
  root.dataset.ready = "true";
}
