"""Start-up: wall time and peak memory of `python -m bot ask "…"`, each run a fresh process."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time

from bot.paths import PROJECT_DIR


def run_startup(runs: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", "có bao nhiêu thạc sĩ"],
            check=True,
            capture_output=True,
            cwd=PROJECT_DIR,
            env=env,
            timeout=120,
        )
        walls.append(time.perf_counter() - start)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "ask_median_s": statistics.median(walls),
        "ask_min_s": min(walls),
        "ask_max_s": max(walls),
        "ask_peak_rss_mb": rss,
        "runs": runs,
    }
