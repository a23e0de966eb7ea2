"""The store, wired into the app with init_app.

The store is opened lazily and reopened after a failure, so the UI answers 503 while Neo4j is down
and recovers by itself when it is back.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from flask import Flask, current_app, g, has_request_context

from parkgraph.graph import GraphStore, open_store

_lock = threading.RLock()


def init_app(app: Flask) -> None:
    app.extensions["parkgraph_store"] = app.config.get("STORE")


def _lazy(key: str, make: Callable[[Flask], object]):
    """One shared object per app, made on first use (a failed make leaves nothing, so the next request tries again)."""
    app = current_app._get_current_object()
    obj = app.extensions.get(key)
    if obj is None:
        with _lock:
            obj = app.extensions.get(key)
            if obj is None:
                obj = app.extensions[key] = make(app)
    return obj


def get_store() -> GraphStore:
    return _lazy("parkgraph_store", lambda app: open_store(app.config["SETTINGS"], read_only=True))


def graph_version(store: GraphStore) -> str:
    """The store's graph version, read once per request: the answer cache keys on it and /api/info
    compares its counts with it, and on Neo4j each read is a round trip (a cache miss on /api/info
    read it twice)."""
    if not has_request_context():
        return store.graph_version()
    memo = g.get("parkgraph_graph_version")
    if memo is None or memo[0] is not store:
        memo = g.parkgraph_graph_version = (store, store.graph_version())
    return memo[1]


def settings():
    return current_app.config["SETTINGS"]


def get_sparql():
    """The SPARQL service over a snapshot of the store (built on first use, rebuilt when the graph changes)."""
    def make(app):
        from parkgraph.rdf.sparql import SparqlService
        return SparqlService.from_settings(get_store(), app.config["SETTINGS"])
    return _lazy("parkgraph_sparql", make)
