"""Benchmarks of hỏi đáp: answer quality against baselines, latency at scale, end to end, start-up.

Run `python -m bench` (or `--quick`); it writes docs/benchmarks.md and PNG plots beside it.
"""
