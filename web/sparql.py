"""SPARQL 1.1 Protocol endpoint at /sparql (query only), the SPARQL page, and RDF downloads."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request, stream_with_context

from parkgraph.errors import BadRequest, ParkGraphError, WriteRefused
from parkgraph.graph.examples import sparql_examples

from .db import get_sparql, get_store, settings
from .views import info_dict

bp = Blueprint("sparql", __name__)

# An error from /sparql is written in the family the client negotiated: JSON for JSON clients (and
# when there is no Accept header), a page for browsers, plain text for CSV, TSV, XML and RDF clients.
_ERROR_OFFERS = ["application/json", "application/sparql-results+json", "application/ld+json", "text/html",
                 "text/plain", "text/csv", "text/tab-separated-values", "application/sparql-results+xml",
                 "application/xml", "text/turtle", "application/n-triples", "application/rdf+xml"]


@bp.errorhandler(ParkGraphError)
def sparql_error(e: ParkGraphError):
    from .errors import respond
    best = request.accept_mimetypes.best_match(_ERROR_OFFERS) if request.headers.get("Accept") else "application/json"
    payload = e.to_dict()
    if request.path.startswith("/api/") or best is None or "json" in best:
        return jsonify(payload), e.status
    if best == "text/html":
        return respond(e.status, payload)
    text = f"{payload['error']}: {payload['message']}\n" + (f"hint: {payload['hint']}\n" if payload.get("hint") else "")
    return Response(text, status=e.status, content_type="text/plain; charset=utf-8")


def sparql_info() -> dict:
    """The page header names what answers SPARQL: pyoxigraph over a snapshot of the graph, not the graph's
    own engine (which a badge reading "Ladybug 0.22.0" suggested)."""
    import pyoxigraph
    info = info_dict(get_store(), settings(), counts=False)
    graph_engine = info["engine"]
    info.update(engine="pyoxigraph", version=pyoxigraph.__version__, graph_engine=graph_engine,
                dialect=f"SPARQL 1.1 on a pyoxigraph {pyoxigraph.__version__} snapshot of the {graph_engine} graph")
    return info


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint():
    if request.method == "POST":
        ctype = (request.mimetype or "").lower()
        if ctype == "application/sparql-update" or "update" in request.form:
            raise WriteRefused("the SPARQL endpoint is read-only: SPARQL Update is not accepted")
        if ctype == "application/sparql-query":
            query = request.get_data(as_text=True)
        elif ctype == "application/x-www-form-urlencoded" or ctype == "multipart/form-data":
            query = request.form.get("query", "")
        else:
            raise BadRequest("POST a form with ‘query’ or an application/sparql-query body")
    else:
        if "update" in request.args:
            raise WriteRefused("the SPARQL endpoint is read-only: SPARQL Update is not accepted")
        query = request.args.get("query")
        if query is None:
            # a browser opening /sparql gets the SPARQL page
            return render_template("sparql.html", info=sparql_info(), page="sparql")
    body, ctype, truncated = get_sparql().query(query, request.headers.get("Accept"))
    resp = Response(body, content_type=ctype)
    resp.headers["Vary"] = "Accept"
    if truncated:
        resp.headers["X-ParkGraph-Truncated"] = f"results cut at the {settings().max_rows}-row cap"
    return resp


@bp.get("/api/sparql/examples")
def examples():
    return jsonify({"engine": "sparql", "examples": sparql_examples(settings().base_iri)})


@bp.get("/api/export")
def download():
    """The whole graph as RDF, streamed: ?format=ttl|nt|nq|jsonld."""
    from parkgraph.rdf.export import export
    from parkgraph.rdf.writers import MEDIA_TYPES
    fmt = request.args.get("format", "ttl")
    if fmt not in MEDIA_TYPES:
        raise BadRequest(f"format must be one of {', '.join(MEDIA_TYPES)}")
    store, base = get_store(), settings().base_iri

    def generate():
        # export() writes subject blocks; hand them to the client as they come, never the whole dump at once
        import queue
        import threading
        q: queue.Queue = queue.Queue(maxsize=64)
        stop = threading.Event()  # set when the client goes away: the export stops and cleans up

        class _Gone(Exception):
            pass

        def put(item) -> None:
            while not stop.is_set():
                try:
                    q.put(item, timeout=0.5)
                    return
                except queue.Full:
                    continue
            raise _Gone

        class _Pipe:
            def write(self, s: str) -> None:
                put(s)

        def run():
            try:
                export(store, _Pipe(), fmt, base)
            except _Gone:
                return
            finally:
                if not stop.is_set():
                    try:
                        put(None)
                    except _Gone:
                        pass
        t = threading.Thread(target=run, daemon=True)
        t.start()
        try:
            while (chunk := q.get()) is not None:
                yield chunk.encode("utf-8")
        finally:
            stop.set()
    ext = {"ttl": "ttl", "nt": "nt", "nq": "nq", "jsonld": "jsonld"}[fmt]
    return Response(stream_with_context(generate()), content_type=MEDIA_TYPES[fmt] + ("; charset=utf-8" if fmt != "jsonld" else ""),
                    headers={"Content-Disposition": f"attachment; filename=parkgraph.{ext}"})
