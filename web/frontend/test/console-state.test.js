// The console's pure state (src/pages/console/state.js): the page's state object, history, parameters,
// headers, CSV cells, the streamed answer and the error title. Run with Node's own runner: `node --test web/frontend/test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  HISTORY_MAX, answerJson, browseCursor, cellText, entryParams, errorTitle, exampleEntry, hasParams, mergeStreamLine, newPage,
  parseHistory, parseParams, pushHistory, shortHeader, streamStep,
} from "../src/pages/console/state.js";

test("history: newest first, a repeat refreshes its time, at most HISTORY_MAX entries", () => {
  let list = pushHistory([], "RETURN 1", "{}", "t1");
  list = pushHistory(list, "RETURN 2", "{}", "t2");
  list = pushHistory(list, "RETURN 2", "{}", "t3");
  assert.deepEqual(list, [{ query: "RETURN 2", params: "{}", at: "t3" }, { query: "RETURN 1", params: "{}", at: "t1" }]);
  for (let i = 0; i < HISTORY_MAX + 10; i++) list = pushHistory(list, `RETURN ${i}`, "{}", "t");
  assert.equal(list.length, HISTORY_MAX);
  assert.deepEqual(parseHistory("not json"), []);
  assert.deepEqual(parseHistory('[{"query": "RETURN 1"}, 3, null, {"q": 1}]'), [{ query: "RETURN 1" }]);
});

test("parameters: empty is {}, an object passes, anything else says what is wrong", () => {
  assert.deepEqual(parseParams("  "), { value: {} });
  assert.deepEqual(parseParams('{"uri": "x"}'), { value: { uri: "x" } });
  assert.equal(parseParams("[1]").error, "{…}");
  assert.ok(parseParams("{not json").error);
});

test("long column headers are shortened with an ellipsis", () => {
  assert.equal(shortHeader("n.name"), "n.name");
  const long = "label(r) ".repeat(20);
  assert.equal(shortHeader(long).length, 40);
  assert.ok(shortHeader(long).endsWith("…"));
});

test("CSV cells: nodes and relationships by IRI, other objects as JSON", () => {
  assert.equal(cellText({ uri: "u", labels: ["Park"], properties: {} }), "u");
  assert.equal(cellText({ uri: null, type: "PART_OF", start: "a", end: "b" }), "a|PART_OF|b");
  assert.equal(cellText({ a: 1 }), '{"a":1}');
  assert.equal(cellText(null), "");
  assert.equal(cellText(3), "3");
});

test("a streamed answer: the head line, then each batch appended in order", () => {
  let r = mergeStreamLine(null, { columns: ["i"], row_count: 3, truncated: false });
  r = mergeStreamLine(r, { rows: [[1], [2]] });
  r = mergeStreamLine(r, { rows: [[3]] });
  assert.deepEqual(r.columns, ["i"]);
  assert.deepEqual(r.rows, [[1], [2], [3]]);
  assert.equal(r.row_count, 3);
});

test("the JSON view and download are the answer as the API gave it", () => {
  const r = { columns: ["i"], rows: [[1]], complete: true };
  assert.deepEqual(JSON.parse(answerJson(r)), { columns: ["i"], rows: [[1]] });
  assert.equal(r.complete, true);
});

test("each page has its own state: two inits share nothing they change", () => {
  const model = { name: "empty model" };
  const a = newPage("root a", model);
  const b = newPage("root b", model);
  assert.equal(a.root, "root a");
  assert.equal(a.model, model);
  for (const key of ["els", "schemaRef", "engineRef", "info", "examples"]) assert.notEqual(a[key], b[key], key);
  a.els.run = "button";
  a.engineRef.current = "neo4j";
  a.examples.push({ id: "x" });
  a.historyCursor = 3;
  assert.deepEqual(b.els, {});
  assert.equal(b.engineRef.current, null);
  assert.deepEqual(b.examples, []);
  assert.equal(b.historyCursor, -1);
  // a new page shows nothing and runs nothing
  for (const key of ["view", "result", "lastError", "activeTab", "cy", "running", "ranAsEl", "table"]) assert.equal(b[key], null, key);
});

test("history browsing: Alt-Up goes older up to the oldest, Alt-Down back to the editor's own text", () => {
  assert.equal(browseCursor(-1, 1, 3), 0);
  assert.equal(browseCursor(1, 1, 3), 2);
  assert.equal(browseCursor(2, 1, 3), 2); // the oldest entry stays
  assert.equal(browseCursor(0, -1, 3), -1);
  assert.equal(browseCursor(-1, -1, 3), -1); // not below the editor's own text
  assert.equal(browseCursor(5, 1, 2), 1); // a history cleared shorter than the cursor
});

test("loading an entry or an example: parameters as text, the box open only when there are some", () => {
  assert.equal(entryParams({ query: "RETURN 1" }), "{}");
  assert.equal(entryParams({ query: "RETURN 1", params: "  " }), "{}");
  assert.equal(entryParams({ query: "RETURN $x", params: '{"x": 1}' }), '{"x": 1}');
  assert.equal(hasParams("{}"), false);
  assert.equal(hasParams(" {} "), false);
  assert.equal(hasParams(undefined), false);
  assert.equal(hasParams('{"x": 1}'), true);
  assert.deepEqual(exampleEntry({ id: "e", query: "RETURN 1", params: {} }), { query: "RETURN 1", params: "{}" });
  assert.deepEqual(exampleEntry({ query: "RETURN 1" }), { query: "RETURN 1", params: "{}" });
  const ex = exampleEntry({ query: "MATCH (p {uri: $uri}) RETURN p", params: { uri: "u" } });
  assert.equal(ex.params, '{\n  "uri": "u"\n}');
  assert.equal(hasParams(ex.params), true);
});

test("a streamed answer that opens on the table is drawn from its first batch and grows", () => {
  const asked = [];
  const tabOf = (answer) => {
    asked.push(answer.rows.length);
    return "table";
  };
  let s = { answer: null, shown: false };
  s = streamStep(s, { columns: ["i"], row_count: 3 }, tabOf);
  assert.equal(s.draw, null); // the head line alone draws nothing
  assert.deepEqual(s.answer.rows, []);
  s = streamStep(s, { rows: [[1], [2]] }, tabOf);
  assert.equal(s.draw, "show");
  assert.equal(s.shown, true);
  assert.deepEqual(s.answer.rows, [[1], [2]]);
  s = streamStep(s, { rows: [[3]] }, tabOf);
  assert.equal(s.draw, "more");
  assert.deepEqual(s.answer.rows, [[1], [2], [3]]);
  assert.deepEqual(asked, [2]); // the tab is chosen once, on the first batch
});

test("a streamed answer that opens on the graph waits for its last rows", () => {
  let s = { answer: null, shown: false };
  for (const line of [{ columns: ["n"] }, { rows: [[{ uri: "a" }]] }, { rows: [[{ uri: "b" }]] }]) {
    s = streamStep(s, line, () => "graph");
    assert.equal(s.draw, null);
    assert.equal(s.shown, false);
  }
  assert.equal(s.answer.rows.length, 2);
});

test("the error title: a refused write and a timeout in the page's words, else the server's name", () => {
  const t = (key) => `<${key}>`;
  assert.equal(errorTitle({ status: 403, error: "Forbidden" }, t), "<console.readonly_refused>");
  assert.equal(errorTitle({ status: 504, error: "QueryTimeout" }, t), "<console.timeout>");
  assert.equal(errorTitle({ status: 400, error: "CypherSyntaxError" }, t), "CypherSyntaxError");
  assert.equal(errorTitle({ status: 0 }, t), "<common.error>");
});
