"""The graph as networkx sees it: entities and their relationships, read in one streamed pass.

Provenance (Quote, Source and the DERIVED_FROM / QUOTED_FROM edges) is not part of the network by
default: every fact points to its sources, so those nodes would be the most central of all and say
nothing about the parks. Observations are left out too by default (they are statistics, not actors).
A relationship's sources stay on the edge (`quotes`), so a path can cite each hop.

"The graph at a date" keeps what was known at that date: events dated up to it, observations as of
up to it, relationships whose `since` is up to it; undated facts are kept (most memberships carry no
date; dropping them would empty the graph). Dates compare as ISO strings at their own precision:
'2019' and '2019-05' sort before '2019-06-30', so a fact of 2019 stated only by its year counts as
known at the end of June 2019.
"""
from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx

from ..result import iso_at_precision
from ..store import GraphStore

# the dated property of each class that says when it happened
DATED = {"Event": "date", "Observation": "as_of", "Policy": "issued_on"}
NODE_KEEP = ("name_zh", "name_en", "kind", "level")


def iso(v) -> str | None:
    """A date property as an ISO string at its precision, whichever engine or type gave it."""
    if v is None or v == "":
        return None
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()[:10]
    return str(v)


def known_at(value, at: str | None) -> bool:
    d = iso(value)
    return at is None or d is None or d[: len(at)] <= at


@dataclass
class Projection:
    graph: nx.MultiDiGraph
    node_labels: list[str]
    rel_types: list[str]
    at: str | None = None
    dropped: dict[str, int] = field(default_factory=dict)
    _simple: dict[bool, nx.Graph] = field(default_factory=dict, repr=False, compare=False)

    def describe(self) -> dict:
        """What the figures were computed from: users of a centrality need to know."""
        return {"node_labels": self.node_labels, "rel_types": self.rel_types, "at": self.at,
                "nodes": self.graph.number_of_nodes(), "edges": self.graph.number_of_edges(),
                "left_out_after_date": self.dropped}

    def simple(self, directed: bool = False) -> nx.Graph:
        """One edge per pair of nodes (the measures do not weigh parallel relationships); built once
        per projection and direction (treat it as read-only: the measures share it)."""
        cache = self._simple
        if directed not in cache:
            cache[directed] = self._build_simple(directed)
        return cache[directed]

    def degrees(self) -> dict[str, int]:
        """Number of distinct neighbours of each node (the simple undirected graph's degree), counted
        on the projection itself: building the simple graph for this alone cost 40x networkx's own
        degree at 10k enterprises (bench/network_analysis.py)."""
        succ, pred = self.graph._succ, self.graph._pred
        # |out ∪ in| = |out| + |in| − |out ∩ in| (the intersection is small: no union set is built)
        return {u: len(s) + len(pred[u]) - len(s.keys() & pred[u].keys()) + (u in s or u in pred[u])
                for u, s in succ.items()}

    def _build_simple(self, directed: bool) -> nx.Graph:
        # nodes and edges in uri order: Louvain and path ties then come out the same whichever
        # engine (and whichever page order) the projection was read from
        g = nx.DiGraph() if directed else nx.Graph()
        g.add_nodes_from(sorted(self.graph.nodes(data=True)))
        g.add_edges_from(sorted((a, b) if directed or a <= b else (b, a) for a, b in self.graph.edges()))
        return g


def default_labels(store: GraphStore) -> list[str]:
    skip = {"Quote", "Source", "Observation"}
    return [lb for lb in store.model.labels if lb not in skip]


def default_rel_types(store: GraphStore, labels: list[str]) -> list[str]:
    keep = set(labels)
    return [t for t, r in store.model.relationships.items()
            if not r.provenance and set(r.sources) & keep and set(r.targets) & keep]


def read_projection(store: GraphStore, *, node_labels: list[str] | None = None, rel_types: list[str] | None = None,
                    at: str | None = None, edge_detail: bool = True) -> Projection:
    """Read the chosen labels and relationship types in one pass (Neo4j: one streamed read
    transaction; otherwise the store's bulk readers, page by page).

    `edge_detail=False` keeps only which nodes each relationship joins (the date is still applied):
    what the measures use (they see one edge per pair of nodes). The type, uri, `since` and sources
    on every edge are for paths and exports; without them the read decodes 3 values per
    relationship instead of 7 (the driver decodes in Python: at 10k enterprises the read went from
    14 s to 6 s, the raw driver's statement taking 5 s) and the graph holds less."""
    labels = list(node_labels or default_labels(store))
    for lb in labels:
        if lb not in store.model.classes:
            raise ValueError(f"unknown node label {lb!r}; one of {', '.join(store.model.labels)}")
    types = list(rel_types or default_rel_types(store, labels))
    for t in types:
        if t not in store.model.relationships:
            raise ValueError(f"unknown relationship type {t!r}; one of {', '.join(store.model.rel_types)}")
    stream = getattr(store, "stream_rows", None)
    nodes, edges = (_streamed(stream, store, labels, types, edge_detail, at) if stream is not None
                    else (_paged_nodes(store, labels), _paged_edges(store, types)))
    return build_projection(nodes, edges, labels, types, at=at, edge_detail=edge_detail)


