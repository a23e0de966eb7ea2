"""LadybugDB (PyPI `ladybug`), in-process: the embedded default.

Its Cypher dialect differs from Neo4j's (one label per node table, `label(r)` instead of `type(r)`,
a missing property is an error, 1-based lists...), so the app's queries for it live here. Its
extensions download at run time and are unavailable offline: nothing here uses them.
"""
from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import ladybug

from parkgraph.errors import BackendUnavailable, QueryError, QueryTimeout, WriteRefused

from . import guard
from .console_worker import _approx_size
from .lock import DatabaseLock
from .ladybug_convert import RowConverter
from .result import QueryResult, dates_at_precision
from . import ladybug_bulk, ladybug_export, ladybug_files
from .ladybug_bulk import PG_TO_LADYBUG, _cast
from .ladybug_files import remove_replace_leftovers
from .store import GraphStore

__all__ = ["LadybugStore", "PG_TO_LADYBUG", "ladybug_plan_check"]


class LadybugStore(GraphStore):
    engine = "ladybug"
    dialect = "LadybugDB Cypher (Kùzu dialect)"

    def __init__(self, path: str | Path, *, read_only: bool = False, buffer_pool_mb: int = 0,
                 buffer_pool_bytes: int | None = None, max_db_size: int | None = None, max_threads: int = 0,
                 in_worker: bool = False, console_workers: int = 2, console_memory_mb: int = 1024,
                 console_max_response_mb: int = 32, lock: bool = True, **kw):
        super().__init__(**kw)
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise BackendUnavailable(f"no LadybugDB database at {self.path}",
                                     hint="Load data first: `parkgraph load data/` (or run `parkgraph serve`, which loads the bundled data).")
        if not in_worker:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.buffer_pool_mb = buffer_pool_mb
        self._db_opts = dict(max_num_threads=max_threads,
                             buffer_pool_size=buffer_pool_mb * 1024 * 1024 if buffer_pool_bytes is None else int(buffer_pool_bytes),
                             **({} if max_db_size is None else {"max_db_size": int(max_db_size)}))
        # a writer is refused while another process (a server) has the database open: graph/lock.py.
        # A console worker needs no lock of its own: the server that started it holds one.
        lock = lock and not in_worker
        self._lock = DatabaseLock.acquire(self.path, shared=read_only) if lock else None
        if not read_only and lock:
            remove_replace_leftovers(self.path)
        try:
            self._db = self._open_db()
        except BaseException as e:
            if self._lock:
                self._lock.release()
            if not isinstance(e, RuntimeError):
                raise
            raise BackendUnavailable(f"cannot open LadybugDB at {self.path}: {e}",
                                     hint="Another process may hold it for writing; stop it or pass --db.") from e
        self._local = threading.local()
        self._tables: dict[int, str] | None = None
        self._write_lock = threading.Lock()
        # console queries: in a confined worker process (console_worker.py), never in this one
        self.in_worker = in_worker
        self._pool = None
        self._pool_lock = threading.Lock()
        self._pool_opts = dict(workers=console_workers, memory_mb=console_memory_mb,
                               max_response_mb=console_max_response_mb, buffer_pool_mb=buffer_pool_mb)

    def start_console(self) -> None:
        """Start the console's workers now, in the background (for `parkgraph serve`): the first
        console query then does not wait for them, and a sandbox layer this machine lacks is reported
        at start-up (a WARNING on stderr) rather than at the first query."""
        def warm() -> None:
            try:
                self.console_pool().layers()
            except Exception as e:  # noqa: BLE001  (reported; a console query will report it again)
                print(f"parkgraph console: workers did not start: {getattr(e, 'message', e)}", file=sys.stderr)
        threading.Thread(target=warm, name="console-warm-up", daemon=True).start()

    def console_pool(self):
        """The worker processes that run this database's console queries (started on first use)."""
        if self._pool is None:
            with self._pool_lock:
                if self._pool is None:
                    from .console_worker import ConsolePool
                    self._pool = ConsolePool(self.path, **self._pool_opts)
        return self._pool

    def _open_db(self) -> ladybug.Database:
        return ladybug.Database(str(self.path), read_only=self.read_only, **self._db_opts)

    @property
    def _conn(self) -> ladybug.Connection:
        # A connection runs one query at a time; the web server is threaded, so one per thread.
        # On a read-only handle (the server's) each query runs on one engine thread: requests run in
        # parallel on the server's threads, and a small query spread over the engine's pool paid the
        # hand-offs instead (a node's relationships: 4-6 ms against 0.2-0.8 ms on one thread, issue #15)
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = ladybug.Connection(self._db, num_threads=1 if self.read_only else 0)
        return conn

    # ------------------------------------------------------------------ primitives
    def read(self, query: str, params: dict | None = None, *, timeout: float | None = None,
             max_rows: int | None = None, console: bool = False, max_bytes: int | None = None,
             raw: bool = False) -> QueryResult:
        """`raw=True`: rows of scalars as the engine gives them (no object conversion; dates stay
        date objects), for the app's own queries that return no nodes or relationships."""
        timeout = self.query_timeout if timeout is None else timeout
        if console:
            # layer 1, cheap and in this process: the token check (same lexer rules as the engine)
            guard.check_read_only(query, params)
            max_rows = self.max_rows if max_rows is None else max_rows
            if not self.in_worker:
                # layers 2-4 in a confined worker: the engine's own plan, the sandbox, the kill switch
                return self.console_pool().run(query, params, timeout, max_rows)
            try:
                ladybug_plan_check(self._conn, query, params)
            except RuntimeError as e:  # the engine failed while planning (it folds constants then)
                raise self._translate(e, query, timeout) from e
        conn = self._conn
        conn.set_query_timeout(int(timeout * 1000))
        t0 = time.perf_counter()
        try:
            res = conn.execute(query, params or {})
            if isinstance(res, list):  # several statements: only reachable for internal callers
                raise QueryError("one statement per request")
            columns = res.get_column_names()
            raw_rows: list[list[Any]] = []
            truncated, size = False, 0
            while res.has_next():
                if max_rows is not None and len(raw_rows) >= max_rows:
                    truncated = True
                    break
                row = res.get_next()
                if max_bytes is not None:
                    size += _approx_size(row)
                    if size > max_bytes:
                        res.close()
                        raise QueryError(f"the result is larger than {max_bytes // 2**20} MB and was not sent",
                                         hint="Return fewer or smaller values (PARKGRAPH_CONSOLE_MAX_RESPONSE_MB).")
                raw_rows.append(row)
            res.close()
        except RuntimeError as e:
            raise self._translate(e, query, timeout) from e
        rows = raw_rows if raw else RowConverter(self).rows(raw_rows)
        return QueryResult(columns, rows, truncated, (time.perf_counter() - t0) * 1000, self.engine, max_rows)

    def write(self, query: str, params: dict | None = None) -> None:
        if self.read_only:
            raise WriteRefused("this LadybugDB handle is read-only")
        with self._write_lock:
            conn = self._conn
            conn.set_query_timeout(0)
            try:
                conn.execute(query, params or {})
            except RuntimeError as e:
                raise QueryError(f"LadybugDB write failed: {e}") from e
            finally:
                self._bump_version()

    # ------------------------------------------------------------------ the write side: graph/ladybug_bulk.py
    def create_schema(self) -> None:
        ladybug_bulk.create_schema(self)

    def bulk_load(self, source, progress=None) -> None:
        """COPY FROM with MERGE-on-uri semantics (graph/ladybug_bulk.py; the contract: graph/bulk.py)."""
        ladybug_bulk.bulk_load(self, source, progress)

    def replace_all(self, source, progress=None) -> None:
        """A new database built beside this one and renamed over it, atomically (graph/ladybug_bulk.py)."""
        ladybug_bulk.replace_all(self, source, progress)

    # graph version (cache freshness): a write counter beside the database, graph/ladybug_files.py
    def _bump_version(self) -> None:
        ladybug_files.bump_version(self.path)

    def graph_version(self) -> str:
        return ladybug_files.graph_version(self.path)

    # ------------------------------------------------------------------ bulk reading (the RDF export): graph/ladybug_export.py
    def export_nodes(self, label: str, page: int = 20000) -> Iterator[dict]:
        return ladybug_export.export_nodes(self, label, page)

    def export_relationships(self, rtype: str, page: int = 20000) -> Iterator[dict]:
        return ladybug_export.export_relationships(self, rtype, page)

    def clear(self) -> None:
        for label in self.model.labels:
            self.write(f"MATCH (n:{label}) DETACH DELETE n")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        self._local = threading.local()
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def server_info(self) -> dict:
        return {"engine": self.engine, "dialect": self.dialect, "version": ladybug.__version__ if hasattr(ladybug, "__version__") else _dist_version(),
                "edition": "embedded", "path": str(self.path), "read_only": self.read_only}

    # ------------------------------------------------------------------ the app's queries, LadybugDB dialect
    def _q_merge_nodes(self, label: str, keys: list[str]) -> str:
        props = self.model.classes[label].properties
        sets = ", ".join(f"n.{k} = {_cast('row.' + k, props[k].pg_type)}" for k in keys if k != "uri")
        return f"UNWIND $rows AS row MERGE (n:{label} {{uri: row.uri}}) SET {sets}"

    def _q_merge_rels(self, rtype: str, src: str, dst: str, keys: list[str]) -> str:
        props = self.model.rel_properties
        sets = ", ".join(f"r.{k} = {_cast('row.props.' + k, props[k].pg_type)}" for k in keys if k != "uri")
        return (f"UNWIND $rows AS row MATCH (a:{src} {{uri: row.from}}), (b:{dst} {{uri: row.to}}) "
                f"MERGE (a)-[r:{rtype} {{uri: row.props.uri}}]->(b) SET {sets}")

    def _search_candidates(self, pieces: list[str], labels: list[str] | None, sizes: list[int],
                           firsts: bool = True) -> tuple[list[list[dict]], list[dict], bool]:
        # the sidecar keeps parks first in its own order: `firsts` has nothing to add or skip
        from .search_index import SKIP_LABELS, SidecarIndex
        index = self.__dict__.get("_search_index")
        if index is None:
            index = self.__dict__["_search_index"] = SidecarIndex(self.path)

        def nodes():
            for label in self.model.labels:
                if label not in SKIP_LABELS:
                    yield from self.iter_nodes(label)
        index.ensure(self.graph_version(), nodes)
        return index.candidates(pieces, labels, sizes)

    def _q_degree(self, label: str, rtype: str, direction: str) -> str:
        arrow = f"-[:{rtype}]->(m)" if direction == "out" else f"<-[:{rtype}]-(m)"
        return f"MATCH (c:{label} {{uri: $uri}}){arrow} RETURN count(*) AS c"

    hood_row_cap = 20_000  # relationships of one level read as rows and grouped here; past it the engine groups

    def _hood_rows(self, frontier: list[str], take: int, rel_filter: list[str] | None,
                   label_filter: list[str] | None, with_centers: bool, pending: dict | None = None) -> list[list]:
        """In 0.22 a pattern that ends in nodes of many tables is slow to return those nodes (35 ms
        for a depth-2 frontier of the bundled data, against 2 ms for their uris) and slower still to
        group and sort them (ORDER BY + collect: 46 ms). So a level is read as plain rows of scalars
        (the relationship's properties, the neighbour's uri and table), grouped, sorted and cut
        here. The nodes that are kept come back as placeholders `{"uri": …}` registered in `pending`,
        which `_fill_nodes` fills in one look-up by primary key once every level is read (one
        query per level plus one; without `pending`, this level's nodes are read at once). A level
        with more than `hood_row_cap` relationships (a hub of a large graph) is grouped by the
        engine instead (the one-query form)."""
        labels = sorted({self.label_of(u) for u in frontier})
        keys = list(self.model.rel_properties)
        conds, directions = self._hood_filters(labels, rel_filter, label_filter)
        ret = ", ".join(f"r.{k}" for k in keys)
        # One center: `{uri: $u}`, a look-up in the primary-key index. Several: `WHERE c.uri IN $uris`,
        # a scan of the centers' tables. `UNWIND $uris AS u MATCH (c {uri: u})-[r]->(m)` was planned
        # as a join that read every relationship of the tables in 0.22: for one center among 300k,
        # 750 ms against 0.07 ms by key and 64 ms by IN; on the bundled data IN took 1.7-3.3 ms a
        # direction where the UNWIND took 4-8 (issue #15).
        center = f"(c:{labels[0]} {{uri: $u}})" if len(frontier) == 1 else f"(c:{':'.join(labels)})"
        cond = "" if len(frontier) == 1 else "c.uri IN $uris"
        conds_all = " AND ".join(([cond] if cond else []) + conds)
        halves = [f"MATCH {center}{arrow}(m){' WHERE ' + conds_all if conds_all else ''} "
                  f"RETURN c.uri, label(r), {out}, label(m), m.uri, {ret} LIMIT {self.hood_row_cap + 1}"
                  for arrow, out in directions]
        if not halves:
            raw = []
        else:
            # the cap is written into the text: as a parameter ($cap) it cost 2 ms a query (0.22)
            raw = self._scalar_rows(" UNION ALL ".join(halves),
                                    {**({"u": frontier[0]} if len(frontier) == 1 else {"uris": frontier}),
                                     **({"types": rel_filter} if rel_filter else {})})
            per_half: dict[bool, int] = {}
            for row in raw:
                per_half[row[2]] = per_half.get(row[2], 0) + 1
            if any(n > self.hood_row_cap for n in per_half.values()):
                return super()._hood_rows(frontier, take, rel_filter, label_filter, with_centers)
        groups: dict[tuple, list] = {}
        for c, t, out, ml, mu, *vals in raw:
            groups.setdefault((c, t, out), []).append((mu, ml, vals))
        now = pending is None
        pending = {} if pending is None else pending

        def placeholder(u: str, label: str | None) -> dict:
            got = pending.get(u)
            if got is None:
                got = pending[u] = ({"uri": u}, label)
            return got[0]
        iuri = keys.index("uri")
        rows = []
        for (c, t, out), items in groups.items():
            items.sort(key=lambda x: (x[0], x[2][iuri] or ""))
            rs, ms = [], []
            for mu, ml, vals in items[:take]:
                # dates are cut to their precision, as `RETURN r` gives them
                start, end = (c, mu) if out else (mu, c)
                rs.append({"uri": vals[iuri], "type": t, "start": start, "end": end,
                           "properties": self._columns_to_props(None, keys, vals)})
                ms.append(placeholder(mu, ml))
            rows.append([placeholder(c, self.label_of(c)), t, out, len(items), rs, ms])
        if with_centers:  # the centers themselves, also those without relationships
            rows += [[placeholder(u, self.label_of(u)), None, True, 0, [], []] for u in frontier]
        if now:
            found = self._fill_nodes(pending)
            rows = [r for r in rows if r[0]["uri"] in found]
        return rows

    def _fill_nodes(self, pending: dict[str, tuple[dict, str]]) -> set[str]:
        """Fill the placeholders of `pending` (uri → (placeholder, label)) in place, in one query;
        the uris found (a uri that is no node stays a bare placeholder)."""
        nodes = self._nodes_by_uri({u: label for u, (_ph, label) in pending.items() if label})
        for u, node in nodes.items():
            pending[u][0].update(node)
        return set(nodes)

    def stored_keys(self, label: str) -> list[str]:
        """The model's properties that the table has: a database made by an earlier version lacks the
        ones added since (search_keys, 2026-12-02) until a load adds them (create_schema), and naming
        a column a table lacks is an error in LadybugDB, where Neo4j reads null. Serving such a
        database must not fail, and serve never alters a graph that holds data (web/bootstrap.py)."""
        cache = self.__dict__.setdefault("_stored_keys", {})
        if label not in cache:
            have = {r[1] for r in self._conn.execute(f"CALL table_info('{label}') RETURN *").get_all()}
            cache[label] = [k for k in self.model.classes[label].properties if k in have]
        return cache[label]

    def _nodes_by_uri(self, labels_of: dict[str, str]) -> dict[str, dict]:
        """The nodes of `labels_of` (uri → label), in one look-up by primary key. Their properties are
        asked for by name (the union of the tables' columns: a column a table lacks reads as null):
        returning whole nodes of a pattern over many tables took 53 ms for 150 nodes of the bundled
        data, these columns 2 ms (0.22, issue #15)."""
        labels = sorted(set(labels_of.values()))
        cols: dict[str, None] = {}
        for label in labels:
            cols.update(dict.fromkeys(self.stored_keys(label)))
        keys = list(cols)
        rows = self._scalar_rows(f"UNWIND $uris AS u MATCH (n:{':'.join(labels)} {{uri: u}}) RETURN label(n), "
                                 + ", ".join(f"n.{k}" for k in keys), {"uris": list(labels_of)})
        iuri = keys.index("uri")
        out = {}
        for label, *vals in rows:
            out[vals[iuri]] = {"uri": vals[iuri], "labels": [label],
                               "properties": self._columns_to_props(label, keys, vals)}
        return out

    def _columns_to_props(self, label: str | None, keys: list[str], vals: list) -> dict:
        """`clean_props` of a row of columns `keys` of a node table (label) or a relationship (None):
        the model says which columns are the table's own and which are dates, so no value is inspected
        (clean_props' per-value checks were a third of a depth-2 neighbourhood's time)."""
        plans = self.__dict__.setdefault("_col_plans", {})  # (kept out of __init__: the write side's)
        plan = plans.get((label, tuple(keys)))
        if plan is None:
            props = self.model.classes[label].properties if label else self.model.rel_properties
            idx = {k: i for i, k in enumerate(keys)}
            plan = plans[(label, tuple(keys))] = (
                [(k, idx[k]) for k in sorted(props) if k in idx], [k for k, p in props.items() if p.pg_type == "date"])
        cols, dates = plan
        return dates_at_precision({k: vals[i] for k, i in cols if vals[i] is not None}, dates)

    def _scalar_rows(self, query: str, params: dict) -> list[list]:
        """Rows of scalars straight from the engine (no object conversion; dates stay date objects)."""
        return self.read(query, params, raw=True).rows

    def _q_hood_level(self, center_labels: list[str], rel_filter: list[str] | None,
                      label_filter: list[str] | None) -> str:
        # `(c:A:B {uri: u})` is A or B, each through its primary-key index. Without CALL subqueries the
        # two directions are two halves of a UNION ALL. A WITH's ORDER BY needs a LIMIT in this
        # dialect; collect keeps that order. (list_transform over collected lists gave values of other
        # rows in 0.22: the lists are returned whole and cut with list_slice only.)
        conds, directions = self._hood_filters(center_labels, rel_filter, label_filter)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        part = (f"UNWIND $uris AS u MATCH (c:{':'.join(center_labels)} {{{{uri: u}}}}) "
                "OPTIONAL MATCH (c){arrow}(m){where} WITH c, r, m ORDER BY m.uri, r.uri LIMIT 4000000000 "
                "WITH c, label(r) AS t, count(r) AS n, collect(r) AS rs, collect(m) AS ms "
                "RETURN c, t, {out} AS out, n, list_slice(rs, 1, $take) AS rs, list_slice(ms, 1, $take) AS ms")
        halves = [part.format(arrow=arrow, where=where, out=out) for arrow, out in directions]
        return " UNION ALL ".join(halves or [part.format(arrow="<-[r]-", where=where, out="false")])

    def _hood_filters(self, labels: list[str], rel_filter: list[str] | None,
                      label_filter: list[str] | None) -> tuple[list[str], list[tuple[str, str]]]:
        """A neighbourhood level's conditions on r and m, and the directions (arrow, `out` literal) in
        which the centers' labels have a relationship table: an OPTIONAL MATCH over a direction
        without one returns the center as null in 0.22, so such a half is left out (the model says
        which exist)."""
        conds = (["label(r) IN $types"] if rel_filter else []) + \
                (["label(m) IN [" + ", ".join(f"'{l}'" for l in label_filter) + "]"] if label_filter else [])
        rels = [r for r in self.model.relationships.values() if not rel_filter or r.type in rel_filter]
        directions = [(arrow, out) for arrow, out, side in (("-[r]->", "true", "sources"), ("<-[r]-", "false", "targets"))
                      if any(l in getattr(r, side) for r in rels for l in labels)]
        return conds, directions

    def _label_where(self, var: str, labels: set[str] | None) -> str:
        if not labels:
            return ""
        return f" WHERE label({var}) IN [" + ", ".join(f"'{l}'" for l in sorted(labels)) + "]"

    def table_name(self, table_id: int) -> str | None:
        if self._tables is None:
            self._tables = {int(r[0]): r[1] for r in self._conn.execute("CALL show_tables() RETURN id, name").get_all()}
        return self._tables.get(table_id)

    def _translate(self, e: RuntimeError, query: str, timeout: float) -> Exception:
        msg = str(e)
        if "Interrupted" in msg or "timeout" in msg.lower():
            return QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped",
                                hint="Add a LIMIT or narrow the MATCH.")
        if "bad_alloc" in msg or "buffer pool is full" in msg:
            # the engine's words are kept: the export recognises a full page cache by them (_cache_full)
            return QueryError(f"the query needed more memory than is allowed and was stopped ({msg[:200]})",
                              hint="Aggregate instead of building large lists or strings.")
        if "read-only" in msg or "read only" in msg:
            return WriteRefused("the console is read-only: LadybugDB refused a write on its read-only handle")
        return QueryError(msg, position=_ladybug_position(msg, query))


