"""Rules for clauses (rows of rules.RULES): WITH … ORDER BY, and un-aliased column names."""
from __future__ import annotations

from .render import Renderer, kind, span


# ---------------------------------------------------------------- clauses
def _with_order(node, r: Renderer):
    body = node.projectionBody()
    if body.orderSt() is not None and body.skipSt() is None and body.limitSt() is None:
        r.refuse(body.orderSt(), "WITH … ORDER BY without SKIP or LIMIT: the embedded engine does not keep that "
                                 "order into collect() or the next clause",
                 "list_sort(collect(x)) to sort a list, or ORDER BY in the final RETURN")
    return None


def _projection_item(node, r: Renderer):
    """Neo4j names an un-aliased column by the expression as typed: do the same."""
    if not r.in_final_return(node):
        return None
    expr = node.expression()
    r.column_index = r.column_of(node)
    fn = _only_call(expr)
    r.top_level_call = fn
    try:
        out = r.render(expr)
    finally:
        r.top_level_call = None
    if node.symbol() is not None:
        return f"{out} AS {r.render(node.symbol())}"
    name = r.typed(expr)
    a, b = span(expr)
    if any(g[0] == a and g[1] == b + 1 for g in r.p.groups):
        name = name.split("{", 1)[0].strip()   # Neo4j names a map projection's column by its variable
    name = name.replace("`", "``")
    return f"{out} AS `{name}`"


def _only_call(expr):
    """The function call that is the whole expression, if it is one."""
    n = expr
    while n is not None and kind(n) != "FunctionInvocation":
        kids = [c for c in n.getChildren() if span(c)[0] is not None and kind(c) != "Terminal"]
        terms = [c for c in n.getChildren() if kind(c) == "Terminal" and c.getText().strip()]
        if len(kids) != 1 or terms:
            return None
        n = kids[0]
    return n
