"""Neighbourhoods of dense nodes on Neo4j: the groups of a hub without expanding all of it (issue #15).

The level query (Neo4jStore._q_hood_level) expands every relationship of a center, sorts the
neighbours by uri and keeps the first page of each group. For a hub that is the whole cost: at 1M
enterprises 通州园 has about 400,000 tenants, and expanding, sorting and collecting them took 0.7–1.3 s
(bench/RESULTS.md) to show 25. Here a center whose degree (Neo4j's degree store, no expansion) is
above DENSE_CENTER is answered per relationship type and direction instead:

- the group's size from the degree store (`COUNT { (c)-[:T]->() }`);
- a group of at most DENSE_GROUP members: those relationships only (typed expansion), sorted;
- a larger group: the neighbour label's uri index read IN ORDER, each candidate checked for the
  relationship to the center, stopping after `take` hits. The same first page in the same order, but
  a hub holding a share p of a label costs about take / p index entries: 60 for 869 tenants of 2,000
  enterprises (PROFILE, 617 db hits against 1,925 for expand-and-sort), and the same 60 at 1M.
  A group that is large but a small share of its label (a zone with 15,000 of 1M firms) costs
  take / p = 1,700 entries; that is why the index path is kept for groups above DENSE_GROUP.

The rows have the level query's shape (c, t, out, n, rs, ms), so Store.neighbourhood cannot tell the
two apart; tests/graph/test_neighbourhood_dense.py forces this path on every node of the bundled data
and compares the answers.
"""
from __future__ import annotations

from typing import Any

from parkgraph.ontology import Model

DENSE_CENTER = 20_000   # a center's degree above which its groups are read one by one
DENSE_GROUP = 10_000    # a group's size above which its first page comes from the label's uri index


def _labels_cond(var: str, labels: list[str]) -> str:
    return "(" + " OR ".join(f"{var}:{l}" for l in labels) + ")"


def dense_groups(model: Model, label: str, rel_filter: list[str] | None,
                 label_filter: list[str] | None) -> list[tuple[str, bool, list[str]]]:
    """The groups a node of `label` can have under the filters: (type, outgoing?, neighbour labels)."""
    out = []
    for t, rel in model.relationships.items():
        if rel_filter and t not in rel_filter:
            continue
        for outgoing, mine, theirs in ((True, rel.sources, rel.targets), (False, rel.targets, rel.sources)):
            there = [l for l in theirs if not label_filter or l in label_filter]
            if label in mine and there:
                out.append((t, outgoing, there))
    return out


def _arrow(t: str, outgoing: bool, var: str = "r") -> str:
    return f"-[{var}:{t}]->" if outgoing else f"<-[{var}:{t}]-"


def counts_query(label: str, groups: list[tuple[str, bool, list[str]]], filtered: bool) -> str:
    """Every group's size in one query: the degree store, unless a label filter needs the neighbour's label."""
    def count(t: str, outgoing: bool, there: list[str]) -> str:
        if filtered:
            return f"COUNT {{ (c){_arrow(t, outgoing, '')}(m) WHERE {_labels_cond('m', there)} }}"
        return f"COUNT {{ (c){_arrow(t, outgoing, '')}() }}"
    return f"MATCH (c:{label} {{uri: $u}}) RETURN c, [" + ", ".join(count(*g) for g in groups) + "] AS ns"


def _expand_branch(label: str, t: str, outgoing: bool, there: list[str], filtered: bool) -> str:
    """A group of at most DENSE_GROUP members: its relationships only (typed expansion), sorted."""
    where = f" WHERE {_labels_cond('m', there)}" if filtered else ""
    return (f"MATCH (c:{label} {{uri: $u}}){_arrow(t, outgoing)}(m){where} "
            f"WITH r, m ORDER BY m.uri, r.uri LIMIT $take RETURN '{t}' AS t, {str(outgoing).lower()} AS out, r, m")


def _index_branch(label: str, t: str, outgoing: bool, neighbour: str) -> str:
    """A larger group's first page from the neighbour label's uri index read in order (PROFILE: the
    index rows stop at the LIMIT; the relationship to the center is checked from the neighbour's side)."""
    return (f"MATCH (m:{neighbour}) WHERE m.uri IS NOT NULL WITH m ORDER BY m.uri "
            f"MATCH (c:{label} {{uri: $u}}){_arrow(t, outgoing)}(m) WITH r, m LIMIT $take "
            f"RETURN '{t}' AS t, {str(outgoing).lower()} AS out, r, m")


