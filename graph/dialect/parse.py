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
from antlr4.atn.PredictionMode import PredictionMode
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
    groups: list[tuple[int, int, int, int]] = field(default_factory=list)  # rewritten runs: new [a, b) ↔ orig [c, d]

    def orig_offset(self, new: int, end: bool = False) -> int:
        """Map an offset in the normalised text back to the text as typed."""
        for a, b, c, d in self.groups:
            if a <= new < b:
                return d if end else c
        shift = 0
        for new_start, _old, delta in self.edits:
            if new_start <= new:
                shift += delta
        return max(0, min(len(self.original), new - shift))

    def original_span(self, start: int, stop: int) -> str:
        return self.original[self.orig_offset(start):self.orig_offset(stop, end=True) + 1]


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


def _normalise(text: str) -> tuple[str, set[int], list[tuple[int, int, int]], set[int], list[tuple[int, int, int, int]]]:
    toks, text, regex_orig = _lex(text)
    sig = [i for i, t in enumerate(toks) if t.type != CypherLexer.SP]
    replace: dict[int, str] = {}          # token index -> new text
    groups: list[tuple[int, int]] = []    # token runs rewritten as a whole (first, last)
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
        # Map projection `n {.a, .b, k: expr}` (not in this grammar): a map literal, null for a null n.
        if (t.type == CypherLexer.ID and nxt is not None and nxt.type == CypherLexer.LBRACE
                and n + 2 < len(sig) and toks[sig[n + 2]].type == CypherLexer.DOT and i not in replace):
            got = _map_projection(toks, sig, n)
            if got is not None:
                text_new, last = got
                replace[i] = text_new
                for j in range(i + 1, last + 1):
                    replace[j] = ""
                groups.append((i, last))
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
    group_spans, starts = [], {first: last for first, last in groups}
    for i, t in enumerate(toks):
        new = replace.get(i, t.text)
        if i in starts:
            group_spans.append((pos, pos + len(new), t.start, toks[starts[i]].stop))
        if i in count_tokens:
            count_at.add(pos)
        if t.start in regex_orig:
            regex_at.add(pos)
        if new != t.text:
            edits.append((pos + min(len(new), len(t.text)), t.start, len(new) - len(t.text)))
        out.append(new)
        pos += len(new)
    return "".join(out), count_at, edits, regex_at, group_spans


def _map_projection(toks: list[Token], sig: list[int], n: int) -> tuple[str, int] | None:
    """`var {.a, k: expr, other}` from significant token n (the variable): the LadybugDB text and the
    index of the closing brace's token, or None when it is not a form translated here (`.*`)."""
    var = toks[sig[n]].text
    k, depth = n + 2, 0
    items: list = []
    cur: list = []
    while k < len(sig):
        t = toks[sig[k]]
        if t.type in (CypherLexer.LPAREN, CypherLexer.LBRACK, CypherLexer.LBRACE):
            depth += 1
        elif t.type in (CypherLexer.RPAREN, CypherLexer.RBRACK, CypherLexer.RBRACE):
            if depth == 0:
                items.append(cur)
                break
            depth -= 1
        if t.type in (CypherLexer.LBRACE, CypherLexer.STICK) or t.text == "~":
            return None   # subqueries, label alternatives, regexes inside: left to the parse (refused)
        if t.type == CypherLexer.COMMA and depth == 0:
            items.append(cur)
            cur = []
        else:
            cur.append(sig[k])
        k += 1
    else:
        return None
    entries = []
    for item in items:
        first = toks[item[0]] if item else None
        if first is None:
            return None
        if first.type == CypherLexer.DOT:
            if len(item) != 2 or toks[item[1]].type != CypherLexer.ID:
                return None                         # `.*` and the like: refused from the parse
            key = toks[item[1]].text
            entries.append(f"{key}: {var}.{key}")
        elif len(item) == 1 and first.type == CypherLexer.ID:
            entries.append(f"{first.text}: {first.text}")
        else:
            entries.append("".join(toks[j].text for j in range(item[0], item[-1] + 1)))
    return f"CASE WHEN {var} IS NULL THEN NULL ELSE {{{', '.join(entries)}}} END", sig[k]


def _run_parser(text: str, mode) -> tuple[object, _Collect]:
    errs = _Collect()
    lexer = CypherLexer(InputStream(text))
    lexer.removeErrorListeners()
    parser = CypherParser(CommonTokenStream(lexer))
    parser._interp.predictionMode = mode
    parser.removeErrorListeners()
    parser.addErrorListener(errs)
    return parser.script(), errs


def parse(query: str) -> Parsed:
    text, count_at, edits, regex_at, groups = _normalise(query)
    # ANTLR's two-stage strategy: the fast SLL prediction first (corpus median 29 → 5 ms), full LL
    # only when SLL reports an error, since SLL can reject a valid text but never accepts an invalid one.
    tree, errs = _run_parser(text, PredictionMode.SLL)
    if errs.first:
        tree, errs = _run_parser(text, PredictionMode.LL)
    parsed = Parsed(query, text, tree, count_at, edits, regex_at, groups)
    if errs.first:
        line, col, msg = errs.first
        raise ParseProblem(msg, parsed.orig_offset(_offset_of(text, line, col)))
    return parsed
