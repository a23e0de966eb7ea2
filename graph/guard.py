"""Static checks on console queries, before they reach an engine.

Read-only sessions (Neo4j READ access mode, LadybugDB read-only handle) already refuse writes; this
guard adds what those do not cover: reading files or URLs (LOAD CSV, LOAD FROM, COPY), switching
databases (USE), administration commands, procedures and engine settings, several statements in one
request, and literal memory bombs. On a LadybugDB handle opened for writing it is the only line of
defence, so it errs on the side of refusing.

It tokenises the query exactly as the engines do — strings, backtick names and comments are found in
the text as typed, so keywords inside them never trigger it and comments never hide one — and only
then compares words after Unicode compatibility normalisation (NFKC) with format characters removed,
so full-width letters or zero-width spaces cannot smuggle a keyword past it. A line comment ends at
any line break an engine might honour (Neo4j ends one at a bare carriage return).
"""
from __future__ import annotations

import re
import unicodedata

from parkgraph.errors import WriteRefused, QueryError

# Characters some engines or editors treat as ending a line: a `//` comment stops at the first one.
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
# Invisible format characters that may sit inside a word without an engine seeing them.
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff"

# White space as the engines' lexers see it: Python's \s plus U+180E MONGOLIAN VOWEL SEPARATOR, which
# openCypher's grammar (and so LadybugDB's and Neo4j's lexers) lists as white space although Unicode
# 6.3 made it a format character. Treating it as part of a word let `x<U+180E>LOAD FROM …` past this
# check (issue #19); tests/reliability/test_codepoint_sweep.py compares every code point with the engine.
_SPACE = "\\s\u180e"

_TOKEN = re.compile(
    rf"""(?P<ws>[{_SPACE}]+)
      |(?P<lcomment>//[^{_LINE_BREAKS}]*)
      |(?P<bcomment>/\*.*?(\*/|\Z))
      |(?P<str>'(?:[^'\\]|\\.)*('|\Z)|"(?:[^"\\]|\\.)*("|\Z))
      |(?P<bt>`(?:[^`]|``)*(`|\Z))
      |(?P<num>0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)
      |(?P<word>[^\W\d][\w${_INVISIBLE}]*)
      |(?P<semi>[;\u037e\ufe54\uff1b])
      |(?P<other>.)""",
    re.X | re.S,
)
_STRIP_INVISIBLE = re.compile(f"[{_INVISIBLE}]")

WRITE_CLAUSES = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "ALTER", "RENAME",
                 "GRANT", "REVOKE", "DENY", "COPY", "INSTALL", "UNINSTALL", "ATTACH", "CHECKPOINT",
                 "EXPORT", "IMPORT", "FOREACH", "BEGIN", "COMMIT", "ROLLBACK", "TERMINATE", "ENABLE",
                 "START", "STOP", "USE", "LOAD", "ANALYZE", "FORCE", "UPDATE", "DEALLOCATE", "REALLOCATE"}
# Words that are only clauses at the start of a statement; elsewhere they may be variable names.
LEADING_ONLY = {"START", "STOP", "ENABLE", "TERMINATE", "UPDATE", "ANALYZE", "FORCE"}
READS_FILES = {"LOAD", "COPY", "IMPORT", "ATTACH", "INSTALL", "UNINSTALL", "EXPORT"}
ADMIN_SHOW = {"USERS", "USER", "ROLES", "ROLE", "PRIVILEGES", "SERVERS", "DATABASES", "DATABASE",
              "ALIASES", "TRANSACTIONS", "SETTINGS", "PROCEDURES", "FUNCTIONS", "CONSTRAINTS", "INDEXES"}
