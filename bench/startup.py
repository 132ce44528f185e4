"""Start-up, each run a fresh process: `python -m bot ask`, the Telegram bot until it is ready.

`ask` runs in turn with `python -c "import rapidfuzz, yaml"` (A B A B …) and the ratio is taken
pair by pair, so that it holds when the machine's speed drifts; wall time and CPU time (user +
system, from the kernel's accounting of the child) are both kept. The bot's modules are compiled
to bytecode first, as a deployment would have them, and the built core is cached (bot/cache.py)
in a scratch cache directory: the first run builds it, the timed ones load it. One more run with
an empty cache directory times a start that has to build.
"""

from __future__ import annotations

import asyncio
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.memory import peak_rss_mb, rss_mb, wait_measuring
from bot.paths import PROJECT_DIR

ASK = [sys.executable, "-m", "bot", "ask", "có bao nhiêu thạc sĩ"]
BASELINE = [sys.executable, "-c", "import rapidfuzz, yaml"]


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall s, cpu s, peak RSS MB) of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=PROJECT_DIR, env=env)
    peak = wait_measuring(process, timeout=120)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{command!r} exited {process.returncode}")
    return wall, _cpu_of_children(), peak


_last_cpu = [0.0]


def _cpu_of_children() -> float:
    """CPU seconds of the child just reaped (the difference in the children's total)."""
    times = os.times()
    total = times.children_user + times.children_system
    cpu, _last_cpu[0] = total - _last_cpu[0], total
    return cpu


def run_startup(runs: int) -> dict[str, float]:
    compileall.compile_dir(PROJECT_DIR / "bot", quiet=2)
    with tempfile.TemporaryDirectory(prefix="hoidap-startup-") as scratch:
        base = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
        env = base | {"XDG_CACHE_HOME": str(Path(scratch) / "cache")}
        _cpu_of_children()
        building, building_cpu, _ = _run(ASK, env)  # an empty cache: this one builds
        _run(BASELINE, env)  # warm-up, not counted
        pairs = [(_run(ASK, env), _run(BASELINE, env)) for _ in range(runs)]
        ready = [_telegram_ready(env) for _ in range(max(1, runs // 3))]
    ask, base_runs = [a for a, _ in pairs], [b for _, b in pairs]
    return {
        "runs": runs,
        "ask_median_s": statistics.median(a[0] for a in ask),
        "ask_min_s": min(a[0] for a in ask),
        "ask_max_s": max(a[0] for a in ask),
        "ask_cpu_s": statistics.median(a[1] for a in ask),
        "ask_peak_rss_mb": max(a[2] for a in ask),
        "ask_building_s": building,
        "ask_building_cpu_s": building_cpu,
        "baseline_median_s": statistics.median(b[0] for b in base_runs),
        "baseline_cpu_s": statistics.median(b[1] for b in base_runs),
        "ratio_wall": statistics.median(a[0] / b[0] for a, b in pairs),
        "ratio_cpu": statistics.median(a[1] / b[1] for a, b in pairs),
        "telegram_ready_s": statistics.median(r[0] for r in ready),
        "telegram_ready_rss_mb": statistics.median(r[1] for r in ready),
        "telegram_first_reply_s": statistics.median(r[2] for r in ready),
        "telegram_idle_rss_mb": statistics.median(r[3] for r in ready),
        "telegram_idle_peak_rss_mb": statistics.median(r[4] for r in ready),
        "telegram_runs": len(ready),
    }


def _telegram_ready(env: dict[str, str]) -> tuple[float, float, float, float, float]:
    """`python -m bot telegram --polling` against the fake Bot API of the tests (127.0.0.1):
    seconds from start to its first getUpdates, its peak RSS by then, seconds to the reply to a
    /help sent at start, then, once it has also answered a question and sat idle for a second
    (the store open: opening.py), the RSS it holds (VmRSS: the issue's "RSS idle") and the most
    it has held (VmHWM: a peak while opening the store would show here, not there)."""
    from bench.e2e import TimedFakeBotApi, start_bot

    async def once() -> tuple[float, float, float, float, float]:
        async with TimedFakeBotApi() as api:
            chat = api.chat(1)
            api.text(chat, "/help")  # waiting when the bot starts
            started = time.perf_counter()
            process, ready_s = await start_bot(api, "polling", 0, env)
            rss = peak_rss_mb(process.pid)
            await api.reply_to(chat, timeout=30)
            first_reply_s = time.perf_counter() - started
            api.text(chat, ASK[-1])  # a question: the matcher runs, the store writes
            await api.reply_to(chat, timeout=30)
            await asyncio.sleep(1.0)  # idle
            idle_rss, idle_peak = rss_mb(process.pid), peak_rss_mb(process.pid)
            process.terminate()
            process.wait(15)
            return ready_s, rss, first_reply_s, idle_rss, idle_peak

    return asyncio.run(once())


if __name__ == "__main__":  # `python -m bench.startup [RUNS]`: this benchmark alone, as JSON
    import json

    print(json.dumps(run_startup(int(sys.argv[1]) if len(sys.argv) > 1 else 3), indent=1))
