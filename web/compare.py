"""The compare page (/compare) and its one data route (/api/compare?uri=...&uri=...): parks, sub-parks or
regions side by side, metric by metric and unit by unit over time, every value with its sources."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from parkgraph.errors import BadRequest
from parkgraph.graph.compare import observations_with_sources, place_choices

from .db import get_store

bp = Blueprint("compare", __name__)

MAX_PLACES = 12  # a chart with more lines than this is unreadable; the page says so
# Metrics that are positions, not quantities (the order in which parks were approved): a line or an axis
# from 0 would suggest an amount growing over time, so they are shown in the table only.
ORDINAL_SUFFIXES = ("_order", "_rank", "_ranking")


def compare_dict(uris: list[str]) -> dict:
    store = get_store()
    choices = place_choices(store)
    by_uri = {c["uri"]: c for c in choices}
    if not uris:  # default: the national parks
        uris = [c["uri"] for c in choices if c["label"] == "Park"]
    unknown = [u for u in uris if u not in by_uri]
    if unknown:
        raise BadRequest(f"not a park, sub-park or region: {unknown[0]!r}", hint="pick from `choices` of /api/compare")
    if len(uris) > MAX_PLACES:
        raise BadRequest(f"{len(uris)} places picked; compare at most {MAX_PLACES}")
    places = [by_uri[u] for u in dict.fromkeys(uris)]
    obs = observations_with_sources(store, places)
    # one group per (metric, unit): like for like; a metric in two units is two groups (two charts)
    groups: dict[tuple, dict] = {}
    for o in obs:
        key = (o["metric"], o["unit"] or "")
        g = groups.setdefault(key, {"metric": o["metric"], "metric_zh": o["metric_zh"], "metric_en": o["metric_en"],
                                    "unit": o["unit"] or "", "numeric": False, "subjects": set(), "scopes": []})
        g["numeric"] |= isinstance(o["value"], (int, float))
        g["ordinal"] = (o["metric"] or "").endswith(ORDINAL_SUFFIXES)
        g["chart"] = g["numeric"] and not g["ordinal"]
        g["subjects"].add(o["subject"])
        if o["scope"] and o["scope"] not in g["scopes"]:
            g["scopes"].append(o["scope"])
    metrics = sorted(groups.values(), key=lambda g: (-len(g["subjects"]), not g["numeric"], g["metric"], g["unit"]))
    for g in metrics:
        g["subjects"] = sorted(g["subjects"])
    return {"places": places, "choices": choices, "metrics": metrics, "observations": obs}


@bp.get("/api/compare")
def api_compare():
    return jsonify(compare_dict(request.args.getlist("uri")))


@bp.get("/compare")
def compare_page():
    from .pages import _render
    return _render("compare.html", "compare", compare=compare_dict(request.args.getlist("uri")))
