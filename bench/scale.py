"""Latency and memory as the knowledge base grows: the article's KB, then synthetic ones.

A synthetic KB of N phrasings is made deterministically from the real one: each real intent is
copied under new ids, its phrasings carrying two made-up words of the copy's own (as if the same
facts were told about many other districts), until N phrasings exist. Each size runs in a fresh
process so that its peak RSS is its own: `python -m bench.scale --size N` prints one JSON line.
Beside the bot, each process measures the floor any matcher pays (normalize the question, look its
text up in a dict) and a bare linear rapidfuzz scan (WRatio, token_set_ratio) over every phrasing,
so that the report can give ratios, which hold from machine to machine, beside absolute times.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace

from bench.memory import peak_rss_mb
from bot.answer import Responder
from bot.evalsets import load_set
from bot.kb import Intent, KnowledgeBase, load_knowledge
from bot.normalize import normalize
from bot.paths import EVAL_DIR, PROJECT_DIR

_CONSONANTS = "bcdghklmnpqrstvx"
_VOWELS = "aeiouy"


def _made_up_word(number: int) -> str:
    """'bami', 'caxo', …: pronounceable, unique per number, never a real KB word."""
    letters = []
    while True:
        number, c = divmod(number, len(_CONSONANTS))
        number, v = divmod(number, len(_VOWELS))
        letters.append(_CONSONANTS[c] + _VOWELS[v])
        if number == 0:
            break
    return "z" + "".join(letters)


def synthetic_kb(kb: KnowledgeBase, phrasings: int) -> KnowledgeBase:
    """The real KB plus copies of its intents until it holds `phrasings` phrasings."""
    intents: list[Intent] = list(kb.intents)
    count = sum(len(i.phrasings) + 1 for i in intents)
    copy = 0
    while count < phrasings:
        original = kb.intents[copy % len(kb.intents)]
        place = f"{_made_up_word(2 * copy)} {_made_up_word(2 * copy + 1)}"
        intent = replace(
            original,
            id=f"{original.id}_copy{copy}",
            question=f"{original.question} ({place})",
            phrasings=tuple(f"{p} {place}" for p in original.phrasings),
        )
        intents.append(intent)
        count += len(intent.phrasings) + 1
        copy += 1
    return replace(kb, intents=tuple(intents), by_id={i.id: i for i in intents})


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _timed(action: Callable[[str], object], questions: list[str]) -> list[float]:
    """Milliseconds per question."""
    times = []
    for question in questions:
        start = time.perf_counter()
        action(question)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _scans(kb: KnowledgeBase, questions: list[str]) -> dict[str, float]:
    """ms per question of a bare linear rapidfuzz scan over every phrasing (processed once)."""
    from rapidfuzz import fuzz, process, utils

    choices = [utils.default_process(p) for i in kb.intents for p in (i.question, *i.phrasings)]
    # a scan costs µs per phrasing: a few questions tell its cost at the larger sizes
    sample = questions[: max(3, min(len(questions), 200_000 // len(choices)))]
    found = {}
    for name, scorer in (("wratio", fuzz.WRatio), ("token_set", fuzz.token_set_ratio)):
        times = _timed(  # cdist scores every phrasing (extractOne stops at the first 100)
            lambda q, s=scorer: process.cdist([utils.default_process(q)], choices, scorer=s),
            sample,
        )
        found[f"{name}_scan_ms"] = statistics.median(times)
    return found


def measure(size: int | None, questions: list[str], rounds: int) -> dict[str, float]:
    """Build the responder for `size` phrasings (None: the article's KB) and time answers."""
    start = time.perf_counter()
    kb = load_knowledge()
    if size is not None:
        kb = synthetic_kb(kb, size)
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    responder = Responder(kb)
    build_s = time.perf_counter() - start
    build_rss_mb = peak_rss_mb()
    cold = _timed(responder.respond, questions)
    warm = [t for _ in range(rounds) for t in _timed(responder.respond, questions)]
    # the floor any matcher pays: normalize the question and look its text up in a dict
    known = {
        normalize(p, kb.tables).text: i.id for i in kb.intents for p in (i.question, *i.phrasings)
    }
    floor = [
        t
        for _ in range(rounds)
        for t in _timed(lambda q: known.get(normalize(q, kb.tables).text), questions)
    ]
    phrasings = sum(len(i.phrasings) + 1 for i in kb.intents)
    return {
        "size": size or 0,
        "phrasings": phrasings,
        "intents": len(kb.intents),
        "load_s": load_s,
        "build_s": build_s,
        "cold_p50_ms": statistics.median(cold),
        "cold_p99_ms": percentile(cold, 0.99),
        "p50_ms": statistics.median(warm),
        "p99_ms": percentile(warm, 0.99),
        "max_ms": max(warm),
        "floor_p50_ms": statistics.median(floor),
        "build_rss_mb": build_rss_mb,
        "peak_rss_mb": peak_rss_mb(),
        **_scans(kb, questions),
    }


def eval_questions() -> list[str]:
    path = EVAL_DIR / "questions.yaml"
    return [case.question for case in load_set(path).cases]


QUICK_SIZES: list[int | None] = [None, 1000, 10_000]
FULL_SIZES: list[int | None] = [None, 1000, 10_000, 100_000, 300_000, 1_000_000]


def run_scale(sizes: list[int | None], rounds: int) -> list[dict[str, float]]:
    """Each size in its own process, so that peak RSS is that size's."""
    results = []
    for size in sizes:
        command = [sys.executable, "-m", "bench.scale", "--rounds", str(rounds)]
        if size is not None:
            command += ["--size", str(size)]
        out = subprocess.run(
            command, capture_output=True, text=True, check=True, cwd=PROJECT_DIR, timeout=3600
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, help="phrasings (default: the article's KB)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(measure(args.size, eval_questions(), args.rounds)))


if __name__ == "__main__":
    main()
