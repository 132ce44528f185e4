"""A question's phrasing coverage of intents: the largest share of one of an intent's phrasings
(or of its answer, × answer_factor) that the question holds, each KB feature at its best
similarity.

Over every intent it reads each question feature's phrasing postings: at a million phrasings,
millions of them for the common words ("cán bộ"). For a few intents (bot/shortlist.py) it reads
only their runs (bot/runs.py). Either way a phrasing's share is summed feature after feature in
the question's order, each repeat in turn: the same shares to the bit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from bot.index import Index
from bot.values import value_class

JOINED = 20_000  # postings up to which joining them is cheaper than adding them in place
_FEW = 6  # intents up to 1/_FEW of the KB read their runs, not whole postings …
_MANY = 2_000  # … in a KB of this many intents or more (below, a few postings cost less)
_SEARCHED = 32  # a feature's intents past this many per intent looked for: binary search

# a KB feature's postings (intents, answers only, phrasings, answers) and weight, and in a KB
# of few intents its phrasing postings followed by its answer postings numbered after the
# phrasings (else None)
Read = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float, np.ndarray | None]


@value_class
class Shape:
    """Per intent: where its phrasings end."""

    ends: np.ndarray

    @classmethod
    def of(cls, index: Index) -> Shape:
        return cls(np.append(index.phrasing_starts[1:], len(index.phrasing_intent)))


class Phrasings:
    """One question's phrasing coverage, for any intents it reaches; made per question."""

    def __init__(
        self,
        index: Index,
        answer_factor: float,
        shape: Shape,
        present: Mapping[int, float],
        reads: list[Read],
    ) -> None:
        """`present`: the question's KB features with their best similarity, in the
        question's order; `reads`: their postings."""
        self.index, self.answer_factor, self._shape = index, answer_factor, shape
        self._ends = shape.ends
        self._present, self._reads = present, reads
        self._sims = [sim * read[4] for sim, read in zip(present.values(), reads, strict=True)]
        self._answers: np.ndarray | None = None

    def work(self) -> int:
        """What scoring every intent reads: the features' phrasing postings, and shares."""
        return sum(len(r[2]) for r in self._reads) + len(self.index.phrasing_intent)

    def __call__(self, intents: np.ndarray) -> np.ndarray:
        """Per intent of `intents` (ascending): its phrasing coverage."""
        index = self.index
        if not len(intents):
            return np.zeros(0)
        if index.intents >= _MANY and _FEW * len(intents) < index.intents:
            best_share = self._best_of_few(intents)
        else:
            best_share = self._best_of_all(intents)
        return np.maximum(best_share, self._answered(intents))

    def ceilings(self, intents: np.ndarray | None = None) -> np.ndarray:
        """Per intent of the KB (of `intents`, ascending, when given: read at those alone): at
        least its phrasing coverage. A phrasing's share is the sum, over the question's
        features it holds, of (value × times held) / its weight: each term at most the
        feature's value × its peak in the intent (bot/runs.py)."""
        held = self._peaks() if intents is None else self._peaks_at(intents)
        most = max([1.0, *self._present.values()])  # no share passes the best similarity
        answered = self._answered(slice(None) if intents is None else intents)
        return np.maximum(np.minimum(held, most), answered)

    def _peaks(self) -> np.ndarray:
        """Per intent of the KB: Σ over the question's features of value × its peak there."""
        index = self.index
        held = np.zeros(index.intents)
        starts, peak = index.vocabulary.starts, index.phrasing_peak
        for feature, read, value in zip(self._present, self._reads, self._sims, strict=True):
            owners = read[0]
            begin = int(starts[feature])
            # in float64 (a float32 array times a Python float stays float32: it could round down)
            np.add.at(
                held, owners, np.multiply(peak[begin : begin + len(owners)], value, dtype=float)
            )
        return held

    def _peaks_at(self, intents: np.ndarray) -> np.ndarray:
        """`_peaks()[intents]`, reading only those intents' entries: the same terms, counted in
        the same order (a few intents of many: the smalltalk a piece may reach)."""
        index = self.index
        local = np.empty(index.intents, np.int64)  # an intent's place among `intents`
        local[intents] = np.arange(len(intents))
        starts, peak = index.vocabulary.starts, index.phrasing_peak
        parts, values = [], []
        for feature, read, value, where in zip(
            self._present, self._reads, self._sims, self._held(intents), strict=True
        ):
            parts.append(local[read[0][where]])
            values.append(np.multiply(peak[where + int(starts[feature])], value, dtype=float))
        if not parts:
            return np.zeros(len(intents))
        return np.bincount(np.concatenate(parts), np.concatenate(values), minlength=len(intents))

    def _held(self, intents: np.ndarray) -> list[np.ndarray]:
        """Per question feature: where `intents` (ascending) sit in its intent postings."""
        chosen = np.zeros(self.index.intents, bool)
        chosen[intents] = True
        places = []
        for read in self._reads:
            owners = read[0]
            if _SEARCHED * len(intents) < len(owners):  # a common word: look the intents up
                where = np.searchsorted(owners, intents)
                where = where[owners[np.minimum(where, len(owners) - 1)] == intents]
            else:
                where = chosen[owners].nonzero()[0]
            places.append(where)
        return places

    def _answered(self, intents: np.ndarray | slice) -> np.ndarray:
        """answer_factor × the share of each intent's answer that the question holds."""
        index = self.index
        if self._answers is None:
            self._answers = added([r[3] for r in self._reads], self._sims, index.intents)
        return self.answer_factor * self._answers[intents] / index.answer_totals[intents]

    def _best_of_all(self, intents: np.ndarray) -> np.ndarray:
        """The best share of each intent's phrasings, from the whole postings (divided and
        compared only at the intents' own phrasings when they are a small part of the KB)."""
        index = self.index
        phrasings = len(index.phrasing_intent)
        shares = self._with_answers(phrasings) if self._answers is None else None
        if shares is None:
            shares = added([r[2] for r in self._reads], self._sims, phrasings)
        if 2 * len(intents) >= index.intents:
            shares /= index.phrasing_totals  # 0 for the phrasings the question misses
            return np.maximum.reduceat(shares, index.phrasing_starts)[intents]
        first = index.phrasing_starts[intents]
        counts = self._ends[intents] - first
        own = _spans(first, counts)
        return np.maximum.reduceat(shares[own] / index.phrasing_totals[own], _firsts(counts))

    def _with_answers(self, phrasings: int) -> np.ndarray | None:
        """The phrasings' sums as `added` gives them, and the answers' (kept for `_answered`)
        counted after them in the same bincount: each row gets the same values in the same
        order, with one numpy pass less (~8 µs a question at the article's KB). None when
        the postings are not numbered so, or too long to join."""
        reads = self._reads
        if not reads or reads[0][5] is None:
            return None
        # feature after feature, its phrasings then its answers: a row is a phrasing's or an
        # answer's, and gets the features' values in their order either way
        parts = [r[5] for r in reads]
        lengths = [len(p) for p in parts]
        if sum(lengths) > JOINED:
            return None
        values = np.asarray(self._sims).repeat(lengths)
        sums = np.bincount(np.concatenate(parts), values, minlength=phrasings + self.index.intents)
        self._answers = sums[phrasings:]
        return sums[:phrasings]

    def _best_of_few(self, intents: np.ndarray) -> np.ndarray:
        """The best share of each intent's phrasings, read from their runs (bot/runs.py): the
        intents' phrasings numbered among theirs, counted feature after feature in the
        question's order, each run in turn, as `added` would."""
        index = self.index
        first = index.phrasing_starts[intents]
        counts = self._ends[intents] - first
        base = _firsts(counts)
        shift = np.empty(index.intents, np.int64)  # read at the intents alone
        shift[intents] = base - first
        vocabulary = index.vocabulary
        features = np.fromiter(self._present, np.int64, len(self._present))
        # the intents' entries in each feature's intent postings
        places = [
            where + begin
            for begin, where in zip(
                vocabulary.starts[features].tolist(), self._held(intents), strict=True
            )
        ]
        found = np.array([len(p) for p in places])
        entries = np.concatenate(places)
        if not len(entries):
            return np.zeros(len(intents))
        runs = index.phrasing_runs
        starts = runs[entries]
        ends = runs[np.minimum(entries + 1, len(runs) - 1)]
        last = entries + 1 == np.repeat(vocabulary.starts[features + 1], found)
        ends[last] = np.repeat(index.phrasing_postings.starts[features + 1], found)[last]
        sizes = ends - starts  # a feature's last run ends with its postings
        rows = index.phrasing_postings.rows[_spans(starts, sizes)]
        rows = rows + np.repeat(shift[vocabulary.rows[entries]], sizes)  # among theirs
        values = np.asarray(self._sims).repeat(found).repeat(sizes)
        shares = np.bincount(rows, values, minlength=int(counts.sum()))
        return np.maximum.reduceat(shares / index.phrasing_totals[_spans(first, counts)], base)


def _firsts(counts: np.ndarray) -> np.ndarray:
    """Where each of consecutive groups of `counts` begins."""
    ends = np.cumsum(counts)
    return ends - counts


def _spans(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The positions start, start + 1, … of every span, span after span."""
    ends = np.cumsum(sizes)
    return np.repeat(starts - (ends - sizes), sizes) + np.arange(ends[-1] if len(ends) else 0)


def added(parts: Sequence[np.ndarray], values: Sequence[float], size: int) -> np.ndarray:
    """Per row: the sum of the values of the parts it appears in, part after part, each repeat
    in turn. Short parts are joined and counted at once (np.add.at costs microseconds a call);
    long ones are added in place, without full-width temporaries. Either way the additions come
    in the same order: the same sums."""
    lengths = [len(p) for p in parts]
    if 0 < sum(lengths) <= JOINED:
        return np.bincount(
            np.concatenate(parts), np.asarray(values).repeat(lengths), minlength=size
        )
    sums = np.zeros(size)
    for part, value in zip(parts, values, strict=True):
        np.add.at(sums, part, value)
    return sums
