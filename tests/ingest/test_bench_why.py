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
    # what it calls found is what the scorer matched: an event found where the gold event is mentioned, or
    # a firm linked under its full name, is no miss to read (round `qualifiers`)
    total, _ = ingest_bench.run_split("dev")
    assert counts.get("proposed", 0) == total["entities"].correct > 0
    out = capsys.readouterr().out
    assert "#### 2019-01-16-xinhua-beijing-park" in out


def test_why_refuses_the_test_split():
    with pytest.raises(SystemExit, match="test split"):
        ingest_bench.why("test")


def test_every_test_key_of_the_split_file_is_held_out():
    """A held-out split added to split.yaml (test_d, test_e, …) is held out by the bench with no change there:
    --why and --by-rule refuse it, and it is scored with the others, never as a dev split."""
    keys = yaml.safe_load((ingest_bench.CORPUS / "split.yaml").read_text(encoding="utf-8"))
    tests = {k.replace("_", "-") for k in keys if k.startswith("test")}
    assert tests == set(ingest_bench.HELD_OUT) and not tests & set(ingest_bench.BLIND_DEV)
    for split in ingest_bench.HELD_OUT[1:]:
        assert ingest_bench.split_ids(split), split
        with pytest.raises(SystemExit, match="test splits"):
            ingest_bench.why(split)


def test_dev_halves_partition_dev_and_dev_b_is_refused():
    a, b, dev = (ingest_bench.split_ids(s) for s in ("dev-a", "dev-b", "dev"))
    assert len(a) >= 6 and len(b) >= 4   # dev-A tunes, dev-B checks (split.yaml)
    assert not set(a) & set(b) and set(a) | set(b) == set(dev)
    with pytest.raises(SystemExit, match="dev-b"):
        ingest_bench.why("dev-b")


def test_by_rule_accounts_for_every_proposed_fact_and_refuses_the_test_splits(capsys):
    """--by-rule: each statistic and relation proposed on a split is counted under the one rule row
    that made it, right or wrong, so the rows' counts add up to the split's own score."""
    rows = ingest_bench.by_rule("dev-d")
    total, _ = ingest_bench.run_split("dev-d")
    for kind in ("statistics", "relations"):
        assert sum(n for _, n in rows[kind].values()) == total[kind].predicted
        assert sum(r for r, _ in rows[kind].values()) == total[kind].correct
        assert all(0 <= r <= n for r, n in rows[kind].values())
        # every proposal too, accepted or not: at least as many as the accepted ones
        assert sum(n for _, n in rows[kind + " (all)"].values()) >= total[kind].predicted
    # a row written below the threshold stays measurable (stat-article-region fires on dev-D's articles)
    assert rows["statistics (all)"].get("stat-article-region", [0, 0])[1] > 0
    assert "stat-article-region" not in rows["statistics"]
    out = capsys.readouterr().out
    # the row's confidence as the table now sets it (the calibration test moves it with each blind sample)
    from parkgraph.loaders.ingest.rules import RULES
    assert "| event-organised-by |" in out
    assert f"| stat-article-region | {RULES['stat-article-region'].conf:g} | 0 | 0 |" in out
    for split in ingest_bench.HELD_OUT:
        with pytest.raises(SystemExit, match="test splits"):
            ingest_bench.by_rule(split)


def test_why_reads_a_traditional_article_as_the_scorer_does(capsys):
    """A traditional article's gold names its universities as written (西安電子科技大學); the extractor reads
    the text as simplified and links them. --why compared names without simplifying them and called every
    one "mentioned, not linked" where the scorer counts it found (round `qualifiers`)."""
    counts = ingest_bench.why("dev-e")
    out = capsys.readouterr().out
    article = out.split("#### 2024-02-07-jyb-first-class-cyber-colleges-16")[1].split("####")[0]
    assert sum(counts.values()) > 0
    assert "西安電子科技大學" not in article and "北京郵電大學" not in article
