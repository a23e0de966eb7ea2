"""One place turns errors into answers: JSON for API clients, a page for browsers."""
from __future__ import annotations

import re

from flask import Flask, jsonify, render_template, request
from markupsafe import escape
from jinja2 import TemplateNotFound
from werkzeug.exceptions import HTTPException

from parkgraph.errors import ParkGraphError
from parkgraph.graph.driver_errors import connection_lost  # graph/ knows the drivers' error names


def wants_json() -> bool:
    if request.path.startswith("/api/") or request.args.get("format") == "json":
        return True
    # SPARQL and linked-data clients ask for a JSON flavour (application/sparql-results+json, …): they get JSON too
    best = request.accept_mimetypes.best_match(["text/html", "application/json", "application/sparql-results+json",
                                                "application/ld+json"])
    return best is not None and best != "text/html"


# A source file of the engine or the server (`/home/runner/work/…/src/binder/expression.cpp:42`,
# `/usr/lib/python3/…/neo4j/_sync/io.py`): an engine's message may quote one; no answer does.
_SOURCE_PATH = re.compile(r"(?<![\w:/.])(?:[A-Za-z]:)?(?:[/\\][\w.+@-]+){2,}\.(?:cpp|cc|cxx|c|hpp|hh|h|py|pyx|java|scala|kt|rs|go)\b(?::\d+)*")


def redact(text):
    return _SOURCE_PATH.sub("[source path removed]", text) if isinstance(text, str) else text


def respond(status: int, payload: dict):
    payload = {k: redact(v) for k, v in payload.items()}
    if wants_json():
        return jsonify(payload), status
    try:
        return render_template("error.html", error=payload, page="error"), status
    except TemplateNotFound:
        body = (f"<!doctype html><meta charset=utf-8><title>{status}</title><h1>{escape(payload.get('error', 'error'))}</h1>"
                f"<p>{escape(payload.get('message', ''))}</p>")
        if payload.get("hint"):
            body += f"<p>{escape(payload['hint'])}</p>"
        return body, status


def init_app(app: Flask) -> None:
    @app.errorhandler(ParkGraphError)
    def parkgraph_error(e: ParkGraphError):
        return respond(e.status, e.to_dict())

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException):
        payload = {"error": e.name.lower(), "message": e.description, "status": e.code}
        if e.code == 413:
            payload["hint"] = "split the data into smaller files, or load it with `parkgraph load FILE`; " \
                              "PARKGRAPH_MAX_REQUEST_MB sets the limit"
        return respond(e.code or 500, payload)

    @app.errorhandler(Exception)
    def unexpected(e: Exception):
        if connection_lost(e):
            # a driver's connection error that the store did not translate (Neo4j's server_info does
            # not): the database is down, which is a 503 the UI recovers from, not an internal error
            app.logger.warning("database unavailable: %s", e)
            return respond(503, _unavailable_error().to_dict())
        app.logger.exception("unhandled error")
        return respond(500, {"error": "internal error", "message": "something went wrong on the server; it has been logged",
                             "status": 500})


def _unavailable_error() -> ParkGraphError:
    from flask import current_app
    from parkgraph.errors import BackendUnavailable
    s = current_app.config.get("SETTINGS")
    where = f"Neo4j at {s.neo4j_uri}" if s is not None and s.backend == "neo4j" else "the database"
    return BackendUnavailable(f"cannot reach {where}",
                              hint="It may be restarting: try again in a moment. If it stays down, start it "
                                   "(`parkgraph neo4j start`) or check NEO4J_URI.")
