"""The one store interface that loaders, the web app and the RDF export use.

Backends implement the engine-specific primitives (`read`, `_exec_write`, schema, the app's own
queries); everything built on top of them (neighbourhood grouping, depth expansion, search ranking,
batching) lives here once, so both engines give the same answers for the same data.
"""
from __future__ import annotations

import abc
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from parkgraph.iri import segment_of
from parkgraph.ontology import Model, load_model

from .result import QueryResult, dates_at_precision

if TYPE_CHECKING:
    from .bulk import RowSource


__all__ = ["GraphStore", "segment_of"]


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

    def search_index_outdated(self) -> bool | None:
        """True when the engine's search index was made by an earlier version and misses what it should
        find until a load rebuilds it (Neo4j); the embedded index is rebuilt by itself (False)."""
        return False

    def stored_keys(self, label: str) -> list[str]:
        """The model's properties of `label` that reads may name (a backend whose tables can lack one
        that the model gained since they were made narrows this)."""
        return list(self.model.classes[label].properties)

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
        """MERGE nodes on uri in UNWIND batches; each node's properties become exactly `row`, with
        its search keys derived when the row has none (a loader's rows have them: loaders/mapping.py)."""
        from .search_index import search_keys
        cls = self.model.classes[label]
        keys = list(cls.properties)
        keyed = "search_keys" in keys
        for batch in _batches(rows, self.batch_size):
            rows_out = [_fill(r, keys) for r in batch]
            for r in rows_out if keyed else []:
                if r["search_keys"] is None:
                    r["search_keys"] = search_keys(r)
            self.write(self._q_merge_nodes(label, keys), {"rows": rows_out})
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

    # ------------------------------------------------------------------ the bulk-load contract (graph/bulk.py)
    @abc.abstractmethod
    def bulk_load(self, source: "RowSource", progress: Callable[[int], None] | None = None) -> None:
        """Merge a row source into the graph (MERGE on uri: idempotent) with the engine's one fast
        path; `progress(n)` after every n rows. The contract and its row shapes: graph/bulk.py."""

    @abc.abstractmethod
    def replace_all(self, source: "RowSource", progress: Callable[[int], None] | None = None) -> None:
        """Make the graph exactly the rows of `source`, atomically (a kill leaves the old graph or the
        new one, never a mix). graph/bulk.py."""

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type, in one query (a UNION ALL of count lookups,
        which both engines answer from their count stores / table sizes) instead of one per label
        and type (26 on the bundled model)."""
        parts = [f"MATCH (n:{label}) RETURN 'n' AS k, '{label}' AS name, count(n) AS c" for label in self.model.labels]
        parts += [f"MATCH ()-[r:{t}]->() RETURN 'r' AS k, '{t}' AS name, count(r) AS c" for t in self.model.rel_types]
        got = {(k, name): int(c) for k, name, c in self.read(" UNION ALL ".join(parts)).rows}
        return {"nodes": {label: got.get(("n", label), 0) for label in self.model.labels},
                "relationships": {t: got.get(("r", t), 0) for t in self.model.rel_types}}

    def node(self, uri: str) -> dict | None:
        label = self.label_of(uri)
        if label is None:
            return None
        res = self.read(f"MATCH (n:{label} {{uri: $uri}}) RETURN n", {"uri": uri})
        return res.rows[0][0] if res.rows else None

    def node_with_citations(self, uri: str) -> tuple[dict, list[dict]] | None:
        """`node(uri)` and `citations(uri)` in one query (the /api/node view: on Neo4j each query is
        a round trip, and two of the view's three were these)."""
        label = self.label_of(uri)
        if label is None:
            return None
        if not self.model.classes[label].needs_citation:
            n = self.node(uri)
            return None if n is None else (n, [])
        res = self.read(f"MATCH (n:{label} {{uri: $uri}}) OPTIONAL MATCH {_CITED} RETURN n, q, s {_CITE_ORDER}",
                        {"uri": uri})
        if not res.rows:
            return None
        return res.rows[0][0], [_citation(q, s) for _, q, s in res.rows if q is not None]

    def neighbourhood(self, uri: str, *, depth: int = 1, limit: int = 25, rel_types: Iterable[str] | None = None,
                      labels: Iterable[str] | None = None, offsets: dict[str, int] | None = None,
                      max_nodes: int | None = None, deadline: float | None = None) -> dict | None:
        """The node, its neighbours grouped by (relationship type, direction) with the full count of
        each group and at most `limit` members (ordered by uri; `offsets` pages a group), and — for
        depth > 1 — the neighbours' neighbourhoods in turn, breadth first.

        One query per depth level over the whole frontier, whatever the model's size (the former
        loop over every relationship type and direction made 20 queries at depth 1 and 206 at depth
        2 on the bundled data). `max_nodes` caps the nodes returned: past it the result stops
        growing, says `truncated`, and the groups' `offset`s page through the rest. Past `deadline` (a
        time.monotonic() value) no further level is read and the answer says so in `partial`: depth 3 ×
        limit 500 on a 100k graph took 204 s."""
        label = self.label_of(uri)
        if label is None:
            return None
        rel_filter = sorted(set(rel_types)) if rel_types else None
        label_filter = sorted(set(labels)) if labels else None
        offsets = {k: int(v) for k, v in (offsets or {}).items()}
        # the first `take` members of a group come back from the engine; the offset is applied here
        take = limit + max(offsets.values(), default=0)
        rank = self._group_rank()
        center: dict | None = None
        nodes: dict[str, dict] = {}
        edges: dict[str, dict] = {}
        groups_out: list[dict] = []
        truncated = False
        frontier = [uri]
        partial = None
        pending: dict = {}  # nodes a backend hands back as placeholders, filled after the last level
        for level in range(max(1, depth)):
            if not frontier or truncated:
                break
            if level and deadline is not None and time.monotonic() > deadline:
                partial = {"reason": "time budget", "depth": level + 1, "expanded": 0, "of": len(frontier)}
                break
            rows = self._hood_rows(frontier, take, rel_filter, label_filter, level == 0, pending)
            if level == 0:
                center = next((r[0] for r in rows if r[0] is not None), None)
                if center is None and rows:  # (rows without the center: an engine's quirk, see _q_hood_level)
                    center = self.node(uri)
                if center is None:
                    return None
                nodes[uri] = center
            by_center: dict[str, list[dict]] = {}
            for c, t, out, n, rs, ms in rows:
                if c is None or t is None or not n:
                    continue
                direction = "out" if out else "in"
                key = f"{t}:{direction}"
                skip = offsets.get(key, 0)
                pairs = sorted(zip(rs, ms), key=lambda p: (p[1]["uri"], p[0]["uri"] or ""))[skip:skip + limit]
                items = [{"rel": r, "node": m} for r, m in pairs]
                by_center.setdefault(c["uri"], []).append(
                    {"type": t, "direction": direction, "key": key, "total": int(n), "offset": skip, "items": items,
                     "more": max(0, int(n) - skip - len(items))})
            nxt = []
            for u in frontier:
                for g in sorted(by_center.get(u, []), key=lambda g: rank.get(g["key"], len(rank))):
                    if u == uri:
                        groups_out.append(g)
                    for item in g["items"]:
                        n, r = item["node"], item["rel"]
                        if n["uri"] not in nodes:
                            if max_nodes is not None and len(nodes) >= max_nodes:
                                truncated = True
                                continue
                            nodes[n["uri"]] = n
                            nxt.append(n["uri"])
                        edges[r["uri"] or f'{r["start"]}|{r["type"]}|{r["end"]}'] = r
            frontier = nxt
        if pending:
            found = self._fill_nodes(pending)
            if uri not in found:
                return None
            if len(found) < len(nodes):  # (only if a node went between two queries)
                nodes = {u: n for u, n in nodes.items() if u in found}
                edges = {k: r for k, r in edges.items() if r["start"] in found and r["end"] in found}
        out = {"center": center, "groups": groups_out, "nodes": list(nodes.values()), "edges": list(edges.values()),
               "truncated": truncated}
        if partial:
            out["partial"] = partial
        return out

    def _hood_rows(self, frontier: list[str], take: int, rel_filter: list[str] | None,
                   label_filter: list[str] | None, with_centers: bool, pending: dict | None = None) -> list[list]:
        """The rows `_q_hood_level` describes, for one level (one query; a backend may answer otherwise:
        its nodes may be placeholders `{"uri": …}` registered in `pending`, filled by `_fill_nodes`)."""
        return self.read(self._q_hood_level(sorted({self.label_of(u) for u in frontier}), rel_filter, label_filter),
                         {"uris": frontier, "take": take, "types": rel_filter or []}).rows

    def _fill_nodes(self, pending: dict[str, tuple[dict, str]]) -> set[str]:
        """Fill the placeholders a backend's `_hood_rows` left in `pending` (uri → (placeholder,
        label)); the uris found. Only backends that leave placeholders implement it."""
        raise NotImplementedError

    def _group_rank(self) -> dict[str, int]:
        """Groups are listed in the model's order of relationship types, out before in."""
        order: dict[str, int] = {}
        for rtype in self.model.relationships:
            for d in ("out", "in"):
                order[f"{rtype}:{d}"] = len(order)
        return order

    @abc.abstractmethod
    def _q_hood_level(self, center_labels: list[str], rel_filter: list[str] | None,
                      label_filter: list[str] | None) -> str:
        """One query over a frontier ($uris): per (center, type, direction) a row
        `c, t, out, n, rs, ms` — the center node, the relationship type, true for outgoing, the
        group's full count and its first $take relationships and neighbours in (neighbour uri,
        relationship uri) order. A frontier node without relationships gives one row with t null;
        an unknown uri gives none. `$types` holds rel_filter when it is given."""

    @abc.abstractmethod
    def _label_where(self, var: str, labels: set[str] | None) -> str: ...

    def search(self, text: str, *, limit: int = 20, labels: Iterable[str] | None = None) -> list[dict]:
        """Find nodes by Chinese or English name, alias or pinyin (ranking: graph/search_index.py)."""
        return self.search_page(text, limit=limit, labels=labels)["results"]

    def search_page(self, text: str, *, limit: int = 20, offset: int = 0,
                    labels: Iterable[str] | None = None) -> dict:
        """{"total": the matches (at least that many when "total_exact" is false),
        "results": the page [offset, offset + limit)} — the engine's full-text index finds the
        candidates in one query, search_index judges and ranks them."""
        from . import search_index
        ps = search_index.pieces(text)
        if not ps:
            return {"total": 0, "total_exact": True, "results": []}
        labels = [l for l in labels] if labels else None
        sizes = search_index.windows(offset + limit)
        wins, firsts, more = self._search_candidates(ps, labels, sizes)
        found = search_index.judge(wins, text, labels, firsts=firsts)
        while len(found) < offset + limit and more:
            # many candidates did not match: read the next window only (the ones before are in hand)
            sizes = [sizes[-1] * search_index.GROWTH]
            new, _, more = self._search_candidates(ps, labels, sizes, firsts=False)
            wins += new
            found = search_index.judge(wins, text, labels, firsts=firsts)
        return {"total": len(found), "total_exact": not more, "results": found[offset:offset + limit]}

    @abc.abstractmethod
    def _search_candidates(self, pieces: list[str], labels: list[str] | None, sizes: list[int],
                           firsts: bool = True) -> tuple[list[list[dict]], list[dict], bool]:
        """(for each size n, the first n nodes — of `labels`, when given — in which one of the query's
        pieces may be found (search_index), in the index's order; every park and sub-park, unless
        `firsts` is false; whether the last window is full, so that there may be more), through the
        engine's search index, in one query."""

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
            res = self.read(f"MATCH (n:{label} {{uri: $uri}}) MATCH {_CITED} RETURN q, s {_CITE_ORDER}", {"uri": uri})
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
        # one query over every type (each branch uses that type's uri index) instead of one per type
        q = " UNION ALL ".join(f"MATCH ()-[r:{t} {{uri: $uri}}]->() RETURN r" for t in self.model.rel_types)
        res = self.read(q, {"uri": uri})
        return res.rows[0][0] if res.rows else None

    def observations_with_quotes(self, uri: str) -> list[tuple[dict, list[str]]]:
        """The observations describing a node, each with the uris of the quotes it is derived from,
        in one query (ordered by metric, date, uri as `observations_of`)."""
        label = self.label_of(uri)
        if label not in self.model.relationships["DESCRIBES"].targets:
            return []
        res = self.read(f"MATCH (o:Observation)-[:DESCRIBES]->(x:{label} {{uri: $uri}}) "
                        "OPTIONAL MATCH (o)-[:DERIVED_FROM]->(q:Quote) RETURN o, collect(q.uri) AS qs", {"uri": uri})
        rows = [(o, sorted(q for q in qs if q)) for o, qs in res.rows]
        return sorted(rows, key=lambda r: tuple(_null_last(r[0]["properties"].get(k)) for k in ("metric", "as_of"))
                      + (r[0]["uri"],))

    def citations_batch(self, uri: str, quote_uris: list[str]) -> tuple[list[dict], dict[str, dict]]:
        """`citations(uri)` for a node and the citation of each of `quote_uris`, in one query: the
        entity page's sources for the node, its relationships and its observations together."""
        label = self.label_of(uri)
        own = label is not None and self.model.classes[label].needs_citation
        parts = []
        if own:
            parts.append(f"MATCH (n:{label} {{uri: $uri}})-[:DERIVED_FROM]->(q:Quote)-[:QUOTED_FROM]->(s:Source) "
                         "RETURN true AS own, q, s")
        if quote_uris:
            parts.append("MATCH (q:Quote)-[:QUOTED_FROM]->(s:Source) WHERE q.uri IN $uris RETURN false AS own, q, s")
        if not parts:
            return [], {}
        rows = self.read(" UNION ALL ".join(parts), {"uri": uri, "uris": list(quote_uris)}).rows
        mine = sorted(((q, s) for o, q, s in rows if o), key=_citation_order)
        by_quote = {q["uri"]: _citation(q, s) for o, q, s in sorted(rows, key=lambda r: _citation_order(r[1:])) if not o}
        return [_citation(q, s) for q, s in mine], by_quote

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
        keys = self.stored_keys(label)
        dates = [k for k, p in self.model.classes[label].properties.items() if p.pg_type == "date" and k in keys]
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
                       "properties": dates_at_precision({keys[i]: row[i] for i in order if row[i] is not None}, dates)}
            last = rows[-1][iuri]

    def export_relationships(self, rtype: str, page: int = 20000) -> Iterator[dict]:
        """The relationships `iter_relationships` yields (order as for `export_nodes`), with the
        endpoints' uris read in the same query (no per-endpoint lookups)."""
        keys = list(self.model.rel_properties)
        dates = [k for k, p in self.model.rel_properties.items() if p.pg_type == "date"]
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
                       "properties": dates_at_precision({keys[i]: vals[i] for i in order if vals[i] is not None}, dates)}
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


# a node's citations: the path and the order `citations` and `node_with_citations` both read
_CITED = "(n)-[:DERIVED_FROM]->(q:Quote)-[:QUOTED_FROM]->(s:Source)"
_CITE_ORDER = "ORDER BY s.published, s.uri, q.uri"


def _citation(q: dict, s: dict) -> dict:
    return {"quote": {"uri": q["uri"], **{k: v for k, v in q["properties"].items() if k in ("text", "text_as_found", "repair_note")}},
            "source": {"uri": s["uri"], **{k: v for k, v in s["properties"].items()
                                           if k in ("title", "name_en", "url", "outlet", "author", "published", "kind")}}}


def _null_last(v) -> tuple:
    # ORDER BY's order in both engines: nulls after every value
    return (v is None, "" if v is None else v)


def _citation_order(qs) -> tuple:
    q, s = qs
    return (_null_last(s["properties"].get("published")), s["uri"], q["uri"])


def _fill(row: dict, keys: list[str]) -> dict:
    return {k: row.get(k) for k in keys}


def _batches(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
