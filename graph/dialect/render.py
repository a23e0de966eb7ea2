"""Walk the parse tree and print it back in LadybugDB's dialect.

Every node prints as the text it spans, with its children's printouts put in place of their spans;
a rule from rules.RULES that matches a node prints it instead. Rules see the already-printed
children through `Renderer.render`, so rewrites nest (labels(n)[0] → [label(n)][1]).
"""
from __future__ import annotations

from antlr4 import Token
from antlr4.tree.Tree import TerminalNode

from .parse import Parsed


class Refusal(Exception):
    """No faithful equivalent: `message` says what is missing and `equivalent` what to write."""

    def __init__(self, message: str, equivalent: str, offset: int):
        super().__init__(message)
        self.message = message
        self.equivalent = equivalent
        self.offset = offset


def kind(node) -> str:
    return type(node).__name__[:-len("Context")] if not isinstance(node, TerminalNode) else "Terminal"


def span(node) -> tuple[int | None, int | None]:
    if isinstance(node, TerminalNode):
        t = node.symbol
        if t.type == Token.EOF:
            return None, None
        return t.start, t.stop
    if node.start is None or node.stop is None or node.stop.stop < node.start.start:
        return None, None
    if node.stop.type == Token.EOF:
        return node.start.start, node.stop.start - 1
    return node.start.start, node.stop.stop


class Renderer:
    def __init__(self, parsed: Parsed, rules_by_kind: dict):
        self.p = parsed
        self.text = parsed.text
        self.rules_by_kind = rules_by_kind
        self.used: list[str] = []
        self.notes: list[str] = []
        self.shortest: str | None = None   # 'SHORTEST' / 'ALL SHORTEST' inside shortestPath(...)
        self.fresh = 0
        self.rel_names: list[tuple[str, object]] | None = None  # collecting a MATCH's relationships
        self.final_return = None
        self.postprocess: dict[int, str] = {}

    # -- helpers the rules use
    def src(self, node) -> str:
        a, b = span(node)
        return "" if a is None else self.text[a:b + 1]

    def typed(self, node) -> str:
        """The text as the user typed it (Neo4j's column name for an un-aliased item)."""
        a, b = span(node)
        return "" if a is None else self.p.original_span(a, b)

    def offset(self, node) -> int:
        a, _ = span(node)
        return self.p.orig_offset(a or 0)

    def refuse(self, node, message: str, equivalent: str):
        raise Refusal(message, equivalent, self.offset(node))

    def new_name(self, prefix: str) -> str:
        self.fresh += 1
        return f"_{prefix}{self.fresh}"

    # -- the walk
    def render(self, node) -> str:
        if isinstance(node, TerminalNode):
            return "" if node.symbol.type == Token.EOF else node.getText()
        for rule in self.rules_by_kind.get(kind(node), ()):
            out = rule.rewrite(node, self)
            if out is not None:
                if rule.name not in self.used:
                    self.used.append(rule.name)
                return out
        return self.default(node)

    def default(self, node, replace: dict | None = None) -> str:
        """The node's own text with each child printed by `render` (or by `replace[child]`)."""
        start, stop = span(node)
        if start is None:
            return ""
        out, cur = [], start
        for child in node.getChildren():
            a, b = span(child)
            if a is None:
                continue
            out.append(self.text[cur:a])
            out.append(replace[child] if replace and child in replace else self.render(child))
            cur = b + 1
        out.append(self.text[cur:stop + 1])
        return "".join(out)
