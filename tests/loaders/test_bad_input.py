"""A corpus of bad input: every case names file, line and field, and leaves the graph exactly as it was."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from parkgraph.errors import ValidationFailed
from parkgraph.loaders import load_paths, readers

from ..conftest import BASE

S = "fixture-2023-03-24"  # a source the fixture graph already holds
CITE = f"cite: [{{source: {S}, quote: 截至 2022 年底，通州园共吸引了 128 家网络安全相关企业入驻。}}]"


def ent(extra: str = "", *, id_: str = "new-firm", name_zh: str = "新企业有限公司", name_en: str = "New Firm Ltd.", cite: str = CITE) -> str:
    lines = ["enterprises:", f"- id: {id_}", f"  name_zh: {name_zh}", f"  name_en: {name_en}"]
    lines += [f"  {x}" for x in extra.splitlines() if x]
    if cite:
        lines.append(f"  {cite}")
    return "\n".join(lines) + "\n"


def obs(extra: str) -> str:
    base = ("observations:\n- id: new-obs\n  subject: subpark/tongzhou\n  metric: enterprise_count\n  metric_zh: 企业数\n"
            "  metric_en: Enterprises\n  as_of: '2022'\n  status: actual\n")
    return base + "".join(f"  {x}\n" for x in extra.splitlines() if x) + f"  {CITE}\n"


def rel(frm: str, rtype: str, to: str, extra: str = "") -> str:
    return (f"relations:\n- from: {frm}\n  type: {rtype}\n  to: {to}\n" + "".join(f"  {x}\n" for x in extra.splitlines() if x)
            + f"  {CITE}\n")


@dataclass
class Case:
    id: str
    files: dict[str, bytes | str]
    file: str
    line: int | None
    field: str | None
    message: str


CASES = [
    Case("broken-yaml", {"a.yaml": "enterprises:\n- id: x\n  name_zh: [unclosed\n"}, "a.yaml", 4, None, "invalid YAML"),
    Case("tab-indent", {"a.yaml": "enterprises:\n\t- id: x\n"}, "a.yaml", 2, None, "invalid YAML"),
    Case("root-is-list", {"a.yaml": "- id: x\n"}, "a.yaml", 1, None, "must be a mapping of collection name"),
    Case("unknown-collection", {"a.yaml": "companies:\n- id: x\n"}, "a.yaml", 2, None, "unknown collection ‘companies’"),
    Case("record-not-mapping", {"a.yaml": "enterprises:\n- just a string\n"}, "a.yaml", 2, "enterprises", "must be a mapping"),
    Case("collection-not-list", {"a.yaml": "enterprises:\n  id: x\n"}, "a.yaml", 2, "enterprises", "must be a list"),
    Case("missing-id", {"a.yaml": "enterprises:\n- name_zh: 某公司\n  name_en: A Co.\n  " + CITE + "\n"}, "a.yaml", 2, "id", "missing id"),
    Case("bad-id", {"a.yaml": ent(id_="New Firm")}, "a.yaml", 2, "id", "not a valid slug"),
    Case("duplicate-id-in-file", {"a.yaml": ent() + ent().replace("enterprises:\n", "")}, "a.yaml", 6, "id", "duplicate id ‘new-firm’"),
    # the same id alike in two files is one entity (tests/loaders/test_review_files_together.py); differently, an error
    Case("duplicate-id-across-files", {"a.yaml": ent(), "b.yaml": ent(name_zh="另一家有限公司")}, "b.yaml", 2, "id",
         "first defined at"),
    Case("duplicate-key", {"a.yaml": ent("name_zh: 又一个名字")}, "a.yaml", 5, "name_zh", "given twice"),
    Case("missing-name-zh", {"a.yaml": "enterprises:\n- id: x\n  name_en: X\n  " + CITE + "\n"}, "a.yaml", 2, "name_zh", "missing required field ‘name_zh’"),
    Case("missing-name-en", {"a.yaml": "enterprises:\n- id: x\n  name_zh: 某\n  " + CITE + "\n"}, "a.yaml", 2, "name_en", "missing required field ‘name_en’"),
    Case("name-is-list", {"a.yaml": ent(name_zh="[甲, 乙]")}, "a.yaml", 3, "name_zh", "must be text"),
    Case("unknown-field", {"a.yaml": ent("revenue: 100")}, "a.yaml", 5, "revenue", "unknown field ‘revenue’"),
    Case("markup-in-name", {"a.yaml": ent(name_en="'<script>alert(1)</script>'")}, "a.yaml", 4, "name_en", "contains markup"),
    Case("control-chars", {"a.yaml": ent(name_en='"Bad\\u0007Name"')}, "a.yaml", 4, "name_en", "control characters"),
    Case("bad-credit-code", {"a.yaml": ent("credit_code: '12345'")}, "a.yaml", 5, "credit_code", "not a valid credit_code"),
    Case("aliases-not-list", {"a.yaml": ent("aliases: 网藤")}, "a.yaml", 5, "aliases", "must be a list"),
    Case("missing-cite", {"a.yaml": ent(cite="")}, "a.yaml", 2, "cite", "missing cite"),
    Case("cite-unknown-source", {"a.yaml": ent(cite="cite: [{source: no-such-source, quote: 某句话。}]")}, "a.yaml", 5, "cite", "unknown reference ‘source/no-such-source’"),
    Case("cite-without-quote", {"a.yaml": ent(cite=f"cite: [{{source: {S}}}]")}, "a.yaml", 5, "cite", "needs the quote"),
    Case("value-as-text", {"a.yaml": obs("value: 128家\nunit: 家")}, "a.yaml", 9, "value", "must be a number"),
    Case("value-boolean", {"a.yaml": obs("value: true")}, "a.yaml", 9, "value", "must be a number"),
    Case("value-nan", {"a.yaml": obs("value: .nan")}, "a.yaml", 9, "value", "finite"),
    Case("negative-count", {"a.yaml": obs("value: -5\nunit: 家")}, "a.yaml", 9, "value", "negative count"),
    Case("unit-not-allowed", {"a.yaml": obs("value: 5\nunit: 万家")}, "a.yaml", 10, "unit", "not an allowed unit"),
    Case("status-not-allowed", {"a.yaml": obs("value: 5\nstatus: planned").replace("  status: actual\n", "")}, "a.yaml", 9, "status", "not an allowed status"),
    Case("no-value", {"a.yaml": obs("unit: 家")}, "a.yaml", 2, "value", "needs a value"),
    Case("impossible-date", {"a.yaml": obs("value: 5").replace("as_of: '2022'", "as_of: '2022-02-30'")}, "a.yaml", 7, "as_of", "impossible date"),
    Case("malformed-date", {"a.yaml": obs("value: 5").replace("as_of: '2022'", "as_of: 2022/09")}, "a.yaml", 7, "as_of", "not a date"),
    Case("date-out-of-range", {"a.yaml": obs("value: 5").replace("as_of: '2022'", "as_of: '1850'")}, "a.yaml", 7, "as_of", "outside 1900"),
    Case("subject-wrong-class", {"a.yaml": obs("value: 5").replace("subject: subpark/tongzhou", f"subject: source/{S}")}, "a.yaml", 3, "subject", "is a Source"),
    Case("unknown-reference", {"a.yaml": rel("enterprise/beijing-wangteng-keji", "TENANT_OF", "subpark/nowhere")}, "a.yaml", 4, "to", "unknown reference ‘subpark/nowhere’"),
    Case("unknown-segment", {"a.yaml": rel("company/x", "TENANT_OF", "subpark/tongzhou")}, "a.yaml", 2, "from", "unknown segment ‘company’"),
    Case("domain-range-violation", {"a.yaml": rel("enterprise/beijing-wangteng-keji", "HOLDS", "park/beijing")}, "a.yaml", 4, "to", "is a Park"),
    Case("unknown-rel-type", {"a.yaml": rel("subpark/haidian", "BELONGS_TO", "park/beijing")}, "a.yaml", 3, "type", "unknown relationship type"),
    Case("provenance-by-hand", {"a.yaml": rel("subpark/haidian", "DERIVED_FROM", "park/beijing")}, "a.yaml", 3, "type", "written by the loader"),
    Case("related-without-role", {"a.yaml": rel("subpark/haidian", "RELATED_TO", "park/beijing")}, "a.yaml", 2, "role_en", "needs a role"),
    Case("gbk-file", {"a.yaml": ent().encode("gbk")}, "a.yaml", 3, None, "looks like GBK"),
    Case("utf16-file", {"a.yaml": ent().encode("utf-16")}, "a.yaml", 1, None, "UTF-16"),
    Case("empty-file", {"a.yaml": ""}, "a.yaml", None, None, "file is empty"),
    Case("only-comments", {"a.yaml": "# nothing here\n"}, "a.yaml", None, None, "file is empty"),
    Case("binary-file", {"a.yaml": b"enterprises:\n\x00\x01"}, "a.yaml", 2, None, "NUL bytes"),
    Case("invalid-json", {"a.json": '{"enterprises": [ {"id": "x",, } ]}'}, "a.json", 1, None, "invalid JSON"),
    Case("csv-cell-count", {"enterprises.csv": "id,name_zh,name_en\nx,某,X,extra\n"}, "enterprises.csv", 2, None, "header has 3"),
    Case("csv-cite-mismatch", {"enterprises.csv": f"id,name_zh,name_en,cite_source,cite_quote\nx,某,X,{S}|{S},一句话。\n"},
         "enterprises.csv", 2, "cite_source", "different numbers"),
    Case("csv-bad-number", {"observations.csv": "id,subject,metric,metric_zh,metric_en,value,as_of,status,cite_source,cite_quote\n"
                                                f"o1,subpark/tongzhou,m,指标,Metric,十二,2022,actual,{S},一句话。\n"},
         "observations.csv", 2, "value", "not a number"),
    Case("unsupported-extension", {"a.txt": "enterprises: []\n"}, "a.txt", None, None, "unsupported file type"),
]


def write_case(case: Case, tmp: Path) -> list[Path]:
    d = tmp / "in"
    d.mkdir()
    paths = []
    for name, content in case.files.items():
        p = d / name
        p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        paths.append(p)
    return paths


def test_corpus_is_large_enough():
    assert len({c.id for c in CASES}) == len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_reported_and_nothing_is_written(fixture_store, tmp_path, case):
    paths = write_case(case, tmp_path)
    before = fixture_store.content_hash()
    with pytest.raises(ValidationFailed) as e:
        load_paths(paths, fixture_store, BASE, progress=False)
    probs = e.value.problems
    match = [p for p in probs if case.message in p.message or (p.hint and case.message in p.hint)]
    assert match, f"expected ‘{case.message}’ in {[str(p) for p in probs]}"
    p = match[0]
    assert Path(p.file).name == case.file
    assert p.line == case.line, str(p)
    assert p.field == case.field, str(p)
    assert str(p).startswith(p.file)
    assert fixture_store.content_hash() == before


def test_every_problem_is_reported_at_once(tmp_path, fixture_store):
    bad = ("enterprises:\n- id: a\n  name_zh: 甲\n  " + CITE + "\n- id: B!\n  name_zh: 乙\n  name_en: B\n  " + CITE
           + "\n- id: c\n  name_zh: 丙\n  name_en: C\n  credit_code: nope\n")
    f = tmp_path / "many.yaml"
    f.write_text(bad, encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        load_paths([f], fixture_store, BASE, progress=False)
    fields = sorted((p.line, p.field) for p in e.value.problems)
    assert fields == [(2, "name_en"), (5, "id"), (9, "cite"), (12, "credit_code")]


def test_one_bad_file_among_good_ones_blocks_all(tmp_path, fixture_store):
    good = tmp_path / "good.yaml"
    good.write_text(ent(id_="good-firm"), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(ent(id_="bad-firm", name_en=""), encoding="utf-8")
    before = fixture_store.content_hash()
    with pytest.raises(ValidationFailed):
        load_paths([good, bad], fixture_store, BASE, progress=False)
    assert fixture_store.node(BASE + "enterprise/good-firm") is None
    assert fixture_store.content_hash() == before


def test_very_large_structured_file_is_refused(tmp_path, fixture_store, monkeypatch):
    monkeypatch.setattr(readers, "MAX_STRUCTURED_BYTES", 50_000)
    rows = "".join(f"- id: firm-{i}\n  name_zh: 企业{i}\n  name_en: Firm {i}\n  {CITE}\n" for i in range(2000))
    f = tmp_path / "big.yaml"
    f.write_text("enterprises:\n" + rows, encoding="utf-8")
    assert f.stat().st_size > 50_000
    before = fixture_store.content_hash()
    with pytest.raises(ValidationFailed) as e:
        load_paths([f], fixture_store, BASE, progress=False)
    assert "use CSV" in e.value.problems[0].hint
    assert fixture_store.content_hash() == before


def test_utf8_bom_is_accepted(tmp_path, fixture_store):
    f = tmp_path / "bom.yaml"
    f.write_bytes(b"\xef\xbb\xbf" + ent(id_="bom-firm").encode("utf-8"))
    load_paths([f], fixture_store, BASE, progress=False)
    assert fixture_store.node(BASE + "enterprise/bom-firm")["properties"]["name_zh"] == "新企业有限公司"


def test_csv_and_json_load_like_yaml(tmp_path, fixture_store):
    (tmp_path / "enterprises.csv").write_text(
        f"id,name_zh,name_en,aliases,cite_source,cite_quote\ncsv-firm,表格企业,CSV Firm,甲|乙,{S},一句话。\n", encoding="utf-8")
    (tmp_path / "rel.json").write_text(json.dumps({"relations": [
        {"from": "enterprise/csv-firm", "type": "TENANT_OF", "to": "subpark/tongzhou", "cite": [{"source": S, "quote": "一句话。"}]}]},
        ensure_ascii=False), encoding="utf-8")
    load_paths([tmp_path], fixture_store, BASE, progress=False)
    n = fixture_store.node(BASE + "enterprise/csv-firm")
    assert n["properties"]["aliases"] == ["甲", "乙"]
    g = {g["key"]: g for g in fixture_store.neighbourhood(BASE + "enterprise/csv-firm")["groups"]}
    assert g["TENANT_OF:out"]["items"][0]["node"]["uri"] == BASE + "subpark/tongzhou"
