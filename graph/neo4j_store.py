"""Neo4j 5.26 through the official `neo4j` driver.

Console reads run in READ access-mode transactions with a server-side timeout; py2neo is not used
because it is end-of-life and does not speak to current Neo4j versions.
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import neo4j
from neo4j import GraphDatabase, READ_ACCESS, WRITE_ACCESS
from neo4j.exceptions import (AuthError, ClientError, CypherSyntaxError, DatabaseUnavailable,
                              ServiceUnavailable, SessionExpired, TransientError, Neo4jError)

from parkgraph.errors import BackendUnavailable, QueryError, QueryTimeout, WriteRefused
from parkgraph.settings import setting

from . import guard
from .checkpoints import checkpoint
from .neo4j_bulk import _parallel, _partitioned, _regroup
from .neo4j_hood import Neo4jHood
from .neo4j_replace import STAGE, Neo4jReplace  # noqa: F401  (STAGE: part of this module's interface)
from .result import QueryResult, plain_node, plain_rel
from .store import GraphStore

CONSOLE_FETCH = 50  # records per PULL for console queries (1000 rows of 1 MB made the server build 1 GB ahead)


class Neo4jStore(Neo4jReplace, Neo4jHood, GraphStore):
    engine = "neo4j"
    dialect = "Neo4j Cypher 5"

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str = "neo4j", console_max_response_mb: int = 32, **kw):
        super().__init__(**kw)
        self.uri = uri
        self.database = database
        self.console_max_bytes = int(console_max_response_mb) * 2**20
        auth = (user or "neo4j", password) if password else None
        self._driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=5.0,
                                            max_transaction_retry_time=5.0,
                                            notifications_min_severity="OFF")
        # console queries get connections of their own: one shut at a deadline is never one the app's
        # own reads are using
        self._console_driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=5.0,
                                                    max_transaction_retry_time=5.0,
                                                    notifications_min_severity="OFF")
        try:
            self._driver.verify_connectivity()
        except (ServiceUnavailable, OSError, DatabaseUnavailable, SessionExpired) as e:
            self._driver.close()
            raise unavailable(uri) from e
        except AuthError as e:
            self._driver.close()
            raise BackendUnavailable(f"Neo4j at {uri} refused the credentials: {e.message}",
                                     hint="Check NEO4J_USER and NEO4J_PASSWORD.") from e
        # a `load --replace` killed after its switch committed is finished before anything reads
        # (neo4j_replace.py): one read when there is none
        try:
            self.finish_switch()
        except (ServiceUnavailable, OSError, DatabaseUnavailable, SessionExpired) as e:
            self.close()
            raise unavailable(uri) from e

    # ------------------------------------------------------------------ primitives
    def read(self, query: str, params: dict | None = None, *, timeout: float | None = None,
             max_rows: int | None = None, console: bool = False) -> QueryResult:
        timeout = self.query_timeout if timeout is None else timeout
        if console:
            # layer 1: the token check; then what the server could not stop once started
            guard.check_read_only(query, params)
            guard.check_regex(query, params)
            guard.check_heap(query, params)
            max_rows = self.max_rows if max_rows is None else max_rows
            return self._console_read(query, params, timeout, max_rows)
        t0 = time.perf_counter()
        try:
            with self._driver.session(database=self.database, default_access_mode=READ_ACCESS) as s:
                # the app's own reads: one auto-commit round trip instead of BEGIN, RUN, ROLLBACK
                # (a neighbourhood makes a dozen of them)
                columns, rows, truncated = _pull(s, neo4j.Query(query, timeout=timeout), params, max_rows)
        except Neo4jError as e:
            raise self._translate(e, query, timeout) from e
        except (ServiceUnavailable, SessionExpired, OSError) as e:
            raise unavailable(self.uri) from e
        return QueryResult(columns, rows, truncated, (time.perf_counter() - t0) * 1000, self.engine, max_rows)

    def _console_read(self, query: str, params: dict | None, timeout: float, max_rows: int | None) -> QueryResult:
        """A console query: EXPLAIN first, in the READ transaction (always rolled back) it then runs in,
        refused unless Neo4j's own plan is a plain read (guard.neo4j_plan_refusal); the whole thing
        in a thread with a client-side deadline, since the driver has no read timeout and a server
        that does not honour its transaction timeout would otherwise hold the request for ever. At
        the deadline the connection is shut (the server then ends the transaction) and the request
        gets QueryTimeout."""
        t0 = time.perf_counter()
        box: dict[str, Any] = {"state": "starting"}
        lock = threading.Lock()

        def work() -> None:
            try:
                # small batches: the server builds (and holds) only CONSOLE_FETCH rows ahead of what the
                # response-size cap has seen, instead of the driver's default 1000
                with self._console_driver.session(database=self.database, default_access_mode=READ_ACCESS,
                                                  fetch_size=CONSOLE_FETCH) as s:
                    with s.begin_transaction(timeout=timeout) as tx:
                        with lock:
                            box["session"], box["state"] = s, "running"
                        toks = guard.tokens(query)
                        lead = guard._leading_index(toks)
                        body = query[toks[lead][2]:] if 0 < lead < len(toks) else query
                        summary = tx.run("EXPLAIN " + body, params or {}).consume()
                        why = guard.neo4j_plan_refusal(summary.query_type, summary.plan)
                        if why:
                            raise WriteRefused(f"the console is read-only: {why}",
                                               hint="The console runs reads of the graph; use `parkgraph load` to change it.")
                        box["result"] = _pull(tx, query, params, max_rows, self.console_max_bytes)
                        with lock:
                            box["state"] = "finishing"  # the watchdog no longer touches this connection
                        tx.rollback()
            except BaseException as e:  # noqa: BLE001  (handed to the calling thread)
                box["error"] = e

        worker = threading.Thread(target=work, name="neo4j-console", daemon=True)
        worker.start()
        # the server's own timeout normally answers first; this one fires when its answer does not come
        worker.join(timeout * 1.2 + 0.2)
        if worker.is_alive():
            with lock:
                if box["state"] == "running":
                    _shut_connection(box.get("session"))
                box["state"] = "abandoned"
            # not joined: the thread ends by itself once its socket is shut (or the server answers)
            raise QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped",
                               hint="Add a LIMIT or narrow the MATCH.")
        err = box.get("error")
        if isinstance(err, Neo4jError):
            raise self._translate(err, query, timeout) from err
        if isinstance(err, (ServiceUnavailable, SessionExpired, OSError)):
            raise unavailable(self.uri) from err
        if err is not None:
            raise err
        columns, rows, truncated = box["result"]
        return QueryResult(columns, rows, truncated, (time.perf_counter() - t0) * 1000, self.engine, max_rows)

    def _scalar_rows(self, query: str, params: dict) -> list[list]:
        # the export's pages: values straight from the driver, no per-value conversion
        try:
            with self._driver.session(database=self.database, default_access_mode=READ_ACCESS) as s:
                return s.run(neo4j.Query(query, timeout=0), params).values()
        except Neo4jError as e:
            raise self._translate(e, query, 0) from e
        except (ServiceUnavailable, SessionExpired, OSError) as e:
            raise unavailable(self.uri) from e

    def stream_rows(self, queries: list[tuple[str, dict]]) -> Iterator[tuple[int, Any]]:
        """(index of the query, row) for every row of several reads run one after the other in one
        read transaction (one snapshot), as the server streams them: the driver holds one fetch of
        records at a time, so memory stays bounded however large the result (graph/network's
        projection: one pass instead of keyset pages, each an index seek + sort). Values as the
        driver gives them; a row unpacks like a tuple."""
        try:
            with self._driver.session(database=self.database, default_access_mode=READ_ACCESS) as s:
                with s.begin_transaction(timeout=0) as tx:
                    for i, (query, params) in enumerate(queries):
                        for rec in tx.run(query, params):
                            yield i, rec
        except Neo4jError as e:
            raise self._translate(e, queries[-1][0], 0) from e
        except (ServiceUnavailable, SessionExpired, OSError) as e:
            raise unavailable(self.uri) from e

    def write(self, query: str, params: dict | None = None) -> None:
        try:
            with self._driver.session(database=self.database, default_access_mode=WRITE_ACCESS) as s:
                s.execute_write(lambda tx: tx.run(query, params or {}).consume())
        except (ServiceUnavailable, SessionExpired, OSError) as e:
            raise unavailable(self.uri) from e

    def create_schema(self, await_seconds: int = 300) -> None:
        for label, cls in self.model.classes.items():
            self.write(f"CREATE CONSTRAINT {label.lower()}_uri IF NOT EXISTS FOR (n:{label}) REQUIRE n.uri IS UNIQUE")
            for name, key in self._text_indexes(label):
                self.write(f"CREATE TEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{key})")
        for rtype in self.model.rel_types:
            self.write(f"CREATE CONSTRAINT {rtype.lower()}_uri IF NOT EXISTS FOR ()-[r:{rtype}]-() REQUIRE r.uri IS UNIQUE")
        from .search_index import ensure_fulltext_index
        ensure_fulltext_index(self)
        self._driver.execute_query(f"CALL db.awaitIndexes({int(await_seconds)})", database_=self.database)

    def search_index_outdated(self) -> bool | None:
        from .search_index import fulltext_outdated
        return fulltext_outdated(self)

    # ------------------------------------------------------------------ bulk loading
    @property
    def load_workers(self) -> int:
        return int(setting("load_workers"))  # read when loading, not at import

    @property
    def bulk_rows(self) -> int:
        return int(setting("bulk_rows"))

    defer_text_index_rows = 20_000  # a fresh label getting at least this many rows has its text indexes built after

    def _text_indexes(self, label: str) -> list[tuple[str, str]]:
        return [(f"{label.lower()}_{key}_text", key) for key, prop in self.model.classes[label].properties.items()
                if prop.searchable and prop.pg_type == "string"]

    def bulk_load(self, source, progress=None) -> None:
        """UNWIND batches of `bulk_rows` rows, one transaction each, run by `load_workers` sessions in
        parallel: all nodes first (any labels at once), then all relationships. A label or
        relationship type that is empty when the load starts gets CREATE instead of MERGE — the rows
        of one load are distinct by uri, so the result is the same and the uniqueness constraints
        still guard it (a violation, e.g. from a concurrent writer, reruns that batch with MERGE).
        An interrupted load leaves the label non-empty, so running it again MERGEs: idempotent."""
        keys = list(self.model.rel_properties)
        N = self._named  # staging (replace_all) writes under staging labels and types, invisible to the app
        fresh_labels = {l for l in source.node_labels() if self._count(f"MATCH (n:{N(l)}) RETURN count(n)") == 0}
        fresh_types = {t for t in dict.fromkeys(g[0] for g in source.rel_groups())
                       if self._count(f"MATCH ()-[r:{N(t)}]->() RETURN count(r)") == 0}
        size = max(1, self.bulk_rows)

        def node_tasks():
            for label in source.node_labels():
                for rows in _regroup(source.node_batches(label), size):
                    yield ("node", label, rows)

        def run(task) -> int:
            kind, what, rows = task
            if kind == "node":
                fresh = what in fresh_labels
                q = (f"UNWIND $rows AS row CREATE (n:{N(what)}) SET n = row" if fresh else self._q_merge_nodes(N(what), []))
            else:
                rtype, src, dst = what
                fresh = rtype in fresh_types
                q = (f"UNWIND $rows AS row MATCH (a:{N(src)} {{uri: row.from}}) MATCH (b:{N(dst)} {{uri: row.to}}) "
                     f"CREATE (a)-[r:{N(rtype)}]->(b) SET r = row.props") if fresh else self._q_merge_rels(N(rtype), N(src), N(dst), keys)
            try:
                self._bulk_write(q, rows)
            except neo4j.exceptions.ConstraintError:
                if not fresh:
                    raise
                (fresh_labels if kind == "node" else fresh_types).discard(what if kind == "node" else what[0])
                self._bulk_write(self._q_merge_nodes(N(what), []) if kind == "node"
                                 else self._q_merge_rels(N(rtype), N(src), N(dst), keys), rows)
            checkpoint(f"neo4j wrote a batch of {kind}s")
            return len(rows)

        # Text indexes (Lucene) cost about as much as the rest of a node write: for a fresh label that
        # gets many rows, drop them and build them once at the end (index population is bulk and
        # parallel); they are created again even if the load fails.
        count = getattr(source, "label_count", None)
        deferred = [l for l in fresh_labels if count is not None and count(l) >= self.defer_text_index_rows
                    and not self._staging]  # staging labels have no text indexes
        try:
            for label in deferred:
                for name, _ in self._text_indexes(label):
                    self._driver.execute_query(f"DROP INDEX {name} IF EXISTS", database_=self.database)
            _parallel(run, node_tasks(), max(1, self.load_workers), progress)
        finally:
            if deferred:
                self.create_schema(await_seconds=3600)
        # Relationships: one group (type, start label, end label) at a time; its rows are dealt to the
        # workers by their end node, so two transactions never lock the same end node (hubs such as
        # a sub-park with 400k tenants, or a source cited 100k times) and rarely a start node.
        workers = max(1, self.load_workers)

        def conv(r):
            return {"from": r["from"], "to": r["to"], "props": {k: r.get(k) for k in keys}}
        _partitioned(lambda group, rows: run(("rel", group, rows)),
                     ((g, source.rel_batches(g)) for g in source.rel_groups()), workers, size, conv, progress)

    def _bulk_write(self, query: str, rows: list) -> None:
        delay = 0.2
        for attempt in range(8):
            try:
                with self._driver.session(database=self.database, default_access_mode=WRITE_ACCESS) as s:
                    with s.begin_transaction() as tx:
                        tx.run(query, rows=rows).consume()
                        tx.commit()
                return
            except TransientError:  # deadlock between parallel batches, lock timeout: wait, run again
                if attempt == 7:
                    raise
                time.sleep(delay)
                delay *= 2
            except (ServiceUnavailable, SessionExpired, OSError) as e:
                raise unavailable(self.uri) from e

    def _count(self, query: str) -> int:
        return int(self._driver.execute_query(query, database_=self.database).records[0][0])

    def close(self) -> None:
        self._console_driver.close()
        self._driver.close()

    def graph_version(self) -> str:
        """Neo4j's bookmark after an empty read transaction: the engine's own marker of the last
        committed transaction, so it changes on every commit (ours, or another application's on the
        same database: a spurious change only costs a rebuild). `SHOW DATABASE … YIELD
        lastCommittedTxn` would be the plain counter, but it is null on Community 5.26."""
        with self._driver.session(database=self.database, default_access_mode=READ_ACCESS) as s:
            s.run("RETURN 1").consume()
            return ",".join(sorted(s.last_bookmarks().raw_values))

    def server_info(self) -> dict:
        rec = self.read("CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition",
                        timeout=5.0).records()[0]
        return {"engine": self.engine, "dialect": self.dialect, "version": rec["version"],
                "edition": rec["edition"], "uri": self.uri, "database": self.database}

    # ------------------------------------------------------------------ the app's queries, Neo4j dialect
    def _q_merge_nodes(self, label: str, keys: list[str]) -> str:
        # `SET n = row` replaces every property, so reloading a changed record leaves no stale values.
        return f"UNWIND $rows AS row MERGE (n:{label} {{uri: row.uri}}) SET n = row"

    def _q_merge_rels(self, rtype: str, src: str, dst: str, keys: list[str]) -> str:
        return (f"UNWIND $rows AS row MATCH (a:{src} {{uri: row.from}}) MATCH (b:{dst} {{uri: row.to}}) "
                f"MERGE (a)-[r:{rtype} {{uri: row.props.uri}}]->(b) SET r = row.props")

    def _search_candidates(self, pieces: list[str], labels: list[str] | None, sizes: list[int],
                           firsts: bool = True) -> tuple[list[list[dict]], list[dict], bool]:
        from .search_index import FIELDS, FIRST_LABELS, FULLTEXT_INDEX, SKIP_LABELS, exact_words_query, lucene_query
        lq = lucene_query(pieces)
        eq = exact_words_query(pieces) if lq is not None and firsts else None
        park_labels = [l for l in FIRST_LABELS if not labels or l in labels] if firsts else []
        # joining the first window: the parks and sub-parks, and the best 20 by a query's exact words
        parks = (f"CALL {{ MATCH (node:{'|'.join(park_labels)}) RETURN collect(node) AS parks }} " if park_labels
                 else "WITH *, [] AS parks ")
        parks += (f"CALL {{ CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $eq, {{limit: 20}}) YIELD node "
                  "RETURN collect(node) AS exact } " if eq else "WITH *, [] AS exact ")
        parks += "WITH *, parks + exact AS firsts "
        # each window one index call with its own fixed limit: the same limit gives the same nodes
        # every time (search_index's module doc); a full last window means there may be more
        params = {"lq": lq, "eq": eq, "pieces": pieces, "labels": labels or [], "limits": sizes}
        keep = "CASE WHEN $labels = [] OR any(l IN labels(node) WHERE l IN $labels) THEN node END"
        if lq is None:
            # a one-character piece: the cjk analyzer holds characters inside a run only as bigrams, so
            # this rare query scans the searchable labels (one query)
            cond = " OR ".join([f"toLower(coalesce(node.{f}, '')) CONTAINS p" for f in FIELDS if f != "aliases"]
                               + ["any(a IN coalesce(node.aliases, []) WHERE toLower(a) CONTAINS p)"])
            scan = " UNION ALL ".join(f"MATCH (node:{l}) WHERE any(p IN $pieces WHERE {cond}) RETURN node"
                                      for l in self.model.labels if l not in SKIP_LABELS and (not labels or l in labels))
            q = (f"CALL {{ CALL {{ {scan} }} WITH node LIMIT $last RETURN collect({keep}) AS win, count(*) AS seen }} "
                 f"{parks}RETURN win, seen, firsts")
            (win, seen, first), = self.read(q, {**params, "last": sizes[-1]}).rows
            return [win[:n] for n in sizes], first, seen >= sizes[-1]  # label order: each window a prefix
        q = (f"UNWIND $limits AS lim CALL {{ WITH lim CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $lq, "
             f"{{limit: lim}}) YIELD node RETURN collect({keep}) AS win, count(*) AS seen }} "
             f"WITH collect(win) AS wins, last(collect(seen)) AS seen {parks}RETURN wins, seen, firsts")
        (wins, seen, first), = self.read(q, params).rows
        return wins, first, seen >= sizes[-1]

    def _q_degree(self, label: str, rtype: str, direction: str) -> str:
        arrow = f"-[:{rtype}]->()" if direction == "out" else f"<-[:{rtype}]-()"
        return f"MATCH (c:{label} {{uri: $uri}}) RETURN COUNT {{ (c){arrow} }} AS c"

    def _label_where(self, var: str, labels: set[str] | None) -> str:
        if not labels:
            return ""
        return " WHERE " + " OR ".join(f"{var}:{l}" for l in sorted(labels))

    def _translate(self, e: Neo4jError, query: str, timeout: float) -> Exception:
        code = e.code or ""
        msg = e.message or str(e)
        if "TransactionTimedOut" in code or "TransactionTimedOutClientConfiguration" in code or "timeout" in msg.lower() and "Transaction" in code:
            return QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped",
                                hint="Add a LIMIT or narrow the MATCH.")
        if "ForbiddenDueToTransactionType" in code or "AccessMode" in code or "Forbidden" in code and "write" in msg.lower():
            return WriteRefused("the console is read-only: Neo4j refused a write in a READ transaction")
        if "OutOfMemoryError" in code:
            return QueryError("the query needs more memory than the server allows and was stopped",
                              hint="Add a LIMIT, or avoid building large lists and strings.")
        if isinstance(e, (ClientError, CypherSyntaxError)):
            return QueryError(msg.split("\n")[0] if len(msg) > 500 else msg, position=_neo4j_position(msg, query))
        if isinstance(e, TransientError):
            return BackendUnavailable(f"Neo4j is busy: {msg}")
        return QueryError(msg)


def _approx_size(v: Any) -> int:
    """Bytes a driver value will take once sent as JSON, roughly (for the console's response cap)."""
    if isinstance(v, (str, bytes, bytearray)):
        return len(v) + 8
    if isinstance(v, (list, tuple)):
        return 16 + sum(_approx_size(x) for x in v)
    if isinstance(v, dict):
        return 16 + sum(len(str(k)) + _approx_size(x) for k, x in v.items())
    if isinstance(v, (neo4j.graph.Node, neo4j.graph.Relationship)):
        return 64 + sum(len(str(k)) + _approx_size(x) for k, x in v.items())
    if isinstance(v, neo4j.graph.Path):
        return 16 + sum(_approx_size(x) for x in (*v.nodes, *v.relationships))
    return 16


def _shut_connection(session) -> None:
    """Shut the socket under a session's connection, so that a thread blocked reading from it wakes up
    and the server ends the transaction. The driver offers no public way to do this (nor a read
    timeout); if its internals change, the request still answers at its deadline and only the
    connection stays busy until the server's own timeout."""
    try:
        raw = session._connection.socket._socket
        raw.shutdown(socket.SHUT_RDWR)
    except (AttributeError, OSError):
        pass


def unavailable(uri: str) -> BackendUnavailable:
    return BackendUnavailable(
        f"cannot reach Neo4j at {uri}",
        hint="Start it with `parkgraph neo4j start`, or set NEO4J_URI to a running server, or use the embedded default (--backend ladybug).")


def _neo4j_position(msg: str, query: str) -> dict | None:
    import re
    m = re.search(r"\(line (\d+), column (\d+) \(offset: (\d+)\)\)", msg)
    if not m:
        return None
    return {"line": int(m.group(1)), "column": int(m.group(2)), "offset": int(m.group(3))}


def _pull(runner, query, params: dict | None, max_rows: int | None,
          max_bytes: int | None = None) -> tuple[list[str], list[list[Any]], bool]:
    result = runner.run(query, params or {})
    columns = list(result.keys())
    raw: list[list[Any]] = []
    truncated, size = False, 0
    for rec in result:
        if max_rows is not None and len(raw) >= max_rows:
            truncated = True
            break
        row = list(rec.values())
        if max_bytes is not None:
            size += _approx_size(row)
            if size > max_bytes:
                raise QueryError(f"the result is larger than {max_bytes // 2**20} MB and was not sent",
                                 hint="Return fewer or smaller values (PARKGRAPH_CONSOLE_MAX_RESPONSE_MB).")
        raw.append(row)
    return columns, _Converter(runner).rows(raw), truncated


class _Converter:
    """Turns driver values into plain data, resolving relationship endpoints to uris."""

    def __init__(self, tx):
        self.tx = tx
        self.uris: dict[str, str | None] = {}

    def rows(self, raw: list[list[Any]]) -> list[list[Any]]:
        self._collect(raw)
        missing = [eid for eid, u in self.uris.items() if u is None]
        if missing:
            for rec in self.tx.run("MATCH (n) WHERE elementId(n) IN $ids RETURN elementId(n) AS id, n.uri AS uri",
                                   ids=missing):
                self.uris[rec["id"]] = rec["uri"]
        return [[self._conv(v) for v in row] for row in raw]

    def _collect(self, v: Any) -> None:
        if isinstance(v, neo4j.graph.Node):
            self.uris[v.element_id] = v.get("uri")
        elif isinstance(v, neo4j.graph.Relationship):
            for n in (v.start_node, v.end_node):
                if n is not None and self.uris.get(n.element_id) is None:
                    self.uris[n.element_id] = n.get("uri")
        elif isinstance(v, neo4j.graph.Path):
            for n in v.nodes:
                self._collect(n)
            for r in v.relationships:
                self._collect(r)
        elif isinstance(v, (list, tuple)):
            for x in v:
                self._collect(x)
        elif isinstance(v, dict):
            for x in v.values():
                self._collect(x)

    def _conv(self, v: Any) -> Any:
        if isinstance(v, neo4j.graph.Node):
            return plain_node(v.get("uri"), list(v.labels), dict(v))
        if isinstance(v, neo4j.graph.Relationship):
            return plain_rel(v.get("uri"), v.type, self.uris.get(v.start_node.element_id),
                             self.uris.get(v.end_node.element_id), dict(v))
        if isinstance(v, neo4j.graph.Path):
            return {"nodes": [self._conv(n) for n in v.nodes], "relationships": [self._conv(r) for r in v.relationships]}
        if isinstance(v, (list, tuple)):
            return [self._conv(x) for x in v]
        if isinstance(v, dict):
            return {k: self._conv(x) for k, x in v.items()}
        if hasattr(v, "iso_format"):
            return v.iso_format()
        return v
