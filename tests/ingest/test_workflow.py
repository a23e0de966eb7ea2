"""The review workflow on real use (issue #12, "The review workflow breaks on real use"; issue #19's
ingest items). Each test fails on the main branch of 2026-12-01: plain header blocks, `validate`
resolving against the graph, Source ids that cannot collide, `--apply` identifying a Source by
URL or content (never title + date), and "already in the graph" comparing the as-of date."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from parkgraph.data import DATA_DIR
from parkgraph.graph import open_store
from parkgraph.loaders import load_paths
from parkgraph.loaders.ingest import IngestInputError, ingest
from parkgraph.loaders.ingest.document import read_document
from parkgraph.loaders.ingest.kb import KnowledgeBase

from .conftest import accept_everything, lb_settings, run_cli

BASE = "https://w3id.org/parkgraph/id/"


@pytest.fixture(scope="module")
def curated_db(tmp_path_factory) -> Path:
    """A LadybugDB graph holding the bundled data/ (made once for the module; tests copy it to write)."""
    db = tmp_path_factory.mktemp("curated") / "curated.lbdb"
    with open_store(lb_settings(db)) as store:
        load_paths([DATA_DIR], store, BASE, progress=False)
    return db


def _copy_db(src: Path, dst: Path) -> Path:
    import shutil
    if src.is_dir():
        shutil.copytree(src, dst)
    else:
        shutil.copy2(src, dst)
        for extra in src.parent.glob(src.name + ".*"):
            shutil.copy2(extra, dst.parent / (dst.name + extra.name[len(src.name):]))
    return dst


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_plain_header_block_is_metadata(tmp_path):
    p = _write(tmp_path, "a.txt", "标题: 长沙园区新进展\nURL: https://example.org/news/1\n日期: 2020-09-14\n来源: 长沙晚报\n\n"
               "国家网络安全产业园区（长沙）于今年3月举办网络安全创新论坛等活动，园区共引进企业超过45家。\n")
    doc = read_document(p)
    assert doc.meta["title"] == "长沙园区新进展"
    assert doc.meta["url"] == "https://example.org/news/1"
    assert doc.meta["published"] == "2020-09-14" and doc.meta["outlet"] == "长沙晚报"
    assert "URL" not in doc.text and "标题" not in doc.text and "日期" not in doc.text
    assert doc.text.startswith("国家网络安全产业园区（长沙）")
    res = ingest(p, kb=KnowledgeBase())
    assert {d.value for d in res.extraction.dates} == {"2020-03"}           # 今年 = the header's year, not today's
    assert all(o.fields["as_of"] == "2020-09-14" for o in res.extraction.observations)


def test_a_header_block_in_the_front_matter_keys_keeps_every_field(tmp_path):
    """The front matter's own keys written as a plain header (no `---`): `outlet:` ended the block, so the
    outlet became the line 'outlet: 测试日报' and the URL below it was lost."""
    p = _write(tmp_path, "b.md", "title: 湖湘杯决赛在长沙举行\ndate: 2020-11-15\noutlet: 测试日报\n"
               "url: https://example.org/huxiangbei\n\n11月14日，第六届“湖湘杯”网络安全技能大赛决赛在长沙举行。\n")
    doc = read_document(p)
    assert doc.meta["outlet"] == "测试日报" and doc.meta["url"] == "https://example.org/huxiangbei"
    assert doc.text.startswith("11月14日")


def test_validate_resolves_references_against_the_graph(curated_db, tmp_path):
    """The review file's own instruction `parkgraph validate FILE && parkgraph load FILE` works when
    the file refers to entities that are in the graph (and not in the file)."""
    art = _write(tmp_path, "a.md", "---\ntitle: 北京园区论坛\nurl: https://example.org/bj-forum\ndate: 2024-03-05\n---\n\n"
                 "国家网络安全产业园区（北京）于2024年3月举办网络安全创新发展论坛等活动。\n")
    out = tmp_path / "a.review.yaml"
    r = run_cli("ingest", str(art), "--db", str(curated_db), "--no-data", "--out", str(out))
    assert r.returncode == 0, r.stderr
    review = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert any(x["to"] == "park/beijing" for x in review["relations"])   # refers to the graph's park
    assert not review.get("parks")                                       # … without carrying it
    ok = run_cli("validate", str(out), "--db", str(curated_db))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    alone = run_cli("validate", str(out), "--no-graph")
    assert alone.returncode == 1 and "park/beijing" in alone.stdout      # on its own it cannot resolve


def test_source_ids_of_one_day_do_not_collide(tmp_path):
    a = _write(tmp_path, "a.md", "---\ntitle: 园区企业超过四十家\ndate: 2019-12-31\n---\n\n国家网络安全产业园区（长沙）共引进企业超过45家。\n")
    b = _write(tmp_path, "b.md", "---\ntitle: 园区举办论坛\ndate: 2019-12-31\n---\n\n国家网络安全产业园区（长沙）举办网络安全论坛等活动。\n")
    ida = ingest(a, kb=KnowledgeBase()).source["id"]
    idb = ingest(b, kb=KnowledgeBase()).source["id"]
    assert ida != idb and ida.startswith("2019-12-31") and idb.startswith("2019-12-31")


def test_a_clash_between_different_articles_is_an_error_naming_both(tmp_path):
    kb = KnowledgeBase()
    a = _write(tmp_path, "a.md", "---\ntitle: 园区举办论坛\nurl: https://a.example/1\ndate: 2019-12-31\n---\n\n"
               "国家网络安全产业园区（长沙）举办网络安全论坛等活动。\n")
    first = ingest(a, kb=kb).source
    kb.sources.append({**first, "origin": "graph"})
    b = _write(tmp_path, "b.md", "---\ntitle: 园区举办论坛\nurl: https://b.example/2\ndate: 2019-12-31\n---\n\n"
               "国家网络安全产业园区（长沙）举办网络安全大会等活动。\n")
    with pytest.raises(IngestInputError) as e:
        ingest(b, kb=kb)
    msg = e.value.message
    assert "https://a.example/1" in msg and "https://b.example/2" in msg


def test_apply_identifies_a_source_by_url_never_by_title_and_date(curated_db, tmp_path):
    """A second article with the same title and date but another outlet and URL gets its own Source;
    the first Source keeps its title and URL and no quote of the second is cited to it."""
    db = _copy_db(curated_db, tmp_path / "g.lbdb")
    one = _write(tmp_path, "one.md", "---\ntitle: 长沙园区动态\nurl: https://one.example/a\nsource: 甲报\ndate: 2024-02-02\n---\n\n"
                 "国家网络安全产业园区（长沙）于2024年2月举办网络安全人才论坛等活动。\n")
    two = _write(tmp_path, "two.md", "---\ntitle: 长沙园区动态\nurl: https://two.example/b\nsource: 乙报\ndate: 2024-02-02\n---\n\n"
                 "国家网络安全产业园区（长沙）于2024年2月举办网络安全产业峰会等活动。\n")
    for f in (one, two):
        r = run_cli("ingest", str(f), "--db", str(db), "--no-data", "--apply", "--out", str(tmp_path / (f.stem + ".yaml")))
        assert r.returncode == 0, r.stderr
    with open_store(lb_settings(db), read_only=True) as store:
        rows = store.read("MATCH (s:Source) WHERE s.title = '长沙园区动态' RETURN s.url, s.outlet ORDER BY s.url").rows
    assert [tuple(r) for r in rows] == [("https://one.example/a", "甲报"), ("https://two.example/b", "乙报")]


def test_already_in_the_graph_compares_the_as_of_date(curated_db, tmp_path):
    """通州园 5.06平方公里 is in the graph as of 2019-12-09: the same figure for 2024 is a new fact, the
    same figure for 2019-12-09 is not proposed again."""
    new = _write(tmp_path, "n.md", "---\ntitle: 通州园\nurl: https://example.org/tz24\ndate: 2024-05-01\n---\n\n"
                 "国家网络安全产业园区（北京）建设加快，目前通州园占地面积5.06平方公里。\n")
    old = _write(tmp_path, "o.md", "---\ntitle: 通州园\nurl: https://example.org/tz19\ndate: 2024-05-01\n---\n\n"
                 "国家网络安全产业园区（北京）建设加快，截至2019年12月9日，通州园占地面积5.06平方公里。\n")
    for f, proposed in ((new, True), (old, False)):
        out = tmp_path / (f.stem + ".yaml")
        r = run_cli("ingest", str(f), "--db", str(curated_db), "--no-data", "--out", str(out))
        assert r.returncode == 0, r.stderr
        # proposed at any confidence (a figure below the threshold is written commented out): whether it is proposed
        # at all is what "already in the graph" decides
        obs = yaml.safe_load(accept_everything(out.read_text(encoding="utf-8"))).get("observations") or []
        hit = [o for o in obs if o["subject"] == "subpark/tongzhou" and float(o.get("value", 0)) == 5.06]
        assert bool(hit) == proposed, (f.name, obs)
        if hit:
            assert hit[0]["metric"] == "land_area" and hit[0]["unit"] == "平方公里"   # an area, not a count