# The only procedures (Neo4j) and table functions (LadybugDB) the console calls: they read the schema
# or the graph and nothing else. Everything else — dbms.*, apoc.*, db.create*, LadybugDB's file
# readers (read_csv_*, which also crash the engine), project_graph, settings — is refused.
ALLOWED_PROCS = {
    # Neo4j 5
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "db.info", "db.ping",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
    "db.index.fulltext.listavailableanalyzers", "db.index.vector.querynodes",
    "db.index.vector.queryrelationships",
    # LadybugDB
    "show_tables", "table_info", "show_connection", "db_version", "show_functions", "show_sequences",
    "show_indexes", "show_macros", "show_warnings", "show_attached_databases", "show_loaded_extensions",
    "show_projected_graphs", "storage_version", "catalog_version",
}

# Functions that build a value of a size given by an argument, before any timeout can stop them
# (LadybugDB evaluates `range(1, 1000000000)` into an 8 GB list in one go): literal sizes are capped.
MAX_LITERAL_SIZE = 10_000_000
SIZED_FUNCTIONS = {"RANGE": None, "REPEAT": 1, "LPAD": 1, "RPAD": 1}


def tokens(query: str) -> list[tuple[str, str, int]]:
    out = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind in ("ws", "lcomment", "bcomment"):
            continue
        out.append((kind, m.group(), m.start()))
    return out


def word_key(text: str) -> str:
    """A word as the guard compares it: compatibility-normalised, invisible characters removed, upper case."""
    return unicodedata.normalize("NFKC", _STRIP_INVISIBLE.sub("", text)).upper()


def position(query: str, offset: int) -> dict:
    line = query.count("\n", 0, offset) + 1
    col = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return {"line": line, "column": col, "offset": offset}


def check_read_only(query: str, params: dict | None = None) -> None:
    """Raise WriteRefused if the query could write, read files, change settings or run admin
    commands; QueryError if it is empty or builds a value too large to stop (from literals or from
    parameters)."""
    if not query or not query.strip():
        raise QueryError("empty query")
    toks = tokens(query)
    if not toks:
        raise QueryError("the query is only comments")
    semis = [t for t in toks if t[0] == "semi"]
    if semis and any(t[2] > semis[0][2] for t in toks if t[0] != "semi"):
        raise WriteRefused("one statement per request: the console does not run several statements joined with ‘;’",
                           position=position(query, semis[0][2]))
    lead = _leading_index(toks)
    prev = None
    for i, (kind, text, off) in enumerate(toks):
        if kind != "word":
            continue
        w = word_key(text)
        before = toks[i - 1][1] if i else ""
        after = toks[i + 1][1] if i + 1 < len(toks) else ""
        after_kind = toks[i + 1][0] if i + 1 < len(toks) else ""
        if before in (".", ":", "$") or after == ":":
            # a property key, label, parameter or map key that happens to spell a keyword
            continue
        leading = i == lead
        if w == "COMMENT" and after_kind == "word" and word_key(after) == "ON":
            raise WriteRefused("the console is read-only: ‘COMMENT ON’ changes the schema and is not allowed here",
                               position=position(query, off))
        if w in WRITE_CLAUSES and not (w in LEADING_ONLY and not leading):
            what = "reads files or URLs" if w in READS_FILES else \
                   "switches database" if w == "USE" else "writes"
            raise WriteRefused(f"the console is read-only: ‘{w}’ {what} and is not allowed here",
                               hint="Use `parkgraph load` to change the graph.", position=position(query, off))
        if w == "SHOW" and after_kind == "word":
            raise WriteRefused(f"the console does not run administration commands (SHOW {word_key(after)})",
                               position=position(query, off))
        if prev == "SHOW" and w in ADMIN_SHOW:
            raise WriteRefused(f"the console does not run administration commands (SHOW {w})",
                               position=position(query, off))
        if w == "CALL" and after_kind in ("word", "bt"):
            # a procedure or table function (a subquery `CALL {` / `CALL (x) {` is fine)
            name, nxt = _proc_name(toks, i + 1)
            if name and nxt == "=":
                raise WriteRefused(f"the console does not change engine settings (CALL {name} = …)",
                                   position=position(query, off))
            if name and name.lower() not in ALLOWED_PROCS:
                raise WriteRefused(f"the console does not call procedure ‘{name}’",
                                   hint="Only read-only procedures of the graph are allowed "
                                        "(db.labels, db.schema.visualization, show_tables, table_info …).",
                                   position=position(query, off))
        if w == "TRANSACTIONS" and prev in ("IN", "CONCURRENT"):
            raise WriteRefused("CALL { … } IN TRANSACTIONS is for writes and is not allowed here",
                               position=position(query, off))
        if w in SIZED_FUNCTIONS and after == "(":
            _check_size(query, toks, i, w, params or {})
        prev = w


