"""One entry point for the CLI and the API: resolve what the user named, read the projection, run
the analysis, return plain data (and the project's errors for bad input)."""
from __future__ import annotations

import re

from parkgraph.errors import BadRequest, NotFound

from ..store import GraphStore
from . import measures, paths
from .projection import Projection, read_projection

ANALYSES = ("paths", "centrality", "communities", "bridges")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def resolve(store: GraphStore, ref: str, base_iri: str) -> str:
    """A full IRI, `segment/id`, or a name / alias / pinyin (the best search hit)."""
    ref = ref.strip()
    if ref.startswith(("http://", "https://")):
        uri = ref
    elif re.fullmatch(r"[a-z]+/[a-z0-9][a-z0-9-]*", ref):
        uri = base_iri + ref
    else:
        hits = store.search(ref, limit=1)
        if not hits:
            raise NotFound(f"no entity is named {ref!r}", hint="Give its IRI, segment/id (park/beijing) or a name as in the explorer's search.")
        return hits[0]["uri"]
    if store.node(uri) is None:
        raise NotFound(f"no entity has the IRI {uri}")
    return uri


def projection(store: GraphStore, *, labels: list[str] | None = None, rel_types: list[str] | None = None,
               at: str | None = None, edge_detail: bool = True) -> Projection:
    if at is not None and not _DATE.match(at):
        raise BadRequest(f"`at` must be a date like 2021, 2021-06 or 2021-06-30, not {at!r}")
    try:
        return read_projection(store, node_labels=labels or None, rel_types=rel_types or None, at=at,
                               edge_detail=edge_detail)
    except ValueError as e:
        raise BadRequest(str(e)) from e


def run(store: GraphStore, analysis: str, base_iri: str, *, source: str | None = None, target: str | None = None,
        k: int = 5, directed: bool = False, measure: str = "degree", label: str | None = None, top: int = 10,
        seed: int = 42, labels: list[str] | None = None, rel_types: list[str] | None = None, at: str | None = None) -> dict:
    if analysis not in ANALYSES:
        raise BadRequest(f"unknown analysis {analysis!r}; one of {', '.join(ANALYSES)}")
    if not 1 <= k <= 50 or not 1 <= top <= 1000:
        raise BadRequest("k must be 1–50 and top 1–1000")
    if label is not None and label not in store.model.classes:
        raise BadRequest(f"unknown kind {label!r}; one of {', '.join(store.model.labels)}")
    if analysis == "paths":
        if not source or not target:
            raise BadRequest("paths needs two entities: `from` and `to`")
        a, b = resolve(store, source, base_iri), resolve(store, target, base_iri)
        proj = projection(store, labels=labels, rel_types=rel_types, at=at)
        for uri in (a, b):
            if uri not in proj.graph:
                raise BadRequest(f"{uri} is not in the network analysed (its kind, or its date, is left out)")
        return {"from": a, "to": b, "computed_on": proj.describe(), "directed": directed,
                "paths": paths.k_shortest_paths(store, proj, a, b, k=k, directed=directed)}
    # the measures need no relationship uris or sources (paths and exports do)
    proj = projection(store, labels=labels, rel_types=rel_types, at=at, edge_detail=False)
    if analysis == "centrality":
        try:
            return measures.centrality(proj, measure=measure, label=label, top=top, seed=seed)
        except ValueError as e:
            raise BadRequest(str(e)) from e
    if analysis == "communities":
        return measures.communities(proj, seed=seed)
    return measures.bridges(proj)
