// The SPARQL page's pure state (src/pages/sparql/state.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { answerState, resultTable } from "../src/pages/sparql/state.js";

const ok = (json, extra = {}) => ({ status: 200, ok: true, type: "application/sparql-results+json", truncated: false, json, text: "", ...extra });

test("a result, truncated or not", () => {
  const json = { head: { vars: ["s"] }, results: { bindings: [] } };
  assert.deepEqual(answerState(ok(json)), { result: json, error: null, unavailable: null, truncated: false });
  assert.equal(answerState(ok(json, { truncated: true })).truncated, true);
});

test("no endpoint (404/405/501) is not an error but a notice", () => {
  for (const status of [404, 405, 501]) assert.equal(answerState({ status, ok: false, json: null, text: "" }).unavailable, status);
});

test("an error keeps the server's title and message, or the start of its text", () => {
  const e = answerState({ status: 400, ok: false, json: { error: "bad query", message: "line 1" }, text: "" });
  assert.deepEqual(e.error, { title: "bad query", message: "line 1" });
  const plain = answerState({ status: 500, ok: false, json: null, text: "x".repeat(3000) });
  assert.equal(plain.error.title, "HTTP 500");
  assert.equal(plain.error.message.length, 2000);
  assert.match(answerState({ status: 200, ok: true, type: "text/html", json: null, text: "<p>" }, "Error").error.message, /^text\/html: <p>/);
});

test("a SELECT result as a table of plain values; ASK has none", () => {
  const json = { head: { vars: ["s", "o"] }, results: { bindings: [{ s: { type: "uri", value: "u" } }] } };
  assert.deepEqual(resultTable(json), { header: ["s", "o"], rows: [["u", ""]] });
  assert.equal(resultTable({ head: {}, boolean: true }), null);
});
