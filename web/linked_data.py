"""Dereferenceable IRIs: an entity's own triples with the quotes and sources behind them; the data its
server-rendered page shows (names, facts, statistics, sources, citations, schema.org JSON-LD); its CSV
and citation downloads."""
from __future__ import annotations

import csv
import io

from flask import Response

from parkgraph.graph import GraphStore
from parkgraph.iri import local_id
from parkgraph.rdf import cite
from parkgraph.rdf.export import export_entity
from parkgraph.rdf.writers import MEDIA_TYPES

from .db import settings
from .views import entity_dict, node_or_404

BY_MEDIA = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt",
            "ttl": "ttl", "jsonld": "jsonld", "nt": "nt"}
SCHEMA_ORG = "https://schema.org/"


def entity_rdf_response(store: GraphStore, uri: str, wanted: str) -> Response:
    node_or_404(store, uri)
    fmt = BY_MEDIA[wanted]
    buf = io.StringIO()
    export_entity(store, uri, buf, fmt, settings().base_iri)
    resp = Response(buf.getvalue(), content_type=MEDIA_TYPES[fmt] + ("; charset=utf-8" if fmt != "jsonld" else ""))
    resp.headers["Vary"] = "Accept"
    return resp


def _cell(v) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ (or tab/CR) gets a leading
    apostrophe, as web/frontend/src/common/csv.js does for downloads made in the browser."""
    s = "; ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v))
    if s[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(s):
        s = "'" + s
    return s


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False


def _sources(citations: list[dict]) -> str:
    return " | ".join(cite.english(cite.source_work(c["source"])) for c in citations)


def entity_csv_response(store: GraphStore, uri: str) -> Response:
    """An entity's facts as one table: its properties, its relationships and its observations, each row
    with the sources behind it (formatted references) and their URLs."""
    data = entity_dict(store, uri)
    node, cls = data["node"], store.model.classes[data["node"]["labels"][0]]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["subject", "kind", "property", "value", "unit", "as_of", "status", "object", "source", "source_url"])
    own = _sources(data["provenance"])
    own_urls = " | ".join(c["source"].get("url") or "" for c in data["provenance"])
    for key, prop in cls.properties.items():
        if key in node["properties"] and key != "uri" and not prop.index_only:
            w.writerow([_cell(x) for x in (uri, "property", prop.label_en, node["properties"][key], "", "", "", "", own, own_urls)])
    for g in data["relations"]:
        for it in g["items"]:
            cites = it.get("citations") or []
            w.writerow([_cell(x) for x in (uri, f"relation ({g['direction']})", g["label_en"] or g["type"],
                                           _name(it["node"]), "", it["rel"]["properties"].get("since"), "",
                                           it["node"]["uri"], _sources(cites),
                                           " | ".join(c["source"].get("url") or "" for c in cites))])
    for o in data["observations"]:
        cites = o["citations"]
        w.writerow([_cell(x) for x in (uri, "observation", o.get("metric_en") or o.get("metric"),
                                       o["value"] if o["value"] is not None else o.get("value_text"), o.get("unit"),
                                       o.get("as_of"), o.get("status"), o["uri"], _sources(cites),
                                       " | ".join(c["source"].get("url") or "" for c in cites))])
    local = local_id(uri)
    return Response("\ufeff" + buf.getvalue(), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="parkgraph-{local}.csv"'})


def _name(node: dict) -> str:
    p = node["properties"]
    return p.get("name_zh") or p.get("title") or p.get("name_en") or p.get("text") or node["uri"]


def entity_work(store: GraphStore, node: dict) -> cite.Work:
    cls = store.model.classes[node["labels"][0]]
    p = node["properties"]
    if cls.name == "Source":
        return cite.source_work({"uri": node["uri"], **p})
    return cite.entity_work(node["uri"], p.get("name_zh") or p.get("title") or p.get("metric_zh") or p.get("text"),
                            p.get("name_en") or p.get("metric_en"))


def entity_cite_response(store: GraphStore, uri: str, fmt: str) -> Response:
    work = entity_work(store, node_or_404(store, uri))
    _, fn, media = cite.FORMATS[fmt]
    ext = {"bib": "bib", "ris": "ris", "csl": "json", "gbt": "txt", "ref": "txt"}[fmt]
    return Response(fn(work), content_type=f"{media}; charset=utf-8",
                    headers={"Content-Disposition": f'inline; filename="{work.key}.{ext}"'})


def schema_org(store: GraphStore, node: dict) -> dict:
    """schema.org JSON-LD for the page head: type from the class's schema.org superclass, names, links."""
    cls = store.model.classes[node["labels"][0]]
    p = node["properties"]
    types = [c[len(SCHEMA_ORG):] for c in cls.super_classes if c.startswith(SCHEMA_ORG)]
    if cls.name == "Source":
        types = ["NewsArticle" if p.get("kind") == "news" else "CreativeWork"]
    out: dict = {"@context": "https://schema.org", "@type": types[0] if types else "Thing", "@id": node["uri"],
                 "url": node["uri"]}
    names = [x for x in (p.get("name_zh"), p.get("name_en")) if x]
    if names:
        out["name"] = names[0]
        if len(names) > 1:
            out["alternateName"] = names[1:] + list(p.get("aliases") or [])
    if p.get("title"):
        out["headline" if cls.name == "Source" else "name"] = p["title"]
        out.setdefault("name", p["title"])
    if p.get("website"):
        out["sameAs"] = p["website"]
    if p.get("url"):
        out["sameAs"] = p["url"]
    if p.get("published"):
        out["datePublished"] = p["published"]
    if p.get("outlet"):
        out["publisher"] = {"@type": "Organization", "name": p["outlet"]}
    if p.get("note"):
        out["description"] = p["note"]
    out["isPartOf"] = {"@type": "Dataset", "name": cite.DATASET_TITLE_EN, "url": settings().base_iri + "dataset"}
    return out


def entity_page_context(store: GraphStore, uri: str) -> dict:
    """Everything the server-rendered entity page shows (the same data as /api/entity)."""
    data = entity_dict(store, uri)
    node = data["node"]
    cls = store.model.classes[node["labels"][0]]
    props = [(prop.label_zh, prop.label_en, key, node["properties"][key])
             for key, prop in cls.properties.items()
             if key in node["properties"] and key != "uri" and not prop.index_only]
    work = entity_work(store, node)
    fact_sources: dict[str, dict] = {}
    for c in data["provenance"]:
        fact_sources.setdefault(c["source"]["uri"], c["source"])
    for g in data["relations"]:
        for it in g["items"]:
            for c in it.get("citations") or []:
                fact_sources.setdefault(c["source"]["uri"], c["source"])
    for o in data["observations"]:
        for c in o["citations"]:
            fact_sources.setdefault(c["source"]["uri"], c["source"])
    references = [{"source": s, "gbt": cite.gbt7714(w), "ref": cite.english(w)}
                  for s in fact_sources.values() for w in [cite.source_work(s)]]
    return {"entity": data, "cls": cls, "props": props, "schema_org": schema_org(store, node),
            "cite": cite.all_formats(work), "references": references}