def _dist_version() -> str:
    from importlib.metadata import version
    return version("ladybug")


def ladybug_plan_check(conn: "ladybug.Connection", query: str, params: dict | None) -> None:
    """Refuse the query unless LadybugDB's own plan for it (EXPLAIN) is a plain read of the graph
    (guard.ladybug_plan_refusal). The same text then runs on the same connection, so what was checked
    is what runs."""
    toks = guard.tokens(query)
    lead = guard._leading_index(toks)
    # the user's own EXPLAIN/PROFILE prefix: the plan of what follows is what matters
    body = query[toks[lead][2]:] if 0 < lead < len(toks) else query
    prefix = "EXPLAIN "
    try:
        res = conn.execute(prefix + body, params or {})
        plan = "\n".join(str(r[0]) for r in res.get_all())
        res.close()
    except RuntimeError as e:
        msg = str(e)
        if "bad_alloc" in msg or "buffer pool is full" in msg or "Interrupted" in msg:
            raise
        pos = _ladybug_position(msg, prefix + body)
        if pos is not None:
            off = max(0, pos["offset"] - len(prefix)) + (len(query) - len(body))
            pos = guard.position(query, off)
        raise QueryError(msg.replace(prefix + body, query), position=pos) from e
    why = guard.ladybug_plan_refusal(plan)
    if why:
        raise WriteRefused(f"the console is read-only: {why}",
                           hint="The console runs reads of the graph; use `parkgraph load` to change it.")


def _ladybug_position(msg: str, query: str) -> dict | None:
    import re
    m = re.search(r"\(line: (\d+), offset: (\d+)\)", msg)
    if not m:
        return None
    line, col = int(m.group(1)), int(m.group(2)) + 1
    lines = query.split("\n")
    offset = sum(len(l) + 1 for l in lines[:line - 1]) + col - 1
    return {"line": line, "column": col, "offset": offset}

