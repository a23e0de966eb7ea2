"""graph/ owns every database connection and every query, per backend."""
from __future__ import annotations

from typing import Any

from parkgraph.settings import Settings

from .result import QueryResult
from .store import GraphStore


def open_store(settings: Settings, *, read_only: bool = False) -> GraphStore:
    """Open the configured backend. `read_only` opens LadybugDB's read-only handle; Neo4j console
    reads are always READ access mode."""
    common: dict[str, Any] = dict(query_timeout=float(settings.query_timeout), max_rows=int(settings.max_rows),
                  batch_size=int(settings.batch_size))
    if settings.backend == "neo4j":
        from .neo4j_store import Neo4jStore
        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password,
                          settings.neo4j_database, console_max_response_mb=int(settings.console_max_response_mb),
                          **common)
    if settings.backend == "ladybug":
        from .ladybug_store import LadybugStore
        return LadybugStore(settings.db_path, read_only=read_only, buffer_pool_mb=int(settings.buffer_pool_mb),
                            console_workers=int(settings.console_workers),
                            console_memory_mb=int(settings.console_memory_mb),
                            console_max_response_mb=int(settings.console_max_response_mb), **common)
    from parkgraph.errors import BadRequest
    raise BadRequest(f"unknown backend {settings.backend!r}: use ladybug or neo4j")


__all__ = ["GraphStore", "QueryResult", "open_store"]
