// Chart arithmetic shared by the entity page's and the compare page's charts: pure, unit-tested
// (test/chart.test.js).

// A step of 1, 2 or 5 × 10^k that cuts `range` into about `target` parts.
export function niceStep(range, target = 5) {
  const raw = range / target;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  const norm = raw / mag;
  const step = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
  return step * mag;
}

// The value axis over the data's [lo, hi]: zero included, `headroom` above the top value, ends on
// whole steps; `ticks` are the grid lines' values.
export function valueAxis(lo, hi, { target = 5, headroom = 1 } = {}) {
  let vmin = Math.min(0, lo);
  let vmax = hi * headroom;
  if (vmax === vmin) vmax = vmin + 1;
  const step = niceStep(vmax - vmin, target);
  vmax = Math.ceil(vmax / step) * step;
  vmin = Math.floor(vmin / step) * step;
  const ticks = [];
  // counted in whole steps, not by adding floats (0.1 + 0.2 ≠ 0.3)
  const n = Math.round((vmax - vmin) / step);
  for (let i = 0; i <= n; i++) ticks.push(+(vmin + i * step).toPrecision(12));
  return { min: vmin, max: vmax, step, ticks };
}
