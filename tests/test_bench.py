"""bench/bench.py's whole-process measurement: timed runs unpolled, one polled run for the split."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

pytest.importorskip("psutil", reason="bench/bench.py polls processes with psutil")
if not os.path.exists("/usr/bin/time"):
    pytest.skip("bench/bench.py takes CPU seconds and peak RSS from /usr/bin/time", allow_module_level=True)

import bench  # noqa: E402

# a parent that spends CPU in a child, like ``extract --jobs 2`` in its workers
CMD = [sys.executable, "-c",
       "import subprocess, sys; subprocess.run([sys.executable, '-c', "
       "'import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.4: pass'])"]


def test_an_unpolled_run_gives_wall_cpu_and_peak_rss_only():
    r = bench.run_measured(CMD, poll=None)
    assert r["seconds"] >= 0.4 and r["cpu_seconds"] >= 0.35
    assert r["peak_rss_mb_max_process"] > 1
    assert "cpu_seconds_workers" not in r and "processes" not in r


def test_a_polled_run_splits_cpu_between_the_main_process_and_its_children():
    r = bench.run_measured(CMD)
    assert r["processes"] >= 2
    assert r["cpu_seconds_workers"] >= 0.2  # the child's busy loop, seen by the polls
    assert r["cpu_seconds_main"] < r["cpu_seconds"]
