"""Search rules without a database: stored pinyin keeps syllables, Latin words are read as syllables,
and no query is a leading wildcard (the 190 ms term-dictionary walk at 1M, bench/RESULTS.md)."""
from __future__ import annotations

import re

import pytest

from parkgraph.graph.search_index import lucene_query, pieces, syllable_readings, tier
from parkgraph.loaders.mapping import pinyin_of


def test_stored_pinyin_keeps_syllables_and_initials():
    assert pinyin_of(["长沙园区"]) == "chang-sha-yuan-qu csyq"
    assert pinyin_of(["通州园", "通州园区"]) == "tong-zhou-yuan tzy tong-zhou-yuan-qu tzyq"
    assert pinyin_of(["Qi-Anxin"]) is None  # no Chinese: nothing to derive


READINGS = [  # word, a reading it must have (whole syllables, the cut-short rest), or None: no reading
    ("changsha", (["chang", "sha"], "")),
    ("tongzh", (["tong"], "zh")),
    ("xian", (["xian"], "")),
    ("xian", (["xi", "an"], "")),
    ("zhongguancun", (["zhong", "guan", "cun"], "")),
    ("chengyu", (["cheng", "yu"], "")),
    ("cybersecurity", None),
    ("2023", None),
]


@pytest.mark.parametrize("word,reading", READINGS)
def test_syllable_readings(word, reading):
    got = syllable_readings(word)
    if reading is None:
        assert got == []
    else:
        assert reading in got
        assert all("".join(w) + r == word for w, r in got)


@pytest.mark.parametrize("query", ["changsha", "beijing anxin", "zhongguancun", "tongzh", "通州", "cybersecurity 2023"])
def test_no_query_is_a_leading_wildcard(query):
    lq = lucene_query(pieces(query))
    assert lq and not re.search(r"(^|[\s(:])\*", lq), lq


PARK = {"name_zh": "国家网络安全产业园区（长沙）", "name_en": "National Cybersecurity Industrial Park (Changsha)",
        "pinyin": "guo-jia-wang-luo-an-quan-chan-ye-yuan-qu-chang-sha gjwlaqcyyqcs chang-sha-yuan-qu csyq"}
TIERS = [  # query, tier of PARK (None: not a match)
    ("长沙园区", 0),            # an alias (its pinyin form here)
    ("changshayuanqu", 0),      # a pinyin form, run together
    ("changsha", 1),            # a word of the English name
    ("changshayuan", 2),        # the start of a pinyin form
    ("shayuanqu", 3),           # at a syllable boundary inside a form
    ("angsha", None),           # inside a syllable: not a match
    ("gjwlaqcyyqcs", 0),        # initials: a whole form
    ("cybersec", 3),            # the start of a word of the English name
]


@pytest.mark.parametrize("query,expected", TIERS)
def test_tiers_for_latin_words(query, expected):
    props = dict(PARK, aliases=["长沙园区"])
    assert tier(props, query) == expected


def test_hostile_queries_stay_small_and_fast():
    import time
    t = time.perf_counter()
    readings = syllable_readings("xian" * 50)  # 200 characters, each xian read two or three ways
    syllables = ["xi", "an", "chang", "sha", "bei", "jing", "tong", "zhou"]
    words = [a + b + c for a in syllables for b in syllables for c in syllables][:60]  # 60 distinct, all pinyin
    lq = lucene_query(pieces(" ".join(words)))
    assert time.perf_counter() - t < 1.0
    assert len(readings) <= 6
    assert lq.count(":") < 1024  # one field clause per colon; Lucene refuses more than 1,024
