"""Replay the calibration (tests/ingest/test_calibration.py) over the blind samples as they came, to see how much a
row's confidence moves from one calibration to the next and how often it crosses the acceptance threshold.

    python bench/calibration_replay.py [--every 2] [--start 20]

For each window end (every `--every` samples from the `--start`-th on; the rounds calibrate once per two samples) it
estimates each measured row as the calibration does, with and without the margin (MARGIN) that holds a row on its
side of the threshold, and prints the mean step of an estimate, the crossings, and the crossings undone at the next
calibration. It reads only bench/results/as-came/ (counts per rule), never an article or a gold file."""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _calibration():
    spec = importlib.util.spec_from_file_location("calibration", ROOT / "tests" / "ingest" / "test_calibration.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def replay(cal, samples: list[dict], margin: float, start: int, every: int) -> tuple[float, int, int, int]:
    """(mean step, crossings, row-steps, crossings undone at the next calibration) over the window ends."""
    rules = sorted({r for s in samples for r in s} - cal.NOT_THE_TABLES)
    conf: dict[str, float] = {}
    sides: dict[str, list[bool]] = {}
    steps: list[float] = []
    for end in range(start, len(samples) + 1, every):
        window = cal.pooled(list(reversed(samples[:end])))
        for rule in rules:
            right, fired, seen = window.get(rule, (0, 0, 0))
            if fired < cal.EVIDENCE or seen < 2:
                continue
            if rule in conf:
                new = cal.wanted(conf[rule], right, fired, margin)
                steps.append(abs(new - conf[rule]))
            else:   # a row's first estimate: no side to hold it on yet
                new = cal.wanted(cal.ACCEPT, right, fired, 0.0)
            conf[rule] = new
            sides.setdefault(rule, []).append(new >= cal.ACCEPT)
    crossings = sum(a != b for hs in sides.values() for a, b in zip(hs, hs[1:]))
    undone = sum(hs[i - 2] == hs[i] != hs[i - 1] for hs in sides.values() for i in range(2, len(hs)))
    return sum(steps) / max(len(steps), 1), crossings, len(steps), undone


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--every", type=int, default=2)
    ap.add_argument("--start", type=int, default=20)
    args = ap.parse_args(argv)
    cal = _calibration()
    files = sorted(cal.AS_CAME.glob("dev-*.md"))
    samples = [cal._per_sample(p) for p in files]
    print(f"command: python bench/calibration_replay.py --every {args.every} --start {args.start}")
    print(f"{len(samples)} samples ({files[0].stem} … {files[-1].stem}); FIRES={cal.FIRES}, MAX_BACK={cal.MAX_BACK}\n")
    print("| margin | mean step | crossings / row-steps | crossings undone at the next calibration |")
    print("|---:|---:|---:|---:|")
    for margin in (0.0, cal.MARGIN):
        step, crossings, n, undone = replay(cal, samples, margin, args.start, args.every)
        print(f"| {margin:.2f} | {step:.3f} | {crossings} / {n} | {undone} |")


if __name__ == "__main__":
    main()
