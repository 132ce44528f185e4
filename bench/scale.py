"""Latency and memory as the knowledge base grows: the article's KB, then synthetic ones.

A synthetic KB of N phrasings is made deterministically from the real one: each real intent is
copied under new ids, its phrasings carrying two made-up words of the copy's own (as if the same
facts were told about many other districts), until N phrasings exist. Each size runs in two fresh
processes, so that each peak RSS is its own: `python -m bench.scale build --size N --cache FILE`
parses, builds and saves the core; `… serve …` loads it from FILE as a worker would (the cached
load) and times the questions. Each prints one JSON line. The serving process also measures the
floor any matcher pays (normalize the question, look its text up in a dict), after its peak RSS
is read; the build process a bare linear rapidfuzz scan (WRatio, token_set_ratio) over every
phrasing: the report gives ratios, which hold from machine to machine, beside absolute times.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.memory import peak_rss_mb
from bot import startup
from bot.answer import Responder
from bot.cache import Core, read, source_key, write
from bot.evalsets import load_set
from bot.kb import Intent, KnowledgeBase, load_knowledge
from bot.normalize import normalize
from bot.paths import EVAL_DIR, PROJECT_DIR
from bot.regex_code import learn as learn_code
from bot.regex_heads import learn as learn_heads

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


def _key(size: int | None) -> str:
    return f"{source_key()}:synthetic:{size}" if size else source_key()


def _kb(size: int | None) -> KnowledgeBase:
    kb = load_knowledge()
    return kb if size is None else synthetic_kb(kb, size)


def build(size: int | None, questions: list[str], cache: Path) -> dict[str, float]:
    """Parse (and grow) the KB, build the index, save it; the floor and the bare scans."""
    start = time.perf_counter()
    kb = _kb(size)
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    responder = Responder(kb)
    build_s = time.perf_counter() - start
    build_rss_mb = peak_rss_mb()
    start = time.perf_counter()
    core = Core.of(kb, responder.matcher)
    if not write(cache, _key(size), core):
        raise RuntimeError(f"cannot save the core to {cache}")
    save_s = time.perf_counter() - start
    del responder, core
    return {
        "size": size or 0,
        "phrasings": sum(len(i.phrasings) + 1 for i in kb.intents),
        "intents": len(kb.intents),
        "load_s": load_s,
        "build_s": build_s,
        "save_s": save_s,
        "cache_mb": cache.stat().st_size / 2**20,
        "build_rss_mb": build_rss_mb,
        **_scans(kb, questions),
    }


def serve(size: int | None, questions: list[str], rounds: int, cache: Path) -> dict[str, float]:
    """A fresh process as a worker starts: the core from the cache, then questions timed. As
    every front end does (bot/startup.py, bot/cache.py), no collection while it loads, the
    saved heads and code of the KB's patterns taken, then what it loaded frozen out of the
    collector's passes."""
    start = time.perf_counter()
    startup.hold_collection()
    core = read(cache, _key(size))
    if core is None:
        raise RuntimeError(f"no usable core at {cache}")
    learn_heads(core.heads)  # as bot.cache.load_core: the KB's patterns neither parsed again …
    learn_code(core.regexes)  # … nor compiled
    # every question read in full every time (no reply kept): what the matcher and the reading cost
    responder = Responder(core.kb, core, replies_kept=0)
    startup.collect_again()
    cached_load_s = time.perf_counter() - start
    cold = _timed(responder.respond, questions)
    warm = [t for _ in range(rounds) for t in _timed(responder.respond, questions)]
    peak = peak_rss_mb()
    # the floor any matcher pays, in the same process: normalize the question, look it up in a
    # dict; its first pass with normalize's kept words and texts forgotten, as the bot's was
    kb = core.kb
    known = {
        normalize(p, kb.tables).text: i.id for i in kb.intents for p in (i.question, *i.phrasings)
    }

    def floor_of(q: str) -> str | None:
        return known.get(normalize(q, kb.tables).text)

    _forget_normalized()
    floor_cold = _timed(floor_of, questions)
    floor = [t for _ in range(rounds) for t in _timed(floor_of, questions)]
    found = {
        "cached_load_s": cached_load_s,
        "cold_p50_ms": statistics.median(cold),
        "cold_p99_ms": percentile(cold, 0.99),
        "p50_ms": statistics.median(warm),
        "p99_ms": percentile(warm, 0.99),
        "max_ms": max(warm),
        "peak_rss_mb": peak,
        "floor_p50_ms": statistics.median(floor),
        "floor_cold_p50_ms": statistics.median(floor_cold),
    }
    if size is None:  # asked again, as the bot serves: the replies kept (bot/reading.py)
        keeping = Responder(core.kb, core)
        _timed(keeping.respond, questions)
        again = [t for _ in range(rounds) for t in _timed(keeping.respond, questions)]
        found |= {"again_p50_ms": statistics.median(again), "again_p99_ms": percentile(again, 0.99)}
    return found


def _forget_normalized() -> None:
    """Normalize's kept folded words and cleaned texts, emptied (a first pass of the floor)."""
    from bot import normalize as normalizing

    normalizing._folded_word.cache_clear()
    normalizing._cleaned.cache_clear()


def eval_questions() -> list[str]:
    path = EVAL_DIR / "questions.yaml"
    return [case.question for case in load_set(path).cases]


QUICK_SIZES: list[int | None] = [None, 1000]  # CI's smoke test: every step, the smallest sizes
FULL_SIZES: list[int | None] = [None, 1000, 10_000, 100_000, 300_000, 1_000_000]


def run_scale(sizes: list[int | None], rounds: int) -> list[dict[str, float]]:
    """Each size in two fresh processes: one builds and saves the core, one loads it and serves."""
    results = []
    with tempfile.TemporaryDirectory(prefix="hoidap-bench-") as scratch:
        for size in sizes:
            cache = Path(scratch) / f"core-{size or 0}.bin"
            row: dict[str, float] = {}
            for step in ("build", "serve"):
                command = [sys.executable, "-m", "bench.scale", step, "--cache", str(cache)]
                command += ["--rounds", str(rounds)]
                if size is not None:
                    command += ["--size", str(size)]
                out = subprocess.run(
                    command,
                    capture_output=True,
                    text=True,
                    check=True,
                    cwd=PROJECT_DIR,
                    timeout=3600,
                )
                row |= json.loads(out.stdout.strip().splitlines()[-1])
            results.append(row)
            cache.unlink()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["build", "serve"])
    parser.add_argument("--cache", type=Path, required=True, help="the core file to write or read")
    parser.add_argument("--size", type=int, help="phrasings (default: the article's KB)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.step == "build":
        found = build(args.size, eval_questions(), args.cache)
    else:
        found = serve(args.size, eval_questions(), args.rounds, args.cache)
    print(json.dumps(found))


if __name__ == "__main__":
    main()
