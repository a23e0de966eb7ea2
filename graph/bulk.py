"""The bulk-load contract: how every bulk write reaches a graph, on every engine.

A bulk write hands the store a `RowSource` — every node row per label, then every relationship row
per (type, start label, end label) — and the store writes it with its one fast path:

- `store.bulk_load(source, progress)` adds the rows to the graph with MERGE-on-uri semantics (a row
  whose uri the graph holds replaces that node's or relationship's properties; running the same load
  again changes nothing). LadybugDB: COPY FROM for new rows (graph/ladybug_bulk.py); Neo4j: UNWIND
  batches in parallel sessions (graph/neo4j_store.py).
- `store.replace_all(source, progress)` makes the graph exactly the rows, atomically: a kill at any
  point leaves the old graph or the new one, never a mix. LadybugDB builds a new database file and
  renames it over the old one; Neo4j stages the rows under staging labels and switches in one
  transaction.

`load_source` is the entry point that `loaders.load.load_paths` uses, and through it every bulk
write of the project: `parkgraph load` (and `--replace`), the web app's first start and its admin
upload, and `parkgraph ingest --apply`. Synthetic data (loaders/synthetic.py) is written as data
files and loaded the same way. `merge_rows` is the engine-neutral reference path (UNWIND…MERGE in
batches, no engine-specific speed-up) that benchmarks compare the fast paths with.

Row shapes: a node row is `{uri, <property>: value, ...}` with the keys of its class's properties
(missing keys are null); a relationship row is `{uri, from, to, <relationship property>: value, ...}`
where `from`/`to` are the end nodes' IRIs. Dates are `datetime.date`, lists are lists of text.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .store import GraphStore

Progress = Callable[[int], None]


class RowSource(Protocol):
    """What a bulk write reads (loaders/plan.py's `StreamPlan` is the project's one implementation)."""

    def node_labels(self) -> list[str]:
        """The labels that have rows, in the order to write them."""

    def node_batches(self, label: str) -> Iterable[list[dict]]:
        """The node rows of `label`, in batches."""

    def rel_groups(self) -> list[tuple[str, str, str]]:
        """The (type, start label, end label) groups that have rows."""

    def rel_batches(self, group: tuple[str, str, str]) -> Iterable[list[dict]]:
        """The relationship rows of one group, in batches."""


def load_source(store: "GraphStore", source: RowSource, *, replace: bool = False,
                progress: Progress | None = None) -> None:
    """Write `source` through the store's bulk path: the schema first (idempotent), then
    `replace_all` (the graph becomes the rows, atomically) or `bulk_load` (the rows are merged in).
    `progress(n)` is called after every n rows written."""
    store.create_schema()
    (store.replace_all if replace else store.bulk_load)(source, progress)


def merge_rows(store: "GraphStore", source: RowSource, progress: Progress | None = None) -> None:
    """The reference path: `store.write_nodes` / `store.write_relationships` (UNWIND…MERGE on uri) in
    batches of `store.batch_size`. Same result as `bulk_load`, without an engine's speed-ups."""
    size = max(1, store.batch_size)
    for label in source.node_labels():
        for batch in source.node_batches(label):
            for i in range(0, len(batch), size):
                chunk = batch[i:i + size]
                store.write_nodes(label, chunk)
                if progress:
                    progress(len(chunk))
    for group in source.rel_groups():
        for batch in source.rel_batches(group):
            for i in range(0, len(batch), size):
                chunk = batch[i:i + size]
                store.write_relationships(group[0], chunk)
                if progress:
                    progress(len(chunk))
