"""Reads behind the compare page: places (parks, sub-parks, regions) and their dated observations with
sources, in a fixed number of queries whatever is picked — one per place label for the choices, one per
picked label for the observations, one for all their citations (at most 7 with three labels)."""
from __future__ import annotations

from .store import GraphStore

PLACE_LABELS = ("Park", "SubPark", "Region")
OBS_KEYS = ("metric", "metric_zh", "metric_en", "value", "value_text", "unit", "as_of", "status", "qualifier",
            "scope", "note")


def place_choices(store: GraphStore) -> list[dict]:
    """Every park, sub-park and region (the compare page's choices), in label then IRI order."""
    out = []
    for label in PLACE_LABELS:
        if label not in store.model.classes:
            continue
        for (n,) in store.read(f"MATCH (n:{label}) RETURN n ORDER BY n.uri").rows:
            p = n["properties"]
            out.append({"uri": n["uri"], "label": label, "name_zh": p.get("name_zh"), "name_en": p.get("name_en")})
    return out


def observations_with_sources(store: GraphStore, places: list[dict]) -> list[dict]:
    """The observations describing the given places, each with its sources (title, url, published) and quotes."""
    targets = set(store.model.relationships["DESCRIBES"].targets)
    obs: list[dict] = []
    for label in PLACE_LABELS:
        uris = [p["uri"] for p in places if p["label"] == label]
        if not uris or label not in targets:
            continue
        res = store.read(f"MATCH (o:Observation)-[:DESCRIBES]->(x:{label}) WHERE x.uri IN $uris "
                         "RETURN x.uri, o ORDER BY o.metric, o.as_of, o.uri", {"uris": uris})
        for subject, o in res.rows:
            p = o["properties"]
            obs.append({"uri": o["uri"], "subject": subject, **{k: p.get(k) for k in OBS_KEYS}, "sources": []})
    if obs:
        by_uri = {o["uri"]: o for o in obs}
        res = store.read("MATCH (o:Observation)-[:DERIVED_FROM]->(q:Quote)-[:QUOTED_FROM]->(s:Source) "
                         "WHERE o.uri IN $uris RETURN o.uri, q, s ORDER BY s.published, s.uri, q.uri",
                         {"uris": list(by_uri)})
        for ouri, q, s in res.rows:
            sp = s["properties"]
            by_uri[ouri]["sources"].append({"uri": s["uri"], "title": sp.get("title"), "url": sp.get("url"),
                                            "outlet": sp.get("outlet"), "published": sp.get("published"),
                                            "quote": q["properties"].get("text")})
    return obs
