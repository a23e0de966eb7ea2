"""One place turns errors into answers: JSON for API clients, a page for browsers."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from markupsafe import escape
from jinja2 import TemplateNotFound
from werkzeug.exceptions import HTTPException

from parkgraph.errors import ParkGraphError


def wants_json() -> bool:
    if request.path.startswith("/api/") or request.args.get("format") == "json":
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def respond(status: int, payload: dict):
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
        return respond(e.code or 500, {"error": e.name.lower(), "message": e.description, "status": e.code})

    @app.errorhandler(Exception)
    def unexpected(e: Exception):
        app.logger.exception("unhandled error")
        return respond(500, {"error": "internal error", "message": "something went wrong on the server; it has been logged",
                             "status": 500})