def members_query(label: str, plan: list[tuple[str, bool, list[str], bool]], filtered: bool) -> str:
    """The first page of every non-empty group of a hub in one query: (type, outgoing?, neighbour
    labels, from the index?) per group. The path is chosen here from the sizes, not inside the query:
    a choice inside (a CALL per group with a UNION of both paths) took Neo4j 8–19 s to plan."""
    branches = []
    for t, outgoing, there, by_index in plan:
        if by_index:
            branches += [_index_branch(label, t, outgoing, l) for l in there]
        else:
            branches.append(_expand_branch(label, t, outgoing, there, filtered))
    return "CALL () { " + " UNION ALL ".join(branches) + " } RETURN t, out, r, m"


class Neo4jHood:
    """Neo4jStore's neighbourhood level: the level query, and the dense centers' query after it."""
    # tests lower these to force the dense path on the bundled data
    dense_center = DENSE_CENTER
    dense_group = DENSE_GROUP
    model: Model
    read: Any
    label_of: Any

    def _q_hood_level(self, center_labels: list[str], rel_filter: list[str] | None,
                      label_filter: list[str] | None) -> str:
        # each center is found through its label's uniqueness index (a label-free MATCH would scan
        # every node); the groups are counted and cut in one pass per center: the design notes'
        # hand-written query, 2.45 ms p50 on the bundled data
        find = " UNION ".join(f"MATCH (c:{l} {{uri: u}}) RETURN c" for l in center_labels)
        conds = (["type(r) IN $types"] if rel_filter else []) + \
                (["(" + " OR ".join(f"m:{l}" for l in label_filter) + ")"] if label_filter else [])
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        # a center above DENSE_CENTER relationships (the degree store: no expansion) comes back as one
        # marker row (n = -1) and is read group by group by neo4j_hood.dense_level_query instead
        part = ("WITH c WHERE COUNT {{ (c)--() }} <= $dense_center "
                "OPTIONAL MATCH (c){arrow}(m){where} WITH r, m ORDER BY m.uri, r.uri "
                "RETURN type(r) AS t, {out} AS out, count(r) AS n, collect(r)[..$take] AS rs, collect(m)[..$take] AS ms")
        dense = ("WITH c WHERE COUNT { (c)--() } > $dense_center "
                 "RETURN null AS t, null AS out, -1 AS n, [] AS rs, [] AS ms")
        return (f"UNWIND $uris AS u CALL (u) {{ {find} }} CALL (c) {{ "
                + part.format(arrow="-[r]->", where=where, out="true") + " UNION ALL "
                + part.format(arrow="<-[r]-", where=where, out="false") + " UNION ALL " + dense
                + " } RETURN c, t, out, n, rs, ms")

    def _hood_rows(self, frontier: list[str], take: int, rel_filter: list[str] | None,
                   label_filter: list[str] | None, with_centers: bool, pending: dict | None = None) -> list[list]:
        """The level query, then — only when the level holds centers above `dense_center`
        relationships — one more query for those, group by group (graph/neo4j_hood.py)."""
        params = {"uris": frontier, "take": take, "types": rel_filter or [], "dense_center": self.dense_center}
        rows = self.read(self._q_hood_level(sorted({self.label_of(u) for u in frontier}), rel_filter, label_filter),
                         params).rows
        dense = [r[0]["uri"] for r in rows if r[3] == -1]
        # the marker keeps the center (the first level finds it in the rows) and carries no group
        rows = [r if r[3] != -1 else [r[0], None, None, 0, [], []] for r in rows]
        for u in dense:
            rows += self._dense_rows(u, take, rel_filter, label_filter)
        return rows

    def _dense_rows(self, uri: str, take: int, rel_filter: list[str] | None,
                    label_filter: list[str] | None) -> list[list]:
        """A hub's groups, one by one: sizes from the degree store, then each group's first page.
        Two queries, whatever the hub's size: the sizes, then every group's first page (its text
        depends only on the label and which groups are non-empty and large, so Neo4j plans each
        variant once)."""
        label = self.label_of(uri)
        groups = dense_groups(self.model, label, rel_filter, label_filter)
        if not groups:
            return []
        filtered = bool(label_filter)
        got = self.read(counts_query(label, groups, filtered), {"u": uri}).rows
        if not got:
            return []
        c, ns = got[0]
        sizes = {(t, outgoing): n for (t, outgoing, _), n in zip(groups, ns) if n}
        if not sizes:
            return []
        plan = [(t, outgoing, there, sizes[(t, outgoing)] > self.dense_group)
                for t, outgoing, there in groups if (t, outgoing) in sizes]
        pairs: dict[tuple[str, bool], list] = {}
        for t, outgoing, r, m in self.read(members_query(label, plan, filtered), {"u": uri, "take": take}).rows:
            pairs.setdefault((t, outgoing), []).append((r, m))
        rows = []
        for t, outgoing, _, _ in plan:
            got = sorted(pairs.get((t, outgoing), []), key=lambda p: (p[1]["uri"], p[0]["uri"] or ""))[:take]
            rows.append([c, t, outgoing, sizes[(t, outgoing)], [p[0] for p in got], [p[1] for p in got]])
        return rows
