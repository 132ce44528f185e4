"""An alternation tried one alternative at a time finds what the compiled alternation finds."""

from __future__ import annotations

import random
import re

import pytest

from bot.alternation import Alternation

# overlapping alternatives: shared prefixes, one inside another, look-arounds, optional words
_PARTS = [
    "can bo",
    "can bo xa",
    "cong chuc( xa)?",
    "(?<=cap )xa",
    "xa(?! hoi)",
    "bo xa",
    "(can|cong) (bo|chuc)",
    "dai hoc( tro len)?",
    "hoc",
    "tro len",
]
_WORDS = ["can", "bo", "xa", "cong", "chuc", "cap", "hoi", "dai", "hoc", "tro", "len", ",", "."]


def _compiled(parts: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?P<v{i}>{p})" for i, p in enumerate(parts))
    return re.compile(rf"\b(?:{body})\b")


def _alternation(parts: list[str]) -> Alternation:
    return Alternation(tuple(re.compile(rf"\b(?:(?P<v{i}>{p}))\b") for i, p in enumerate(parts)))


@pytest.mark.parametrize("seed", range(10))
def test_finds_the_same_matches_in_the_same_order(seed):
    rng = random.Random(seed)
    for _ in range(300):
        parts = rng.sample(_PARTS, rng.randint(2, len(_PARTS)))
        text = " ".join(rng.choices(_WORDS, k=rng.randint(0, 14)))
        whole, one_by_one = _compiled(parts), _alternation(parts)
        expected = [(m.span(), m.lastgroup) for m in whole.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in one_by_one.finditer(text)] == expected, text
        assert one_by_one.sub("|", text) == whole.sub("|", text)
        assert one_by_one.sub(lambda m: m.lastgroup or "", text) == whole.sub(
            lambda m: m.lastgroup or "", text
        )
        first = whole.search(text)
        found = one_by_one.search(text)
        assert (found and found.span()) == (first and first.span())


def test_at_one_position_the_first_alternative_in_order_wins():
    one_by_one = _alternation(["can bo", "can bo xa"])
    assert [m.lastgroup for m in one_by_one.finditer("can bo xa")] == ["v0"]
    longer_first = _alternation(["can bo xa", "can bo"])
    assert [m.group(0) for m in longer_first.finditer("can bo xa, can bo")] == [
        "can bo xa",
        "can bo",
    ]


def test_what_it_cannot_find_alike_it_refuses_rather_than_loop_or_misread():
    with pytest.raises(ValueError):
        list(_alternation(["x?", "can bo"]).finditer("can bo"))  # an empty match
    with pytest.raises(ValueError):
        _alternation(["can", "bo"]).sub(r"[\1]", "can bo")  # group numbers differ
