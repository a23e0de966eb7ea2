"""The JSON API behind every page (described at /api/openapi.json)."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from parkgraph.errors import BadRequest
from parkgraph.graph.examples import examples_for

from .cache import cached, no_store
from .db import get_store, settings
from .security import deadline
from .views import entity_dict, info_dict, label_dict, node_or_404, schema_dict

bp = Blueprint("api", __name__, url_prefix="/api")


INT64 = (-(2**63), 2**63 - 1)
MAX_PARAM_DEPTH = 8


def _shape(v) -> str | None:
    """A value's kind for the one-kind-per-list rule: lists by their items' kind, objects by their keys."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        inner = {_shape(x) for x in v} - {None, "list of nothing"}
        return f"list of {inner.pop()}" if len(inner) == 1 else ("list of nothing" if not inner else "list of mixed")
    if isinstance(v, dict):
        return "object{" + ",".join(sorted(v)) + "}"
    return type(v).__name__


def check_params(value, path: str = "", depth: int = 0) -> None:
    """Refuse the parameter shapes an engine cannot take, with a 400 naming the parameter, on both
    engines alike: integers beyond 64 bits (Neo4j's driver raised OverflowError → 500; LadybugDB
    quoted its C++ binding) and lists mixing kinds of value (LadybugDB raised ValueError → 500, and
    merged the keys of a list of differently-keyed objects into a wrong answer)."""
    if depth > MAX_PARAM_DEPTH:
        raise BadRequest(f"parameter ‘{path}’ is nested more than {MAX_PARAM_DEPTH} levels deep")
    if isinstance(value, int) and not isinstance(value, bool) and not INT64[0] <= value <= INT64[1]:
        raise BadRequest(f"parameter ‘{path}’: whole numbers must fit in 64 bits (±9.2e18)",
                         hint="send it as a string, or as a decimal number")
    if isinstance(value, dict):
        for k, v in value.items():
            check_params(v, f"{path}.{k}" if path else k, depth + 1)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            check_params(v, f"{path}[{i}]", depth + 1)
        kinds = {_shape(v) for v in value} - {None, "list of nothing"}
        if kinds and all(k.startswith("object{") for k in kinds) and len(kinds) > 1:
            raise BadRequest(f"parameter ‘{path}’: the objects in a list must have the same keys")
        if len(kinds) > 1 or any(k.endswith("of mixed") for k in kinds):
            raise BadRequest(f"parameter ‘{path}’: a list must hold one kind of value, got "
                             f"{' and '.join(sorted(k.split('{')[0] for k in kinds))}")


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
@cached
def info():
    return jsonify(info_dict(get_store(), settings()))


@bp.get("/schema")
@cached
def schema():
    return jsonify(schema_dict(get_store()))


@bp.post("/query")
def query():
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # json recurses once per level: 100 000 '[' was a 500
        raise BadRequest(f"the JSON body is nested too deeply (parameters: {MAX_PARAM_DEPTH} levels at most)") from None
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        raise BadRequest("send JSON {\"query\": \"MATCH …\", \"params\": {}}")
    params = body.get("params") or {}
    if not isinstance(params, dict):
        raise BadRequest("‘params’ must be a JSON object")
    if len(body["query"]) > 20000:
        raise BadRequest("query is longer than 20000 characters")
    check_params(params)
    res = get_store().console_read(body["query"], params)
    if "application/x-ndjson" in request.headers.get("Accept", ""):
        return Response(_ndjson(res.to_dict(), current_app.json.dumps), mimetype="application/x-ndjson")
    return jsonify(res.to_dict())


# Rows per NDJSON line: the console draws the first screen of a 1,000-row answer from the first line.
STREAM_BATCH = 100


def _ndjson(d: dict, dumps):
    """The console's answer as lines: everything but the rows first, then the rows in batches, so the
    browser shows the head and the first rows before the rest has arrived (and is parsed). `dumps`
    is the app's JSON encoder, taken while the request is still open."""
    rows = d.pop("rows")
    yield dumps(d) + "\n"
    for i in range(0, len(rows), STREAM_BATCH):
        yield dumps({"rows": rows[i:i + STREAM_BATCH]}) + "\n"


@bp.get("/examples")
@cached
def examples():
    store = get_store()
    return jsonify({"engine": store.engine, "examples": examples_for(store.engine, settings().base_iri)})


@bp.get("/search")
@cached
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
    limit, offset = _int_arg("limit", 20, 1, 100), _int_arg("offset", 0, 0, 100000)
    page = store.search_page(q, limit=limit, offset=offset, labels=labels)
    return jsonify({"query": q, "total": page["total"], "total_exact": page["total_exact"], "offset": offset,
                    "limit": limit, "results": page["results"]})


@bp.get("/node")
@cached
def node():
    store = get_store()
    uri = request.args.get("uri", "")
    got = store.node_with_citations(uri) if uri else None
    if got is None:
        # the 404 (or 400) the other views give; a node made between the two reads is answered too
        n = node_or_404(store, uri)
        got = (n, store.citations(uri))
    n, cites = got
    return jsonify({"node": n, "label": label_dict(store, n), "provenance": cites})


@bp.get("/neighbourhood")
@cached
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
        if len(n) > 9:  # the offset goes into the engine's query as a 64-bit integer
            raise BadRequest(f"offset {n[:20]}… is larger than any group")
        offsets[key] = int(n)
    hood = store.neighbourhood(uri, depth=_int_arg("depth", 1, 1, 3),
                               limit=_int_arg("limit", int(settings().neighbour_limit), 1, 500),
                               rel_types=rels, labels=labels, offsets=offsets,
                               max_nodes=int(settings().neighbour_max_nodes), deadline=deadline())
    if hood is None:  # (the neighbourhood looks the node up itself: no second lookup first)
        node_or_404(store, uri)
    if hood is not None and hood.get("partial"):  # cut short by this request's time budget: not the graph's whole answer
        no_store()
    return jsonify(hood)


@bp.get("/provenance")
@cached
def provenance():
    store = get_store()
    uri = request.args.get("uri", "")
    quotes = request.args.getlist("quote")
    if not uri and not quotes:
        raise BadRequest("give ?uri= (a node or relationship IRI) or one or more ?quote=")
    cites = store.quote_citations(quotes) if quotes else store.citations(uri)
    return jsonify({"uri": uri or None, "citations": cites})


@bp.get("/entity")
@cached
def entity():
    return jsonify(entity_dict(get_store(), request.args.get("uri", "")))


@bp.get("/openapi.json")
def openapi():
    from .openapi import openapi_document
    return jsonify(openapi_document())
