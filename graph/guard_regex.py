"""Neo4j regular expressions the server could not stop: refused before they reach it. Imported
through `graph.guard`."""
from __future__ import annotations

import re

from parkgraph.errors import QueryError

from .guard_tokens import position, tokens


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
