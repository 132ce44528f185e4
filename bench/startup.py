"""Start-up: wall time and peak memory of `python -m bot ask "…"`, each run a fresh process."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from bench.memory import wait_measuring
from bot.paths import PROJECT_DIR


def run_startup(runs: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    walls, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "ask", "có bao nhiêu thạc sĩ"],
            stdout=subprocess.DEVNULL,
            cwd=PROJECT_DIR,
            env=env,
        )
        peaks.append(wait_measuring(process, timeout=120))
        walls.append(time.perf_counter() - start)
        if process.returncode != 0:
            raise RuntimeError(f"python -m bot ask exited {process.returncode}")
    rss = max(peaks)
    return {
        "ask_median_s": statistics.median(walls),
        "ask_min_s": min(walls),
        "ask_max_s": max(walls),
        "ask_peak_rss_mb": rss,
        "runs": runs,
    }
