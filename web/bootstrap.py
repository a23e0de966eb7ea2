"""Get a store ready for `parkgraph serve`: load the bundled dataset into an EMPTY graph, then hand
out a read-only handle.

A graph that holds data is never replaced or touched, whoever wrote it: serve cannot tell the data it
loaded from an older bundle from what a user loaded on top of it (a reload with `--replace` used to
delete the user's data whenever the bundle changed). When the bundle differs from the one the graph
was filled from, serve says so, with the command that loads it, and serves what is there."""
from __future__ import annotations

import hashlib
import logging
import shlex
import sys
from pathlib import Path

from parkgraph.data import DATA_DIR
from parkgraph.graph import GraphStore, open_store
from parkgraph.loaders.readers import DATA_SUFFIXES
from parkgraph.settings import Settings

log = logging.getLogger("parkgraph.serve")


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
        missing = settings.backend == "ladybug" and not Path(settings.db_path).exists()
        empty = True
        if not missing:
            with open_store(settings, read_only=settings.backend == "ladybug") as probe:
                empty = _is_empty(probe)
        if empty:
            print(f"loading the bundled dataset into {settings.backend} …", file=sys.stderr)
            with open_store(settings) as store:
                # an empty graph: nothing to replace, so a plain (MERGE) load; the bundle's references
                # resolve within the bundle
                load_paths(bundled_files(), store, settings.base_iri, progress=False)
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(want)
        else:
            with open_store(settings, read_only=settings.backend == "ladybug") as probe:
                if probe.search_index_outdated():
                    notice = ("the graph's search index was made by an earlier version of ParkGraph: search misses "
                              f"Latin words until a load rebuilds it (this graph is served as it is): {load_command(settings)}")
                    print(notice, file=sys.stderr)
                    log.warning(notice)
            have = marker.read_text().strip() if marker.exists() else None
            if have != want:
                notice = newer_bundle_notice(settings, have)
                print(notice, file=sys.stderr)
                log.warning(notice)
    return open_store(settings, read_only=True)


def load_command(settings: Settings) -> str:
    """The exact `parkgraph load` command that loads the bundled dataset into this graph."""
    cmd = ["parkgraph", "load", str(DATA_DIR), "--backend", str(settings.backend)]
    if settings.backend == "ladybug":
        cmd += ["--db", str(settings.db_path)]
    else:
        cmd += ["--neo4j-uri", str(settings.neo4j_uri)]
    return shlex.join(cmd)


def newer_bundle_notice(settings: Settings, have: str | None) -> str:
    where = f"LadybugDB at {settings.db_path}" if settings.backend == "ladybug" else \
        f"Neo4j at {settings.neo4j_uri} (database {settings.neo4j_database})"
    was = (f"it was filled from an older bundle ({have}) and may hold data loaded since"
           if have else "it holds data that was not loaded from the bundle")
    return (f"a newer bundled dataset ({bundle_hash()}) exists; the graph in {where} was left as it is: {was}.\n"
            f"  to merge the bundle into it (entities with the same uri are updated, nothing else is deleted):\n"
            f"    {load_command(settings)}\n"
            f"  to replace the whole graph with the bundle (deletes everything else in it):\n"
            f"    {load_command(settings)} --replace")


def _is_empty(store: GraphStore) -> bool:
    try:
        counts = store.counts()
    except Exception:  # no schema yet: a database nothing was loaded into
        return True
    return sum(counts["nodes"].values()) + sum(counts["relationships"].values()) == 0


def _marker(settings: Settings) -> Path:
    if settings.backend == "ladybug":
        return Path(str(settings.db_path) + ".bundle")
    key = hashlib.sha1(f"{settings.neo4j_uri}|{settings.neo4j_database}".encode()).hexdigest()[:12]
    return Path(settings.neo4j_home).parent / f"neo4j-{key}.bundle"
