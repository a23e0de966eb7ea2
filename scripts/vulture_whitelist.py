"""Names vulture cannot see used because a framework calls them (scripts/test.sh passes this file to
vulture with the code). Each line names what calls it. Add to it only for that reason; code that
nothing calls is deleted instead."""
# ruff: noqa: F821
# The context-manager protocol passes (type, value, traceback) to __exit__ (graph/store.py).
exc

# Flask calls the functions its decorators registered: @bp.route, @app.errorhandler, @app.after_request
# (web/api.py, web/pages.py, web/sparql.py, web/errors.py, web/security.py). vulture reports them at 60%
# confidence, below the 80 the suite runs at; they are listed so that a lower threshold stays readable.
parkgraph_error
http_error
unexpected
sparql_error
endpoint
examples
openapi
explorer
download
limits

# ANTLR calls ErrorListener.syntaxError(recognizer, offending, line, column, msg, e) (graph/dialect/parse.py).
recognizer
offending

# html.parser.HTMLParser calls its handle_* hooks (loaders/ingest/document.py).
handle_startendtag
handle_data

# waitress reads these attributes of the server it builds (web/security.py secure_waitress).
error_task_class
channel_class
