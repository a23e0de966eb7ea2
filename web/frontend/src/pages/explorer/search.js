// The explorer's search box: results paged by the API (offset/limit), "more" appends the next page,
// typing searches after a pause. `ctx`: {els: {form, input, status, results}, model(), setBusy,
// errorMessage, pickNode} from pages/explorer.js.
import { api } from "../../common/api.js";
import { clear, h } from "../../common/dom.js";
import { t } from "../../common/i18n.js";
import { displayName } from "../../common/model.js";
import { labelChip } from "../../common/render.js";

export function createSearch(ctx) {
  let lastResults = [];
  let searchAbort = null;
  let searchTimer = null;

  const SEARCH_PAGE = 20;
  let lastTotal = 0;
  let lastExact = true;

  async function runSearch(q, { more = false } = {}) {
    q = q.trim();
    if (searchAbort) searchAbort.abort();
    if (!q) {
      lastResults = [];
      lastTotal = 0;
      ctx.els.status.textContent = t("search.hint");
      clear(ctx.els.results);
      return;
    }
    searchAbort = new AbortController();
    const signal = searchAbort.signal;
    ctx.setBusy(1);
    try {
      // the API gives the total and pages (offset/limit): "more" appends the next page
      const offset = more ? lastResults.length : 0;
      const data = await api.search(q, { limit: SEARCH_PAGE, offset, signal });
      lastResults = more ? lastResults.concat(data.results || []) : data.results || [];
      lastTotal = data.total ?? lastResults.length;
      lastExact = data.total_exact !== false; // false: "at least", more pages to read (graph/search_index.py)
      renderResults(q);
    } catch (e) {
      if (e.name !== "AbortError") ctx.els.status.textContent = ctx.errorMessage(e);
    } finally {
      ctx.setBusy(-1);
    }
  }

  function renderResults(q) {
    clear(ctx.els.results);
    ctx.els.status.textContent = !lastResults.length ? t("search.no_results", { q })
      : !lastExact ? t("search.results_at_least", { n: lastResults.length })
      : lastTotal > lastResults.length ? t("search.results_of", { n: lastResults.length, total: lastTotal })
        : t("search.results", { n: lastResults.length });
    for (const node of lastResults) {
      const labelName = node.labels[0];
      const li = h("li", null,
        h("button", { type: "button", class: "search-hit", testid: "search-result", dataset: { uri: node.uri }, onclick: () => ctx.pickNode(node) },
          h("span", { class: "hit-name" }, displayName(node).primary),
          h("span", { class: "hit-sub" }, labelChip(ctx.model(), labelName), h("span", { class: "name-secondary" }, displayName(node).secondary))));
      ctx.els.results.append(li);
    }
    if (!lastExact || lastTotal > lastResults.length) {
      ctx.els.results.append(h("li", null, h("button", { type: "button", class: "search-more", testid: "search-more",
        onclick: () => runSearch(q, { more: true }) }, t("search.more"))));
    }
  }

  function wire() {
    ctx.els.form.addEventListener("submit", (e) => {
      e.preventDefault();
      clearTimeout(searchTimer);
      runSearch(ctx.els.input.value);
    });
    ctx.els.input.addEventListener("input", () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => runSearch(ctx.els.input.value), 250);
    });
  }

  // after a language change
  function rerender() {
    if (lastResults.length) renderResults(ctx.els.input.value);
    else ctx.els.status.textContent = t("search.hint");
  }

  return { wire, rerender };
}
