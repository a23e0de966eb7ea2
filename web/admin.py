"""Routes that write: POST /api/load, behind PARKGRAPH_WRITE_TOKEN (disabled without one).

The body is one YAML document in the data-file format (docs/data-format.md). It is validated and
loaded exactly like `parkgraph load FILE`: every problem is reported (422) and nothing is written
unless the whole file is valid. Afterwards the SPARQL snapshot is rebuilt on its next query.
"""
from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from flask import Blueprint, current_app, jsonify, request

from parkgraph.errors import BadRequest, ValidationFailed, WriteRefused

from .db import get_store, settings
from .security import require_write_token

bp = Blueprint("admin", __name__, url_prefix="/api")

MAX_BODY = 16 * 1024 * 1024
YAML_TYPES = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"}
UPLOAD_NAME = "upload.yaml"


@bp.post("/load")
@require_write_token
def load():
    from parkgraph.loaders import load_paths
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise BadRequest(f"the body is larger than {MAX_BODY // 2**20} MiB", hint="split the file, or use `parkgraph load`")
    if (request.mimetype or "").lower() not in YAML_TYPES:
        raise BadRequest("send the data as a YAML body (Content-Type: application/yaml)")
    raw = request.get_data(cache=False)
    if len(raw) > MAX_BODY:
        raise BadRequest(f"the body is larger than {MAX_BODY // 2**20} MiB")
    store = get_store()
    if getattr(store, "read_only", False):
        raise WriteRefused("this server opened its LadybugDB database read-only, so it cannot load data",
                           hint="stop the server and run `parkgraph load FILE`, or serve a Neo4j backend")
    with tempfile.TemporaryDirectory(prefix="parkgraph-upload-") as tmp:
        path = Path(tmp) / UPLOAD_NAME
        path.write_bytes(raw)
        try:
            report = load_paths([path], store, settings().base_iri,
                                dry_run=request.args.get("dry_run") in ("1", "true", "yes"), progress=False)
        except ValidationFailed as e:
            # problems name the upload, never the server's temporary path
            e.problems = [dataclasses.replace(p, file=UPLOAD_NAME) if hasattr(p, "file") else p for p in e.problems]
            raise
    sparql = current_app.extensions.get("parkgraph_sparql")
    if sparql is not None and not report.dry_run:
        sparql.invalidate()
    return jsonify(report.to_dict())