def _leading_index(toks: list[tuple[str, str, int]]) -> int:
    """Index of the statement's first clause word, after Neo4j's `CYPHER 5 option=value`, EXPLAIN
    and PROFILE prefixes."""
    i = 0
    while i < len(toks):
        kind, text, _ = toks[i]
        nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
        if kind == "word" and word_key(text) in ("CYPHER", "EXPLAIN", "PROFILE"):
            i += 1
        elif kind == "num":
            i += 1
        elif kind == "word" and nxt == "=":
            i += 3
        else:
            return i
    return i


def _proc_name(toks: list[tuple[str, str, int]], idx: int) -> tuple[str | None, str]:
    """The dotted procedure name starting at toks[idx], and the token right after it."""
    parts = []
    j = idx
    for kind, text, _ in toks[idx:]:
        if kind == "word":
            parts.append(_STRIP_INVISIBLE.sub("", unicodedata.normalize("NFKC", text)))
        elif kind == "other" and text == ".":
            parts.append(text)
        elif kind == "bt":
            parts.append(text[1:-1].replace("``", "`") if text.endswith("`") and len(text) > 1 else text[1:])
        else:
            break
        j += 1
    nxt = toks[j][1] if j < len(toks) else ""
    return ("".join(parts) or None), nxt


# ---------------------------------------------------------------------- literal sizes
def _check_size(query: str, toks: list, i: int, fname: str, params: dict) -> None:
    args = _call_args(toks, i + 1)
    if args is None:
        return
    vals = [_const(_bind(a, params)) for a in args]
    size = None
    if fname == "RANGE" and len(vals) >= 2 and vals[0] is not None and vals[1] is not None:
        step = vals[2] if len(vals) >= 3 else 1
        if step:
            size = (vals[1] - vals[0]) // step + 1
    elif fname != "RANGE":
        k = SIZED_FUNCTIONS[fname]
        size = vals[k] if len(vals) > k else None
    if size is not None and size > MAX_LITERAL_SIZE:
        raise QueryError(f"{fname.lower()}() with {size:,} elements is refused: the console builds values of at most "
                         f"{MAX_LITERAL_SIZE:,} elements, since the engine cannot stop one while it is being built",
                         hint="Use a smaller range, or aggregate over the graph instead.",
                         position=position(query, toks[i][2]))


def _call_args(toks: list, open_idx: int) -> list[list] | None:
    depth, args = 0, []
    cur: list = []
    for kind, text, off in toks[open_idx:]:
        if kind == "other" and text in "([{":
            depth += 1
            if depth == 1:
                continue
        elif kind == "other" and text in ")]}":
            depth -= 1
            if depth == 0:
                args.append(cur)
                return args
        elif kind == "other" and text == "," and depth == 1:
            args.append(cur)
            cur = []
            continue
        cur.append((kind, text))
    return None


def _bind(arg: list, params: dict) -> list:
    """Put the values of numeric parameters ($n) in place, so sizes given by parameters are checked too."""
    out, i = [], 0
    while i < len(arg):
        kind, text = arg[i]
        if kind == "other" and text == "$" and i + 1 < len(arg) and arg[i + 1][0] in ("word", "num"):
            v = params.get(arg[i + 1][1])
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                out.append(("num", repr(int(v)) if float(v).is_integer() else repr(v)))
                i += 2
                continue
        out.append((kind, text))
        i += 1
    return out


