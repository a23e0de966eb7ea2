"""Dates with a precision (issue #13): every date is written as the source gives it (2019, 2022-05,
2022-05-31), stored as a real DATE on both engines so that `date()` comparisons and ORDER BY work on
every value, and shown back at its precision."""
from __future__ import annotations


import pytest
import yaml

from parkgraph.loaders import load_paths, validate_paths

from ..conftest import BASE, DATA

SOURCE = {"id": "src-dates", "title": "日期测试来源", "published": "2022-05", "published_text": "2022年5月"}
Q = "园区企业数量达到100家。"


def _obs(oid: str, as_of, **kw) -> dict:
    return {"id": oid, "subject": "park/p", "metric": "enterprises", "metric_zh": "企业数", "metric_en": "Enterprises",
            "value": 100, "unit": "家", "as_of": as_of, "status": "actual",
            "cite": [{"source": "src-dates", "quote": Q}], **kw}


def _write(tmp_path, observations: list[dict], relations: list[dict] | None = None, events: list[dict] | None = None):
    data = {"sources": [SOURCE],
            "parks": [{"id": "p", "name_zh": "测试园区", "name_en": "Test park", "cite": [{"source": "src-dates", "quote": Q}]},
                      {"id": "q", "name_zh": "另一园区", "name_en": "Other park", "cite": [{"source": "src-dates", "quote": Q}]}],
            "observations": observations, "relations": relations or [], "events": events or []}
    f = tmp_path / "dates.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f


# one statistic at each precision inside 2022, and one on each side of it
IN_2022 = {"y2022": "2022", "m2022": "2022-05", "d2022": "2022-12-31"}
OUTSIDE = {"y2021": "2021", "d2023": "2023-01-01", "m2021": "2021-12"}


def _mixed(tmp_path):
    return _write(tmp_path, [_obs(k, v) for k, v in {**IN_2022, **OUTSIDE}.items()],
                  relations=[{"from": "park/p", "type": "RELATED_TO", "to": "park/q", "role_zh": "合作", "role_en": "partner",
                              "since": "2019-01", "since_text": "2019年1月", "cite": [{"source": "src-dates", "quote": Q}]}],
                  events=[{"id": "ev", "name_zh": "展会", "name_en": "Fair", "kind": "meeting", "date": "2019-09-05",
                           "date_end": "2019-09-11", "date_text": "9月5日至11日", "cite": [{"source": "src-dates", "quote": Q}]}])


# ---------------------------------------------------------------------------- validation
@pytest.mark.parametrize("as_of,precision", [("2019", "year"), ("2022-05", "month"), ("2022-05-31", "day")])
def test_a_date_gets_the_precision_it_is_written_at(tmp_path, as_of, precision):
    ds = validate_paths([_write(tmp_path, [_obs("o", as_of)])])
    assert ds.ok, ds.problems
    _cls, out, _rec = ds.entities["observation/o"]
    assert out["as_of_precision"] == precision


@pytest.mark.parametrize("fields,field,words", [
    ({"as_of": "2022-05", "as_of_precision": "year"}, "as_of_precision", "month precision, not year"),
    ({"as_of": "2022", "as_of_precision": "day"}, "as_of_precision", "year precision, not day"),
    ({"as_of": "2022-05", "as_of_precision": "week"}, "as_of_precision", "not an allowed as_of_precision"),
    ({"as_of": "2022-09-11", "as_of_end": "2022-09-05"}, "as_of_end", "before"),
    ({"as_of": "2022-09-05", "as_of_end": "2022-10"}, "as_of_end", "not written at the precision"),
    ({"as_of": "2022-02-30"}, "as_of", "impossible date"),
    ({"as_of": "2022/05"}, "as_of", "is not a date"),
    ({"as_of": "2022", "stated_on_text": "2019年"}, "stated_on_text", "without ‘stated_on’"),
    ({"as_of": "2022", "status": "guess"}, "status", "not an allowed status"),
])
def test_bad_dates_are_reported_with_file_line_and_field(tmp_path, fields, field, words):
    f = _write(tmp_path, [_obs("o", **{"as_of": fields.pop("as_of")}, **fields)])
    ds = validate_paths([f])
    hits = [p for p in ds.problems if p.field == field]
    assert hits, ds.problems
    assert words in hits[0].message
    assert hits[0].file.endswith("dates.yaml") and hits[0].line and hits[0].line > 1


def test_a_range_with_its_text_and_the_statuses_of_wave_2_validate(tmp_path):
    obs = [_obs("plan", "2025", status="plan", stated_on="2019-09", stated_on_text="2019年9月"),
           _obs("forecast", "2025", status="forecast", stated_on="2019"),
           _obs("range", "2019-09-05", as_of_end="2019-09-11", as_of_text="9月5日至11日", note_zh="区间", note_en="a range")]
    ds = validate_paths([_write(tmp_path, obs)])
    assert ds.ok, ds.problems
    out = ds.entities["observation/range"][1]
    assert (out["as_of"], out["as_of_end"], out["as_of_precision"]) == ("2019-09-05", "2019-09-11", "day")
    assert ds.entities["observation/plan"][1]["stated_on_precision"] == "month"


