// Cypher console (/console): CodeMirror editor with completion from /api/schema, parameters,
// examples, history in localStorage, results as graph / table / JSON with CSV and JSON downloads.
import { boot } from "../common/base.js";
import { api } from "../common/api.js";
import { $all, byTestId, clear, download, h, visible } from "../common/dom.js";
import { csvText } from "../common/csv.js";
import { lang, onLangChange, pick, t } from "../common/i18n.js";
import { Model } from "../common/model.js";
import { clearError, createEditor, getText, setText, showError } from "../common/editor.js";
import { collectGraph, createGraph, edgeElement, labelEdges, nodeElement, relabel } from "../common/graph.js";
import {
  answerJson, browseCursor, cellText, entryParams, errorTitle, exampleEntry, hasParams, newPage, parseHistory, parseParams,
  pushHistory, streamStep,
} from "./console/state.js";
import { createTable } from "./console/table.js";

const HISTORY_KEY = "parkgraph.console.history";
// Strings of the dialect display, kept here so the shared i18n table stays untouched.
const LOCAL = {
  zh: { ran_as: "实际运行（已转换为嵌入式引擎的方言）：", notes: "说明：" },
  en: { ran_as: "ran as (translated to the embedded engine's dialect):", notes: "note:" },
};
const local = (key) => (LOCAL[lang()] || LOCAL.en)[key];
const DEFAULT_QUERY = "MATCH (n:Park) RETURN n LIMIT 25";
const TESTIDS = {
  editor: "editor", run: "run", paramsToggle: "params-toggle", paramsPanel: "params-panel", params: "params",
  paramsError: "params-error", examples: "examples", history: "history", historyClear: "history-clear",
  engineText: "engine-text", limits: "limits", summary: "result-summary", truncated: "truncated", error: "query-error",
  placeholder: "result-placeholder", graph: "result-graph", table: "result-table", json: "result-json",
  csv: "download-csv", jsonDl: "download-json",
};

// Every function below takes `page`, the page's whole state (newPage in ./console/state.js).

// ---------------------------------------------------------------- history
function loadHistory() {
  return parseHistory(localStorage.getItem(HISTORY_KEY));
}

function saveHistory(list) {
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(list));
  } catch (_) {
    /* storage full or disabled */
  }
}

function remember(page, query, params) {
  saveHistory(pushHistory(loadHistory(), query, params, new Date().toISOString()));
  page.historyCursor = -1;
  renderHistory(page);
}

function renderHistory(page) {
  const { els } = page;
  const list = loadHistory();
  clear(els.history);
  if (!list.length) {
    els.history.append(h("li", { class: "hint" }, t("console.history_empty")));
    return;
  }
  const fmt = new Intl.DateTimeFormat(lang() === "zh" ? "zh-CN" : "en", { dateStyle: "short", timeStyle: "short" });
  list.forEach((entry, i) => {
    let when = "";
    try {
      when = fmt.format(new Date(entry.at));
    } catch (_) {
      when = entry.at || "";
    }
    els.history.append(h("li", null,
      h("button", { type: "button", class: "history-item", testid: "history-item", dataset: { index: String(i) }, onclick: () => loadEntry(page, entry) },
        h("code", { class: "history-query" }, entry.query),
        h("span", { class: "muted history-time" }, when))));
  });
}

function loadEntry(page, entry, { focus = true } = {}) {
  setText(page.view, entry.query);
  const params = entryParams(entry);
  page.els.params.value = params;
  toggleParams(page, hasParams(params));
  if (focus) page.view.focus();
}

function browseHistory(page, step) {
  const list = loadHistory();
  if (!list.length) return false;
  page.historyCursor = browseCursor(page.historyCursor, step, list.length);
  if (page.historyCursor === -1) return true;
  loadEntry(page, list[page.historyCursor]);
  return true;
}

// ---------------------------------------------------------------- examples
function renderExamples(page) {
  const { els, examples } = page;
  clear(els.examples);
  if (!examples.length) {
    els.examples.append(h("li", { class: "hint" }, t("console.no_examples")));
    return;
  }
  for (const ex of examples) {
    els.examples.append(h("li", null,
      h("button", { type: "button", class: "example", testid: "example", dataset: { id: ex.id || "" },
        onclick: () => loadEntry(page, exampleEntry(ex)) },
        h("span", { class: "example-title" }, pick(ex, "title")),
        h("span", { class: "example-question muted" }, pick(ex, "question")))));
  }
}

