"""Run one Neo4j-dialect query on both engines and say how the embedded answer relates to Neo4j's:
same, refused (with the equivalent named), error (the engine rejected the translation: loud, but not a
refusal) or DIFFERENT (a silently different answer: never allowed)."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from parkgraph.errors import ParkGraphError

OWNER_LABEL = "ParkGraphTestSuite"


@dataclass
class Outcome:
    query: str
    verdict: str            # same | refused | error | different | oracle-error
    detail: str = ""
    ran_as: str | None = None


def _norm(v, unordered: bool):
    if isinstance(v, float):
        if math.isfinite(v) and v == int(v) and abs(v) < 2**53:
            return ("num", int(v)) if False else ("num", round(v, 9))
        return ("num", round(v, 9))
    if isinstance(v, bool):
        return ("bool", v)
    if isinstance(v, int):
        return ("num", round(float(v), 9))
    if isinstance(v, dict):
        return ("map", tuple(sorted((k, _norm(x, unordered)) for k, x in v.items())))
    if isinstance(v, list):
        items = [_norm(x, unordered) for x in v]
        return ("list", tuple(sorted(items, key=repr)) if unordered else tuple(items))
    return ("val", v)


def _order_keys(query: str, columns: list[str]) -> list[int] | None:
    """Column indexes of the final RETURN's ORDER BY items ([] when it does not sort; None when an
    item is not a returned column, so that rows must match in order exactly)."""
    from antlr4.tree.Tree import TerminalNode
    from parkgraph.graph.dialect.parse import parse
    tree = parse(query).tree
    stack, returns = [tree], []
    while stack:
        n = stack.pop()
        if isinstance(n, TerminalNode):
            continue
        if type(n).__name__ == "ReturnStContext":
            returns.append(n)
        stack.extend(n.getChildren())
    order = returns[0].projectionBody().orderSt() if returns else None
    if order is None:
        return []
    keys = []
    for item in order.orderItem():
        t = item.expression().getText()
        names = [c.replace(" ", "") for c in columns]
        if t not in names:
            return None
        keys.append(names.index(t))
    return keys


def _schema_shape(rows: list) -> list:
    """db.schema.visualization()'s virtual nodes and relationships as what both engines can give:
    the sorted labels and the sorted relationship types, one per relationship (Neo4j's virtual
    entities have internal ids the console drops, and indexes/constraints are Neo4j's own)."""
    return [[sorted(lb for n in nodes for lb in n["labels"] if lb != OWNER_LABEL),
             sorted(r["type"] for r in rels)] for nodes, rels in rows]


def compare(lb, n4, query: str, *, unordered_lists: bool = False) -> Outcome:
    try:
        want = n4.console_read(query)
    except ParkGraphError as e:
        return Outcome(query, "oracle-error", e.message)
    # The suite marks its Neo4j with an index on this label, so Neo4j's db.labels() lists it too.
    want.rows = [r for r in want.rows if r != [OWNER_LABEL]]
    try:
        got = lb.console_read(query)
    except ParkGraphError as e:
        msg = e.message
        if "write instead" in msg:
            return Outcome(query, "refused", msg)
        return Outcome(query, "error", msg)
    if "db.schema.visualization" in query.lower() and want.columns == ["nodes", "relationships"]:
        want.rows, got.rows = _schema_shape(want.rows), _schema_shape(got.rows)
    a = [tuple(_norm(v, unordered_lists) for v in r) for r in want.rows]
    b = [tuple(_norm(v, unordered_lists) for v in r) for r in got.rows]
    if want.columns != got.columns:
        return Outcome(query, "different", f"columns {want.columns} vs {got.columns}", got.ran_as)
    keys = _order_keys(query, want.columns)
    same = Counter(a) == Counter(b)
    if keys is None:
        same = a == b
    elif keys:
        # sorted on returned columns: the same rows, in the same order of sort keys (ties may differ)
        same = same and [tuple(r[k] for k in keys) for r in a] == [tuple(r[k] for k in keys) for r in b]
    if same:
        return Outcome(query, "same", "", got.ran_as)
    return Outcome(query, "different", f"Neo4j {want.rows[:3]} … vs embedded {got.rows[:3]} …", got.ran_as)
