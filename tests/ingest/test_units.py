"""Cleaning, sentences, dates, statistics, linking (data files, the graph, pinyin), HTML and plain
text input, and --apply."""
from __future__ import annotations

from pathlib import Path

import yaml

from parkgraph.graph import open_store
from parkgraph.loaders import load_paths
from parkgraph.loaders.ingest import ingest
from parkgraph.loaders.ingest.document import read_document
from parkgraph.loaders.ingest.kb import KBEntity, KnowledgeBase

from .conftest import ARTICLE, accept_everything, empty_db, lb_settings, run_cli

BASE = "https://w3id.org/parkgraph/id/"


def test_wechat_boilerplate_is_stripped_and_metadata_kept():
    doc = read_document(ARTICLE)
    for junk in ("以下文章来源于", "阅读原文", "微信扫一扫", "![", "cover_image", "《中国信息安全》杂志", "投稿联系方式",
                 "轻点两下取消赞", "在看", "原文来源", "**"):
        assert junk not in doc.text, junk
    assert doc.text.startswith("党的“十八大”以来")
    assert doc.text.rstrip().endswith("营造网络安全产业发展的良性环境。")
    assert doc.meta["author"] == "郭威" and doc.meta["outlet"] == "关键基础设施安全应急响应中心"
    assert doc.meta["origin"] == "中国信息安全" and doc.meta["published"] == "2023-03-24"
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text and s.text == s.text.strip()
    assert "国家网络安全产业园区（北京）于 2019 年 1 月正式揭牌" in doc.sentences[16].text


def _article(tmp_path: Path, body: str, name: str = "a.md", front: str | None = None) -> Path:
    p = tmp_path / name
    p.write_text((f"---\n{front}\n---\n\n" if front else "") + body, encoding="utf-8")
    return p


def test_dates_statistics_and_relations_of_a_new_article(tmp_path):
    body = ("# 测试\n\n国家网络安全产业园区（西安）于今年 3 月正式揭牌，截至 2022 年底，园区共引进网络安全企业超过 45 家，"
            "年均销售收入约 12.5 亿元。园区企业西安测试科技有限公司获得国家级专精特新“小巨人”企业称号。"
            "预计到 2025 年，产业规模将达 200 亿元。\n")
    p = _article(tmp_path, body, front="title: 测试\nsource: 测试媒体\ndate: 2023-05-06")
    res = ingest(p, kb=KnowledgeBase())
    ex = res.extraction
    assert [(d.text, d.value) for d in ex.dates] == [("今年 3 月", "2023-03"), ("2022 年底", "2022-12-31"),
                                                    ("2025 年", "2025")]
    obs = {(o.fields["value"], o.fields["unit"], o.fields.get("qualifier"), o.fields["status"]) for o in ex.observations}
    assert (45, "家", "超过", "actual") in obs and (12.5, "亿元", "约", "actual") in obs
    assert (200, "亿元", None, "forecast") in obs   # 预计: a forecast (a target is 力争/目标), never actual
    assert all(o.subject == "park/xian" for o in ex.observations)
    rels = {(r.frm, r.type, r.to) for r in ex.relations}
    assert ("park/xian", "LOCATED_IN", "region/610100") in rels
    assert ("enterprise/xian-ceshi-keji", "TENANT_OF", "park/xian") in rels
    assert any(r.type == "HOLDS" and r.frm == "enterprise/xian-ceshi-keji" for r in ex.relations)
    assert any(r.type == "CONCERNS" and r.to == "park/xian" and r.frm.startswith("event/xian-unveiling") for r in ex.relations)
    review = yaml.safe_load(res.review)
    assert review["sources"][0]["id"] == "csmt-2023-05-06-cs"   # <outlet>-<date>-<title initials>: cannot collide by day
    # the unveiling's one fact (event-subject) stands below the threshold since round blind-zq: commented out, dated
    assert yaml.safe_load(accept_everything(res.review))["events"][0]["date"] == "2023-03"


def test_units_and_qualifiers():
    from parkgraph.loaders.ingest.extract import Extractor
    rx = Extractor.NUM_RX
    m = rx.search("从业人员达 8.5 万余人")
    assert (m["num"], m["mult"], m["q3"], m["unit"]) == ("8.5", "万", "余", "人")
    m = rx.search("超过 1000 亿元")
    assert (m["q1"], m["num"], m["mult"], m["unit"]) == ("超过", "1000", "亿", "元")
    m = rx.search("共 300 多家")
    assert (m["num"], m["q2"], m["unit"]) == ("300", "多", "家")


