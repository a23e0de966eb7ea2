// The explorer's undo (src/pages/explorer/undo.js) on a real, headless Cytoscape graph: entries hold
// what an action changed, not copies of the canvas, and undoing gives the canvas back as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import cytoscape from "cytoscape";
import { createUndo } from "../src/pages/explorer/undo.js";

const node = (id, x = 0) => ({ group: "nodes", data: { id }, position: { x, y: 0 } });
const edge = (s, t) => ({ group: "edges", data: { id: `${s}-${t}`, source: s, target: t } });
const ids = (cy) => cy.elements().map((e) => e.id()).sort();

function setup(n = 500) {
  const cy = cytoscape({ headless: true, elements: Array.from({ length: n }, (_, i) => node(`n${i}`, i)) });
  let state = { ops: [] };
  const restored = [];
  const undo = createUndo(cy, { depth: 3, capture: () => state, restore: (s) => { restored.push(s); state = s; } });
  return { cy, undo, get: () => state, set: (s) => { state = s; }, restored };
}

test("an entry keeps only what its action changed", () => {
  const { cy, undo } = setup(500);
  undo.push();
  cy.add([node("a"), node("b"), edge("a", "n1")]);
  const before = ids(cy);
  assert.equal(before.length, 503);
  // what the entry holds: 3 ids added, nothing removed (the old undo copied all 503 elements)
  assert.deepEqual([...undo._entries()[0].added].sort(), ["a", "a-n1", "b"]);
  assert.equal(undo._entries()[0].removed.size, 0);
  undo.undo();
  assert.equal(cy.elements().length, 500);
  assert.equal(cy.getElementById("a").empty(), true);
});

test("removed elements come back with their data, position and edges; state is restored", () => {
  const { cy, undo, set, restored } = setup(3);
  cy.add(edge("n0", "n1"));
  cy.getElementById("n1").position({ x: 42, y: 7 });
  const before = ids(cy);
  undo.push();
  set({ ops: ["remove n1"] });
  cy.getElementById("n1").remove(); // takes its edge too
  assert.deepEqual(ids(cy), ["n0", "n2"]);
  undo.undo();
  assert.deepEqual(ids(cy), before);
  assert.deepEqual(cy.getElementById("n1").position(), { x: 42, y: 7 });
  assert.deepEqual(restored.at(-1), { ops: [] });
});

test("an element added and removed within one action leaves nothing to undo", () => {
  const { cy, undo } = setup(2);
  undo.push();
  cy.add(node("tmp"));
  cy.getElementById("tmp").remove();
  cy.getElementById("n0").remove();
  undo.undo();
  assert.deepEqual(ids(cy), ["n0", "n1"]);
});

test("actions undo in reverse order, and the history is bounded", () => {
  const { cy, undo } = setup(1);
  for (const id of ["a", "b", "c", "d"]) {
    undo.push();
    cy.add(node(id));
  }
  assert.equal(undo.size, 3); // depth 3: the oldest entry went
  undo.undo();
  assert.deepEqual(ids(cy), ["a", "b", "c", "n0"]);
  undo.undo();
  undo.undo();
  assert.deepEqual(ids(cy), ["a", "n0"]);
  assert.equal(undo.undo(), false);
});

test("analysis highlights are put back as they were", () => {
  const { cy, undo } = setup(3);
  cy.getElementById("n0").addClass("analysis-path");
  undo.push();
  cy.elements(".analysis-path").removeClass("analysis-path");
  cy.getElementById("n2").addClass("analysis-path analysis-focus");
  undo.undo();
  assert.deepEqual(cy.elements(".analysis-path").map((e) => e.id()), ["n0"]);
  assert.equal(cy.elements(".analysis-focus").length, 0);
});
