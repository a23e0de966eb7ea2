// The console's pure state: the page's state object, history entries, parameters, column headers,
// CSV cells, the streamed answer. No DOM, no network: unit-tested with `node --test`
// (test/console-state.test.js).

export const HISTORY_MAX = 100;
export const HEADER_MAX = 40; // longer column names (Neo4j names un-aliased columns by the expression) are shortened

// The whole state of one console page, made by init(root): every function of ../console.js reads
// and writes this object, so two pages (or two test runs) never share state. `model` is the empty
// Model until /api/schema answers, passed in so this module does not import i18n (which reads the
// browser when imported).
export function newPage(root, model) {
  return {
    root, // the [data-testid="console"] element
    els: {}, // its parts, by key of TESTIDS in ../console.js
    model, // labels, colours and entity paths, from /api/schema
    schemaRef: { current: null }, // /api/schema for the editor's completion
    engineRef: { current: null }, // the engine in use: completion and hover documentation follow it
    info: {}, // /api/info (engine, dialect, version, row cap, timeout), first from the page's boot data
    examples: [], // /api/examples
    view: null, // the CodeMirror editor
    result: null, // the last successful answer; `complete` once its last rows are in
    lastError: null, // the last run's error (an ApiError), shown instead of a result
    activeTab: null, // the result tab the user chose; null: graph when the answer has nodes, else table
    cy: null, // the result graph (cytoscape), destroyed when redrawn
    historyCursor: -1, // Alt-Up/Down position in the history; -1: the editor's own text
    running: null, // the AbortController of the query in flight
    ranAsEl: null, // the "ran as" line under the summary, made when first needed
    table: null, // the result table being drawn (createTable)
  };
}

// Alt-Up (step 1, older) and Alt-Down (step -1, newer) through a history of `length` entries,
// stopping at the oldest entry and at -1 (back to the editor's own text).
export function browseCursor(cursor, step, length) {
  return Math.max(-1, Math.min(length - 1, cursor + step));
}

// The parameters box text for a history entry: "{}" when it had none.
export function entryParams(entry) {
  return entry.params && entry.params.trim() ? entry.params : "{}";
}

// Whether the parameters box holds parameters (and so is shown open).
export function hasParams(text) {
  return !!text && text.trim() !== "{}";
}

// An example (/api/examples) as a history entry: its parameters object as indented JSON text.
export function exampleEntry(ex) {
  const params = ex.params && Object.keys(ex.params).length ? JSON.stringify(ex.params, null, 2) : "{}";
  return { query: ex.query, params };
}

// History, newest first: running the same query and parameters again only refreshes its time.
export function pushHistory(list, query, params, at) {
  const out = list.slice();
  if (out[0] && out[0].query === query && out[0].params === params) out[0] = { ...out[0], at };
  else out.unshift({ query, params, at });
  return out.slice(0, HISTORY_MAX);
}

// What localStorage held, with anything that is not an entry dropped.
export function parseHistory(raw) {
  try {
    const list = JSON.parse(raw || "[]");
    return Array.isArray(list) ? list.filter((e) => e && typeof e.query === "string") : [];
  } catch (_) {
    return [];
  }
}

// The parameters box: {} when empty, an object, or {error} naming what is wrong.
export function parseParams(raw) {
  const text = (raw || "").trim();
  if (!text) return { value: {} };
  try {
    const v = JSON.parse(text);
    if (v === null || typeof v !== "object" || Array.isArray(v)) return { error: "{…}" };
    return { value: v };
  } catch (e) {
    return { error: e.message };
  }
}

export function shortHeader(name, max = HEADER_MAX) {
  const s = String(name);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// A cell as CSV text: nodes and relationships by their IRI, other objects as JSON.
export function cellText(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    if (Array.isArray(v.labels) && "uri" in v) return v.uri || "";
    if (typeof v.type === "string" && "start" in v) return v.uri || `${v.start}|${v.type}|${v.end}`;
    return JSON.stringify(v);
  }
  return String(v);
}

// A streamed answer (POST /api/query as NDJSON): the head line, then batches of rows.
export function mergeStreamLine(result, line) {
  if (!result) return { ...line, rows: line.rows ? line.rows.slice() : [] };
  if (Array.isArray(line.rows)) for (const r of line.rows) result.rows.push(r);
  return result;
}

// The answer as the API gave it (the JSON view and download): without the page's own `complete` mark.
export function answerJson(result) {
  const { complete, ...answer } = result; // eslint-disable-line no-unused-vars
  return JSON.stringify(answer, null, 2);
}

// One NDJSON line of a run. `stream` is {answer, shown} ({answer: null, shown: false} before the
// head line); `tabOf(answer)` is the tab the answer opens on. Returns the next stream and `draw`:
// "show" (the first batch of an answer that opens on the table: draw the table now), "more" (a
// further batch for the table shown) or null (the head line, or an answer that opens on the graph,
// which waits for the whole answer).
export function streamStep(stream, line, tabOf) {
  const head = !stream.answer;
  const answer = mergeStreamLine(stream.answer, line);
  if (head) return { answer, shown: false, draw: null };
  if (stream.shown) return { answer, shown: true, draw: "more" };
  if (tabOf(answer) === "table") return { answer, shown: true, draw: "show" };
  return { answer, shown: false, draw: null };
}

// The error box's title: a refused write and a timeout in the page's words (`t`), otherwise the
// server's error name.
export function errorTitle(e, t) {
  if (e.status === 403) return t("console.readonly_refused");
  if (e.status === 504) return t("console.timeout");
  return e.error || t("common.error");
}
