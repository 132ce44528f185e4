"""Question features → how much of each intent, and of its best phrasing, the question covers.

Read from the postings of bot/index.py: a question reads only the postings of its own features.
A question word of several KB features adds, to each intent, the best of them it holds: that
depends on the word alone, so it is worked out once per word (`Coverage.feature`, kept with the
word by the matcher) and a question joins its words' parts and counts them in one bincount. At
the article's KB the numeric work is a few microseconds and every numpy call saved counts. Sums
are taken in the order of the definition (word after word, each repeat in turn): the scores are
the same to the bit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np

from bot.index import Index
from bot.phrasings import JOINED, Phrasings, Read, Shape
from bot.values import value_class

_KEPT = 4096  # entries up to which a word keeps its part of the question coverage (≤ 64 KB)
_READS = 16_384  # KB features whose postings are kept at hand (intp copies: bytes to MB each)
_NUMBERED = 2_000  # intents below which answer postings are kept numbered after phrasings
_NOTHING = (np.zeros(0, np.int64), np.zeros(0))
for _empty in _NOTHING:
    _empty.flags.writeable = False


@value_class
class Feature:
    """One question word or bigram: its weight, the KB features it may be (with a similarity),
    and for a word of several, what it adds to each intent (None when too large to keep)."""

    weight: float
    matches: Mapping[str, float]
    found: tuple[tuple[int, float], ...]  # the matches as (feature id, similarity)
    values: tuple[float, float]  # of one feature: weight × similarity, and × answer_factor
    intents: np.ndarray | None  # of several: the intents it reaches, ascending …
    terms: np.ndarray | None  # … and weight × the best similarity each holds
    # of one: its postings (intents, then answers only) joined, and the value each adds
    joined: tuple[np.ndarray, np.ndarray] | None = None


class Coverage:
    """The coverage of questions over one index; read-only after it is built, safe to share."""

    def __init__(self, index: Index, answer_factor: float) -> None:
        self.index, self.answer_factor = index, answer_factor
        self._reads = lru_cache(maxsize=_READS)(self._read)
        self._shape = Shape.of(index)

    def _read(self, feature: int) -> Read:
        """A KB feature's postings (intents, answers only, phrasings, answers) and weight."""
        index = self.index
        answers = index.answer_postings.get(feature)
        # as intp: numpy indexes with int32 ~30 % slower (np.add.at; a copy kept with the feature)
        phrasings = index.phrasing_postings.get(feature).astype(np.intp)
        after = None
        if index.intents < _NUMBERED:  # the answers numbered after the phrasings, joined
            after = np.concatenate((phrasings, answers + len(index.phrasing_intent)))
        return (
            index.vocabulary.get(feature).astype(np.intp),
            index.answer_only.get(feature),
            phrasings,
            answers,
            index.weight_of[feature],
            after,
        )

    def feature(self, weight: float, matches: Mapping[str, float]) -> Feature:
        """`matches` (KB feature → similarity) weighing `weight`, with its part worked out."""
        ids = self.index.ids
        found = tuple((ids[feature], sim) for feature, sim in matches.items())
        if len(found) != 1:
            reads = [self._reads(f)[:2] for f, _ in found]
            if sum(len(p) for pair in reads for p in pair) <= 4 * _KEPT:  # else surely too large
                intents, terms = self._best(weight, found)
                if len(intents) <= _KEPT:
                    return Feature(weight, matches, found, (0.0, 0.0), intents, terms)
            return Feature(weight, matches, found, (0.0, 0.0), None, None)
        value = weight * found[0][1]
        values = (value, value * self.answer_factor)
        parts = self._reads(found[0][0])[:2]
        joined = (np.concatenate(parts), np.asarray(values).repeat([len(p) for p in parts]))
        return Feature(weight, matches, found, values, None, None, joined)

    def _best(
        self, weight: float, found: tuple[tuple[int, float], ...]
    ) -> tuple[np.ndarray, np.ndarray]:
        """What a word of several KB features adds: weight × the best similarity among them that
        each intent holds (× answer_factor when only its answer does), not their sum."""
        if not found:  # a word the KB does not know: it weighs, but adds to no intent
            return _NOTHING
        factor, intents = self.answer_factor, self.index.intents
        parts: list[np.ndarray] = []
        values: list[float] = []
        for feature, sim in found:
            explains, answer_only = self._reads(feature)[:2]
            parts += (explains, answer_only)
            values += (sim, sim * factor)
        lengths = [len(p) for p in parts]
        if 8 * sum(lengths) >= intents:  # a good share of the intents: one pass over all of them
            best = np.zeros(intents)
            # written smallest value first, the largest stays: a maximum with no np.maximum.at
            for value, part in sorted(zip(values, parts, strict=True), key=lambda vp: vp[0]):
                best[part] = value
            reached = best.nonzero()[0]
            return reached, weight * best[reached]
        where = np.concatenate(parts)
        held = np.asarray(values).repeat(lengths)  # np.repeat of a list: ~1 µs more
        order = np.lexsort((held, where))  # by intent, the largest value last
        where, held = where[order], held[order]
        last = np.append(where[1:] != where[:-1], True) & (held > 0)
        return where[last], weight * held[last]

    def __call__(
        self, features: Sequence[Feature], total: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(intents, question coverage, phrasing coverage) for every intent sharing a feature."""
        intents, question, present = self.question(features, total)
        return intents, question, self.phrasings(present)(intents)

    def question(
        self, features: Sequence[Feature], total: float
    ) -> tuple[np.ndarray, np.ndarray, dict[int, float]]:
        """(intents sharing a feature, their question coverage, the KB features present with
        their best similarity, in the question's order).

        Question coverage = (Σ over the words of several features of their parts, then Σ over
        those of one of weight × similarity) / `total`, each sum in the question's order."""
        present: dict[int, float] = {}
        rows: list[np.ndarray] = []  # words of one: its postings, and what each adds
        values: list[np.ndarray] = []
        several: list[Feature] = []  # words of several KB features
        for feature in features:
            for found, sim in feature.found:
                if sim > present.get(found, 0.0):
                    present[found] = sim
            if feature.joined is not None:
                rows.append(feature.joined[0])
                values.append(feature.joined[1])
            elif feature.found:
                several.append(feature)
        question = self._several(several)
        if rows:
            question += _added(rows, values, self.index.intents)
        held = question.nonzero()[0]
        return held, (question[held] / total if len(held) else question[held]), present

    def phrasings(self, present: Mapping[int, float]) -> Phrasings:
        """The phrasing coverage, for any intents, of a question whose KB features are
        `present` (with their best similarity, in the question's order)."""
        reads = [self._reads(f) for f in present]
        return Phrasings(self.index, self.answer_factor, self._shape, present, reads)

    def _several(self, words: list[Feature]) -> np.ndarray:
        """Σ over `words` (of several KB features each) of their parts, in order: their kept
        parts joined and counted at once when short; else added in place, word by word."""
        parts = [(w.intents, w.terms) for w in words]
        kept = [(i, t) for i, t in parts if i is not None and t is not None]
        if len(kept) == len(parts) and sum(len(i) for i, _ in kept) <= JOINED:
            if not kept:
                return np.zeros(self.index.intents)
            return np.bincount(
                np.concatenate([i for i, _ in kept]),
                np.concatenate([t for _, t in kept]),
                minlength=self.index.intents,
            )
        question, best = np.zeros(self.index.intents), None
        for word in words:
            if word.intents is not None and word.terms is not None:
                question[word.intents] += word.terms  # no intent twice in a word's part
                continue
            held: list[tuple[float, np.ndarray]] = []
            for feature, sim in word.found:
                explains, answer_only = self._reads(feature)[:2]
                held += ((sim, explains), (sim * self.answer_factor, answer_only))
            if best is None:
                best = np.zeros(self.index.intents)  # scratch, left all zeros after each use
            _add_best(question, best, word.weight, held)
        return question


def _added(parts: list[np.ndarray], values: list[np.ndarray], size: int) -> np.ndarray:
    """`added` of parts that each hold their own values (a word's postings joined once): the
    same values in the same order, so the same sums."""
    if 0 < sum(len(p) for p in parts) <= JOINED:
        return np.bincount(np.concatenate(parts), np.concatenate(values), minlength=size)
    sums = np.zeros(size)
    for part, value in zip(parts, values, strict=True):
        np.add.at(sums, part, value)
    return sums


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
