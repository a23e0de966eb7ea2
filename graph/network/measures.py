"""Centrality, communities and bridges on a projection, with networkx.

Betweenness is exact up to `EXACT_BETWEENNESS_NODES` nodes and sampled above (k pivots, seeded).
Each pivot is one breadth-first pass over the whole graph, so the cost is pivots × (nodes + edges):
bench/network_analysis.py measured 5.5 s per pivot at 100k enterprises on this 2-core machine under
load (200 pivots ≈ 18 min), about 50 s per pivot expected at 1M (hours even sampled;
docs/analysis.md; Neo4j's Graph Data Science library is the route past one machine). At 10 pivots
the top 10 shared 7 of 10 with an independent run; degree and PageRank agreed 10 of 10. Louvain is networkx's, seeded, so the same graph
gives the same communities on every run and on either engine."""
from __future__ import annotations

import heapq

import networkx as nx

from .projection import Projection

EXACT_BETWEENNESS_NODES = 20_000
SAMPLED_PIVOTS = 200
MEASURES = ("degree", "betweenness", "pagerank")


def centrality(proj: Projection, *, measure: str = "degree", label: str | None = None, top: int = 10,
               seed: int = 42) -> dict:
    """The top nodes by a measure, optionally of one kind (label), with how it was computed."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; one of {', '.join(MEASURES)}")
    how: dict[str, object] = {"measure": measure}
    if measure == "degree":
        scores: dict = proj.degrees()
        return _ranked(proj, proj.graph.nodes, scores, how, label, top)
    g = proj.simple()
    if measure == "betweenness":
        n = g.number_of_nodes()
        if n <= EXACT_BETWEENNESS_NODES:
            scores = nx.betweenness_centrality(g, normalized=True)
            how["method"] = "exact"
        else:
            scores = nx.betweenness_centrality(g, k=SAMPLED_PIVOTS, normalized=True, seed=seed)
            how.update(method="sampled", pivots=SAMPLED_PIVOTS, seed=seed)
    else:
        scores = nx.pagerank(g, alpha=0.85, tol=1e-10, max_iter=200)
        how.update(alpha=0.85)
    return _ranked(proj, g.nodes, scores, how, label, top)


def _ranked(proj: Projection, nodes, scores: dict, how: dict, label: str | None, top: int) -> dict:
    ranked = heapq.nsmallest(top, ((-s, u) for u, s in scores.items() if label is None or nodes[u]["label"] == label))
    ranked = [(-s, u) for s, u in ranked]
    return {"computed_on": proj.describe(), "how": how, "label": label,
            "top": [{"uri": u, "label": nodes[u]["label"], "name_zh": nodes[u].get("name_zh"),
                     "name_en": nodes[u].get("name_en"), "score": round(float(s), 12)} for s, u in ranked]}


def communities(proj: Projection, *, seed: int = 42, resolution: float = 1.0) -> dict:
    """Louvain communities of the undirected projection, largest first; members in uri order."""
    g = proj.simple()
    comms = nx.community.louvain_communities(g, seed=seed, resolution=resolution)
    comms = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))
    nodes = g.nodes
    return {"computed_on": proj.describe(), "seed": seed, "resolution": resolution,
            "modularity": round(nx.community.modularity(g, comms), 12) if g.number_of_edges() else 0.0,
            "communities": [{"size": len(c), "members": [{"uri": u, "label": nodes[u]["label"],
                                                           "name_zh": nodes[u].get("name_zh")} for u in c]}
                            for c in comms]}


def bridges(proj: Projection) -> dict:
    """Who connects the parks: nodes other than parks that reach two or more parks within two hops
    (directly or through a sub-park), the articulation points of the network and its bridge edges."""
    g = proj.simple()
    nodes = g.nodes
    parks = {u for u in g if nodes[u]["label"] == "Park"}
    sub_of = {u: {v for v in g[u] if v in parks} for u in g if nodes[u]["label"] == "SubPark"}

    def parks_near(u: str) -> set[str]:
        near = set()
        for v in g[u]:
            if v in parks:
                near.add(v)
            near |= sub_of.get(v, set())
        return near

    between = []
    for u in sorted(g):
        if u in parks or nodes[u]["label"] in ("SubPark", "Region"):
            continue
        ps = parks_near(u)
        if len(ps) >= 2:
            between.append({"uri": u, "label": nodes[u]["label"], "name_zh": nodes[u].get("name_zh"),
                            "parks": sorted(ps)})
    return {"computed_on": proj.describe(), "between_parks": between,
            "articulation_points": sorted(nx.articulation_points(g)),
            "bridge_edges": sorted(sorted(e) for e in nx.bridges(g))}
