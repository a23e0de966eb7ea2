"""LadybugDB's bulk reading, for the RDF export and network analysis (`LadybugStore.export_nodes`,
`export_relationships`): every node or relationship of a table in bounded memory.

Keyset pages (`WHERE uri > $last ORDER BY uri`) cost a scan and a sort of the whole table each
here: about 1 s a page at 2.2M rows, which made the export quadratic. Pages by the internal
offset of the node (or of the start node) cost 0.05–0.1 s wherever they are. The offsets only
partition the reading; nothing outside these methods sees them. Order: table order, the same
for a given database, so that its dump is the same file every time.
"""
from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING

import ladybug

from parkgraph.errors import QueryError

from .ladybug_bulk import LIST_SEP
from .ladybug_files import temp_dir
from .result import dates_at_precision

if TYPE_CHECKING:
    from .ladybug_store import LadybugStore


def _raw(store: "LadybugStore", query: str, params: dict | None = None) -> list[list]:
    # a connection of one thread: with several, rows come back in a different order on each run,
    # and a dump of the same database should be the same file
    conn = getattr(store._local, "export_conn", None)
    if conn is None:
        conn = store._local.export_conn = ladybug.Connection(store._db, num_threads=1)
    try:
        res = conn.execute(query, params or {})
        try:
            return res.get_all()
        finally:
            res.close()
    except RuntimeError as e:
        raise store._translate(e, query, 0) from e


def _new_export_conn(store: "LadybugStore") -> None:
    conn = getattr(store._local, "export_conn", None)
    store._local.export_conn = None
    if conn is not None:
        conn.close()


def _max_offset(store: "LadybugStore", label: str) -> int | None:
    (hi,), = _raw(store, f"MATCH (n:{label}) RETURN max(offset(id(n)))")
    return hi


def export_nodes(store: "LadybugStore", label: str, page: int = 20000) -> Iterator[dict]:
    props = store.model.classes[label].properties
    if any(p.pg_type == "float" for p in props.values()):
        # COPY TO prints doubles with six decimals: such tables (observations) are read in pages
        yield from _export_nodes_paged(store, label, page)
        return
    # COPY TO writes a table to a file in bounded memory; offset pages each scan the whole table,
    # which re-reads it from disk for every page once it is larger than the page cache
    # (PARKGRAPH_BUFFER_POOL_MB). One file per column: a COPY of all the columns of a wide
    # 1M-row table ran out of a 256 MB cache where one column at a time does not. The files are
    # read in step and each row carries the node's offset, so a misaligned row is an error and
    # never a wrong triple. Every non-null value is written behind a ‘~’ so that null (an
    # empty field) and "" stay apart; lists are joined with LIST_SEP.
    keys = store.stored_keys(label)
    kinds = [props[k].pg_type for k in keys]
    dates = [k for k in keys if props[k].pg_type == "date"]
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    iuri = keys.index("uri")
    tmp = temp_dir("parkgraph-export-")
    files: list = []
    copied = False
    try:
        copied = _copy_columns(store, label, keys, kinds, tmp, files)
        if copied:
            csv.field_size_limit(1 << 30)
            for cells in zip_longest(*(csv.reader(f) for f in files)):
                off = cells[0][0] if cells[0] else None
                if any(c is None or c[0] != off for c in cells):
                    raise QueryError(f"the columns of {label} did not line up in LadybugDB's COPY files; export stopped")
                out = {}
                for i in order:
                    v = cells[i][1]
                    if not v:
                        continue
                    t = kinds[i]
                    if t == "string_list":  # '~' is [], '~+a<SEP>b' is ['a', 'b'] ('~+' is [''])
                        out[keys[i]] = v[2:].split(LIST_SEP) if len(v) > 1 else []
                    elif t == "boolean":
                        out[keys[i]] = v == "~1"
                    else:
                        out[keys[i]] = v[1:]
                yield {"uri": cells[iuri][1][1:], "labels": [label], "properties": dates_at_precision(out, dates)}
    finally:
        for f in files:
            f.close()
        shutil.rmtree(tmp, ignore_errors=True)
    if not copied:
        # a page cache too small even for one column: pages are slower but finish
        yield from _export_nodes_paged(store, label, page)


