"""Whether a place name the dictionary found is a place the article speaks of, or only letters inside a longer word:
a campaign's quoted name, a longer address or zone it begins, a word jieba reads across it, a reporter's name.
Kept apart from loaders/ingest/mentions.py, which reads the mentions (round blind-xe: it had reached 500 lines)."""
from __future__ import annotations

import re

from .rules.mentions import HAN

QUOTED_AROUND = re.compile(r"“[^“”。，]{3,30}”")
# what follows a place that begins a longer address or zone name; no function word lies inside (长沙的天心区,
# 天心区为拓展区: two places, round `lists`)
_TAIL_CHAR = f"(?![的为和与及在是以对将把被从向于了、])[{HAN}]"
ADDRESS_TAIL = re.compile(f"(?:{_TAIL_CHAR}){{0,6}}?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|新区)|"
                          f"(?:{_TAIL_CHAR}){{1,5}}?(?<!园)(?:区|县|镇|乡|街道)(?![{HAN}]?(?:企业|政府|委|局|厅))")
# （记者孙海东） / 通讯员 王海东: a byline's surname right before the place name that ends the person's name; not 记者从海东…
BYLINE_NAME = re.compile(r"(?:记者|通讯员|实习生)\s?[^\s从在于到赴获近日走来随跟对向据，。、（）]$")


class PlaceWordsMixin:
    def _inside_word(self, a: int, b: int, label: str) -> bool:
        """A short place name glued into a longer word (中国特色), or the place that begins a longer
        place or zone name (北京市 in 北京市通州区西集镇, 济南 in 济南高新技术产业开发区)."""
        if label != "Region":   # 成电 (电子科技大学) in 集成电路: a two-character short form inside a word
            return b - a <= 2 and self.word_across(a, b)
        if any(q.start() < a and b < q.end() - 1 for q in QUOTED_AROUND.finditer(self.text, max(0, a - 30), b + 30)):
            return True   # “爱尚重庆·惠聚高新”: a campaign's name in quotes, no place a figure is about (round blind-y)
        if BYLINE_NAME.search(self.text, max(0, a - 4), a) and re.match(r"[）)\s、，]|$", self.text[b:b + 1]):
            return True   # （记者孙海东）: the end of a reporter's name, no place (海东市; round blind-xe, dev-ZZZA)
        tail = ADDRESS_TAIL.match(self.text, b)
        if tail and self.text[b:b + 2] not in ("地区", "区域") and not any(
                b <= x < tail.end() and f.startswith("v") for x, _, _, f in self.tokens(self.sentence_at(a))):
            return True   # but 海淀区实现地区生产总值: a verb ends the place (round blind-y)
        # a longer word across it (中国特色), or one ending inside it (平台|中); jieba's 北京地区 is 北京 (round blind-yu)
        return b - a <= 3 and any(x < b and y > a and (x < a or y > b) and (len(w) > b - a or x < a < y < b)
                                  and not (x == a and w[b - a:] in ("地区", "区域")) for x, y, w, _ in self.tokens(self.sentence_at(a)))
