"""LadybugDB's write side: schema creation, the bulk load (COPY FROM, with MERGE-on-uri semantics)
and the atomic replace, for `LadybugStore` (graph/ladybug_store.py), whose methods of the same names
call these. The contract they keep is graph/bulk.py's; the files beside the database (write counter,
replace leftovers) are graph/ladybug_files.py's.
"""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from parkgraph.errors import QueryError, WriteRefused

from .checkpoints import checkpoint
from .ladybug_files import REPLACE_SUFFIX, fsync_dir, remove_db_files, temp_dir, wal
from .store import _fill

if TYPE_CHECKING:
    from .bulk import RowSource
    from .ladybug_store import LadybugStore

PG_TO_LADYBUG = {"string": "STRING", "string_list": "STRING[]", "float": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}


def create_schema(store: "LadybugStore") -> None:
    existing = {r[0] for r in store.read("CALL show_tables() RETURN name").rows}
    store.__dict__.pop("_stored_keys", None)   # the columns as they are now, not as last read
    keyed: list[str] = []   # tables that gain search_keys: their rows get it derived below
    for label, cls in store.model.classes.items():
        if label in existing:
            # a table made by an earlier version lacks the properties the model has gained since
            # (search_keys, 2026-12-02): added empty, so that loading into it works
            have = set(store.stored_keys(label))
            for k, p in cls.properties.items():
                if k not in have:
                    store.write(f"ALTER TABLE {label} ADD {k} {PG_TO_LADYBUG[p.pg_type]}")
                    if k == "search_keys":
                        keyed.append(label)
            continue
        cols = ", ".join(f"{k} {PG_TO_LADYBUG[p.pg_type]}" for k, p in cls.properties.items() if k != "uri")
        store.write(f"CREATE NODE TABLE {label}(uri STRING PRIMARY KEY, {cols})")
    rel_cols = ", ".join(f"{k} {PG_TO_LADYBUG[p.pg_type]}" for k, p in store.model.rel_properties.items())
    for rtype, rel in store.model.relationships.items():
        if rtype in existing:
            # a table made by an earlier version lacks the pairs the model has gained since
            # (Observation DESCRIBES Event, 2026-12-04): added, so that loading into it works
            have_pairs = {(r[0], r[1]) for r in store.read(f"CALL show_connection('{rtype}') RETURN *").rows}
            for a, b in rel.pairs:
                if (a, b) not in have_pairs:
                    store.write(f"ALTER TABLE {rtype} ADD FROM {a} TO {b}")
            continue
        pairs = ", ".join(f"FROM {a} TO {b}" for a, b in rel.pairs)
        store.write(f"CREATE REL TABLE {rtype}({pairs}, {rel_cols})")
    store._tables = None
    store.__dict__.pop("_stored_keys", None)
    if store.read_only:
        return
    from .search_index import SKIP_LABELS, fill_missing_keys
    fill_missing_keys(store, [l for l in keyed if l not in SKIP_LABELS])

def bulk_load(store: "LadybugStore", source: "RowSource", progress=None) -> None:
    """COPY FROM, LadybugDB's bulk path (orders of magnitude faster than UNWIND…MERGE for
    relationships), with MERGE semantics kept:
    - a node table gets COPY for the rows whose uri it does not hold yet (all of them when it is
      empty); rows it holds with other values are MERGEd, equal rows are left alone;
    - a relationship table (per start/end label pair) that is empty gets one COPY of all its rows,
      or, for at most SMALL_GROUP rows, a CREATE in one transaction shared by all such groups;
      otherwise the rows that are new or changed are MERGEd (COPY into a non-empty relationship
      table is slow in 0.22) and equal ones are left alone.
    The COPY reads a temporary CSV through `LOAD WITH HEADERS (typed columns)` so that lists
    are split exactly and text never gets type-guessed."""
    if store.read_only:
        raise WriteRefused("this LadybugDB handle is read-only")
    tmp = temp_dir("parkgraph-copy-")
    try:
        # one count instead of one per table when there are no relationships yet (a new database)
        no_rels = int(_scalar(store, "MATCH ()-[r]->() RETURN count(r)")) == 0
        for label in source.node_labels():
            _bulk_nodes(store, label, source.node_batches(label), tmp, progress)
            checkpoint(f"ladybug wrote the {label} nodes")
        small: list[tuple[str, str, str, list[dict]]] = []
        for group in source.rel_groups():
            _bulk_rels(store, group, source.rel_batches(group), tmp, progress, empty=True if no_rels else None,
                       small=small)
            checkpoint(f"ladybug wrote the {group[0]} relationships")
        _create_small_groups(store, small)
    finally:
        store._bump_version()  # _create_small_groups writes through its own transaction, not write()
        shutil.rmtree(tmp, ignore_errors=True)


