// The explorer's pure state (src/pages/explorer/state.js): permalink encoding, group merging,
// filters. Run with Node's own runner: `node --test web/frontend/test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { baseOf, decodeHash, dropNode, encodeHash, filterParams, mergeGroups, sameSet } from "../src/pages/explorer/state.js";

const B = "https://w3id.org/parkgraph/id/";

test("a permalink round-trips the log and the selection, IRIs shortened by their common base", () => {
  const ops = [
    { op: "root", uri: `${B}subpark/tongzhou` },
    { op: "expand", uri: `${B}subpark/tongzhou` },
    { op: "more", uri: `${B}subpark/tongzhou`, offset: "TENANT_OF:in:20" },
    { op: "filter", hl: ["Quote", "Source"], hr: [] },
    { op: "collapse", uri: `${B}enterprise/acme` },
    { op: "remove", uri: "https://example.org/other/x" },
  ];
  const selected = { kind: "node", id: `${B}enterprise/acme` };
  const raw = encodeHash(ops, selected);
  assert.ok(raw.includes("o=r%7Esubpark%2Ftongzhou"), raw); // the base is written once, not per IRI
  assert.equal((raw.match(/w3id/g) || []).length, 1);
  assert.deepEqual(decodeHash(raw), { ops, selected });
});

test("an edge selection and an empty log", () => {
  const raw = encodeHash([{ op: "root", uri: `${B}park/beijing` }], { kind: "edge", id: `${B}rel/abc` });
  assert.deepEqual(decodeHash(raw).selected, { kind: "edge", id: `${B}rel/abc` });
  assert.equal(encodeHash([], null), "");
  assert.equal(decodeHash(""), null);
});

test("unknown or broken items in an address are skipped, not guessed", () => {
  const got = decodeHash("b=https%3A%2F%2Fx%2F&o=z~a&o=m~a&o=e~park%2Fp");
  assert.deepEqual(got.ops, [{ op: "expand", uri: "https://x/park/p" }]);
});

test("the base of an IRI is everything before kind/id", () => {
  assert.equal(baseOf(`${B}park/beijing`), B);
  assert.equal(baseOf("nonsense"), "");
});

const group = (key, offset, uris, total, more) => ({
  key, type: key.split(":")[0], direction: key.split(":")[1], offset, total, more,
  items: uris.map((u) => ({ node: { uri: u }, rel: { uri: `${u}#r` } })),
});

test("merging a neighbourhood: groups appear with their members, the previous map is left as it was", () => {
  const before = new Map();
  const after = mergeGroups(before, "p", [group("TENANT_OF:in", 0, ["a", "b"], 5, 3)], null);
  assert.equal(before.size, 0);
  const g = after.get("p").get("TENANT_OF:in");
  assert.deepEqual([...g.members.keys()], ["a", "b"]);
  assert.equal(g.shown, 2);
  assert.equal(g.more, 3);
});

test("'more' extends its group; a fresh expand keeps the members and the furthest page", () => {
  const one = mergeGroups(new Map(), "p", [group("TENANT_OF:in", 0, ["a", "b"], 5, 3), group("LOCATED_IN:out", 0, ["r"], 1, 0)], null);
  const two = mergeGroups(one, "p", [group("TENANT_OF:in", 2, ["c", "d"], 5, 1)], "TENANT_OF:in");
  const g = two.get("p").get("TENANT_OF:in");
  assert.deepEqual([...g.members.keys()], ["a", "b", "c", "d"]);
  assert.equal(g.shown, 4);
  assert.equal(g.more, 1);
  assert.deepEqual([...one.get("p").get("TENANT_OF:in").members.keys()], ["a", "b"]); // copied on write
  const three = mergeGroups(two, "p", [group("TENANT_OF:in", 0, ["a", "b"], 6, 4)], null);
  const g3 = three.get("p").get("TENANT_OF:in");
  assert.equal(g3.shown, 4);
  assert.equal(g3.total, 6);
  assert.equal(g3.members.size, 4);
  assert.equal(three.get("p").get("LOCATED_IN:out"), two.get("p").get("LOCATED_IN:out"));
});

test("a removed node leaves every group and is no longer expanded", () => {
  let m = mergeGroups(new Map(), "p", [group("TENANT_OF:in", 0, ["a", "b"], 2, 0)], null);
  m = mergeGroups(m, "a", [group("LOCATED_IN:out", 0, ["r"], 1, 0)], null);
  const out = dropNode(m, "a");
  assert.equal(out.has("a"), false);
  assert.deepEqual([...out.get("p").get("TENANT_OF:in").members.keys()], ["b"]);
  assert.deepEqual([...m.get("p").get("TENANT_OF:in").members.keys()], ["a", "b"]);
});

test("filters: nothing is sent when nothing is hidden", () => {
  assert.deepEqual(filterParams(["Park", "Quote"], ["PART_OF"], new Set(), new Set()), {});
  assert.deepEqual(filterParams(["Park", "Quote"], ["PART_OF", "DERIVED_FROM"], new Set(["Quote"]), new Set(["DERIVED_FROM"])),
    { labels: ["Park"], rels: ["PART_OF"] });
  assert.ok(sameSet(new Set(["a", "b"]), ["b", "a"]));
  assert.ok(!sameSet(new Set(["a"]), ["a", "b"]));
});
