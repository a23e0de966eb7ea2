// The web API (docs/web-api.md), as promises. Failures throw ApiError with the server's
// {error, message, status, hint?, position?} body when it sent one.
import { t } from "./i18n.js";

export class ApiError extends Error {
  constructor(status, body, fallback) {
    super((body && body.message) || fallback || `HTTP ${status}`);
    this.status = status;
    this.error = (body && body.error) || null;
    this.hint = (body && body.hint) || null;
    this.position = (body && body.position) || null;
    this.body = body || null;
  }
}

export async function request(path, { method = "GET", body, headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: "application/json", ...headers }, signal, credentials: "same-origin" };
  if (body !== undefined) {
    if (typeof body === "string" || body instanceof URLSearchParams) init.body = body;
    else {
      init.body = JSON.stringify(body);
      init.headers["Content-Type"] = "application/json";
    }
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(0, null, t("common.network_error", { message: e.message }));
  }
  const type = res.headers.get("Content-Type") || "";
  let data = null;
  if (type.includes("json")) {
    try {
      data = await res.json();
    } catch (_) {
      data = null;
    }
  }
  if (!res.ok) throw new ApiError(res.status, data, t("common.http_error", { status: res.status, message: res.statusText }));
  return data;
}

// NDJSON lines as they arrive: each parsed line is handed to onLine (the console's streamed rows).
async function readLines(res, onLine) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    buf += decoder.decode(value || new Uint8Array(), { stream: !done });
    let i;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.trim()) onLine(JSON.parse(line));
    }
    if (done) break;
  }
  if (buf.trim()) onLine(JSON.parse(buf));
}

// POST /api/query answered as NDJSON (docs/web-api.md): errors throw ApiError as request() does.
export async function streamQuery(query, params, { signal, onLine }) {
  let res;
  try {
    res = await fetch("/api/query", { method: "POST", signal, credentials: "same-origin",
      headers: { Accept: "application/x-ndjson", "Content-Type": "application/json" }, body: JSON.stringify({ query, params }) });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(0, null, t("common.network_error", { message: e.message }));
  }
  if (!res.ok) {
    const data = (res.headers.get("Content-Type") || "").includes("json") ? await res.json().catch(() => null) : null;
    throw new ApiError(res.status, data, t("common.http_error", { status: res.status, message: res.statusText }));
  }
  await readLines(res, onLine);
}

// SPARQL (POST /sparql, form-encoded, SPARQL JSON results). The answer keeps the HTTP status and
// headers: the page tells "no endpoint" (404/405/501) and truncation (X-ParkGraph-Truncated) apart.
export async function sparql(query, { signal } = {}) {
  let res;
  try {
    res = await fetch("/sparql", { method: "POST", signal, credentials: "same-origin",
      headers: { Accept: "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" },
      body: new URLSearchParams({ query }).toString() });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(0, null, t("common.network_error", { message: e.message }));
  }
  const type = res.headers.get("Content-Type") || "";
  const out = { status: res.status, ok: res.ok, type, truncated: res.headers.has("X-ParkGraph-Truncated"), json: null, text: "" };
  if (type.includes("json")) out.json = await res.json().catch(() => null);
  else out.text = await res.text().catch(() => "");
  return out;
}

export function qs(params) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((x) => sp.append(k, x));
    else sp.append(k, v);
  }
  return sp.toString();
}

let schemaPromise = null;
export function getSchema() {
  if (!schemaPromise) {
    schemaPromise = request("/api/schema").catch((e) => {
      schemaPromise = null;
      throw e;
    });
  }
  return schemaPromise;
}

export const api = {
  info: () => request("/api/info"),
  schema: getSchema,
  query: (query, params, signal) => request("/api/query", { method: "POST", body: { query, params }, signal }),
  queryStream: streamQuery,
  sparql,
  examples: () => request("/api/examples"),
  search: (q, opts = {}) => request(`/api/search?${qs({ q, limit: opts.limit || 20, offset: opts.offset || undefined, label: opts.labels })}`, { signal: opts.signal }),
  node: (uri) => request(`/api/node?${qs({ uri })}`),
  neighbourhood: (uri, opts = {}) =>
    request(`/api/neighbourhood?${qs({ uri, depth: opts.depth, limit: opts.limit, rel: opts.rels, label: opts.labels, offset: opts.offset })}`),
  provenance: (uri) => request(`/api/provenance?${qs({ uri })}`),
  entity: (uri) => request(`/api/entity?${qs({ uri })}`),
  sparqlExamples: () => request("/api/sparql/examples"),
  // network analysis (docs/analysis.md); `types` is a list of relationship types, `at` a date
  analyticsPaths: (p) => request(`/api/analytics/paths?${qs({ from: p.from, to: p.to, k: p.k, directed: p.directed, types: p.types, at: p.at })}`),
  analyticsCentrality: (p) => request(`/api/analytics/centrality?${qs({ measure: p.measure, kind: p.kind, top: p.top, types: p.types, at: p.at })}`),
  analyticsCommunities: (p) => request(`/api/analytics/communities?${qs({ seed: p.seed, types: p.types, at: p.at })}`),
  // a file download: the browser fetches it through a link, so this gives the address
  analyticsExportUrl: (p) => `/api/analytics/export?${qs({ format: p.format, types: p.types, at: p.at })}`,
};
