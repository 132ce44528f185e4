"""`python -m bench [--quick]`: run every benchmark and write docs/benchmarks.md with its plots.

python -m bench            full run: quality vs baselines, latency at 1k/10k/100k phrasings,
                           end-to-end throughput over HTTP, start-up (a few minutes)
python -m bench --quick    small sizes and few rounds (well under a minute; CI's smoke test)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench import report
from bench.quality import BASELINES, run_quality
from bench.scale import run_scale
from bench.startup import run_startup
from bot.answer import Responder
from bot.paths import EVAL_DIR, PROJECT_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few rounds")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "docs", help="report folder")
    parser.add_argument("--skip-e5", action="store_true", help="leave out the embedding baseline")
    args = parser.parse_args(argv)
    started = time.time()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    def step(name: str) -> None:
        print(f"[{time.time() - started:6.1f}s] {name}", file=sys.stderr, flush=True)

    step("start-up")
    startup = run_startup(runs=3 if args.quick else 10)
    step("quality against baselines")
    datasets = {
        "visible": EVAL_DIR / "questions.yaml",
        "holdout": EVAL_DIR / "holdout.yaml",
        "holdout2": EVAL_DIR / "holdout2.yaml",
        "holdout3": EVAL_DIR / "holdout3.yaml",
        "holdout4": EVAL_DIR / "holdout4.yaml",
    }
    methods = [m for m in BASELINES if not (args.skip_e5 and "e5" in m)]
    quality = run_quality(Responder.load(), datasets, methods)
    step("latency and memory as the KB grows")
    sizes: list[int | None] = [None, 1000] if args.quick else [None, 1000, 10_000, 100_000]
    scale = run_scale(sizes, rounds=1 if args.quick else 5)
    step("end to end over HTTP")
    from bench.e2e import run_e2e

    e2e = run_e2e(updates=60 if args.quick else 1000, concurrency=20 if args.quick else 100)
    step("writing the report")
    path = report.write(
        out,
        quick=args.quick,
        startup=startup,
        quality=quality,
        scale=scale,
        e2e=e2e,
        command=" ".join(["python -m bench", *(argv or sys.argv[1:])]),
    )
    step(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
