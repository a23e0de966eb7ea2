"""Round blind-zi (docs/ingest-rounds.md): names that are a fact on their own. Of the gold entities the rules missed,
most were found and linked but no fact was read about them; for a few mention rows nearly every such name is a gold
entity (the named-* rows, loaders/ingest/rules/facts.py, measured on the tuned pool before any blind sample of the
round was scored). Each positive fails on the commit before the rows; each guard passes there."""
from __future__ import annotations

from .conftest import ingest_text


def named(ex) -> dict[str, str]:
    """name → the named-* row, for the entities proposed on their name alone."""
    return {p.record["name_zh"]: p.named for p in ex.entities.values() if p.has_fact and p.named}


def test_firms_listed_without_a_fact_are_named(tmp_path, kb):
    ex = ingest_text(tmp_path, "晓多科技、优启科技、冉星等企业代表参加了座谈。", kb, "2021-05-06")
    assert {"晓多科技", "优启科技", "冉星"} <= set(named(ex)), named(ex)
    assert set(named(ex).values()) == {"named-enterprise-list"}


def test_a_place_data_does_not_hold_is_named(tmp_path, kb):
    ex = ingest_text(tmp_path, "会上，株洲市、益阳市代表作了发言。", kb, "2021-05-06")
    assert named(ex) == {"株洲市": "named-place", "益阳市": "named-place"}


def test_guard_a_place_data_holds_is_no_fact_on_its_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "会上，长沙市代表作了发言。", kb, "2021-05-06")
    assert not named(ex)
    assert not any(p.has_fact for p in ex.entities.values() if p.record.get("name_zh") == "长沙市")


def test_domains_coordinated_with_a_domain_are_named(tmp_path, kb):
    ex = ingest_text(tmp_path, "推动大数据产业及与其相关联的云计算、物联网、移动互联网等高精尖产业快速发展。", kb, "2021-05-06")
    assert {"云计算", "移动互联网"} <= set(named(ex)), named(ex)
    assert "物联网" not in named(ex)   # data/ holds it: a link, nothing new


def test_a_policy_title_is_named_but_not_a_bare_document_kind(tmp_path, kb):
    ex = ingest_text(tmp_path, "会议学习了《关于促进数据安全产业发展的指导意见》和《行动计划》。", kb, "2021-05-06")
    assert named(ex) == {"关于促进数据安全产业发展的指导意见": "named-policy-title"}, named(ex)


def test_the_review_file_writes_a_named_firm_and_says_why(tmp_path):
    from parkgraph.data import DATA_DIR
    from parkgraph.loaders.ingest import ingest
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: t\ndate: 2021-05-06\n---\n\n晓多科技、优启科技等企业代表参加了座谈。\n", encoding="utf-8")
    review = ingest(p, store=None, data_dirs=[DATA_DIR]).review
    lines = review.splitlines()
    head = next(i for i, x in enumerate(lines) if x.startswith("# Enterprise enterprise/xiaoduo-keji "))
    assert "named on its own (named-enterprise-list)" in lines[head]
    assert "- id: xiaoduo-keji" in lines[head + 1:head + 4]   # the record itself, uncommented: it loads as it stands