// ---------------------------------------------------------------- running
function toggleParams(page, open) {
  const { els } = page;
  const show = open === undefined ? els.paramsPanel.hidden : open;
  els.paramsPanel.hidden = !show;
  els.paramsToggle.setAttribute("aria-expanded", show ? "true" : "false");
  els.paramsToggle.classList.toggle("is-active", show);
}

function readParams(page) {
  const { els } = page;
  const parsed = parseParams(els.params.value);
  els.paramsError.hidden = true;
  if (!parsed.error) return parsed.value;
  els.paramsError.textContent = t("console.params_invalid", { message: parsed.error });
  els.paramsError.hidden = false;
  toggleParams(page, true);
  return null;
}

async function run(page) {
  const { els, root, view } = page;
  const query = getText(view).trim();
  if (!query) return;
  const params = readParams(page);
  if (params === null) return;
  if (page.running) page.running.abort();
  const ctrl = new AbortController();
  page.running = ctrl;
  clearError(view);
  root.dataset.state = "busy";
  els.run.disabled = true;
  els.run.textContent = t("console.running");
  remember(page, query, els.params.value.trim() || "{}");
  // the answer streams in (NDJSON): a table is drawn from the first batch of rows and grows with
  // each further batch; the graph and JSON views wait for the whole answer
  let stream = { answer: null, shown: false };
  try {
    await api.queryStream(query, params, {
      signal: ctrl.signal,
      onLine: (line) => {
        if (page.running !== ctrl) return;
        stream = streamStep(stream, line, (answer) => firstTab(page, answer));
        if (stream.draw === "more") page.table.more();
        else if (stream.draw === "show") {
          page.result = stream.answer;
          page.lastError = null;
          renderResult(page);
        }
      },
    });
    if (page.running !== ctrl) return;
    page.result = stream.answer;
    page.result.complete = true;
    page.lastError = null;
  } catch (e) {
    if (e.name === "AbortError") return;
    page.result = null;
    page.lastError = e;
  } finally {
    if (page.running === ctrl) {
      page.running = null;
      els.run.disabled = false;
      els.run.textContent = t("console.run");
      root.dataset.state = "idle";
    }
  }
  if (stream.shown && page.result && page.table && !els.table.hidden) {
    page.table.more();
    els.csv.disabled = false;
    els.jsonDl.disabled = false;
  } else renderResult(page);
}

function firstTab(page, res) {
  if (page.activeTab) return page.activeTab;
  const nodes = new Map();
  collectGraph(res.rows, nodes, new Map());
  return nodes.size ? "graph" : "table";
}

// ---------------------------------------------------------------- results
function renderError(page) {
  const { els, lastError: e } = page;
  clear(els.error);
  if (!e) {
    els.error.hidden = true;
    return;
  }
  els.error.dataset.status = String(e.status || 0);
  els.error.append(h("strong", { class: "error-title", testid: "error-title" }, errorTitle(e, t)));
  els.error.append(h("p", { class: "error-message", testid: "error-message" }, e.message));
  if (e.position) {
    const pos = e.position;
    let line = pos.line;
    let column = pos.column;
    const range = showError(page.view, pos);
    if ((!line || !column) && range) {
      const l = page.view.state.doc.lineAt(range.from);
      line = l.number;
      column = range.from - l.from + 1;
    }
    if (line) els.error.append(h("p", { class: "error-position", testid: "error-position" }, t("console.error_at", { line, column: column || 1 })));
  }
  if (e.hint) els.error.append(h("p", { class: "error-hint muted" }, e.hint));
  els.error.hidden = false;
}

function resultGraph(page) {
  const nodes = new Map();
  const rels = new Map();
  if (page.result) collectGraph(page.result.rows, nodes, rels);
  return { nodes, rels };
}

function renderResult(page) {
  const { els, root, result } = page;
  renderError(page);
  const has = !!result;
  els.csv.disabled = !has || !result.complete;
  els.jsonDl.disabled = !has || !result.complete;
  els.placeholder.hidden = has || !!page.lastError;
  if (!has) {
    els.summary.textContent = "";
    renderRanAs(page);
    els.truncated.hidden = true;
    for (const p of $all("[data-result-panel]", root)) p.hidden = true;
    for (const b of $all("[data-result-tab]", root)) b.classList.remove("is-active");
    return;
  }
  els.summary.textContent = t("console.summary", { rows: result.row_count ?? result.rows.length, ms: result.elapsed_ms ?? "?" });
  renderRanAs(page);
  if (result.truncated) {
    els.truncated.textContent = t("console.truncated", { n: result.max_rows ?? result.rows.length });
    els.truncated.hidden = false;
  } else els.truncated.hidden = true;
  showTab(page, firstTab(page, result));
}

