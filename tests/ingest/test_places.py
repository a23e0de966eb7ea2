"""Places any article may name (round blind-f, 2026-12-02; docs/ingest-rounds.md): every city and district of GB/T 2260
from the place dictionary jionlp ships (before, eleven cities were known by hand), a district written after
the place it lies in, and meetings listed before 等重要活动…在X举办 with the one named twice by kind and by year.
The sentences are written for these tests; each fails on `7ae7641` but the guards."""
from __future__ import annotations

from parkgraph.loaders.ingest import gazetteer as gz

from .conftest import accepted_relations as rels
from .conftest import ingest_text


def _pairs(ex, kind: str) -> set[tuple[str, str]]:
    return {(f, o) for f, t, o in rels(ex) if t == kind}


def test_the_divisions_come_from_the_standard_and_leave_out_names_that_say_no_one_place():
    cities, counties = gz.admin_divisions()
    names = {full for _, full, _ in cities} | {full for _, full, _ in counties}
    assert {"福州市", "南充市", "双流区", "合川区", "嘉定区"} <= names
    assert not {"鼓楼区", "朝阳区", "城区"} & names          # twice in the country, or too short to say where
    assert ("211300", "朝阳市", "朝阳市") in cities          # 朝阳 alone is Beijing's district as often


def test_the_place_dictionary_is_read_from_the_zip_a_fresh_install_has(tmp_path):
    # a fresh install of jionlp has china_location.zip and no .txt until jionlp is imported (CI failed so at 6adb80d)
    import zipfile
    with zipfile.ZipFile(tmp_path / "china_location.zip", "w") as zf:
        zf.writestr("china_location.txt", "福建省\t350000\t福建\n\t福州市\t350100\t福州\n\t\t鼓楼区\t350102\t鼓楼\n")
    assert not (tmp_path / "china_location.txt").exists()
    assert gz._location_lines(tmp_path)[1] == "\t福州市\t350100\t福州"


def test_listed_meetings_held_in_a_city_no_list_knew_are_located_there(tmp_path, kb):
    ex = ingest_text(tmp_path, "此外，宣传周期间的网络安全高峰论坛、网络安全博览会等重要活动也将在福州市举办。", kb, "2023-08-31")
    assert {("网络安全高峰论坛", "福州市"), ("网络安全博览会", "福州市")} <= _pairs(ex, "LOCATED_IN")


def test_a_meeting_named_by_kind_and_by_year_is_one_event(tmp_path, kb):
    ex = ingest_text(tmp_path, "宣传周期间，网络安全博览会将在福州市举办。据介绍，2023年网络安全博览会于9月10日开幕。", kb, "2023-08-31")
    events = {p.record["name_zh"] for p in ex.entities.values() if p.label == "Event" and p.has_fact}
    assert events == {"2023年网络安全博览会"}


def test_a_district_after_its_city_is_part_of_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "重庆对外经贸学院位于重庆市合川区。大赛在成都市双流区举行。", kb, "2023-08-31")
    assert {("合川区", "重庆市"), ("双流区", "成都市")} <= _pairs(ex, "PART_OF")


def test_guard_a_district_next_to_another_citys_name_is_not_part_of_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "成都市与重庆市合川区签署协议。", kb, "2023-08-31")
    assert ("合川区", "成都市") not in _pairs(ex, "PART_OF")


def test_a_districts_party_committee_and_its_cyberspace_office_are_bodies(tmp_path, kb):
    # 合川区委网信办 / 沙坪坝区委 (fails on dd82894); 湖南省委网信办 stays the office, not the provincial committee
    ex = ingest_text(tmp_path, "合川区委网信办主任钱伟出席活动。湖南省委网信办、沙坪坝区委共同参加。", kb, "2023-08-31")
    bodies = {m.name for m in ex.mentions if m.label == "GovernmentBody"}
    assert {"中共合川区委网络安全和信息化委员会办公室", "中共沙坪坝区委"} <= bodies
    assert "中共湖南省委" not in bodies
