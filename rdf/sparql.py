"""A read-only SPARQL 1.1 query service over a snapshot of the graph.

The graph is exported (streamed N-Triples) together with the ontology into an on-disk Oxigraph store.
Queries run in a separate worker process that opens that store read-only: a runaway query is stopped
at the time limit by ending the worker, which the service then replaces. The snapshot is rebuilt when
the graph's counts change (checked at most every few seconds) or when `invalidate()` is called after a
load through the app.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from parkgraph.errors import BadRequest, QueryError, QueryTimeout, WriteRefused
from parkgraph.graph import GraphStore
from parkgraph.ontology import ONTOLOGY_PATH

from .export import export

RESULT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt",
               "application/rdf+xml": "rdfxml"}
CONTENT_TYPE = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
                "ttl": "text/turtle; charset=utf-8", "jsonld": "application/ld+json", "nt": "application/n-triples",
                "rdfxml": "application/rdf+xml"}


class SparqlService:
    def __init__(self, store: GraphStore, base_iri: str, *, timeout: float = 10.0, max_rows: int = 1000,
                 check_every: float = 5.0):
        self.store = store
        self.base_iri = base_iri
        self.timeout = timeout
        self.max_rows = max_rows
        self.check_every = check_every
        self._lock = threading.Lock()
        self._dir: Path | None = None
        self._signature: str | None = None
        self._checked = 0.0
        self._worker: _Worker | None = None

    # ------------------------------------------------------------------ snapshot
    def _graph_signature(self) -> str:
        return json.dumps(self.store.counts(), sort_keys=True)

    def invalidate(self) -> None:
        """The graph changed: rebuild the snapshot on the next query (not only after the next periodic check)."""
        with self._lock:
            self._signature = None
            self._checked = 0.0

    def _ensure_snapshot(self) -> None:
        now = time.monotonic()
        if self._dir is not None and now - self._checked < self.check_every:
            return
        sig = self._graph_signature()
        self._checked = now
        if sig == self._signature and self._dir is not None:
            return
        import pyoxigraph
        new_dir = Path(tempfile.mkdtemp(prefix="parkgraph-sparql-"))
        nt = new_dir / "dump.nt"
        with open(nt, "w", encoding="utf-8") as fh:
            export(self.store, fh, "nt", self.base_iri, issued="2000-01-01")
        ox = pyoxigraph.Store(str(new_dir / "store"))
        ox.bulk_load(path=str(nt), format=pyoxigraph.RdfFormat.N_TRIPLES)
        ox.bulk_load(path=str(ONTOLOGY_PATH), format=pyoxigraph.RdfFormat.TURTLE)
        ox.flush()
        del ox
        nt.unlink()
        old_dir, old_worker = self._dir, self._worker
        self._dir, self._signature, self._worker = new_dir, sig, None
        if old_worker:
            old_worker.stop()
        if old_dir:
            shutil.rmtree(old_dir, ignore_errors=True)

    def close(self) -> None:
        with self._lock:
            if self._worker:
                self._worker.stop()
            if self._dir:
                shutil.rmtree(self._dir, ignore_errors=True)
            self._worker = self._dir = None

    # ------------------------------------------------------------------ queries
    def query(self, text: str, accept: str | None, *, timeout: float | None = None) -> tuple[bytes, str, bool]:
        """Run a query; return (body, content type, truncated)."""
        if not text or not text.strip():
            raise BadRequest("missing SPARQL query", hint="send ?query=… (GET) or a form field or application/sparql-query body (POST)")
        if len(text) > 20000:
            raise BadRequest("query is longer than 20000 characters")
        _refuse_update(text)
        timeout = self.timeout if timeout is None else timeout
        with self._lock:
            self._ensure_snapshot()
            if self._worker is None or not self._worker.alive():
                self._worker = _Worker(self._dir / "store")
            worker = self._worker
            try:
                status, payload = worker.run(text, accept or "", self.max_rows, timeout)
            except TimeoutError:
                worker.stop()
                # start the replacement now, so it is ready before the next query arrives
                self._worker = _Worker(self._dir / "store")
                raise QueryTimeout(f"the SPARQL query ran longer than the {timeout:g} s limit and was stopped",
                                   hint="Add a LIMIT or narrow the patterns.") from None
        if status == "error":
            raise QueryError(payload)
        body, ctype, truncated = payload
        return body, ctype, truncated

    def select(self, text: str, timeout: float | None = None) -> tuple[list[str], list[list]]:
        """Convenience for Python callers and tests: (variables, rows of Python values)."""
        body, _, _ = self.query(text, "application/sparql-results+json", timeout=timeout)
        doc = json.loads(body)
        vars_ = doc["head"]["vars"]
        return vars_, [[_py(b.get(v)) for v in vars_] for b in doc["results"]["bindings"]]


UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}

# SPARQL tokens, cut as the grammar (and Oxigraph) cut them: a comment ends at CR or LF, a long string
# may hold quotes, and an IRI reference holds no space, `<`, `>`, `"`, `{`, `}`, `|`, `^`, `` ` `` or `\`.
_SPARQL_TOKEN = re.compile(
    r"""(?P<ws>\s+)
      |(?P<comment>\#[^\r\n]*)
      |(?P<str>'''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)
              |\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|\Z)
              |'(?:[^'\\\r\n]|\\.)*(?:'|\Z)
              |"(?:[^"\\\r\n]|\\.)*(?:"|\Z))
      |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      |(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f\u2040]+)
      |(?P<pname>(?:[^\W\d_][\w.\-]*)?:(?:[\w:%\\.\-]*[\w:%\-])?)
      |(?P<word>[^\W\d][\w\-]*)
      |(?P<other>.)""",
    re.X | re.S,
)


def _refuse_update(text: str) -> None:
    """Refuse SPARQL Update with a clear message (the snapshot is read-only in any case), and
    federated queries: Oxigraph sends a SERVICE request over HTTP from the server and quotes the
    answer in its error message, which would let a visitor reach any address the server can."""
    toks = [(m.lastgroup, m.group()) for m in _SPARQL_TOKEN.finditer(text) if m.lastgroup not in ("ws", "comment")]
    i = 0
    while i < len(toks) and toks[i][0] == "word" and toks[i][1].upper() in ("PREFIX", "BASE"):
        i += 3 if toks[i][1].upper() == "PREFIX" else 2
    first = toks[i][1].upper() if i < len(toks) and toks[i][0] == "word" else ""
    if first in UPDATE_WORDS:
        raise WriteRefused("the SPARQL endpoint is read-only: SPARQL Update is not accepted")
    words = {t[1].upper() for t in toks if t[0] == "word"}
    if "SERVICE" in words:
        raise WriteRefused("the SPARQL endpoint does not run federated queries (SERVICE)",
                           hint="Query this endpoint's own graph; fetch other endpoints yourself.")


def _py(term: dict | None):
    if term is None:
        return None
    if term["type"] == "literal":
        dt = term.get("datatype", "")
        v = term["value"]
        if dt.endswith(("#integer", "#int", "#long")):
            return int(v)
        if dt.endswith(("#double", "#decimal", "#float")):
            return float(v)
        if dt.endswith("#boolean"):
            return v == "true"
        return v
    return term["value"]


# ---------------------------------------------------------------------- worker process
STARTUP_TIMEOUT = 30.0  # seconds a fresh worker may take to import pyoxigraph and open the snapshot


class _Worker:
    """`python -m parkgraph.rdf.sparql` in a child process, spoken to over its stdin/stdout with
    length-prefixed pickles (a subprocess rather than multiprocessing, so it never re-imports the
    caller's __main__)."""

    def __init__(self, store_path: Path):
        import subprocess
        import sys
        self.proc = subprocess.Popen([sys.executable, "-m", "parkgraph.rdf.sparql", str(store_path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._warm = False

    def alive(self) -> bool:
        return self.proc.poll() is None

    def _wait(self, seconds: float) -> bool:
        import select
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if ready:
                return True

    def run(self, text: str, accept: str, max_rows: int, timeout: float):
        if not self._warm:
            # the worker says when its store is open, so start-up never counts against a query's limit
            if not self._wait(STARTUP_TIMEOUT) or _recv(self.proc.stdout) != ("ready", None):
                self.stop()
                raise QueryError("the SPARQL worker did not start; try again")
            self._warm = True
        _send(self.proc.stdin, (text, accept, max_rows))
        if not self._wait(timeout):
            raise TimeoutError
        msg = _recv(self.proc.stdout)
        if msg is None:
            raise QueryError("the SPARQL worker stopped unexpectedly")
        return msg

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass


def _send(fh, obj) -> None:
    import pickle
    import struct
    data = pickle.dumps(obj)
    fh.write(struct.pack(">I", len(data)) + data)
    fh.flush()


def _recv(fh):
    import pickle
    import struct
    head = fh.read(4)
    if len(head) < 4:
        return None
    (n,) = struct.unpack(">I", head)
    return pickle.loads(fh.read(n))


def _serve(store_path: str) -> None:
    import sys
    import pyoxigraph
    store = pyoxigraph.Store.read_only(store_path)
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    _send(out, ("ready", None))
    while True:
        req = _recv(inp)
        if req is None:
            return
        text, accept, max_rows = req
        try:
            _send(out, ("ok", _run(pyoxigraph, store, text, accept, max_rows)))
        except (SyntaxError, ValueError, OSError, RuntimeError, TypeError) as e:
            _send(out, ("error", str(e)))


def _negotiate(accept: str, table: dict[str, str], default: str) -> str:
    best, best_q = default, -1.0
    for part in accept.split(","):
        bits = part.strip().split(";")
        mt = bits[0].strip().lower()
        q = 1.0
        for b in bits[1:]:
            if b.strip().startswith("q="):
                try:
                    q = float(b.strip()[2:])
                except ValueError:
                    q = 0.0
        if mt in table and q > best_q:
            best, best_q = table[mt], q
    return best


def _run(ox, store, text: str, accept: str, max_rows: int):
    result = store.query(text)
    if isinstance(result, bool) or type(result).__name__ == "QueryBoolean":
        b = bool(result)
        fmt = _negotiate(accept, RESULT_TYPES, "json")
        if fmt == "xml":
            body = ('<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                    f"<boolean>{'true' if b else 'false'}</boolean></sparql>").encode()
        elif fmt in ("csv", "tsv"):
            body = ("true" if b else "false").encode()
        else:
            body = json.dumps({"head": {}, "boolean": b}).encode()
        return body, CONTENT_TYPE[fmt], False
    if type(result).__name__ == "QuerySolutions":
        vars_ = [v.value for v in result.variables]
        rows, truncated = [], False
        for sol in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append([sol[v] for v in vars_])
        fmt = _negotiate(accept, RESULT_TYPES, "json")
        return _solutions(ox, fmt, vars_, rows, truncated), CONTENT_TYPE[fmt], truncated
    triples, truncated = [], False
    for t in result:
        if len(triples) >= max_rows * 10:
            truncated = True
            break
        triples.append(t)
    fmt = _negotiate(accept, GRAPH_TYPES, "ttl")
    rdf_fmt = {"ttl": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD, "nt": ox.RdfFormat.N_TRIPLES,
               "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
    body = ox.serialize(triples, format=rdf_fmt, prefixes=_prefixes()) if fmt in ("ttl", "rdfxml") else ox.serialize(triples, format=rdf_fmt)
    return body, CONTENT_TYPE[fmt], truncated


def _prefixes() -> dict:
    from .vocab import PREFIXES
    return dict(PREFIXES)


def _term_json(ox, t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    d = {"type": "literal", "value": t.value}
    if t.language:
        d["xml:lang"] = t.language
    elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        d["datatype"] = t.datatype.value
    return d


def _solutions(ox, fmt: str, vars_: list[str], rows: list[list], truncated: bool) -> bytes:
    if fmt == "json":
        bindings = [{v: _term_json(ox, t) for v, t in zip(vars_, row) if t is not None} for row in rows]
        doc = {"head": {"vars": vars_}, "results": {"bindings": bindings}}
        if truncated:
            doc["head"]["link"] = ["urn:parkgraph:truncated"]
        return json.dumps(doc, ensure_ascii=False).encode()
    if fmt == "xml":
        out = io.StringIO()
        out.write('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>')
        out.write("".join(f'<variable name="{xml_escape(v)}"/>' for v in vars_))
        out.write("</head><results>")
        for row in rows:
            out.write("<result>")
            for v, t in zip(vars_, row):
                if t is None:
                    continue
                j = _term_json(ox, t)
                out.write(f'<binding name="{xml_escape(v)}">')
                if j["type"] == "uri":
                    out.write(f"<uri>{xml_escape(j['value'])}</uri>")
                elif j["type"] == "bnode":
                    out.write(f"<bnode>{xml_escape(j['value'])}</bnode>")
                else:
                    attrs = f' xml:lang="{xml_escape(j["xml:lang"])}"' if "xml:lang" in j else \
                        (f' datatype="{xml_escape(j["datatype"])}"' if "datatype" in j else "")
                    out.write(f"<literal{attrs}>{xml_escape(j['value'])}</literal>")
                out.write("</binding>")
            out.write("</result>")
        out.write("</results></sparql>\n")
        return out.getvalue().encode()
    if fmt == "csv":
        import csv
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(vars_)
        for row in rows:
            w.writerow(["" if t is None else t.value for t in row])
        return out.getvalue().encode()
    # TSV: terms in SPARQL/Turtle syntax
    lines = ["\t".join("?" + v for v in vars_)]
    for row in rows:
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return ("\n".join(lines) + "\n").encode()


if __name__ == "__main__":
    import sys
    _serve(sys.argv[1])
