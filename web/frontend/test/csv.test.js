// The front end's one CSV writer (src/common/csv.js): quoting and formula neutralising, as the server's
// parkgraph/csvsafe.py does. Run with Node's own runner: `node --test web/frontend/test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { csvCell, csvText } from "../src/common/csv.js";

test("cells a spreadsheet would run as a formula get a leading apostrophe", () => {
  assert.equal(csvCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  assert.equal(csvCell("+1+2"), "'+1+2");
  assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(csvCell("\tcmd"), "'\tcmd");
});

test("plain numbers stay numbers, signs included", () => {
  assert.equal(csvCell("-12"), "-12");
  assert.equal(csvCell("+3.5e2"), "+3.5e2");
  assert.equal(csvCell(42), "42");
});

test("RFC 4180 quoting: commas, quotes and line breaks", () => {
  assert.equal(csvCell("a,b"), "\"a,b\"");
  assert.equal(csvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  assert.equal(csvCell("two\nlines"), "\"two\nlines\"");
  assert.equal(csvCell("通州园"), "通州园");
});

test("null and undefined are empty cells", () => {
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(undefined), "");
});

test("a whole file has a byte-order mark and CRLF line ends", () => {
  const text = csvText(["name", "n"], [["=cmd", 1], ["a,b", null]]);
  assert.equal(text, "\ufeffname,n\r\n'=cmd,1\r\n\"a,b\",\r\n");
});
