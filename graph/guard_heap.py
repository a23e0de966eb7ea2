"""Neo4j values built inside one expression, which the server could not stop: refused before they
reach it. Imported through `graph.guard`.

Neo4j counts the rows a query holds against `db.memory.transaction.max`, but not a value built inside
one expression — a list comprehension, `+` of lists, a string grown in `reduce` — nor does it check
the timeout or termination while it builds one. Measured on Neo4j 5.26 with a 768 MB heap
(docs/reliability.md, known issue 1): `[x IN range(1, toInteger('50000000')) | toString(x)]`,
`[i IN range(1, 5000) | [j IN range(1, 5000) | toString(j)]]` and four more filled the heap and
stalled every other query of the server for 6.7-23.5 s; `reduce(s = '', j IN range(1, 3000000) | s +
'x')` ran for minutes after its 504. So the console refuses, from the query's tokens (strings, names
and comments found as the engine finds them, graph/guard_tokens.py):

- `range()` whose bounds are not integer literals or integer parameters — `size(x)`/`length(x)`
  of a value the query already holds, plus or minus literals, is allowed too (`range(0, size(l) -
  1)`, the index idiom): such a list is no bigger than one the query has already built;
- ranges of more than MAX_RANGE_ELEMENTS elements, and ranges whose sizes multiply to more than that
  (nested comprehensions and UNWINDs: every range of the query is counted as nested, an upper bound);
- `reduce()` whose step uses its accumulator more than once (`s + s` doubles at every element);
- `reduce()` that grows a string or list (its start is a string or list literal) over a range of more
  than MAX_REDUCE_STEPS elements: each step copies the whole value, so n steps cost n² bytes;
- `replace()` whose replacement is not a string literal or a string parameter (`replace(a, 'a', a)`
  squares the string's length: four in a row took 10 characters towards 10^16 and stalled look-ups
  for 1.3 s before Neo4j's memory limit stopped it), and replace() calls whose growth factors (the
  replacement's length over the searched text's) multiply to more than MAX_REPLACE_GROWTH: every
  replace() of a query is counted as applied to the one before, an upper bound.

Conservative: a query refused here may have been harmless, never the other way round for these
shapes; the message names what to write instead.
"""
from __future__ import annotations

import re

from parkgraph.errors import QueryError

from .guard_tokens import position, tokens, word_key

MAX_RANGE_ELEMENTS = 1_000_000   # ~40 MB of Neo4j integers in a list; 10^6 rows also fill the row cap 1,000 times
MAX_REDUCE_STEPS = 10_000        # a string grown 10^4 times by a few bytes copies ~10^8 bytes: well under a second
MAX_REPLACE_GROWTH = 1_000       # our longest stored text (a source sentence) is a few kB: a few MB at most
_SIZE_FUNCTIONS = frozenset({"size", "length"})
_HINT = ("Neo4j cannot stop a value built inside one expression once it runs (its timeout and memory limit do "
         "not apply): use UNWIND and aggregation (count, collect, sum), whose rows Neo4j counts and can stop, "
         "or give literal, smaller bounds.")

Token = tuple[str, str, int]


def _name(tok: Token) -> str | None:
    kind, text, _ = tok
    if kind == "word":
        return word_key(text).lower()
    if kind == "bt":     # a backtick-quoted name: Neo4j also calls `range`(…)
        return word_key(text.strip("`")).lower()
    return None


def _call_args(toks: list[Token], open_at: int) -> tuple[list[list[Token]], int]:
    """The arguments of the call whose `(` is toks[open_at], split at top-level commas, and the index
    of its `)` (len(toks) when unclosed: the engine refuses that anyway)."""
    depth = 0
    args: list[list[Token]] = []
    cur: list[Token] = []
    for i in range(open_at, len(toks)):
        t = toks[i][1]
        if t in ("(", "[", "{"):
            depth += 1
            if depth == 1:
                continue
        elif t in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                args.append(cur)
                return args, i
        elif t == "," and depth == 1:
            args.append(cur)
            cur = []
            continue
        cur.append(toks[i])
    args.append(cur)
    return args, len(toks)


def _param(arg: list[Token], params: dict | None) -> object:
    """The value of the parameter `$name` the argument is, else None."""
    if len(arg) == 2 and arg[0][1] == "$" and arg[1][0] in ("word", "num", "bt"):
        return (params or {}).get(arg[1][1].strip("`"))
    return None


def _int_value(arg: list[Token], params: dict | None) -> int | None:
    """An integer literal (optionally signed) or an integer parameter, else None."""
    sign = 1
    if arg and arg[0][1] in ("-", "+") and arg[0][0] == "other":
        sign, arg = (-1 if arg[0][1] == "-" else 1), arg[1:]
    if len(arg) == 1 and arg[0][0] == "num":
        try:
            return sign * int(arg[0][1], 0)
        except ValueError:
            return None   # 1.5, 1e6: not an integer literal
    v = _param(arg, params)
    return sign * v if isinstance(v, int) and not isinstance(v, bool) else None


def _size_of_held_value(arg: list[Token]) -> bool:
    """`size(x) - 1`, `length(p) + 2`: sizes of values the query already holds, plus or minus literals."""
    i, seen = 0, False
    while i < len(arg):
        if arg[i][0] == "other" and arg[i][1] in ("+", "-") and i > 0:
            i += 1
            continue
        if arg[i][0] == "num":
            i += 1
            continue
        if _name(arg[i]) in _SIZE_FUNCTIONS and i + 1 < len(arg) and arg[i + 1][1] == "(":
            _, close = _call_args(arg, i + 1)
            i, seen = close + 1, True
            continue
        return False
    return seen


