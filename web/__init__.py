"""Flask application factory (flaskr style): `create_app(test_config=None)`.

web/ presents; it never talks to a database driver: every query goes through the store from graph/.
"""
from __future__ import annotations

from flask import Flask
from flask.json.provider import DefaultJSONProvider

from parkgraph import jsonsafe
from parkgraph.settings import Settings


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, but NaN and ±Infinity become the strings "NaN", "Infinity", "-Infinity"
    (Python writes them bare, which is not JSON: the console could not parse a result holding one)."""

    def dumps(self, obj, **kwargs) -> str:
        kwargs.setdefault("default", self.default)
        kwargs.setdefault("ensure_ascii", self.ensure_ascii)
        kwargs.setdefault("sort_keys", self.sort_keys)
        return jsonsafe.dumps(obj, **kwargs)


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, static_folder="static", template_folder="templates")
    # never debug mode, whatever FLASK_DEBUG says (Flask reads it into DEBUG by default)
    app.config.from_mapping(SETTINGS=None, STORE=None, JSON_SORT_KEYS=False, DEBUG=False)
    if test_config:
        app.config.update(test_config)
    if app.config["SETTINGS"] is None:
        app.config["SETTINGS"] = Settings.from_env()
    app.json = JSONProvider(app)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from . import db, errors, security
    db.init_app(app)
    errors.init_app(app)
    security.init_app(app)

    from .api import bp as api_bp
    from .pages import bp as pages_bp
    app.register_blueprint(api_bp)
    app.register_blueprint(pages_bp)
    from .analytics import bp as analytics_bp
    app.register_blueprint(analytics_bp)
    from .admin import bp as admin_bp  # routes that write (token)
    app.register_blueprint(admin_bp)
    from .compare import bp as compare_bp  # /compare, /api/compare
    app.register_blueprint(compare_bp)
    from .sparql import bp as sparql_bp
    app.register_blueprint(sparql_bp)
    return app
