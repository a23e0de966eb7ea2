// Undo for the explorer's canvas, as differences: each entry keeps the page state before the action
// (small: the operation log, and Maps copied on write by state.js, so unchanged parts are shared) and
// what the action did to the canvas — the ids it added, the elements it removed (as JSON) and which
// elements wore the analysis highlights. The previous version kept up to 60 full copies of every
// element on the canvas; an entry now grows only with what its action changed.
const MARKS = ["analysis-path", "analysis-focus"];

export function createUndo(cy, { depth = 60, capture, restore }) {
  const stack = [];
  let open = null; // the entry the canvas's add/remove events are written into
  let quiet = false;
  cy.on("add", (evt) => {
    if (!open || quiet) return;
    open.added.add(evt.target.id());
  });
  cy.on("remove", (evt) => {
    if (!open || quiet) return;
    const id = evt.target.id();
    if (open.added.has(id)) open.added.delete(id); // came and went within the action
    else if (!open.removed.has(id)) open.removed.set(id, evt.target.json());
  });
  return {
    // Call before an action: from now on, what changes belongs to this entry.
    push() {
      const marks = {};
      for (const c of MARKS) marks[c] = cy.elements(`.${c}`).map((e) => e.id());
      open = { state: capture(), added: new Set(), removed: new Map(), marks };
      stack.push(open);
      if (stack.length > depth) stack.shift();
    },
    // The last action failed: its entry is worth nothing (what it did is left as it is).
    drop() {
      stack.pop();
      open = stack.length ? stack[stack.length - 1] : null;
    },
    undo() {
      const entry = stack.pop();
      if (!entry) return false;
      quiet = true;
      try {
        cy.batch(() => {
          for (const id of entry.added) cy.getElementById(id).remove();
          const back = [...entry.removed.values()];
          cy.add(back.filter((e) => e.group === "nodes"));
          cy.add(back.filter((e) => e.group === "edges" && cy.getElementById(e.data.source).nonempty() && cy.getElementById(e.data.target).nonempty()));
          for (const c of MARKS) {
            cy.elements(`.${c}`).removeClass(c);
            for (const id of entry.marks[c]) cy.getElementById(id).addClass(c);
          }
        });
      } finally {
        quiet = false;
      }
      open = stack.length ? stack[stack.length - 1] : null;
      restore(entry.state);
      return true;
    },
    get size() {
      return stack.length;
    },
    _entries: () => stack.slice(), // for the unit tests (test/undo.test.js)
  };
}
