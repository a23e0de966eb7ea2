// Chart steps (src/common/chart.js), shared by the entity and compare pages' charts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { niceStep, valueAxis } from "../src/common/chart.js";

test("steps are 1, 2 or 5 times a power of ten", () => {
  assert.equal(niceStep(100, 5), 20);
  assert.equal(niceStep(7, 5), 1);
  assert.equal(niceStep(0.3, 5), 0.05);
  assert.equal(niceStep(4000, 4), 1000);
  assert.equal(niceStep(0, 5), 1); // no range: a step that still draws an axis
});

test("the value axis includes zero, ends on whole steps and lists its ticks without float drift", () => {
  const a = valueAxis(12, 97, { headroom: 1.05 });
  assert.equal(a.min, 0);
  assert.ok(a.max >= 97 * 1.05 && a.max % a.step === 0);
  assert.deepEqual(a.ticks, [0, 20, 40, 60, 80, 100, 120].filter((v) => v <= a.max));
  const small = valueAxis(0.1, 0.3);
  assert.ok(small.ticks.every((v) => String(v).length < 6), small.ticks);
  const neg = valueAxis(-30, 50);
  assert.ok(neg.min <= -30 && neg.ticks.includes(0));
  const flat = valueAxis(0, 0);
  assert.ok(flat.max > flat.min);
});