def _const(arg: list) -> int | None:
    """The value of an integer expression made only of literals and + - * / ^ ( ), else None."""
    expr = []
    for kind, text in arg:
        if kind == "num":
            t = text.replace("_", "")
            try:
                v = int(t, 0) if t[:2].lower() in ("0x", "0o") else (int(t) if t.isdigit() else float(t))
            except ValueError:
                return None
            expr.append(repr(v))
        elif kind == "other" and text in "+-*/()^":
            expr.append("**" if text == "^" else "//" if text == "/" else text)
        else:
            return None
    if not expr:
        return None
    src = "".join(expr)
    if len(src) > 200:
        return None
    try:
        v = _safe_eval(src)
    except Exception:
        return None
    return int(v) if isinstance(v, (int, float)) and abs(v) < 1e30 else None


def _safe_eval(src: str):
    import ast
    tree = ast.parse(src, mode="eval")
    ops = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
           ast.FloorDiv: lambda a, b: a // b, ast.Pow: lambda a, b: a ** b if abs(b) < 64 else float("inf")}

    def ev(n):
        if isinstance(n, ast.Expression):
            return ev(n.body)
        if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)):
            return n.value
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, (ast.USub, ast.UAdd)):
            v = ev(n.operand)
            return -v if isinstance(n.op, ast.USub) else v
        if isinstance(n, ast.BinOp) and type(n.op) in ops:
            return ops[type(n.op)](ev(n.left), ev(n.right))
        raise ValueError("not a constant")
    return ev(tree)


# ---------------------------------------------------------------------- the engine's own plan
# What runs is decided from the engine's parse of the query (EXPLAIN), not from the words typed:
# every physical operator and table function in LadybugDB's plan must be on these allow-lists.
# Anything else — COPY_TO, ATTACH_DATABASE, STANDALONE_CALL (settings), INSTALL_EXTENSION,
# EXPORT_DATABASE, CREATE_*, the file readers READ_CSV_*/READ_PARQUET/READ_NPY (LOAD FROM),
# CURRENT_SETTING, FILE_INFO, PROJECT_GRAPH — is refused, including operators a future engine adds.
LADYBUG_OPERATORS = frozenset({
    "RESULT_COLLECTOR", "PROJECTION", "FILTER", "FLATTEN", "LIMIT", "SKIP", "UNWIND", "CROSS_PRODUCT",
    "SCAN_NODE_TABLE", "SCAN_REL_TABLE", "PRIMARY_KEY_SCAN_NODE_TABLE", "INDEX_LOOKUP",
    "HASH_JOIN_BUILD", "HASH_JOIN_PROBE", "INTERSECT_BUILD", "INTERSECT", "SEMI_MASKER",
    "AGGREGATE", "AGGREGATE_FINALIZE", "AGGREGATE_SCAN", "ORDER_BY", "ORDER_BY_MERGE", "ORDER_BY_SCAN",
    "TOP_K", "TOP_K_SCAN", "UNION_ALL_SCAN", "RECURSIVE_EXTEND", "PATH_PROPERTY_PROBE", "DUMMY_SINK",
    "MULTIPLICITY_REDUCER", "EMPTY_RESULT", "TABLE_FUNCTION_CALL", "PARTITIONER", "OFFSET_SCAN_NODE_TABLE",
    "DUMMY_SIMPLE_SINK", "SIMPLE_AGGREGATE", "SIMPLE_AGGREGATE_FINALIZE", "SIMPLE_AGGREGATE_SCAN",
    "COUNT_REL_TABLE",
})
LADYBUG_TABLE_FUNCTIONS = frozenset({
    "READ_FTABLE",  # the engine's own intermediate results (RETURN without MATCH, recursive joins)
    "SHOW_TABLES", "TABLE_INFO", "SHOW_CONNECTION", "DB_VERSION", "SHOW_FUNCTIONS", "SHOW_SEQUENCES",
    "SHOW_INDEXES", "SHOW_MACROS", "SHOW_WARNINGS", "SHOW_ATTACHED_DATABASES", "SHOW_LOADED_EXTENSIONS",
    "SHOW_PROJECTED_GRAPHS", "STORAGE_VERSION", "CATALOG_VERSION",
})
_PLAN_OPERATOR = re.compile(r"([A-Z][A-Z0-9_]*)\[\d+\]")
_PLAN_FUNCTION = re.compile(r"Function: ([A-Za-z0-9_]+)")


