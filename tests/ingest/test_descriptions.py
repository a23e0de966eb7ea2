"""Text-valued statistics from general shapes (round areas, docs/ingest-rounds.md): a theme in quotes, an
apposition that opens a clause (作为X，Y), and a copula with a standing word (Y是…之一/首个/重要承载地)."""
from parkgraph.loaders.ingest import ingest

from .test_entities_relations import kb_small


def described(tmp_path, body: str) -> dict[str, tuple[str, str]]:
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: t\ndate: 2024-08-05\n---\n\n{body}\n", encoding="utf-8")
    ex = ingest(p, kb=kb_small()).extraction
    return {o.fields["value_text"]: (ex.entities[o.subject].record["name_zh"], o.rule)
            for o in ex.observations if "value_text" in o.fields}


def test_a_theme_in_quotes_is_the_events(tmp_path):
    got = described(tmp_path, "2023年国家网络安全宣传周于9月11日开幕。本届活动以“网络安全为人民，网络安全靠人民”为主题。")
    assert got["网络安全为人民，网络安全靠人民"] == ("2023年国家网络安全宣传周", "text-theme")


def test_an_apposition_and_a_standing_describe_the_clauses_subject(tmp_path):
    got = described(tmp_path, "张家湾设计小镇是中关村通州园创新设计和科技发展的重要承载地，作为重点打造的三个特色小镇之一，"
                              "它自2019年以来探索了多种模式。")
    assert got["中关村通州园创新设计和科技发展的重要承载地"] == ("张家湾设计小镇", "text-standing")
    assert got["重点打造的三个特色小镇之一"] == ("张家湾设计小镇", "text-apposition")


def test_two_standings_joined_by_a_pause_are_two_values(tmp_path):
    got = described(tmp_path, "2022年海淀区经济总量增长3.5%，海淀区成为全国第二个经济总量破万亿元的市辖区、全国第一个破万亿的地市级区县。")
    assert {"全国第二个经济总量破万亿元的市辖区", "全国第一个破万亿的地市级区县"} <= set(got)


def test_a_plain_copula_says_nothing(tmp_path):
    assert described(tmp_path, "张家湾设计小镇是通州区的一个片区，作为试点，它引进了企业。") == {}
