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
from dataclasses import dataclass, field

import networkx as nx

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

    def describe(self) -> dict:
        """What the figures were computed from: users of a centrality need to know."""
        return {"node_labels": self.node_labels, "rel_types": self.rel_types, "at": self.at,
                "nodes": self.graph.number_of_nodes(), "edges": self.graph.number_of_edges(),
                "left_out_after_date": self.dropped}

    def simple(self, directed: bool = False) -> nx.Graph:
        """One edge per pair of nodes (the measures do not weigh parallel relationships)."""
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
                    at: str | None = None) -> Projection:
    """Read the chosen labels and relationship types page by page from the store's bulk readers."""
    labels = list(node_labels or default_labels(store))
    for lb in labels:
        if lb not in store.model.classes:
            raise ValueError(f"unknown node label {lb!r}; one of {', '.join(store.model.labels)}")
    types = list(rel_types or default_rel_types(store, labels))
    for t in types:
        if t not in store.model.relationships:
            raise ValueError(f"unknown relationship type {t!r}; one of {', '.join(store.model.rel_types)}")
    g = nx.MultiDiGraph()
    dropped: dict[str, int] = {}
    for label in labels:
        key = DATED.get(label)
        for n in store.export_nodes(label):
            p = n["properties"]
            if key and not known_at(p.get(key), at):
                dropped[label] = dropped.get(label, 0) + 1
                continue
            attrs = {k: p[k] for k in NODE_KEEP if p.get(k) is not None}
            if key and p.get(key) is not None:
                attrs["date"] = iso(p[key])
            g.add_node(n["uri"], label=label, **attrs)
    for rtype in types:
        for r in store.export_relationships(rtype):
            a, b, p = r["start"], r["end"], r["properties"]
            if a not in g or b not in g:
                continue
            if not known_at(p.get("since"), at):
                dropped[rtype] = dropped.get(rtype, 0) + 1
                continue
            g.add_edge(a, b, key=r["uri"], type=rtype, uri=r["uri"], quotes=list(p.get("quotes") or []),
                       **({"since": iso(p["since"])} if p.get("since") is not None else {}))
    return Projection(g, labels, types, at, dropped)
