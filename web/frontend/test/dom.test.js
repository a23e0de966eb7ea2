// The element-map helper of src/common/dom.js: byTestId(root, {key: testid}). Run with Node's own
// runner: `node --test web/frontend/test/`. A stand-in root answers querySelector from a table, so
// the test sees which selectors were asked of which element.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId } from "../src/common/dom.js";

function fakeRoot(found) {
  const asked = [];
  return { asked, querySelector: (sel) => { asked.push(sel); return found[sel] ?? null; } };
}

test("byTestId: each key gets the element of its data-testid, looked up inside the root", () => {
  const form = { tag: "form" };
  const run = { tag: "button" };
  const root = fakeRoot({ '[data-testid="sparql-form"]': form, '[data-testid="sparql-run"]': run });
  const els = byTestId(root, { form: "sparql-form", run: "sparql-run" });
  assert.deepEqual(Object.keys(els), ["form", "run"]);
  assert.equal(els.form, form);
  assert.equal(els.run, run);
  assert.deepEqual(root.asked, ['[data-testid="sparql-form"]', '[data-testid="sparql-run"]']);
});

test("byTestId: a part the root does not hold is null, as querySelector gives; other roots are not asked", () => {
  const other = fakeRoot({ '[data-testid="toast"]': { tag: "div" } });
  const root = fakeRoot({});
  const els = byTestId(root, { toast: "toast" });
  assert.deepEqual(els, { toast: null });
  assert.deepEqual(other.asked, []);
});

test("byTestId: each call makes a new map, so two pages never share one", () => {
  const root = fakeRoot({ '[data-testid="x"]': { tag: "p" } });
  const ids = { x: "x" };
  const a = byTestId(root, ids);
  const b = byTestId(root, ids);
  assert.notEqual(a, b);
  a.x = null;
  assert.ok(b.x);
  assert.deepEqual(ids, { x: "x" }); // the table of names is left as it was
});
