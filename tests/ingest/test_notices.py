"""A government notice's formulas and the deictic 省政府/市政府 (round `notices`, 2026-12-02, read from dev-E's
policy texts; docs/ingest-rounds.md): 《Y》已经省政府同意，现印发给你们 never said who issued Y, a notice's title named
without 《》 (X关于印发Y规划的通知) was no policy, and 省政府 after a function word (已经省政府, 同省政府) was
no body. The sentences are written for these tests, not copied from the corpus; each fails on `de56613`."""
from __future__ import annotations

from .conftest import accepted_relations as rels
from .conftest import ingest_text
from .conftest import proposed_relations as proposed


def test_the_body_that_approved_a_plan_in_the_notice_formula_issues_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙市推进网络安全产业发展。各区县人民政府：《长沙市网络安全产业发展规划》已经市政府同意，"
                               "现印发给你们，请认真贯彻执行。", kb, "2024-11-20")
    assert ("长沙市网络安全产业发展规划", "ISSUED_BY", "长沙市人民政府") in rels(ex)


def test_a_notice_title_without_brackets_names_the_policy_and_its_issuer(tmp_path, kb):
    ex = ingest_text(tmp_path, "湖南省加快数字经济发展。湖南省人民政府办公厅关于印发湖南省数字经济发展规划的通知已于近日下发。",
                     kb, "2024-11-20")
    assert ("湖南省数字经济发展规划", "ISSUED_BY", "湖南省人民政府办公厅") in proposed(ex)   # policy-issuer: 0.45


def test_the_provincial_government_named_after_a_function_word(tmp_path, kb):
    ex = ingest_text(tmp_path, "湖南省网络安全产业加快发展。2024年湖湘网络安全大会在长沙开幕。大会由省政府主办。", kb, "2024-11-20")
    assert "湖南省人民政府" in {o for _, t, o in proposed(ex) if t == "PARTICIPANT"}
