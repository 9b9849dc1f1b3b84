"""Timing helpers shared by the benchmark scripts: both sides run in the same process loop."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ASMO = [sys.executable, "-m", "asmo_cli"]
BASE = [sys.executable, str(HERE / "baseline.py")]


def median_seconds(argv: Sequence[str], runs: int, env: dict[str, str]) -> float:
    """Run ``argv`` ``runs`` times (after one warm-up) and return the median wall time."""
    subprocess.run(argv, env=env, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compare(label: str, ours: Sequence[str], base: Sequence[str], limit: float, runs: int) -> bool:
    """Time both sides interleaved in one run; print the ratio against ``limit``."""
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    ours_times, base_times = [], []
    for _ in range(3):  # interleave, so that machine load hits both sides alike
        base_times.append(median_seconds(base, runs, env))
        ours_times.append(median_seconds(ours, runs, env))
    ours_s, base_s = min(ours_times), min(base_times)
    ratio = ours_s / base_s
    verdict = "ok" if ratio <= limit else "TE TRAAG"
    print(
        f"{label:<28} asmo {ours_s * 1000:7.1f} ms  basis {base_s * 1000:7.1f} ms  "
        f"verhouding {ratio:4.2f} (grens {limit:.2f})  {verdict}"
    )
    return ratio <= limit
