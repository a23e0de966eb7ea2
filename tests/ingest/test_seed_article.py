"""`parkgraph ingest` on the seed article, on an empty graph: it proposes every fact of the article
with its sentence, its Source matches the curated one, nothing reaches the graph before review, and
loading the review file as it is gives the same facts as the curated dataset for that source."""
from __future__ import annotations

from pathlib import Path


from parkgraph.data import DATA_DIR
from parkgraph.graph import open_store
from parkgraph.loaders import load_paths, validate_paths
from parkgraph.loaders.ingest.document import read_document
from parkgraph.loaders.ingest.kb import norm

from .conftest import ARTICLE, SOURCE_ID, lb_settings

BASE = "https://w3id.org/parkgraph/id/"


def records(review: dict) -> dict[str, dict]:
    """segment/id → record, over the review file's collections."""
    from parkgraph.ontology import load_model
    m = load_model()
    out = {}
    for coll, recs in review.items():
        cls = m.by_collection(coll)
        if cls is None:
            continue
        for r in recs or []:
            out[f"{cls.segment}/{r['id']}"] = r
    return out


def test_source_record_equals_the_curated_one(seed_review):
    _, review, _ = seed_review
    (src,) = review["sources"]
    curated = next(r for r in __import__("yaml").safe_load((DATA_DIR / "sources.yaml").read_text())["sources"]
                   if r["id"] == SOURCE_ID)
    for k in ("id", "title", "url", "outlet", "author", "published", "retrieved", "kind"):
        assert str(src[k]) == str(curated[k]), k


def test_every_gold_fact_is_proposed_with_its_sentence(seed_accepted, gold):
    _, review = seed_accepted
    doc = read_document(ARTICLE)
    sentence = {s.idx: s.text for s in doc.sentences}
    recs = records(review)
    name = {ref: r.get("name_zh") for ref, r in recs.items()}

    def names_of(g: dict) -> set[str]:
        return {norm(g["name"]), *(norm(a) for a in g.get("aliases") or [])}
    gold_names = {g["name"]: names_of(g) for g in gold["entities"]}

    # entities: a record of the right name, citing the sentence of the gold mention
    for g in gold["entities"]:
        hit = [r for ref, r in recs.items() if norm(r.get("name_zh") or "") in gold_names[g["name"]]]
        assert hit, f"entity not proposed: {g['name']}"
        quotes = {c["quote"] for c in hit[0]["cite"]}
        assert sentence[g["sentence"]] in quotes, f"{g['name']} does not cite sentence {g['sentence']}"
    # relations: by names, citing the gold sentence
    rels = {}
    for r in review["relations"]:
        rels.setdefault((norm(name[r["from"]]), r["type"], norm(name[r["to"]])), []).extend(c["quote"] for c in r["cite"])
    for g in gold["relations"]:
        keys = [k for k in rels if k[1] == g["type"] and k[0] in gold_names[g["from"]] and k[2] in gold_names[g["to"]]]
        assert keys, f"relation not proposed: {g['from']} {g['type']} {g['to']}"
        assert sentence[g["sentence"]] in rels[keys[0]], f"{g} not cited to its sentence"
    # statistics: subject, value, unit, qualifier, citing the gold sentence
    for g in gold["statistics"]:
        hit = [o for o in review["observations"]
               if norm(name[o["subject"]]) in gold_names[g["subject"]]
               and (o.get("value") is not None and float(o["value"]) == float(g["value"]) if "value" in g
                    else o.get("value_text") == g["value_text"])
               and o.get("unit") == g.get("unit") and o.get("qualifier") == g.get("qualifier")]
        assert hit, f"statistic not proposed: {g}"
        assert hit[0]["cite"][0]["quote"] == sentence[g["sentence"]]
    # dates: where the article gives them (events, a policy, observations' as_of)
    assert recs["event/beijing-unveiling"]["date"] in ("2019-01", "2019-01-21")
    assert recs["policy/chongqing-shiji-zhongdian-yuanqu-tongzhi-2022"]["issued_on"] == "2022-09"
    assert any(o.get("as_of") == "2022-12-31" and o.get("value") == 128 for o in review["observations"])


def test_offsets_and_confidence_are_in_comments(seed_review):
    path, _, _ = seed_review
    text = Path(path).read_text(encoding="utf-8")
    doc = read_document(ARTICLE)
    import re
    spans = re.findall(r"# confidence (0\.\d\d|1\.00) · s(\d+) \[(\d+),(\d+)\)", text)
    assert len(spans) >= 45
    for conf, sidx, a, b in spans:
        s = doc.sentences[int(sidx)]
        assert 0 <= float(conf) <= 1
        assert s.start <= int(a) < int(b) <= s.end


def test_nothing_reaches_the_graph_before_review(seed_review):
    _, _, db = seed_review
    with open_store(lb_settings(db), read_only=True) as store:
        assert sum(store.counts()["nodes"].values()) == 0


def _facts(store) -> tuple[set, set]:
    """(subject name, relation type, object name) of every domain relationship, and
    (subject name, value, value_text, unit, qualifier) of every observation."""
    rels = set()
    for rtype, rel in store.model.relationships.items():
        if rel.provenance or rtype == "DESCRIBES":
            continue
        for a, b in store.read(f"MATCH (a)-[r:{rtype}]->(b) RETURN a.name_zh, b.name_zh", max_rows=None).rows:
            rels.add((a, rtype, b))
    obs = {(s, float(v) if v is not None else None, t, u, q) for s, v, t, u, q in store.read(
        "MATCH (o:Observation)-[:DESCRIBES]->(s) RETURN s.name_zh, o.value, o.value_text, o.unit, o.qualifier",
        max_rows=None).rows}
    return rels, obs


def _curated_facts() -> tuple[set, set]:
    ds = validate_paths([DATA_DIR])
    assert not ds.problems
    name = {ref: d["name_zh"] for ref, (cls, d, _) in ds.entities.items() if "name_zh" in d}
    cited = lambda d: any(c["source"] == SOURCE_ID for c in d.get("cite", []))  # noqa: E731
    rels = {(name[d["from"]], d["type"], name[d["to"]]) for d, _ in ds.relations if cited(d)}
    obs = {(name[d["subject"]], d.get("value"), d.get("value_text"), d.get("unit"), d.get("qualifier"))
           for ref, (cls, d, _) in ds.entities.items() if cls.name == "Observation" and cited(d)}
    return rels, obs


def test_loading_the_review_file_gives_the_curated_facts(seed_accepted, tmp_path):
    path, _ = seed_accepted
    with open_store(lb_settings(tmp_path / "reviewed.lbdb")) as store:
        load_paths([path], store, BASE, progress=False)
        rels, obs = _facts(store)
    c_rels, c_obs = _curated_facts()
    assert len(c_rels) == 33 and len(c_obs) == 12
    assert rels == c_rels, (f"missing {sorted(c_rels - rels)}; extra {sorted(rels - c_rels)}")
    assert obs == c_obs, (f"missing {sorted(c_obs - obs, key=str)}; extra {sorted(obs - c_obs, key=str)}")
