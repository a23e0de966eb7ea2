"""Headers every response carries, and the optional token for routes that write."""
from __future__ import annotations

import hmac
from functools import wraps

from flask import Flask, request

from parkgraph.errors import Unauthorized, WriteRefused

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")


def init_app(app: Flask) -> None:
    @app.after_request
    def headers(resp):
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        return resp


def require_write_token(view):
    """Routes that change the graph need PARKGRAPH_WRITE_TOKEN as a Bearer token; without a
    configured token they are disabled."""
    @wraps(view)
    def wrapper(*a, **kw):
        from .db import settings
        token = settings().write_token
        if not token:
            raise WriteRefused("writes over HTTP are disabled", hint="set PARKGRAPH_WRITE_TOKEN to enable them")
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), str(token).encode()):
            raise Unauthorized("a valid write token is required", hint="send Authorization: Bearer <token>")
        return view(*a, **kw)
    return wrapper
