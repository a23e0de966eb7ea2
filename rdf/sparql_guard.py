"""What a SPARQL request may run, decided from a parse by a real SPARQL 1.1 grammar (rdflib's), never
from tokens.

The parser expands `\\uXXXX` escapes before it reads the text, as the grammar says and as Oxigraph
does, so an escape cannot hide a keyword or cut an IRI short. The parse tree is then walked for what
would make the server reach out (SERVICE); an Update (INSERT, LOAD, CLEAR…) is not a Query at all and
is refused as such. A text this parser cannot read is refused with its position, never passed on to
Oxigraph, so the two grammars can only disagree towards refusal. (FROM and FROM NAMED need no check:
Oxigraph reads them as graphs of the store and fetches nothing — the hostile corpus checks it.)

This runs inside the sandboxed worker, so a pathological text is bound by the same time and memory
limits as its execution.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .vocab import PREFIXES

# Where a prefix is missing, the error names the declaration to add (the well-known ones and ours).
KNOWN_PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    **dict(PREFIXES),
}

FORMS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct", "DescribeQuery": "describe"}

# Parse-tree nodes that make Oxigraph contact another server, with the refusal each one gets.
REFUSED_NODES = {
    "ServiceGraphPattern": ("the SPARQL endpoint does not run federated queries (SERVICE)",
                            "Query this endpoint's own graph; fetch other endpoints yourself."),
}


class Refused(Exception):
    """The query is well-formed but not allowed here (403)."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message, self.hint = message, hint


class Invalid(Exception):
    """The text is not a SPARQL query this endpoint can read (400)."""

    def __init__(self, message: str, hint: str | None = None, position: dict | None = None):
        super().__init__(message)
        self.message, self.hint, self.position = message, hint, position


@dataclass(frozen=True)
class Checked:
    form: str  # select | ask | construct | describe
    text: str  # the normalized text: what was checked is what runs


# SPARQL 1.1 §19.2: \uXXXX (exactly four hex digits) and \UXXXXXXXX (eight) are code points, read
# before the grammar. rdflib's own expansion takes four *or eight* digits after \u, Oxigraph four.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LEFT_ESCAPE = re.compile(r"\\[uU][0-9A-Fa-f]{4}")


def normalize(text: str) -> str:
    """The query as both grammars must see it. Escapes are expanded here, once, by the letter of the
    spec, and a text that still holds an escape afterwards (\u005Cu0041) is refused, so neither
    parser expands anything the other did not. A comment ends at CR or LF in SPARQL but at LF only in
    rdflib, so every CR becomes LF (this only changes raw CRs inside '''long strings''')."""
    def expand(m: re.Match) -> str:
        cp = int(m.group(1) or m.group(2), 16)
        if cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
            raise Invalid(f"SPARQL syntax error: {m.group(0)} is not a Unicode code point")
        return chr(cp)
    out = _ESCAPE.sub(expand, text)
    if _LEFT_ESCAPE.search(out):
        raise Invalid("an escape sequence that spells another escape sequence is not accepted",
                      hint="Write the character itself, or escape it once.")
    return out.replace("\r\n", "\n").replace("\r", "\n")


def check(text: str) -> Checked:
    """Parse `text`; return its form and the text to run, or raise Refused / Invalid."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    text = normalize(text)
    try:
        tree = parseQuery(text)
    except ParseBaseException as e:
        if _is_update(parseUpdate, text):
            raise Refused("the SPARQL endpoint is read-only: SPARQL Update is not accepted") from None
        if (e.pstr or "")[e.loc:e.loc + 7].upper() == "SERVICE":
            # rdflib's grammar fails on some SERVICE clauses it should read (its parse action re-scans the
            # whole text for the clause); the text is refused either way, this only names the reason
            raise Refused(*REFUSED_NODES["ServiceGraphPattern"]) from None
        raise _syntax_error(e) from None
    except ValueError as e:  # an invalid \\u escape
        raise Invalid(f"SPARQL syntax error: {e}") from None
    for node in _walk(tree):
        refusal = REFUSED_NODES.get(getattr(node, "name", None))
        if refusal:
            raise Refused(*refusal)
    missing = _missing_prefix(tree)
    if missing:
        iri = KNOWN_PREFIXES.get(missing)
        hint = f"add PREFIX {missing}: <{iri}>" if iri else f"declare it first: PREFIX {missing}: <…>"
        raise Invalid(f"the prefix ‘{missing}:’ is used but not declared", hint=hint)
    form = FORMS.get(getattr(tree[1], "name", ""), "")
    if not form:
        raise Invalid("not a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    return Checked(form, text)


def _is_update(parse_update, text: str) -> bool:
    from pyparsing import ParseBaseException
    try:
        parse_update(text)
        return True
    except (ParseBaseException, ValueError):
        return False


def _walk(node, depth: int = 0):
    """Every node of rdflib's parse tree (CompValue is a dict, ParseResults a list)."""
    if depth > 500:  # deeper than any real query; refuse rather than recurse without end
        raise Invalid("the query is nested too deeply")
    yield node
    if isinstance(node, dict):
        children = list(node.values())
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        children = list(node)
    else:
        return
    for child in children:
        yield from _walk(child, depth + 1)


def _missing_prefix(tree) -> str | None:
    declared: set[str] = set()
    used: list[str] = []
    for node in _walk(tree):
        name = getattr(node, "name", None)
        if name == "PrefixDecl":
            declared.add(str(node.get("prefix") or ""))
        elif name == "pname":
            used.append(str(node.get("prefix") or ""))
    for p in used:
        if p not in declared:
            return p
    return None


def _syntax_error(e) -> Invalid:
    """The parser's position and the text found there, instead of pyparsing's grammar dump."""
    line = e.line or ""
    col = max(1, int(e.col or 1))
    found = line[col - 1:col + 29].strip() or "the end of the query"
    msg = f"SPARQL syntax error at line {e.lineno}, column {col}: unexpected ‘{found}’"
    first = (e.pstr or "").lstrip().split(None, 1)[0].upper() if (e.pstr or "").strip() else ""
    hint = None
    if first and first not in ("PREFIX", "BASE", "SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
        hint = "A query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX and BASE lines)."
    elif found == "the end of the query":
        hint = "The query ends early: check that every { has its }."
    return Invalid(msg, hint=hint, position={"line": int(e.lineno or 1), "column": col, "offset": int(e.loc or 0)})
