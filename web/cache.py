"""Answers of the read-only JSON views, kept per graph version, with ETag revalidation (issue #15).

A view's answer depends only on the request (path and query string) and on the graph; the graph
version (`GraphStore.graph_version`, bumped by every write from any process: LadybugDB's write
counter, Neo4j's bookmark) is part of the key, so a write makes every kept answer unreachable at the
next request, and nothing is ever served from an older graph. Each answer carries a strong ETag (a
digest of its bytes) and `Cache-Control: no-cache`: a browser keeps it and asks again with
If-None-Match, and gets 304 without a body while the graph is unchanged.

A request never asked before cannot be a kept answer, and on Neo4j asking the graph version is a
round trip of its own (1–4 ms at the median on the 1M graph, as much as a third of a search: bench/
RESULTS.md); so such a request skips the version, runs its view and is sent, and the path is noted;
it is kept from its second asking on, under the version read before that view ran, as always.

Under 50 clients on 2 cores the server spent its time building the same few answers again (Python
is one core at a time: Flask, the rows' conversion, JSON); a kept answer costs a dictionary look-up
and the version check. Bounded: at most MAX_BYTES of bodies, least recently used dropped first.
Answers that depend on more than the request and the graph (a neighbourhood cut short by the time
budget: `partial`) are not kept (`no_store()`).
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from functools import wraps

from flask import Response, current_app, g, request

from .db import get_store, graph_version

MAX_BYTES = 64 * 2**20  # of kept bodies per app: the bundled data's every view is a few MB
MAX_BODY = 4 * 2**20    # a larger answer is sent but not kept (it would push out many small ones)
MAX_SEEN = 50_000       # paths noted as asked, by a 16-byte digest (a path may be 64 kB): about 5 MB at most


class ResponseCache:
    def __init__(self, max_bytes: int = MAX_BYTES):
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, str], tuple[bytes, str, str]] = OrderedDict()
        self._size = 0
        self._version: str | None = None
        self._lock = threading.Lock()
        self._seen: OrderedDict[bytes, None] = OrderedDict()
        self.hits = self.misses = 0

    def first_asking(self, path: str) -> bool:
        """True the first time a path is asked (then it is noted); false from its second asking on."""
        digest = hashlib.blake2b(path.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        with self._lock:
            if digest in self._seen:
                self._seen.move_to_end(digest)
                return False
            self._seen[digest] = None
            if len(self._seen) > MAX_SEEN:
                self._seen.popitem(last=False)
            return True

    def get(self, key: tuple[str, str]) -> tuple[bytes, str, str] | None:
        with self._lock:
            got = self._items.get(key)
            if got is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return got

    def put(self, key: tuple[str, str], body: bytes, mimetype: str, etag: str) -> None:
        if len(body) > MAX_BODY:
            return
        with self._lock:
            if self._version != key[0]:
                # a new graph version makes every older answer unreachable: drop them now
                self._items.clear()
                self._size = 0
                self._version = key[0]
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= len(old[0])
            self._items[key] = (body, mimetype, etag)
            self._size += len(body)
            while self._size > self.max_bytes and self._items:
                _, (b, _, _) = self._items.popitem(last=False)
                self._size -= len(b)


def _cache() -> ResponseCache:
    app = current_app._get_current_object()
    c = app.extensions.get("parkgraph_response_cache")
    if c is None:
        c = app.extensions.setdefault("parkgraph_response_cache", ResponseCache())
    return c


def no_store() -> None:
    """This request's answer is not to be kept (it depends on more than the request and the graph)."""
    g.parkgraph_no_store = True


def _etag_of(body: bytes) -> str:
    # the tag unquoted, as werkzeug keeps them (set_etag quotes it in the header)
    return hashlib.blake2b(body, digest_size=12).hexdigest()


def _answer(body: bytes, mimetype: str, etag: str) -> Response:
    if request.if_none_match.contains(etag):
        resp = Response(status=304)
    else:
        resp = Response(body, mimetype=mimetype)
    resp.set_etag(etag)
    resp.headers["Cache-Control"] = "no-cache"
    return resp


def cached(view):
    """Keep the view's 200 answers per (graph version, path and query string)."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        cache = _cache()
        first = cache.first_asking(request.full_path)
        key = None if first else (graph_version(get_store()), request.full_path)
        got = cache.get(key) if key else None
        if got is not None:
            return _answer(*got)
        resp = current_app.make_response(view(*args, **kwargs))
        if resp.status_code != 200 or resp.direct_passthrough or g.get("parkgraph_no_store"):
            return resp
        body = resp.get_data()
        etag = _etag_of(body)
        if key is not None:
            cache.put(key, body, resp.mimetype, etag)
        return _answer(body, resp.mimetype, etag)
    return wrapper
