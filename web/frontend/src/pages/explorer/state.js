// The explorer's pure state: the permalink (the operation log in the page address), the groups of
// neighbours an expanded node shows, the filters. No DOM, no network: unit-tested with `node --test`
// (test/explorer-state.test.js). Maps are copied on write, so an undo entry can keep the previous
// ones as they were without copying the whole canvas.

export const DEFAULT_HIDDEN_LABELS = ["Quote", "Source"];

// ---------------------------------------------------------------- the page
// The whole state of one explorer page, made by init(root): every function of ../explorer.js reads
// and writes this object, so two pages (or two test runs) never share state. `model` is the empty
// Model until /api/schema answers, passed in so this module stays free of the DOM.
export function newPage(root, model) {
  return {
    root, // the [data-testid="explorer"] element
    els: {}, // its parts, by key of TESTIDS in ../explorer.js
    model, // labels, colours and entity paths, from /api/schema
    counts: { nodes: {}, relationships: {} }, // /api/info's counts, shown in the legend
    groupLimit: undefined, // neighbours per relationship group: the server's setting, or ?limit=N in the page address
    cy: null, // the canvas (cytoscape)
    // What the canvas shows, as the undo entries and the permalink know it (window.parkgraphExplorer.state)
    state: {
      ops: [], // the log the permalink encodes
      roots: new Set(),
      expanded: new Map(), // uri → Map(groupKey → {type, direction, key, total, shown, more, members: Map(uri → node)})
      hiddenLabels: new Set(DEFAULT_HIDDEN_LABELS),
      hiddenRels: new Set(),
      selected: null, // {kind: "node"|"edge", id}
    },
    undoLog: null, // undo entries (explorer/undo.js)
    details: null, // the details panel (explorer/details.js)
    search: null, // the search box (explorer/search.js)
    analysis: null, // the Analysis panel (../analysis.js): {modelChanged}
    busy: 0, // requests in flight: the root's data-state is "busy" while any is
    replaying: false, // a permalink is being replayed: no undo entries, no address writes
    toastTimer: null, // hides the toast shown last
  };
}

// The state of the explorer's Analysis panel (../analysis.js), made by initAnalysis: its own per
// page, as the page's is. `last`: the answers shown (window.parkgraphAnalysis.last()).
export function newAnalysis(root, cy) {
  return {
    root, // the explorer's root element: the panel's parts are looked up inside it
    cy, // the explorer's canvas, where paths and communities are drawn
    els: {}, // the panel's parts, by key of TESTIDS in ../analysis.js
    from: null, // the two entity pickers of the paths form
    to: null,
    last: { paths: null, centrality: null, communities: null },
  };
}

// ---------------------------------------------------------------- permalink
// The IRI's last two segments (kind/id), as common/model.js's localParts (kept free of the DOM).
function localParts(uri) {
  if (typeof uri !== "string") return null;
  const m = uri.replace(/\/+$/, "").match(/([^/]+)\/([^/]+)$/);
  return m ? [m[1], m[2]] : null;
}

export function encodeUri(uri, base) {
  return base && uri.startsWith(base) ? uri.slice(base.length) : uri;
}

export function decodeUri(s, base) {
  return /^[a-z][a-z0-9+.-]*:/i.test(s) || !base ? s : base + s;
}

export function baseOf(uri) {
  const parts = localParts(uri);
  return parts ? uri.slice(0, uri.length - parts[0].length - parts[1].length - 1) : "";
}

// One letter per operation in the address. ("remove" was written as its first letter, "r", which
// reads back as "root": a permalink replayed a removed node as a new root.)
const CODES = { root: "r", expand: "e", collapse: "c", remove: "d" };
const NAMES = Object.fromEntries(Object.entries(CODES).map(([k, v]) => [v, k]));

