// The SPARQL page's pure state: what an answer of POST /sparql (api.sparql) means for the page, and
// the CSV of a result. No DOM, no network: unit-tested (test/sparql-state.test.js).

export const UNAVAILABLE = new Set([404, 405, 501]); // the server has no SPARQL endpoint

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
