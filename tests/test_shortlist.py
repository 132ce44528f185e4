"""Scoring only the intents that can still rank gives the matches of scoring every intent, to the
bit: on the article's KB and on a grown one full of ties (each intent copied many times)."""

from __future__ import annotations

import numpy as np
import pytest
from every_question import spread_sample

import bot.phrasings as phrasings_module
import bot.shortlist as shortlist_module
from bench.scale import synthetic_kb
from bot.matcher import Matcher
from bot.shortlist import best, ranked, shortlist

# (scored first, runs read up to 1/few of the intents, binary search past this many per intent)
EVERY_ONE = {"_EVERY": 10**9}
WAYS = {
    "runs, scanned": ({"_EVERY": 0, "_WORK": 0}, {"_MANY": 0, "_FEW": 1, "_SEARCHED": 10**9}),
    "runs, searched": ({"_EVERY": 0, "_WORK": 0}, {"_MANY": 0, "_FEW": 1, "_SEARCHED": 0}),
    "whole postings": ({"_EVERY": 0, "_WORK": 0}, {"_MANY": 10**9}),
    "sampled": ({"_EVERY": 0, "_WORK": 0, "_SAMPLE": 1}, {"_MANY": 0, "_FEW": 1}),
}


def questions(kb: str) -> list[str]:
    # six hundred questions spread over every set on the article's KB (where the bot never
    # shortlists: these ways are forced), five hundred others on the grown one, each way
    # compared on them all; test_eval_golden.py asks every one as served
    return list(spread_sample(600) if kb == "article" else spread_sample(500, offset=7))


def matches(matcher: Matcher, texts: list[str]) -> list[list[tuple[str, bytes]]]:
    found = []
    for text in texts:
        candidates = matcher.match(text).candidates
        found.append([(c.intent.id, np.float64(c.score).tobytes()) for c in candidates])
    return found


@pytest.fixture(scope="module")
def grown(responder) -> Matcher:
    return Matcher(synthetic_kb(responder.kb, 6_000))  # ~240 intents: each tied with its copies


@pytest.fixture(scope="module")
def scored_in_full() -> dict[str, list]:
    """Per KB, the matches of scoring every intent: worked out once, for every way compared."""
    return {}


def _patched(monkeypatch, first: dict, second: dict) -> None:
    for name, value in first.items():
        monkeypatch.setattr(shortlist_module, name, value)
    for name, value in second.items():
        monkeypatch.setattr(phrasings_module, name, value)


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("kb", ["article", "grown"])
@pytest.mark.every_question
def test_a_shortlist_matches_as_scoring_every_intent(
    kb, way, responder, grown, scored_in_full, monkeypatch
):
    matcher = responder.matcher if kb == "article" else grown
    texts = questions(kb)
    if kb not in scored_in_full:
        with pytest.MonkeyPatch.context() as every_one:
            _patched(every_one, EVERY_ONE, {})
            scored_in_full[kb] = matches(matcher, texts)
    _patched(monkeypatch, *WAYS[way])
    assert matches(matcher, texts) == scored_in_full[kb]


@pytest.mark.parametrize("sample", [1, 3, 256])
@pytest.mark.parametrize("seed", range(60))
def test_a_shortlist_ranks_as_every_score_would(seed, sample, monkeypatch):
    monkeypatch.setattr(shortlist_module, "_EVERY", 0)
    monkeypatch.setattr(shortlist_module, "_WORK", 0)
    monkeypatch.setattr(shortlist_module, "_SAMPLE", sample)
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 80))
    intents = np.sort(rng.choice(300, size=size, replace=False))
    scores = rng.choice([0.0, 10.0, 25.5, 50.0, 70.0, 99.0], size=size)  # ties, and zeros
    bounds = scores + rng.choice([0.0, 0.0, 5.0, 40.0], size=size)  # some exact, some loose
    limit = int(rng.integers(1, 15))

    def score(positions: np.ndarray | slice) -> np.ndarray:
        assert (np.diff(np.arange(size)[positions]) > 0).all()  # ascending, as coverage needs
        return scores[positions]

    kept, found = shortlist(size, lambda: bounds, score, limit, work=lambda: 1)
    expected = intents[best(intents, scores, limit)]
    assert intents[kept][best(intents[kept], found, limit)].tolist() == expected.tolist()
    assert found.tobytes() == scores[kept].tobytes()


@pytest.mark.parametrize("seed", range(200))
def test_a_few_scores_rank_in_python_as_best_ranks_them(seed):
    rng = np.random.default_rng(seed)
    size = int(rng.integers(0, 140))
    intents = np.sort(rng.choice(300, size=size, replace=False))
    scores = rng.choice([0.0, 10.0, 25.5, 50.0, 70.0, 99.0, 100.0], size=size)  # ties, zeros
    limit = int(rng.integers(1, 15))
    at = best(intents, scores, limit)
    expected = list(zip(intents[at].tolist(), scores[at].tolist(), strict=True))
    assert ranked(intents, scores, limit) == expected


@pytest.mark.parametrize("searched", [0, 10**9])
@pytest.mark.parametrize("seed", range(20))
def test_the_runs_of_a_few_intents_give_their_phrasing_coverage_to_the_bit(
    seed, searched, grown, monkeypatch
):
    rng = np.random.default_rng(seed)
    coverage, index = grown.coverage, grown.index
    names = list(index.ids)
    picked = rng.choice(len(names), int(rng.integers(1, 40)), replace=False)
    sims = rng.choice([0.4, 0.8, 0.92, 1.0], len(picked)) * rng.choice([1.0, rng.random()])
    present = {int(f): float(s) for f, s in zip(picked, sims, strict=True)}
    intents = np.sort(rng.choice(index.intents, int(rng.integers(1, 60)), replace=False))
    whole = coverage.phrasings(present)(intents)  # few intents of a small KB: whole postings
    monkeypatch.setattr(phrasings_module, "_MANY", 0)
    monkeypatch.setattr(phrasings_module, "_FEW", 1)
    monkeypatch.setattr(phrasings_module, "_SEARCHED", searched)
    assert coverage.phrasings(present)(intents).tobytes() == whole.tobytes()


@pytest.mark.parametrize("kb", ["article", "grown"])
@pytest.mark.parametrize("seed", range(20))
def test_no_phrasing_coverage_passes_its_ceiling(seed, kb, responder, grown):
    matcher = responder.matcher if kb == "article" else grown
    rng = np.random.default_rng(seed)
    coverage, index = matcher.coverage, matcher.index
    picked = rng.choice(len(index.ids), int(rng.integers(1, 40)), replace=False)
    sims = rng.choice([0.4, 0.8, 0.92, 1.0], len(picked)) * rng.choice([1.0, rng.random()])
    phrasings = coverage.phrasings({int(f): float(s) for f, s in zip(picked, sims, strict=True)})
    everything = np.arange(index.intents)
    assert (phrasings(everything) <= phrasings.ceilings() * (1 + 1e-12)).all()
