// Each page's state object (issue #18, after the console's): init(root) makes one with newPage in
// the page's state.js, so two pages (or two test runs) share nothing they change. Run with Node's
// own runner: `node --test web/frontend/test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage as newConsole } from "../src/pages/console/state.js";
import { newPage as newSparql } from "../src/pages/sparql/state.js";
import { newPage as newEntity } from "../src/pages/entity/state.js";
import { newPage as newCompare } from "../src/pages/compare/state.js";
import { newAnalysis, newPage as newExplorer, DEFAULT_HIDDEN_LABELS } from "../src/pages/explorer/state.js";

// Every object, array, Set and Map reachable from `page`, with its path, except `shared` (what the
// caller passed in: the root, the model, the server's data).
function mutableParts(page, shared, path = "page", out = new Map()) {
  if (page === null || typeof page !== "object" || shared.includes(page)) return out;
  out.set(path, page);
  const children = page instanceof Map ? [...page.entries()].map(([k, v]) => [String(k), v])
    : page instanceof Set ? [...page].map((v, i) => [String(i), v]) : Object.entries(page);
  for (const [k, v] of children) mutableParts(v, shared, `${path}.${k}`, out);
  return out;
}

// Two pages made alike hold no mutable part in common, whatever its depth.
function assertNothingShared(make, shared) {
  const a = mutableParts(make("root a"), shared);
  const b = mutableParts(make("root b"), shared);
  assert.deepEqual([...a.keys()], [...b.keys()]); // made alike
  assert.ok(a.size > 1);
  for (const [path, part] of a) assert.notEqual(part, b.get(path), `${path} is shared`);
}

const model = { name: "the empty model" };

test("every page's newPage: two pages share no object, array, Set or Map", () => {
  const data = { places: [], metrics: [], observations: [] };
  assertNothingShared((root) => newConsole(root, model), [model]);
  assertNothingShared((root) => newSparql(root, model), [model]);
  assertNothingShared((root) => newEntity(root, model), [model]);
  assertNothingShared((root) => newCompare(root, data), [data]);
  assertNothingShared((root) => newExplorer(root, model), [model]);
  assertNothingShared((root) => newAnalysis(root, "cy"), []);
});

test("SPARQL: what one page runs and shows is not the other's", () => {
  const a = newSparql("root a", model);
  const b = newSparql("root b", model);
  assert.equal(a.root, "root a");
  assert.equal(a.model, model);
  a.els.run = "button";
  a.info.max_rows = 10;
  a.examples.push({ id: "x" });
  Object.assign(a, { result: { boolean: true }, lastError: { title: "t" }, truncated: true, unavailableStatus: 404, examplesStatus: 500, elapsed: 7 });
  assert.deepEqual(b.els, {});
  assert.deepEqual(b.info, {});
  assert.deepEqual(b.examples, []);
  for (const key of ["view", "result", "lastError", "unavailableStatus", "examplesStatus"]) assert.equal(b[key], null, key);
  assert.equal(b.truncated, false);
  assert.equal(b.elapsed, 0);
});

test("entity: one page's entity and observations are not the other's", () => {
  const a = newEntity("root a", model);
  const b = newEntity("root b", model);
  a.els.head = "header";
  a.observations.push({ uri: "o1", subject: null });
  a.data = { node: { uri: "u" } };
  assert.deepEqual(b.els, {});
  assert.deepEqual(b.observations, []);
  assert.equal(b.data, null);
});

test("compare: each page keeps its own data; a reload of one leaves the other", () => {
  const first = { places: [{ uri: "p1" }] };
  const a = newCompare("root a", first);
  const b = newCompare("root b", first);
  a.data = { places: [{ uri: "p2" }] };
  a.els.csv = "button";
  assert.equal(b.data, first);
  assert.deepEqual(b.els, {});
});

test("explorer: the canvas state, undo, busy count and toast timer are each page's own", () => {
  const a = newExplorer("root a", model);
  const b = newExplorer("root b", model);
  a.state.ops.push({ op: "root", uri: "u" });
  a.state.roots.add("u");
  a.state.expanded.set("u", new Map());
  a.state.hiddenLabels.delete("Quote");
  a.state.hiddenRels.add("CITES");
  a.state.selected = { kind: "node", id: "u" };
  a.counts.nodes.Park = 3;
  Object.assign(a, { busy: 2, replaying: true, toastTimer: 1, groupLimit: 5 });
  assert.deepEqual(b.state.ops, []);
  assert.equal(b.state.roots.size, 0);
  assert.equal(b.state.expanded.size, 0);
  assert.deepEqual([...b.state.hiddenLabels], DEFAULT_HIDDEN_LABELS); // Quote and Source hidden at first
  assert.equal(b.state.hiddenRels.size, 0);
  assert.equal(b.state.selected, null);
  assert.deepEqual(b.counts, { nodes: {}, relationships: {} });
  assert.equal(b.busy, 0);
  assert.equal(b.replaying, false);
  assert.equal(b.groupLimit, undefined); // the server's setting unless ?limit=N
  for (const key of ["cy", "undoLog", "details", "search", "analysis", "toastTimer"]) assert.equal(b[key], null, key);
  // the hidden labels are a copy: the shared default list is never changed
  assert.deepEqual(DEFAULT_HIDDEN_LABELS, ["Quote", "Source"]);
});

test("the Analysis panel: one page's answers are not the other's", () => {
  const a = newAnalysis("root a", "cy a");
  const b = newAnalysis("root b", "cy b");
  assert.equal(a.root, "root a");
  assert.equal(a.cy, "cy a");
  a.last.paths = { paths: [] };
  a.last.communities = { communities: [] };
  a.els.run = "button";
  assert.deepEqual(b.last, { paths: null, centrality: null, communities: null });
  assert.deepEqual(b.els, {});
  assert.equal(b.from, null);
});
