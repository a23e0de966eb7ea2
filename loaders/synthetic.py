"""A deterministic, seeded generator of a large, realistic ParkGraph dataset, for benchmarks and tests.

    python -m parkgraph.loaders.synthetic --enterprises 1000000 --seed 1 --out /tmp/pg-1m [--format csv|yaml]

It writes the data-file format of docs/data-format.md: the whole curated dataset of data/ (the real
parks and sub-parks, regions, domains, programmes, government bodies, sources … with their real ids),
plus N synthetic enterprises and, in proportion, institutions, programmes, policies, events, regions
(zones), observations and sources. Enterprises are placed with a Zipf-like skew over parks/sub-parks
and regions (a few hubs hold most tenants), and get about five relationships each (TENANT_OF,
LOCATED_IN, FOCUSES_ON, HOLDS, RELATED_TO, PARTICIPANT). Every record is cited: a synthetic source
(outlet ‘合成数据’, url on example.org) and a sentence naming the facts it supports.

The same (N, seed, format) gives the same bytes. CSV (the default) writes one file per collection
named after it (enterprises.csv, relations.csv, …); YAML writes a mapping per file and shards big
collections (`enterprises-0001.yaml` …) under the loader's size limit for structured files.
Synthetic names are made up: any likeness to a real firm is chance.
"""
from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import yaml

from parkgraph.data import DATA_DIR

from .synthetic_files import CsvOut, YamlOut

COLLECTION_ORDER = ["sources", "parks", "subparks", "regions", "domains", "government_bodies", "programmes",
                    "institutions", "policies", "events", "enterprises", "observations", "relations"]
# Characters for made-up firm names, with their pinyin (toneless), so English names need no converter.
CHARS = dict(zip(
    "安信华云数智网联启明天融奇立盾卫御海泰航宇恒通达鼎盛博睿科创新源锐讯思维腾飞远景致中宏蓝星火辰光合众兴嘉银河长城成瑞祥宁康"
    "志诚东方北南山西岭金石磐铭德慧聚汇百川千里万象若水知行一永正元峰森泽轩彤翔鹏凯越卓杰晨朗嵘璟曜弘毅坤乾",
    "an xin hua yun shu zhi wang lian qi ming tian rong qi li dun wei yu hai tai hang yu heng tong da ding sheng bo rui ke "
    "chuang xin yuan rui xun si wei teng fei yuan jing zhi zhong hong lan xing huo chen guang he zhong xing jia yin he "
    "chang cheng cheng rui xiang ning kang zhi cheng dong fang bei nan shan xi ling jin shi pan ming de hui ju hui bai "
    "chuan qian li wan xiang ruo shui zhi xing yi yong zheng yuan feng sen ze xuan tong xiang peng kai yue zhuo jie chen "
    "lang rong jing yao hong yi kun qian".split(), strict=True))
CHAR_LIST = list(CHARS)
INDUSTRY = [("网络安全技术", "Cybersecurity Technology"), ("信息技术", "Information Technology"),
            ("数据科技", "Data Technology"), ("信息安全", "Information Security"), ("科技", "Technology"),
            ("软件", "Software"), ("智能科技", "Intelligent Technology"), ("密码技术", "Cryptography"),
            ("电子", "Electronics"), ("计算机系统", "Computer Systems")]
