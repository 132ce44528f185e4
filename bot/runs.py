"""Where each intent's phrasings sit in the phrasing postings of each feature they hold.

An intent's phrasings are adjacent and a feature's phrasing postings ascend, so the entries of
one intent in one feature's phrasing postings are a run. Kept beside each (feature, intent) of
the intent postings, the runs let a question score a few intents by reading their runs alone,
not the hundreds of thousands of postings of its common words (bot/phrasings.py).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from bot.index import Postings

_BLOCK = 1 << 17  # phrasing postings whose keys are made at once while the runs are found


def phrasing_runs(
    vocabulary: Postings, phrasings: Postings, owners: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per entry (feature, intent) of `vocabulary`: where that intent's run begins in
    `phrasings.rows` (the next entry's run, or the feature's postings, end it; empty for an
    intent whose answer alone gives it the feature), and the most times one phrasing of the
    intent holds the feature (0 then). `owners`: each phrasing's intent."""
    runs = np.empty(len(vocabulary.rows), np.int32 if len(phrasings.rows) < 2**31 else np.int64)
    most = np.zeros(len(vocabulary.rows), np.int32)
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
        most[begin:stop] = _most(_keys(phrasings.starts[first : last + 1], rows), held, wanted)
    return runs, most.astype(np.uint8) if most.max(initial=0) < 256 else most


def _most(rows: np.ndarray, held: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Per key of `wanted`: the most times one row holds it, from the (feature, row) keys of
    some postings and their (feature, intent) keys `held` (both ascending)."""
    if not len(rows):
        return np.zeros(len(wanted), np.int32)
    repeats = np.flatnonzero(np.append(True, rows[1:] != rows[:-1]))  # each row's first
    times = np.diff(np.append(repeats, len(rows)))
    owners = held[repeats]
    groups = np.flatnonzero(np.append(True, owners[1:] != owners[:-1]))
    found = np.maximum.reduceat(times, groups)
    where = np.minimum(np.searchsorted(owners[groups], wanted), len(groups) - 1)
    return np.where(owners[groups][where] == wanted, found[where], 0)


def _keys(starts: np.ndarray, intents: np.ndarray) -> np.ndarray:
    """(feature << 32 | intent) for the postings of consecutive features, ascending."""
    features = np.repeat(np.arange(len(starts) - 1, dtype=np.int64), np.diff(starts))
    features <<= 32
    features |= intents
    return features
