"""The shared helpers for IRIs (parkgraph/iri.py) and new unique ids (parkgraph/unique.py), and that the
code uses them instead of parsing IRIs or counting ids by hand again."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from parkgraph.iri import DEFAULT_BASE, local_id, mint, ref_id, ref_of, ref_segment, relative, segment_of
from parkgraph.settings import Settings
from parkgraph.unique import unique_id

ROOT = Path(__file__).resolve().parents[1]
OTHER_BASE = "http://example.org/kg/"


@pytest.mark.parametrize("base", [DEFAULT_BASE, OTHER_BASE])
def test_an_iri_minted_from_a_ref_reads_back_as_that_ref(base):
    uri = mint(base, "park/beijing")
    assert uri == base + "park/beijing"
    assert ref_of(uri) == "park/beijing" and segment_of(uri) == "park" and local_id(uri) == "beijing"
    assert relative(uri, base) == "park/beijing"
    assert ref_of(uri + "/") == "park/beijing" and local_id(uri + "/") == "beijing"  # a trailing slash is ignored


def test_refs_split_into_segment_and_id():
    assert (ref_segment("enterprise/qi-anxin"), ref_id("enterprise/qi-anxin")) == ("enterprise", "qi-anxin")


def test_foreign_and_pathless_iris():
    foreign = "https://www.wikidata.org/wiki/Q42"
    assert relative(foreign, DEFAULT_BASE) == foreign  # not ours: unchanged
    assert segment_of("urn:x") is None
    assert local_id(foreign) == "Q42"


def test_the_default_base_is_the_settings_default(monkeypatch):
    monkeypatch.delenv("PARKGRAPH_BASE_IRI", raising=False)
    assert Settings.from_env().base_iri == DEFAULT_BASE


def test_unique_id_keeps_a_free_slug_and_numbers_taken_ones_from_2():
    assert unique_id("acme", set()) == "acme"
    assert unique_id("acme", {"acme"}) == "acme-2"
    assert unique_id("acme", {"acme", "acme-2", "acme-3"}) == "acme-4"
    used: set[str] = {"acme"}
    minted = []
    for _ in range(3):  # ids minted in one run do not collide with each other
        minted.append(unique_id("acme", used))
        used.add(minted[-1])
    assert minted == ["acme-2", "acme-3", "acme-4"]


# IRI parsing by hand (rsplit on '/', slicing the base off) and the numbered-id loop, outside the helpers
HAND_WRITTEN = [
    (re.compile(r"""rsplit\(["']/["']"""), "parse IRIs with parkgraph.iri"),
    (re.compile(r"\[len\((self\.)?base(_iri)?\):\]"), "cut the base off with parkgraph.iri.relative"),
    (re.compile(r"""f["']\{base\}-\{\w+\}["']"""), "number ids with parkgraph.unique.unique_id"),
]


def test_no_module_parses_iris_or_numbers_ids_by_hand():
    found = []
    for folder in ("parkgraph", "graph", "loaders", "rdf", "web"):
        for f in sorted((ROOT / folder).rglob("*.py")):
            if f.name in ("iri.py", "unique.py") and f.parent.name == "parkgraph":
                continue
            for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                for pattern, fix in HAND_WRITTEN:
                    if pattern.search(line):
                        found.append(f"{f.relative_to(ROOT)}:{n}: {fix}")
    assert found == []
