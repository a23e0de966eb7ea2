"""/api/compare, the compare page's one data route: default places, like-for-like groups, sources on every
value, clear errors, and a number of queries that does not grow with the places picked. Both engines."""
from __future__ import annotations

from html import escape as html_escape

from ..conftest import BASE

TONGZHOU = BASE + "subpark/tongzhou"
HAIDIAN = BASE + "subpark/haidian"


def test_default_is_every_national_park(client, fixture_store):
    d = client.get("/api/compare").json
    parks = [u for (u,) in fixture_store.read("MATCH (p:Park) RETURN p.uri ORDER BY p.uri").rows]
    assert [p["uri"] for p in d["places"]] == parks
    assert {c["label"] for c in d["choices"]} >= {"Park", "SubPark"}


def test_values_grouped_by_metric_and_unit_each_with_sources(client, fixture_store):
    d = client.get("/api/compare", query_string=[("uri", TONGZHOU), ("uri", HAIDIAN)]).json
    want = {o["uri"] for u in (TONGZHOU, HAIDIAN) for o in fixture_store.observations_of(u)}
    assert {o["uri"] for o in d["observations"]} == want and want
    for o in d["observations"]:
        assert o["subject"] in (TONGZHOU, HAIDIAN)
        assert [s["uri"] for s in o["sources"]] == [c["source"]["uri"] for c in fixture_store.citations(o["uri"])]
        assert o["sources"], f"{o['uri']} has no source"
    keys = [(m["metric"], m["unit"]) for m in d["metrics"]]
    assert len(keys) == len(set(keys))
    assert {(o["metric"], o["unit"] or "") for o in d["observations"]} == set(keys)


def test_unknown_place_is_a_clear_error(client):
    r = client.get("/api/compare", query_string={"uri": BASE + "enterprise/nope"})
    assert r.status_code == 400 and "enterprise/nope" in r.json["message"] and r.json["hint"]


def test_query_count_does_not_grow_with_the_places(client, fixture_store, monkeypatch):
    calls = []
    real = fixture_store.read

    def counting(*a, **k):
        calls.append(a[0])
        return real(*a, **k)

    monkeypatch.setattr(fixture_store, "read", counting)
    counts = []
    for uris in ([TONGZHOU], [TONGZHOU, HAIDIAN]):
        calls.clear()
        assert client.get("/api/compare", query_string=[("uri", u) for u in uris]).status_code == 200
        counts.append(len(calls))
    assert counts[0] == counts[1] <= 7, counts


def test_compare_page_without_javascript_lists_values_and_sources(client, fixture_store):
    html = client.get("/compare", query_string=[("uri", TONGZHOU)]).get_data(as_text=True)
    for o in fixture_store.observations_of(TONGZHOU):
        for c in fixture_store.citations(o["uri"]):
            assert html_escape(c["source"]["title"], quote=False) in html  # escaped: the fixture has A&B <测试>
    assert 'value="%s" checked' % TONGZHOU in html
