"""Parse Neo4j-dialect Cypher with the openCypher ANTLR grammar (PyPI `antlr4-cypher`, the
grammars-v4 Cypher grammar; docs/dialect.md says why this one).

Three Neo4j 5 forms the grammar predates are normalised on the TOKEN stream before parsing, never
by regex over raw text: `COUNT { … }` (parsed as `EXISTS { … }` and remembered), `MATCH` as the
first word inside `EXISTS {`/`COUNT {` (dropped: the grammar takes a bare pattern), and label
alternatives `:A|B` outside relationship brackets (joined into one synthetic name the rules split
again). Every edit is kept in an offset map so that positions in messages point into what the user
typed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from antlr4 import CommonTokenStream, InputStream, Token
from antlr4.error.ErrorListener import ErrorListener
from antlr4_cypher import CypherLexer, CypherParser

LABEL_OR = "__or__"  # joins `A|B` into one name token; no ontology label contains it


class ParseProblem(Exception):
    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message = message
        self.offset = offset


class _Collect(ErrorListener):
    def __init__(self) -> None:
        self.first: tuple[int, int, str] | None = None

    def syntaxError(self, recognizer, offending, line, column, msg, e):  # noqa: N802 (ANTLR's name)
        if self.first is None:
            self.first = (line, column, msg)


@dataclass
class Parsed:
    original: str
    text: str                      # the normalised text the tree spans index into
    tree: object
    count_at: set[int] = field(default_factory=set)   # offsets (in text) of EXISTS tokens that were COUNT
    edits: list[tuple[int, int, int]] = field(default_factory=list)  # (new_start, old_start, delta)
    regex_at: set[int] = field(default_factory=set)   # offsets (in text) of `=` tokens that were `=~`

    def orig_offset(self, new: int) -> int:
        """Map an offset in the normalised text back to the text as typed."""
        shift = 0
        for new_start, _old, delta in self.edits:
            if new_start <= new:
                shift += delta
        return max(0, min(len(self.original), new - shift))

    def original_span(self, start: int, stop: int) -> str:
        return self.original[self.orig_offset(start):self.orig_offset(stop) + 1]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


class _CollectAll(ErrorListener):
    def __init__(self) -> None:
        self.all: list[tuple[int, int, str]] = []

    def syntaxError(self, recognizer, offending, line, column, msg, e):  # noqa: N802
        self.all.append((line, column, msg))


def _lex(text: str) -> tuple[list[Token], str, set[int]]:
    """Tokens, the text they index, and the offsets of `=~` (which this grammar's lexer lacks: the
    `~` is blanked and the `=` remembered)."""
    regex_at: set[int] = set()
    for _ in range(2):
        lexer = CypherLexer(InputStream(text))
        lexer.removeErrorListeners()
        errs = _CollectAll()
        lexer.addErrorListener(errs)
        toks = lexer.getAllTokens()
        bad = [_offset_of(text, line, col) for line, col, _ in errs.all]
        tildes = [o for o in bad if text[o:o + 1] == "~" and text[o - 1:o] == "="]
        if not errs.all:
            return toks, text, regex_at
        if len(tildes) != len(bad) or regex_at:
            line, col, msg = errs.all[0]
            raise ParseProblem(f"cannot read the query: {msg}", _offset_of(text, line, col))
        for o in tildes:
            regex_at.add(o - 1)
            text = text[:o] + " " + text[o + 1:]
    raise AssertionError("unreachable")


def _offset_of(text: str, line: int, col: int) -> int:
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[:line - 1]) + col


def _normalise(text: str) -> tuple[str, set[int], list[tuple[int, int, int]], set[int]]:
    toks, text, regex_orig = _lex(text)
    sig = [i for i, t in enumerate(toks) if t.type != CypherLexer.SP]
    replace: dict[int, str] = {}          # token index -> new text
    count_tokens: set[int] = set()
    bracket = 0
    for n, i in enumerate(sig):
        t = toks[i]
        nxt = toks[sig[n + 1]] if n + 1 < len(sig) else None
        if t.type == CypherLexer.LBRACK:
            bracket += 1
        elif t.type == CypherLexer.RBRACK:
            bracket -= 1
        if t.type in (CypherLexer.COUNT, CypherLexer.EXISTS) and nxt is not None and nxt.type == CypherLexer.LBRACE:
            if t.type == CypherLexer.COUNT:
                replace[i] = "EXISTS"
                count_tokens.add(i)
            after = toks[sig[n + 2]] if n + 2 < len(sig) else None
            if after is not None and after.type == CypherLexer.MATCH:
                replace[sig[n + 2]] = ""
        # `:A|B|C` on a node (not inside a relationship's brackets): one synthetic name.
        if t.type == CypherLexer.COLON and bracket == 0 and nxt is not None:
            k = n + 1
            names = [sig[k]]
            while k + 2 < len(sig) and toks[sig[k + 1]].type == CypherLexer.STICK and toks[sig[k + 2]].type == CypherLexer.ID:
                names.append(sig[k + 2])
                k += 2
            if len(names) > 1:
                replace[names[0]] = LABEL_OR.join(toks[j].text for j in names)
                for j in range(names[0] + 1, names[-1] + 1):
                    replace[j] = ""
    out, edits, count_at, regex_at, pos = [], [], set(), set(), 0
    for i, t in enumerate(toks):
        new = replace.get(i, t.text)
        if i in count_tokens:
            count_at.add(pos)
        if t.start in regex_orig:
            regex_at.add(pos)
        if new != t.text:
            edits.append((pos + min(len(new), len(t.text)), t.start, len(new) - len(t.text)))
        out.append(new)
        pos += len(new)
    return "".join(out), count_at, edits, regex_at


def parse(query: str) -> Parsed:
    text, count_at, edits, regex_at = _normalise(query)
    errs = _Collect()
    lexer = CypherLexer(InputStream(text))
    lexer.removeErrorListeners()
    parser = CypherParser(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(errs)
    tree = parser.script()
    parsed = Parsed(query, text, tree, count_at, edits, regex_at)
    if errs.first:
        line, col, msg = errs.first
        raise ParseProblem(msg, parsed.orig_offset(_offset_of(text, line, col)))
    return parsed
