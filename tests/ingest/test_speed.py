"""Ingest is linear (issue #19: a 1 MB article took over 300 s): a ~1 MB article made of the dev
articles' text ingests in at most 30 s, and 4x the text takes well under 16x the time."""
from __future__ import annotations

import importlib.util
import time

import pytest

from .conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("ingest_bench", ROOT / "bench" / "ingest_bench.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_a_1mb_article_ingests_in_30s_and_linearly(tmp_path):
    from parkgraph.loaders.ingest import ingest
    bench = _bench()
    kb = bench.make_kb("data")
    times = {}
    for n in (250_000, 1_000_000):
        p = tmp_path / f"big{n}.md"
        size = bench.big_article(p, n)
        assert size >= n
        t0 = time.perf_counter()
        res = ingest(p, kb=kb)
        times[n] = time.perf_counter() - t0
        assert res.counts()["sentences"] > n // 400      # the whole text was read, not cut short
    assert times[1_000_000] <= 30, times
    assert times[1_000_000] / times[250_000] < 8, times  # linear is 4x; quadratic would be 16x
