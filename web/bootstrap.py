"""Get a store ready for `parkgraph serve`: load the bundled dataset into an empty graph (or a graph
that serve itself filled from an older bundle), then hand out a read-only handle."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from parkgraph.data import DATA_DIR
from parkgraph.graph import GraphStore, open_store
from parkgraph.loaders.readers import DATA_SUFFIXES
from parkgraph.settings import Settings


def bundled_files() -> list[Path]:
    return sorted(p for p in DATA_DIR.iterdir() if p.suffix in DATA_SUFFIXES)


def bundle_hash() -> str:
    h = hashlib.sha256()
    for p in bundled_files():
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def prepare_store(settings: Settings, *, load_bundled: bool = True) -> GraphStore:
    from parkgraph.loaders import load_paths
    marker = _marker(settings)
    if load_bundled and bundled_files():
        want = bundle_hash()
        needs = settings.backend == "ladybug" and not Path(settings.db_path).exists()
        store = None
        if not needs:
            store = open_store(settings, read_only=settings.backend == "ladybug")
            empty = sum(store.counts()["nodes"].values()) == 0 if _has_schema(store) else True
            stale = marker.exists() and marker.read_text().strip() != want
            needs = empty or stale
            if needs and settings.backend == "ladybug":
                store.close()
                store = None
        if needs:
            print(f"loading the bundled dataset into {settings.backend} …", file=sys.stderr)
            store = store or open_store(settings)
            load_paths(bundled_files(), store, settings.base_iri, replace=True, progress=False)
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(want)
            if settings.backend == "ladybug":
                store.close()
                store = None
        if store is not None:
            return store
    return open_store(settings, read_only=True)


def _has_schema(store: GraphStore) -> bool:
    try:
        store.counts()
        return True
    except Exception:
        return False


def _marker(settings: Settings) -> Path:
    if settings.backend == "ladybug":
        return Path(str(settings.db_path) + ".bundle")
    key = hashlib.sha1(f"{settings.neo4j_uri}|{settings.neo4j_database}".encode()).hexdigest()[:12]
    return Path(settings.neo4j_home).parent / f"neo4j-{key}.bundle"
