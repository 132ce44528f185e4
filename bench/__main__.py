"""`python -m bench [--quick]`: run every benchmark and write docs/benchmarks.md with its plots.

python -m bench            full run: quality vs baselines, latency and memory up to 1,000,000
                           phrasings, end-to-end throughput over HTTP, start-up (many minutes)
python -m bench --quick    small sizes, few rounds, no e5, baselines and first runs on three sets and the
                           newest blind set (under a minute; CI's smoke test)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench import report
from bench.quality import BASELINES, run_quality
from bench.scale import FULL_SIZES, QUICK_SIZES, run_scale
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
        **{p.stem: p for p in sorted(EVAL_DIR.glob("blind-*.yaml"))},  # every blind set
    }
    if args.quick:  # a smoke test: the visible set and the newest blind set
        newest = sorted(EVAL_DIR.glob("blind-*.yaml"), key=lambda p: (len(p.stem), p.stem))[-1:]
        datasets = {"visible": datasets["visible"]} | {p.stem: p for p in newest}
    skip_e5 = args.skip_e5 or args.quick  # the embedding model alone takes minutes on a CI box
    methods = [m for m in BASELINES if not (skip_e5 and "e5" in m)]
    quality = run_quality(Responder.load(), datasets, methods)
    step("every eval set: its first, blind run and today")
    from bench.blind import measure

    blind = measure(newest_only=args.quick)
    step("latency and memory as the KB grows")
    scale = run_scale(QUICK_SIZES if args.quick else FULL_SIZES, rounds=1 if args.quick else 5)
    step("end to end over HTTP")
    from bench.e2e import run_e2e

    e2e = run_e2e(updates=60 if args.quick else 1000, concurrency=20 if args.quick else 100)
    step("scale-out: one and two webhook processes on PostgreSQL")
    from bench.scale_out import report_lines, run_scale_out

    scale_out = run_scale_out(
        updates=60 if args.quick else 1000, concurrency=8 if args.quick else 32
    )
    step("writing the report")
    path = report.write(
        out,
        quick=args.quick,
        startup=startup,
        quality=quality,
        scale=scale,
        e2e=e2e,
        command=" ".join(["python -m bench", *(argv or sys.argv[1:])]),
        sections=report_lines(scale_out),
        blind=blind,
    )
    step(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
