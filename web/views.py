"""Data the pages and the API share: schema, info, entity pages. Presentation only; the store answers."""
from __future__ import annotations

import threading
import weakref

from parkgraph.errors import NotFound
from parkgraph.graph import GraphStore
from parkgraph.settings import Settings

from .db import graph_version


def schema_dict(store: GraphStore) -> dict:
    m = store.model
    return {
        "labels": [{"name": c.name, "label_zh": c.label_zh, "label_en": c.label_en, "definition_zh": c.definition_zh,
                    "definition_en": c.definition_en, "color": c.color, "segment": c.segment,
                    "properties": [{"key": k, "label_zh": p.label_zh, "label_en": p.label_en} for k, p in c.properties.items()]}
                   for c in m.classes.values()],
        "rel_types": [{"type": r.type, "label_zh": r.label_zh, "label_en": r.label_en, "sources": list(r.sources),
                       "targets": list(r.targets), "provenance": r.provenance} for r in m.relationships.values()],
        "property_keys": m.all_property_keys(),
        "values": m.value_labels,  # zh/en labels of every allowed value (national → 国家级)
    }


# per store: its server_info (fixed while it is open) and its counts with the graph version they
# were read at; /api/info asks only for the version (26 queries before, then 1)
_info_cache: "weakref.WeakKeyDictionary[GraphStore, dict]" = weakref.WeakKeyDictionary()
_info_lock = threading.Lock()


def info_dict(store: GraphStore, settings: Settings, *, counts: bool = True) -> dict:
    cache = _info_cache.get(store)
    if cache is None:
        with _info_lock:
            cache = _info_cache.setdefault(store, {"server_info": store.server_info()})
    info = cache["server_info"]
    out = {"engine": info["engine"], "dialect": info["dialect"], "version": info.get("version"),
           "read_only": True, "max_rows": int(settings.max_rows), "query_timeout": float(settings.query_timeout),
           "base_iri": settings.base_iri}
    if counts:
        version = graph_version(store)
        got = cache.get("counts")
        if got is None or got[0] != version:
            got = cache["counts"] = (version, store.counts())
        out["counts"] = got[1]
    return out


def label_dict(store: GraphStore, node: dict) -> dict:
    c = store.model.classes.get(node["labels"][0]) if node["labels"] else None
    if c is None:
        return {"name": None}
    return {"name": c.name, "label_zh": c.label_zh, "label_en": c.label_en, "color": c.color}


def node_or_404(store: GraphStore, uri: str) -> dict:
    node = store.node(uri) if uri else None
    if node is None:
        raise NotFound(f"no entity with IRI {uri!r}" if uri else "give an entity IRI as ?uri=")
    return node


def entity_dict(store: GraphStore, uri: str, limit: int = 200) -> dict:
    """An entity page in three queries whatever the model's size: the neighbourhood (with the node
    itself), the observations with their quote uris, then every citation of the page in one batch —
    checked against the request's time budget between them (504 past it: a page missing half its
    sections would mislead)."""
    from .security import check_budget
    hood = store.neighbourhood(uri, limit=limit) if uri else None
    if hood is None:
        raise NotFound(f"no entity with IRI {uri!r}" if uri else "give an entity IRI as ?uri=")
    node = hood["center"]
    check_budget("this entity page")
    relations = []
    quote_uris: list[str] = []
    # A fact's sources are shown as citations; a Source's or Quote's page lists what was taken from it.
    is_document = not store.model.classes[node["labels"][0]].needs_citation
    for g in hood["groups"]:
        rel = store.model.relationships[g["type"]]
        if (rel.provenance and not is_document) or g["type"] == "DESCRIBES":
            continue
        for it in g["items"]:
            quote_uris += it["rel"]["properties"].get("quotes") or []
        relations.append({"type": g["type"], "direction": g["direction"], "label_zh": rel.label_zh,
                          "label_en": rel.label_en, "total": g["total"], "more": g["more"], "items": g["items"]})
    observations = store.observations_with_quotes(uri)
    check_budget("this entity page")
    for _o, qs in observations:
        quote_uris += qs
    provenance, by_quote = store.citations_batch(uri, list(dict.fromkeys(quote_uris)))
    for r in relations:
        for it in r["items"]:
            it["citations"] = [by_quote[q] for q in it["rel"]["properties"].get("quotes") or [] if q in by_quote]
    obs = []
    for o, qs in observations:
        p = o["properties"]
        cites = sorted((by_quote[q] for q in qs if q in by_quote),
                       key=lambda c: (c["source"].get("published") is None, c["source"].get("published") or "",
                                      c["source"]["uri"], c["quote"]["uri"]))
        obs.append({"uri": o["uri"], **{k: p.get(k) for k in ("metric", "metric_zh", "metric_en", "value", "value_text",
                                                              "unit", "as_of", "status", "qualifier", "scope", "note_zh", "note_en",
                                                              "as_of_precision", "as_of_text", "as_of_end", "stated_on",
                                                              "stated_on_precision", "stated_on_text")},
                    "citations": cites})
    return {"node": node, "label": label_dict(store, node), "provenance": provenance,
            "relations": relations, "observations": obs}
