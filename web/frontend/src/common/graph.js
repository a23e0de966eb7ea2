// Cytoscape.js set-up shared by the explorer and the console's graph tab.
import cytoscape from "cytoscape";
import { displayName, shortName } from "./model.js";

export const FONT = '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif';

export function edgeId(rel) {
  return rel.uri || `${rel.start}|${rel.type}|${rel.end}`;
}

export function nodeElement(model, node) {
  const label = model.labelOf(node);
  const labelName = (node.labels && node.labels[0]) || (label && label.name) || "";
  return {
    group: "nodes",
    data: {
      id: node.uri,
      name: shortName(node),
      fullName: displayName(node).primary,
      label: labelName,
      color: model.color(labelName),
      node,
    },
  };
}

export function edgeElement(model, rel) {
  return {
    group: "edges",
    data: {
      id: edgeId(rel),
      source: rel.start,
      target: rel.end,
      type: rel.type,
      name: model.relName(rel.type),
      rel,
    },
  };
}

export function graphStyle() {
  return [
    {
      selector: "node",
      style: {
        "background-color": "data(color)",
        label: "data(name)",
        "font-family": FONT,
        "font-size": 11,
        color: "#1f2933",
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 5,
        "text-wrap": "ellipsis",
        "text-max-width": "140px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.75,
        "text-background-padding": "2px",
        "text-background-shape": "roundrectangle",
        width: 26,
        height: 26,
        "border-width": 2,
        "border-color": "#ffffff",
        "overlay-padding": 4,
        "min-zoomed-font-size": 7,
      },
    },
    { selector: "node.root", style: { width: 38, height: 38, "font-size": 12, "font-weight": "bold" } },
    { selector: "node.expanded", style: { "border-width": 3, "border-color": "#34495e", "border-style": "double" } },
    { selector: "node.placeholder", style: { "background-opacity": 0.35, "border-style": "dashed", "border-color": "#7b8794" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#102a43", "border-style": "solid" } },
    { selector: "node.faded, edge.faded", style: { opacity: 0.25 } },
    {
      selector: "edge",
      style: {
        width: 1.4,
        "line-color": "#a9b4c2",
        "target-arrow-color": "#a9b4c2",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.9,
        "curve-style": "bezier",
        label: "data(name)",
        "font-family": FONT,
        "font-size": 9,
        color: "#52606d",
        "text-rotation": "autorotate",
        "min-zoomed-font-size": 7,
        "text-background-color": "#ffffff",
        "text-background-padding": "1px",
        "text-opacity": 0,
        "text-background-opacity": 0,
      },
    },
    { selector: "edge.labelled, edge:selected, edge.hover", style: { "text-opacity": 1, "text-background-opacity": 0.85 } },
    { selector: "edge.labelled", style: { "line-color": "#7b8794", "target-arrow-color": "#7b8794" } },
    { selector: "edge:selected", style: { width: 3, "line-color": "#102a43", "target-arrow-color": "#102a43", color: "#102a43" } },
    { selector: ".hidden", style: { display: "none" } },
  ];
}

export function createGraph(container, opts = {}) {
  const cy = cytoscape({
    container,
    style: graphStyle(),
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: "single",
    ...opts,
  });
  cy.on("mouseover", "edge", (e) => e.target.addClass("hover"));
  cy.on("mouseout", "edge", (e) => e.target.removeClass("hover"));
  cy.on("mouseover", "node", (e) => e.target.connectedEdges().addClass("hover"));
  cy.on("mouseout", "node", (e) => e.target.connectedEdges().removeClass("hover"));
  return cy;
}

// Edge labels show for the selected node's edges (and on hover), or all of them on small graphs.
export function labelEdges(cy, nodeId = null) {
  cy.batch(() => {
    cy.edges().removeClass("labelled");
    if (cy.edges().length <= 30) cy.edges().addClass("labelled");
    else if (nodeId) cy.getElementById(nodeId).connectedEdges().addClass("labelled");
  });
}

// Re-label every node and edge for the current language.
export function relabel(cy, model) {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const node = n.data("node");
      if (node) n.data({ name: shortName(node), fullName: displayName(node).primary });
    });
    cy.edges().forEach((e) => e.data("name", model.relName(e.data("type"))));
  });
}

