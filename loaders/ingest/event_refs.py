"""Which event a later word refers to: the meeting named last (交流会上，…; 本届/此次…), the event a listed part
belongs to, the event of a kind a figure or a team is for, and the fuller name (with its year or edition) an article
gives a meeting it names again. loaders/ingest/events.py and the statistic rows ask these."""
from __future__ import annotations

import os
import re

from . import gazetteer as gz

# the year or edition that a meeting's fuller name puts before the name (2023年网络安全博览会; event-full-name)
FULL_NAME_LEAD = re.compile(gz.EDITION + "$")
# a meeting named as the one already reported (本届展会筹备工作会议, 此次论坛): that event (event-back-reference)
BACK_REFERENCE = re.compile(r"^(?:本届|本次|此次|这次|该次?|上述)")
# a session of a meeting, named after it (…系列主题发布会沙坪坝专场): the meeting word is the one before the session
SESSION = re.compile(r"(?<=[会坛动赛])[\u4e00-\u9fff]{0,6}(?:专场|分会场)$")


def meeting_of_session(name: str) -> str:
    """The meeting a session's name names (…发布会沙坪坝专场 → …发布会); any other name as it is."""
    return SESSION.sub("", name)


class EventRefsMixin:
    def full_event_name(self, name: str) -> str | None:
        """The name with its year or edition (2023年网络安全博览会) where the article writes one before `name`
        (`event-full-name`); memoised per name, as a long article names the same meeting again and again."""
        memo = self.__dict__.setdefault("_full_names", {})
        if name not in memo:
            memo[name] = None
            i = self.text.find(name)
            while i >= 0 and memo[name] is None:
                lead = FULL_NAME_LEAD.search(self.text, max(0, i - 12), i)
                memo[name] = self.text[lead.start():i] + name if lead else None
                i = self.text.find(name, i + 1)
        return memo[name]

    def _event_for(self, s, pos: int, back: int, keep=None):
        """The event named last before `pos` in sentence `s`, else the one named last in the `back` sentences
        before — of those `keep` accepts (a contest, a signing), when given."""
        here = [x for x in self._by_sent.get(s.idx, ()) if x.label == "Event" and x.keys and x.end <= pos
                and (keep is None or keep(x))]
        return here[-1] if here else self.latest_event_before(s, back, keep)

    def last_meeting(self, s, word: str):
        """The meeting named last before sentence `s` whose name ends like `word` (交流会 / 论坛 / 会)."""
        return self.latest_event_before(
            s, 39, lambda x: x.attrs.get("kind") == "meeting" and gz.meeting_core(x.name).endswith(word[-1]))

    def _whole_event(self, ev, s):
        """The event a listed part (其中包括开幕式、…论坛等重要活动) belongs to: the one named last before it in the
        sentence that is no listed part itself; None when there is none."""
        whole = [x for x in self._by_sent.get(s.idx, ()) if x.label == "Event" and x.keys and x.end <= ev.start
                 and x.how != "pattern:meeting-list-part"]
        return whole[-1] if whole else None

    def whole_of(self, ev, s):
        """The joint event named before `s` whose name holds `ev`'s (天府杯…大赛暨…高峰论坛 of 天府杯…大赛): what 本次活动
        refers to when the part was named last (round blind-ye, dev-ZZC); else `ev` itself."""
        whole = [x for x in self.mentions if x.label == "Event" and x.keys and x.sent < s.idx and "暨" in x.name
                 and ev.name in x.name and x.name != ev.name]
        return whole[0] if whole else ev

    def latest_event_before(self, s, back: int, keep=None, same_para: bool = False):
        """The event named last in the nearest of the `back` sentences before `s` that names one `keep`
        accepts (within `s`'s paragraph when `same_para`); None when none does."""
        for i in range(s.idx - 1, max(-1, s.idx - back - 1), -1):
            if same_para and self.doc.sentences[i].para != s.para:
                break
            evs = [x for x in self._by_sent.get(i, ()) if x.label == "Event" and x.keys and (keep is None or keep(x))]
            if evs:
                return max(evs, key=lambda x: x.start)
        return None


def meeting_word(name: str) -> str:
    return next((w for w in sorted(gz.MEETING_SUFFIXES, key=len, reverse=True) if name.endswith(w)), "")


def same_meeting(name: str, tail: str) -> bool:
    """Does `name` end as `tail` does, in a meeting word, over at least four characters (…电子展展会筹备工作会议 and
    展会筹备工作会议; not …工作大会 and 筹备大会) or over the whole of a short tail (此次论坛: the …论坛 named before)?"""
    n = len(os.path.commonprefix([name[::-1], tail[::-1]]))   # the characters both end in
    return (n >= 4 or n == len(tail) >= 2) and tail[-n:].endswith(gz.MEETING_SUFFIXES + ("博览会", "宣传周", "活动", "仪式"))
