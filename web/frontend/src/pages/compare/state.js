// The compare page's state. No DOM, no network: unit-tested with `node --test`
// (test/pages-state.test.js).

// The whole state of one compare page, made by init(root): every function of ../compare.js reads
// this object, so two pages (or two test runs) never share state. `data` is the page's
// server-rendered JSON (the same as /api/compare), replaced when the picker changes.
export function newPage(root, data) {
  return {
    root, // the [data-testid="compare"] element
    els: {}, // its parts, by key of TESTIDS in ../compare.js
    data, // {places, metrics, observations}
  };
}
