"""Industries named by the national classification of strategic emerging industries (国家统计局《战略性新兴产业分类
(2018)》; `domain-standard`, round `vocabulary`, 2026-12-02; docs/ingest-rounds.md). A place's industries named in a
plain list with 等产业 were no domains unless data/ held them or the list said 领域. The vocabulary comes from the
public standard, not from the corpus's misses. The sentences are written for these tests; the first fails on
`fd18a71`, the other two are guards."""
from __future__ import annotations

from .conftest import accepted_relations as rels
from .conftest import ingest_text


def test_a_places_listed_industries_from_the_standard_are_its_focus(tmp_path, kb):
    ex = ingest_text(tmp_path, "北京经济技术开发区重点发展新一代信息技术、生物医药、人工智能等产业。", kb, "2024-11-20")
    # every proposal, accepted or not: which words are domains, not whether domain-focus-region is sure enough
    focus = {ex.entities[r.to].record["name_zh"] for r in ex.relations
             if r.type == "FOCUSES_ON" and ex.entities[r.frm].record["name_zh"] == "北京经济技术开发区"}
    assert {"新一代信息技术", "生物医药", "人工智能"} <= focus


def test_a_standard_industry_inside_a_longer_name_is_no_domain(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙市重点发展网络安全产业。2024年，长沙举办人工智能大会，生物医药企业参加。", kb, "2024-11-20")
    assert not {o for _, t, o in rels(ex) if t == "FOCUSES_ON"} & {"人工智能", "生物医药"}


def test_a_word_the_standard_names_in_prose_is_no_domain(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙市重点发展网络安全领域。专家谈到人工智能的伦理问题。", kb, "2024-11-20")
    assert "人工智能" not in {o for _, t, o in rels(ex) if t == "FOCUSES_ON"}
