"""Neo4j 5.26 through the official `neo4j` driver.

Console reads run in READ access-mode transactions with a server-side timeout; py2neo is not used
because it is end-of-life and does not speak to current Neo4j versions.
"""
from __future__ import annotations

import time
from typing import Any

import neo4j
from neo4j import GraphDatabase, READ_ACCESS, WRITE_ACCESS
from neo4j.exceptions import (AuthError, ClientError, CypherSyntaxError, DatabaseUnavailable,
                              ServiceUnavailable, SessionExpired, TransientError, Neo4jError)

from parkgraph.errors import BackendUnavailable, QueryError, QueryTimeout, WriteRefused

from . import guard
from .result import QueryResult, plain_node, plain_rel
from .store import GraphStore


class Neo4jStore(GraphStore):
    engine = "neo4j"
    dialect = "Neo4j Cypher 5"

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str = "neo4j", **kw):
        super().__init__(**kw)
        self.uri = uri
        self.database = database
        auth = (user or "neo4j", password) if password else None
        self._driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=5.0,
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

    # ------------------------------------------------------------------ primitives
    def read(self, query: str, params: dict | None = None, *, timeout: float | None = None,
             max_rows: int | None = None, console: bool = False) -> QueryResult:
        if console:
            guard.check_read_only(query)
            max_rows = self.max_rows if max_rows is None else max_rows
        timeout = self.query_timeout if timeout is None else timeout
        t0 = time.perf_counter()
        try:
            with self._driver.session(database=self.database, default_access_mode=READ_ACCESS) as s:
                with s.begin_transaction(timeout=timeout) as tx:
                    result = tx.run(query, params or {})
                    columns = list(result.keys())
                    raw, truncated = [], False
                    for rec in result:
                        if max_rows is not None and len(raw) >= max_rows:
                            truncated = True
                            break
                        raw.append(list(rec.values()))
                    rows = _Converter(tx).rows(raw)
                    tx.rollback()
        except Neo4jError as e:
            raise self._translate(e, query, timeout) from e
        except (ServiceUnavailable, SessionExpired, OSError) as e:
            raise unavailable(self.uri) from e
        return QueryResult(columns, rows, truncated, (time.perf_counter() - t0) * 1000, self.engine, max_rows)

    def write(self, query: str, params: dict | None = None) -> None:
        try:
            with self._driver.session(database=self.database, default_access_mode=WRITE_ACCESS) as s:
                s.execute_write(lambda tx: tx.run(query, params or {}).consume())
        except (ServiceUnavailable, SessionExpired, OSError) as e:
            raise unavailable(self.uri) from e

    def create_schema(self) -> None:
        for label, cls in self.model.classes.items():
            self.write(f"CREATE CONSTRAINT {label.lower()}_uri IF NOT EXISTS FOR (n:{label}) REQUIRE n.uri IS UNIQUE")
            for key, prop in cls.properties.items():
                if prop.searchable and prop.pg_type == "string":
                    self.write(f"CREATE TEXT INDEX {label.lower()}_{key}_text IF NOT EXISTS FOR (n:{label}) ON (n.{key})")
        for rtype in self.model.rel_types:
            self.write(f"CREATE CONSTRAINT {rtype.lower()}_uri IF NOT EXISTS FOR ()-[r:{rtype}]-() REQUIRE r.uri IS UNIQUE")
        self._driver.execute_query("CALL db.awaitIndexes(300)", database_=self.database)

    def clear(self) -> None:
        # CALL {} IN TRANSACTIONS needs an implicit (auto-commit) transaction.
        with self._driver.session(database=self.database) as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

    def close(self) -> None:
        self._driver.close()

    def server_info(self) -> dict:
        rec = self._driver.execute_query("CALL dbms.components() YIELD name, versions, edition RETURN *",
                                         database_=self.database, routing_=neo4j.RoutingControl.READ).records[0]
        return {"engine": self.engine, "dialect": self.dialect, "version": rec["versions"][0],
                "edition": rec["edition"], "uri": self.uri, "database": self.database}

    # ------------------------------------------------------------------ the app's queries, Neo4j dialect
    def _q_merge_nodes(self, label: str, keys: list[str]) -> str:
        # `SET n = row` replaces every property, so reloading a changed record leaves no stale values.
        return f"UNWIND $rows AS row MERGE (n:{label} {{uri: row.uri}}) SET n = row"

    def _q_merge_rels(self, rtype: str, src: str, dst: str, keys: list[str]) -> str:
        return (f"UNWIND $rows AS row MATCH (a:{src} {{uri: row.from}}) MATCH (b:{dst} {{uri: row.to}}) "
                f"MERGE (a)-[r:{rtype} {{uri: row.props.uri}}]->(b) SET r = row.props")

    def _q_search(self, label: str) -> str:
        return (f"MATCH (n:{label}) WHERE n.name_zh CONTAINS $q OR toLower(n.name_en) CONTAINS $ql "
                f"OR n.pinyin CONTAINS $qp OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $q OR toLower(a) CONTAINS $ql) "
                f"RETURN n ORDER BY n.uri LIMIT $cap")

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
        if isinstance(e, (ClientError, CypherSyntaxError)):
            return QueryError(msg.split("\n")[0] if len(msg) > 500 else msg, position=_neo4j_position(msg, query))
        if isinstance(e, TransientError):
            return BackendUnavailable(f"Neo4j is busy: {msg}")
        return QueryError(msg)


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
