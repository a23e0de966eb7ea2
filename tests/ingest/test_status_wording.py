"""A figure's status from the wording around it (round blind-zy, docs/ingest-rounds.md): the manual's 将 is a
forecast; a plan's target paragraph and section, a 其中 after a target, what a project yields once built, a floor to
reach and a wish are never actual; and the wording that says what stands now keeps a figure actual. One row per case:
the sentence, the article's date, the figure, the status it must have (and the as-of date where the row sets it)."""
import pytest

from parkgraph.loaders.ingest import ingest

from .test_entities_relations import kb_small

# a heading with 目标, then nine sentences of the plan's target list (the 湖南省实施“互联网+”三年行动计划 shape)
PLAN = ("（二）发展目标。\n\n力争到2017年，信息技术普及应用。\n\n——基础设施不断完善。\n\n宽带网络覆盖城乡；\n\n"
        "4G覆盖率不断提升；\n\n公共区域实现全覆盖。\n\n——产业深度融合。\n\n两化融合水平提升；\n\n"
        "融合发展成效显著。\n\n长沙市电子商务交易额超过800亿元。")

CASES = [
    # (body, published, value, status, as_of or None)
    ("长沙市今年将举办软件产业大会，吸引300余家企业参加。", "2023-05-06", 300, "forecast", None),
    ("长沙市将园区打造成为软件名城，目前已有企业300家。", "2023-05-06", 300, "actual", None),
    ("长沙市提出，到2030年形成大数据产业生态。全市大数据产业规模突破1000亿元。", "2023-05-06", 1000, "target", "2030"),
    # 2001年至2011年 in a 2012 article: a span looked back on, no target for the sentence after it
    ("2001年至2011年，长沙市软件产业实现增长。全市软件产业平均增幅30%。", "2012-07-15", 30, "actual", None),
    (PLAN, "2015-10-11", 800, "target", None),
    # 其中 opening the next paragraph: a part of the target the paragraph before set
    ("长沙市力争实现七个“新”。\n\n其中，在经济发展方面，长沙市软件产业产值实现1000亿元以上。", "2021-07-09", 1000, "target", None),
    ("长沙市软件产业园建成达产后年营业收入达54.4亿元。", "2013-06-01", 54.4, "forecast", None),
    ("长沙市软件产业园月产值可达3亿元。", "2020-07-16", 3, "forecast", None),
    ("依照规划，今年长沙市大数据产业规模突破500亿元。", "2018-04-17", 500, "target", None),
    ("长沙市打造不少于30项应用场景。", "2024-05-01", 30, "target", None),
    ("长沙市要积极承接成果转化，承接150项以上重大科技成果。", "2023-02-05", 150, "target", None),
    # a share of the year's plan done is what was done (为年度计划投资的50.1%), not the plan
    ("长沙市电子信息项目完成投资158.9亿元，为年度计划投资的50.1%。", "2023-07-21", 50.1, "actual", None),
    # 将 in a modifier (将…的 + noun) describes what is counted; the count is there now (round blind-ya)
    ("本次长沙市将集中开工的重大项目共382个。", "2019-11-15", 382, "actual", None),
    ("长沙市将集中开工重大项目382个。", "2019-11-15", 382, "forecast", None),   # guard: 将 before the figure, no 的
]


@pytest.mark.parametrize("body, published, value, status, as_of", CASES, ids=[c[0][:16] for c in CASES])
def test_status_from_wording(tmp_path, body, published, value, status, as_of):
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: t\ndate: {published}\n---\n\n{body}\n", encoding="utf-8")
    obs = [o.fields for o in ingest(p, kb=kb_small()).extraction.observations if o.fields.get("value") == value]
    assert obs, f"no figure {value} proposed"
    assert obs[0]["status"] == status
    if as_of:
        assert obs[0]["as_of"] == as_of
