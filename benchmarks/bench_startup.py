"""Time from launching the program to its window being shown.

Run: python -m benchmarks.bench_startup [--suppliers 10000] [--runs 7]
Two figures per run: the wall time the parent measures from starting the
process until the child reports the shown window (includes interpreter start
and every import), and the child's own figure from entering main().
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import REPOSITORY, demo_profile, summary


def measure_once(profile: Path) -> tuple[float, float]:
    environment = {
        **os.environ,
        "WEDSYNC_STARTUP_PROBE": "1",
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "wedsync_desktop", "--data-dir", str(profile)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPOSITORY,
        env=environment,
    )
    assert child.stderr is not None
    try:
        for line in child.stderr:
            if line.startswith("window-shown-ms"):
                wall = (time.perf_counter() - started) * 1000
                return wall, float(line.split()[1])
        raise RuntimeError("The program exited without showing its window.")
    finally:
        child.kill()
        child.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--suppliers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", type=Path, help="reuse this profile folder")
    arguments = parser.parse_args()
    folder = arguments.profile or Path(tempfile.gettempdir()) / (
        f"wedsync-bench-{arguments.suppliers}"
    )
    profile = demo_profile(folder, arguments.suppliers)
    measure_once(profile)  # warm the file cache
    walls: list[float] = []
    inner: list[float] = []
    for _run in range(arguments.runs):
        wall, from_main = measure_once(profile)
        walls.append(wall)
        inner.append(from_main)
    print(f"Start-up with {arguments.suppliers:,} suppliers ({profile}):")
    print(summary("  process start to window shown", walls))
    print(summary("  main() to window shown", inner))


if __name__ == "__main__":
    main()