// The log and the selection as the address's fragment (without '#'): b=<base IRI>, o=<op>…, s=<selected>.
export function encodeHash(ops, selected) {
  const sp = new URLSearchParams();
  const first = ops.find((o) => o.uri);
  const base = first ? baseOf(first.uri) : "";
  if (base) sp.set("b", base);
  for (const op of ops) {
    if (op.op === "filter") sp.append("o", `f~${op.hl.join(",")}~${op.hr.join(",")}`);
    else if (op.op === "more") sp.append("o", `m~${encodeUri(op.uri, base)}~${op.offset}`);
    else if (CODES[op.op]) sp.append("o", `${CODES[op.op]}~${encodeUri(op.uri, base)}`);
  }
  if (selected) sp.set("s", selected.kind === "node" ? encodeUri(selected.id, base) : `edge:${selected.id}`);
  return ops.length ? sp.toString() : "";
}

export function decodeHash(raw) {
  if (!raw) return null;
  const sp = new URLSearchParams(raw);
  const base = sp.get("b") || "";
  const ops = [];
  for (const item of sp.getAll("o")) {
    const [code, a, b] = item.split("~");
    if (code === "f") ops.push({ op: "filter", hl: a ? a.split(",") : [], hr: b ? b.split(",") : [] });
    else if (code === "m" && a && b) ops.push({ op: "more", uri: decodeUri(a, base), offset: b });
    else if (NAMES[code] && a) ops.push({ op: NAMES[code], uri: decodeUri(a, base) });
  }
  let selected = null;
  const s = sp.get("s");
  if (s) selected = s.startsWith("edge:") ? { kind: "edge", id: s.slice(5) } : { kind: "node", id: decodeUri(s, base) };
  return { ops, selected };
}

// ---------------------------------------------------------------- groups of neighbours
// `expanded`: uri → Map(groupKey → {type, direction, key, total, shown, more, members: Map(uri → {node, rel})}).
// An answer of /api/neighbourhood merged in: a paged answer ("more", `pagedKey`) extends its group;
// a fresh expand keeps the members already shown and the furthest page reached.
export function mergeGroups(expanded, uri, groups, pagedKey) {
  const out = new Map(expanded);
  const map = new Map(expanded.get(uri) || []);
  for (const g of groups) {
    const prev = map.get(g.key);
    const shown = g.offset + g.items.length;
    const members = new Map(prev ? prev.members : []);
    for (const it of g.items) members.set(it.node.uri, { node: it.node, rel: it.rel });
    if (!prev || g.key === pagedKey || shown > prev.shown) {
      map.set(g.key, { type: g.type, direction: g.direction, key: g.key, total: g.total, shown: Math.max(shown, prev ? prev.shown : 0),
        more: g.key === pagedKey || !prev ? g.more : Math.min(prev.more, g.more), members });
    } else {
      map.set(g.key, { ...prev, total: g.total });
    }
  }
  out.set(uri, map);
  return out;
}

// A node taken off the canvas: no longer expanded, and no longer a member of any group.
export function dropNode(expanded, uri) {
  const out = new Map();
  for (const [u, groups] of expanded) {
    if (u === uri) continue;
    let changed = false;
    const next = new Map();
    for (const [k, g] of groups) {
      if (g.members.has(uri)) {
        const members = new Map(g.members);
        members.delete(uri);
        next.set(k, { ...g, members });
        changed = true;
      } else next.set(k, g);
    }
    out.set(u, changed ? next : groups);
  }
  return out;
}

// ---------------------------------------------------------------- filters
export function sameSet(set, list) {
  return set.size === list.length && list.every((x) => set.has(x));
}

// The neighbourhood request's label/rel lists: only when something is hidden (all shown = no filter).
export function filterParams(labels, rels, hiddenLabels, hiddenRels) {
  const out = {};
  if (labels.some((l) => hiddenLabels.has(l))) out.labels = labels.filter((l) => !hiddenLabels.has(l));
  if (rels.some((r) => hiddenRels.has(r))) out.rels = rels.filter((r) => !hiddenRels.has(r));
  return out;
}