def ladybug_plan_refusal(plan: str) -> str | None:
    """Why LadybugDB's EXPLAIN text `plan` is not a plain read, or None. Conservative: a string
    literal that prints like an operator (`FOO[1]`) is refused too, never the other way round."""
    for op in _PLAN_OPERATOR.findall(plan):
        if op not in LADYBUG_OPERATORS:
            return f"the engine's plan contains ‘{op}’, which the console does not run (only reads of the graph)"
    for fn in _PLAN_FUNCTION.findall(plan):
        if fn.upper() not in LADYBUG_TABLE_FUNCTIONS:
            what = "reads files" if fn.upper().startswith("READ_") or fn.upper() == "FILE_INFO" else \
                "reads engine settings" if "SETTING" in fn.upper() else "is not a read of the graph"
            return f"the console does not call ‘{fn.lower()}’: it {what}"
    return None


# Neo4j: EXPLAIN in the READ transaction the query then runs in; the summary's query type must be
# 'r' (read only) and every operator of the plan on this list. LoadCSV, Create/Merge/Set*/Delete*,
# Foreach, TransactionApply, the SHOW/administration commands and anything unknown are refused;
# a ProcedureCall must name a procedure of ALLOWED_PROCS.
NEO4J_OPERATORS = frozenset({
    "ProduceResults", "EmptyResult", "Argument", "Filter", "Projection", "Limit", "ExhaustiveLimit", "Skip",
    "Top", "Top1WithTies", "PartialTop", "Sort", "PartialSort", "Distinct", "OrderedDistinct", "Aggregation",
    "EagerAggregation", "OrderedAggregation", "Unwind", "Eager", "CacheProperties", "Optional", "Union",
    "AllNodesScan", "NodeByLabelScan", "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan",
    "SubtractionNodeByLabelsScan", "NodeByIdSeek", "NodeByElementIdSeek", "NodeIndexSeek", "NodeUniqueIndexSeek",
    "MultiNodeIndexSeek", "AssertingMultiNodeIndexSeek", "NodeIndexScan", "NodeIndexContainsScan",
    "NodeIndexEndsWithScan", "NodeIndexSeekByRange", "NodeUniqueIndexSeekByRange", "NodeCountFromCountStore",
    "RelationshipCountFromCountStore", "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan",
    "DirectedUnionRelationshipTypesScan", "UndirectedUnionRelationshipTypesScan", "DirectedAllRelationshipsScan",
    "UndirectedAllRelationshipsScan", "DirectedRelationshipByIdSeek", "UndirectedRelationshipByIdSeek",
    "DirectedRelationshipByElementIdSeek", "UndirectedRelationshipByElementIdSeek",
    "DirectedRelationshipIndexSeek", "UndirectedRelationshipIndexSeek", "DirectedRelationshipIndexScan",
    "UndirectedRelationshipIndexScan", "DirectedRelationshipIndexContainsScan",
    "UndirectedRelationshipIndexContainsScan", "DirectedRelationshipIndexEndsWithScan",
    "UndirectedRelationshipIndexEndsWithScan", "DirectedRelationshipIndexSeekByRange",
    "UndirectedRelationshipIndexSeekByRange", "DirectedRelationshipUniqueIndexSeek",
    "UndirectedRelationshipUniqueIndexSeek",
    "Expand(All)", "Expand(Into)", "OptionalExpand(All)", "OptionalExpand(Into)", "VarLengthExpand(All)",
    "VarLengthExpand(Into)", "VarLengthExpand(Pruning)", "VarLengthExpand(Pruning,BFS)", "BFSPruningVarExpand",
    "ShortestPath", "StatefulShortestPath(All)", "StatefulShortestPath(Into)", "Trail", "Repeat(Trail)",
    "ProjectEndpoints", "NullifyMetadata", "TriadicSelection", "TriadicBuild", "TriadicFilter",
    "Apply", "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply",
    "SelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "RollUpApply",
    "ConditionalApply", "AntiConditionalApply", "CartesianProduct", "NodeHashJoin", "ValueHashJoin",
    "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin", "Anti", "ProcedureCall", "PreserveOrder",
})