// What actually ran on the embedded engine, when the dialect layer changed the text.
function renderRanAs(page) {
  const { els, result } = page;
  if (!page.ranAsEl) {
    page.ranAsEl = h("div", { class: "ran-as hint", testid: "ran-as", hidden: true });
    els.summary.parentNode.insertBefore(page.ranAsEl, els.summary.nextSibling);
  }
  const el = page.ranAsEl;
  clear(el);
  const text = result && result.ran_as;
  el.hidden = !text;
  if (!text) return;
  el.append(h("span", { class: "muted" }, `${local("ran_as")} `), h("code", { testid: "ran-as-text" }, text));
  for (const n of result.dialect_notes || []) el.append(h("p", { class: "muted" }, `${local("notes")} ${n}`));
}

function showTab(page, tab) {
  const { root, result } = page;
  for (const b of $all("[data-result-tab]", root)) {
    const on = b.dataset.resultTab === tab;
    b.classList.toggle("is-active", on);
    b.setAttribute("aria-selected", on ? "true" : "false");
  }
  for (const p of $all("[data-result-panel]", root)) p.hidden = p.dataset.resultPanel !== tab;
  if (!result || (tab !== "table" && !result.complete)) return; // drawn when the last rows are in
  if (tab === "graph") renderGraph(page);
  else if (tab === "table") renderTable(page);
  else renderJson(page);
}

function renderTable(page) {
  const { els, result } = page;
  if (page.table) page.table.dispose();
  page.table = null;
  clear(els.table);
  if (!result.rows.length) {
    if (result.complete) els.table.append(h("p", { class: "hint", testid: "no-rows" }, t("console.no_rows")));
    return;
  }
  page.table = createTable(els.table, result, page.model);
}

function renderJson(page) {
  const text = answerJson(page.result);
  page.els.json.textContent = visible(text.length > 2_000_000 ? `${text.slice(0, 2_000_000)}\n…` : text);
}

function renderGraph(page) {
  const { els, model } = page;
  if (page.cy) {
    page.cy.destroy();
    page.cy = null;
  }
  clear(els.graph);
  const { nodes, rels } = resultGraph(page);
  els.graph.dataset.nodes = String(nodes.size);
  els.graph.dataset.edges = String(rels.size);
  if (!nodes.size && !rels.size) {
    els.graph.append(h("p", { class: "hint", testid: "no-graph" }, t("console.no_graph")));
    return;
  }
  const container = h("div", { class: "graph-canvas", testid: "graph-canvas" });
  els.graph.append(container);
  const elements = [...nodes.values()].map((n) => nodeElement(model, n));
  for (const r of rels.values()) {
    for (const end of [r.start, r.end]) {
      if (end && !nodes.has(end)) {
        // an endpoint the query did not return: a placeholder, coloured by its IRI segment
        const label = model.labelFromUri(end);
        const stub = { uri: end, labels: label ? [label.name] : [], properties: {} };
        nodes.set(end, stub);
        const el = nodeElement(model, stub);
        el.classes = "placeholder";
        elements.push(el);
      }
    }
    elements.push(edgeElement(model, r));
  }
  const cy = createGraph(container, { elements });
  page.cy = cy;
  // captions at every zoom: the shared style hides node names below 7 px, which the console's
  // fitted overview reached at once (unlabelled dots)
  cy.style().selector("node").style("min-zoomed-font-size", 0).update();
  const layout = nodes.size > 300
    ? { name: "grid", animate: false }
    : { name: "cose", animate: false, randomize: true, nodeRepulsion: () => 400000, idealEdgeLength: () => 110, nodeDimensionsIncludeLabels: true, padding: 30 };
  cy.layout(layout).run();
  labelEdges(cy);
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center();
  }
  // the handlers read page.model when tapped, as the schema may arrive after the graph is drawn
  cy.on("tap", "node", (evt) => {
    const path = page.model.entityPath(evt.target.id());
    evt.target.select();
    labelEdges(cy, evt.target.id());
    els.graph.dataset.selected = evt.target.id();
    if (path && evt.originalEvent && (evt.originalEvent.ctrlKey || evt.originalEvent.metaKey)) window.open(path, "_blank", "noopener");
  });
  cy.on("dbltap", "node", (evt) => {
    const path = page.model.entityPath(evt.target.id());
    if (path) location.href = path;
  });
  window.parkgraphConsole.cy = cy;
}

