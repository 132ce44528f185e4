"""Resident memory of a process, as the kernel keeps it in /proc/PID/status: its peak (VmHWM)
and what it holds now (VmRSS).

getrusage's ru_maxrss is no good here: a child forked from a large benchmark process inherits
the parent's high-water mark, so every child would look as big as the parent.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path


def peak_rss_mb(pid: int | str = "self") -> float:
    """VmHWM of `pid` in MB (the most it has held); 0.0 where /proc is not available."""
    return _status_mb(pid, "VmHWM:")


def rss_mb(pid: int | str = "self") -> float:
    """VmRSS of `pid` in MB (what it holds now); 0.0 where /proc is not available."""
    return _status_mb(pid, "VmRSS:")


def _status_mb(pid: int | str, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def wait_measuring(process: subprocess.Popen, timeout: float) -> float:
    """Wait for `process` to end, sampling its peak RSS until then (it only grows)."""
    deadline = time.monotonic() + timeout
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, peak_rss_mb(process.pid))
        if time.monotonic() > deadline:
            process.kill()
            raise TimeoutError(f"{process.args!r} ran longer than {timeout} s")
        time.sleep(0.002)
    return peak
