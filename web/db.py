"""The store, wired into the app with init_app.

The store is opened lazily and reopened after a failure, so the UI answers 503 while Neo4j is down
and recovers by itself when it is back.
"""
from __future__ import annotations

import threading

from flask import Flask, current_app

from parkgraph.graph import GraphStore, open_store

_lock = threading.RLock()


def init_app(app: Flask) -> None:
    app.extensions["parkgraph_store"] = app.config.get("STORE")


def get_store() -> GraphStore:
    app = current_app._get_current_object()
    store = app.extensions.get("parkgraph_store")
    if store is None:
        with _lock:
            store = app.extensions.get("parkgraph_store")
            if store is None:
                store = open_store(app.config["SETTINGS"], read_only=True)
                app.extensions["parkgraph_store"] = store
    return store


def settings():
    return current_app.config["SETTINGS"]


def get_sparql():
    """The SPARQL service over a snapshot of the store (built on first use, rebuilt when the graph changes)."""
    app = current_app._get_current_object()
    svc = app.extensions.get("parkgraph_sparql")
    if svc is None:
        with _lock:
            svc = app.extensions.get("parkgraph_sparql")
            if svc is None:
                from parkgraph.rdf.sparql import SparqlService
                s = app.config["SETTINGS"]
                svc = SparqlService(get_store(), s.base_iri, timeout=float(s.query_timeout), max_rows=int(s.max_rows))
                app.extensions["parkgraph_sparql"] = svc
    return svc