def test_plain_text_with_options(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("长沙园区简讯\n\n国家网络安全产业园区（长沙）于 2020 年 6 月正式揭牌，并获批首批国家网络安全教育技术产业融合发展试验区。\n",
                 encoding="utf-8")
    res = ingest(p, kb=KnowledgeBase(), source_url="https://example.org/a", date="2023-01-02")
    src = yaml.safe_load(res.review)["sources"][0]
    assert (src["title"], src["url"], src["published"]) == ("长沙园区简讯", "https://example.org/a", "2023-01-02")
    assert "长沙园区简讯" not in res.doc.text


def test_front_matter_wins_over_options(tmp_path):
    p = _article(tmp_path, "国家网络安全产业园区（长沙）于 2020 年 6 月正式揭牌，以“南北呼应、东西辐射”为主线，建设了很多很多东西。\n",
                 front="title: 甲\ndate: 2023-03-24")
    res = ingest(p, kb=KnowledgeBase(), title="乙", date="2024-01-01")
    assert res.doc.meta["title"] == "甲" and res.doc.meta["published"] == "2023-03-24"
    assert any("ignored" in w for w in res.doc.warnings)


def test_html_input(tmp_path):
    html = """<!doctype html><html><head><title>页面标题</title>
    <meta property="og:title" content="长沙园区新闻"><meta property="og:url" content="https://mp.weixin.qq.com/s/abc">
    <meta name="author" content="张三"><script>var ct = "1679616000";</script><style>p{}</style></head>
    <body><div id="js_name">测试公众号</div><div id="js_content">
    <p><img src="x.png">国家网络安全产业园区（长沙）于 2020 年 6 月正式揭牌，共引进网络安全产业高精尖领军人才 18 名，各类高层次人才 324 名。</p>
    <p>阅读原文</p></div><div>微信扫一扫 关注该公众号</div></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    res = ingest(p, kb=KnowledgeBase())
    m = res.doc.meta
    assert (m["title"], m["url"], m["author"], m["outlet"], m["published"]) == (
        "长沙园区新闻", "https://mp.weixin.qq.com/s/abc", "张三", "测试公众号", "2023-03-24")
    assert "阅读原文" not in res.doc.text and "微信扫一扫" not in res.doc.text
    assert sorted(o.fields["value"] for o in res.extraction.observations) == [18, 324]


def test_linking_by_alias_and_pinyin_and_merging_duplicates(tmp_path):
    kb = KnowledgeBase()
    kb.add(KBEntity("enterprise/wt", "Enterprise", {"id": "wt", "name_zh": "北京网藤科技有限公司", "name_en": "WT"}, "data:x"))
    kb.add(KBEntity("govbody/cq", "GovernmentBody", {"id": "cq", "name_zh": "重庆市经济和信息化委员会", "name_en": "CQ",
                                                      "aliases": ["重庆市经济信息委"]}, "data:x"))
    body = ("国家网络安全产业园区（北京）于 2019 年 1 月正式揭牌，园区企业北京网腾科技有限公司获得国家级专精特新“小巨人”企业称号。"
            "北京网腾科技有限公司还入驻了园区，重庆市经济信息委于 2022 年 9 月印发了《关于推进园区建设工作的通知》。\n")
    res = ingest(_article(tmp_path, body, front="title: t\ndate: 2023-03-24"), kb=kb)
    ents = res.extraction.entities
    wt = ents["enterprise/wt"]                      # 网腾 → 网藤 by pinyin, two mentions, one entity
    assert wt.link == "pinyin" and len(wt.mentions) == 2
    assert ents["govbody/cq"].link == "alias"
    assert sum(1 for k in ents if k.startswith("enterprise/")) == 1


def test_linking_through_the_graph_store(tmp_path):
    """With the curated data in the graph (and no data files), the review refers to the graph's
    entities by id, repeats none of them, and proposes no fact the graph already has."""
    from parkgraph.data import DATA_DIR
    db = tmp_path / "curated.lbdb"
    with open_store(lb_settings(db)) as store:
        load_paths([DATA_DIR], store, BASE, progress=False)
        before = store.content_hash()
    out = tmp_path / "r.yaml"
    r = run_cli("ingest", str(ARTICLE), "--db", str(db), "--no-data", "--out", str(out))
    assert r.returncode == 0, r.stderr
    review = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert review.get("sources") == [] and not review.get("parks") and not review.get("relations")
    text = out.read_text(encoding="utf-8")
    assert "park/beijing ← 国家网络安全产业园区（北京） (by name)" in text
    assert "Facts already in the graph" in text
    with open_store(lb_settings(db), read_only=True) as store:
        assert store.content_hash() == before       # ingest without --apply writes nothing


def test_store_search_links_a_name_the_index_lacks(tmp_path):
    """A mention found only through store.search (the graph's pinyin): linked, not proposed anew."""
    class FakeStore:
        def search(self, text, limit=20, labels=None):
            if text == "海淀园":
                return [{"uri": BASE + "subpark/hd", "properties": {"name_zh": "国家网络安全产业园（海淀）",
                                                                  "pinyin": "hai-dian-yuan hdy"}}]
            return []
    kb = KnowledgeBase()
    kb.add(KBEntity("subpark/hd", "SubPark", {"id": "hd", "name_zh": "国家网络安全产业园（海淀）", "name_en": "HD"}, "graph"))
    kb.store = FakeStore()
    hit = kb.lookup("海淀园", ("Park", "SubPark"))
    assert hit is not None and hit[0].ref == "subpark/hd" and hit[1] == "search"


def test_apply_loads_through_the_loader(tmp_path):
    db = empty_db(tmp_path / "apply.lbdb")
    out = tmp_path / "applied.yaml"
    r = run_cli("ingest", str(ARTICLE), "--db", str(db), "--apply", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "applied without review" in r.stdout
    with open_store(lb_settings(db), read_only=True) as store:
        c = store.counts()
        accepted = yaml.safe_load(out.read_text(encoding="utf-8"))   # what the file accepts is what --apply loads
        assert c["nodes"]["Park"] == 3 and c["relationships"]["FOCUSES_ON"] == 4
        # how many figures the file accepts is the calibration's (tests/ingest/test_calibration.py); that --apply loads
        # exactly those is what is asked here
        assert c["nodes"]["Observation"] == len(accepted["observations"]) >= 1
