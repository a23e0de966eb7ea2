"""Round `who-held`, second part (docs/ingest-rounds.md): whose industries a list names — 以A、B为重点 is a list of
domains when one of them is a known industry; a zone or area named again by its head word (开发区, 数据谷) is the one
named before; who says it (X公司董事长Y表示) is not whose focus it is; a district after 属于 is where, not whose;
a two-character short form (成电) inside a word (集成电路) names nobody. Each test fails on the commit before its rows."""
from .conftest import ingest_text


def focus(ex) -> set[tuple[str, str]]:
    """Every FOCUSES_ON proposed, at or below the threshold: whose focus a list is, not whether its row is sure enough
    to accept (domain-focus-region and domain-focus-context are not: tests/ingest/test_calibration.py)."""
    return {(ex.entities[r.frm].record["name_zh"], ex.entities[r.to].record["name_zh"])
            for r in ex.relations if r.type == "FOCUSES_ON"}


def test_a_list_put_first_as_the_focus_is_of_the_zones_domains(tmp_path, kb):
    ex = ingest_text(tmp_path, "北京经济技术开发区召开大会。开发区坚持以集成电路、新型显示、生物医药为重点，打造技术创新中心。",
                     kb, "2021-03-20")
    assert {d for z, d in focus(ex) if z == "北京经济技术开发区"} >= {"集成电路", "新型显示", "生物医药"}


def test_a_slogan_or_a_counted_list_put_first_is_no_domain(tmp_path, kb):
    ex = ingest_text(tmp_path, "成都市以构筑技术创新、产业生态、服务应用三大优势为重点，以“南北呼应、东西辐射、技术突破”为主线，"
                               "建设网络安全产业集聚区。", kb, "2018-09-10")
    assert not focus(ex)


def test_an_area_named_again_by_its_head_word_and_a_speakers_firm_is_no_owner(tmp_path, kb):
    ex = ingest_text(tmp_path, "重庆打造了仙桃数据谷等一批平台。重庆仙桃数据谷投资管理有限公司董事长汪小平对记者表示，"
                               "数据谷聚焦人工智能、区块链、云计算等产业领域。", kb, "2021-08-24")
    assert {("仙桃数据谷", d) for d in ("人工智能", "区块链", "云计算")} <= focus(ex)


def test_a_district_after_shuyu_is_where_the_area_lies_not_whose_focus(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙市天心区加快发展。“天心数谷”一期属于天心区重点支持的产业转型项目，将被打造成以大数据、软件、"
                     "人工智能为主的现代服务业集聚区。", kb, "2020-11-11")
    got = focus(ex)
    assert ("天心数谷", "大数据") in got
    assert not {f for f in got if f[0] == "天心区"}


def test_a_two_character_short_form_inside_a_word_names_nobody(tmp_path, kb):
    ex = ingest_text(tmp_path, "经开区坚持以集成电路、新型显示为重点。", kb, "2021-03-20")
    assert not [m for m in ex.mentions if m.text == "成电"]