FORM = [("有限公司", "Co., Ltd."), ("股份有限公司", "Co., Ltd. (joint-stock)"), ("有限责任公司", "LLC")]
ROLES = [("供应商", "supplier"), ("战略合作伙伴", "strategic partner"), ("投资方", "investor"), ("子公司", "subsidiary")]
SYN_DOMAINS = [("零信任", "Zero trust", "lingxinren"), ("态势感知", "Situational awareness", "taishi-ganzhi"),
               ("数据安全治理", "Data security governance", "shuju-anquan-zhili"), ("云安全", "Cloud security", "yun-anquan"),
               ("终端安全", "Endpoint security", "zhongduan-anquan"), ("身份认证", "Identity and authentication", "shenfen-renzheng"),
               ("车联网安全", "Connected-vehicle security", "chelianwang-anquan"), ("物联网安全", "IoT security", "wulianwang-anquan"),
               ("安全运营服务", "Managed security services", "anquan-yunying"), ("威胁情报", "Threat intelligence", "weixie-qingbao"),
               ("应用安全", "Application security", "yingyong-anquan"), ("网络靶场", "Cyber range", "wangluo-bachang"),
               ("安全芯片", "Security chips", "anquan-xinpian"), ("隐私计算", "Privacy computing", "yinsi-jisuan"),
               ("人工智能安全", "AI security", "rengong-zhineng-anquan"), ("邮件安全", "E-mail security", "youjian-anquan"),
               ("工业互联网安全", "Industrial Internet security", "gongye-hulianwang-anquan"), ("移动安全", "Mobile security", "yidong-anquan"),
               ("安全培训", "Security training", "anquan-peixun"), ("密评服务", "Cryptography assessment", "mi-ping")]
# Hubs (the real parks and sub-parks tenants go to), their city for names, the real region each sits
# in and the synthetic zones' parent region; the order is the Zipf rank.
HUBS = [("subpark/tongzhou", "北京", "Beijing", "110112", "通州园"),
        ("subpark/haidian", "北京", "Beijing", "110108", "海淀园"),
        ("park/changsha", "长沙", "Changsha", "changsha-gaoxinqu", "国家网络安全产业园区（长沙）"),
        ("park/chengyu", "成都", "Chengdu", "510100", "国家网络安全产业园区（成渝地区）"),
        ("subpark/jingkai-xinchuang", "北京", "Beijing", "beijing-jingkaiqu", "经开区信创园"),
        ("park/chengyu", "重庆", "Chongqing", "500117", "国家网络安全产业园区（成渝地区）")]
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
SOURCE_KINDS = ["report", "article", "webpage", "notice", "dataset"]
INSTITUTION_KINDS = [("研究院", "Research Institute", "research_institute"), ("大学", "University", "university"),
                     ("实验室", "Laboratory", "laboratory"), ("创新中心", "Innovation Centre", "centre"),
                     ("产业联盟", "Industry Alliance", "alliance"), ("协会", "Association", "association")]
EVENT_KINDS = [("签约仪式", "signing ceremony", "signing"), ("产业峰会", "industry summit", "meeting"),
               ("开园仪式", "opening ceremony", "opening"), ("项目发布会", "project announcement", "announcement")]
POLICY_KINDS = [("若干措施", "measures", "measures"), ("实施方案", "implementation plan", "plan"),
                ("工作通知", "notice", "notice"), ("指导意见", "guiding opinion", "opinion")]


class Zipf:
    """Draw from `items` with P(rank k) ∝ 1/(k+1)^s, deterministically from `rng`."""

    def __init__(self, items: list, s: float, rng: random.Random):
        self.items = items
        self.rng = rng
        acc, cum = 0.0, []
        for k in range(len(items)):
            acc += 1.0 / (k + 1) ** s
            cum.append(acc)
        self.cum = cum

    def draw(self, k: int = 1) -> list:
        return self.rng.choices(self.items, cum_weights=self.cum, k=k)

    def one(self):
        return self.rng.choices(self.items, cum_weights=self.cum, k=1)[0]


def _read_curated() -> dict[str, list[dict]]:
    """Every curated record, normalised to what both CSV and YAML can say (cites keep source and quote)."""
    out: dict[str, list[dict]] = {c: [] for c in COLLECTION_ORDER}
    for f in sorted(DATA_DIR.glob("*.yaml")):
        doc = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for coll, recs in doc.items():
            for r in recs or []:
                r = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
                if "cite" in r:
                    r["cite"] = [{"source": c["source"], "quote": c["quote"]} for c in r["cite"]]
                out[coll].append(r)
    return out


