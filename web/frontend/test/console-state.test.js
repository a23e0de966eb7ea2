// The console's pure state (src/pages/console/state.js): history, parameters, headers, CSV cells and
// the streamed answer. Run with Node's own runner: `node --test web/frontend/test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { HISTORY_MAX, answerJson, cellText, mergeStreamLine, parseHistory, parseParams, pushHistory, shortHeader } from "../src/pages/console/state.js";

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
