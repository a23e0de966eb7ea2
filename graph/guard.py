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

The check is in three modules, re-exported here (the public interface stays `graph.guard`):
`guard_tokens` (the lexer and the read-only check), `guard_plan` (the engine's own plan decides),
`guard_regex` (Neo4j regular expressions the server could not stop) and `guard_heap` (Neo4j values
built inside one expression, which fill its heap beyond its memory limit).
"""
from __future__ import annotations

from .guard_plan import (LADYBUG_OPERATORS, LADYBUG_TABLE_FUNCTIONS, NEO4J_OPERATORS,  # noqa: F401
                         ladybug_plan_refusal, neo4j_plan_refusal)
from .guard_heap import MAX_RANGE_ELEMENTS, check_heap  # noqa: F401
from .guard_regex import MAX_REGEX_LENGTH, check_regex, regex_refusal  # noqa: F401
from .guard_tokens import (_LINE_BREAKS, _SPACE, ALLOWED_PROCS, MAX_LITERAL_SIZE, READS_FILES,  # noqa: F401
                           WRITE_CLAUSES, _leading_index, check_read_only, position, tokens, word_key)
