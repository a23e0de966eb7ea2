// SPARQL page (/sparql): editor, examples from /api/sparql/examples, POST /sparql with
// Accept: application/sparql-results+json, results as a table. Degrades with a clear message when
// the server has no SPARQL endpoint (404/405/501).
import { boot } from "../common/base.js";
import { api, ApiError } from "../common/api.js";
import { $, clear, download, externalLink, h } from "../common/dom.js";
import { csvText } from "../common/csv.js";
import { onLangChange, pick, t } from "../common/i18n.js";
import { Model } from "../common/model.js";
import { createEditor, getText, setText } from "../common/editor.js";
import { UNAVAILABLE, answerState, resultTable } from "./sparql/state.js";

let root = null;
let els = {};

// The page's elements, looked up inside its root.
function bind(rootEl) {
  root = rootEl;
  els = {
    form: $('[data-testid="sparql-form"]', root),
    editor: $('[data-testid="sparql-editor"]', root),
    textarea: $('[data-testid="sparql-query"]', root),
    run: $('[data-testid="sparql-run"]', root),
    examples: $('[data-testid="sparql-examples"]', root),
    unavailable: $('[data-testid="sparql-unavailable"]', root),
    summary: $('[data-testid="sparql-summary"]', root),
    error: $('[data-testid="sparql-error"]', root),
    table: $('[data-testid="sparql-table"]', root),
    csv: $('[data-testid="sparql-download-csv"]', root),
    json: $('[data-testid="sparql-download-json"]', root),
    truncated: $('[data-testid="sparql-truncated"]', root),
  };
}

let model = new Model(null);
let view = null;
let examples = [];
let examplesStatus = null;
let result = null;
let elapsed = 0;
let unavailableStatus = null;
let lastError = null;
let truncated = false;
const info = {};

function renderExamples() {
  clear(els.examples);
  if (examplesStatus) {
    els.examples.append(h("li", { class: "hint", testid: "sparql-examples-unavailable" }, t("sparql.examples_unavailable", { status: examplesStatus })));
    return;
  }
  if (!examples.length) {
    els.examples.append(h("li", { class: "hint" }, t("console.no_examples")));
    return;
  }
  for (const ex of examples) {
    els.examples.append(h("li", null,
      h("button", { type: "button", class: "example", testid: "sparql-example", dataset: { id: ex.id || "" }, onclick: () => { setText(view, ex.query); view.focus(); } },
        h("span", { class: "example-title" }, pick(ex, "title")),
        h("span", { class: "example-question muted" }, pick(ex, "question")))));
  }
}

function renderUnavailable() {
  els.unavailable.hidden = !unavailableStatus;
  if (unavailableStatus) els.unavailable.textContent = t("sparql.unavailable", { status: unavailableStatus });
}

function termCell(term) {
  if (!term) return h("span", { class: "null" }, "");
  if (term.type === "uri") {
    const local = model.entityPath(term.value);
    const sameBase = local && /\/id\/[^/]+\/[^/]+$/.test(new URL(term.value, location.href).pathname);
    return local && sameBase ? h("a", { href: local, title: term.value }, term.value) : externalLink(term.value, term.value);
  }
  if (term.type === "bnode") return h("span", { class: "muted" }, `_:${term.value}`);
  const extra = term["xml:lang"] ? `@${term["xml:lang"]}` : term.datatype && !term.datatype.endsWith("#string") ? `^^${term.datatype.replace(/^.*[#/]/, "xsd:")}` : "";
  return h("span", null, term.value, extra ? h("span", { class: "muted" }, ` ${extra}`) : null);
}

function renderResult() {
  clear(els.table);
  clear(els.error);
  els.error.hidden = !lastError;
  if (lastError) {
    els.error.append(h("strong", { class: "error-title" }, lastError.title || t("common.error")), h("p", { class: "error-message" }, lastError.message));
  }
  els.csv.disabled = !result || !result.results;
  els.json.disabled = !result;
  els.truncated.hidden = true;
  if (!result) {
    els.summary.textContent = "";
    return;
  }
  if (typeof result.boolean === "boolean") {
    els.summary.textContent = "";
    els.table.append(h("p", { class: "boolean-result", testid: "sparql-boolean" }, t("sparql.boolean", { value: String(result.boolean) })));
    return;
  }
  const vars = (result.head && result.head.vars) || [];
  const rows = (result.results && result.results.bindings) || [];
  els.summary.textContent = t("console.summary", { rows: rows.length, ms: elapsed });
  els.truncated.hidden = !truncated;
  if (truncated) els.truncated.textContent = t("console.truncated", { n: info.max_rows || rows.length });
  if (!rows.length) {
    els.table.append(h("p", { class: "hint" }, t("console.no_rows")));
    return;
  }
  els.table.append(h("table", { class: "data-table", testid: "sparql-rows" },
    h("thead", null, h("tr", null, h("th", { class: "rownum" }, "#"), vars.map((v) => h("th", { scope: "col" }, `?${v}`)))),
    h("tbody", null, rows.map((b, i) => h("tr", { testid: "sparql-row" }, h("td", { class: "rownum" }, String(i + 1)), vars.map((v) => h("td", null, termCell(b[v]))))))));
}

async function run() {
  const query = getText(view).trim();
  if (!query) return;
  els.textarea.value = query;
  root.dataset.state = "busy";
  els.run.disabled = true;
  lastError = null;
  const t0 = performance.now();
  try {
    const res = await api.sparql(query);
    elapsed = Math.round(performance.now() - t0);
    const st = answerState(res, t("common.error"));
    result = st.result;
    lastError = st.error;
    truncated = st.truncated;
    if (st.unavailable || res.ok) unavailableStatus = st.unavailable;
  } catch (e) {
    result = null;
    lastError = { title: t("common.error"), message: e.message };
  } finally {
    root.dataset.state = "idle";
    els.run.disabled = false;
  }
  renderUnavailable();
  renderResult();
}

function csv() {
  const table = resultTable(result);
  if (table) download("parkgraph-sparql.csv", csvText(table.header, table.rows), "text/csv;charset=utf-8");
}

// The page inside `rootEl` (its [data-testid="sparql"] element); src/entries/sparql.js calls it.
export async function init(rootEl) {
  bind(rootEl);
  Object.assign(info, boot().info || {});
  view = createEditor(els.editor, { doc: els.textarea.value, language: "sparql", onRun: run, ariaLabel: t("sparql.editor_label") });
  els.form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  els.csv.addEventListener("click", csv);
  els.json.addEventListener("click", () => result && download("parkgraph-sparql.json", JSON.stringify(result, null, 2), "application/sparql-results+json"));
  const [schema, ex] = await Promise.allSettled([api.schema(), api.sparqlExamples()]);
  if (schema.status === "fulfilled") model = new Model(schema.value);
  if (ex.status === "fulfilled") {
    examples = ex.value.examples || [];
    if (examples.length) setText(view, examples[0].query);
  } else {
    const status = ex.reason instanceof ApiError ? ex.reason.status : 0;
    examplesStatus = status || "?";
    if (UNAVAILABLE.has(status)) {
      // no examples route: probe the endpoint itself so the page says at once whether it works
      try {
        const probe = await api.sparql("ASK{}");
        if (UNAVAILABLE.has(probe.status)) unavailableStatus = probe.status;
      } catch (_) {
        /* reported when run */
      }
    }
  }
  renderExamples();
  renderUnavailable();
  onLangChange(() => {
    renderExamples();
    renderUnavailable();
    renderResult();
  });
  root.dataset.ready = "true";
}
