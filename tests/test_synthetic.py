"""The synthetic dataset generator (loaders/synthetic.py): deterministic, valid, and loaded alike by
both engines and by both load paths (bulk COPY/CREATE into empty tables, MERGE otherwise)."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from parkgraph.loaders import load_paths
from parkgraph.loaders.stream import validate_and_map
from parkgraph.loaders.synthetic import generate
from parkgraph.loaders.validate import validate_paths
from parkgraph.loaders.mapping import build_plan
from parkgraph.ontology import load_model

from .conftest import BASE, make_store

N = 200


def digest_dir(d: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.iterdir())}


@pytest.fixture(scope="module")
def synth(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("synth") / "csv"
    generate(d, N, seed=7)
    return d


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path, synth):
    again = tmp_path / "again"
    r = subprocess.run([sys.executable, "-m", "parkgraph.loaders.synthetic", "--enterprises", str(N), "--seed", "7",
                        "--out", str(again)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert digest_dir(again) == digest_dir(synth)
    other = tmp_path / "other"
    generate(other, N, seed=8)
    assert digest_dir(other) != digest_dir(synth)
    names = {p.name for p in synth.iterdir()}
    assert {"enterprises.csv", "relations.csv", "observations.csv", "sources.csv", "parks.csv", "subparks.csv"} <= names


def test_output_validates_and_has_the_promised_shape(synth, tmp_path):
    ds = validate_paths([synth])
    assert ds.problems == []
    ents = [ref for ref in ds.entities if ref.startswith("enterprise/")]
    assert len(ents) >= N
    # the real parks and sub-parks, with their ids from data/parks.yaml
    for ref in ("park/beijing", "park/changsha", "park/chengyu", "subpark/haidian", "subpark/tongzhou", "subpark/jingkai-xinchuang"):
        assert ref in ds.entities
    # every record is cited
    for ref, (cls, data, _) in ds.entities.items():
        if cls.needs_citation:
            assert data.get("cite"), ref
    assert all(r["cite"] for r, _ in ds.relations)
    # about five relationships per synthetic enterprise, skewed toward a few hubs
    syn = [r for r, _ in ds.relations if r["from"].startswith("enterprise/") or r["to"].startswith("enterprise/")]
    assert 3.5 * N <= len(syn) <= 6.5 * N
    tenants: dict[str, int] = {}
    for r, _ in ds.relations:
        if r["type"] == "TENANT_OF" and r["from"].startswith("enterprise/"):
            tenants[r["to"]] = tenants.get(r["to"], 0) + 1
    top = sorted(tenants.values(), reverse=True)
    assert top[0] >= 2 * top[-1]
    # YAML holds the same dataset
    y = tmp_path / "yaml"
    generate(y, N, seed=7, fmt="yaml")
    dy = validate_paths([y])
    assert dy.problems == [] and set(dy.entities) == set(ds.entities) and len(dy.relations) == len(ds.relations)


def _rows_of(plan) -> tuple[dict, dict]:
    """Every node row per label and relationship row per type, in a comparable order."""
    norm = lambda rs: sorted(({k: v for k, v in r.items() if v is not None} for r in rs), key=lambda r: r["uri"])  # noqa: E731
    nodes = {label: norm(r for b in plan.node_batches(label) for r in b) for label in plan.node_labels()}
    rels: dict[str, list] = {}
    for group in plan.rel_groups():
        rels.setdefault(group[0], []).extend(r for b in plan.rel_batches(group) for r in b)
    return nodes, {t: norm(rs) for t, rs in rels.items()}


def test_streamed_files_and_in_memory_dataset_give_the_same_rows(synth, monkeypatch):
    """One mapping path, two sources: records validated in memory (`build_plan`) and files streamed
    in pieces through several merge partitions (`validate_and_map`) must give the same rows."""
    from parkgraph.loaders import stream
    ds = validate_paths([synth])
    plan = build_plan(ds, load_model(), BASE)
    monkeypatch.setattr(stream, "PARTITION_ROWS", 500)  # several hash partitions to merge
    monkeypatch.setattr(stream, "CUT_BYTES", 64 << 10)  # big files validated in several units
    res = validate_and_map([synth], base_iri=BASE)
    try:
        assert res.problems == []
        sp = res.plan
        assert sp.summary() == plan.summary() and sp.node_count() > 0 and sp.rel_count() > 0
        assert _rows_of(sp) == _rows_of(plan)
    finally:
        res.plan.close()
        plan.close()


def test_both_engines_load_it_identically_and_idempotently(synth, neo4j_ready, tmp_path, request):
    hashes = {}
    for backend in ("ladybug", "neo4j"):
        s = make_store(backend, tmp_path / backend, request)
        try:
            rep = load_paths([synth], s, BASE, progress=False)  # empty tables: the bulk path
            first = s.content_hash()
            counts = s.counts()
            assert sum(counts["nodes"].values()) == rep.plan.node_count()
            assert sum(counts["relationships"].values()) == rep.plan.rel_count()
            load_paths([synth], s, BASE, progress=False)  # tables hold it all: the MERGE path
            assert s.content_hash() == first and s.counts() == counts
            hashes[backend] = first
        finally:
            s.close()
    assert hashes["ladybug"] == hashes["neo4j"]


def test_a_partial_graph_is_completed_by_loading_again(synth, neo4j_ready, tmp_path, request):
    """Half the rows already there (an interrupted load): the next load adds the rest and ends
    where a load into an empty graph ends, on both engines."""
    import csv
    part = tmp_path / "part"
    part.mkdir()
    read = lambda name: list(csv.reader((synth / name).open(encoding="utf-8", newline="")))  # noqa: E731
    ents = read("enterprises.csv")
    ents = ents[: 1 + (len(ents) - 1) // 2]
    kept = {f"enterprise/{r[0]}" for r in ents[1:]}
    for p in synth.iterdir():
        rows = read(p.name)
        if p.stem == "enterprises":
            rows = ents
        elif p.stem == "observations":
            rows = rows[:1]
        elif p.stem == "relations":  # those whose enterprise ends survive
            rows = rows[:1] + [r for r in rows[1:] if all(not x.startswith("enterprise/") or x in kept for x in (r[0], r[2]))]
        with (part / p.name).open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)
    hashes = {}
    for backend in ("ladybug", "neo4j"):
        s = make_store(backend, tmp_path / f"p-{backend}", request)
        try:
            load_paths([part], s, BASE, progress=False)
            load_paths([synth], s, BASE, progress=False)
            hashes[backend] = s.content_hash()
        finally:
            s.close()
        full = make_store(backend, tmp_path / f"f-{backend}", request)
        try:
            load_paths([synth], full, BASE, progress=False)
            assert full.content_hash() == hashes[backend], backend
        finally:
            full.close()


def _plan_rows(plan) -> tuple:
    nodes = {l: sorted((r for b in plan.node_batches(l) for r in b), key=lambda r: r["uri"]) for l in plan.node_labels()}
    rels = {g: sorted((r for b in plan.rel_batches(g) for r in b), key=lambda r: r["uri"]) for g in plan.rel_groups()}
    return nodes, rels


def test_validation_in_pieces_by_several_processes_gives_the_same_answers(synth, tmp_path, monkeypatch):
    from parkgraph.loaders import stream
    one = validate_and_map([synth], base_iri=BASE, processes=1)
    monkeypatch.setattr(stream, "CUT_BYTES", 16 * 1024)  # many pieces per file
    monkeypatch.setattr(stream, "PARALLEL_BYTES", 0)
    two = validate_and_map([synth], base_iri=BASE, processes=2)
    try:
        assert two.problems == [] and (two.entity_count, two.relation_count) == (one.entity_count, one.relation_count)
        assert _plan_rows(two.plan) == _plan_rows(one.plan)
    finally:
        one.plan.close()
        two.plan.close()
    # problems too: a duplicate id far from its first definition, an unknown reference, a bad value
    bad = tmp_path / "bad"
    bad.mkdir()
    for p in synth.iterdir():
        text = p.read_text(encoding="utf-8")
        if p.name == "enterprises.csv":
            lines = text.splitlines(keepends=True)
            text = "".join(lines) + lines[len(lines) // 3]
        if p.name == "relations.csv":
            text += "enterprise/nobody,TENANT_OF,subpark/tongzhou,,,,,cics-2023-03-24,一句话。\n"
        if p.name == "observations.csv":
            text = text.replace(",万元,", ",万家,", 1)
        (bad / p.name).write_text(text, encoding="utf-8")
    a = validate_and_map([bad], base_iri=BASE, processes=1)
    b = validate_and_map([bad], base_iri=BASE, processes=2)
    assert a.problems and [str(p) for p in a.problems] == [str(p) for p in b.problems]
    assert any("duplicate id" in p.message for p in a.problems)
    assert any("unknown reference ‘enterprise/nobody’" in p.message for p in a.problems)
    assert str(a.problems) == str(validate_paths([bad]).problems)
