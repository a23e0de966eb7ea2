"""Static checks on console queries, before they reach an engine.

Read-only sessions (Neo4j READ access mode, LadybugDB read-only handle) already refuse writes; this
guard adds what those do not cover: reading files or URLs (LOAD CSV, LOAD FROM, COPY), switching
databases (USE), administration commands, and several statements in one request. It tokenises the
query so that keywords inside strings or comments never trigger it, and comments never hide one.
"""
from __future__ import annotations

import re
import unicodedata

from parkgraph.errors import WriteRefused, QueryError

_TOKEN = re.compile(
    r"""(?P<ws>\s+)
      |(?P<lcomment>//[^\n]*)
      |(?P<bcomment>/\*.*?(\*/|\Z))
      |(?P<str>'(?:[^'\\]|\\.)*('|\Z)|"(?:[^"\\]|\\.)*("|\Z))
      |(?P<bt>`(?:[^`]|``)*(`|\Z))
      |(?P<word>[A-Za-z_][A-Za-z0-9_$]*)
      |(?P<semi>;)
      |(?P<other>.)""",
    re.X | re.S,
)

WRITE_CLAUSES = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "ALTER", "RENAME",
                 "GRANT", "REVOKE", "DENY", "COPY", "INSTALL", "ATTACH", "DETACH", "CHECKPOINT",
                 "EXPORT", "IMPORT", "FOREACH", "BEGIN", "COMMIT", "ROLLBACK", "TERMINATE", "ENABLE",
                 "START", "STOP", "USE", "LOAD"}
ADMIN_SHOW = {"USERS", "USER", "ROLES", "ROLE", "PRIVILEGES", "SERVERS", "DATABASES", "DATABASE",
              "ALIASES", "TRANSACTIONS", "SETTINGS", "PROCEDURES", "FUNCTIONS", "CONSTRAINTS", "INDEXES"}
# Procedure namespaces that read files, reach the network or administer the server.
FORBIDDEN_PROC = re.compile(r"^(dbms|apoc|gds|db\.create|db\.index\.fulltext\.create|db\.clearQueryCaches|tx|n10s)", re.I)


def tokens(query: str) -> list[tuple[str, str, int]]:
    out = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind in ("ws", "lcomment", "bcomment"):
            continue
        out.append((kind, m.group(), m.start()))
    return out


def position(query: str, offset: int) -> dict:
    line = query.count("\n", 0, offset) + 1
    col = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return {"line": line, "column": col, "offset": offset}


def check_read_only(query: str) -> None:
    """Raise WriteRefused if the query could write, read files, or run admin commands."""
    if not query or not query.strip():
        raise QueryError("empty query")
    # Full-width letters and other compatibility forms are normalised so they cannot smuggle a keyword.
    norm = unicodedata.normalize("NFKC", query)
    toks = tokens(norm)
    words = [(t[1].upper(), t[2]) for t in toks if t[0] == "word"]
    semis = [t for t in toks if t[0] == "semi"]
    if semis and any(t[2] > semis[0][2] for t in toks if t[0] != "semi"):
        raise WriteRefused("one statement per request: the console does not run several statements joined with ‘;’",
                           position=position(norm, semis[0][2]))
    prev = None
    for i, (kind, text, off) in enumerate(toks):
        if kind != "word":
            continue
        w = text.upper()
        before = toks[i - 1][1] if i else ""
        after = toks[i + 1][1] if i + 1 < len(toks) else ""
        if before in (".", ":", "$") or after == ":":
            # a property key, label, parameter or map key that happens to spell a keyword
            continue
        if w in WRITE_CLAUSES and not (w in ("START", "STOP", "ENABLE", "TERMINATE") and prev is not None):
            what = "reads files or URLs" if w in ("LOAD", "COPY", "IMPORT", "ATTACH", "INSTALL") else \
                   "switches database" if w == "USE" else "writes"
            raise WriteRefused(f"the console is read-only: ‘{w}’ {what} and is not allowed here",
                               hint="Use `parkgraph load` to change the graph.", position=position(norm, off))
        if prev == "SHOW" and w in ADMIN_SHOW:
            raise WriteRefused(f"the console does not run administration commands (SHOW {w})",
                               position=position(norm, off))
        if prev == "CALL" and before.upper() == "CALL":
            name = _proc_name(toks, i)
            if name and FORBIDDEN_PROC.match(name):
                raise WriteRefused(f"the console does not call procedure ‘{name}’",
                                   hint="Only read-only procedures of the graph are allowed.",
                                   position=position(norm, off))
        if w == "TRANSACTIONS" and prev == "IN":
            raise WriteRefused("CALL { … } IN TRANSACTIONS is for writes and is not allowed here",
                               position=position(norm, off))
        prev = w


def _proc_name(toks: list[tuple[str, str, int]], idx: int) -> str | None:
    parts = []
    for kind, text, _ in toks[idx:]:
        if kind == "word" or (kind == "other" and text == "."):
            parts.append(text)
        elif kind == "bt":
            parts.append(text.strip("`"))
        else:
            break
    return "".join(parts) or None
