"""/api/analytics/…: network analysis (paths with sources, centrality, communities, bridges) and the
network as GraphML, GEXF or CSV. The work is graph/network's; this blueprint reads arguments and
presents."""
from __future__ import annotations

import io

from flask import Blueprint, Response, jsonify, request

from parkgraph.errors import BadRequest
from parkgraph.graph.network import formats
from parkgraph.graph.network.service import projection, run

from .db import get_store, settings

bp = Blueprint("analytics", __name__, url_prefix="/api/analytics")


def _list(name: str) -> list[str] | None:
    vals = [v.strip() for raw in request.args.getlist(name) for v in raw.split(",") if v.strip()]
    return vals or None


def _int(name: str, default: int) -> int:
    raw = request.args.get(name, "")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadRequest(f"‘{name}’ must be a whole number, got {raw[:40]!r}") from None


def _common() -> dict:
    return {"labels": _list("labels"), "rel_types": _list("types"), "at": request.args.get("at") or None}


@bp.get("/paths")
def paths():
    return jsonify(run(get_store(), "paths", settings().base_iri, source=request.args.get("from"),
                       target=request.args.get("to"), k=_int("k", 5), directed=request.args.get("directed") in ("1", "true"),
                       **_common()))


@bp.get("/centrality")
def centrality():
    return jsonify(run(get_store(), "centrality", settings().base_iri, measure=request.args.get("measure", "degree"),
                       label=request.args.get("kind") or None, top=_int("top", 10), seed=_int("seed", 42), **_common()))


@bp.get("/communities")
def communities():
    return jsonify(run(get_store(), "communities", settings().base_iri, seed=_int("seed", 42), **_common()))


@bp.get("/bridges")
def bridges():
    return jsonify(run(get_store(), "bridges", settings().base_iri, **_common()))


@bp.get("/export")
def export():
    fmt = request.args.get("format", "graphml")
    if fmt not in formats.FORMATS:
        raise BadRequest(f"‘format’ must be one of {', '.join(formats.FORMATS)}")
    proj = projection(get_store(), **_common())
    if fmt in ("graphml", "gexf"):
        buf = io.BytesIO()
        formats.write(proj, fmt, buf)
        body, mimetype = buf.getvalue(), formats.FORMATS[fmt]
        return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="parkgraph.{fmt}"'})
    return Response(formats.csv_lines(proj, fmt), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="parkgraph-{fmt}"'})


def _p(name: str, desc: str, **schema) -> dict:
    return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema or {"type": "string"}}


_COMMON = [_p("labels", "node labels to include, comma-separated (default: every entity kind; Quote, Source and Observation are left out)"),
           _p("types", "relationship types to include, comma-separated (default: every non-provenance type)"),
           _p("at", "only facts known at this date: 2021, 2021-06 or 2021-06-30")]
_RESULT = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "required": ["computed_on"]}}}},
           "default": {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
OPENAPI_PATHS = {
    "/api/analytics/paths": {"get": {"summary": "The k shortest paths between two entities, each hop with its sources and a sentence in zh/en",
                                     "operationId": "analyticsPaths", "responses": _RESULT, "parameters": [
        _p("from", "IRI, segment/id or name"), _p("to", "IRI, segment/id or name"),
        _p("k", "how many paths (1–50)", type="integer"), _p("directed", "1: only along relationship direction"), *_COMMON]}},
    "/api/analytics/centrality": {"get": {"summary": "Top nodes by degree, betweenness or PageRank, and what graph they were computed on",
                                          "operationId": "analyticsCentrality", "responses": _RESULT, "parameters": [
        _p("measure", "degree | betweenness | pagerank"), _p("kind", "only nodes of this label"),
        _p("top", "how many (1–1000)", type="integer"), _p("seed", "seed of sampled betweenness", type="integer"), *_COMMON]}},
    "/api/analytics/communities": {"get": {"summary": "Louvain communities (networkx, seeded: deterministic)",
                                           "operationId": "analyticsCommunities", "responses": _RESULT,
                                           "parameters": [_p("seed", "Louvain seed", type="integer"), *_COMMON]}},
    "/api/analytics/bridges": {"get": {"summary": "Entities connecting two or more parks; articulation points and bridge edges",
                                       "operationId": "analyticsBridges", "responses": _RESULT, "parameters": _COMMON}},
    "/api/analytics/export": {"get": {"summary": "The network as GraphML, GEXF or CSV node/edge lists (Gephi, Cytoscape desktop)",
                                      "operationId": "analyticsExport", "parameters": [_p("format", "graphml | gexf | nodes.csv | edges.csv"), *_COMMON],
                                      "responses": {"200": {"description": "the file"}}}},
}
