"""The question coverage's shortcuts give the sums of its definition, to the bit."""

from __future__ import annotations

import numpy as np
import pytest

import bot.coverage as coverage_module
from bot.coverage import Coverage
from bot.related import related_either_way


def _by_definition(index, features, total, factor):
    """The coverage as first written: word after word, each intent's best added in place; the
    words of one feature summed apart and added last; then the phrasings' and answers' shares."""
    question, single_rows, single_values, present = np.zeros(index.intents), [], [], {}
    for weight, matches in features:
        best = np.zeros(index.intents)
        for feature, sim in sorted(matches.items(), key=lambda kv: kv[1]):
            found = index.ids[feature]
            present[found] = max(present.get(found, 0.0), sim)
            if len(matches) == 1:
                single_rows += [index.vocabulary.get(found), index.answer_only.get(found)]
                single_values += [weight * sim, weight * sim * factor]
            else:
                np.maximum.at(best, index.answer_only.get(found), sim * factor)
                np.maximum.at(best, index.vocabulary.get(found), sim)
        if len(matches) > 1:
            reached = best.nonzero()[0]
            question[reached] += weight * best[reached]
    singles = np.zeros(index.intents)
    for rows, value in zip(single_rows, single_values, strict=True):
        np.add.at(singles, rows, value)
    question += singles
    intents = question.nonzero()[0]
    order = [f for _, m in features for f in (index.ids[x] for x in m) if f in present]
    shares, answers = np.zeros(len(index.phrasing_intent)), np.zeros(index.intents)
    for found in dict.fromkeys(order):
        value = present[found] * float(index.weight[found])
        np.add.at(shares, index.phrasing_postings.get(found), value)
        np.add.at(answers, index.answer_postings.get(found), value)
    best_share = np.maximum.reduceat(shares / index.phrasing_totals, index.phrasing_starts)
    answered = factor * answers[intents] / index.answer_totals[intents]
    return intents, question[intents] / total, np.maximum(best_share[intents], answered)


@pytest.mark.parametrize("kept", [256, 3, 0])  # parts kept with every word, some, none
@pytest.mark.parametrize("seed", range(40))
def test_coverage_gives_the_sums_of_its_definition_to_the_bit(responder, seed, kept, monkeypatch):
    monkeypatch.setattr(coverage_module, "_KEPT", kept)
    rng = np.random.default_rng(seed)
    index = responder.matcher.index
    factor = responder.kb.settings.weights.answer_words
    names = list(index.ids)
    features = []
    for _ in range(int(rng.integers(1, 12))):
        picked = rng.choice(len(names), int(rng.integers(0, 5)), replace=False)
        sims = rng.choice([0.4, 0.8, 0.92, 1.0], len(picked)) * rng.choice([1.0, rng.random()])
        features.append(
            (
                float(rng.random() * 4),
                {names[f]: float(s) for f, s in zip(picked, sims, strict=True)},
            )
        )
    total = sum(weight for weight, _ in features)
    coverage = Coverage(index, factor)
    got = coverage([coverage.feature(w, m) for w, m in features], total)
    want = _by_definition(index, features, total, factor)
    for a, b in zip(got, want, strict=True):
        assert a.tobytes() == b.tobytes()


def test_related_intents_are_found_either_way_in_kb_order(responder):
    intents = responder.kb.intents
    table = related_either_way(intents)
    for previous in intents:
        scan = [i for i in intents if i.id in previous.related or previous.id in i.related]
        assert list(table.get(previous.id, {}).values()) == scan, previous.id
