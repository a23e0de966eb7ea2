"""The rules, as a table: one row per Neo4j construct, with the parse-tree node it matches, how it
is printed for LadybugDB (or why it is refused and what to write instead) and an example query.
tests/dialect/test_rules.py runs every example on Neo4j 5.26 and, translated, on LadybugDB and
requires the same rows (or, for refusals, a message naming the equivalent).

A rewrite returns the LadybugDB text, or None when the row does not apply to this node. The rewrites
live by family: rule_functions.py (functions), rule_patterns.py (labels, lists, patterns),
rule_clauses.py (clauses), procedures.py (CALL db.…).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .procedures import procedure as _procedure
from .procedures import schema_visualization as _schema_visualization
from .render import Renderer, span
from .rule_clauses import _projection_item, _with_order
from .rule_functions import (_call, _date_accessor, _date_vs_text, _keys_props, _missing_property, _refuse_fn,
                             _renamed, _round, _shortest_fn, _substring, _to_integer, _to_string)
from .rule_patterns import (_label_test, _list_comprehension, _list_index, _node_labels, _pattern_comprehension,
                            _range, _rel_named, _rel_uniqueness, _subquery)


@dataclass(frozen=True)
class Rule:
    name: str
    node: str                                  # parse-tree node kind it looks at
    matches: str                               # what it matches, in Neo4j's words
    rewrite: Callable[[object, Renderer], str | None]
    example: str                               # a Neo4j query over the bundled data
    refuses: bool = False


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
         # ORDER BY a key of the map: the column `n` is the map on both engines, so `n.uri` would sort by
         # null (an order neither engine defines; LadybugDB's threads made it differ now and then)
         "MATCH (n:Park) RETURN n {.name_zh, .website} ORDER BY n.name_zh"),
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
