"""Shared set-up for the benchmarks: a demo workspace of a given size."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPOSITORY = Path(__file__).resolve().parent.parent


def demo_profile(folder: Path, suppliers: int) -> Path:
    """Create (once) a profile folder holding ``suppliers`` demo suppliers."""
    marker = folder / f".demo-{suppliers}"
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "wedsync_desktop",
            "--data-dir",
            str(folder),
            "demo",
            "--suppliers",
            str(suppliers),
        ],
        check=True,
        cwd=REPOSITORY,
    )
    marker.touch()
    return folder


def summary(label: str, samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)
    return (
        f"{label}: median {statistics.median(ordered):.1f} ms, "
        f"min {ordered[0]:.1f} ms, max {ordered[-1]:.1f} ms, n={len(ordered)}"
    )
