"""The console's token check (layer 1): the lexer as the engines see the text, read-only clauses,
procedures on an allow-list, and literal sizes of `range`/`repeat`/`lpad`/`rpad`. Imported through
`graph.guard`, which documents the whole check."""
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