def _copy_columns(store: "LadybugStore", label: str, keys: list[str], kinds: list[str], tmp: Path, files: list) -> bool:
    """COPY each column of a node table, with the node's offset, to its own file (opened into
    `files`), all in one read-only transaction so that they show the same table. False when the
    page cache is too small."""
    _raw(store, "BEGIN TRANSACTION READ ONLY")
    try:
        for i, k in enumerate(keys):
            t = kinds[i]
            v = (f"CASE WHEN size(n.{k}) = 0 THEN '~' ELSE '~+' + list_to_string('{LIST_SEP}', n.{k}) END"
                 if t == "string_list" else f"CASE WHEN n.{k} THEN '~1' ELSE '~0' END" if t == "boolean"
                 else f"'~' + CAST(n.{k} AS STRING)" if t == "date" else f"'~' + n.{k}")
            path = tmp / f"{label}-{i}.csv"
            _raw(store, f"COPY (MATCH (n:{label}) RETURN offset(id(n)), CASE WHEN n.{k} IS NULL THEN NULL "
                      f"ELSE {v} END) TO '{_quoted_path(path)}' (HEADER=false)")
            files.append(open(path, encoding="utf-8", newline=""))
        _raw(store, "COMMIT")
        return True
    except QueryError as e:
        _rollback_quietly(store)
        if _cache_full(e):
            return False
        raise
    except BaseException:
        _rollback_quietly(store)
        raise


def _rollback_quietly(store: "LadybugStore") -> None:
    # LadybugDB may already have rolled a failed transaction back ("no active transaction")
    try:
        _raw(store, "ROLLBACK")
    except QueryError:
        pass


def _export_nodes_paged(store: "LadybugStore", label: str, page: int) -> Iterator[dict]:
    props = store.model.classes[label].properties
    keys = store.stored_keys(label)
    dates = [k for k in keys if props[k].pg_type == "date"]
    ret = ", ".join(f"n.{k}" for k in keys)
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    iuri = keys.index("uri")
    hi = _max_offset(store, label)
    q = f"MATCH (n:{label}) WHERE offset(id(n)) >= $lo AND offset(id(n)) < $hi RETURN {ret}"
    for lo in range(0, -1 if hi is None else hi + 1, page):
        for row in _raw(store, q, {"lo": lo, "hi": lo + page}):
            yield {"uri": row[iuri], "labels": [label],
                   "properties": dates_at_precision({keys[i]: row[i] for i in order if row[i] is not None}, dates)}


def export_relationships(store: "LadybugStore", rtype: str, page: int = 20000) -> Iterator[dict]:
    keys = list(store.model.rel_properties)
    dates = [k for k in keys if store.model.rel_properties[k].pg_type == "date"]
    ret = ", ".join(f"r.{k}" for k in keys)
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    iuri = keys.index("uri")
    for src in store.model.relationships[rtype].sources:
        hi = _max_offset(store, src)
        if hi is None:
            continue
        q = (f"MATCH (a:{src}) WHERE offset(id(a)) >= $lo AND offset(id(a)) < $hi "
             f"MATCH (a)-[r:{rtype}]->(b) RETURN a.uri, b.uri, {ret}")
        # start nodes per page, adapted to the degrees seen so that a page holds about `page`
        # relationships: at most `page` start nodes, growing at most 2x a page and shrinking at
        # once; the first page is small in case the first start nodes are hubs
        lo, step = 0, max(1, page // 16)
        while lo <= hi:
            try:
                rows = _raw(store, q, {"lo": lo, "hi": lo + step})
            except QueryError as e:
                if not _cache_full(e) or step == 1:
                    raise
                # LadybugDB 0.22 keeps memory of earlier queries on a connection: a new one, and
                # smaller pages in case this page alone is too big for the page cache
                _new_export_conn(store)
                step = max(1, step // 4)
                continue
            for row in rows:
                vals = row[2:]
                yield {"uri": vals[iuri], "type": rtype, "start": row[0], "end": row[1],
                       "properties": dates_at_precision({keys[i]: vals[i] for i in order if vals[i] is not None}, dates)}
            lo += step
            step = max(1, min(step * 2, page, step * page // max(1, len(rows))))


def _cache_full(e: Exception) -> bool:
    """LadybugDB's error when its page cache (PARKGRAPH_BUFFER_POOL_MB) cannot hold what a query needs."""
    return "buffer pool is full" in str(e)


def _quoted_path(path: Path) -> str:
    return str(path).replace("\\", "\\\\").replace("'", "\\'")
