"""The rules, as a table: one row per Neo4j construct, with the parse-tree node it matches, how it
is printed for LadybugDB (or why it is refused and what to write instead) and an example query.
tests/dialect/test_rules.py runs every example on Neo4j 5.26 and, translated, on LadybugDB and
requires the same rows (or, for refusals, a message naming the equivalent).

A rewrite returns the LadybugDB text, or None when the row does not apply to this node.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

from .parse import LABEL_OR
from .procedures import procedure as _procedure
from .procedures import schema_visualization as _schema_visualization
from .render import Renderer, kind, span

# LadybugDB's variable-length patterns need an upper bound; it uses 30 when none is given.
DEFAULT_MAX_HOPS = 30


@dataclass(frozen=True)
class Rule:
    name: str
    node: str                                  # parse-tree node kind it looks at
    matches: str                               # what it matches, in Neo4j's words
    rewrite: Callable[[object, Renderer], str | None]
    example: str                               # a Neo4j query over the bundled data
    refuses: bool = False


# ---------------------------------------------------------------- helpers
def _fname(node) -> str:
    return node.invocationName().getText().lower()


def _args(node) -> list:
    chain = node.expressionChain()
    if chain is not None:
        return list(chain.expression())
    # This grammar reads f(g(x)) as f applied to a pattern element that is the call g(x).
    return [node.patternElem()] if node.patternElem() is not None else []


def _int_literal(r: Renderer, expr) -> int | None:
    t = r.src(expr).strip()
    try:
        return int(t)
    except ValueError:
        return None


def _plus_one(r: Renderer, expr) -> str:
    n = _int_literal(r, expr)
    return str(n + 1) if n is not None else f"({r.render(expr)}) + 1"


def _fn(name: str):
    def check(node, r: Renderer) -> bool:
        return _fname(node) == name.lower()
    return check


def _call(names: tuple[str, ...], build):
    def rewrite(node, r: Renderer):
        if _fname(node) not in names:
            return None
        return build(node, r, [r.render(a) for a in _args(node)])
    return rewrite


def _refuse_fn(names: tuple[str, ...], message: str, equivalent: str):
    def rewrite(node, r: Renderer):
        if _fname(node) in names:
            r.refuse(node, message, equivalent)
        return None
    return rewrite


# ---------------------------------------------------------------- functions
def _to_integer(node, r, a):
    # Neo4j truncates toward zero; LadybugDB's CAST(2.7 AS INT64) rounds to 3.
    d = f"CAST({a[0]} AS DOUBLE)"
    return f"CAST(CASE WHEN {d} < 0 THEN ceil({d}) ELSE floor({d}) END AS INT64)"


def _to_string(node, r: Renderer, a):
    arg = _args(node)[0]
    t = r.src(arg).strip()
    safe = t[:1] in ("'", '"') or _int_literal(r, arg) is not None
    if not safe and kind(arg) == "Expression":
        # a property whose type in the ontology is text or a date prints the same on both engines
        prop = t.rsplit(".", 1)[-1] if "." in t and "(" not in t else None
        types = {p.pg_type for c in r.model.classes.values() for k, p in c.properties.items() if k == prop}
        safe = bool(types) and types <= {"string", "date"}
    if not safe:
        r.refuse(node, "toString() of a number or boolean prints differently on the embedded engine "
                       "(2.5 → '2.500000', true → 'True')",
                 "keep the value as it is, or use CAST(x AS STRING) and accept the engine's format")
    return f"CAST({a[0]} AS STRING)"


def _substring(node, r, a):
    args = _args(node)
    start = _plus_one(r, args[1])
    length = a[2] if len(a) > 2 else f"size({a[0]})"
    return f"substring({a[0]}, {start}, {length})"


def _keys_props(node, r: Renderer):
    name = _fname(node)
    if name not in ("keys", "properties"):
        return None
    if r.top_level_call is not node:
        r.refuse(node, f"{name}() on the embedded engine lists every column of the table, also the absent "
                       "(null) ones, so it is only translated as a returned column of its own",
                 f"RETURN {name}(n) as its own column, or name the properties: n.name_zh, n.name_en")
    a = r.render(_args(node)[0])
    r.postprocess[r.column_index] = name  # drop nulls (properties) / keys of non-null values (keys)
    return f"properties({a})"


def _shortest_fn(node, r: Renderer):
    name = _fname(node)
    if name not in ("shortestpath", "allshortestpaths"):
        return None
    elem = node.patternElem()
    if elem is None:
        r.refuse(node, f"{name}() needs a pattern", "MATCH p = shortestPath((a)-[*..6]-(b))")
    r.shortest = "SHORTEST" if name == "shortestpath" else "ALL SHORTEST"
    try:
        return r.render(elem)
    finally:
        r.shortest = None


_ISO = "'^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'"
_DATE_PROPERTY = re.compile(r"[A-Za-z_][A-Za-z_0-9]*\.[A-Za-z_][A-Za-z_0-9]*")


@functools.lru_cache(maxsize=1)
def _date_keys() -> frozenset[str]:
    """The ontology's date-typed property keys: stored as DATE on both engines (not text)."""
    from parkgraph.ontology import load_model
    m = load_model()
    keys = {k for c in m.classes.values() for k, p in c.properties.items() if p.pg_type == "date"}
    return frozenset(keys | {k for k, p in m.rel_properties.items() if p.pg_type == "date"})
