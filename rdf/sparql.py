"""A read-only SPARQL 1.1 query service over a snapshot of the graph.

The graph is exported (streamed N-Triples) together with the ontology into an on-disk Oxigraph store.
Queries run in a pool of sandboxed worker processes that open that store read-only
(sparql_pool, sparql_worker): what may run is decided from a parse (sparql_guard), answers are
written by pyoxigraph's serializers after content negotiation (sparql_formats), and a query past its
time or memory limit is stopped by ending its worker, which the pool replaces.

Freshness: before each query the store's `graph_version()` (a token every write bumps, on either
engine) is compared with the snapshot's; a different one rebuilds the snapshot first, so a load that
changes a single value is visible to the very next query. `invalidate()` forces a rebuild too.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from pathlib import Path

from parkgraph.errors import BadRequest, ParkGraphError, QueryError, WriteRefused
from parkgraph.graph import GraphStore

from .export import export
from .sparql_pool import WorkerPool

MAX_QUERY_CHARS = 20000
MAX_BODY_BYTES = 64 * 1024 * 1024  # an answer larger than this is refused: the parent holds it in memory


class NotAcceptable(ParkGraphError):
    status = 406
    title = "not acceptable"


def default_workers() -> int:
    return min(2, os.cpu_count() or 1)


class SparqlService:
    def __init__(self, store: GraphStore, base_iri: str, *, timeout: float = 10.0, max_rows: int = 1000,
                 workers: int = 0, memory_mb: int = 1024, spare_timeout: float = 2.0):
        self.store = store
        self.base_iri = base_iri
        self.timeout = timeout
        self.max_rows = max_rows
        self.workers = workers or default_workers()
        self.memory_mb = memory_mb
        self.spare_timeout = spare_timeout
        self._build_lock = threading.Lock()  # held only to compare versions and rebuild, never during a query
        self._pool: WorkerPool | None = None
        self._version: str | None = None
        self._stale = False

    @classmethod
    def from_settings(cls, store: GraphStore, settings) -> "SparqlService":
        return cls(store, settings.base_iri, timeout=float(settings.query_timeout), max_rows=int(settings.max_rows),
                   workers=int(settings.sparql_workers), memory_mb=int(settings.sparql_memory_mb),
                   spare_timeout=float(settings.sparql_spare_timeout))

    # ------------------------------------------------------------------ snapshot
    def invalidate(self) -> None:
        """The graph changed: rebuild the snapshot before the next query."""
        self._stale = True

    def _current_pool(self) -> WorkerPool:
        version = self.store.graph_version()  # outside the lock: on Neo4j it is a round trip
        with self._build_lock:
            if self._pool is None or self._stale or version != self._version:
                self._stale = False
                self._rebuild(version)
            return self._pool

    def _rebuild(self, version: str) -> None:
        import pyoxigraph
        new_dir = Path(tempfile.mkdtemp(prefix="parkgraph-sparql-"))
        try:
            nt = new_dir / "dump.nt"
            with open(nt, "w", encoding="utf-8") as fh:
                export(self.store, fh, "nt", self.base_iri, issued="2000-01-01")
            ox = pyoxigraph.Store(str(new_dir / "store"))
            ox.bulk_load(path=str(nt), format=pyoxigraph.RdfFormat.N_TRIPLES)
            ox.flush()
            del ox
            nt.unlink()
            pool = WorkerPool(new_dir / "store", size=self.workers, memory_mb=self.memory_mb,
                              cpu_seconds=max(60, int(self.timeout * 20)), spare_timeout=self.spare_timeout,
                              on_closed=lambda: shutil.rmtree(new_dir, ignore_errors=True))
        except BaseException:
            shutil.rmtree(new_dir, ignore_errors=True)
            raise
        old, self._pool, self._version = self._pool, pool, version
        if old is not None:
            old.retire()  # its running queries finish on the old snapshot; then its directory goes

    def sandbox_layers(self) -> dict[str, str]:
        """What the workers' sandbox enforces here (builds the snapshot if there is none yet)."""
        return self._current_pool().layers()

    def close(self) -> None:
        with self._build_lock:
            if self._pool is not None:
                self._pool.retire()
            self._pool = None

    # ------------------------------------------------------------------ queries
    def query(self, text: str, accept: str | None, *, timeout: float | None = None) -> tuple[bytes, str, bool]:
        """Run a query; return (body, content type, truncated)."""
        if not text or not text.strip():
            raise BadRequest("missing SPARQL query", hint="send ?query=… (GET) or a form field or application/sparql-query body (POST)")
        if len(text) > MAX_QUERY_CHARS:
            raise BadRequest(f"query is longer than {MAX_QUERY_CHARS} characters")
        timeout = self.timeout if timeout is None else timeout
        request = {"query": text, "accept": accept or "", "max_rows": self.max_rows, "max_bytes": MAX_BODY_BYTES}
        header, body = self._current_pool().run(request, timeout, MAX_BODY_BYTES)
        if header.get("ok"):
            return body, header["content_type"], bool(header.get("truncated"))
        kind, message, hint = header.get("error"), header.get("message") or "the SPARQL query failed", header.get("hint")
        if kind == "refused":
            raise WriteRefused(message, hint=hint)
        if kind == "not_acceptable":
            raise NotAcceptable(message, hint="Ask for application/sparql-results+json (SELECT, ASK) or text/turtle "
                                              "(CONSTRUCT, DESCRIBE), or send no Accept header.")
        raise QueryError(message, hint=hint, position=header.get("position"))

    def select(self, text: str, timeout: float | None = None) -> tuple[list[str], list[list]]:
        """Convenience for Python callers and tests: (variables, rows of Python values)."""
        body, _, _ = self.query(text, "application/sparql-results+json", timeout=timeout)
        doc = json.loads(body)
        vars_ = doc["head"]["vars"]
        return vars_, [[_py(b.get(v)) for v in vars_] for b in doc["results"]["bindings"]]


def _py(term: dict | None):
    if term is None:
        return None
    if term["type"] == "literal":
        dt = term.get("datatype", "")
        v = term["value"]
        if dt.endswith(("#integer", "#int", "#long")):
            return int(v)
        if dt.endswith(("#double", "#decimal", "#float")):
            return float(v)
        if dt.endswith("#boolean"):
            return v == "true"
        return v
    return term["value"]
