"""What a percentage measures (loaders/ingest/gazetteer.py PERCENT_KINDS, one test per row): before the table
every percentage the extractor read was proposed as metric `count` (同比增长37.0% → 数量), which a user loading
the review file would take at its word."""
from __future__ import annotations

import pytest

from parkgraph.loaders.ingest import gazetteer as gz

from .conftest import ingest_text


def extract_text(tmp_path, body: str, kb):
    return ingest_text(tmp_path, body, kb, "2024-01-10")


def _pct(ex) -> list[dict]:
    return [o.fields for o in ex.observations if o.fields.get("unit") == "%"]


@pytest.mark.parametrize("word,kind,zh", [(w, k, z) for w, k, z, _ in gz.PERCENT_KINDS])
def test_each_row_names_the_kind_of_percentage(tmp_path, kb, word, kind, zh):
    ex = extract_text(tmp_path, f"2023年，长沙市软件产业营业收入{word}12.5%。", kb)
    f = _pct(ex)
    assert f, "no percentage read"
    assert f[0]["metric"] == f"operating_revenue_{kind}" and f[0]["metric_zh"] == "营业收入" + zh


def test_a_percentage_without_a_metric_word_names_only_its_kind(tmp_path, kb):
    f = _pct(extract_text(tmp_path, "2023年，长沙市网络安全产业同比增长37.0%。", kb))
    assert [(x["metric"], x["metric_zh"]) for x in f] == [("growth_rate", "增速")]


def test_a_bare_percentage_is_no_count(tmp_path, kb):
    f = _pct(extract_text(tmp_path, "长沙市网络安全企业中，其中5%为外资。", kb))
    assert f and all(x["metric"] == "percentage" for x in f)