_PART_AT = {"year": (1, 4), "month": (6, 2), "day": (9, 2)}


def _date_accessor(node, r: Renderer):
    atom, names = node.atom(), node.name()
    if not names or atom.functionInvocation() is None:
        return None
    fn = atom.functionInvocation()
    if _fname(fn) not in ("date", "datetime", "localdatetime"):
        return None
    part = names[0].getText().lower()
    if part not in ("year", "month", "day", "quarter") or len(names) > 1:
        r.refuse(node, f"the accessor .{names[0].getText()} has no equivalent here",
                 "date_part('year'|'month'|'day'|'quarter', date(x))")
    if _fname(fn) != "date":
        r.refuse(fn, f"{_fname(fn)}() is not available on the embedded engine", "timestamp(x) or date(x)")
    args = _args(fn)
    if len(args) == 1 and _DATE_PROPERTY.fullmatch(r.src(args[0]).strip() or ""):
        key = r.src(args[0]).strip().split(".")[-1]
        if key in _date_keys():  # a DATE property already: date(x) is x
            return f"date_part('{part}', {r.render(args[0])})"
    whole = f"date_part('{part}', {r.render(fn)})"
    if len(args) != 1 or part == "quarter":
        return whole
    # Neo4j's date('2025') and date('2025-03') are the first day of the year/month; LadybugDB's date()
    # takes only YYYY-MM-DD. Read the parts of such strings directly, and leave the rest to date().
    x = r.render(args[0])
    start, length = _PART_AT[part]
    # LadybugDB evaluates both branches of a CASE, so each branch gets an input it cannot fail on.
    iso = f"CASE WHEN {x} =~ {_ISO} THEN {x} ELSE '1970-01-01' END"
    other = f"CASE WHEN {x} =~ {_ISO} THEN '1970-01-01' ELSE {x} END"
    # '2025' and '2025-03' padded with '-01-01' read as Neo4j reads them: the first month/day
    direct = f"CAST(substring({iso} + '-01-01', {start}, {length}) AS INT64)"
    return f"(CASE WHEN {x} =~ {_ISO} THEN {direct} ELSE date_part('{part}', date({other})) END)"


def _date_vs_text(node, r: Renderer):
    """`e.date >= '2020-01-01'`: on Neo4j a DATE compared with text is null (no row); the embedded
    engine would convert the text and answer rows. Refused, with the comparison Neo4j users mean."""
    parent = getattr(node, "parentCtx", None)
    if parent is None:
        return None
    kids = [k for k in parent.getChildren() if k is node or r.src(k).strip()]  # the grammar keeps spaces as children
    i = kids.index(node) if node in kids else -1
    if i <= 0 or i + 1 >= len(kids):
        return None
    sides = [r.src(kids[i - 1]).strip(), r.src(kids[i + 1]).strip()]
    is_date = [bool(_DATE_PROPERTY.fullmatch(x)) and x.split(".")[-1] in _date_keys() for x in sides]
    is_text = [x[:1] in ("'", '"') for x in sides]
    if (is_date[0] and is_text[1]) or (is_date[1] and is_text[0]):
        text = sides[1] if is_text[1] else sides[0]
        r.refuse(node, "compares a date with text: Neo4j answers null for that (no row), the embedded engine "
                       "would read the text as a date", f"compare with a date: … {r.src(node).strip()} date({text})")
    return None


def _round(node, r: Renderer):
    if _fname(node) != "round" or len(_args(node)) != 1:
        return None
    # Neo4j's round(x) rounds half up (toward +infinity), as Java's Math.round: floor(x + 0.5)
    return f"floor(({r.render(_args(node)[0])}) + 0.5)"


