"""The postings: which intents and phrasings hold each KB feature, as a few flat numpy arrays.

A feature is a word or a bigram of the knowledge base, numbered once. Each table below maps a
feature to rows (intents or phrasings) in compressed-row form — `rows[starts[f]:starts[f + 1]]`
— so the whole index is a dozen arrays and one list of feature strings: small at any size, built
without per-feature Python containers, and savable as it is (`np.save` each array, reopen with
`mmap_mode="r"` so that worker processes share the pages; the strings as one joined text).
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import pairwise

import numpy as np

from bot.runs import phrasing_runs
from bot.values import value_class


def bigrams(tokens: Sequence[str]) -> list[str]:
    return [f"{a} {b}" for a, b in pairwise(tokens)]


@value_class
class IntentText:
    """One intent as the index sees it: its phrasings, its answer, and the words of both."""

    phrasings: list[tuple[str, ...]]
    answer: tuple[str, ...]
    answer_words: set[str]  # the answer's and the evidence's words and bigrams


class Postings:
    """Feature id → rows, compressed: rows[starts[f]:starts[f + 1]], ascending within a feature."""

    __slots__ = ("_bounds", "rows", "starts")

    def __init__(self, starts: np.ndarray, rows: np.ndarray) -> None:
        self.starts = starts  # int64, one more than there are features
        self.rows = rows  # int32; a row repeats when its text repeats the feature
        self._bounds = memoryview(starts)  # reads Python ints: a question slices a few dozen

    @classmethod
    def from_pairs(cls, pairs: _Pairs, count: int) -> Postings:
        """From features listed row after row; `pairs` is emptied on the way (its memory freed)."""
        starts = np.zeros(count + 1, np.int64)
        np.cumsum(np.bincount(pairs.arrays()[0], minlength=count), out=starts[1:])
        return cls(starts, _low_halves(_sorted_keys(pairs)))  # the low half of a key: the row

    def get(self, feature: int) -> np.ndarray:
        return self.rows[self._bounds[feature] : self._bounds[feature + 1]]


# At a million phrasings the pairs are 20 million: no full-width temporary may sit beside them
# (issue 14). The (feature, row) keys are filled a block of rows at a time, the pairs freed, the
# keys sorted in place, and the rows (their low halves) moved to the front of the same memory.


def _sorted_keys(pairs: _Pairs) -> np.ndarray:
    """feature << 32 | row for every pair, sorted, as int64 keys in an int32 array twice as long."""
    memory = np.empty(2 * len(pairs.features), np.int32)
    keys = memory.view(np.int64)
    features = pairs.arrays()[0]
    for first, rows, entries in pairs.blocks():
        block = keys[entries]
        block[:] = features[entries]
        block <<= 32
        block |= np.repeat(np.arange(first, first + len(rows), dtype=np.int64), rows)
    del features
    pairs.clear()
    keys.sort()
    return memory


def first_phrasings(phrasing_intent: np.ndarray, intents: int) -> np.ndarray:
    """Per intent: its first phrasing (an intent's phrasings are adjacent, in KB order)."""
    return np.searchsorted(phrasing_intent, np.arange(intents))


def _low_halves(memory: np.ndarray) -> np.ndarray:
    """The low halves of the keys in `memory`, moved to its front; `memory` shrunk to them."""
    low = memory[0::2] if sys.byteorder == "little" else memory[1::2]
    count, done = len(low), 1
    if count:
        memory[0] = low[0]
    while done < count:  # [done, 2 × done) ← low[done : 2 × done], read from [2 × done, …)
        end = min(2 * done, count)
        memory[done:end] = low[done:end]
        done = end
    del low  # no view of `memory` is left (the caller holds the array itself): safe to resize
    memory.resize(count, refcheck=False)  # realloc: the freed half goes back to the system
    return memory


@value_class
class Index:
    """Everything the scoring needs, numbered: features, intents (KB order) and phrasings."""

    ids: Mapping[str, int]  # feature → id
    idf: np.ndarray  # per feature: log((intents + 1) / (intents using it + 0.5))
    weight: np.ndarray  # per feature: its weight in a phrasing (filler, courtesy or idf)
    vocabulary: Postings  # feature → intents whose phrasings (or answer figures) hold it
    answer_only: Postings  # feature → intents whose answer or evidence alone holds it
    phrasing_postings: Postings  # feature → phrasings
    answer_postings: Postings  # feature → intents, by the words of their answer
    phrasing_intent: np.ndarray  # int32 per phrasing: its intent
    phrasing_totals: np.ndarray  # per phrasing: the summed weight of its features
    phrasing_starts: np.ndarray  # per intent: its first phrasing (see `first_phrasings`)
    phrasing_runs: np.ndarray  # per vocabulary entry: its phrasings' run (bot/runs.py)
    phrasing_peak: np.ndarray  # … and the largest share of one phrasing's weight it makes up
    answer_totals: np.ndarray  # per intent: the summed weight of its answer's features
    max_idf: float  # the weight of a word the KB has never seen

    @property
    def intents(self) -> int:
        return len(self.answer_totals)

    @property
    def weight_of(self) -> memoryview:
        """`weight` read as Python floats."""
        return memoryview(self.weight)


class _Pairs:
    """Each row's features, row after row, as compact int arrays while the index is built."""

    _BLOCK = 1 << 16  # rows per block when a pass over every pair needs a temporary

    def __init__(self) -> None:
        self.features, self.lengths = array("i"), array("i")

    def add(self, features: list[int]) -> None:
        self.features.extend(features)
        self.lengths.append(len(features))

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return np.frombuffer(self.features, np.int32), np.frombuffer(self.lengths, np.int32)

    def blocks(self) -> Iterator[tuple[int, np.ndarray, slice]]:
        """(first row, the rows' lengths, their features' slice), a block of rows at a time."""
        lengths = np.frombuffer(self.lengths, np.int32)
        start = 0
        for first in range(0, len(lengths), self._BLOCK):
            rows = lengths[first : first + self._BLOCK]
            end = start + int(rows.sum())
            yield first, rows, slice(start, end)
            start = end

    def clear(self) -> None:
        self.features, self.lengths = array("i"), array("i")

    def postings(self, count: int) -> Postings:
        return Postings.from_pairs(self, count)

    def totals(self, weight: np.ndarray) -> np.ndarray:
        """Per row: the summed weight of its features (1 where it has none, to divide by)."""
        features = np.frombuffer(self.features, np.int32)
        totals = np.empty(len(self.lengths))
        for first, rows, entries in self.blocks():
            local = np.repeat(np.arange(len(rows), dtype=np.int32), rows)
            # within a row the same additions in the same order as one pass: the same sums
            totals[first : first + len(rows)] = np.bincount(
                local, weight[features[entries]], minlength=len(rows)
            )
        totals[totals == 0] = 1.0
        return totals


def build_index(
    intents: Iterable[IntentText], word_weights: Mapping[str, float], courtesy: float, filler: float
) -> Index:
    """Number every feature, count in how many intents each appears, then lay out the postings.

    `word_weights` overrides the idf of filler, context and courtesy words; a bigram with a word
    weighing no more than `courtesy` weighs `filler`.
    """
    ids: dict[str, int] = {}
    parts = array("i")  # per feature: its first and second word's ids (-1, -1 for a word)

    def number(feature: str) -> int:
        found = ids.get(feature)
        if found is None:
            first, second = feature.split(" ") if " " in feature else ("", "")
            words = (number(first), number(second)) if second else (-1, -1)  # theirs first
            found = ids[feature] = len(ids)
            parts.extend(words)
        return found

    vocabulary, answer_only = _Pairs(), _Pairs()
    phrasing_postings, answer_postings = _Pairs(), _Pairs()
    phrasing_intent = array("i")
    count = 0
    for row, intent in enumerate(intents):
        known: set[int] = set()
        for tokens in intent.phrasings:
            features = [number(f) for f in (*tokens, *bigrams(tokens))]
            known.update(features)
            phrasing_postings.add(features)
            phrasing_intent.append(row)
        known.update(number(w) for w in intent.answer if w[:1].isdigit())  # its figures are its own
        answer_postings.add([number(f) for f in (*intent.answer, *bigrams(intent.answer))])
        vocabulary.add(sorted(known))
        answer_only.add(sorted({number(w) for w in intent.answer_words} - known))
        count = row + 1

    size = len(ids)
    frequency = np.bincount(np.frombuffer(vocabulary.features, np.int32), minlength=size)
    frequency += np.bincount(np.frombuffer(answer_only.features, np.int32), minlength=size)
    idf = np.log((count + 1) / (frequency + 0.5))
    weight = idf.copy()
    for word, value in word_weights.items():
        if word in ids and " " not in word:
            weight[ids[word]] = value
    first, second = np.frombuffer(parts, np.int32).reshape(-1, 2).T
    pair = first >= 0
    weak = pair & (
        (weight[np.maximum(first, 0)] <= courtesy) | (weight[np.maximum(second, 0)] <= courtesy)
    )
    weight[weak] = filler
    phrasing_totals, answer_totals = (
        phrasing_postings.totals(weight),
        answer_postings.totals(weight),
    )
    owners = np.frombuffer(phrasing_intent, np.int32).copy()
    intents, phrasings = vocabulary.postings(size), phrasing_postings.postings(size)
    runs, peak = phrasing_runs(intents, phrasings, owners, phrasing_totals)
    return Index(
        ids=ids,
        idf=idf,
        weight=weight,
        vocabulary=intents,
        answer_only=answer_only.postings(size),
        phrasing_postings=phrasings,
        answer_postings=answer_postings.postings(size),
        phrasing_intent=owners,
        phrasing_totals=phrasing_totals,
        phrasing_starts=first_phrasings(owners, count),
        phrasing_runs=runs,
        phrasing_peak=peak,
        answer_totals=answer_totals,
        max_idf=math.log((count + 1) / 1.5),
    )
