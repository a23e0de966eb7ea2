"""Rules for Neo4j functions (rows of rules.RULES): type conversions, substring, keys/properties,
shortestPath as a function, dates, rounding, missing properties, renamed functions; and the helpers
other rule families use to recognise a call."""
from __future__ import annotations

import functools
import re

from .render import Renderer, kind


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