def _scalar(store: "LadybugStore", query: str, params: dict | None = None):
    with store._write_lock:
        res = store._conn.execute(query, params or {})
        row = res.get_next() if res.has_next() else [None]
        res.close()
    return row[0]


def _bulk_nodes(store: "LadybugStore", label: str, batches, tmp: Path, progress) -> None:
    props = store.model.classes[label].properties
    cols = list(props)
    empty = int(_scalar(store, f"MATCH (n:{label}) RETURN count(n)")) == 0
    path = tmp / f"node-{label}.csv"
    new = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = _CopyWriter(fh)
        w.writerow(cols)
        for batch in batches:
            rows = batch
            if not empty:
                have = _existing_nodes(store, label, cols, [r["uri"] for r in batch])
                rows, changed = [], []
                for r in batch:
                    old = have.get(r["uri"])
                    if old is None:
                        rows.append(r)
                    elif any(old[i] != r.get(k) for i, k in enumerate(cols)):
                        changed.append(r)
                for i in range(0, len(changed), store.batch_size):
                    store.write_nodes(label, changed[i:i + store.batch_size])
            for r in rows:
                w.writerow([r.get(k) for k in cols])
            new += len(rows)
            progress and progress(len(batch))
    if new:
        _copy(store, label, path, [(k, props[k].pg_type) for k in cols], "")


def _existing_nodes(store: "LadybugStore", label: str, cols: list[str], uris: list[str]) -> dict[str, list]:
    ret = ", ".join(f"n.{k}" for k in cols)
    with store._write_lock:
        res = store._conn.execute(f"UNWIND $uris AS u MATCH (n:{label} {{uri: u}}) RETURN {ret}", {"uris": uris})
        out = {}
        while res.has_next():
            row = res.get_next()
            out[row[0]] = row
        res.close()
    return out


