"""Round blind-yy (docs/ingest-rounds.md): causes read from dev-ZZW (round blind-yw's first sample, read after that
round's freeze; dev-ZZY and dev-ZZZ had been labelled blind from e28a946 before any of it was read, so both score these
rules as they came; dev-ZZ, dev-ZZB, dev-ZZD, dev-ZZF, dev-ZZH, dev-ZZJ, dev-ZZL, dev-ZZN, dev-ZZP, dev-ZZR, dev-ZZT,
dev-ZZV and dev-ZZX stay unread). The sentences are written for these tests after the pattern of what was read; each
positive fails on the commit before its change, each guard passes there:
- 四川省人民政府关于印发…规划的通知 as a line of its own (a policy page's heading): the notice is a policy too, issued
  by the body it begins with, concerning the policy it issues (the read gold does so in three of four such headings);
- 二、达到“6千亿规模”: a heading that is a plan's quoted number goal opens a section of targets, as 二、发展目标 does."""
from __future__ import annotations

from .conftest import facts, ingest_text, proposed_figures


def test_a_notice_heading_is_a_policy_too(tmp_path, kb):
    body = ("四川省人民政府关于印发四川省“十三五”大数据发展规划的通知（川府发〔2017〕60号）\n"
            "各市（州）人民政府：现将《四川省“十三五”大数据发展规划》印发给你们，请认真贯彻执行。")
    ex = ingest_text(tmp_path, body, kb, "2017-12-21")
    notice = "四川省人民政府关于印发四川省“十三五”大数据发展规划的通知"
    assert (notice, "四川省人民政府") in facts(ex, "ISSUED_BY", accepted=False), facts(ex, "ISSUED_BY", accepted=False)
    assert (notice, "四川省“十三五”大数据发展规划") in facts(ex, "CONCERNS", accepted=False)
    # guard: a notice named inside a sentence is what was issued, not a heading
    body = "近日，四川省人民政府关于印发四川省“十三五”大数据发展规划的通知正式下发，规划提出了目标。"
    got = {a for a, _ in facts(ingest_text(tmp_path, body, kb, "2017-12-21"), "ISSUED_BY", accepted=False)}
    assert notice not in got, got


def test_a_quoted_number_goal_heading_opens_targets(tmp_path, kb):
    body = ("长沙经济技术开发区关于加快三大主导产业发展的实施意见\n一、总体目标\n大力实施三大主导产业“5566”计划。\n"
            "二、达到“5千亿规模”\n长沙经济技术开发区三大主导产业的总产值规模达到5000亿元。")
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2020-06-22"), "status")
    assert [f for f in got if f[1] == 5000] and all(f[2] == "target" for f in got if f[1] == 5000), got
    # guard: a review's heading (实现“十四五”良好开局) reports what was done
    body = "一、工作回顾\n三、实现“十四五”良好开局\n长沙经济技术开发区产值达到3000亿元。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2022-01-20"), "status")
    assert [f for f in got if f[1] == 3000] and all(f[2] == "actual" for f in got if f[1] == 3000), got