def _refuse(query: str, tok: Token, message: str) -> QueryError:
    return QueryError(f"the console refuses this query on Neo4j: {message}", hint=_HINT,
                      position=position(query, tok[2]))


def check_heap(query: str, params: dict | None = None) -> None:
    """Raise QueryError when the Neo4j query builds a value inside one expression that could fill the
    server's heap (see the module's docstring); return quietly otherwise."""
    toks = tokens(query)
    product = 1
    ranges: dict[int, int | None] = {}   # token index of `range` → its size (None: bounded by a held value)
    for i, tok in enumerate(toks):
        if _name(tok) != "range" or i + 1 >= len(toks) or toks[i + 1][1] != "(":
            continue
        if i > 0 and toks[i - 1][1] == ".":
            continue   # n.range, a property
        args, _ = _call_args(toks, i + 1)
        vals = [_int_value(a, params) for a in args]
        if len(args) not in (2, 3):
            continue   # the engine reports the wrong number of arguments
        if any(v is None for v in vals):
            if all(v is not None or _size_of_held_value(a) for a, v in zip(args, vals)) and \
                    (len(args) == 2 or vals[2] is not None):
                ranges[i] = None
                continue
            raise _refuse(query, tok, "range() takes integer literals or integer parameters as bounds here "
                                      "(or size()/length() of a value the query holds), so that its size is "
                                      "known before it runs")
        lo, hi = vals[0], vals[1]
        step = vals[2] if len(vals) == 3 else 1
        assert lo is not None and hi is not None and step is not None
        n = 0 if step == 0 else max(0, (hi - lo) // step + 1)
        if n > MAX_RANGE_ELEMENTS:
            raise _refuse(query, tok, f"range() of {n:,} elements (at most {MAX_RANGE_ELEMENTS:,})")
        ranges[i] = n
        product *= max(n, 1)
        if product > MAX_RANGE_ELEMENTS:
            raise _refuse(query, tok, f"its ranges, nested, make {product:,} elements (at most "
                                      f"{MAX_RANGE_ELEMENTS:,}: every range() of a query is counted as nested)")
    _check_replace(query, toks, params)
    for i, tok in enumerate(toks):
        if _name(tok) == "reduce" and i + 1 < len(toks) and toks[i + 1][1] == "(" and \
                not (i > 0 and toks[i - 1][1] == "."):
            _check_reduce(query, toks, i, ranges)


def _check_reduce(query: str, toks: list[Token], at: int, ranges: dict[int, int | None]) -> None:
    """reduce(acc = start, x IN list | step)."""
    args, close = _call_args(toks, at + 1)
    body = [t for a in args for t in a]
    if len(body) < 3 or _name(body[0]) is None:
        return
    acc = _name(body[0])
    bar = next((k for k, t in enumerate(body) if t[1] == "|" and t[0] == "other"), None)
    if bar is None:
        return
    step = body[bar + 1:]
    uses = sum(1 for k, t in enumerate(step) if _name(t) == acc and not (k > 0 and step[k - 1][1] == "."))
    if uses > 1:
        raise _refuse(query, toks[at], f"reduce() uses its accumulator ‘{body[0][1]}’ {uses} times in its step, "
                                       "so the value can double at every element")
    grows = len(args[0]) > 2 and args[0][1][1] == "=" and args[0][2][0] == "str" or \
        len(args[0]) > 2 and args[0][1][1] == "=" and args[0][2][1] == "["
    if not grows:
        return
    inner = [n for k, n in ranges.items() if at < k < close]
    if any(n is None or n > MAX_REDUCE_STEPS for n in inner):
        raise _refuse(query, toks[at], f"reduce() grows a string or list over more than {MAX_REDUCE_STEPS:,} "
                                       "elements (every step copies the whole value)")


def _string_length(arg: list[Token], params: dict | None) -> int | None:
    """The length of a string literal (escapes counted as one character) or string parameter, else None."""
    if len(arg) == 1 and arg[0][0] == "str":
        return len(re.sub(r"\\(u[0-9a-fA-F]{4}|.)", "x", arg[0][1][1:-1], flags=re.S))
    v = _param(arg, params)
    return len(v) if isinstance(v, str) else None


def _check_replace(query: str, toks: list[Token], params: dict | None) -> None:
    """replace(subject, search, replacement): the result is at most len(subject) times the replacement's
    length over the search's (an empty search inserts the replacement between every character)."""
    growth = 1
    for i, tok in enumerate(toks):
        if _name(tok) != "replace" or i + 1 >= len(toks) or toks[i + 1][1] != "(" or \
                (i > 0 and toks[i - 1][1] == "."):
            continue
        args, _ = _call_args(toks, i + 1)
        if len(args) != 3:
            continue   # the engine reports the wrong number of arguments
        repl = _string_length(args[2], params)
        if repl is None:
            raise _refuse(query, tok, "replace() takes a string literal or a string parameter as its replacement "
                                      "here, so that how much it can grow the text is known before it runs")
        search = _string_length(args[1], params)
        growth *= max(1, -(-repl // search)) if search else repl + 1
        if growth > MAX_REPLACE_GROWTH:
            raise _refuse(query, tok, f"its replace() calls can grow a text {growth:,} times (at most "
                                      f"{MAX_REPLACE_GROWTH:,}: every replace() of a query is counted as "
                                      "applied to the one before)")
