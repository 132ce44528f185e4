"""Question features → how much of each intent, and of its best phrasing, the question covers.

Read from the postings of bot/index.py: a question reads only the postings of its own features.
What one question word adds to each intent's coverage depends on that word alone, so it is
worked out once per word (`Coverage.feature`, kept with the word by the matcher) and a question
only joins its words' parts and counts them in one pass: at the article's KB the numeric work is
a few microseconds, and every numpy call saved counts. Sums are taken in the order of the
definition (word after word, each repeat in turn), so the scores are the same to the bit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from bot.index import Index

_JOINED = 20_000  # postings up to which joining them is cheaper than adding them in place
_KEPT = 256  # entries up to which a word keeps its part of the question coverage with it
_READS = 16_384  # KB features whose postings are kept at hand (a few hundred bytes each)
_NOTHING = (np.zeros(0, np.int64), np.zeros(0))
for _empty in _NOTHING:
    _empty.flags.writeable = False


@dataclass(frozen=True, slots=True)
class Feature:
    """One question word or bigram: its weight, the KB features it may be (with a similarity),
    and what it adds to the question coverage (None when too large to keep: worked out anew)."""

    weight: float
    matches: Mapping[str, float]
    found: tuple[tuple[int, float], ...]  # the matches as (feature id, similarity)
    bins: np.ndarray | None  # intent (a word of several features) or intents + intent (of one)
    terms: np.ndarray | None  # what it adds in each bin


class Coverage:
    """The coverage of questions over one index; read-only after it is built, safe to share."""

    def __init__(self, index: Index, answer_factor: float) -> None:
        self.index, self.answer_factor = index, answer_factor
        self._reads = lru_cache(maxsize=_READS)(self._read)

    def _read(self, feature: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
        """A KB feature's postings (intents, answers only, phrasings, answers) and weight."""
        index = self.index
        return (
            index.vocabulary.get(feature),
            index.answer_only.get(feature),
            index.phrasing_postings.get(feature),
            index.answer_postings.get(feature),
            index.weight_of[feature],
        )

    def feature(self, weight: float, matches: Mapping[str, float]) -> Feature:
        """`matches` (KB feature → similarity) weighing `weight`, with its part worked out."""
        ids = self.index.ids
        found = tuple((ids[feature], sim) for feature, sim in matches.items())
        bins, terms = self._part(weight, found)
        if len(bins) > _KEPT:
            return Feature(weight, matches, found, None, None)
        return Feature(weight, matches, found, bins, terms)

    def _part(
        self, weight: float, found: tuple[tuple[int, float], ...]
    ) -> tuple[np.ndarray, np.ndarray]:
        """What a word adds to the question coverage: weight × the best similarity among its KB
        features that each intent holds (× answer_factor when only its answer does).

        The sum over a question's words is defined as the words of several features first, then
        those of one (bincount keeps both in order): a word of one adds to bins intents + i."""
        factor, intents = self.answer_factor, self.index.intents
        if not found:  # a word the KB does not know: it weighs, but adds to no intent
            return _NOTHING
        if len(found) == 1:
            ((feature, sim),) = found
            explains, answer_only = self._reads(feature)[:2]
            value = weight * sim
            bins = np.concatenate([explains, answer_only]) + intents
            terms = np.repeat([value, value * factor], [len(explains), len(answer_only)])
            return bins, terms
        parts: list[np.ndarray] = []
        values: list[float] = []
        for feature, sim in found:
            explains, answer_only = self._reads(feature)[:2]
            parts += (explains, answer_only)
            values += (sim, sim * factor)
        lengths = [len(p) for p in parts]
        where = np.concatenate(parts)
        held = np.repeat(values, lengths)
        if 8 * len(where) >= intents:  # a good share of the intents: one pass over all of them
            best = np.zeros(intents)
            np.maximum.at(best, where, held)
            bins = best.nonzero()[0]
            return bins, weight * best[bins]
        order = np.lexsort((held, where))  # by intent, the largest value last
        where, held = where[order], held[order]
        last = np.append(where[1:] != where[:-1], True) & (held > 0)
        return where[last], weight * held[last]

    def __call__(
        self, features: Sequence[Feature], total: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(intents, question coverage, phrasing coverage) for every intent sharing a feature.

        Question coverage = Σ over the question's features of their parts / `total`; phrasing
        coverage = the largest share of one of its phrasings (or of its answer, × answer_factor)
        that the question holds, each KB feature counted once at its best similarity."""
        index, intents = self.index, self.index.intents
        present: dict[int, float] = {}
        bins: list[np.ndarray] = []
        terms: list[np.ndarray] = []
        for feature in features:
            for found, sim in feature.found:
                if sim > present.get(found, 0.0):
                    present[found] = sim
            if feature.bins is None or feature.terms is None:
                part = self._part(feature.weight, feature.found)
            else:
                part = (feature.bins, feature.terms)
            bins.append(part[0])
            terms.append(part[1])
        sums = _summed(bins, terms, 2 * intents)
        question = sums[:intents] + sums[intents:]
        reached = question.nonzero()[0]
        if not len(reached):
            return reached, question[reached], question[reached]
        question = question[reached] / total

        reads = [self._reads(f) for f in present]
        sims = [sim * read[4] for sim, read in zip(present.values(), reads, strict=True)]
        shares = _added([r[2] for r in reads], sims, len(index.phrasing_intent))
        shares /= index.phrasing_totals  # 0 for the phrasings the question misses
        best_share = np.maximum.reduceat(shares, index.phrasing_starts)
        answers = _added([r[3] for r in reads], sims, intents)
        factor = self.answer_factor
        phrasing = np.maximum(
            best_share[reached], factor * answers[reached] / index.answer_totals[reached]
        )
        return reached, question, phrasing


def _summed(bins: list[np.ndarray], terms: list[np.ndarray], size: int) -> np.ndarray:
    """Per bin: the sum of the terms in it, part after part (as `_added`, a term per entry)."""
    if sum(map(len, bins)) <= _JOINED:
        joined = np.concatenate(bins) if bins else np.zeros(0, np.int64)
        weights = np.concatenate(terms) if terms else np.zeros(0)
        return np.bincount(joined, weights, minlength=size)
    sums = np.zeros(size)
    for where, added in zip(bins, terms, strict=True):
        np.add.at(sums, where, added)
    return sums


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
