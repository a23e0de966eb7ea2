// The explorer's Analysis panel (issue 17): k shortest paths between two entities drawn on the
// explorer's canvas with each hop's relationship type and sources, centrality top lists, Louvain
// communities as canvas colours, and the network as GraphML / GEXF / CSV. The computing is the
// server's (/api/analytics/…, graph/network); this module asks, draws and lists. Text goes in
// through the dom helpers (textContent), never innerHTML.
import { api } from "../common/api.js";
import { $, $all, byTestId, clear, h } from "../common/dom.js";
import { lang, onLangChange, t } from "../common/i18n.js";
import { citationList, labelChip, paintSwatches } from "../common/render.js";
import { edgeElement, nodeElement } from "../common/graph.js";
import { displayName } from "../common/model.js";
import { newAnalysis } from "./explorer/state.js";

// 12 colours told apart on screen (ColorBrewer Paired); communities past the 12th share grey
const COMMUNITY_COLORS = ["#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928",
  "#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99"];
const OTHER_COMMUNITY = "#bdc3c7";
const PATH_SPACING = 190; // px between the nodes of a drawn path
const PATH_FAN = 110; // px between alternative paths
const SEARCH_DELAY_MS = 250;

// The shape of a node as the explorer and its details panel know it, from an analytics answer.
function asNode(n) {
  const properties = {};
  if (n.name_zh) properties.name_zh = n.name_zh;
  if (n.name_en) properties.name_en = n.name_en;
  return { uri: n.uri, labels: [n.label], properties };
}

function pickName(n) {
  const other = lang() === "zh" ? "en" : "zh";
  return n[`name_${lang()}`] || n[`name_${other}`] || n.uri;
}

// One search box that chooses an entity, in the explorer's style.
function entityPicker(root, host, testid) {
  const { input, list, chosen } = byTestId(root, { input: `${testid}-input`, list: `${testid}-results`, chosen: `${testid}-chosen` });
  let value = null;
  let timer = null;
  let abort = null;

  function render() {
    clear(chosen);
    chosen.dataset.uri = value ? value.uri : "";
    if (value) chosen.append(labelChip(host.model(), value.labels[0]), h("span", { class: "name-primary" }, displayName(value).primary));
  }

  async function search(q) {
    if (abort) abort.abort();
    clear(list);
    q = q.trim();
    if (!q) return;
    abort = new AbortController();
    try {
      const data = await api.search(q, { limit: 8, signal: abort.signal });
      clear(list);
      for (const node of data.results || []) {
        list.append(h("li", null, h("button", { type: "button", class: "search-hit", testid: `${testid}-result`, dataset: { uri: node.uri },
          onclick: () => { value = node; input.value = displayName(node).primary; clear(list); render(); } },
        h("span", { class: "hit-name" }, displayName(node).primary),
        h("span", { class: "hit-sub" }, labelChip(host.model(), node.labels[0]), h("span", { class: "name-secondary" }, displayName(node).secondary)))));
      }
    } catch (e) {
      if (e.name !== "AbortError") list.append(h("li", { class: "error" }, host.errorMessage(e)));
    }
  }

  input.addEventListener("input", () => {
    value = null;
    render();
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), SEARCH_DELAY_MS);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      clearTimeout(timer);
      search(input.value);
    }
  });
  return { get: () => value, render };
}

const TESTIDS = {
  k: "analysis-k", types: "analysis-types", at: "analysis-at", directed: "analysis-directed", run: "analysis-run",
  paths: "analysis-paths", measure: "analysis-measure", kind: "analysis-kind", centralityRun: "analysis-centrality-run",
  centrality: "analysis-centrality", communitiesRun: "analysis-communities-run", communitiesClear: "analysis-communities-clear",
  communities: "analysis-communities", computedOn: "analysis-computed-on",
};