def test_deprecated_note_and_role_still_validate_as_english(tmp_path):
    f = _write(tmp_path, [_obs("o", "2022", note="An English note")],
               relations=[{"from": "park/p", "type": "RELATED_TO", "to": "park/q", "role": "partner",
                           "note": "old style", "cite": [{"source": "src-dates", "quote": Q}]}])
    ds = validate_paths([f])
    assert ds.ok, ds.problems
    assert ds.entities["observation/o"][1]["note_en"] == "An English note"
    rel = ds.relations[0][0]
    assert (rel["role_en"], rel["note_en"]) == ("partner", "old style")


def test_both_deprecated_and_new_field_is_an_error(tmp_path):
    f = _write(tmp_path, [_obs("o", "2022", note="old", note_en="new")])
    ds = validate_paths([f])
    assert any(p.field == "note" and "both" in p.message for p in ds.problems), ds.problems


def test_the_curated_data_validates():
    ds = validate_paths([DATA])
    assert ds.ok, ds.problems[:5]


# ---------------------------------------------------------------------------- both engines
def test_date_comparisons_return_every_statistic_in_range_whatever_its_precision(store, tmp_path):
    load_paths([_mixed(tmp_path)], store, BASE, progress=False)
    res = store.read("MATCH (o:Observation) WHERE o.as_of >= date('2022-01-01') AND o.as_of < date('2023-01-01') "
                     "RETURN o.uri AS uri, o.as_of_precision AS p ORDER BY o.as_of, o.uri")
    got = {r[0].rsplit("/", 1)[1]: r[1] for r in res.rows}
    assert got == {"y2022": "year", "m2022": "month", "d2022": "day"}
    # ORDER BY works on the DATE: first day of each period
    assert [r[0].rsplit("/", 1)[1] for r in res.rows] == ["y2022", "m2022", "d2022"]
    before = store.read("MATCH (o:Observation) WHERE o.as_of < date('2022-01-01') RETURN o.uri ORDER BY o.uri").rows
    assert [r[0].rsplit("/", 1)[1] for r in before] == ["m2021", "y2021"]


def test_nodes_and_relationships_show_dates_at_their_precision(store, tmp_path):
    load_paths([_mixed(tmp_path)], store, BASE, progress=False)
    props = {k: store.node(f"{BASE}observation/{k}")["properties"]["as_of"] for k in IN_2022}
    assert props == IN_2022
    ev = store.node(f"{BASE}event/ev")["properties"]
    assert (ev["date"], ev["date_end"], ev["date_precision"], ev["date_text"]) == ("2019-09-05", "2019-09-11", "day", "9月5日至11日")
    src = store.node(f"{BASE}source/src-dates")["properties"]
    assert (src["published"], src["published_precision"]) == ("2022-05", "month")
    rel = store.read("MATCH ()-[r:RELATED_TO]->() RETURN r").rows[0][0]["properties"]
    assert (rel["since"], rel["since_precision"], rel["role_zh"], rel["role_en"]) == ("2019-01", "month", "合作", "partner")
    # a scalar is the DATE itself, the same text on both engines
    assert store.read(f"MATCH (o:Observation {{uri: '{BASE}observation/m2022'}}) RETURN o.as_of").rows == [["2022-05-01"]]


def test_the_curated_data_answers_a_date_range_on_both_engines(curated_store):
    """Every statistic of data/ whose as_of falls in 2020–2022 (as the files write it, at any
    precision) comes back from a `date()` range query."""
    import glob
    expected = set()
    for f in glob.glob(str(DATA / "*.yaml")):
        for o in (yaml.safe_load(open(f, encoding="utf-8")) or {}).get("observations", []):
            if "2020" <= str(o["as_of"])[:4] <= "2022":
                expected.add(f"{BASE}observation/{o['id']}")
    assert len(expected) > 10
    res = curated_store.read("MATCH (o:Observation) WHERE o.as_of >= date('2020-01-01') AND o.as_of <= date('2022-12-31') "
                             "RETURN o.uri")
    assert {r[0] for r in res.rows} == expected


def test_both_engines_store_the_same_dates(tmp_path, neo4j_ready, request):
    from ..conftest import make_store
    hashes = []
    for backend in ("ladybug", "neo4j"):
        s = make_store(backend, tmp_path / backend, request)
        try:
            load_paths([_mixed(tmp_path)], s, BASE, progress=False)
            hashes.append(s.content_hash())
        finally:
            s.close()
    assert hashes[0] == hashes[1]


def test_reloading_dates_changes_nothing(store, tmp_path):
    f = _mixed(tmp_path)
    load_paths([f], store, BASE, progress=False)
    once = store.content_hash()
    load_paths([f], store, BASE, progress=False)
    assert store.content_hash() == once
