// The entity page's state. No DOM, no network: unit-tested with `node --test`
// (test/pages-state.test.js).

// The whole state of one entity page, made by init(root): every function of ../entity.js reads and
// writes this object, so two pages (or two test runs) never share state. `model` is the empty Model
// until /api/schema answers, passed in so this module stays free of the DOM.
export function newPage(root, model) {
  return {
    root, // the [data-testid="entity"] element
    els: {}, // its parts, by key of TESTIDS in ../entity.js
    model, // labels, colours and entity paths, from /api/schema
    data: null, // /api/entity's answer: node, provenance, relations, observations
    observations: [], // [{...observation, subject: node|null}]: the entity's own and, for a park, its sub-parks'
  };
}
