"""HTML pages. They render a shell; the data comes from the JSON API."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from .db import get_store, settings
from .views import entity_dict, info_dict, node_or_404

bp = Blueprint("pages", __name__)


def _render(template: str, page: str, **ctx):
    return render_template(template, info=info_dict(get_store(), settings(), counts=False), page=page, **ctx)


@bp.get("/")
def explorer():
    return _render("explorer.html", "explorer")


@bp.get("/console")
def console():
    return _render("console.html", "console")


@bp.get("/id/<segment>/<local>")
def entity(segment: str, local: str):
    """Every minted IRI `{base}{segment}/{id}` has a page here (HTML, JSON; RDF when the SPARQL blueprint is present)."""
    uri = settings().base_iri + f"{segment}/{local}"
    store = get_store()
    fmt = request.args.get("format")
    mt = request.accept_mimetypes.best_match(["text/html", "application/json", "application/ld+json", "text/turtle",
                                              "application/n-triples"], default="text/html")
    if fmt in ("ttl", "jsonld", "nt") or (fmt is None and mt in ("text/turtle", "application/ld+json", "application/n-triples")):
        from .linked_data import entity_rdf_response
        return entity_rdf_response(store, uri, fmt or mt)
    if fmt == "json" or (fmt is None and mt == "application/json"):
        return jsonify(entity_dict(store, uri))
    node_or_404(store, uri)
    return _render("entity.html", "entity", entity_uri=uri)
