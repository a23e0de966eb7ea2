"""Validate, then write: all-or-nothing with respect to bad input, idempotent (MERGE on uri)."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from parkgraph.errors import QueryError, ValidationFailed
from parkgraph.graph import GraphStore
from parkgraph.iri import mint
from parkgraph.graph.bulk import load_source

from .plan import StreamPlan
from .stream import validate_and_map
from .validate import Dataset, validate_paths


@dataclass
class LoadReport:
    plan: StreamPlan
    dry_run: bool
    replaced: bool

    def to_dict(self) -> dict:
        return {"dry_run": self.dry_run, "replaced": self.replaced, **self.plan.summary(),
                "node_total": self.plan.node_count(), "relationship_total": self.plan.rel_count()}


def check(paths: list[str | Path], store: GraphStore | None, base_iri: str) -> Dataset:
    exists = None
    if store is not None:
        def exists(ref: str) -> bool:
            return store.node(mint(base_iri, ref)) is not None
    return validate_paths(paths, model=store.model if store else None, exists=exists)


def load_paths(paths: list[str | Path], store: GraphStore, base_iri: str, *, dry_run: bool = False,
               replace: bool = False, progress: bool | None = None) -> LoadReport:
    """Validate every file, then write. Files are streamed (loaders.stream): memory stays bounded
    for millions of CSV rows, and the problems and rows are those of `check` + `mapping.build_plan`."""
    # With --replace the old graph goes away, so references must resolve within the files themselves.
    exists = node = None
    if not replace:
        def node(ref: str) -> dict | None:
            try:
                return store.node(mint(base_iri, ref))
            except QueryError:   # a new database has no tables yet: nothing is in it
                return None

        def exists(ref: str) -> bool:
            return node(ref) is not None
    # `node`: a Source whose id the graph holds for another article is an error, never an overwrite
    res = validate_and_map(paths, model=store.model, base_iri=base_iri, exists=exists, node=node)
    if res.problems:
        raise ValidationFailed(res.problems)
    plan = res.plan
    try:
        if dry_run:
            return LoadReport(plan, True, replace)
        # --replace is atomic: the store builds the new graph beside the old one and switches (a kill
        # at any point leaves the old graph or the new one, never a mix), see `replace_all`
        write_plan(store, plan, progress, replace=replace)
        return LoadReport(plan, False, replace)
    finally:
        plan.close()


def write_plan(store: GraphStore, plan: StreamPlan, progress: bool | None = None, *, replace: bool = False) -> None:
    """Write a plan through the bulk-load contract (graph/bulk.py): the schema, then the store's
    `bulk_load`, or with `replace` its atomic `replace_all` (a plain clear then load would leave a
    half-written graph if interrupted). `progress` shows a bar on stderr (default: when a terminal)."""
    total = plan.node_count() + plan.rel_count()
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm
        bar = tqdm(total=total, unit="row", desc="loading", file=sys.stderr)
    try:
        load_source(store, plan, replace=replace, progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()
