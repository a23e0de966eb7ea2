"""The JSON API behind every page (described at /api/openapi.json)."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from parkgraph.errors import BadRequest
from parkgraph.graph.examples import examples_for

from .db import get_store, settings
from .views import entity_dict, info_dict, label_dict, node_or_404, schema_dict

bp = Blueprint("api", __name__, url_prefix="/api")


def _int_arg(name: str, default: int, lo: int, hi: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        v = int(raw)
    except ValueError:
        raise BadRequest(f"‘{name}’ must be a whole number, got {raw!r}") from None
    if not lo <= v <= hi:
        raise BadRequest(f"‘{name}’ must be between {lo} and {hi}")
    return v


@bp.get("/info")
def info():
    return jsonify(info_dict(get_store(), settings()))


@bp.get("/schema")
def schema():
    return jsonify(schema_dict(get_store()))


@bp.post("/query")
def query():
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        raise BadRequest("send JSON {\"query\": \"MATCH …\", \"params\": {}}")
    params = body.get("params") or {}
    if not isinstance(params, dict):
        raise BadRequest("‘params’ must be a JSON object")
    if len(body["query"]) > 20000:
        raise BadRequest("query is longer than 20000 characters")
    res = get_store().console_read(body["query"], params)
    return jsonify(res.to_dict())


@bp.get("/examples")
def examples():
    store = get_store()
    return jsonify({"engine": store.engine, "examples": examples_for(store.engine, settings().base_iri)})


@bp.get("/search")
def search():
    q = request.args.get("q", "")
    if len(q) > 200:
        raise BadRequest("search text is longer than 200 characters")
    store = get_store()
    labels = request.args.getlist("label") or None
    if labels:
        unknown = [l for l in labels if l not in store.model.classes]
        if unknown:
            raise BadRequest(f"unknown label(s): {', '.join(unknown)}")
    results = store.search(q, limit=_int_arg("limit", 20, 1, 100), labels=labels)
    return jsonify({"query": q, "results": results})


@bp.get("/node")
def node():
    store = get_store()
    n = node_or_404(store, request.args.get("uri", ""))
    return jsonify({"node": n, "label": label_dict(store, n), "provenance": store.citations(n["uri"])})


@bp.get("/neighbourhood")
def neighbourhood():
    store = get_store()
    uri = request.args.get("uri", "")
    rels = request.args.getlist("rel") or None
    labels = request.args.getlist("label") or None
    for r in rels or []:
        if r not in store.model.relationships:
            raise BadRequest(f"unknown relationship type {r!r}")
    for l in labels or []:
        if l not in store.model.classes:
            raise BadRequest(f"unknown label {l!r}")
    offsets = {}
    for item in request.args.getlist("offset"):
        key, _, n = item.rpartition(":")
        if not key or not n.isdigit():
            raise BadRequest(f"offset must look like TYPE:out:25, got {item!r}")
        offsets[key] = int(n)
    hood = store.neighbourhood(uri, depth=_int_arg("depth", 1, 1, 3),
                               limit=_int_arg("limit", int(settings().neighbour_limit), 1, 500),
                               rel_types=rels, labels=labels, offsets=offsets)
    if hood is None:  # (the neighbourhood looks the node up itself: no second lookup first)
        node_or_404(store, uri)
    return jsonify(hood)


@bp.get("/provenance")
def provenance():
    store = get_store()
    uri = request.args.get("uri", "")
    quotes = request.args.getlist("quote")
    if not uri and not quotes:
        raise BadRequest("give ?uri= (a node or relationship IRI) or one or more ?quote=")
    cites = store.quote_citations(quotes) if quotes else store.citations(uri)
    return jsonify({"uri": uri or None, "citations": cites})


@bp.get("/entity")
def entity():
    return jsonify(entity_dict(get_store(), request.args.get("uri", "")))


@bp.get("/openapi.json")
def openapi():
    from .openapi import openapi_document
    return jsonify(openapi_document())
