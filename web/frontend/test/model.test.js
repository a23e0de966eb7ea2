// Display names and IRI parts (src/common/model.js), the names every page shows. i18n.js reads the
// browser's cookie and language when imported: a bare stand-in is enough for these pure functions.
import { test } from "node:test";
import assert from "node:assert/strict";

globalThis.document ??= { cookie: "" };
globalThis.localStorage ??= { getItem: () => null, setItem: () => {} };
if (!globalThis.navigator) Object.defineProperty(globalThis, "navigator", { value: { language: "en" } });

const { displayName, localId, localParts, segmentOf, shortName } = await import("../src/common/model.js");

test("an IRI's segment and local id", () => {
  const uri = "https://w3id.org/parkgraph/id/subpark/tongzhou";
  assert.deepEqual(localParts(uri), ["subpark", "tongzhou"]);
  assert.equal(segmentOf(uri), "subpark");
  assert.equal(localId(`${uri}/`), "tongzhou");
  assert.equal(localParts(null), null);
});

test("the name in the chosen language comes first, the other second", () => {
  const node = { labels: ["Park"], properties: { name_zh: "国家网络安全产业园区", name_en: "National Cybersecurity Industrial Park" } };
  assert.deepEqual(displayName(node, "zh"), { primary: "国家网络安全产业园区", secondary: "National Cybersecurity Industrial Park" });
  assert.deepEqual(displayName(node, "en"), { primary: "National Cybersecurity Industrial Park", secondary: "国家网络安全产业园区" });
});

test("a missing name falls back to the other language, then to the local id", () => {
  assert.deepEqual(displayName({ labels: ["Park"], properties: { name_zh: "通州园" } }, "en"), { primary: "通州园", secondary: "" });
  const bare = { labels: ["Enterprise"], uri: "https://w3id.org/parkgraph/id/enterprise/acme", properties: {} };
  assert.deepEqual(displayName(bare, "en"), { primary: "acme", secondary: "" });
});

test("an invisible bidi control in a name is spelled out", () => {
  const node = { labels: ["Enterprise"], properties: { name_en: "abc\u202Eevil" } };
  assert.equal(displayName(node, "en").primary, "abc⟨U+202E⟩evil");
});

test("short names are cut with an ellipsis", () => {
  const node = { labels: ["Park"], properties: { name_en: "A very long park name that goes on" } };
  assert.equal(shortName(node, 10), "A very lo…");
});
