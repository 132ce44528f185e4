"""A mistyped question word read by the word beside it: of its readings, the one that makes a
bigram of the knowledge base with its neighbour ("đảng viem" is đảng viên, not điểm; "dang vein",
both typed bare or wrong, is đảng viên: the only pair of their readings the KB writes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from bot.lexicon import Lexicon


class Side(Protocol):
    """A question word as the matcher holds it: its best readings, and how it was typed."""

    side: tuple[tuple[tuple[str, float], ...], float]
    typed: tuple[str, str]


S = TypeVar("S", bound=Side)


def confirm_by_neighbours(sides: list[S], lexicon: Lexicon, read_as: Callable[[str], S]) -> None:
    """In place: a word unsure of its reading beside a sure one takes the one reading that
    makes a KB bigram with it (lexicon.by_neighbour); two words both unsure, one typed bare
    as the KB writes it folded and the other mistyped, take the one pair of their readings
    the KB writes as a bigram, if only one pair is."""
    for i in range(len(sides) - 1):
        left, right = sides[i].side[0], sides[i + 1].side[0]
        if (left and left[0][1] >= 1.0) or (right and right[0][1] >= 1.0):
            if left and right:
                _by_the_sure_one(sides, i, lexicon, read_as)
            continue
        # (a bare word may read as filler: "dang" is đang too, offering no bigram readings)
        pair = _only_pair(lexicon, sides[i].typed, sides[i + 1].typed)
        if pair is not None:
            sides[i], sides[i + 1] = read_as(pair[0]), read_as(pair[1])


def _by_the_sure_one(sides: list[S], i: int, lexicon: Lexicon, read_as: Callable[[str], S]) -> None:
    for sure_at, unsure_at in ((i, i + 1), (i + 1, i)):
        sure, unsure = sides[sure_at].side[0], sides[unsure_at].side[0]
        if not sure or sure[0][1] < 1.0 or not unsure or unsure[0][1] >= 1.0:
            continue
        readings = [v for v, _ in unsure]
        reading = lexicon.by_neighbour(
            sides[unsure_at].typed, readings, sure[0][0], sure_first=sure_at < unsure_at
        )
        if reading is not None:
            sides[unsure_at] = read_as(reading)


def _only_pair(
    lexicon: Lexicon, left_typed: tuple[str, str], right_typed: tuple[str, str]
) -> tuple[str, str] | None:
    """The one (left, right) reading pair the KB writes as a bigram, when one word is typed
    bare as the KB writes it folded ("dang") and the other is a slip ("vein"); else None."""
    left_bare, right_bare = lexicon.bare(*left_typed), lexicon.bare(*right_typed)
    slipped = (left_bare and _slip(lexicon, right_typed[1])) or (
        right_bare and _slip(lexicon, left_typed[1])
    )
    if not slipped:
        return None
    sure = lexicon.weights.fuzzy - 1e-9  # a slip's readings one key or one swap away, no less
    left, right = (
        [v for v, s in lexicon.matches(*typed).items() if s >= sure]
        for typed in (left_typed, right_typed)
    )
    pairs = {(a, b) for a in sorted(left) for b in sorted(right) if lexicon.knows(f"{a} {b}")}
    return pairs.pop() if len(pairs) == 1 else None


def _slip(lexicon: Lexicon, folded: str) -> bool:
    """A word the KB does not know folded, long enough that a slip has few readings ("vo" is
    one key from a dozen words)."""
    return len(folded) >= SLIP_LETTERS and not lexicon.has_fold(folded)


SLIP_LETTERS = 3