def _missing_property(node, r: Renderer):
    """Neo4j answers null for a property a node does not have; LadybugDB rejects a property its table
    lacks. Where the query binds the variable to labels that have no such property, write null."""
    atom, names = node.atom(), node.name()
    if len(names) != 1 or atom.symbol() is None:
        return None
    var, key = atom.symbol().getText(), names[0].getText()
    labels = r.var_labels.get(var)
    if labels is None:
        return None
    if labels == "*":
        known = {k for c in r.model.classes.values() for k in c.properties}
    else:
        classes = [r.model.classes[l] for l in labels if l in r.model.classes]
        if len(classes) != len(labels):
            return None
        known = {k for c in classes for k in c.properties}
    if key in known:
        return None
    r.notes.append(f"{var}.{key}: no {'node' if labels == '*' else '/'.join(labels)} has this property, so it is null")
    return "NULL"


_RENAMED = {"tolower": "lower", "toupper": "upper"}


def _renamed(node, r: Renderer):
    new = _RENAMED.get(_fname(node))
    if new is None:
        return None
    return f"{new}(" + ", ".join(r.render(a) for a in _args(node)) + ")"


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


RULES: list[Rule] = [
    Rule("labels", "FunctionInvocation", "labels(n)",
         _call(("labels",), lambda n, r, a: f"[label({a[0]})]"),
         "MATCH (n) WHERE n.uri ENDS WITH '/park/beijing' RETURN labels(n)"),
    Rule("type", "FunctionInvocation", "type(r)",
         _call(("type",), lambda n, r, a: f"label({a[0]})"),
         "MATCH (:Park)-[r]->(x:Region) RETURN DISTINCT type(r)"),
    Rule("toInteger", "FunctionInvocation", "toInteger(x)", _call(("tointeger",), _to_integer),
         "MATCH (o:Observation) WHERE o.value IS NOT NULL RETURN toInteger(o.value) AS v ORDER BY v LIMIT 5"),
    Rule("toFloat", "FunctionInvocation", "toFloat(x)",
         _call(("tofloat",), lambda n, r, a: f"CAST({a[0]} AS DOUBLE)"),
         "MATCH (e:Event) RETURN toFloat(substring(toString(e.date), 0, 4)) AS y ORDER BY y LIMIT 3"),
    Rule("toString", "FunctionInvocation", "toString(x) of text, dates and integers",
         _call(("tostring",), _to_string),
         "MATCH (e:Event) RETURN toString(e.date) AS d ORDER BY d LIMIT 3"),
    Rule("toBoolean", "FunctionInvocation", "toBoolean(x)",
         _call(("toboolean",), lambda n, r, a: f"CAST({a[0]} AS BOOLEAN)"),
         "RETURN toBoolean('true') AS t, toBoolean('false') AS f"),
    Rule("substring", "FunctionInvocation", "substring(s, start[, length]) (0-based start)",
         _call(("substring",), _substring),
         "MATCH (e:Event) RETURN substring(toString(e.date), 0, 4) AS year, count(*) AS n ORDER BY year"),
    Rule("toLower/toUpper", "FunctionInvocation", "toLower(s), toUpper(s)", _renamed,
         "MATCH (p:Park) RETURN toUpper(p.level) AS l, toLower(p.name_en) AS n ORDER BY n"),
    # string_split('a//b', '/') drops the empty part Neo4j's split() keeps: measured, not translated.
    Rule("split", "FunctionInvocation", "split(s, delimiter)",
         _refuse_fn(("split",), "split() keeps empty parts on Neo4j; the embedded engine's string_split() drops them",
                    "string_split(s, d) when no part can be empty, or STARTS WITH / ENDS WITH / CONTAINS tests"),
         "MATCH (p:Park) RETURN split(p.uri, '/')[5] AS id ORDER BY id", refuses=True),
    Rule("keys/properties", "FunctionInvocation", "keys(n), properties(n) as a returned column",
         _keys_props, "MATCH (p:Park) RETURN properties(p) ORDER BY p.uri"),
    Rule("shortestPath", "FunctionInvocation", "shortestPath(...), allShortestPaths(...)", _shortest_fn,
         "MATCH p = shortestPath((a:Park {uri: 'https://w3id.org/parkgraph/id/park/beijing'})-[*..6]-"
         "(b:Park {uri: 'https://w3id.org/parkgraph/id/park/changsha'})) RETURN length(p)"),
    Rule("elementId", "FunctionInvocation", "elementId(n), id(n)",
         _refuse_fn(("elementid", "id"), "internal ids are not available (and ParkGraph never exposes them)",
                    "n.uri, the node's stable IRI"),
         "MATCH (n:Park) RETURN elementId(n)", refuses=True),
    Rule("startNode/endNode", "FunctionInvocation", "startNode(r), endNode(r)",
         _refuse_fn(("startnode", "endnode"), "startNode()/endNode() are not available on the embedded engine",
                    "name the ends in the pattern: MATCH (a)-[r]->(b) and use a, b"),
         "MATCH ()-[r:LOCATED_IN]->() RETURN startNode(r).uri LIMIT 1", refuses=True),
    Rule("round", "FunctionInvocation", "round(x) (half up)", _round,
         "MATCH (o:Observation) RETURN round(avg(o.value)) AS avg"),
    Rule("missing property", "PropertyExpression", "n.key where n's labels have no such property", _missing_property,
         "MATCH (s:SubPark) RETURN s.name_zh, s.level ORDER BY s.name_zh"),
    Rule("date accessor", "PropertyExpression", "date(x).year / .month / .day / .quarter", _date_accessor,
         "MATCH (e:Event) RETURN date(e.date).year AS y, count(*) AS n ORDER BY y"),
    Rule("date compared with text", "ComparisonSigns", "d >= '2020-01-01' where d is a DATE property",
         _date_vs_text, "MATCH (e:Event) WHERE e.date >= '2020-01-01' RETURN count(e)", refuses=True),
    Rule("regex match", "ComparisonSigns", "s =~ 'regex'", lambda n, r: "=~" if span(n)[0] in r.p.regex_at else None,
         "MATCH (n:Enterprise) WHERE n.name_en =~ 'Beijing.*' RETURN count(n)"),
    Rule("label test", "PropertyOrLabelExpression", "WHERE n:A, n:A|B, n:A OR n:B", _label_test,
         "MATCH (n) WHERE n:Park OR n:SubPark RETURN n.uri ORDER BY n.uri"),
    Rule("label alternatives", "NodeLabels", "(n:A|B) in a pattern", _node_labels,
         "MATCH (n:Park|SubPark) RETURN count(n)"),
    Rule("list index and slice", "ListExpression", "list[i], list[a..b] (0-based, end excluded)", _list_index,
         "MATCH (p:Park) RETURN p.aliases[0] AS first, p.aliases[0..2] AS two ORDER BY p.uri"),
    Rule("list comprehension", "ListComprehension", "[x IN list WHERE p | e]", _list_comprehension,
         "MATCH (p:Park) RETURN [a IN p.aliases WHERE size(a) > 8 | size(a)] AS lens ORDER BY p.uri"),
    # done on the token stream before parsing (parse.py), as the grammar lacks it: no tree node to match
    Rule("map projection", "-", "n {.a, .b, key: expr}", lambda n, r: None,
         "MATCH (n:Park) RETURN n {.name_zh, .website} ORDER BY n.uri"),
    Rule("pattern comprehension", "PatternComprehension", "[(a)-->(b) | b.x]", _pattern_comprehension,
         "MATCH (p:Park) RETURN [(p)-[:LOCATED_IN]->(r) | r.name_en] AS regions", refuses=True),
    Rule("variable length", "RangeLit", "-[*a..b]- (no relationship repeats) and shortest paths", _range,
         "MATCH (a:Park)-[*1..2]-(b) RETURN count(*) AS n"),
    Rule("relationship uniqueness", "PatternWhere", "several relationships in one MATCH", _rel_uniqueness,
         "MATCH (a:Park)--(b)--(c) RETURN count(*) AS n"),
    Rule("relationship names", "RelationshipPattern", "an anonymous relationship the uniqueness rule names",
         _rel_named, "MATCH (a:Park)-->(b)<--(c) RETURN count(*) AS n"),
    Rule("COUNT/EXISTS subquery", "SubqueryExist", "COUNT { pattern }, EXISTS { pattern }", _subquery,
         "MATCH (p:Park) RETURN p.uri, COUNT { (p)<-[:TENANT_OF]-() } AS tenants ORDER BY tenants DESC, p.uri"),
    Rule("db.labels / db.relationshipTypes", "QueryCallSt", "CALL db.labels() YIELD label …", _procedure,
         "CALL db.labels() YIELD label RETURN label ORDER BY label"),
    Rule("standalone CALL", "StandaloneCall", "CALL db.relationshipTypes()", _procedure,
         "CALL db.relationshipTypes()"),
    Rule("db.schema.visualization", "StandaloneCall", "CALL db.schema.visualization()", _schema_visualization,
         "CALL db.schema.visualization()"),
    Rule("WITH ORDER BY", "WithSt", "WITH … ORDER BY … (without SKIP/LIMIT)", _with_order,
         "MATCH (p:Park) WITH p ORDER BY p.uri RETURN collect(p.uri) AS uris", refuses=True),
    Rule("column names", "ProjectionItem", "un-aliased RETURN items", _projection_item,
         "MATCH (p:Park) RETURN p.name_en, count(*) ORDER BY p.name_en"),
]


def by_kind() -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = {}
    for rule in RULES:
        out.setdefault(rule.node, []).append(rule)
    return out