def _credit_code(rng: random.Random, i: int) -> str:
    # 18 characters: 2 (registration kind) + 6 digits (region) + 9 (organisation, unique by i) + 1 check
    org = []
    x = i
    for _ in range(9):
        x, d = divmod(x, len(CREDIT_ALPHABET))
        org.append(CREDIT_ALPHABET[d])
    return "91" + f"{rng.randrange(110000, 659999):06d}" + "".join(reversed(org)) + rng.choice(CREDIT_ALPHABET)


class Generator:
    def __init__(self, enterprises: int, seed: int):
        self.n = enterprises
        self.seed = seed
        self.rng = random.Random(seed)
        self.curated = _read_curated()

    # ------------------------------------------------------------------ sizes
    def sizes(self) -> dict[str, int]:
        n = self.n
        return {"sources": max(20, n // 100), "zones": max(6, n // 2000), "domains": len(SYN_DOMAINS),
                "programmes": max(4, n // 10000), "institutions": max(5, n // 200), "policies": max(5, n // 2000),
                "events": max(5, n // 500), "observations": n // 5}

    # ------------------------------------------------------------------ records
    def records(self) -> Iterator[tuple[str, dict]]:
        """(collection, record) in file order: curated records of a collection first, then synthetic ones."""
        rng, n, size = self.rng, self.n, self.sizes()
        cur = self.curated
        yr = lambda: rng.randrange(2018, 2026)  # noqa: E731

        # sources
        for r in cur["sources"]:
            yield "sources", r
        src_ids = [f"syn-src-{i:06d}" for i in range(size["sources"])]
        for i, sid in enumerate(src_ids):
            y = 2018 + i % 8
            city = HUBS[i % len(HUBS)][1]
            yield "sources", {"id": sid, "title": f"{y}年{city}网络安全产业发展观察（合成第{i + 1}期）",
                              "name_en": f"{city} cybersecurity industry watch {y}, synthetic issue {i + 1}",
                              "kind": SOURCE_KINDS[i % len(SOURCE_KINDS)],
                              "url": f"https://example.org/parkgraph-synthetic/{self.seed}/{sid}",
                              "outlet": "合成数据", "published": f"{y}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                              "note_en": f"synthetic source (seed {self.seed}) for benchmarks; not a real document"}
        self.sources = Zipf(src_ids, 0.9, rng)

        for r in cur["parks"]:
            yield "parks", r
        for r in cur["subparks"]:
            yield "subparks", r

        # regions: the real ones plus synthetic zones inside the hubs' regions
        for r in cur["regions"]:
            yield "regions", r
        zones_by_hub: dict[int, list[str]] = {h: [f"region/{HUBS[h][3]}"] for h in range(len(HUBS))}
        zone_rels = []
        for i in range(size["zones"]):
            h = i % len(HUBS)
            _, city, city_en, parent, _hub_zh = HUBS[h]
            core = "".join(rng.sample(CHAR_LIST, 2))
            zid = f"zone-{i:05d}"
            q = f"{city}{core}网络安全产业园位于{city}，是{HUBS[h][4]}的配套园区。"
            src = self.sources.one()
            yield "regions", {"id": zid, "name_zh": f"{city}{core}网络安全产业园", "kind": "zone",
                              "name_en": f"{city_en} {_py(core)} Cybersecurity Industrial Zone",
                              "cite": [{"source": src, "quote": q}]}
            zones_by_hub[h].append(f"region/{zid}")
            zone_rels.append({"from": f"region/{zid}", "type": "PART_OF", "to": f"region/{parent}",
                              "cite": [{"source": src, "quote": q}]})
        self.zones = {h: Zipf(z, 1.1, rng) for h, z in zones_by_hub.items()}

        # domains
        for r in cur["domains"]:
            yield "domains", r
        dom = [(f"domain/{r['id']}", r["name_zh"]) for r in cur["domains"]]
        for zh, en, slug in SYN_DOMAINS:
            src = self.sources.one()
            yield "domains", {"id": slug, "name_zh": zh, "name_en": en,
                              "cite": [{"source": src, "quote": f"{zh}是网络安全产业的重点方向之一。"}]}
            dom.append((f"domain/{slug}", zh))
        rng.shuffle(dom)
        self.domains = Zipf(dom, 1.0, rng)

        for r in cur["government_bodies"]:
            yield "government_bodies", r
        govs = [f"govbody/{r['id']}" for r in cur["government_bodies"]]

        # programmes
        for r in cur["programmes"]:
            yield "programmes", r
        progs = [(f"programme/{r['id']}", r["name_zh"]) for r in cur["programmes"]]
        for i in range(size["programmes"]):
            city = HUBS[i % len(HUBS)][1]
            core = "".join(rng.sample(CHAR_LIST, 2))
            pid = f"syn-prog-{i:05d}"
            name = f"{city}{core}网络安全人才计划"
            progs.append((f"programme/{pid}", name))
            yield "programmes", {"id": pid, "name_zh": name, "name_en": f"{HUBS[i % len(HUBS)][2]} {_py(core)} Cybersecurity Talent Programme",
                                 "kind": "programme", "level": "municipal",
                                 "cite": [{"source": self.sources.one(), "quote": f"{city}启动{name}。"}]}
        self.programmes = Zipf(progs, 1.0, rng)

        # institutions: tenants of the hubs too
        hub_zipf = Zipf(list(range(len(HUBS))), 1.0, rng)
        rels_later: list[dict] = list(zone_rels)
        for r in cur["institutions"]:
            yield "institutions", r
        for i in range(size["institutions"]):
            h = hub_zipf.one()
            _, city, city_en, _, hub_zh = HUBS[h]
            core = "".join(rng.sample(CHAR_LIST, 2))
            zh, en, kind = INSTITUTION_KINDS[i % len(INSTITUTION_KINDS)]
            iid = f"inst-{_pyslug(core)}-{i:06d}"
            name = f"{city}{core}网络安全{zh}"
            q = f"{name}落户{hub_zh}。"
            c = [{"source": self.sources.one(), "quote": q}]
            yield "institutions", {"id": iid, "name_zh": name, "name_en": f"{city_en} {_py(core)} Cybersecurity {en}",
                                   "kind": kind, "cite": c}
            rels_later.append({"from": f"institution/{iid}", "type": "TENANT_OF", "to": HUBS[h][0], "cite": c})
            rels_later.append({"from": f"institution/{iid}", "type": "LOCATED_IN", "to": self.zones[h].one(), "cite": c})

        # policies
        for r in cur["policies"]:
            yield "policies", r
        for i in range(size["policies"]):
            h = hub_zipf.one()
            _, city, city_en, _, hub_zh = HUBS[h]
            zh, en, kind = POLICY_KINDS[i % len(POLICY_KINDS)]
            y = yr()
            pid = f"syn-policy-{i:05d}"
            name = f"关于支持{hub_zh}网络安全产业发展的{zh}（合成{i + 1}）"
            q = f"{y}年，有关部门印发《{name}》。"
            c = [{"source": self.sources.one(), "quote": q}]
            yield "policies", {"id": pid, "name_zh": name, "name_en": f"{en.capitalize()} on supporting cybersecurity industry in {city_en} (synthetic {i + 1})",
                               "kind": kind, "level": "municipal", "issued_on": f"{y}-{rng.randrange(1, 13):02d}",
                               "doc_number": f"合成〔{y}〕{i + 1}号", "cite": c}
            rels_later.append({"from": f"policy/{pid}", "type": "ISSUED_BY", "to": govs[i % len(govs)], "cite": c})
            rels_later.append({"from": f"policy/{pid}", "type": "CONCERNS", "to": HUBS[h][0], "cite": c})

        # events (their participants are drawn when the enterprises exist)
        for r in cur["events"]:
            yield "events", r
        events = []
        for i in range(size["events"]):
            h = hub_zipf.one()
            _, city, city_en, _, hub_zh = HUBS[h]
            zh, en, kind = EVENT_KINDS[i % len(EVENT_KINDS)]
            y = yr()
            eid = f"syn-event-{i:06d}"
            name = f"{y}年{hub_zh}{zh}（合成{i + 1}）"
            q = f"{y}年，{hub_zh}举行{zh}，多家企业参加。"
            c = [{"source": self.sources.one(), "quote": q}]
            events.append((f"event/{eid}", c))
            yield "events", {"id": eid, "name_zh": name, "name_en": f"{city_en} {en} {y} (synthetic {i + 1})",
                             "kind": kind, "date": f"{y}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", "cite": c}
            rels_later.append({"from": f"event/{eid}", "type": "CONCERNS", "to": HUBS[h][0], "cite": c})
            rels_later.append({"from": f"event/{eid}", "type": "LOCATED_IN", "to": self.zones[h].one(), "cite": c})

        # enterprises: the bulk. Their relations are produced now and written with the relations.
        for r in cur["enterprises"]:
            yield "enterprises", r
        self.ent_rels: list[dict] = rels_later
        self.ent_meta: list[tuple[str, str]] = []  # (ref, name) per synthetic enterprise, for later rows
        for i in range(n):
            yield "enterprises", self._enterprise(i, hub_zipf)
        self.events = events

        # observations: the curated ones, some per hub, then ~N/5 about enterprises
        for r in cur["observations"]:
            yield "observations", r
        for h, (hub, _city, _cen, _reg, hub_zh) in enumerate(HUBS[:5]):
            for y in range(2019, 2025):
                v = int(40 * (y - 2017) * (6 - h) + rng.randrange(0, 30))
                yield "observations", {"id": f"syn-hub{h}-enterprises-{y}", "subject": hub, "metric": "cybersecurity_enterprises",
                                       "metric_zh": "网络安全相关企业数", "metric_en": "Cybersecurity-related enterprises",
                                       "value": v, "unit": "家", "as_of": f"{y}-12-31", "status": "actual",
                                       "qualifier": "超过" if h % 2 else None,
                                       "cite": [{"source": self.sources.one(), "quote": f"截至{y}年底，{hub_zh}网络安全相关企业超过{v}家。"}]}
        ent_zipf_obs = self.rng
        for i in range(size["observations"]):
            k = ent_zipf_obs.randrange(n)
            ref, name = self.ent_meta[k]
            y = 2019 + i % 6
            rec: dict[str, Any]
            if i % 2:
                v = rng.randrange(5, 5000)
                rec = {"metric": "employees", "metric_zh": "员工人数", "metric_en": "Employees", "value": v, "unit": "人",
                       "q": f"截至{y}年底，{name}共有员工{v}人。"}
            else:
                amount = round(rng.lognormvariate(7.0, 1.5), 1)
                rec = {"metric": "revenue", "metric_zh": "营业收入", "metric_en": "Revenue", "value": amount, "unit": "万元",
                       "q": f"{y}年，{name}实现营业收入{amount}万元。"}
            q = rec.pop("q")
            yield "observations", {"id": f"syn-obs-{i:07d}", "subject": ref, **rec, "as_of": str(y),
                                   "status": "actual", "cite": [{"source": self.sources.one(), "quote": q}]}

        # relations: curated, then the structural ones, then the enterprises' own, then event participants
        for r in cur["relations"]:
            yield "relations", r
        for r in self.ent_rels:
            yield "relations", r
        self.ent_rels = []
        part = Zipf(list(range(n)), 0.8, rng) if n else None
        for eref, c in self.events:
            if not n:
                break
            for k in sorted(set(part.draw(max(1, n // (size["events"] * 5) + rng.randrange(0, 3))))):
                yield "relations", {"from": eref, "type": "PARTICIPANT", "to": self.ent_meta[k][0], "cite": c}

    def _core(self, i: int) -> str:
        """A distinct made-up name core for firm i: a permutation of i written with the name characters."""
        base = len(CHAR_LIST)
        width = 3 if self.n <= base ** 3 else 4 if self.n <= base ** 4 else 5
        m = base ** width
        x = (i * 7919 + self.seed * 104729) % m  # 7919 is prime and shares no factor with 112**k
        out = []
        for _ in range(width):
            x, d = divmod(x, base)
            out.append(CHAR_LIST[d])
        return "".join(out)

    def _enterprise(self, i: int, hub_zipf: Zipf) -> dict:
        rng = self.rng
        h = hub_zipf.one()
        hub, city, city_en, _, hub_zh = HUBS[h]
        core = self._core(i)
        ind_zh, ind_en = INDUSTRY[rng.randrange(len(INDUSTRY))]
        form_zh, form_en = FORM[0 if i % 7 else 1 + i % 2]
        name = f"{city}{core}{ind_zh}{form_zh}"
        eid = f"{_pyslug(core)}-{i:07d}"
        ref = f"enterprise/{eid}"
        region = self.zones[h].one()
        doms = self.domains.draw(1 + (rng.random() < 0.5))
        doms = list(dict.fromkeys(doms))
        q = f"{name}注册于{city}，入驻{hub_zh}，主营{'、'.join(d[1] for d in doms)}等业务。"
        src = self.sources.one()
        c = [{"source": src, "quote": q}]
        rec = {"id": eid, "name_zh": name, "name_en": f"{city_en} {_py(core)} {ind_en} {form_en}",
               "aliases": [f"{core}{ind_zh[:2]}"] if i % 4 == 0 else None,
               "credit_code": _credit_code(rng, i), "website": f"https://{_pyslug(core).replace('-', '')}{i}.example.com",
               "cite": c}
        self.ent_meta.append((ref, name))
        rels = self.ent_rels
        rels.append({"from": ref, "type": "TENANT_OF", "to": hub, "cite": c})
        rels.append({"from": ref, "type": "LOCATED_IN", "to": region, "cite": c})
        for d in doms:
            rels.append({"from": ref, "type": "FOCUSES_ON", "to": d[0], "cite": c})
        if rng.random() < 0.45:
            pref, pname = self.programmes.one()
            y = rng.randrange(2019, 2026)
            rels.append({"from": ref, "type": "HOLDS", "to": pref, "since": str(y),
                         "cite": [{"source": self.sources.one(), "quote": f"{y}年，{name}入选{pname}。"}]})
        if i and rng.random() < 0.55:
            # a partner among the earlier firms, skewed toward the first (larger, older) ones
            k = min(int(rng.paretovariate(1.2)) - 1, i - 1)
            k = i - 1 - k if rng.random() < 0.5 else k
            oref, oname = self.ent_meta[k]
            role_zh, role_en = ROLES[rng.randrange(len(ROLES))]
            rels.append({"from": ref, "type": "RELATED_TO", "to": oref, "role_zh": role_zh, "role_en": role_en,
                         "cite": [{"source": self.sources.one(), "quote": f"{name}是{oname}的{role_zh}。"}]})
        return rec


def _py(core: str) -> str:
    return "".join(CHARS[c] for c in core).capitalize()


def _pyslug(core: str) -> str:
    return "-".join(CHARS[c] for c in core)


def generate(out: str | Path, enterprises: int = 1_000_000, seed: int = 1, fmt: str = "csv") -> dict[str, int]:
    """Write the dataset into `out` (created; existing data files of ours are overwritten). Returns
    the number of records per collection."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for old in itertools.chain(out.glob("*.csv"), out.glob("*.yaml")):
        if old.stem.split("-")[0] in COLLECTION_ORDER:
            old.unlink()
    writer = CsvOut(out) if fmt == "csv" else YamlOut(out)
    try:
        for coll, rec in Generator(enterprises, seed).records():
            writer.write(coll, rec)
    finally:
        writer.close()
    return dict(writer.counts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m parkgraph.loaders.synthetic", description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--enterprises", type=int, default=1_000_000, help="number of synthetic enterprises (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="folder to write into")
    ap.add_argument("--format", choices=["csv", "yaml"], default="csv")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    counts = generate(a.out, a.enterprises, a.seed, a.format)
    total = sum(counts.values())
    print(f"wrote {total:,} records to {a.out} ({a.format}, seed {a.seed}) in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    for k in COLLECTION_ORDER:
        if k in counts:
            print(f"  {k:<18} {counts[k]:>10,}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
