"""Rules for labels, lists and patterns (rows of rules.RULES): label tests and alternatives, list
index/slice and comprehensions, variable-length patterns, relationship uniqueness, subqueries."""
from __future__ import annotations

from .parse import LABEL_OR
from .render import Renderer, kind, span
from .rule_functions import _int_literal

# LadybugDB's variable-length patterns need an upper bound; it uses 30 when none is given.
DEFAULT_MAX_HOPS = 30


# ---------------------------------------------------------------- labels
def _label_names(r: Renderer, labels_node) -> list[list[str]]:
    """[[A, B]] for :A|B, [[A], [B]] for :A:B (both)."""
    return [n.getText().split(LABEL_OR) for n in labels_node.name()]


def _label_test(node, r: Renderer):
    labels = node.nodeLabels()
    if labels is None:
        return None
    subject = r.render(node.propertyExpression())
    parts = []
    for alts in _label_names(r, labels):
        parts.append(f"label({subject}) = '{alts[0]}'" if len(alts) == 1
                     else f"label({subject}) IN [{', '.join(repr(a) for a in alts)}]")
    return "(" + " AND ".join(parts) + ")"


def _node_labels(node, r: Renderer):
    groups = _label_names(r, node)
    if len(groups) > 1:
        r.refuse(node, "`:A:B` asks for a node with both labels; on the embedded engine a node has one label "
                       "and `:A:B` there means either",
                 "one label (:A), or :A|B for either")
    if len(groups[0]) > 1:
        return ":" + ":".join(groups[0])   # LadybugDB's (n:A:B) means A or B
    return None


# ---------------------------------------------------------------- lists
def _list_index(node, r: Renderer):
    if node.IN() is not None:
        return None
    exprs = node.expression()
    text = r.src(node)
    if node.RANGE() is None:
        e = exprs[0]
        n = _int_literal(r, e)
        t = r.src(e).strip()
        if t[:1] in ("'", '"'):
            r.refuse(node, "dynamic property access x['key'] is not available on the embedded engine",
                     "x.key")
        if n is not None:
            return f"[{n + 1 if n >= 0 else n}]"   # negative indexes count from the end on both
        v = r.render(e)
        return f"[CASE WHEN ({v}) < 0 THEN ({v}) ELSE ({v}) + 1 END]"
    # a slice: Neo4j's [a..b] is 0-based and excludes b; LadybugDB's is 1-based and includes b
    inside = text[1:-1]
    lo_txt, _, hi_txt = inside.partition("..")
    bounds = []
    for t in (lo_txt.strip(), hi_txt.strip()):
        try:
            bounds.append(int(t) if t else None)
        except ValueError:
            r.refuse(node, "a slice with computed bounds has no faithful equivalent (0-based, end excluded)",
                     "literal bounds, e.g. list[0..3] (translated to list[1..3])")
    lo, hi = bounds
    if (lo is not None and lo < 0) or (hi is not None and hi < 0) or hi is None:
        r.refuse(node, "a slice counting from the end, or without an end, has no faithful equivalent here",
                 "list[1..size(list)] style bounds, 1-based and inclusive on the embedded engine")
    lo = 0 if lo is None else lo
    if hi <= lo:
        r.refuse(node, "an empty slice", "[] ")
    return f"[{lo + 1}..{hi}]"


def _list_comprehension(node, r: Renderer):
    f = node.filterExpression()
    var = r.render(f.symbol())
    src = r.render(f.expression())
    out = src
    if f.where() is not None:
        out = f"list_filter({out}, {var} -> {r.render(f.where().expression())})"
    if node.expression() is not None:
        out = f"list_transform({out}, {var} -> {r.render(node.expression())})"
    return out


def _pattern_comprehension(node, r: Renderer):
    r.refuse(node, "pattern comprehension [(a)-->(b) | b.x] is not available on the embedded engine",
             "OPTIONAL MATCH (a)-->(b) … collect(b.x), or COUNT { MATCH (a)-->(b) } for a count")


