"""Fuzzing the loaders with hypothesis: random bytes as YAML/JSON/CSV files, and well-formed files
whose records are wrong in random ways. The only acceptable failure is ValidationFailed whose
problems each name the file and say what is wrong; never another exception, and never a partial
write (the graph's content hash is unchanged). Validation runs without a database for many examples;
writes are checked on both engines for fewer."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parkgraph.errors import ValidationFailed
from parkgraph.loaders import load_paths, validate_paths
from parkgraph.loaders.problems import Problem

from ..conftest import BASE

FAST = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WITH_DB = settings(max_examples=25, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                          HealthCheck.function_scoped_fixture])

SUFFIXES = [".yaml", ".yml", ".json", ".csv"]
COLLECTIONS = ["parks", "subparks", "enterprises", "institutions", "programmes", "policies", "government_bodies",
               "regions", "domains", "events", "observations", "sources", "relations", "quotes", "companies", ""]
FIELDS = ["id", "name_zh", "name_en", "aliases", "cite", "note", "level", "kind", "credit_code", "website", "value",
          "unit", "as_of", "status", "metric", "subject", "from", "to", "type", "role", "since", "title", "url",
          "published", "qualifier", "issued_on", "date", "revenue", "uri", "pinyin", "__proto__", "名称"]
SOURCE = "fixture-2023-03-24"
NASTY_TEXT = st.sampled_from([
    "", " ", "<script>alert(1)</script>", "a\x00b", "\x07bell", "\u202eevil", "x" * 20001, "MATCH (n) DETACH DELETE n",
    "'; DROP TABLE Park; --", "{{7*7}}", "${jndi:ldap://x}", "\ud7ff", "通州园", "subpark/tongzhou", "park/", "/",
    "enterprise/../../etc/passwd", "2022-02-30", "1850", "NaN", "-1", "1e400", "true", "null", "~",
])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True),
                    st.text(max_size=40), NASTY_TEXT, st.dates(min_value=dt.date(1, 1, 1)))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.sampled_from(FIELDS + ["source", "quote"]), inner, max_size=4)),
                      max_leaves=12)
RECORD = st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=8)
# one record that is certainly invalid, so a file holding it must be refused as a whole
POISON = {"id": "Not A Slug!", "name_zh": "<b>毒</b>", "name_en": "Poison", "revenue": 1}


def check_problems(problems: list, files: list[Path]) -> None:
    names = {str(f) for f in files}
    assert problems, "refused without saying why"
    for p in problems:
        assert isinstance(p, Problem), p
        assert p.file in names or any(p.file.startswith(n) for n in names), (p.file, names)
        assert isinstance(p.message, str) and p.message.strip(), p
        assert p.line is None or (isinstance(p.line, int) and p.line >= 1), p
        assert "Traceback" not in str(p)


def write(tmp: Path, suffix: str, content: bytes, name: str = "data") -> Path:
    p = tmp / f"{name or 'data'}{suffix}"
    p.write_bytes(content)
    return p


def serialise(doc: dict, suffix: str) -> bytes:
    if suffix in (".yaml", ".yml"):
        return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")
    if suffix == ".json":
        return json.dumps(doc, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
    # CSV: the first collection only (the file is named after it), cells as text (lists joined with |)
    records = next(iter(doc.values()))
    header = sorted({k for r in records for k in r}) or ["id"]
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(header)
    for r in records:
        w.writerow(["|".join(map(str, r[k])) if isinstance(r.get(k), list) else ("" if r.get(k) is None else str(r.get(k)))
                    for k in header])
    return out.getvalue().encode("utf-8", "surrogatepass")


def validate_only(path: Path) -> list:
    ds = validate_paths([path])
    return ds.problems


# ---------------------------------------------------------------------- without a database
@FAST
@given(suffix=st.sampled_from(SUFFIXES), content=st.binary(max_size=2000))
def test_random_bytes_give_problems_never_exceptions(suffix, content):
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), suffix, content)
        problems = validate_only(path)
        if problems:
            check_problems(problems, [path])


@FAST
@given(suffix=st.sampled_from(SUFFIXES),
       text=st.text(alphabet=st.sampled_from(list("enterprises:- id name_zh[]{}\"',:|\n\t #&*!%@`\\") + ["通", "\u2028", "\ufeff"]),
                    max_size=300))
def test_random_structured_text_gives_problems_never_exceptions(suffix, text):
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), suffix, text.encode("utf-8", "surrogatepass"))
        problems = validate_only(path)
        if problems:
            check_problems(problems, [path])


@FAST
@given(suffix=st.sampled_from(SUFFIXES),
       doc=st.dictionaries(st.sampled_from(COLLECTIONS), st.lists(RECORD, max_size=5), min_size=1, max_size=3))
def test_wrong_records_give_problems_never_exceptions(suffix, doc):
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), suffix, serialise(doc, suffix), next(iter(doc)) if suffix == ".csv" else "data")
        problems = validate_only(path)
        if problems:
            check_problems(problems, [path])


# ---------------------------------------------------------------------- through load, on both engines
@pytest.fixture(scope="module")
def fuzz_store(hostile_store):
    return hostile_store


@WITH_DB
@given(suffix=st.sampled_from(SUFFIXES),
       records=st.lists(RECORD, max_size=4),
       collection=st.sampled_from(COLLECTIONS[:13]),
       good_first=st.booleans())
def test_load_of_a_file_with_any_bad_record_writes_nothing(fuzz_store, suffix, records, collection, good_first):
    """A valid record next to random ones and one certainly invalid record: the whole file is refused."""
    good = {"id": "fuzz-good-firm", "name_zh": "模糊测试有限公司", "name_en": "Fuzz Ltd.",
            "cite": [{"source": SOURCE, "quote": "园区企业北京网藤科技有限公司获得国家级专精特新“小巨人”企业称号。"}]}
    if suffix == ".csv":
        good = {**{k: v for k, v in good.items() if k != "cite"}, "cite_source": SOURCE,
                "cite_quote": good["cite"][0]["quote"]}
        doc = {"enterprises": ([good] if good_first else []) + [dict(POISON)]}
    else:
        doc = {collection: list(records)}
        doc["enterprises"] = ([good] if good_first else []) + [dict(POISON)] + \
            (doc["enterprises"] if collection == "enterprises" else [])
    before = fuzz_store.content_hash()
    with tempfile.TemporaryDirectory() as tmp:
        name = "enterprises" if suffix == ".csv" else "data"
        path = Path(tmp) / f"{name}{suffix}"
        path.write_bytes(serialise(doc, suffix))
        with pytest.raises(ValidationFailed) as e:
            load_paths([path], fuzz_store, BASE, progress=False)
        check_problems(e.value.problems, [path])
        # the poison record is named, unless the file as a whole could not be read
        assert any(p.field == "id" and p.line for p in e.value.problems) or \
            all(p.field is None for p in e.value.problems), [str(p) for p in e.value.problems]
    assert fuzz_store.content_hash() == before
    assert fuzz_store.node(BASE + "enterprise/fuzz-good-firm") is None


@WITH_DB
@given(suffix=st.sampled_from(SUFFIXES), content=st.binary(max_size=600))
def test_load_of_random_bytes_writes_nothing(fuzz_store, suffix, content):
    before = fuzz_store.content_hash()
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), suffix, content)
        try:
            load_paths([path], fuzz_store, BASE, progress=False)
        except ValidationFailed as e:
            check_problems(e.problems, [path])
        else:
            # only an empty-but-valid document may pass (e.g. `{}` or `parks: []`): it writes nothing
            pass
    assert fuzz_store.content_hash() == before
