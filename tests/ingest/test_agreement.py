"""The agreement of two gold sets (bench/label_agreement.py): what it counts as the same item."""
from __future__ import annotations

import copy
from pathlib import Path

from parkgraph.loaders.ingest.score import agreement, load_gold

DEV = Path(__file__).resolve().parent / "corpus" / "gold" / "2022-09-16-hsz-changsha-manufacturing.yaml"


def test_a_gold_set_agrees_with_itself_in_every_item():
    g = load_gold(DEV)
    got = agreement(g, g)
    assert all(na == nb == m for na, nb, m in got.values())
    assert got["entities"][0] == len(g["entities"]) > 0 and got["relations"][0] == len(g["relations"]) > 0


def test_an_entity_named_by_an_alias_is_the_same_and_its_relations_follow():
    a = load_gold(DEV)
    b = copy.deepcopy(a)
    # labeller B names 长沙市 by its alias 长沙 everywhere, and leaves out one relation
    for e in b["entities"]:
        if e["name"] == "长沙市":
            e["name"], e["aliases"] = "长沙", ["长沙市"]
    for r in b["relations"]:
        r["from"] = "长沙" if r["from"] == "长沙市" else r["from"]
        r["to"] = "长沙" if r["to"] == "长沙市" else r["to"]
    for st in b["statistics"]:
        st["subject"] = "长沙" if st["subject"] == "长沙市" else st["subject"]
    b["relations"].pop()
    got = agreement(a, b)
    n = len(a["relations"])
    assert got["relations"] == (n, n - 1, n - 1)
    assert got["entities"][2] == len(a["entities"])
    assert got["statistics+subject"][2] == len(a["statistics"])
