"""Dereferenceable IRIs: an entity's own triples with the quotes and sources behind them."""
from __future__ import annotations

import io

from flask import Response

from parkgraph.graph import GraphStore
from parkgraph.rdf.export import export_entity
from parkgraph.rdf.writers import MEDIA_TYPES

from .db import settings
from .views import node_or_404

BY_MEDIA = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt",
            "ttl": "ttl", "jsonld": "jsonld", "nt": "nt"}


def entity_rdf_response(store: GraphStore, uri: str, wanted: str) -> Response:
    node_or_404(store, uri)
    fmt = BY_MEDIA[wanted]
    buf = io.StringIO()
    export_entity(store, uri, buf, fmt, settings().base_iri)
    resp = Response(buf.getvalue(), content_type=MEDIA_TYPES[fmt] + ("; charset=utf-8" if fmt != "jsonld" else ""))
    resp.headers["Vary"] = "Accept"
    return resp