def build_projection(nodes: Iterable[Row], edges: Iterable[Row], labels: list[str], types: list[str], *,
                     at: str | None = None, edge_detail: bool = True) -> Projection:
    """The projection from rows: nodes (label, uri, attrs, date) first, then relationships (type,
    uri, start, end, since, quotes); relationships to a node not given (or left out by the date)
    are dropped. Rows are consumed as they come: only the graph is held."""
    g = nx.MultiDiGraph()
    dropped: dict[str, int] = {}
    # uri -> the one string object the graph holds for it: an edge row brings its own copies of its
    # endpoints' uris, and networkx keeps whichever object it is given (about 120 bytes per edge
    # end at 1M enterprises, ~1 GB, saved by handing it the node's own)
    node_key: dict[str, str] = {}
    for label, uri, attrs, date in nodes:
        if label in DATED and not known_at(date, at):
            dropped[label] = dropped.get(label, 0) + 1
            continue
        if date is not None:
            attrs["date"] = date
        node_key[uri] = uri
        g.add_node(uri, label=label, **attrs)
    for rtype, uri, a, b, since, quotes in edges:
        a, b = node_key.get(a), node_key.get(b)
        if a is None or b is None:
            continue
        if not known_at(since, at):
            dropped[rtype] = dropped.get(rtype, 0) + 1
            continue
        if not edge_detail:
            # no attributes at all: an empty dict per relationship instead of one holding the type
            # (~120 bytes less each, ~0.5 GB at 1M enterprises); the measures never look at them
            g.add_edge(a, b)
            continue
        g.add_edge(a, b, key=uri, type=rtype, uri=uri, quotes=list(quotes or []),
                   **({"since": since} if since is not None else {}))
    return Projection(g, labels, types, at, dropped)


Row = tuple  # (label, uri, attrs, date) of a node; (type, uri, start, end, since, quotes) of an edge


def _paged_nodes(store: GraphStore, labels: list[str]) -> Iterator[Row]:
    """Through the store's bulk readers (LadybugDB: COPY TO files in bounded memory)."""
    for label in labels:
        key = DATED.get(label)
        for n in store.export_nodes(label):
            p = n["properties"]
            yield label, n["uri"], {k: p[k] for k in NODE_KEEP if p.get(k) is not None}, iso(p.get(key)) if key else None


def _paged_edges(store: GraphStore, types: list[str]) -> Iterator[Row]:
    for rtype in types:
        for r in store.export_relationships(rtype):
            p = r["properties"]
            yield rtype, r["uri"], r["start"], r["end"], iso(p.get("since")), p.get("quotes")


def _streamed(stream, store: GraphStore, labels: list[str], types: list[str], detail: bool,
              at: str | None) -> tuple[Iterator[Row], Iterator[Row]]:
    """One read transaction, two streamed statements (every node of the labels, then every
    relationship of the types between two of them), only the columns the projection keeps. At 10k
    enterprises the keyset pages of the bulk readers (every property, each page an index seek and
    a sort) took 2.8x the time of one raw-driver statement (bench/network_analysis.py)."""
    props = store.model.classes
    arms = []
    for label in labels:
        have = props[label].properties
        key = DATED.get(label)
        # without detail only what the measures' answers show (the names) and what the date needs
        keep = NODE_KEEP if detail else NODE_KEEP[:2]
        cols = [f"'{label}' AS l", "n.uri AS u",  # the label is one of the ontology's (checked above)
                *(f"{'n.' + k if k in have else 'null'} AS {k}" for k in keep),
                *((f"n.{key} AS d", f"n.{key}_precision AS dp") if key and key in have and (detail or at)
                  else ("null AS d", "null AS dp"))]
        arms.append(f"MATCH (n:{label}) RETURN {', '.join(cols)}")
    node_q = " UNION ALL ".join(arms)
    lx = "|".join(labels)
    # only the columns asked for: each costs the driver's (pure Python) decoding on every row
    # (the measures need neither the type nor the uri: two values per row, as the raw driver's read;
    # at a date the type too, to count what the date left out per type)
    cols = (["type(r) AS t", "r.uri AS u", "r.since AS s", "r.since_precision AS sp", "r.quotes AS q"] if detail else
            ["type(r) AS t", "null AS u", "r.since AS s", "r.since_precision AS sp"] if at else [])
    edge_q = f"MATCH (a:{lx})-[r:{'|'.join(types)}]->(b:{lx}) RETURN a.uri AS a, b.uri AS b{''.join(', ' + c for c in cols)}"
    rows = stream([(node_q, {}), (edge_q, {})])
    pending: list[Row] = []

    def nodes() -> Iterator[Row]:
        for i, row in rows:
            if i == 1:  # the first edge: the nodes are done
                pending.append(row)
                return
            label, uri, *vals, d, dp = row
            yield label, uri, {k: v for k, v in zip(keep, vals) if v is not None}, \
                None if d is None else iso_at_precision(d, dp)

    def edges() -> Iterator[Row]:
        for _, row in itertools.chain(((1, r) for r in pending), rows):
            a, b, rtype, uri, since, sp, quotes = (*row, None, None, None, None, None)[:7]
            yield rtype, uri, a, b, None if since is None else iso_at_precision(since, sp), quotes
    return nodes(), edges()
