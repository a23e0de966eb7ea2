"""The one store interface that loaders, the web app and the RDF export use.

Backends implement the engine-specific primitives (`read`, `_exec_write`, schema, the app's own
queries); everything built on top of them (neighbourhood grouping, depth expansion, search ranking,
batching) lives here once, so both engines give the same answers for the same data.
"""
from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from parkgraph.ontology import Model, load_model

from .result import QueryResult


def segment_of(uri: str) -> str | None:
    """IRIs are `{base}{segment}/{id}`: the segment names the class."""
    parts = uri.rstrip("/").rsplit("/", 2)
    return parts[-2] if len(parts) == 3 else None


class GraphStore(abc.ABC):
    engine: str = ""
    dialect: str = ""

    def __init__(self, model: Model | None = None, *, query_timeout: float = 10.0, max_rows: int = 1000,
                 batch_size: int = 1000):
        self.model = model or load_model()
        self.query_timeout = query_timeout
        self.max_rows = max_rows
        self.batch_size = batch_size

    # ------------------------------------------------------------------ engine primitives
    @abc.abstractmethod
    def read(self, query: str, params: dict | None = None, *, timeout: float | None = None,
             max_rows: int | None = None, console: bool = False) -> QueryResult:
        """Run a read-only query. `console=True` marks user-typed text (guarded, capped)."""

    def console_read(self, query: str, params: dict | None = None, *, timeout: float | None = None,
                     max_rows: int | None = None) -> QueryResult:
        """A query typed in the console, in Neo4j's dialect: translated for the embedded engine."""
        from .dialect.console import console_read
        return console_read(self, query, params, timeout=timeout, max_rows=max_rows)

    @abc.abstractmethod
    def write(self, query: str, params: dict | None = None) -> None:
        """Run one write statement (loaders only, through the methods below)."""

    @abc.abstractmethod
    def create_schema(self) -> None: ...

    @abc.abstractmethod
    def clear(self) -> None:
        """Delete every node and relationship (schema stays)."""

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def server_info(self) -> dict: ...

    @abc.abstractmethod
    def graph_version(self) -> str:
        """A token that changes whenever the graph may have changed (every write bumps it, from any
        process); caches of the graph (the SPARQL snapshot) compare it to know they are stale."""

    # queries whose text differs between dialects
    @abc.abstractmethod
    def _q_merge_nodes(self, label: str, keys: list[str]) -> str: ...

    @abc.abstractmethod
    def _q_merge_rels(self, rtype: str, src: str, dst: str, keys: list[str]) -> str: ...

    @abc.abstractmethod
    def _q_search(self, label: str) -> str: ...

    @abc.abstractmethod
    def _q_degree(self, label: str, rtype: str, direction: str) -> str: ...

    # ------------------------------------------------------------------ shared behaviour
    def label_of(self, uri: str) -> str | None:
        seg = segment_of(uri)
        cls = self.model.by_segment(seg) if seg else None
        return cls.name if cls else None

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def write_nodes(self, label: str, rows: list[dict]) -> int:
        """MERGE nodes on uri in UNWIND batches; each node's properties become exactly `row`."""
        cls = self.model.classes[label]
        keys = list(cls.properties)
        for batch in _batches(rows, self.batch_size):
            self.write(self._q_merge_nodes(label, keys), {"rows": [_fill(r, keys) for r in batch]})
        return len(rows)

    def write_relationships(self, rtype: str, rows: list[dict]) -> int:
        """rows: {uri, from, to, props...}. Grouped by endpoint labels, MERGE on the relationship uri."""
        keys = list(self.model.rel_properties)
        groups: dict[tuple[str, str], list[dict]] = {}
        for r in rows:
            groups.setdefault((self.label_of(r["from"]), self.label_of(r["to"])), []).append(r)
        for (src, dst), grp in groups.items():
            q = self._q_merge_rels(rtype, src, dst, keys)
            for batch in _batches(grp, self.batch_size):
                self.write(q, {"rows": [{"from": r["from"], "to": r["to"], "props": _fill(r, keys)} for r in batch]})
        return len(rows)

    def bulk_load(self, source, progress: Callable[[int], None] | None = None) -> None:
        """Write a row source (`loaders.stream.StreamPlan`, or an in-memory plan through
        `loaders.load.PlanSource`): every node row per label, then every relationship row per (type,
        start label, end label), as the source's `node_labels`/`node_batches` and
        `rel_groups`/`rel_batches` give them. Semantics are those of `write_nodes` and
        `write_relationships` (MERGE on uri: idempotent); backends override this with faster paths
        that keep them. `progress(n)` is called after every n rows written."""
        for label in source.node_labels():
            for batch in source.node_batches(label):
                for chunk in _batches(batch, self.batch_size):
                    self.write_nodes(label, chunk)
                    progress and progress(len(chunk))
        for group in source.rel_groups():
            for batch in source.rel_batches(group):
                for chunk in _batches(batch, self.batch_size):
                    self.write_relationships(group[0], chunk)
                    progress and progress(len(chunk))

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {label: int(self.read(f"MATCH (n:{label}) RETURN count(n) AS c").value(0))
                 for label in self.model.labels}
        rels = {t: int(self.read(f"MATCH ()-[r:{t}]->() RETURN count(r) AS c").value(0))
                for t in self.model.rel_types}
        return {"nodes": nodes, "relationships": rels}

    def node(self, uri: str) -> dict | None:
        label = self.label_of(uri)
        if label is None:
            return None
        res = self.read(f"MATCH (n:{label} {{uri: $uri}}) RETURN n", {"uri": uri})
        return res.rows[0][0] if res.rows else None

    def neighbourhood(self, uri: str, *, depth: int = 1, limit: int = 25, rel_types: Iterable[str] | None = None,
                      labels: Iterable[str] | None = None, offsets: dict[str, int] | None = None) -> dict | None:
        """The node, its neighbours grouped by (relationship type, direction) with the full count of
        each group and at most `limit` members (ordered by uri; `offsets` pages a group), and — for
        depth > 1 — the neighbours' neighbourhoods in turn, breadth first."""
        center = self.node(uri)
        if center is None:
            return None
        rel_filter = set(rel_types) if rel_types else None
        label_filter = set(labels) if labels else None
        nodes = {uri: center}
        edges: dict[str, dict] = {}
        groups_out: list[dict] = []
        frontier = [uri]
        for level in range(max(1, depth)):
            nxt = []
            for u in frontier:
                for g in self._groups(u, limit, rel_filter, label_filter, offsets or {}):
                    if u == uri:
                        groups_out.append(g)
                    for item in g["items"]:
                        n, r = item["node"], item["rel"]
                        if n["uri"] not in nodes:
                            nodes[n["uri"]] = n
                            nxt.append(n["uri"])
                        edges[r["uri"] or f'{r["start"]}|{r["type"]}|{r["end"]}'] = r
            frontier = nxt
        return {"center": center, "groups": groups_out, "nodes": list(nodes.values()), "edges": list(edges.values())}

    def _groups(self, uri: str, limit: int, rel_filter, label_filter, offsets: dict[str, int]) -> list[dict]:
        label = self.label_of(uri)
        out = []
        for rel in self.model.relationships.values():
            if rel_filter and rel.type not in rel_filter:
                continue
            for direction, here, there in (("out", rel.sources, rel.targets), ("in", rel.targets, rel.sources)):
                if label not in here:
                    continue
                other = [l for l in there if not label_filter or l in label_filter]
                if not other:
                    continue
                if label_filter:
                    total = int(self._group_count(label, rel.type, direction, uri, label_filter))
                else:  # degree lookups stay cheap on dense nodes
                    total = int(self.read(self._q_degree(label, rel.type, direction), {"uri": uri}).value(0))
                if total == 0:
                    continue
                key = f"{rel.type}:{direction}"
                skip = int(offsets.get(key, 0))
                items = self._group_items(label, rel.type, direction, uri, skip, limit, label_filter)
                out.append({"type": rel.type, "direction": direction, "key": key, "total": total,
                            "offset": skip, "items": items,
                            "more": max(0, total - skip - len(items))})
        return out

    def _group_items(self, label, rtype, direction, uri, skip, limit, label_filter) -> list[dict]:
        pattern = f"(c:{label} {{uri: $uri}})-[r:{rtype}]->(m)" if direction == "out" else \
                  f"(c:{label} {{uri: $uri}})<-[r:{rtype}]-(m)"
        where = self._label_where("m", label_filter)
        # c is returned too: with both endpoints in the row, no engine has to look an endpoint's uri up
        # afterwards (on LadybugDB that lookup scanned the whole table: ~100 ms at 1M enterprises)
        res = self.read(f"MATCH {pattern}{where} RETURN r, m, c ORDER BY m.uri, r.uri SKIP $skip LIMIT $limit",
                        {"uri": uri, "skip": skip, "limit": limit})
        return [{"rel": r, "node": m} for r, m, _c in res.rows]

    def _group_count(self, label, rtype, direction, uri, label_filter) -> int:
        pattern = f"(c:{label} {{uri: $uri}})-[r:{rtype}]->(m)" if direction == "out" else \
                  f"(c:{label} {{uri: $uri}})<-[r:{rtype}]-(m)"
        return self.read(f"MATCH {pattern}{self._label_where('m', label_filter)} RETURN count(*)", {"uri": uri}).value(0)

    @abc.abstractmethod
    def _label_where(self, var: str, labels: set[str] | None) -> str: ...

    def search(self, text: str, *, limit: int = 20, labels: Iterable[str] | None = None) -> list[dict]:
        """Find nodes by Chinese or English name, alias or pinyin. Exact matches first, then prefixes,
        then substrings; ties by shorter name, then uri."""
        q = text.strip()
        if not q:
            return []
        ql = q.lower()
        qp = ql.replace(" ", "")
        found: dict[str, dict] = {}
        for label in labels or self.model.labels:
            if label not in self.model.classes or label in ("Quote",):
                continue
            res = self.read(self._q_search(label), {"q": q, "ql": ql, "qp": qp, "cap": max(limit * 5, 50)})
            for (n,) in res.rows:
                found[n["uri"]] = n
        return sorted(found.values(), key=lambda n: _rank(n, q, ql, qp))[:limit]

    def content_hash(self) -> str:
        """A digest of every node and relationship with its properties and endpoints: equal for
        equal graphs on either engine, so tests can prove a graph unchanged or two loads identical."""
        import hashlib
        import json
        h = hashlib.sha256()
        for label in self.model.labels:
            for n in self.iter_nodes(label):
                h.update(json.dumps(n, sort_keys=True, ensure_ascii=False).encode())
        for rtype in self.model.rel_types:
            for r in self.iter_relationships(rtype):
                h.update(json.dumps(r, sort_keys=True, ensure_ascii=False).encode())
        return h.hexdigest()

    # ------------------------------------------------------------------ provenance
    def citations(self, uri: str) -> list[dict]:
        """Quote and source behind a node (DERIVED_FROM) or a relationship (its `quotes`)."""
        label = self.label_of(uri)
        if label is not None and self.model.classes[label].needs_citation:
            res = self.read(f"MATCH (n:{label} {{uri: $uri}})-[:DERIVED_FROM]->(q:Quote)-[:QUOTED_FROM]->(s:Source) "
                            "RETURN q, s ORDER BY s.published, s.uri, q.uri", {"uri": uri})
            return [_citation(q, s) for q, s in res.rows]
        if label is None:
            rel = self.relationship(uri)
            if rel is not None:
                return self.quote_citations(rel["properties"].get("quotes") or [])
        return []

    def quote_citations(self, quote_uris: list[str]) -> list[dict]:
        if not quote_uris:
            return []
        res = self.read("MATCH (q:Quote)-[:QUOTED_FROM]->(s:Source) WHERE q.uri IN $uris "
                        "RETURN q, s ORDER BY s.published, s.uri, q.uri", {"uris": list(quote_uris)})
        return [_citation(q, s) for q, s in res.rows]

    def relationship(self, uri: str) -> dict | None:
        for rtype in self.model.rel_types:
            res = self.read(f"MATCH ()-[r:{rtype} {{uri: $uri}}]->() RETURN r", {"uri": uri})
            if res.rows:
                return res.rows[0][0]
        return None

    def observations_of(self, uri: str) -> list[dict]:
        label = self.label_of(uri)
        if label not in self.model.relationships["DESCRIBES"].targets:
            return []
        res = self.read(f"MATCH (o:Observation)-[:DESCRIBES]->(x:{label} {{uri: $uri}}) RETURN o "
                        "ORDER BY o.metric, o.as_of, o.uri", {"uri": uri})
        return [o for (o,) in res.rows]

    def iter_nodes(self, label: str, page: int = 5000) -> Iterator[dict]:
        """Every node of a label, in uri order, a page at a time (bounded memory)."""
        last = ""
        while True:
            res = self.read(f"MATCH (n:{label}) WHERE n.uri > $last RETURN n ORDER BY n.uri LIMIT $page",
                            {"last": last, "page": page})
            if not res.rows:
                return
            for (n,) in res.rows:
                yield n
            last = res.rows[-1][0]["uri"]

    def _scalar_rows(self, query: str, params: dict) -> list[list]:
        """Rows of a query that returns only scalars and lists of them (bulk reads: no engine objects
        to convert); a backend may read them more directly."""
        return self.read(query, params).rows

    def export_nodes(self, label: str, page: int = 20000) -> Iterator[dict]:
        """The nodes `iter_nodes` yields (in uri order here; a backend may use its own stable order),
        for bulk readers (the RDF export): properties are asked for by name, so no engine object has
        to be converted (bounded memory: pages)."""
        keys = list(self.model.classes[label].properties)
        ret = ", ".join(f"n.{k} AS `{k}`" for k in keys)
        order = sorted(range(len(keys)), key=lambda i: keys[i])
        iuri = keys.index("uri")
        last = ""
        while True:
            rows = self._scalar_rows(f"MATCH (n:{label}) WHERE n.uri > $last RETURN {ret} ORDER BY n.uri LIMIT $page",
                                     {"last": last, "page": page})
            if not rows:
                return
            for row in rows:
                yield {"uri": row[iuri], "labels": [label],
                       "properties": {keys[i]: row[i] for i in order if row[i] is not None}}
            last = rows[-1][iuri]

    def export_relationships(self, rtype: str, page: int = 20000) -> Iterator[dict]:
        """The relationships `iter_relationships` yields (order as for `export_nodes`), with the
        endpoints' uris read in the same query (no per-endpoint lookups)."""
        keys = list(self.model.rel_properties)
        ret = ", ".join(f"r.{k} AS `{k}`" for k in keys)
        order = sorted(range(len(keys)), key=lambda i: keys[i])
        iuri = keys.index("uri")
        last = ""
        while True:
            rows = self._scalar_rows(f"MATCH (a)-[r:{rtype}]->(b) WHERE r.uri > $last RETURN a.uri AS `_s`, b.uri AS `_e`, {ret} "
                                     f"ORDER BY r.uri LIMIT $page", {"last": last, "page": page})
            if not rows:
                return
            for row in rows:
                vals = row[2:]
                yield {"uri": vals[iuri], "type": rtype, "start": row[0], "end": row[1],
                       "properties": {keys[i]: vals[i] for i in order if vals[i] is not None}}
            last = rows[-1][2 + iuri]

    def iter_relationships(self, rtype: str, page: int = 5000) -> Iterator[dict]:
        last = ""
        while True:
            res = self.read(f"MATCH ()-[r:{rtype}]->() WHERE r.uri > $last RETURN r ORDER BY r.uri LIMIT $page",
                            {"last": last, "page": page})
            if not res.rows:
                return
            for (r,) in res.rows:
                yield r
            last = res.rows[-1][0]["uri"]


def _citation(q: dict, s: dict) -> dict:
    return {"quote": {"uri": q["uri"], **{k: v for k, v in q["properties"].items() if k in ("text", "text_as_found", "repair_note")}},
            "source": {"uri": s["uri"], **{k: v for k, v in s["properties"].items()
                                           if k in ("title", "name_en", "url", "outlet", "author", "published", "kind")}}}


def _rank(n: dict, q: str, ql: str, qp: str) -> tuple:
    p = n["properties"]
    names = [p.get("name_zh") or "", (p.get("name_en") or "").lower(), *(p.get("aliases") or [])]
    pinyin = (p.get("pinyin") or "").split()
    if q in names or ql in names or qp in pinyin:
        rank = 0
    elif any(x.startswith(q) or x.startswith(ql) for x in names) or any(x.startswith(qp) for x in pinyin):
        rank = 1
    else:
        rank = 2
    return (rank, len(p.get("name_zh") or ""), n["uri"])


def _fill(row: dict, keys: list[str]) -> dict:
    return {k: row.get(k) for k in keys}


def _batches(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
