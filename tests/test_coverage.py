"""The question coverage's shortcuts give the sums of its definition, to the bit."""

from __future__ import annotations

import numpy as np
import pytest

from bot.coverage import _add_best
from bot.followups import _related_either_way


@pytest.mark.parametrize("seed", range(30))
def test_a_word_with_several_features_adds_each_intents_best_as_maximum_at_would(seed):
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 400))
    question = rng.random(size) * rng.integers(0, 2)
    held = [
        (float(rng.choice([0.4, 0.8, 0.92, 1.0]) * rng.random()), np.sort(rng.choice(size, n)))
        for n in rng.integers(0, size // 3 + 2, size=int(rng.integers(1, 6)))
    ]
    weight = float(rng.random() * 4)
    best = np.zeros(size)
    reached = np.concatenate([part for _, part in held])
    expected_best = np.zeros(size)
    np.maximum.at(
        expected_best, reached, np.repeat([v for v, _ in held], [len(p) for _, p in held])
    )
    expected = question.copy()
    expected[reached] += weight * expected_best[reached]
    _add_best(question, best, weight, held)
    assert question.tobytes() == expected.tobytes()
    assert not best.any()  # the scratch is left all zeros


def test_related_intents_are_found_either_way_in_kb_order(responder):
    intents = responder.kb.intents
    table = _related_either_way(intents)
    for previous in intents:
        scan = [i for i in intents if i.id in previous.related or previous.id in i.related]
        assert table.get(previous.id, []) == scan, previous.id
