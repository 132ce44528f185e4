"""Question features → how much of each intent, and of its best phrasing, the question covers.

Read from the postings of bot/index.py: a question reads only the postings of its own features.
At a million phrasings a common word's postings are long (most phrasings hold "bao nhiêu"), so
sums are added in place, feature after feature (np.add.at), instead of joining every posting
into full-width temporaries first: the same additions in the same order, without the memory
traffic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from bot.index import Index, Postings

_JOINED = 20_000  # postings up to which joining them is cheaper than adding them in place


def coverage(
    index: Index,
    features: Sequence[tuple[float, Mapping[str, float]]],
    total: float,
    answer_factor: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(intents, question coverage, phrasing coverage) for every intent sharing a feature.

    `features`: per question word or bigram, its weight and the KB features it may be, each
    with a similarity. Question coverage = Σ weight × the best similarity among its KB features
    that the intent holds (× `answer_factor` when only its answer does) / `total`; phrasing
    coverage = the largest share of one of its phrasings (or of its answer) the question holds.
    """
    ids, explains, answer_only = index.ids, index.vocabulary.get, index.answer_only.get
    present: dict[int, float] = {}
    rows: list[np.ndarray] = []  # the intents a feature explains, one array per feature …
    values: list[float] = []  # … and how much it adds to each
    question = np.zeros(index.intents)
    best: np.ndarray | None = None
    for weight, matches in features:
        if len(matches) == 1:
            ((feature, sim),) = matches.items()
            found = ids[feature]
            if sim > present.get(found, 0.0):
                present[found] = sim
            rows += (explains(found), answer_only(found))
            values += (weight * sim, weight * sim * answer_factor)
        elif matches:
            # several KB features: each intent counts the best it holds, not their sum
            held: list[tuple[float, np.ndarray]] = []
            for feature, sim in matches.items():
                found = ids[feature]
                if sim > present.get(found, 0.0):
                    present[found] = sim
                held += ((sim, explains(found)), (sim * answer_factor, answer_only(found)))
            if best is None:
                best = np.zeros(index.intents)  # scratch, left all zeros after each use
            _add_best(question, best, weight, held)
    if rows:
        question += _added(rows, values, index.intents)
    intents = np.flatnonzero(question)
    if not len(intents):
        return intents, question[intents], question[intents]
    question = question[intents] / total

    weights = index.weight_of
    found = list(present)
    sims = [present[f] * weights[f] for f in found]  # as the feature weighs, × similarity
    shares = _added(_postings(index.phrasing_postings, found), sims, len(index.phrasing_intent))
    shares /= index.phrasing_totals  # 0 for the phrasings the question misses
    best_share = np.maximum.reduceat(shares, index.phrasing_starts)
    answers = _added(_postings(index.answer_postings, found), sims, index.intents)
    phrasing = np.maximum(
        best_share[intents], answer_factor * answers[intents] / index.answer_totals[intents]
    )
    return intents, question, phrasing


def _add_best(
    question: np.ndarray, best: np.ndarray, weight: float, held: list[tuple[float, np.ndarray]]
) -> None:
    """question += weight × (per intent, the largest value among the parts that hold it).

    Written smallest value first, so the largest stays (a maximum needs no np.maximum.at). The
    product is added to every intent when the parts reach a good share of them (a few passes
    over a small array cost less than indexing), else only to those reached: an intent left
    out adds 0.0 either way, so the sums are the same to the bit."""
    held = sorted((p for p in held if len(p[1]) and p[0] > 0), key=lambda p: p[0])
    reached = sum(len(part) for _, part in held)
    for value, part in held:
        best[part] = value
    if 8 * reached >= len(best):
        best *= weight
        question += best
        best.fill(0.0)
    elif held:
        where = np.concatenate([part for _, part in held])
        question[where] += weight * best[where]  # repeated indexes write the same value
        best[where] = 0.0


def _postings(postings: Postings, features: list[int]) -> list[np.ndarray]:
    return [postings.get(f) for f in features]


def _added(parts: list[np.ndarray], values: list[float], size: int) -> np.ndarray:
    """Per row: the sum of the values of the parts it appears in, part after part, each repeat
    in turn. Short parts are joined and counted at once (np.add.at costs microseconds a call);
    long ones are added in place, without full-width temporaries. Either way the additions come
    in the same order: the same sums."""
    lengths = [len(p) for p in parts]
    if 0 < sum(lengths) <= _JOINED:
        return np.bincount(np.concatenate(parts), np.repeat(values, lengths), minlength=size)
    sums = np.zeros(size)
    for part, value in zip(parts, values, strict=True):
        np.add.at(sums, part, value)
    return sums
