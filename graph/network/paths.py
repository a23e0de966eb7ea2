"""The k shortest paths between two entities, each hop with its relationship type, direction and
sources, and a sentence per path in Chinese and English built from the ontology's labels."""
from __future__ import annotations

from itertools import islice

import networkx as nx

from ..store import GraphStore
from .projection import Projection


def _name(g: nx.MultiDiGraph, uri: str, lang: str) -> str:
    d = g.nodes[uri]
    return d.get(f"name_{lang}") or d.get("name_zh") or d.get("name_en") or uri


def k_shortest_paths(store: GraphStore, proj: Projection, source: str, target: str, *, k: int = 5,
                     directed: bool = False) -> list[dict]:
    """Up to k simple paths from `source` to `target`, shortest first (ties in a stable order).

    `directed=False` follows relationships either way (how two organisations are connected);
    `directed=True` only along their direction. Between two consecutive nodes every relationship of
    the chosen types is listed as one hop, with the sources of each."""
    g = proj.graph
    for uri in (source, target):
        if uri not in g:
            raise KeyError(uri)
    view = proj.simple(directed=directed)
    try:
        found = list(islice(nx.shortest_simple_paths(view, source, target), k))
    except nx.NetworkXNoPath:
        return []
    # ties in a deterministic order: length, then the node uris
    found.sort(key=lambda p: (len(p), p))
    quotes = sorted({q for p in found for a, b in zip(p, p[1:]) for e in _edges(g, a, b, directed) for q in e["quotes"]})
    cites: dict[str, list[dict]] = {}
    for c in store.quote_citations(quotes):
        cites.setdefault(c["quote"]["uri"], []).append(c)
    out = []
    for p in found:
        hops = []
        for a, b in zip(p, p[1:]):
            rels = [{"type": e["type"], "uri": e["uri"], "from": e["_from"], "to": e["_to"],
                     "forward": e["_from"] == a, "since": e.get("since"),
                     "sources": [c for q in e["quotes"] for c in cites.get(q, [])]}
                    for e in _edges(g, a, b, directed)]
            hops.append({"from": a, "to": b, "relationships": rels})
        out.append({"length": len(p) - 1, "nodes": [{"uri": u, "label": g.nodes[u]["label"], "name_zh": _name(g, u, "zh"),
                                                     "name_en": _name(g, u, "en")} for u in p],
                    "hops": hops, "explanation": {lang: explain(store, g, hops, lang) for lang in ("zh", "en")}})
    return out


def _edges(g: nx.MultiDiGraph, a: str, b: str, directed: bool) -> list[dict]:
    es = [{**d, "_from": a, "_to": b} for d in (g.get_edge_data(a, b) or {}).values()]
    if not directed:
        es += [{**d, "_from": b, "_to": a} for d in (g.get_edge_data(b, a) or {}).values()]
    return sorted(es, key=lambda e: (e["type"], e["uri"]))


def explain(store: GraphStore, g: nx.MultiDiGraph, hops: list[dict], lang: str) -> str:
    """'北京网藤科技有限公司 入驻 通州园，通州园 隶属于 国家网络安全产业园区（北京）': each hop stated in the
    relationship's own direction with the ontology's label of its type."""
    parts = []
    for h in hops:
        r = h["relationships"][0]
        rel = store.model.relationships[r["type"]]
        verb = rel.label_zh if lang == "zh" else rel.label_en
        parts.append(f"{_name(g, r['from'], lang)} {verb} {_name(g, r['to'], lang)}")
    return ("，" if lang == "zh" else "; ").join(parts) + ("。" if lang == "zh" else ".")
