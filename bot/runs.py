"""Where each intent's phrasings sit in the phrasing postings of each feature they hold.

An intent's phrasings are adjacent and a feature's phrasing postings ascend, so the entries of
one intent in one feature's phrasing postings are a run. Kept beside each (feature, intent) of
the intent postings, the runs let a question score a few intents by reading their runs alone,
not the hundreds of thousands of postings of its common words (bot/phrasings.py). Beside each
run, its peak: the largest share of one of those phrasings' weight that the feature makes up,
from which a question bounds an intent's phrasing coverage without reading the runs.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from bot.index import Postings

_BLOCK = 1 << 17  # phrasing postings whose keys are made at once while the runs are found


def phrasing_runs(
    vocabulary: Postings, phrasings: Postings, owners: np.ndarray, totals: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per entry (feature, intent) of `vocabulary`: where that intent's run begins in
    `phrasings.rows` (the next entry's run, or the feature's postings, end it; empty for an
    intent whose answer alone gives it the feature), and its peak: the most, over the intent's
    phrasings, of (times the phrasing holds the feature) / (its total weight), as float32 never
    below the float64 quotient (0 for an empty run). `owners`: each phrasing's intent;
    `totals`: each phrasing's summed weight."""
    runs = np.empty(len(vocabulary.rows), np.int32 if len(phrasings.rows) < 2**31 else np.int64)
    peak = np.zeros(len(vocabulary.rows), np.float32)
    features = len(phrasings.starts) - 1
    targets = np.arange(0, len(phrasings.rows), _BLOCK)
    cuts = np.unique(np.append(0, np.searchsorted(phrasings.starts, targets, side="right") - 1))
    for first, last in pairwise([*cuts.tolist(), features]):
        start, end = int(phrasings.starts[first]), int(phrasings.starts[last])
        begin, stop = int(vocabulary.starts[first]), int(vocabulary.starts[last])
        rows = phrasings.rows[start:end]
        held = _keys(phrasings.starts[first : last + 1], owners[rows])
        wanted = _keys(vocabulary.starts[first : last + 1], vocabulary.rows[begin:stop])
        runs[begin:stop] = start + np.searchsorted(held, wanted)
        keys = _keys(phrasings.starts[first : last + 1], rows)
        peak[begin:stop] = _peak(keys, held, wanted, totals[rows])
    return runs, peak


def _peak(rows: np.ndarray, held: np.ndarray, wanted: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Per key of `wanted`: the most, over the rows of its intent, of (times the row holds the
    feature) / (the row's total), rounded up to float32; from the (feature, row) keys of some
    postings, their (feature, intent) keys `held` (both ascending) and each posting's row total."""
    if not len(rows):
        return np.zeros(len(wanted), np.float32)
    repeats = np.flatnonzero(np.append(True, rows[1:] != rows[:-1]))  # each row's first
    shares = np.diff(np.append(repeats, len(rows))) / totals[repeats]
    owners = held[repeats]
    groups = np.flatnonzero(np.append(True, owners[1:] != owners[:-1]))
    found = np.maximum.reduceat(shares, groups)
    rounded = found.astype(np.float32)
    low = rounded < found  # rounded to nearest: one step up where that went below
    rounded[low] = np.nextafter(rounded[low], np.float32(np.inf))
    where = np.minimum(np.searchsorted(owners[groups], wanted), len(groups) - 1)
    return np.where(owners[groups][where] == wanted, rounded[where], np.float32(0))


def _keys(starts: np.ndarray, intents: np.ndarray) -> np.ndarray:
    """(feature << 32 | intent) for the postings of consecutive features, ascending."""
    features = np.repeat(np.arange(len(starts) - 1, dtype=np.int64), np.diff(starts))
    features <<= 32
    features |= intents
    return features
