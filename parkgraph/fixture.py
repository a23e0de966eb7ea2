"""A small fixture graph as code, in the data-file format: shared by tests, golden files and demos.

It holds one park with two sub-parks, a firm with an honour, an observation pair that conflicts,
and names with markup-like characters so escaping is always exercised.
"""
from __future__ import annotations

from pathlib import Path

import yaml

SOURCE = "fixture-2023-03-24"
Q_LAYOUT = "国家网络安全产业园区（北京）于 2019 年 1 月正式揭牌，形成海淀园、通州园“三园协同”的总体布局。"
Q_FIRM = "园区企业北京网藤科技有限公司获得国家级专精特新“小巨人”企业称号。"
Q_COUNT = "截至 2022 年底，通州园共吸引了 128 家网络安全相关企业入驻。"
Q_COUNT2 = "通州园入驻企业超过 130 家。"
Q_POLICY = "重庆市经济信息委于 2022 年 9 月印发了《关于推进国家网络安全产业园区市级重点园区建设工作的通知》。"

FIXTURE: dict = {
    "sources": [
        {"id": SOURCE, "title": "推进网络安全产业园区建设（测试摘录）", "name_en": "Fixture excerpt",
         "url": "https://example.org/article", "outlet": "测试", "published": "2023-03-24", "kind": "article"},
        {"id": "fixture-other", "title": "另一来源 A&B “引号” <测试>", "url": "https://example.org/other",
         "published": "2023-05-01", "kind": "webpage"},
    ],
    "parks": [
        {"id": "beijing", "name_zh": "国家网络安全产业园区（北京）", "name_en": "National Cybersecurity Industrial Park (Beijing)",
         "aliases": ["北京园区"], "level": "national", "cite": [{"source": SOURCE, "quote": Q_LAYOUT}]},
    ],
    "subparks": [
        {"id": "haidian", "name_zh": "海淀园", "name_en": "Haidian Park", "cite": [{"source": SOURCE, "quote": Q_LAYOUT}]},
        {"id": "tongzhou", "name_zh": "通州园", "name_en": "Tongzhou Park", "note": "A & B \"quoted\" <script>alert(1)</script>",
         "cite": [{"source": SOURCE, "quote": Q_LAYOUT}]},
    ],
    "enterprises": [
        {"id": "beijing-wangteng-keji", "name_zh": "北京网藤科技有限公司", "name_en": "Beijing Wangteng Technology Co., Ltd.",
         "cite": [{"source": SOURCE, "quote": Q_FIRM}]},
    ],
    "programmes": [
        {"id": "zhuanjingtexin-xiaojuren", "name_zh": "专精特新“小巨人”", "name_en": "Specialised and sophisticated ‘little giant’",
         "kind": "honour", "level": "national", "cite": [{"source": SOURCE, "quote": Q_FIRM}]},
    ],
    "government_bodies": [
        {"id": "chongqing-jxw", "name_zh": "重庆市经济和信息化委员会", "name_en": "Chongqing Municipal Commission of Economy and Information Technology",
         "aliases": ["重庆市经济信息委"], "level": "provincial", "cite": [{"source": SOURCE, "quote": Q_POLICY}]},
    ],
    "policies": [
        {"id": "cq-key-parks-notice-2022", "name_zh": "关于推进国家网络安全产业园区市级重点园区建设工作的通知",
         "name_en": "Notice on building municipal key parks of the national cybersecurity industrial park",
         "kind": "notice", "issued_on": "2022-09", "cite": [{"source": SOURCE, "quote": Q_POLICY}]},
    ],
    "events": [
        {"id": "beijing-unveiling", "name_zh": "国家网络安全产业园区（北京）揭牌", "name_en": "Unveiling of the Beijing park",
         "kind": "unveiling", "date": "2019-01", "cite": [{"source": SOURCE, "quote": Q_LAYOUT}]},
    ],
    "observations": [
        {"id": "tongzhou-enterprises-2022", "subject": "subpark/tongzhou", "metric": "cybersecurity_enterprises",
         "metric_zh": "网络安全相关企业入驻数", "metric_en": "Cybersecurity enterprises in the park",
         "value": 128, "unit": "家", "as_of": "2022-12-31", "status": "actual", "cite": [{"source": SOURCE, "quote": Q_COUNT}]},
        {"id": "tongzhou-enterprises-2022-other", "subject": "subpark/tongzhou", "metric": "cybersecurity_enterprises",
         "metric_zh": "网络安全相关企业入驻数", "metric_en": "Cybersecurity enterprises in the park",
         "value": 130, "unit": "家", "qualifier": "超过", "as_of": "2022-12-31", "status": "actual",
         "note": "conflicts with tongzhou-enterprises-2022", "cite": [{"source": "fixture-other", "quote": Q_COUNT2}]},
    ],
    "relations": [
        {"from": "subpark/haidian", "type": "PART_OF", "to": "park/beijing", "cite": [{"source": SOURCE, "quote": Q_LAYOUT}]},
        {"from": "subpark/tongzhou", "type": "PART_OF", "to": "park/beijing", "cite": [{"source": SOURCE, "quote": Q_LAYOUT}]},
        {"from": "enterprise/beijing-wangteng-keji", "type": "TENANT_OF", "to": "subpark/tongzhou", "cite": [{"source": SOURCE, "quote": Q_FIRM}]},
        {"from": "enterprise/beijing-wangteng-keji", "type": "HOLDS", "to": "programme/zhuanjingtexin-xiaojuren", "cite": [{"source": SOURCE, "quote": Q_FIRM}]},
        {"from": "policy/cq-key-parks-notice-2022", "type": "ISSUED_BY", "to": "govbody/chongqing-jxw", "cite": [{"source": SOURCE, "quote": Q_POLICY}]},
        {"from": "event/beijing-unveiling", "type": "CONCERNS", "to": "park/beijing", "cite": [{"source": SOURCE, "quote": Q_LAYOUT}]},
    ],
}


def write_fixture(directory: str | Path) -> Path:
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    path = d / "fixture.yaml"
    path.write_text(yaml.safe_dump(FIXTURE, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
