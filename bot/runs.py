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

_BLOCK = 1 << 20  # phrasing postings whose keys are made at once while the runs are found


def phrasing_runs(vocabulary: Postings, phrasings: Postings, owners: np.ndarray) -> np.ndarray:
    """Per entry (feature, intent) of `vocabulary`: where that intent's run begins in
    `phrasings.rows`; the next entry's run, or the feature's postings, end it (empty for an
    intent whose answer alone gives it the feature). `owners`: each phrasing's intent."""
    runs = np.empty(len(vocabulary.rows), np.int32 if len(phrasings.rows) < 2**31 else np.int64)
    features = len(phrasings.starts) - 1
    targets = np.arange(0, len(phrasings.rows), _BLOCK)
    cuts = np.unique(np.append(0, np.searchsorted(phrasings.starts, targets, side="right") - 1))
    for first, last in pairwise([*cuts.tolist(), features]):
        start, end = int(phrasings.starts[first]), int(phrasings.starts[last])
        begin, stop = int(vocabulary.starts[first]), int(vocabulary.starts[last])
        held = _keys(phrasings.starts[first : last + 1], owners[phrasings.rows[start:end]])
        wanted = _keys(vocabulary.starts[first : last + 1], vocabulary.rows[begin:stop])
        runs[begin:stop] = start + np.searchsorted(held, wanted)
    return runs


def _keys(starts: np.ndarray, intents: np.ndarray) -> np.ndarray:
    """(feature << 32 | intent) for the postings of consecutive features, ascending."""
    features = np.repeat(np.arange(len(starts) - 1, dtype=np.int64), np.diff(starts))
    features <<= 32
    features |= intents
    return features
