"""Validate, then write: all-or-nothing with respect to bad input, idempotent (MERGE on uri)."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from parkgraph.errors import ValidationFailed
from parkgraph.graph import GraphStore

from .mapping import Plan, build_plan
from .validate import Dataset, validate_paths


@dataclass
class LoadReport:
    plan: Plan
    dry_run: bool
    replaced: bool

    def to_dict(self) -> dict:
        return {"dry_run": self.dry_run, "replaced": self.replaced, **self.plan.summary(),
                "node_total": self.plan.node_count(), "relationship_total": self.plan.rel_count()}


def check(paths: list[str | Path], store: GraphStore | None, base_iri: str) -> Dataset:
    exists = None
    if store is not None:
        def exists(ref: str) -> bool:
            return store.node(base_iri + ref) is not None
    return validate_paths(paths, model=store.model if store else None, exists=exists)


def load_paths(paths: list[str | Path], store: GraphStore, base_iri: str, *, dry_run: bool = False,
               replace: bool = False, progress: bool | None = None) -> LoadReport:
    # With --replace the old graph goes away, so references must resolve within the files themselves.
    ds = check(paths, None if replace else store, base_iri)
    if ds.problems:
        raise ValidationFailed(ds.problems)
    plan = build_plan(ds, store.model, base_iri)
    if dry_run:
        return LoadReport(plan, True, replace)
    store.create_schema()
    if replace:
        store.clear()
    write_plan(store, plan, progress)
    return LoadReport(plan, False, replace)


def write_plan(store: GraphStore, plan: Plan, progress: bool | None = None) -> None:
    total = plan.node_count() + plan.rel_count()
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm
        bar = tqdm(total=total, unit="row", desc="loading", file=sys.stderr)
    try:
        for label, rows in plan.nodes.items():
            for i in range(0, len(rows), store.batch_size):
                chunk = rows[i:i + store.batch_size]
                store.write_nodes(label, chunk)
                bar and bar.update(len(chunk))
        for rtype, rows in plan.rels.items():
            for i in range(0, len(rows), store.batch_size):
                chunk = rows[i:i + store.batch_size]
                store.write_relationships(rtype, chunk)
                bar and bar.update(len(chunk))
    finally:
        bar and bar.close()
