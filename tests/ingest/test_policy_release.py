"""A policy's release and the place it is for (round blind-f, 2026-12-02, read from dev-F; docs/ingest-rounds.md):
发布了《X》 and 《X》对外公布 / 《X》的发布 are the release of X, and a title that names a district or zone after
关于 or a plan period (“十四五”时期北京经济技术开发区…规划) concerns it. Sentences written for these tests;
the first three fail on `876f235`, the last is a guard."""
from __future__ import annotations

from .conftest import proposed_relations as rels   # what the rows propose, whichever side of the threshold they stand
from .conftest import ingest_text


def _released(ex) -> set[str]:
    return {o for f, t, o in rels(ex) if t == "CONCERNS" and f.endswith(("发布", "公布"))}


def test_a_policy_released_with_the_verb_before_its_title(tmp_path, kb):
    ex = ingest_text(tmp_path, "7月30日，通州区产业大会召开。大会上发布了《通州区城市更新实施意见》。", kb, "2024-08-05")
    assert "通州区城市更新实施意见" in _released(ex)
    assert ("通州区城市更新实施意见", "CONCERNS", "通州区") in rels(ex)


def test_a_policy_made_public_and_the_zone_its_plan_period_title_names(tmp_path, kb):
    ex = ingest_text(tmp_path, "近日，《“十四五”时期北京经济技术开发区发展建设规划》对外公布。", kb, "2021-07-09")
    assert "“十四五”时期北京经济技术开发区发展建设规划" in _released(ex)
    assert ("“十四五”时期北京经济技术开发区发展建设规划", "CONCERNS", "北京经济技术开发区") in rels(ex)


def test_the_release_of_a_policy_named_as_a_noun(tmp_path, kb):
    ex = ingest_text(tmp_path, "《关于长沙市支持产业空间提升改造的实施细则》的发布，为企业提供了支持。", kb, "2024-08-05")
    assert "关于长沙市支持产业空间提升改造的实施细则" in _released(ex)


def test_guard_a_policy_only_cited_is_not_released(tmp_path, kb):
    ex = ingest_text(tmp_path, "根据《长沙市网络安全产业发展规划》，园区加快建设。", kb, "2024-08-05")
    assert not _released(ex)
