"""Statuses say what the source said (issue #13): a statistic whose quote words its figure as expected
(预计), striven for (力争, 争取), aimed at (目标), planned (计划, 规划) or in the future (到2025年, 将达…)
must not be filed as `actual`, and wording that names a kind of claim fixes which statuses fit.

The wording that decides is the one nearest before the figure in the sentence that holds it (a quote
often has several figures: "截至2022年底已有128家，预计到2025年达到300家" files 128 as actual and 300
as a forecast). Figures are found as the source writes them (1700亿, 8.5万, 1,700)."""
from __future__ import annotations

import glob
import re

import pytest
import yaml

from ..conftest import DATA

# (wording, the statuses it allows) — one test per row below checks the rule itself
RULES: list[tuple[str, set[str]]] = [
    (r"预计", {"forecast", "estimate"}),
    (r"力争", {"target"}),
    (r"争取", {"target"}),
    (r"目标", {"target", "plan"}),
    (r"计划|规划", {"plan", "target"}),
    (r"到\s*\d{4}\s*年", {"target", "forecast", "plan", "estimate"}),
    (r"将(?:达|超|实现|突破|形成|建成|有|带动|吸引|聚集|新增)", {"target", "forecast", "plan", "estimate"}),
]
# words that put the figure in the past: a figure after them is reported, not claimed
PAST = re.compile(r"截至|截止|已(?:经|有|达|建|吸引|聚集|入驻|形成|实现)?|累计|实现了")
SENTENCE = re.compile(r"[。；;！!？?\n]")


def figure_texts(value: float, unit: str | None) -> list[str]:
    """How a source may write the figure: 1700, 1,700, 8.5万 (85000 人)."""
    out = []
    if value == int(value):
        n = int(value)
        out += [str(n), f"{n:,}"]
    else:
        out.append(f"{value:g}")
    if abs(value) >= 1e4:
        out.append(f"{value / 1e4:g}万")
    out += {100: ["一百", "百"], 1000: ["一千", "千"], 10000: ["一万"]}.get(value, [])
    return [t for t in out if t]


def wording_before(sentence: str, pos: int) -> tuple[str, set[str]] | None:
    """The rule whose wording is nearest before `pos` in the sentence, unless a past marker is nearer."""
    best = None
    for pattern, allowed in RULES:
        for m in re.finditer(pattern, sentence[:pos]):
            if best is None or m.start() > best[0]:
                best = (m.start(), m.group(), allowed)
    if best is None:
        return None
    past = [m.start() for m in PAST.finditer(sentence[:pos]) if m.start() > best[0]]
    return None if past else (best[1], best[2])


def contradiction(quote: str, value: float | None, unit: str | None, status: str) -> str | None:
    if value is None:
        return None
    for sentence in SENTENCE.split(quote):
        for text in figure_texts(value, unit):
            for m in re.finditer(re.escape(text) + r"(?![\d.,])", sentence):
                if m.start() > 0 and (sentence[m.start() - 1].isdigit() or sentence[m.start() - 1] == "."):
                    continue
                hit = wording_before(sentence, m.start())
                if hit and status not in hit[1]:
                    return f"‘{hit[0]}’ before {text} in “{sentence.strip()}” allows {sorted(hit[1])}, not {status}"
                return None  # the figure was found: its nearest wording decided
    sentences = [x for x in SENTENCE.split(quote) if x.strip()]
    if len(sentences) == 1:  # the figure is not written as a number (一千七百): one sentence, its wording decides
        hit = wording_before(sentences[0], len(sentences[0]))
        if hit and status not in hit[1]:
            return f"‘{hit[0]}’ in “{sentences[0].strip()}” allows {sorted(hit[1])}, not {status}"
    return None


@pytest.mark.parametrize("quote,value,unit,status,bad", [
    ("预计到2025年产业规模达到1700亿元。", 1700, "亿元", "actual", True),
    ("预计到2025年产业规模达到1700亿元。", 1700, "亿元", "forecast", False),
    ("力争到2020年园区网络安全产业规模超过1000亿元。", 1000, "亿元", "actual", True),
    ("力争到2020年园区网络安全产业规模超过1000亿元。", 1000, "亿元", "target", False),
    ("发展目标：到2025年引进企业300家。", 300, "家", "actual", True),
    ("园区计划建设孵化空间5万平方米。", 5, "万㎡", "actual", True),
    ("到2025年，园区将吸引企业500家。", 500, "家", "actual", True),
    ("截至2022年底，通州园已吸引128家企业入驻，预计到2025年达到300家。", 128, "家", "actual", False),
    ("截至2022年底，通州园已吸引128家企业入驻，预计到2025年达到300家。", 300, "家", "actual", True),
    ("2019年园区网络安全产业规模达到1,700亿元，预计2025年更高。", 1700, "亿元", "actual", False),
    ("园区从业人员8.5万余人。", 85000, "人", "actual", False),
    ("目标是到2025年形成8.5万人的人才队伍。", 85000, "人", "actual", True),
    ("北京市网络安全产业力争达千亿元规模", 1000, "亿元", "actual", True),
    ("北京市网络安全产业力争达千亿元规模", 1000, "亿元", "target", False),
    ("园区产业规模力争达到一千七百亿元", 1700, "亿元", "estimate", True),
], ids=lambda v: str(v)[:12])
def test_the_rule_table(quote, value, unit, status, bad):
    assert (contradiction(quote, value, unit, status) is not None) is bad


def _statistics():
    for f in sorted(glob.glob(str(DATA / "*.yaml"))):
        for o in (yaml.safe_load(open(f, encoding="utf-8")) or {}).get("observations", []):
            yield f, o


def test_no_statistic_has_a_status_its_quote_contradicts():
    found = []
    checked = 0
    for f, o in _statistics():
        for c in o.get("cite") or []:
            quote = c.get("quote") or ""
            if any(re.search(p, quote) for p, _ in RULES):
                checked += 1
            why = contradiction(quote, o.get("value"), o.get("unit"), o.get("status"))
            if why:
                found.append(f"{f.rsplit('/', 1)[-1]}: observation/{o['id']} is {o.get('status')}: {why}")
    assert checked > 0
    assert not found, f"{len(found)} statistic(s) with a status their quote contradicts:\n" + "\n".join(found)
