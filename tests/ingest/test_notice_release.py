"""A government notice's release wording (round areas, docs/ingest-rounds.md): 《X》已经Y同意，现印发给你们 is the
release of X, an event concerning it; the body that issues a policy takes part in its release, the body
that only approved it does not; the central cyberspace commission's names are government bodies."""
from .test_entities_relations import rels, run


def test_a_notice_releases_the_policy_it_sends(tmp_path):
    ex = run(tmp_path, "《国家网络安全宣传周活动方案》已经中央网络安全和信息化领导小组同意，现印发给你们，请认真贯彻执行。")
    r = rels(ex)
    assert ("国家网络安全宣传周活动方案印发", "CONCERNS", "国家网络安全宣传周活动方案") in r
    bodies = {p.record["name_zh"] for p in ex.entities.values() if p.label == "GovernmentBody"}
    assert "中央网络安全和信息化领导小组" in bodies
    assert not any(t == "PARTICIPANT" for _, t, _ in r)   # it approved the scheme; it did not send it


def test_the_issuer_takes_part_in_the_release(tmp_path):
    ex = run(tmp_path, "近日，四川省人民政府发布了《四川省“十三五”信息化规划》。")
    assert ("四川省“十三五”信息化规划发布", "PARTICIPANT", "四川省人民政府") in rels(ex)
