"""One SPARQL worker process: `python -m parkgraph.rdf.sparql_worker STORE MEMORY_MB CPU_SECONDS`.

It imports what it needs, confines itself (parkgraph.sandbox: no network, files readable only under
the snapshot and Python's own, RLIMIT_AS and RLIMIT_CPU), opens the snapshot read-only, says it is
ready, then answers one request at a time from stdin to stdout (sparql_wire frames). Each request is
checked by sparql_guard before Oxigraph sees it. The parent kills the process (SIGKILL) at a query's
time limit; an allocation past the memory cap aborts it; either way the parent starts another.
"""
from __future__ import annotations

import resource
import sys

REQUEST_MAX = 1 << 20  # bytes of one request frame: a 20 000-character query is far below it


def main(argv: list[str]) -> int:
    store_path, memory_mb, cpu_seconds = argv[0], int(argv[1]), int(argv[2])
    # everything is imported and the grammar built before confine(): afterwards only Python's own
    # directories and the snapshot can be read
    import pyoxigraph

    from . import sparql_formats, sparql_guard, sparql_wire
    sparql_guard.check("ASK { ?s ?p ?o }")
    layers = confine_worker(store_path, memory_mb, cpu_seconds)
    store = pyoxigraph.Store.read_only(store_path)  # after confine(): RocksDB starts threads
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sparql_wire.send(out, {"ready": True, "layers": layers})
    while True:
        req = sparql_wire.recv(inp, REQUEST_MAX)
        if req is None:
            return 0
        header, body = _answer(store, req[0], sparql_formats, sparql_guard)
        used = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        # RLIMIT_CPU counts the process's whole life: retire before a normal query could meet it
        header["retire"] = bool(cpu_seconds) and used > cpu_seconds / 2
        sparql_wire.send(out, header, body)
        if header.get("fatal") or header["retire"]:
            return 0


_checked: dict[str, object] = {}
CHECK_CACHE = 256  # texts whose verdict a worker keeps: rdflib's parse costs 20-300 ms, a repeat nothing


def _check(guard, text: str):
    """guard.check with a small cache of the texts that passed (a refusal is parsed again each time)."""
    hit = _checked.pop(text, None)
    if hit is None:
        hit = guard.check(text)
        if len(_checked) >= CHECK_CACHE:
            _checked.pop(next(iter(_checked)))
    _checked[text] = hit  # most recently used last
    return hit


def confine_worker(store_path: str, memory_mb: int, cpu_seconds: int) -> dict[str, str]:
    """The worker's sandbox: read the snapshot only, write nothing, no network, capped memory and CPU."""
    from parkgraph.sandbox import confine
    return confine(read_paths=[store_path], memory_bytes=memory_mb * 1024 * 1024 if memory_mb else None,
                   cpu_seconds=cpu_seconds or None)


def _answer(store, req: dict, formats, guard) -> tuple[dict, bytes]:
    try:
        checked = _check(guard, req["query"])
        fmt, ctype = formats.negotiate(req.get("accept"), checked.form)
        result = store.query(checked.text)
        if checked.form == "ask":
            body, truncated = formats.serialize_boolean(result, fmt), False
        elif checked.form == "select":
            body, truncated = formats.serialize_solutions(result, fmt, int(req["max_rows"]))
        else:
            body, truncated = formats.serialize_triples(result, fmt, int(req["max_rows"]) * 10)
    except guard.Refused as e:
        return {"error": "refused", "message": e.message, "hint": e.hint}, b""
    except guard.Invalid as e:
        return {"error": "invalid", "message": e.message, "hint": e.hint, "position": e.position}, b""
    except formats.NotAcceptable as e:
        return {"error": "not_acceptable", "message": str(e)}, b""
    except MemoryError:
        return {"error": "memory", "fatal": True}, b""
    except SyntaxError as e:
        # the guard's grammar read it, Oxigraph's did not: Oxigraph's message names the position
        return {"error": "invalid", "message": f"SPARQL syntax error: {str(e)[:500]}"}, b""
    except (ValueError, OSError, RuntimeError, TypeError) as e:
        # an evaluation error; only its first line, cut short, so that no reply from elsewhere and no
        # large value is ever echoed back
        first = (str(e).splitlines() or [""])[0][:300]
        return {"error": "query", "message": f"the SPARQL query failed: {first}"}, b""
    if len(body) > int(req["max_bytes"]):
        return {"error": "too_large", "message": f"the answer is {len(body) / 1e6:.0f} MB, over the "
                f"{int(req['max_bytes']) / 1e6:.0f} MB an answer may have"}, b""
    return {"ok": True, "content_type": ctype, "truncated": truncated}, body


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
