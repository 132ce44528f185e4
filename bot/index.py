"""The postings: which intents and phrasings hold each KB feature, as a few flat numpy arrays.

A feature is a word or a bigram of the knowledge base, numbered once. Each table below maps a
feature to rows (intents or phrasings) in compressed-row form — `rows[starts[f]:starts[f + 1]]`
— so the whole index is a dozen arrays and one list of feature strings: small at any size, built
without per-feature Python containers, and savable as it is (`np.save` each array, reopen with
`mmap_mode="r"` so that worker processes share the pages; the strings as one joined text).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np


def bigrams(tokens: Sequence[str]) -> list[str]:
    return [f"{a} {b}" for a, b in pairwise(tokens)]


@dataclass(frozen=True, slots=True)
class IntentText:
    """One intent as the index sees it: its phrasings, its answer, and the words of both."""

    phrasings: list[tuple[str, ...]]
    answer: tuple[str, ...]
    answer_words: set[str]  # the answer's and the evidence's words and bigrams


@dataclass(frozen=True, slots=True)
class Postings:
    """Feature id → rows, compressed: rows[starts[f]:starts[f + 1]], ascending within a feature."""

    starts: np.ndarray  # int64, one more than there are features
    rows: np.ndarray  # int32; a row repeats when its text repeats the feature

    @classmethod
    def from_pairs(cls, features: np.ndarray, rows: np.ndarray, count: int) -> Postings:
        starts = np.zeros(count + 1, np.int64)
        np.cumsum(np.bincount(features, minlength=count), out=starts[1:])
        return cls(starts, rows[np.argsort(features, kind="stable")])

    def get(self, feature: int) -> np.ndarray:
        return self.rows[self.starts[feature] : self.starts[feature + 1]]


@dataclass(frozen=True, slots=True)
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
    answer_totals: np.ndarray  # per intent: the summed weight of its answer's features
    max_idf: float  # the weight of a word the KB has never seen

    @property
    def intents(self) -> int:
        return len(self.answer_totals)


class _Pairs:
    """(feature, row) pairs as compact int arrays while the index is built."""

    def __init__(self) -> None:
        self.features, self.rows = array("i"), array("i")

    def add(self, features: Iterable[int], row: int) -> None:
        before = len(self.features)
        self.features.extend(features)
        self.rows.extend([row] * (len(self.features) - before))

    def postings(self, count: int) -> Postings:
        features = np.frombuffer(self.features, np.int32)
        return Postings.from_pairs(features, np.frombuffer(self.rows, np.int32), count)


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
            phrasing_postings.add(features, len(phrasing_intent))
            phrasing_intent.append(row)
        known.update(number(w) for w in intent.answer if w[:1].isdigit())  # its figures are its own
        answer_postings.add([number(f) for f in (*intent.answer, *bigrams(intent.answer))], row)
        vocabulary.add(sorted(known), row)
        answer_only.add(sorted({number(w) for w in intent.answer_words} - known), row)
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
    phrasings = _Pairs.postings(phrasing_postings, size)
    answers = _Pairs.postings(answer_postings, size)
    return Index(
        ids=ids,
        idf=idf,
        weight=weight,
        vocabulary=vocabulary.postings(size),
        answer_only=answer_only.postings(size),
        phrasing_postings=phrasings,
        answer_postings=answers,
        phrasing_intent=np.frombuffer(phrasing_intent, np.int32).copy(),
        phrasing_totals=_totals(phrasing_postings, weight, len(phrasing_intent)),
        answer_totals=_totals(answer_postings, weight, count),
        max_idf=math.log((count + 1) / 1.5),
    )


def _totals(pairs: _Pairs, weight: np.ndarray, rows: int) -> np.ndarray:
    """Per row: the summed weight of its features (1 where it has none, to divide by)."""
    features = np.frombuffer(pairs.features, np.int32)
    totals = np.bincount(np.frombuffer(pairs.rows, np.int32), weight[features], minlength=rows)
    totals[totals == 0] = 1.0
    return totals


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
    A question reads only the postings of its own features.
    """
    ids = index.ids
    present: dict[int, float] = {}
    rows: list[np.ndarray] = []  # the intents a feature explains, one array per feature …
    values: list[float] = []  # … and how much it adds to each
    question = np.zeros(index.intents)
    for weight, matches in features:
        explained = []
        for feature, sim in matches.items():
            found = ids[feature]
            if sim > present.get(found, 0.0):
                present[found] = sim
            explained.append((sim, index.vocabulary.get(found)))
            explained.append((sim * answer_factor, index.answer_only.get(found)))
        if len(matches) == 1:
            rows += (explained[0][1], explained[1][1])
            values += (weight * explained[0][0], weight * explained[1][0])
        elif explained:
            # several KB features: each intent counts the best it holds, not their sum
            best = np.zeros(index.intents)
            for sim, held in sorted(explained, key=lambda e: e[0]):
                best[held] = sim
            held = np.concatenate([e[1] for e in explained])
            question[held] += weight * best[held]  # duplicates in `held` write the same value
    if rows:
        question += _weighted_counts(rows, values, index.intents)
    intents = np.flatnonzero(question)
    if not len(intents):
        return intents, question[intents], question[intents]
    question = question[intents] / total

    found = list(present)
    sims = [present[f] * float(index.weight[f]) for f in found]  # as the feature weighs, × sim
    phrasing_rows = [index.phrasing_postings.get(f) for f in found]
    phrasings = np.concatenate(phrasing_rows)
    if len(phrasings):
        sums = _weighted_counts(phrasing_rows, sims, len(index.phrasing_intent))
        touched = np.flatnonzero(sums)
        shares = sums[touched] / index.phrasing_totals[touched]
        owners = index.phrasing_intent[touched]  # ascending: an intent's phrasings are adjacent
        first = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
        best_share = np.zeros(index.intents)
        best_share[owners[first]] = np.maximum.reduceat(shares, first)
    else:
        best_share = np.zeros(index.intents)
    answers = _weighted_counts([index.answer_postings.get(f) for f in found], sims, index.intents)
    phrasing = np.maximum(
        best_share[intents], answer_factor * answers[intents] / index.answer_totals[intents]
    )
    return intents, question, phrasing


def _weighted_counts(rows: list[np.ndarray], values: list[float], size: int) -> np.ndarray:
    """Per row: the sum of the values of the arrays it appears in (once per appearance)."""
    lengths = [len(r) for r in rows]
    return np.bincount(np.concatenate(rows), np.repeat(values, lengths), minlength=size)
