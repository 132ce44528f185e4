"""Which intents a question's scores are worked out for: those that can still rank, then ranked.

At a million phrasings most intents share some common word with a question ("cán bộ"), and their
phrasing coverage reads millions of postings. A score is at most what its question coverage
allows (the phrasing coverage's factor is at most a known ceiling), and that is known for every
intent reached from the short intent postings. So the `limit` intents of the best bounds are
scored first, then only those whose bound reaches the lowest of those scores: any other scores
less than that and cannot rank. The best `limit`, their order and their scores are the same as
when every intent is scored.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

import numpy as np

_EVERY = 2_048  # intents reached up to which scoring them all costs less than choosing first
_SAMPLE = 256  # intents of best bound scored when many bounds reach the first floor (+ as many)
_WORK = 1_000_000  # … and postings and phrasings read (at 300k phrasings: par either way)
_IN_PYTHON = 128  # scores up to which ranking them in Python costs less than numpy's ~10 calls


Positions = np.ndarray | slice  # ascending positions, or all of them (slice(None))


def shortlist(
    count: int,
    bounds: Callable[[], np.ndarray],
    score: Callable[[Positions], np.ndarray],
    limit: int,
    work: Callable[[], int],
) -> tuple[Positions, np.ndarray]:
    """(positions, their scores): every position of `count` whose score may be among the
    `limit` best.

    `score(positions)` gives the scores at those positions; `bounds()` per position a value
    never below its score (both rounded alike); `work()`: the postings and phrasings scoring
    them all reads. A score ranks only if at least the `limit`-th best, and that is at least
    the lowest of any `limit` scores: positions bound below it are never scored."""
    everything = slice(None)
    if limit <= 0 or count <= max(_EVERY, limit) or work() < _WORK:
        return everything, score(everything)
    bound = bounds()
    first = _best_bound(bound, limit)
    found = score(first)
    floor = found.min()
    if floor <= 0:  # a zero score may rank when fewer than `limit` are positive: score them all
        return everything, score(everything)
    known = np.full(count, np.nan)  # scores worked out so far: none is worked out twice
    known[first] = found
    kept = (bound >= floor).nonzero()[0]
    wide = max(_SAMPLE, limit)
    if len(kept) > 4 * wide:  # a wider sample may raise the floor: the best bounds, and
        top = kept[np.argpartition(-bound[kept], wide - 1)[:wide]]  # some of every kind
        sample = _unknown(np.union1d(top, kept[:: len(kept) // wide]), known)
        if len(sample):
            known[sample] = score(sample)
        found = known[~np.isnan(known)]
        floor = max(floor, np.partition(found, len(found) - limit)[len(found) - limit])
        kept = (bound >= floor).nonzero()[0]
    rest = _unknown(kept, known)
    if len(rest):
        known[rest] = score(rest)
    return kept, known[kept]


def _unknown(positions: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Those of `positions` (ascending) whose score is not worked out yet."""
    return positions[np.isnan(known[positions])]


def _best_bound(bound: np.ndarray, limit: int) -> np.ndarray:
    """Positions of `limit` largest bounds, ascending: looked for among the bounds near the
    largest first (a partition of every bound costs ~0.3 ms at 40,000 intents)."""
    top = float(bound.max())
    for share in (0.99, 0.95, 0.8, 0.5):
        near = (bound >= top * share).nonzero()[0]
        if len(near) >= limit:
            break
    else:
        near = np.arange(len(bound))
    return np.sort(near[np.argpartition(-bound[near], limit - 1)[:limit]])


def best(intents: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the `limit` best scores, best first, ties in KB order.

    As if every intent of the KB were ranked (score descending, KB order among equals) and the
    first `limit` kept, then those no question word reaches dropped: an intent scoring 0 stays
    only when fewer than `limit` intents rank before it.
    """
    positive = (scores > 0).nonzero()[0]
    if len(positive) > limit:
        cut = np.partition(scores[positive], len(positive) - limit)[len(positive) - limit]
        positive = positive[scores[positive] >= cut]  # ties at the cut stay, KB order decides
    ranked = positive[np.lexsort((intents[positive], -scores[positive]))][:limit]
    room = limit - len(ranked)  # what the positive ones leave (all of them are in `ranked`)
    if room <= 0:
        return ranked
    zero = (scores <= 0).nonzero()[0]
    # a zero-score intent ranks after every positive one and the zero ones before it in KB order
    before = intents[zero] - np.searchsorted(intents[scores > 0], intents[zero])
    return np.concatenate([ranked, zero[before < room]])


def ranked(intents: np.ndarray, scores: np.ndarray, limit: int) -> list[tuple[int, float]]:
    """(intent, score) at the positions `best` gives, in its order; a few scores are ranked in
    Python (the article's KB: ~10 µs of numpy calls a question less)."""
    if len(scores) > _IN_PYTHON or limit <= 0:
        at = best(intents, scores, limit)
        return list(zip(intents[at].tolist(), scores[at].tolist(), strict=True))
    ids, values = intents.tolist(), scores.tolist()
    # sorted as (−score, id) tuples: no key called per score, and −(−score) is the score
    found = [(-value, i) for i, value in zip(ids, values, strict=True) if value > 0]
    first = [(i, -value) for value, i in sorted(found)[:limit]]
    room = limit - len(first)
    if room > 0:  # as `best`: a zero score after the positive ones and the zero ones before it
        reached = [i for i, value in zip(ids, values, strict=True) if value > 0]  # ascending
        first += [
            (i, value)
            for i, value in zip(ids, values, strict=True)
            if value <= 0 and i - bisect_left(reached, i) < room
        ]
    return first
