"""A figure's date and status from the article's own dates (round areas, docs/ingest-rounds.md): a date the
sentence opens on dates its figures (as-of-sentence-date), and a figure for a time that begins after the
article was published is a forecast, whatever the wording (status-future-date)."""
import pytest

from parkgraph.loaders.ingest import ingest

from .test_entities_relations import kb_small

SENTENCE = "2024年，长沙市软件产业产值达到100亿元。"


def figure(tmp_path, published: str, body: str = SENTENCE) -> dict:
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: t\ndate: {published}\n---\n\n{body}\n", encoding="utf-8")
    obs = ingest(p, kb=kb_small()).extraction.observations
    assert len(obs) == 1
    return obs[0].fields


def test_a_date_the_sentence_opens_on_dates_its_figure(tmp_path):
    assert figure(tmp_path, "2025-01-10")["as_of"] == "2024"


@pytest.mark.parametrize("published, status", [
    ("2023-05-06", "forecast"),   # a year not begun when the article was written
    ("2025-01-10", "actual"),
    ("2024-03-16", "actual"),     # the year had begun: a figure for it is not a forecast by its date alone
    ("2024", "actual"),           # an article dated by its year only may be from its end
])
def test_a_figure_for_a_time_after_the_article_is_a_forecast(tmp_path, published, status):
    assert figure(tmp_path, published)["status"] == status


def test_wording_still_decides_when_the_date_does_not(tmp_path):
    f = figure(tmp_path, "2025-01-10", "2024年，长沙市软件产业产值预计达到100亿元。")
    assert f["status"] == "forecast"


def all_figures(tmp_path, published: str, body: str) -> list[dict]:
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: t\ndate: {published}\n---\n\n{body}\n", encoding="utf-8")
    return [o.fields for o in ingest(p, kb=kb_small()).extraction.observations]


@pytest.mark.parametrize("body", [
    # the date the sentence opens on, with no comma after it (round blind-zw: 2022年北京实现地区生产总值…)
    "2022年长沙市软件产业产值达到100亿元，企业数量达到300家。",
    # a change over the year before is for the year named before it, not the article's date
    "长沙市2022年软件产业产值达到100亿元，比上年增长12%。",
    "长沙市2022年软件产业产值达到100亿元，同比增长12%。",
])
def test_every_figure_of_a_dated_sentence_is_of_its_date(tmp_path, body):
    figs = all_figures(tmp_path, "2023-03-21", body)
    assert len(figs) == 2 and [f["as_of"] for f in figs] == ["2022", "2022"]


def test_a_figure_with_no_date_in_its_sentence_stays_of_the_article(tmp_path):
    figs = all_figures(tmp_path, "2023-03-21", "长沙市软件产业产值达到100亿元，比上年增长12%。")
    assert [f["as_of"] for f in figs] == ["2023-03-21", "2023-03-21"]


def test_a_date_an_earlier_sentence_opens_on_dates_the_paragraphs_figures(tmp_path):
    # round blind-zw (as-of-paragraph-date): 1-2月,中关村…总收入…。实现技术收入…
    figs = all_figures(tmp_path, "2023-03-21", "2022年，长沙市软件产业产值达到100亿元。企业数量达到300家。")
    assert [f["as_of"] for f in figs] == ["2022", "2022"]
    # guard: not past a sentence that names a date it does not open on
    figs = all_figures(tmp_path, "2023-03-21", "2022年，长沙市软件产业产值达到100亿元。园区于2019年建成。企业数量达到300家。")
    assert figs[-1]["as_of"] == "2023-03-21"


def test_a_numbered_heading_ending_in_a_full_stop_still_opens_a_target_section(tmp_path):
    # round blind-zw: （二）发展目标。 (with its 。) had not been read as a heading, so a plan's targets under it were actual
    body = "（二）发展目标。\n\n力争到2017年，新一代信息技术普及应用。\n\n——基础设施不断完善。\n\n湖南省固定宽带家庭普及率达到60%；"
    figs = all_figures(tmp_path, "2015-10-11", body)
    assert [(f["value"], f["status"]) for f in figs] == [(60, "target")]