def _bulk_rels(store: "LadybugStore", group: tuple[str, str, str], batches, tmp: Path, progress, empty: bool | None = None,
               small: list | None = None) -> None:
    rtype, src, dst = group
    rprops = store.model.rel_properties
    cols = list(rprops)
    if empty is None:
        empty = int(_scalar(store, f"MATCH (:{src})-[r:{rtype}]->(:{dst}) RETURN count(r)")) == 0
    if empty:
        path = tmp / f"rel-{rtype}-{src}-{dst}.csv"
        n = 0
        rows_if_small: list[dict] | None = [] if small is not None else None
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = _CopyWriter(fh)
            w.writerow(["from", "to", *cols])
            for batch in batches:
                for r in batch:
                    w.writerow([r["from"], r["to"], *(r.get(k) for k in cols)])
                if rows_if_small is not None:
                    rows_if_small = rows_if_small + batch if len(rows_if_small) + len(batch) <= SMALL_GROUP else None
                n += len(batch)
                progress and progress(len(batch))
        if rows_if_small:
            # a COPY costs ~20 ms whatever its size, a statement in its own transaction ~10 ms;
            # the bundled data has 60 groups of a few rows (most of `parkgraph serve`'s first
            # start), so they are created together in one transaction after the others
            small.append((rtype, src, dst, rows_if_small))
        elif n:
            _copy(store, rtype, path, [("from", "string"), ("to", "string"), *((k, rprops[k].pg_type) for k in cols)],
                  f" (from='{src}', to='{dst}')")
        return
    # A non-empty table: write only what is new or different. New relationships (a uri the table
    # does not hold) go in one COPY, as into an empty table; only changed ones are MERGEd. MERGE
    # of every new row made loading into a non-empty graph quadratic: each MERGE looks for the
    # relationship among those already there (5k enterprises into the bundled graph: 55 s of
    # 97 s in MERGE; 30k: 334 s).
    ret = ", ".join(f"r.{k}" for k in cols)
    have: dict[int, int] = {}
    with store._write_lock:
        res = store._conn.execute(f"MATCH (a:{src})-[r:{rtype}]->(b:{dst}) RETURN a.uri, b.uri, {ret}")
        while res.has_next():
            row = res.get_next()
            have[hash(row[2])] = hash(_frozen(row))
        res.close()
    path = tmp / f"rel-{rtype}-{src}-{dst}-new.csv"
    new: set[str] = set()
    again: list[dict] = []  # a new uri met twice in this load: MERGEd after the COPY (rare)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = _CopyWriter(fh)
        w.writerow(["from", "to", *cols])
        for batch in batches:
            todo = []
            for r in batch:
                old = have.get(hash(r["uri"]))
                if old is None:  # (a hash collision only sends a new row to MERGE: still right)
                    if r["uri"] in new:
                        again.append(r)
                    else:
                        new.add(r["uri"])
                        w.writerow([r["from"], r["to"], *(r.get(k) for k in cols)])
                elif old != hash(_frozen([r["from"], r["to"], *(r.get(k) for k in cols)])):
                    todo.append(r)
            for i in range(0, len(todo), store.batch_size):
                store.write_relationships(rtype, todo[i:i + store.batch_size])
            progress and progress(len(batch))
    if new:
        _copy(store, rtype, path, [("from", "string"), ("to", "string"), *((k, rprops[k].pg_type) for k in cols)],
              f" (from='{src}', to='{dst}')")
    for i in range(0, len(again), store.batch_size):
        store.write_relationships(rtype, again[i:i + store.batch_size])


def _create_small_groups(store: "LadybugStore", groups: list[tuple[str, str, str, list[dict]]]) -> None:
    """CREATE the relationships of small groups whose tables are empty, in one transaction."""
    if not groups:
        return
    props = store.model.rel_properties
    keys = list(props)
    fields = ", ".join(f"{k}: {_cast('row.props.' + k, props[k].pg_type)}" for k in keys)
    with store._write_lock:
        conn = store._conn
        conn.set_query_timeout(0)
        conn.execute("BEGIN TRANSACTION")
        try:
            for rtype, src, dst, rows in groups:
                # MERGE on uri semantics: one relationship per uri, the last row's values
                by_uri = {r["uri"]: r for r in rows}
                conn.execute(f"UNWIND $rows AS row MATCH (a:{src} {{uri: row.from}}), (b:{dst} {{uri: row.to}}) "
                             f"CREATE (a)-[:{rtype} {{{fields}}}]->(b)",
                             {"rows": [{"from": r["from"], "to": r["to"], "props": _fill(r, keys)} for r in by_uri.values()]})
            conn.execute("COMMIT")
        except BaseException as e:
            try:  # LadybugDB may have rolled the failed transaction back already
                conn.execute("ROLLBACK")
            except RuntimeError:
                pass
            if isinstance(e, RuntimeError):
                raise QueryError(f"LadybugDB write failed: {e}") from e
            raise


