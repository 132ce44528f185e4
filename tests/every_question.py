"""Every question of every eval set, each once and in a fixed order: the tests that read them
all share one list (a question asked in several sets is asked once; ~a quarter are)."""

from __future__ import annotations

from functools import cache

from bot.evalsets import load_set
from bot.paths import EVAL_DIR


@cache
def every_eval_question() -> tuple[str, ...]:
    cases = (case for path in sorted(EVAL_DIR.glob("*.yaml")) for case in load_set(path).cases)
    return tuple(dict.fromkeys(case.question for case in cases))


def spread_sample(count: int, offset: int = 0) -> tuple[str, ...]:
    """At most `count` of every eval question, evenly spaced over all the sets (`offset`: where
    the spacing starts): a test that compares two ways of working on a sample costs the same
    however many sets are added."""
    every = every_eval_question()
    step = max(1, len(every) // count)
    return every[offset % step :: step][:count]
