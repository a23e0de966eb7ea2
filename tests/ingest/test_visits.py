"""Round `who-held`, visits (docs/ingest-rounds.md): a party of officers (外部董事宋宁、王作然等一行) visiting a firm (在中电软件园调研)
is a visit by the officers' organisation concerning the firm; the bodies whose officials accompany it (…等陪同) take part;
the party visiting again later (一行还考察了…) is the same visit. Each test fails on the commit before its rows."""
from .conftest import ingest_text

VISIT = ("6月27日，中国电子信息产业集团有限公司外部董事宋宁、王作然、陈杰等一行在长沙测试软件有限公司调研时这样评价。"
         "长沙示例科技有限公司董事长戴相桃，长沙示例研究院院长孙迎新等陪同。")


def facts(ex, rtype: str) -> set[tuple[str, str]]:
    return {(ex.entities[r.frm].record["name_zh"], ex.entities[r.to].record["name_zh"])
            for r in ex.relations if r.type == rtype and r.conf >= 0.5}


def visits(ex) -> list[str]:
    return [p.record["name_zh"] for p in ex.entities.values() if p.label == "Event" and p.has_fact]


def test_a_party_of_officers_visiting_a_firm_is_their_organisations_visit_concerning_it(tmp_path, kb):
    ex = ingest_text(tmp_path, VISIT, kb, "2017-06-28")
    [visit] = visits(ex)
    assert (visit, "中国电子信息产业集团有限公司") in facts(ex, "PARTICIPANT")
    assert (visit, "长沙测试软件有限公司") in facts(ex, "CONCERNS")


def test_the_bodies_whose_officials_accompany_a_visit_take_part_in_it(tmp_path, kb):
    ex = ingest_text(tmp_path, VISIT, kb, "2017-06-28")
    [visit] = visits(ex)
    assert {(visit, "长沙示例科技有限公司"), (visit, "长沙示例研究院")} <= facts(ex, "PARTICIPANT")


def test_the_party_visiting_again_later_is_the_same_visit(tmp_path, kb):
    ex = ingest_text(tmp_path, VISIT + "宋宁强调，要搭建更大的平台。调研期间，外部董事一行还考察了长沙样例信息有限公司。",
                     kb, "2017-06-28")
    [visit] = visits(ex)
    assert (visit, "长沙样例信息有限公司") in facts(ex, "CONCERNS")
