"""`parkgraph ingest --accept CONF`: a reviewer who wants fewer, surer facts raises the threshold, and the facts below
it are written commented out (still there to uncomment); the bench scores at any threshold and prints the curve of
precision against recall (bench/ingest_bench.py --accept / --curve)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

from parkgraph.loaders.ingest import ACCEPT, ingest
from parkgraph.loaders.ingest.score import load_gold, score

from .conftest import ARTICLE, GOLD, empty_db, run_cli

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import ingest_bench  # noqa: E402


def _facts(review: str) -> tuple[int, list[tuple[str, str, str]]]:
    """(accepted relations and observations, every proposal's comment line) of a review file: each proposal,
    accepted or commented out, is preceded by `# confidence 0.70 · s16 [842,879) … · rule`."""
    data = yaml.safe_load(review)
    accepted = len(data.get("relations") or []) + len(data.get("observations") or [])
    return accepted, sorted(re.findall(r"^# confidence (\S+) · (s\d+ \[\d+,\d+\)).* · (\S+)$", review, re.M))


def test_a_higher_threshold_comments_out_more_and_keeps_every_fact(kb):
    low = ingest(ARTICLE, kb=kb)
    high = ingest(ARTICLE, kb=kb, accept=0.9)
    a_low, every_low = _facts(low.review)
    a_high, every_high = _facts(high.review)
    assert a_high < a_low   # the seed has facts between 0.5 and 0.9
    assert every_high == every_low   # nothing is lost: what is not accepted is written commented out
    assert "facts below 0.9 are commented out" in high.review
    # the scorer counts what the review file accepts, at the threshold the extraction was made with
    gold = load_gold(GOLD)
    for res, t in ((low, ACCEPT), (high, 0.9)):
        sc = score(res.extraction, gold)
        assert sc["statistics"].predicted == sum(o.conf >= t for o in res.extraction.observations)
        assert sc["relations"].predicted == sum(r.conf >= t for r in res.extraction.relations)


def test_the_cli_takes_the_threshold_and_refuses_a_bad_one(tmp_path):
    db = empty_db(tmp_path / "g.lbdb")
    out = tmp_path / "seed.review.yaml"
    r = run_cli("ingest", str(ARTICLE), "--db", str(db), "--out", str(out), "--accept", "0.95", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "facts below 0.95 are commented out" in out.read_text(encoding="utf-8")
    for bad in ("1.5", "high"):
        r = run_cli("ingest", str(ARTICLE), "--db", str(db), "--out", str(tmp_path / "x.yaml"), "--accept", bad, cwd=tmp_path)
        assert r.returncode == 2 and "no confidence: give a number from 0 to 1" in r.stderr and "Traceback" not in r.stderr
        assert not (tmp_path / "x.yaml").exists()


def test_the_bench_scores_at_a_threshold_and_the_curve_pools_splits(capsys):
    at_half, _ = ingest_bench.run_split("dev-d")
    at_high, _ = ingest_bench.run_split("dev-d", accept=0.9)
    for kind in ("statistics", "relations"):
        assert at_high[kind].predicted < at_half[kind].predicted
        assert at_high[kind].gold == at_half[kind].gold
    pts = ingest_bench.curve(("dev-d", "dev-e"))
    assert sorted(pts) == list(ingest_bench.CURVE)
    one, _ = ingest_bench.run_split("dev-e", accept=0.5)
    assert pts[0.5]["relations"].gold == at_half["relations"].gold + one["relations"].gold
    assert [pts[t]["statistics"].predicted for t in ingest_bench.CURVE] == sorted(
        (pts[t]["statistics"].predicted for t in ingest_bench.CURVE), reverse=True)
    assert "| 0.9 |" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="seed"):
        ingest_bench.main(["--curve", "--split", "seed"])
