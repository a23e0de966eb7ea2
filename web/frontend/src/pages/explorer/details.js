// The explorer's details panel: the selected node (names, neighbours by group, properties, sources)
// or relationship (ends, properties, the quotes it rests on). `ctx`: {el, cy, model(), state, act,
// focusNode, errorMessage} from pages/explorer.js.
import { api } from "../../common/api.js";
import { add, clear, h } from "../../common/dom.js";
import { t } from "../../common/i18n.js";
import { displayName } from "../../common/model.js";
import { citationList, labelChip, namesBlock, paintSwatches, propertiesTable } from "../../common/render.js";

export function createDetails(ctx) {
  const nodeInfoCache = new Map();
  async function nodeInfo(uri) {
    if (!nodeInfoCache.has(uri)) nodeInfoCache.set(uri, api.node(uri).catch((e) => { nodeInfoCache.delete(uri); throw e; }));
    return nodeInfoCache.get(uri);
  }

  const provenanceCache = new Map();
  async function relProvenance(uri) {
    if (!provenanceCache.has(uri)) provenanceCache.set(uri, api.provenance(uri).catch((e) => { provenanceCache.delete(uri); throw e; }));
    return provenanceCache.get(uri);
  }

  function groupsSection(uri) {
    const groups = ctx.state.expanded.get(uri);
    if (!groups || !groups.size) return null;
    const list = h("ul", { class: "groups", testid: "groups" });
    const sorted = [...groups.values()].sort((a, b) => (ctx.model().isProvenanceRel(a.type) - ctx.model().isProvenanceRel(b.type)) || a.key.localeCompare(b.key));
    for (const g of sorted) {
      const members = [...g.members.values()].filter(({ node }) => ctx.cy.getElementById(node.uri).nonempty());
      const more = g.more > 0
        ? h("button", { type: "button", class: "btn btn-small", testid: "group-more", dataset: { key: g.key },
            onclick: () => ctx.act({ op: "more", uri, offset: `${g.key}:${g.shown}` }) }, t("explorer.more", { n: g.more }))
        : null;
      list.append(h("li", { class: "group", testid: "group", dataset: { key: g.key } },
        h("div", { class: "group-head" },
          h("span", { class: "dir", title: g.direction }, t(`dir.${g.direction}`)),
          h("span", { class: "group-name" }, ctx.model().relName(g.type)),
          h("span", { class: "count", testid: "group-count", title: t("explorer.group_count", { shown: g.shown, total: g.total }) }, String(g.total)),
          more),
        h("ul", { class: "members" },
          members.map(({ node }) => {
            const sw = h("span", { class: "swatch", dataset: { color: ctx.model().color(node.labels[0]) }, "aria-hidden": "true" });
            return h("li", null, h("button", { type: "button", class: "member", testid: "group-item", dataset: { uri: node.uri }, onclick: () => ctx.focusNode(node.uri) },
              sw, displayName(node).primary));
          }))));
    }
    paintSwatches(list);
    return h("section", { class: "detail-section" }, h("h3", null, t("explorer.neighbours")), list);
  }

  let detailsToken = 0;

  async function render() {
    const token = ++detailsToken;
    const sel = ctx.state.selected;
    clear(ctx.el);
    if (!sel || ctx.cy.getElementById(sel.id).empty()) {
      ctx.el.append(h("p", { class: "hint" }, t("explorer.details_empty")));
      return;
    }
    const el = ctx.cy.getElementById(sel.id);
    if (el.isNode()) {
      const node = el.data("node");
      const uri = node.uri;
      const labelName = node.labels[0];
      const path = ctx.model().entityPath(uri);
      const expanded = ctx.state.expanded.has(uri);
      add(ctx.el,
        h("div", { class: "detail-head", testid: "details-node", dataset: { uri } },
          labelChip(ctx.model(), labelName),
          namesBlock(node, { tag: "h3" }),
          h("div", { class: "detail-actions" },
            expanded
              ? h("button", { type: "button", class: "btn btn-small", testid: "collapse", onclick: () => ctx.act({ op: "collapse", uri }, { fit: false }) }, t("explorer.collapse"))
              : h("button", { type: "button", class: "btn btn-small btn-primary", testid: "expand", onclick: () => ctx.act({ op: "expand", uri }) }, t("explorer.expand")),
            h("button", { type: "button", class: "btn btn-small", testid: "remove", onclick: () => ctx.act({ op: "remove", uri }, { fit: false }) }, t("explorer.remove")),
            path ? h("a", { class: "btn btn-small", href: path, testid: "entity-link" }, t("common.open_entity")) : null)),
        groupsSection(uri),
        h("section", { class: "detail-section" }, h("h3", null, t("common.properties")), propertiesTable(ctx.model(), node.properties, { skip: ["uri"] }),
          h("p", { class: "uri" }, h("code", null, uri))),
      );
      const sources = h("section", { class: "detail-section", testid: "details-sources" }, h("h3", null, t("common.sources")), h("p", { class: "muted" }, t("common.loading")));
      ctx.el.append(sources);
      try {
        const info = await nodeInfo(uri);
        if (token !== detailsToken) return;
        sources.lastChild.replaceWith(citationList(info.provenance || [], { model: ctx.model() }));
      } catch (e) {
        if (token === detailsToken) sources.lastChild.replaceWith(h("p", { class: "error" }, ctx.errorMessage(e)));
      }
    } else {
      const rel = el.data("rel");
      const src = ctx.cy.getElementById(rel.start);
      const dst = ctx.cy.getElementById(rel.end);
      const endpoint = (n, uri) => h("button", { type: "button", class: "member", onclick: () => ctx.focusNode(uri) }, n.nonempty() ? displayName(n.data("node")).primary : uri);
      const { quotes, ...props } = rel.properties || {};
      add(ctx.el,
        h("div", { class: "detail-head", testid: "details-edge", dataset: { uri: rel.uri || "" } },
          h("span", { class: "chip" }, t("explorer.relationship")),
          h("h3", { class: "names" }, h("span", { class: "name-primary" }, ctx.model().relName(rel.type)), h("span", { class: "name-secondary" }, rel.type)),
          h("dl", { class: "endpoints" }, h("dt", null, t("explorer.from")), h("dd", null, endpoint(src, rel.start)), h("dt", null, t("explorer.to")), h("dd", null, endpoint(dst, rel.end)))),
        h("section", { class: "detail-section" }, h("h3", null, t("common.properties")), propertiesTable(ctx.model(), props), rel.uri ? h("p", { class: "uri" }, h("code", null, rel.uri)) : null),
      );
      const sources = h("section", { class: "detail-section", testid: "details-sources" }, h("h3", null, t("common.sources")), h("p", { class: "muted" }, t("common.loading")));
      ctx.el.append(sources);
      if (!rel.uri) {
        sources.lastChild.replaceWith(citationList([], { model: ctx.model() }));
        return;
      }
      try {
        const prov = await relProvenance(rel.uri);
        if (token !== detailsToken) return;
        sources.lastChild.replaceWith(citationList(prov.citations || [], { model: ctx.model() }));
      } catch (e) {
        if (token === detailsToken) sources.lastChild.replaceWith(h("p", { class: "error" }, ctx.errorMessage(e)));
      }
    }
  }

  return { render };
}
