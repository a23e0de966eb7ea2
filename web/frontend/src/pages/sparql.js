// SPARQL page (/sparql): editor, examples from /api/sparql/examples, POST /sparql with
// Accept: application/sparql-results+json, results as a table. Degrades with a clear message when
// the server has no SPARQL endpoint (404/405/501).
import { boot } from "../common/base.js";
import { api, ApiError } from "../common/api.js";
import { byTestId, clear, download, externalLink, h } from "../common/dom.js";
import { csvText } from "../common/csv.js";
import { onLangChange, pick, t } from "../common/i18n.js";
import { Model } from "../common/model.js";
import { createEditor, getText, setText } from "../common/editor.js";
import { UNAVAILABLE, answerState, newPage, resultTable } from "./sparql/state.js";

const TESTIDS = {
  form: "sparql-form", editor: "sparql-editor", textarea: "sparql-query", run: "sparql-run", examples: "sparql-examples",
  unavailable: "sparql-unavailable", summary: "sparql-summary", error: "sparql-error", table: "sparql-table",
  csv: "sparql-download-csv", json: "sparql-download-json", truncated: "sparql-truncated",
};

// Every function below takes `page`, the page's whole state (newPage in ./sparql/state.js).

function renderExamples(page) {
  const { els, examples, examplesStatus } = page;
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
      h("button", { type: "button", class: "example", testid: "sparql-example", dataset: { id: ex.id || "" }, onclick: () => { setText(page.view, ex.query); page.view.focus(); } },
        h("span", { class: "example-title" }, pick(ex, "title")),
        h("span", { class: "example-question muted" }, pick(ex, "question")))));
  }
}

function renderUnavailable(page) {
  const { els, unavailableStatus } = page;
  els.unavailable.hidden = !unavailableStatus;
  if (unavailableStatus) els.unavailable.textContent = t("sparql.unavailable", { status: unavailableStatus });
}

function termCell(model, term) {
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

function renderResult(page) {
  const { els, result, lastError, truncated } = page;
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
  els.summary.textContent = t("console.summary", { rows: rows.length, ms: page.elapsed });
  els.truncated.hidden = !truncated;
  if (truncated) els.truncated.textContent = t("console.truncated", { n: page.info.max_rows || rows.length });
  if (!rows.length) {
    els.table.append(h("p", { class: "hint" }, t("console.no_rows")));
    return;
  }
  els.table.append(h("table", { class: "data-table", testid: "sparql-rows" },
    h("thead", null, h("tr", null, h("th", { class: "rownum" }, "#"), vars.map((v) => h("th", { scope: "col" }, `?${v}`)))),
    h("tbody", null, rows.map((b, i) => h("tr", { testid: "sparql-row" }, h("td", { class: "rownum" }, String(i + 1)), vars.map((v) => h("td", null, termCell(page.model, b[v]))))))));
}

async function run(page) {
  const { els, root } = page;
  const query = getText(page.view).trim();
  if (!query) return;
  els.textarea.value = query;
  root.dataset.state = "busy";
  els.run.disabled = true;
  page.lastError = null;
  const t0 = performance.now();
  try {
    const res = await api.sparql(query);
    page.elapsed = Math.round(performance.now() - t0);
    const st = answerState(res, t("common.error"));
    page.result = st.result;
    page.lastError = st.error;
    page.truncated = st.truncated;
    if (st.unavailable || res.ok) page.unavailableStatus = st.unavailable;
  } catch (e) {
    page.result = null;
    page.lastError = { title: t("common.error"), message: e.message };
  } finally {
    root.dataset.state = "idle";
    els.run.disabled = false;
  }
  renderUnavailable(page);
  renderResult(page);
}

function csv(page) {
  const table = resultTable(page.result);
  if (table) download("parkgraph-sparql.csv", csvText(table.header, table.rows), "text/csv;charset=utf-8");
}

// The page inside `rootEl` (its [data-testid="sparql"] element); src/entries/sparql.js calls it.
export async function init(rootEl) {
  const page = newPage(rootEl, new Model(null));
  page.els = byTestId(rootEl, TESTIDS);
  const { els, root } = page;
  Object.assign(page.info, boot().info || {});
  page.view = createEditor(els.editor, { doc: els.textarea.value, language: "sparql", onRun: () => run(page), ariaLabel: t("sparql.editor_label") });
  els.form.addEventListener("submit", (e) => {
    e.preventDefault();
    run(page);
  });
  els.csv.addEventListener("click", () => csv(page));
  els.json.addEventListener("click", () => page.result && download("parkgraph-sparql.json", JSON.stringify(page.result, null, 2), "application/sparql-results+json"));
  const [schema, ex] = await Promise.allSettled([api.schema(), api.sparqlExamples()]);
  if (schema.status === "fulfilled") page.model = new Model(schema.value);
  if (ex.status === "fulfilled") {
    page.examples = ex.value.examples || [];
    if (page.examples.length) setText(page.view, page.examples[0].query);
  } else {
    const status = ex.reason instanceof ApiError ? ex.reason.status : 0;
    page.examplesStatus = status || "?";
    if (UNAVAILABLE.has(status)) {
      // no examples route: probe the endpoint itself so the page says at once whether it works
      try {
        const probe = await api.sparql("ASK{}");
        if (UNAVAILABLE.has(probe.status)) page.unavailableStatus = probe.status;
      } catch (_) {
        /* reported when run */
      }
    }
  }
  renderExamples(page);
  renderUnavailable(page);
  onLangChange(() => {
    renderExamples(page);
    renderUnavailable(page);
    renderResult(page);
  });
  root.dataset.ready = "true";
}
