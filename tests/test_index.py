"""The compact index holds exactly what its definition says, and ranks as a full sort would."""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
import pytest

from bot.index import bigrams
from bot.normalize import normalize
from bot.shortlist import best, ranked


def test_every_feature_weighs_what_its_definition_says(responder):
    matcher = responder.matcher
    index, lexicon, w = matcher.index, matcher.lexicon, matcher.weights
    for feature, found in index.ids.items():
        if " " in feature:
            first, second = feature.split(" ")
            weak = min(lexicon.word_weight(first), lexicon.word_weight(second)) <= w.courtesy
            expected = w.filler if weak else lexicon.idf(feature)
        else:
            expected = lexicon.word_weight(feature)
        assert index.weight[found] == pytest.approx(expected), feature


def test_phrasing_postings_hold_each_phrasing_word_and_bigram_as_often_as_it_occurs(responder):
    kb, index = responder.kb, responder.matcher.index
    expected: dict[str, list[int]] = defaultdict(list)
    row = 0
    for number, intent in enumerate(kb.intents):
        for text in (intent.question, *intent.phrasings):
            tokens = normalize(text, kb.tables).tokens
            for feature in (*tokens, *bigrams(tokens)):
                expected[feature].append(row)
            assert index.phrasing_intent[row] == number
            row += 1
    assert len(index.phrasing_intent) == row
    for feature, rows in expected.items():
        assert sorted(index.phrasing_postings.get(index.ids[feature]).tolist()) == rows, feature


def test_idf_counts_the_intents_that_use_a_feature(responder):
    index, count = responder.matcher.index, len(responder.kb.intents)
    users = np.zeros(len(index.ids))
    for table in (index.vocabulary, index.answer_only):
        users += np.diff(table.starts)
    assert np.allclose(index.idf, np.log((count + 1) / (users + 0.5)))
    assert index.max_idf == pytest.approx(math.log((count + 1) / 1.5))


@pytest.mark.parametrize("seed", range(40))
def test_best_ranks_as_a_stable_sort_of_every_intent_would(seed):
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 60))
    reached = np.sort(rng.choice(200, size=size, replace=False))  # the intents a question reaches
    scores = rng.choice([0.0, 10.0, 25.5, 50.0, 70.0], size=size)  # ties, and zeros
    limit = int(rng.integers(1, 15))
    everything = np.zeros(200)
    everything[reached] = scores
    order = np.argsort(-everything, kind="stable")[:limit]
    expected = [i for i in order if i in set(reached.tolist())]
    assert reached[best(reached, scores, limit)].tolist() == expected
    assert [i for i, _ in ranked(reached, scores, limit)] == expected  # in Python, as few


def test_each_run_holds_the_phrasings_of_its_intent_that_hold_its_feature_and_its_peak(
    responder,
):
    index = responder.matcher.index
    vocabulary, runs = index.vocabulary, index.phrasing_runs
    for feature in range(len(index.ids)):
        phrasings = index.phrasing_postings.get(feature)
        owners = index.vocabulary.get(feature)
        begin = int(vocabulary.starts[feature])
        for k, intent in enumerate(owners.tolist()):
            start = int(runs[begin + k])
            end = int(runs[begin + k + 1]) if k + 1 < len(owners) else None
            end = int(index.phrasing_postings.starts[feature + 1]) if end is None else end
            expected = phrasings[index.phrasing_intent[phrasings] == intent]
            assert index.phrasing_postings.rows[start:end].tolist() == expected.tolist()
            rows, times = np.unique(expected, return_counts=True)
            shares = times / index.phrasing_totals[rows]
            peak = index.phrasing_peak[begin + k]
            assert peak >= max(shares, default=0.0)  # never below, and one float32 step at most
            assert peak <= np.nextafter(np.float32(max(shares, default=0.0)), np.float32(np.inf))
