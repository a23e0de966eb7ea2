"""Streaming RDF writers: each takes triples one subject block at a time and writes them at once,
so memory stays bounded however large the graph is."""
from __future__ import annotations

import functools
import json
import re
from json.encoder import encode_basestring
from collections.abc import Iterable
from typing import TextIO

from .mapping import Lit, RDF_TYPE
from .vocab import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# The C string encoder of json: quotes, escapes \\ and " and every control character (\\n \\t \\uXXXX…),
# all escapes N-Triples and Turtle accept — several times faster than str.translate on large exports.
_quoted = encode_basestring
_IRI_BAD = set('<>"{}|^`\\ ')


_IRI_BAD_RE = re.compile(r'[<>"{}|^`\\ \x00-\x20]')  # the characters of _IRI_BAD and every one up to 0x20


@functools.lru_cache(maxsize=1 << 16)  # predicates, classes and hubs repeat on almost every line
def nt_iri(i: str) -> str:
    if _IRI_BAD_RE.search(i):  # (a regex: a per-character generator here was most of the export's time)
        i = "".join(f"%{ord(c):02X}" if c in _IRI_BAD or ord(c) <= 0x20 else c for c in i)
    return f"<{i}>"


def nt_term(o) -> str:
    if type(o) is Lit:
        s = _quoted(o.lex)
        if o.lang:
            return f"{s}@{o.lang}"
        if o.datatype and o.datatype != XSD_STRING:
            return f"{s}^^{nt_iri(o.datatype)}"
        return s
    return nt_iri(o)


class Writer:
    def __init__(self, fh: TextIO, graph: str | None = None):
        self.fh = fh
        self.graph = graph
        self.count = 0

    def start(self) -> None: ...

    def block(self, triples: Iterable) -> None:
        raise NotImplementedError

    def end(self) -> None: ...


class NTriplesWriter(Writer):
    def block(self, triples):
        g = f" {nt_iri(self.graph)}" if self.graph else ""
        iri, term = nt_iri, nt_term
        lines = [f"{iri(s)} {iri(p)} {term(o)}{g} .\n" for s, p, o in triples]
        self.count += len(lines)
        self.fh.write("".join(lines))


class TurtleWriter(Writer):
    def start(self):
        self.fh.write("".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items()) + "\n")
        self._ns = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

    def name(self, i: str) -> str:
        for prefix, ns in self._ns:
            if i.startswith(ns):
                local = i[len(ns):]
                if local and (local[0].isalpha() or local[0] == "_") and all(c.isalnum() or c in "_-" for c in local):
                    return f"{prefix}:{local}"
        return nt_iri(i)

    def term(self, o) -> str:
        if isinstance(o, Lit):
            return nt_term(o) if not o.datatype or o.datatype == XSD_STRING else \
                _quoted(o.lex) + '^^' + self.name(o.datatype)
        return self.name(o)

    def block(self, triples):
        by_subject: dict[str, list] = {}
        for s, p, o in triples:
            by_subject.setdefault(s, []).append((p, o))
        out = []
        for s, pos in by_subject.items():
            self.count += len(pos)
            parts = [("a" if p == RDF_TYPE else self.name(p)) + " " + self.term(o) for p, o in pos]
            out.append(self.name(s) + " " + " ;\n    ".join(parts) + " .\n")
        self.fh.write("".join(out))


class JsonLdWriter(Writer):
    """JSON-LD in expanded form, one object per subject, streamed inside "@graph"."""

    def start(self):
        self.fh.write('{"@context": ' + json.dumps(PREFIXES) + ',\n "@graph": [\n')
        self.first = True

    def block(self, triples):
        by_subject: dict[str, dict] = {}
        for s, p, o in triples:
            obj = by_subject.setdefault(s, {"@id": s})
            self.count += 1
            if p == RDF_TYPE:
                obj.setdefault("@type", []).append(o)
                continue
            if isinstance(o, Lit):
                v = {"@value": o.lex}
                if o.lang:
                    v["@language"] = o.lang
                elif o.datatype and o.datatype != XSD_STRING:
                    v["@type"] = o.datatype
            else:
                v = {"@id": o}
            obj.setdefault(p, []).append(v)
        for obj in by_subject.values():
            self.fh.write(("  " if self.first else ",\n  ") + json.dumps(obj, ensure_ascii=False))
            self.first = False

    def end(self):
        self.fh.write("\n]}\n")


WRITERS = {"nt": NTriplesWriter, "nq": NTriplesWriter, "ttl": TurtleWriter, "jsonld": JsonLdWriter}
MEDIA_TYPES = {"ttl": "text/turtle", "nt": "application/n-triples", "nq": "application/n-quads", "jsonld": "application/ld+json"}
