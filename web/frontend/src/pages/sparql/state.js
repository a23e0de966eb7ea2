// The SPARQL page's pure state: what an answer of POST /sparql (api.sparql) means for the page, and
// the CSV of a result. No DOM, no network: unit-tested (test/sparql-state.test.js).

export const UNAVAILABLE = new Set([404, 405, 501]); // the server has no SPARQL endpoint

// The whole state of one SPARQL page, made by init(root): every function of ../sparql.js reads and
// writes this object, so two pages (or two test runs) never share state. `model` is the empty Model
// until /api/schema answers, passed in so this module stays free of the DOM.
export function newPage(root, model) {
  return {
    root, // the [data-testid="sparql"] element
    els: {}, // its parts, by key of TESTIDS in ../sparql.js
    model, // entity paths of result IRIs, from /api/schema
    info: {}, // /api/info from the page's boot data (the row cap in the "truncated" line)
    view: null, // the CodeMirror editor
    examples: [], // /api/sparql/examples
    examplesStatus: null, // the HTTP status when the examples could not be had
    result: null, // the last answer (SPARQL results JSON)
    elapsed: 0, // ms the last run took
    truncated: false, // the last answer was cut at the row cap
    lastError: null, // {title, message} of the last run, shown instead of a result
    unavailableStatus: null, // 404/405/501 when the server has no SPARQL endpoint
  };
}

// {result, error, unavailable, truncated} from {status, ok, type, truncated, json, text}; `errorTitle`
// names an answer that is neither JSON nor an HTTP error.
export function answerState(res, errorTitle = "error") {
  if (UNAVAILABLE.has(res.status)) return { result: null, error: null, unavailable: res.status, truncated: false };
  if (!res.ok) {
    const body = res.json;
    const message = (body && body.message) || (res.text || "").slice(0, 2000) || `HTTP ${res.status}`;
    return { result: null, error: { title: (body && body.error) || `HTTP ${res.status}`, message }, unavailable: null, truncated: false };
  }
  if (res.json) return { result: res.json, error: null, unavailable: null, truncated: !!res.truncated };
  return { result: null, error: { title: errorTitle, message: `${res.type}: ${(res.text || "").slice(0, 500)}` }, unavailable: null, truncated: false };
}

// The header and rows of a SELECT result as plain values (the CSV writer quotes them).
export function resultTable(result) {
  if (!result || !result.results) return null;
  const vars = (result.head && result.head.vars) || [];
  return { header: vars, rows: result.results.bindings.map((b) => vars.map((v) => (b[v] ? b[v].value : ""))) };
}