# ---------------------------------------------------------------- patterns
def _range(node, r: Renderer):
    txt = r.src(node)[1:].replace(" ", "")
    lo_txt, dots, hi_txt = txt.partition("..")
    if not dots:
        lo = hi = lo_txt or None
        if lo is None:
            lo, hi = "1", None
    else:
        lo, hi = lo_txt or "1", hi_txt or None
    if hi is None:
        r.notes.append(f"an unbounded variable-length pattern stops at {DEFAULT_MAX_HOPS} hops on the embedded engine")
        hi = str(DEFAULT_MAX_HOPS)
    mode = r.shortest or "TRAIL"   # Neo4j never repeats a relationship within one pattern: TRAIL
    return f"* {mode} {lo}..{hi}"


def _rel_uniqueness(node, r: Renderer):
    """Neo4j lets no relationship repeat within one MATCH; LadybugDB does. Name every relationship and
    add `r1 <> r2` for each pair that could be the same relationship."""
    rels = [d for d in _walk(node.pattern()) if kind(d) == "RelationshipPattern"]
    if len(rels) < 2 or r.in_uniqueness:
        return None
    def types_of(p) -> set[str]:
        d = p.relationDetail()
        if d is None or d.relationshipTypes() is None:
            return set()
        return {n.getText().lstrip(":") for n in d.relationshipTypes().name()}

    def may_share(ta: set[str], tb: set[str]) -> bool:
        return not ta or not tb or bool(ta & tb)

    fixed = [p for p in rels if not (p.relationDetail() and p.relationDetail().rangeLit())]
    for v in (p for p in rels if p not in fixed):
        if any(may_share(types_of(v), types_of(o)) for o in rels if o is not v):
            r.refuse(node, "relationship uniqueness between a variable-length relationship and another one of "
                           "the same type in one MATCH has no faithful equivalent on the embedded engine",
                     "give them different types, or write one variable-length pattern (* TRAIL)")
    names, replace = [], {}
    for p in fixed:
        d = p.relationDetail()
        types = types_of(p)
        if d is not None and d.symbol() is not None:
            names.append((d.symbol().getText(), types))
        else:
            name = r.new_name("r")
            names.append((name, types))
            replace[p] = name
    conds = [f"{a} <> {b}" for i, (a, ta) in enumerate(names) for b, tb in names[i + 1:]
             if may_share(ta, tb)]
    if not conds:
        return None
    r.in_uniqueness = True
    try:
        r.rel_rename = replace
        pattern = r.render(node.pattern())
        where = node.where()
        if where is not None:
            cond = f"({r.render(where.expression())}) AND " + " AND ".join(conds)
        else:
            cond = " AND ".join(conds)
    finally:
        r.in_uniqueness = False
        r.rel_rename = {}
    return f"{pattern} WHERE {cond}"


def _rel_named(node, r: Renderer):
    """Give an anonymous relationship the name the uniqueness rule chose for it."""
    name = r.rel_rename.get(node)
    if name is None:
        return None
    d = node.relationDetail()
    if d is None:
        text = r.default(node)            # `--`, `-->`, `<--`: put `[name]` after the first dash
        i = text.index("-")
        return text[:i + 1] + f"[{name}]" + text[i + 1:]
    return r.default(node, replace={d: "[" + name + r.render(d)[1:]})


def _walk(node):
    from antlr4.tree.Tree import TerminalNode
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, TerminalNode):
            continue
        yield n
        if kind(n) in ("SubqueryExist", "PatternComprehension"):
            continue
        stack.extend(reversed(list(n.getChildren())))


def _subquery(node, r: Renderer):
    a, _ = span(node)
    word = "COUNT" if a in r.p.count_at else "EXISTS"
    if node.patternWhere() is None:
        r.refuse(node, f"{word} {{ … RETURN … }} with a full query inside is not translated",
                 f"{word} {{ MATCH pattern WHERE condition }}")
    return f"{word} {{ MATCH {r.render(node.patternWhere())} }}"