// ---------------------------------------------------------------- downloads
function downloadCsv(page) {
  const { result } = page;
  if (!result) return;
  download("parkgraph-result.csv", csvText(result.columns, result.rows.map((r) => r.map(cellText))), "text/csv;charset=utf-8");
}

function downloadJson(page) {
  if (!page.result) return;
  download("parkgraph-result.json", answerJson(page.result), "application/json");
}

// ---------------------------------------------------------------- engine line
function renderEngine(page) {
  const { els, info } = page;
  if (!info || !info.engine) return;
  els.engineText.textContent = t("console.engine_line", { engine: info.engine, dialect: info.dialect || "", version: info.version || "" }).trim();
  els.limits.textContent = info.max_rows ? t("console.limits", { rows: info.max_rows, timeout: info.query_timeout }) : "";
}

// ---------------------------------------------------------------- main
// The page, inside `rootEl` (the [data-testid="console"] element); src/entries/console.js calls it.
export async function init(rootEl) {
  const page = newPage(rootEl, new Model(null));
  page.els = byTestId(rootEl, TESTIDS);
  const { els, root } = page;
  const booted = boot();
  page.info = booted.info || {};
  window.parkgraphConsole = { cy: null, view: null, result: () => page.result };
  const history = loadHistory();
  page.view = createEditor(els.editor, {
    doc: history.length ? history[0].query : DEFAULT_QUERY,
    language: "cypher",
    onRun: () => run(page),
    schemaRef: page.schemaRef,
    engineRef: page.engineRef,
    ariaLabel: t("console.editor_label"),
    extraKeys: [
      { key: "Alt-ArrowUp", run: () => browseHistory(page, 1) },
      { key: "Alt-ArrowDown", run: () => browseHistory(page, -1) },
    ],
  });
  window.parkgraphConsole.view = page.view;
  if (history.length && hasParams(history[0].params)) {
    els.params.value = history[0].params;
    toggleParams(page, true);
  }
  els.run.addEventListener("click", () => run(page));
  els.paramsToggle.addEventListener("click", () => toggleParams(page));
  els.params.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run(page);
    }
  });
  els.historyClear.addEventListener("click", () => {
    saveHistory([]);
    renderHistory(page);
  });
  els.csv.addEventListener("click", () => downloadCsv(page));
  els.jsonDl.addEventListener("click", () => downloadJson(page));
  for (const b of $all("[data-result-tab]", root)) {
    b.addEventListener("click", () => {
      page.activeTab = b.dataset.resultTab;
      showTab(page, page.activeTab);
    });
  }
  for (const b of $all("[data-side-tab]", root)) {
    b.addEventListener("click", () => {
      for (const x of $all("[data-side-tab]", root)) {
        x.classList.toggle("is-active", x === b);
        x.setAttribute("aria-selected", x === b ? "true" : "false");
      }
      for (const p of $all("[data-side-panel]", root)) p.hidden = p.dataset.sidePanel !== b.dataset.sideTab;
    });
  }
  page.engineRef.current = page.info.engine || null;
  renderEngine(page);
  renderHistory(page);
  renderResult(page);
  const [schema, inf, ex] = await Promise.allSettled([api.schema(), api.info(), api.examples()]);
  if (schema.status === "fulfilled") {
    page.model = new Model(schema.value);
    page.schemaRef.current = schema.value;
  }
  if (inf.status === "fulfilled") {
    page.info = inf.value;
    page.engineRef.current = page.info.engine || null;
    renderEngine(page);
  }
  if (ex.status === "fulfilled") page.examples = ex.value.examples || [];
  renderExamples(page);
  if (!history.length && page.examples.length) loadEntry(page, exampleEntry(page.examples[0]), { focus: false });
  onLangChange(() => {
    renderEngine(page);
    renderExamples(page);
    renderHistory(page);
    els.run.textContent = t(page.running ? "console.running" : "console.run");
    if (page.cy) relabel(page.cy, page.model);
    if (page.result || page.lastError) renderResult(page);
  });
  root.dataset.ready = "true";
}
