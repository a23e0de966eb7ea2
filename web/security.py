"""Headers every response carries, limits every request has, and the optional token for routes that write.

The security headers are put on in three places so that no answer goes without them: an after_request
hook (Flask's own responses), a WSGI wrapper (anything the app returns, even an error raised while
finishing a response) and the HTTP server's request handler (the errors werkzeug's server answers
before the app is called: 431 for oversized headers, 414 for a long request line, 400 for garbage).
"""
from __future__ import annotations

import hmac
import json
import time
from functools import wraps

from flask import Flask, g, has_request_context, request
from werkzeug.exceptions import RequestEntityTooLarge

from parkgraph.errors import QueryTimeout, Unauthorized, WriteRefused

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)


def init_app(app: Flask) -> None:
    s = app.config["SETTINGS"]
    # werkzeug refuses a body over this when it is read (also a chunked one, as it streams); the
    # before_request check below refuses a declared length at once, before any of it is read
    app.config["MAX_CONTENT_LENGTH"] = int(float(getattr(s, "max_request_mb", 16)) * 2**20)
    budget = float(getattr(s, "request_budget", 15.0))

    @app.before_request
    def limits():
        g.deadline = time.monotonic() + budget
        limit = app.config["MAX_CONTENT_LENGTH"]
        if request.content_length is not None and request.content_length > limit:
            raise RequestEntityTooLarge(f"the request body is {request.content_length / 2**20:.1f} MiB; "
                                        f"this server accepts at most {limit / 2**20:g} MiB")
        if request.content_length is None and "chunked" in request.headers.get("Transfer-Encoding", "").lower():
            # no declared length: read it now, bounded by the limit, and keep it for the view.
            # werkzeug's limited stream stops AT the limit without an error (the view would get a cut
            # body: 400 "bad JSON" rather than 413), so a body that fills the limit is refused here
            if len(request.get_data(cache=True)) >= limit:
                raise RequestEntityTooLarge(f"the request body is over {limit / 2**20:g} MiB, "
                                            f"which this server accepts at most")

    @app.after_request
    def headers(resp):
        for k, v in HEADERS:
            resp.headers.setdefault(k, v)
        return resp

    app.wsgi_app = SecurityHeaders(app.wsgi_app)


class SecurityHeaders:
    """WSGI middleware: adds any of HEADERS a response lacks (the backstop behind after_request)."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        def start(status, headers, exc_info=None):
            have = {k.lower() for k, _ in headers}
            return start_response(status, list(headers) + [(k, v) for k, v in HEADERS if k.lower() not in have], exc_info)
        return self.wsgi_app(environ, start)


def secure_waitress(server) -> None:
    """Make waitress's own error answers (sent before the app runs: 431 headers too large, 414, 400 on
    garbage) carry the security headers and the project's JSON error format; waitress's default
    text body is replaced, so nothing of the request is echoed."""
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    class SecureErrorTask(ErrorTask):
        def execute(self) -> None:
            e = self.request.error
            code = int(e.code)
            body = json.dumps({"error": str(e.reason).lower(), "message": str(e.reason), "status": code}).encode()
            self.status = f"{code} {e.reason}"
            self.response_headers.extend([("Content-Type", "application/json"), ("Connection", "close"), *HEADERS])
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    class SecureChannel(HTTPChannel):
        error_task_class = SecureErrorTask

    for srv in getattr(server, "servers", None) or [server]:  # one server per listening socket
        srv.channel_class = SecureChannel


def deadline() -> float | None:
    """When this request's time budget (PARKGRAPH_REQUEST_BUDGET) runs out, in time.monotonic() seconds."""
    return g.get("deadline") if has_request_context() else None


def check_budget(what: str = "this request") -> None:
    """Raise 504 when the request has used its time budget (views call it between their queries)."""
    end = g.get("deadline") if has_request_context() else None
    if end is not None and time.monotonic() > end:
        from .db import settings
        budget = float(getattr(settings(), "request_budget", 15.0))
        raise QueryTimeout(f"{what} took longer than the {budget:g} s budget and was stopped",
                           hint="ask for less (a smaller limit or depth), or raise PARKGRAPH_REQUEST_BUDGET")


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