# An operator's name may carry its variant in brackets, more of them in newer planners
# (`VarLengthExpand(Pruning,BFS,All)`): any variant of a read operator is a read.
NEO4J_OPERATOR_FAMILIES = frozenset(op.split("(", 1)[0] for op in NEO4J_OPERATORS)


def neo4j_plan_refusal(query_type: str | None, plan: dict | None) -> str | None:
    """Why Neo4j's EXPLAIN summary (query type and plan tree) is not a plain read, or None."""
    if query_type != "r":
        what = {"w": "writes", "rw": "reads and writes", "s": "changes the schema or runs a command"}.get(
            query_type or "", f"is of type {query_type!r}")
        return f"Neo4j's plan for this query {what}"
    todo = [plan] if plan else []
    while todo:
        p = todo.pop()
        op = str(p.get("operatorType", "")).split("@", 1)[0]
        if op not in NEO4J_OPERATORS and op.split("(", 1)[0] not in NEO4J_OPERATOR_FAMILIES:
            return f"Neo4j's plan contains ‘{op}’, which the console does not run (only reads of the graph)"
        if op == "ProcedureCall":
            details = str((p.get("arguments") or p.get("args") or {}).get("Details", ""))
            name = details.split("(", 1)[0].strip()
            if name.lower() not in ALLOWED_PROCS:
                return f"the console does not call procedure ‘{name}’"
        todo.extend(p.get("children") or [])
    return None


# ---------------------------------------------------------------------- regular expressions (Neo4j)
# Neo4j evaluates `=~` with java.util.regex, which backtracks: `(.*a){20}b` on a 44-character string
# runs for hours, and neither the transaction timeout nor TERMINATE TRANSACTION stops it (the matcher
# never checks for interruption). So the console only runs `=~` with a literal pattern (or a string
# parameter) that is short and cannot backtrack catastrophically: no quantified group that itself
# contains a quantifier or an alternation, no back-references, at most one unbounded quantifier
# (two already cost n² steps: `.*a.*b` on a 10⁶-character string built in the query is 10¹² steps),
# and bounded ranges `{m,M}` whose choices multiply to at most MAX_REGEX_CHOICES.
MAX_REGEX_LENGTH = 200
MAX_UNBOUNDED_QUANTIFIERS = 1
MAX_REGEX_CHOICES = 10_000


def check_regex(query: str, params: dict | None = None) -> None:
    toks = tokens(query)
    for i, (kind, text, off) in enumerate(toks):
        if not (kind == "other" and text == "=" and i + 1 < len(toks) and toks[i + 1][1] == "~"):
            continue
        j = i + 2
        pattern = None
        if j < len(toks) and toks[j][0] == "str":
            pattern = _cypher_string(toks[j][1])
            nxt = toks[j + 1][1] if j + 1 < len(toks) else ""
        elif j + 1 < len(toks) and toks[j][1] == "$" and toks[j + 1][0] in ("word", "num"):
            v = (params or {}).get(toks[j + 1][1])
            pattern = v if isinstance(v, str) else None
            nxt = toks[j + 2][1] if j + 2 < len(toks) else ""
        else:
            nxt = ""
        if pattern is None or nxt in ("+", "*", "[", "."):
            raise QueryError("the console runs ‘=~’ only with a literal pattern (a string, or a string parameter)",
                             hint="Neo4j cannot stop a regular expression once it runs, so patterns are checked "
                                  "before; write the pattern as a string literal.", position=position(query, off))
        why = regex_refusal(pattern)
        if why:
            raise QueryError(f"the console refuses this regular expression: {why}",
                             hint="Neo4j cannot stop a regular expression once it runs (its timeout does not "
                                  "apply); use CONTAINS, STARTS WITH or a simpler pattern.",
                             position=position(query, off))


