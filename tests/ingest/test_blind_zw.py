"""Round blind-zw (docs/ingest-rounds.md): causes read from dev-ZV (round blind-zu's check), read while the round's two
new samples were being labelled, so dev-ZW and dev-ZX scored these rules as they came. The sentences are written for
these tests after the pattern of what was read; each positive fails on the commit before its change, each guard
passes there:
- 四川获批国家数字经济创新发展试验区: a region before the verb holds the designation (honour-region);
- the bench says, of the right statistics, how many carry the gold's as-of and status (score's as-of and status rows).
The as-of rows read there (as-of-sentence-date without a comma, as-of-change) are tested in test_status_dates.py.
Then, from dev-ZW (read after it was scored as it came; dev-ZX stayed unread as the round's check):
- 中关村示范区 is a zone by the place it begins with, not a designation (zone-by-place);
- 自去年以来 dates 去年 (manual A8);
- a meeting named before its date (…大会于9月11日在长沙开幕) is of that date, and its figures with no date of their own
  are as of it (event-date-after, as-of-event)."""
from __future__ import annotations

from parkgraph.loaders.ingest.score import score

from .conftest import ingest_text, proposed_figures, proposed_relations


def test_a_region_holds_the_designation_it_won(tmp_path, kb):
    ex = ingest_text(tmp_path, "2020年10月，四川获批国家数字经济创新发展试验区。", kb, "2021-01-25")
    assert ("四川省", "HOLDS", "国家数字经济创新发展试验区") in proposed_relations(ex), proposed_relations(ex)
    # guard: a region after 为 (what the designation serves) holds nothing
    ex = ingest_text(tmp_path, "为四川服务的企业获批国家数字经济创新发展试验区。", kb, "2021-01-25")
    assert not any(r[1] == "HOLDS" and r[0] == "四川省" for r in proposed_relations(ex)), proposed_relations(ex)


def test_the_bench_scores_as_of_and_status_of_right_figures(tmp_path, kb):
    ex = ingest_text(tmp_path, "2022年长沙市软件产业产值达到100亿元，企业数量达到300家。", kb, "2023-03-21")
    stat = {"subject": "长沙市", "status": "actual", "sentence": 0}
    gold = {"source": {"published": "2023-03-21"}, "entities": [{"label": "Region", "name": "长沙市"}], "dates": [],
            "relations": [], "events": [],
            "statistics": [{**stat, "value": 100, "unit": "亿元", "as_of": "2022", "text": "100亿元"},
                           {**stat, "value": 300, "unit": "家", "as_of": "2021", "status": "target", "text": "300家"}]}
    sc = score(ex, gold)
    assert (sc["statistics"].correct, sc["as-of"].gold, sc["as-of"].correct, sc["status"].correct) == (2, 2, 1, 1)


def test_a_demonstration_zone_named_by_its_place_is_a_zone(tmp_path, kb):
    ex = ingest_text(tmp_path, "1-2月，中关村示范区企业实现总收入4484.8亿元。", kb, "2015-04-03")
    assert ("中关村示范区", 4484.8) in proposed_figures(ex), proposed_figures(ex)
    assert any(p.label == "Region" and p.record["name_zh"] == "中关村示范区" for p in ex.entities.values())
    # guard: a national designation stays one
    ex = ingest_text(tmp_path, "2020年10月，四川获批国家数字经济创新发展试验区。", kb, "2021-01-25")
    assert any(p.label == "TalentProgram" and p.record["name_zh"] == "国家数字经济创新发展试验区" for p in ex.entities.values())


def test_last_year_since_is_last_year(tmp_path, kb):
    ex = ingest_text(tmp_path, "自去年以来，重庆把智能产业作为重中之重。", kb, "2018-03-28")
    assert [(d.text, d.value) for d in ex.dates] == [("去年", "2017")]
    # guard: 近年来 names no calendar unit and is no date
    assert not ingest_text(tmp_path, "近年来，重庆把智能产业作为重中之重。", kb, "2018-03-28").dates


def test_a_meetings_figures_are_as_of_the_day_it_was_held(tmp_path, kb):
    body = "2023长沙网络安全大会于9月11日在长沙开幕。本届大会共签约项目30个。"
    ex = ingest_text(tmp_path, body, kb, "2023-09-20")
    assert [o.fields["as_of"] for o in ex.observations if o.fields.get("value") == 30] == ["2023-09-11"]
    assert [p.record.get("date") for p in ex.entities.values() if p.label == "Event"] == ["2023-09-11"]
    # guard: a figure with a date of its own keeps it
    ex = ingest_text(tmp_path, "2023长沙网络安全大会于9月11日在长沙开幕。截至2022年底，本届大会共签约项目30个。", kb, "2023-09-20")
    assert [o.fields["as_of"] for o in ex.observations if o.fields.get("value") == 30] == ["2022-12-31"]