export function initAnalysis(host) {
  // host: {root, cy, model(), withBusy, toast, errorMessage, pushUndo, afterChange, pickNode}; the
  // panel's state is one object (newAnalysis in ./explorer/state.js), its own per page
  const an = newAnalysis(host.root, host.cy);
  const { cy, last } = an;
  const panel = $('[data-testid="analysis-body"]', an.root);
  an.els = byTestId(panel, TESTIDS);
  const { els } = an;
  an.from = entityPicker(panel, host, "analysis-from");
  an.to = entityPicker(panel, host, "analysis-to");
  const { from, to } = an;

  cy.style().selector("edge.analysis-path").style({ width: 4, "line-color": "#d9480f", "target-arrow-color": "#d9480f", "text-opacity": 1, "text-background-opacity": 0.85, "z-index": 10 })
    .selector("node.analysis-path").style({ "border-width": 4, "border-color": "#d9480f", "border-style": "solid" })
    .selector("edge.analysis-focus").style({ width: 6 })
    .selector("node[communityColor]").style({ "background-color": "data(communityColor)" })
    .update();

  function common() {
    const at = els.at.value.trim();
    const types = Array.from(els.types.selectedOptions).map((o) => o.value);
    return { at: at || undefined, types: types.length ? types : undefined };
  }

  function fillSelects() {
    const model = host.model();
    const chosenTypes = new Set(Array.from(els.types.selectedOptions).map((o) => o.value));
    clear(els.types);
    for (const r of model.relTypes.filter((r) => !r.provenance)) {
      els.types.append(h("option", { value: r.type, selected: chosenTypes.has(r.type) }, `${model.relName(r.type)} (${r.type})`));
    }
    const kind = els.kind.value;
    clear(els.kind);
    els.kind.append(h("option", { value: "" }, t("analysis.kind_all")));
    for (const l of model.labels.filter((l) => !["Quote", "Source", "Observation"].includes(l.name))) {
      els.kind.append(h("option", { value: l.name, selected: l.name === kind }, model.labelName(l.name)));
    }
    updateDownloads();
  }

  function updateDownloads() {
    for (const a of $all("[data-format]", panel)) a.href = api.analyticsExportUrl({ format: a.dataset.format, ...common() });
  }

  function describe(computedOn) {
    clear(els.computedOn);
    if (!computedOn) return;
    const model = host.model();
    els.computedOn.append(t("analysis.computed_on", {
      nodes: computedOn.nodes, edges: computedOn.edges,
      labels: computedOn.node_labels.map((l) => model.labelName(l)).join(lang() === "zh" ? "、" : ", "),
      at: computedOn.at || t("analysis.at_all"),
    }));
  }

  // ------------------------------------------------------------ paths
  function clearPathMarks() {
    cy.elements(".analysis-path").removeClass("analysis-path analysis-focus");
  }

  // New nodes of path i go between its ends, path i fanned above or below the first.
  function drawPaths(result) {
    host.pushUndo();
    clearPathMarks();
    const model = host.model();
    const first = result.paths[0].nodes;
    const start = cy.getElementById(first[0].uri);
    const end = cy.getElementById(first[first.length - 1].uri);
    let origin;
    if (start.nonempty()) origin = { ...start.position() };
    else if (cy.nodes().nonempty()) {
      const bb = cy.nodes().boundingBox();
      origin = { x: bb.x2 + 260, y: (bb.y1 + bb.y2) / 2 };
    } else origin = { x: 0, y: 0 };
    const longest = Math.max(...result.paths.map((p) => p.length));
    const target = end.nonempty() ? { ...end.position() } : { x: origin.x + longest * PATH_SPACING, y: origin.y };
    cy.batch(() => {
      result.paths.forEach((p, i) => {
        const fan = i === 0 ? 0 : (i % 2 ? -1 : 1) * Math.ceil(i / 2) * PATH_FAN;
        p.nodes.forEach((n, j) => {
          let el = cy.getElementById(n.uri);
          if (el.empty()) {
            el = cy.add(nodeElement(model, asNode(n)));
            const f = p.length ? j / p.length : 0;
            const ends = j === 0 || j === p.nodes.length - 1;
            el.position({ x: origin.x + (target.x - origin.x) * f, y: origin.y + (target.y - origin.y) * f + (ends ? 0 : fan) });
          }
          el.addClass("analysis-path");
        });
        for (const hop of p.hops) {
          for (const r of hop.relationships) {
            let el = cy.getElementById(r.uri);
            if (el.empty()) el = cy.add(edgeElement(model, { uri: r.uri, type: r.type, start: r.from, end: r.to, properties: r.since ? { since: r.since } : {} }));
            el.addClass("analysis-path");
          }
        }
      });
    });
    host.afterChange();
  }

  function focusPath(p) {
    cy.elements(".analysis-focus").removeClass("analysis-focus");
    const ids = p.hops.flatMap((hop) => hop.relationships.map((r) => r.uri));
    cy.batch(() => ids.forEach((id) => cy.getElementById(id).addClass("analysis-focus")));
  }

  function renderPaths() {
    clear(els.paths);
    const result = last.paths;
    if (!result) return;
    if (!result.paths.length) {
      els.paths.append(h("p", { class: "muted", testid: "analysis-no-path" }, t("analysis.no_path")));
      return;
    }
    const model = host.model();
    result.paths.forEach((p, i) => {
      const hops = h("ol", { class: "hops" },
        p.hops.map((hop) => h("li", { class: "hop", testid: "analysis-hop", dataset: { from: hop.from, to: hop.to } },
          hop.relationships.map((r) => {
            const a = p.nodes.find((n) => n.uri === r.from) || { uri: r.from };
            const b = p.nodes.find((n) => n.uri === r.to) || { uri: r.to };
            return h("div", { class: "hop-rel", testid: "analysis-hop-rel", dataset: { uri: r.uri, type: r.type } },
              h("div", { class: "hop-head" },
                h("span", { class: "name-primary" }, pickName(a)),
                h("span", { class: "hop-type" }, " —", model.relName(r.type), "→ "),
                h("code", { class: "reltype" }, r.type),
                h("span", { class: "name-primary" }, " ", pickName(b)),
                r.since ? h("span", { class: "muted" }, ` (${t("entity.since")} ${r.since})`) : null),
              citationList(r.sources, { model }));
          }))));
      els.paths.append(h("section", { class: "path-card", testid: "analysis-path", dataset: { index: String(i) },
        onmouseenter: () => focusPath(p) },
      h("div", { class: "path-head" },
        h("span", { class: "chip" }, t("analysis.path_n", { n: i + 1, length: p.length })),
        h("button", { type: "button", class: "link-btn", onclick: () => { focusPath(p); cy.fit(cy.elements(".analysis-focus").connectedNodes(), 60); } }, t("analysis.show"))),
      h("p", { class: "explanation", testid: "analysis-explanation", lang: lang() === "zh" ? "zh-CN" : "en" }, p.explanation[lang()]),
      h("p", { class: "explanation-other muted", lang: lang() === "zh" ? "en" : "zh-CN" }, p.explanation[lang() === "zh" ? "en" : "zh"]),
      hops));
    });
  }

  async function runPaths() {
    const a = from.get();
    const b = to.get();
    if (!a || !b) {
      host.toast(t("analysis.choose_two"), "error");
      return;
    }
    await host.withBusy(async () => {
      try {
        const result = await api.analyticsPaths({ from: a.uri, to: b.uri, k: els.k.value, directed: els.directed.checked ? "1" : undefined, ...common() });
        last.paths = result;
        describe(result.computed_on);
        if (result.paths.length) drawPaths(result);
        renderPaths();
      } catch (e) {
        host.toast(host.errorMessage(e), "error");
      }
    });
  }

  // ------------------------------------------------------------ centrality
  function renderCentrality() {
    clear(els.centrality);
    const result = last.centrality;
    if (!result) return;
    const how = result.how || {};
    const method = how.measure === "betweenness" ? ` · ${t(`analysis.method_${how.method}`, { pivots: how.pivots, seed: how.seed })}` : "";
    els.centrality.append(h("p", { class: "muted" }, t(`analysis.measure_${how.measure}`), method),
      h("ol", { class: "ranked" }, result.top.map((n) => h("li", { testid: "analysis-central", dataset: { uri: n.uri } },
        h("button", { type: "button", class: "member", onclick: () => host.pickNode(asNode(n)) }, labelChip(host.model(), n.label), pickName(n)),
        h("span", { class: "score" }, Number(n.score).toPrecision(4))))));
  }

  async function runCentrality() {
    await host.withBusy(async () => {
      try {
        last.centrality = await api.analyticsCentrality({ measure: els.measure.value, kind: els.kind.value || undefined, top: 10, ...common() });
        describe(last.centrality.computed_on);
        renderCentrality();
      } catch (e) {
        host.toast(host.errorMessage(e), "error");
      }
    });
  }

  // ------------------------------------------------------------ communities
  function colourCanvas() {
    const byUri = new Map();
    (last.communities ? last.communities.communities : []).forEach((c, i) => {
      for (const m of c.members) byUri.set(m.uri, i);
    });
    cy.batch(() => cy.nodes().forEach((n) => {
      const i = byUri.get(n.id());
      if (i === undefined) n.removeData("communityColor");
      else n.data("communityColor", COMMUNITY_COLORS[i] || OTHER_COMMUNITY);
      if (i === undefined) n.removeData("community");
      else n.data("community", i);
    }));
  }

  function renderCommunities() {
    clear(els.communities);
    const result = last.communities;
    if (!result) return;
    const list = h("ol", { class: "communities" }, result.communities.slice(0, COMMUNITY_COLORS.length).map((c, i) =>
      h("li", { testid: "analysis-community", dataset: { index: String(i) } },
        h("span", { class: "swatch", dataset: { color: COMMUNITY_COLORS[i] }, "aria-hidden": "true" }),
        h("span", { class: "count" }, String(c.size)),
        " ", c.members.slice(0, 4).map((m) => m.name_zh || m.uri).join("、"), c.size > 4 ? " …" : "")));
    paintSwatches(list);
    els.communities.append(h("p", { class: "muted" }, t("analysis.communities_summary", { n: result.communities.length, q: result.modularity.toFixed(3), seed: result.seed })), list);
  }

  async function runCommunities() {
    await host.withBusy(async () => {
      try {
        last.communities = await api.analyticsCommunities({ ...common() });
        describe(last.communities.computed_on);
        colourCanvas();
        renderCommunities();
      } catch (e) {
        host.toast(host.errorMessage(e), "error");
      }
    });
  }

  // ------------------------------------------------------------ tabs of the right panel
  function showTab(name) {
    for (const b of $all("[data-tab]", an.root)) {
      const on = b.dataset.tab === name;
      b.classList.toggle("is-active", on);
      b.setAttribute("aria-selected", on ? "true" : "false");
      $(`[data-testid="${b.dataset.tab}-body"]`, an.root).hidden = !on;
    }
  }
  for (const b of $all("[data-tab]", an.root)) b.addEventListener("click", () => showTab(b.dataset.tab));
  // a click on the canvas asks for details
  cy.on("tap", "node, edge", () => showTab("details"));

  // ------------------------------------------------------------ wiring
  els.run.addEventListener("click", runPaths);
  els.centralityRun.addEventListener("click", runCentrality);
  els.communitiesRun.addEventListener("click", runCommunities);
  els.communitiesClear.addEventListener("click", () => {
    last.communities = null;
    colourCanvas();
    renderCommunities();
  });
  els.at.addEventListener("input", updateDownloads);
  els.types.addEventListener("change", updateDownloads);
  // nodes added later (expansion, undo) take their community's colour too
  cy.on("add", "node", (evt) => {
    if (!last.communities) return;
    const i = last.communities.communities.findIndex((c) => c.members.some((m) => m.uri === evt.target.id()));
    if (i >= 0) evt.target.data({ communityColor: COMMUNITY_COLORS[i] || OTHER_COMMUNITY, community: i });
  });
  onLangChange(() => {
    fillSelects();
    from.render();
    to.render();
    renderPaths();
    renderCentrality();
    renderCommunities();
    if (last.paths || last.centrality || last.communities) describe((last.paths || last.centrality || last.communities).computed_on);
  });
  window.parkgraphAnalysis = {
    last: () => last,
    pathNodeIds: () => cy.nodes(".analysis-path").map((n) => n.id()).sort(),
    pathEdgeIds: () => cy.edges(".analysis-path").map((e) => e.id()).sort(),
    communityOf: (uri) => cy.getElementById(uri).data("community"),
  };
  return { modelChanged: fillSelects };
}