def _cypher_string(lit: str) -> str:
    body = lit[1:-1] if len(lit) >= 2 and lit[-1] == lit[0] else lit[1:]
    return re.sub(r"\\(.)", lambda m: {"\\": "\\", "'": "'", '"': '"', "n": "\n", "t": "\t"}.get(m.group(1), "\\" + m.group(1)),
                  body, flags=re.S)


def regex_refusal(pattern: str) -> str | None:
    """Why a java.util.regex pattern could backtrack for ever, or None. Conservative: it refuses some
    harmless patterns (a quantified group holding a quantifier), never lets a nested one through."""
    if len(pattern) > MAX_REGEX_LENGTH:
        return f"it is longer than {MAX_REGEX_LENGTH} characters"
    # per open group: [contains a quantifier, contains an alternation]
    stack: list[list[bool]] = [[False, False]]
    unbounded = 0
    choices = 1
    i, n = 0, len(pattern)
    last_group: list[bool] | None = None  # the group that just closed, if the previous token is ')'
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 < n and (pattern[i + 1].isdigit() and pattern[i + 1] != "0" or pattern[i + 1] == "k"):
                return "it uses a back-reference"
            if i + 1 < n and pattern[i + 1] == "Q":
                end = pattern.find("\\E", i + 2)
                i = n if end < 0 else end + 2
            else:
                i += 2
            last_group = None
            continue
        if c == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            depth = 1
            while j < n and depth:
                if pattern[j] == "\\":
                    j += 2
                    continue
                if pattern[j] == "[":
                    depth += 1
                elif pattern[j] == "]":
                    depth -= 1
                j += 1
            i = j
            last_group = None
            continue
        if c == "(":
            stack.append([False, False])
            i += 1
            last_group = None
            continue
        if c == ")":
            if len(stack) > 1:
                last_group = stack.pop()
                # what a group holds, its parent holds too
                stack[-1][0] |= last_group[0]
                stack[-1][1] |= last_group[1]
            i += 1
            continue
        if c == "|":
            stack[-1][1] = True
            i += 1
            last_group = None
            continue
        if c in "*+?{":
            if c == "{":
                m = re.match(r"\{(\d*)(,?)(\d*)\}", pattern[i:])
                if not m:
                    i += 1
                    last_group = None
                    continue
                lo, comma, hi = m.group(1), m.group(2), m.group(3)
                bounded_one = not comma and lo in ("", "0", "1")
                is_unbounded = bool(comma) and not hi
                if comma and hi:
                    choices *= max(1, int(hi) - int(lo or 0) + 1)
                step = len(m.group(0))
            else:
                bounded_one = c == "?"
                is_unbounded = c in "*+"
                if c == "?":
                    choices *= 2
                step = 1
            if i + step < n and pattern[i + step] in "?+":
                step += 1  # lazy or possessive
            if last_group is not None and (last_group[0] or last_group[1]) and not bounded_one:
                return "a repeated group contains a quantifier or an alternation (nested quantifiers backtrack exponentially)"
            if is_unbounded:
                unbounded += 1
                if unbounded > MAX_UNBOUNDED_QUANTIFIERS:
                    return ("it has more than one unbounded quantifier (*, +, {n,}): each one more multiplies the "
                            "work by the length of the text")
            if choices > MAX_REGEX_CHOICES:
                return f"its bounded repetitions allow more than {MAX_REGEX_CHOICES:,} ways to match"
            stack[-1][0] = True
            i += step
            last_group = None
            continue
        i += 1
        last_group = None
    return None