// Place `fresh` nodes on rings around `anchor` (a position), fanning away from `away`
// (the centroid of what is already there), without moving anything else: layouts stay incremental.
// Neighbours on a ring alternate between two radii so their labels do not collide.
export function placeAround(anchor, fresh, away = null, occupied = []) {
  const n = fresh.length;
  if (!n) return;
  let start = 0;
  let spread = 2 * Math.PI;
  if (away) {
    const dx = anchor.x - away.x;
    const dy = anchor.y - away.y;
    if (Math.hypot(dx, dy) > 1) {
      start = Math.atan2(dy, dx);
      spread = n < 4 ? Math.PI * 0.7 : n < 10 ? Math.PI * 1.2 : Math.PI * 1.6;
    }
  }
  const full = spread >= 2 * Math.PI - 1e-6;
  const GAP = 62;
  // one ring, as wide as needed up to 420 px; more rings only past that
  const single = (spread * 420) / GAP;
  const firstRadius = n <= single ? Math.max(160, (n * GAP) / spread) : 160;
  let placed = 0;
  let ring = 0;
  while (placed < n) {
    const radius = firstRadius + ring * 130;
    const capacity = n <= single ? n : Math.max(5, Math.floor((spread * radius) / GAP));
    const count = Math.min(capacity, n - placed);
    const stagger = count > 7 ? 60 : 0;
    for (let i = 0; i < count; i++) {
      const frac = full ? i / count : count === 1 ? 0.5 : i / (count - 1);
      const angle = start - (full ? 0 : spread / 2) + frac * spread + (ring % 2 ? spread / (2 * count) : 0);
      const r = radius + (i % 2 ? stagger : 0);
      fresh[placed + i].position({ x: anchor.x + r * Math.cos(angle), y: anchor.y + r * Math.sin(angle) });
    }
    placed += count;
    ring += 1;
  }
  if (occupied.length) avoidCollisions(anchor, fresh, occupied);
}

// Push new nodes outwards along their ray while they sit on a node already there (grid lookup).
function avoidCollisions(anchor, fresh, occupied, minDist = 46) {
  const CELL = 60;
  const grid = new Map();
  const key = (x, y) => `${Math.floor(x / CELL)},${Math.floor(y / CELL)}`;
  const put = (p) => {
    const k = key(p.x, p.y);
    if (!grid.has(k)) grid.set(k, []);
    grid.get(k).push(p);
  };
  occupied.forEach(put);
  const clash = (p) => {
    const cx = Math.floor(p.x / CELL);
    const cy = Math.floor(p.y / CELL);
    for (let i = -1; i <= 1; i++) {
      for (let j = -1; j <= 1; j++) {
        for (const q of grid.get(`${cx + i},${cy + j}`) || []) if (Math.hypot(p.x - q.x, p.y - q.y) < minDist) return true;
      }
    }
    return false;
  };
  for (const n of fresh) {
    let p = { ...n.position() };
    const dx = p.x - anchor.x;
    const dy = p.y - anchor.y;
    const len = Math.hypot(dx, dy) || 1;
    for (let step = 0; step < 12 && clash(p); step++) p = { x: p.x + (dx / len) * 40, y: p.y + (dy / len) * 40 };
    n.position(p);
    put(p);
  }
}

// Nodes, relationships and paths found anywhere in a console result.
export function collectGraph(value, nodes, rels) {
  if (value === null || value === undefined || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((v) => collectGraph(v, nodes, rels));
    return;
  }
  if (typeof value.uri !== "undefined" && Array.isArray(value.labels) && value.properties) {
    if (value.uri) nodes.set(value.uri, value);
    return;
  }
  if (typeof value.type === "string" && "start" in value && "end" in value && value.properties) {
    rels.set(edgeId(value), value);
    return;
  }
  if (Array.isArray(value.nodes) || Array.isArray(value.relationships)) {
    collectGraph(value.nodes || [], nodes, rels);
    collectGraph(value.relationships || [], nodes, rels);
    return;
  }
  Object.values(value).forEach((v) => collectGraph(v, nodes, rels));
}

export { cytoscape };
