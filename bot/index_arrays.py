"""The index as the named arrays of the cache file (bot/cache.py), and back, every shape
checked against the others: a file whose arrays do not fit is refused, never trusted."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from bot.index import Index, Postings, first_phrasings

_POSTINGS = ("vocabulary", "answer_only", "phrasing_postings", "answer_postings")
_ARRAYS = ("idf", "weight", "phrasing_intent", "phrasing_totals", "answer_totals")
_RUNS = ("phrasing_runs", "phrasing_peak")  # per entry of the intent postings


def arrays_of(index: Index) -> dict[str, np.ndarray]:
    """The index's arrays by the names the cache file gives them."""
    arrays = {name: np.ascontiguousarray(getattr(index, name)) for name in _ARRAYS + _RUNS}
    for name in _POSTINGS:
        postings: Postings = getattr(index, name)
        arrays[f"{name}.starts"] = np.ascontiguousarray(postings.starts)
        arrays[f"{name}.rows"] = np.ascontiguousarray(postings.rows)
    return arrays


def index_of(
    words: list[str], array: Callable[[str], np.ndarray], max_idf: float, intents: int
) -> Index:
    """The index over the mapped arrays, once every shape agrees with the others."""
    features = len(words)
    postings = {}
    for name in _POSTINGS:
        starts, rows = array(f"{name}.starts"), array(f"{name}.rows")
        if starts.shape != (features + 1,) or starts[0] != 0 or starts[-1] != len(rows):
            raise ValueError(f"{name}: postings do not fit {features} features")
        postings[name] = Postings(starts, rows)
    idf, weight = array("idf"), array("weight")
    phrasing_intent, phrasing_totals = array("phrasing_intent"), array("phrasing_totals")
    answer_totals = array("answer_totals")
    if idf.shape != (features,) or weight.shape != (features,):
        raise ValueError("feature weights do not fit the features")
    if phrasing_intent.shape != phrasing_totals.shape or answer_totals.shape != (intents,):
        raise ValueError("phrasing or intent arrays do not fit the KB")
    runs = {name: array(name) for name in _RUNS}
    if any(a.shape != postings["vocabulary"].rows.shape for a in runs.values()):
        raise ValueError("phrasing runs do not fit the intent postings")
    return Index(
        ids=dict(zip(words, range(features), strict=True)),
        idf=idf,
        weight=weight,
        phrasing_intent=phrasing_intent,
        phrasing_totals=phrasing_totals,
        phrasing_starts=first_phrasings(phrasing_intent, intents),
        **runs,
        answer_totals=answer_totals,
        max_idf=max_idf,
        **postings,
    )
