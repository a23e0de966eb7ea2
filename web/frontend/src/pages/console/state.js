// The console's pure state: history entries, parameters, column headers, CSV cells, the streamed
// answer. No DOM, no network: unit-tested with `node --test` (test/console-state.test.js).

export const HISTORY_MAX = 100;
export const HEADER_MAX = 40; // longer column names (Neo4j names un-aliased columns by the expression) are shortened

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