def _copy(store: "LadybugStore", table: str, path: Path, cols: list[tuple[str, str]], options: str) -> None:
    header = ", ".join(f"`{k}` {'DOUBLE' if t == 'float' else 'BOOLEAN' if t == 'boolean' else 'DATE' if t == 'date' else 'STRING'}"
                       for k, t in cols)
    ret = ", ".join(f"CASE WHEN `{k}` IS NULL THEN NULL ELSE string_split(`{k}`, '{LIST_SEP}') END" if t == "string_list"
                    else f"`{k}`" for k, t in cols)
    src = str(path).replace("'", "\\'")
    store.write(f"COPY {table} FROM (LOAD WITH HEADERS ({header}) FROM '{src}' "
                f"(HEADER=true, PARALLEL=false, DELIM=',', QUOTE='\"', ESCAPE='\"') RETURN {ret}){options}")

def replace_all(store: "LadybugStore", source: "RowSource", progress=None) -> None:
    """Replace the graph by `source`, atomically: the new database is built at a temporary path
    beside the old one and renamed over it (rename(2) is atomic on one file system). A kill at any
    point leaves the old database (the new one is a leftover, removed at the next writer's start)
    or the new one. This handle holds the exclusive lock throughout, so no reader has the old
    file open while it is swapped."""
    if store.read_only:
        raise WriteRefused("this LadybugDB handle is read-only")
    new_path = store.path.with_name(f"{store.path.name}{REPLACE_SUFFIX}{os.getpid()}")
    remove_db_files(new_path)
    checkpoint("ladybug replace: start")
    new = type(store)(new_path, buffer_pool_mb=store.buffer_pool_mb, lock=False, model=store.model,
                      query_timeout=store.query_timeout, max_rows=store.max_rows, batch_size=store.batch_size)
    try:
        new.create_schema()
        checkpoint("ladybug replace: new schema")
        new.bulk_load(source, progress)
        new.write("CHECKPOINT")  # everything in the main file: the .wal is not renamed with it
    finally:
        new.close()
    checkpoint("ladybug replace: new database built")
    # the old database: written out and closed, so that its .wal (if any) holds nothing
    store.write("CHECKPOINT")
    store._local = threading.local()
    store._db.close()
    checkpoint("ladybug replace: old database closed")
    try:
        for log in (wal(new_path), wal(store.path)):
            if log.exists():
                # after a CHECKPOINT and a close there is nothing in it; a stale one would be
                # replayed onto the other file after the rename
                log.unlink()
        checkpoint("ladybug replace: write-ahead logs removed")
        os.replace(new_path, store.path)  # the switch
        fsync_dir(store.path.parent)
        checkpoint("ladybug replace: swapped")
    finally:
        store._db = store._open_db()
        store._tables = None
    remove_db_files(new_path)  # the new database's sidecars (its write counter, search index)
    store._bump_version()


SMALL_GROUP = 200  # relationships of one (type, start, end) written with UNWIND instead of COPY into an empty table
LIST_SEP = "\x1f"  # joins list items in COPY files; validated text never holds control characters


class _CopyWriter:
    """CSV for COPY: every value quoted (embedded quotes doubled), null as an empty unquoted field.
    LadybugDB 0.22 guesses whether a file uses quotes from its first rows: a file whose early rows
    need none and a later row does (a quote with a comma) failed with ‘expected 9 values per row’
    when written the csv module's minimal way. Quoting every value keeps the guess right, and
    telling empty (null) from "" apart keeps nulls null."""

    def __init__(self, fh):
        self.fh = fh

    def writerow(self, values) -> None:
        self.fh.write(",".join("" if v is None or v == [] else '"' + _csv_text(v).replace('"', '""') + '"' for v in values) + "\n")


def _csv_text(v) -> str:
    if isinstance(v, list):
        return LIST_SEP.join(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def _frozen(values) -> tuple:
    return tuple(tuple(v) if isinstance(v, list) else v for v in values)


def _cast(expr: str, pg_type: str) -> str:
    # Parameter types are inferred from values; a batch whose column is all null would otherwise bind as STRING.
    return f"CAST({expr} AS {PG_TO_LADYBUG[pg_type]})" if pg_type in ("string_list", "float", "boolean", "date") else expr
