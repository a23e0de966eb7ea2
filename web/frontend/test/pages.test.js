// How the page modules are built (issue #18): each exports init(root) and does nothing on import (the
// bundles in src/entries/ call it), and only src/common/api.js talks to the server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const src = fileURLToPath(new URL("../src/", import.meta.url));
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]))
  .filter((f) => f.endsWith(".js"));
const pages = readdirSync(join(src, "pages")).filter((f) => f.endsWith(".js") && f !== "analysis.js");

test("every page exports init(root) and has an entry that calls it", () => {
  assert.ok(pages.length >= 5);
  for (const page of pages) {
    const text = readFileSync(join(src, "pages", page), "utf8");
    assert.match(text, /^export (async )?function init\(rootEl\)/m, page);
    const entry = readFileSync(join(src, "entries", page), "utf8");
    assert.match(entry, /init\(document\.querySelector/, page);
  }
});

test("no page module runs a statement on import", () => {
  for (const f of files(join(src, "pages"))) {
    const text = readFileSync(f, "utf8");
    // a call at the start of a line at top level, such as the former `main();`
    const calls = text.split("\n").filter((l) => /^[A-Za-z_$][\w$.]*\(.*\);?\s*$/.test(l));
    assert.deepEqual(calls, [], relative(src, f));
  }
});

test("only api.js calls fetch()", () => {
  for (const f of files(src)) {
    if (f.endsWith(join("common", "api.js"))) continue;
    assert.doesNotMatch(readFileSync(f, "utf8"), /\bfetch\(/, relative(src, f));
  }
});

test("no page module keeps state at module level: each init makes its own (newPage in the page's state.js)", () => {
  for (const f of files(join(src, "pages"))) {
    const lets = readFileSync(f, "utf8").split("\n").filter((l) => /^(let|var)\s/.test(l));
    assert.deepEqual(lets, [], relative(src, f));
  }
});

test("pages name their elements in a table for byTestId, not one $('[data-testid=…]') per element", () => {
  for (const f of files(join(src, "pages"))) {
    const maps = readFileSync(f, "utf8").split("\n").filter((l) => /^\s*\w+: \$\(['"`]\[data-testid=/.test(l));
    assert.deepEqual(maps, [], relative(src, f));
  }
});
