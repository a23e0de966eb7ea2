"""Neo4j's Cypher → LadybugDB's, for console queries on the embedded engine: translate what has a
faithful equivalent, refuse the rest with the position and the equivalent spelled out, never run a
query that would silently answer differently. The rules are the table in rules.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .parse import ParseProblem, line_col, parse
from .procedures import postprocess_schema
from .render import Refusal, Renderer, kind
from .rules import RULES, Rule, by_kind

__all__ = ["Translation", "translate", "RULES", "Rule", "postprocess_rows"]


@dataclass
class Translation:
    text: str                                  # what runs (the query itself when nothing changed)
    notes: list[str] = field(default_factory=list)
    refused: dict | None = None                # {message, equivalent, line, column}
    rules: list[str] = field(default_factory=list)
    postprocess: dict[int, str] = field(default_factory=dict)  # column index -> 'keys' | 'properties' | 'schema_…'

    @property
    def changed(self) -> bool:
        return self.refused is None and bool(self.rules) and self.text != self._original

    _original: str = ""

    def error_message(self) -> str:
        r = self.refused or {}
        return (f"{r.get('message')} (line {r.get('line')}, column {r.get('column')}). "
                f"On the embedded engine write instead: {r.get('equivalent')}")


# What a parse error most likely is, from the tokens around it: Neo4j forms this grammar lacks.
_PARSE_HINTS = [
    ("{.", "a map projection with .* or a subquery inside is not translated",
     "name the keys: n {.name_zh, .name_en}, or {k: COUNT { … }} as its own column"),
    ("{ .", "a map projection with .* or a subquery inside is not translated",
     "name the keys: n {.name_zh, .name_en}, or {k: COUNT { … }} as its own column"),
    ("CALL {", "CALL { … } subqueries are not translated", "WITH … and a second MATCH, or COUNT { MATCH … }"),
    ("FOREACH", "FOREACH writes: the console is read-only", "a read query"),
]


class _Translator(Renderer):
    def __init__(self, parsed, model, in_use: Callable[[str], list[str]]):
        super().__init__(parsed, by_kind())
        self.model = model
        self._in_use = in_use
        self.in_uniqueness = False
        self.rel_rename: dict = {}
        self.top_level_call = None
        self.column_index = -1
        self._final_items = self._find_final_items(parsed.tree)
        self.var_labels = self._find_var_labels(parsed.tree)

    @staticmethod
    def _find_var_labels(tree) -> dict:
        """Variable → the labels its node patterns give it ('*' when none): what `n.key` can hold."""
        from .parse import LABEL_OR
        out: dict = {}
        stack = [tree]
        while stack:
            n = stack.pop()
            if kind(n) == "Terminal":
                continue
            if kind(n) == "NodePattern" and n.symbol() is not None:
                var = n.symbol().getText()
                labels = n.nodeLabels()
                if labels is not None:
                    names = [x for nm in labels.name() for x in nm.getText().split(LABEL_OR)]
                    prev = out.get(var)
                    out[var] = sorted(set(names) | (set(prev) if isinstance(prev, list) else set()))
                else:
                    out.setdefault(var, "*")
            if kind(n) in ("UnwindSt", "WithSt", "FilterExpression", "YieldItem", "PatternPart"):
                # a variable also bound by UNWIND/WITH/a list predicate/a path may not be a node
                for sym in _symbols_bound(n):
                    out[sym] = None
            stack.extend(n.getChildren())
        return {k: v for k, v in out.items() if v is not None}

    def in_use(self, table_type: str) -> list[str]:
        return self._in_use(table_type)

    @staticmethod
    def _find_final_items(tree) -> dict[int, int]:
        out: dict[int, int] = {}
        stack = [tree]
        while stack:
            n = stack.pop()
            if kind(n) == "Terminal" or kind(n) == "SubqueryExist":
                continue
            if kind(n) == "ReturnSt":
                items = n.projectionBody().projectionItems().projectionItem()
                star = n.projectionBody().projectionItems().MULT() is not None
                for i, it in enumerate(items):
                    out[id(it)] = i + (1 if star else 0)
                continue
            stack.extend(n.getChildren())
        return out

    def in_final_return(self, node) -> bool:
        return id(node) in self._final_items

    def column_of(self, node) -> int:
        return self._final_items[id(node)]


def _symbols_bound(n) -> list[str]:
    k = kind(n)
    if k == "UnwindSt" or k == "FilterExpression":
        return [n.symbol().getText()]
    if k == "PatternPart":
        return [n.symbol().getText()] if n.symbol() is not None else []
    if k == "YieldItem":
        return [s.getText() for s in n.symbol()]
    if k == "WithSt":
        return [it.symbol().getText() for it in n.projectionBody().projectionItems().projectionItem()
                if it.symbol() is not None]
    return []


def _model_in_use(model) -> Callable[[str], list[str]]:
    def in_use(table_type: str) -> list[str]:
        if table_type == "NODE":
            return list(model.classes)
        return sorted(model.relationships)
    return in_use


def translate(query: str, model, in_use: Callable[[str], list[str]] | None = None) -> Translation:
    """Translate one Neo4j-dialect read query for LadybugDB. `in_use(kind)` lists the node labels
    ('NODE') or relationship types ('REL') db.labels()/db.relationshipTypes() answer with; by default
    the ontology's, as on Neo4j, where the schema's constraints create every label of the model."""
    try:
        parsed = parse(query)
        r = _Translator(parsed, model, in_use or _model_in_use(model))
        text = r.render(parsed.tree).rstrip().rstrip(";").rstrip()
    except ParseProblem as e:
        line, col = line_col(query, e.offset)
        message, equivalent = f"not understood: {e.message}", "see the README's table of equivalents"
        around = query[max(0, e.offset - 40):e.offset + 10]
        for needle, msg, eq in _PARSE_HINTS:
            if needle.lower() in around.lower().replace("  ", " "):
                message, equivalent = msg, eq
                break
        return Translation(query, refused={"message": message, "equivalent": equivalent,
                                           "line": line, "column": col}, _original=query)
    except Refusal as e:
        line, col = line_col(query, e.offset)
        return Translation(query, refused={"message": e.message, "equivalent": e.equivalent,
                                           "line": line, "column": col}, _original=query)
    except RecursionError:
        return Translation(query, refused={"message": "the query is nested too deeply to translate",
                                           "equivalent": "fewer nested parentheses or lists", "line": 1, "column": 1},
                           _original=query)
    except Exception as e:  # noqa: BLE001 — fail closed: an untranslatable query never runs as typed
        return Translation(query, refused={"message": f"the dialect layer could not translate this query ({type(e).__name__})",
                                           "equivalent": "the README's table of equivalents, in the embedded engine's own dialect",
                                           "line": 1, "column": 1}, _original=query)
    rules = [u for u in r.used if u != "column names"]
    if parsed.groups:
        rules.append("map projection")   # rewritten on the token stream before parsing
    if not rules:
        # only column names were added: run the query as typed would name columns differently, so
        # the aliased text runs, but it is not shown as a translation
        return Translation(text, r.notes, None, [], r.postprocess, _original=text)
    return Translation(text, r.notes, None, rules, r.postprocess, _original=query)


def postprocess_rows(rows: list[list[Any]], post: dict[int, str],
                     iri_of: Callable[[str], str | None] = lambda label: None) -> list[list[Any]]:
    """keys(n)/properties(n) ran as properties(n): drop absent (null) values as Neo4j does;
    db.schema.visualization()'s cells become nodes and relationships (`iri_of`: a label's class IRI)."""
    if not post:
        return rows
    out = []
    for row in rows:
        row = list(row)
        for i, how in post.items():
            if how.startswith("schema_"):
                postprocess_schema(row, how, i, iri_of)
                continue
            v = row[i] if i < len(row) else None
            if isinstance(v, dict):
                present = {k: x for k, x in v.items() if x is not None and not k.startswith("_")}
                row[i] = list(present) if how == "keys" else present
        out.append(row)
    return out
