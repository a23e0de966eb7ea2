"""The miss diagnostic of bench/ingest_bench.py (--why): it accounts for every gold entity of the dev
split once, and it refuses the test split, whose misses must not be read while rules are tuned."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench import ingest_bench  # noqa: E402


def test_why_accounts_for_every_dev_entity(capsys):
    counts = ingest_bench.why("dev")
    gold = sum(len(yaml.safe_load((ingest_bench.CORPUS / "gold" / f"{i}.yaml").read_text(encoding="utf-8"))["entities"])
               for i in ingest_bench.split_ids("dev"))
    assert sum(counts.values()) == gold
    assert counts.get("proposed", 0) > 0
    out = capsys.readouterr().out
    assert "#### 2019-01-16-xinhua-beijing-park" in out


def test_why_refuses_the_test_split():
    with pytest.raises(SystemExit, match="test split"):
        ingest_bench.why("test")


def test_dev_halves_partition_dev_and_dev_b_is_refused():
    a, b, dev = (ingest_bench.split_ids(s) for s in ("dev-a", "dev-b", "dev"))
    assert len(a) >= 6 and len(b) >= 4   # dev-A tunes, dev-B checks (split.yaml)
    assert not set(a) & set(b) and set(a) | set(b) == set(dev)
    with pytest.raises(SystemExit, match="dev-b"):
        ingest_bench.why("dev-b")
