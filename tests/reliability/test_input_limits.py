"""Input limits on the data files (issue #19 §4): YAML aliases ("billion laughs") are refused before
anything is expanded, nesting is capped, every problem message is short whatever the value, and reading
a file keeps nothing afterwards. Memory and time are measured in a child process (its peak RSS), the
way a user would meet them: `parkgraph validate FILE` and `POST /api/load`."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from parkgraph.loaders import validate_paths
from parkgraph.loaders.problems import MAX_MESSAGE_CHARS, Problem, clip
from parkgraph.loaders.readers import MAX_NESTING, read_file

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
CLI = [PY, "-m", "parkgraph"]


def laughs(levels: int = 9, field: str = "note") -> str:
    """The classic: each level is nine aliases of the one before, 9**levels values from a few hundred bytes."""
    lines = ['l0: &l0 "lol-lol-lol-lol-lol-lol-lol-lol-lol-lol-lol-lol"']
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]")
    lines += ["enterprises:", "- id: laughing-firm", "  name_zh: 笑", "  name_en: Laughs", f"  {field}: *l{levels - 1}"]
    return "\n".join(lines) + "\n"


BILLION = laughs(9, "note")      # 9**8 × 9 lols when built
IN_THE_ID = laughs(8, "id")      # the expanded value lands in a message ("id … is not a valid slug")


def test_the_attack_files_are_as_small_as_the_reported_ones():
    assert len(BILLION.encode()) <= 573 and len(IN_THE_ID.encode()) <= 573


def _run_measured(code: str, timeout: float = 60) -> tuple[dict, float]:
    """Run `code` in a fresh interpreter; it prints one JSON line; add its peak RSS in MB."""
    wrapper = code + textwrap.dedent("""
        import resource as _r, json as _j
        print(_j.dumps({**OUT, "rss_mb": _r.getrusage(_r.RUSAGE_SELF).ru_maxrss / 1024}))
    """)
    t = time.perf_counter()
    p = subprocess.run([PY, "-c", wrapper], capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    elapsed = time.perf_counter() - t
    assert p.returncode == 0, p.stderr[-3000:]
    return json.loads(p.stdout.strip().splitlines()[-1]), elapsed


def _baseline_rss() -> float:
    out, _ = _run_measured("import parkgraph.loaders, parkgraph.web, parkgraph.graph.ladybug_store\nOUT = {}")
    return out["rss_mb"]


@pytest.mark.parametrize("name,text", [("billion.yaml", BILLION), ("in-the-id.yaml", IN_THE_ID)])
def test_validate_refuses_aliases_fast_with_bounded_memory_and_output(tmp_path, name, text):
    f = tmp_path / name
    f.write_text(text)
    base = _baseline_rss()
    code = textwrap.dedent(f"""
        import subprocess, sys, resource, time
        t = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "parkgraph", "validate", {str(f)!r}], capture_output=True, text=True)
        OUT = {{"rc": p.returncode, "out": p.stdout, "err": p.stderr, "s": time.perf_counter() - t,
               "child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}
    """)
    out, _ = _run_measured(code)
    assert out["rc"] == 1
    printed = out["out"] + out["err"]
    assert len(printed) < 2000, f"validate printed {len(printed)} characters"
    assert f"{name}:" in out["out"] and "aliases" in out["out"] and "write the value out in full" in out["out"]
    assert out["s"] < 15
    assert out["child_mb"] < base + 100, (out["child_mb"], base)


def test_post_api_load_refuses_the_billion_laughs_fast_with_bounded_memory(tmp_path):
    setup = textwrap.dedent(f"""
        import time
        from parkgraph.graph.ladybug_store import LadybugStore
        from parkgraph.settings import Settings
        from parkgraph.web import create_app
        db = {str(tmp_path / "g.lbdb")!r}
        s = LadybugStore(db); s.create_schema()
        app = create_app({{"SETTINGS": Settings.from_env({{"backend": "ladybug", "db_path": db, "write_token": "t"}}),
                          "STORE": s}})
        app.test_client().get("/api/info")
    """)
    base = _run_measured(setup + "OUT = {}")[0]["rss_mb"]  # the same process without the upload
    (tmp_path / "g.lbdb").unlink()
    code = setup + textwrap.dedent(f"""
        t = time.perf_counter()
        r = app.test_client().post("/api/load", data={BILLION!r}.encode(), content_type="application/yaml",
                                   headers={{"Authorization": "Bearer t"}})
        OUT = {{"status": r.status_code, "body": r.get_data(as_text=True), "s": time.perf_counter() - t,
               "nodes": sum(s.counts()["nodes"].values())}}
    """)
    out, _ = _run_measured(code)
    assert out["status"] == 422, out["body"][:500]
    body = json.loads(out["body"])
    assert body["problems"][0]["file"] == "upload.yaml" and "aliases" in body["problems"][0]["message"]
    assert len(out["body"]) < 2000 and out["s"] < 10 and out["nodes"] == 0
    assert out["rss_mb"] < base + 100, (out["rss_mb"], base)


def test_a_lone_anchor_is_harmless_and_plain_files_still_load(tmp_path):
    f = tmp_path / "anchor.yaml"
    f.write_text("enterprises:\n- id: &x anchored-firm\n  name_zh: 锚\n  name_en: Anchor\n")
    recs, probs = read_file(f)
    assert probs == [] and recs[0].data["id"] == "anchored-firm"


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 999, 5000, 200_000])
def test_deep_nesting_is_refused_with_a_clear_message(tmp_path, depth):
    for suffix, text in ((".yaml", "enterprises:\n- id: deep\n  note: " + "[" * depth + "]" * depth + "\n"),
                         (".json", '{"enterprises": [{"id": "deep", "note": ' + "[" * depth + "]" * depth + "}]}")):
        f = tmp_path / f"deep{suffix}"
        f.write_text(text)
        t = time.perf_counter()
        recs, probs = read_file(f)
        assert time.perf_counter() - t < 5
        assert recs == [] and len(probs) == 1, (suffix, probs)
        assert "nested" in probs[0].message and probs[0].file == str(f), probs[0]


def test_block_style_nesting_is_capped_too(tmp_path):
    f = tmp_path / "block.yaml"
    f.write_text("enterprises:\n- id: deep\n  note:\n    " + "- " * (MAX_NESTING + 2) + "x\n")
    recs, probs = read_file(f)
    assert recs == [] and "nested" in probs[0].message


def test_nesting_up_to_the_cap_is_read(tmp_path):
    f = tmp_path / "ok.yaml"
    f.write_text("enterprises:\n- id: ok\n  note: " + "[" * (MAX_NESTING - 4) + "1" + "]" * (MAX_NESTING - 4) + "\n")
    recs, probs = read_file(f)
    assert probs == [] and recs[0].data["id"] == "ok"


@pytest.mark.parametrize("field", ["id", "type", "from"])
def test_problem_messages_quote_values_cut_to_200_characters(tmp_path, field):
    huge = "Ｘ<" * 3_000_000
    if field == "id":
        text = f"enterprises:\n- id: '{huge}'\n  name_zh: 大\n  name_en: Big\n"
    else:
        text = f"relations:\n- type: '{huge if field == 'type' else 'LOCATED_IN'}'\n  from: '{huge if field == 'from' else 'x'}'\n  to: park/x\n"
    f = tmp_path / "huge.yaml"
    f.write_text(text)
    probs = validate_paths([f]).problems
    assert probs
    for p in probs:
        assert len(str(p)) < MAX_MESSAGE_CHARS + 600, len(str(p))
    assert any("…" in p.message for p in probs), [p.message[:300] for p in probs]


def test_every_problem_field_is_capped_whatever_built_it():
    p = Problem("f.yaml", 1, "k" * 10_000, "m" * 1_000_000, "h" * 10_000)
    assert len(p.message) < MAX_MESSAGE_CHARS + 40 and p.message.startswith("mmm") and "more characters" in p.message
    assert len(p.field) < MAX_MESSAGE_CHARS + 40 and len(p.hint) < MAX_MESSAGE_CHARS + 40
    assert clip("x" * 10) == repr("x" * 10)
    assert clip("x" * 10**7).endswith("…") and len(clip("x" * 10**7)) == 201


def test_reading_a_file_keeps_nothing_afterwards(tmp_path):
    """A shared constructor kept every node ever read: +150-220 MB per 6 MB upload, never freed."""
    f = tmp_path / "two-mb.yaml"
    rec = "- id: firm-{i}\n  name_zh: 企业{i}\n  name_en: Firm {i}\n  note: {note}\n  aliases: [a{i}, b{i}]\n"
    note = "n" * 80
    f.write_text("enterprises:\n" + "".join(rec.format(i=i, note=note) for i in range(15_000)))
    assert f.stat().st_size > 2e6
    code = textwrap.dedent(f"""
        import gc, resource
        from pathlib import Path
        from parkgraph.loaders.readers import read_file
        def rss(): return int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize() / 2**20
        recs, probs = read_file(Path({str(f)!r})); n = len(recs); del recs, probs; gc.collect()
        first = rss()
        for _ in range(2):
            recs, probs = read_file(Path({str(f)!r})); del recs, probs; gc.collect()
        OUT = {{"n": n, "first": first, "after": rss()}}
    """)
    out, _ = _run_measured(code, timeout=300)
    assert out["n"] == 15_000
    assert out["after"] - out["first"] < 20, out  # two more reads of 2 MB leave (nearly) nothing behind


def test_without_libyaml_the_same_limits_hold(tmp_path, monkeypatch):
    """The pure-Python composer recurses once per level (RecursionError, not a YAMLError, at ~300)."""
    import yaml

    from parkgraph.loaders import readers
    monkeypatch.setattr(readers, "_COMPOSER", yaml.SafeLoader)
    f = tmp_path / "deep.yaml"
    f.write_text("enterprises:\n- id: deep\n  note: " + "[" * 5000 + "]" * 5000 + "\n")
    recs, probs = read_file(f)
    assert recs == [] and "nested" in probs[0].message
    f.write_text(BILLION)
    recs, probs = read_file(f)
    assert recs == [] and "aliases" in probs[0].message
