"""A mistyped question word read by the word beside it: of its readings, the one that makes a
bigram of the knowledge base with its neighbour ("đảng viem" is đảng viên, not điểm; "dang vein",
a bare word beside a slip, is đảng viên: the only pair of their readings the KB writes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from bot.lexicon import Lexicon

SLIP_LETTERS = 3  # a slip this long or longer has few readings ("vo" is one key from a dozen)
# (a hair under the weight of one key or one swap away, which the lexicon gives exactly:
# floating point must not drop a reading of that weight)
_FLOAT_SLACK = 1e-9


class Side(Protocol):
    """A question word as the matcher holds it: its best readings, and how it was typed."""

    side: tuple[tuple[tuple[str, float], ...], float]
    typed: tuple[str, str]


S = TypeVar("S", bound=Side)


def confirm_by_neighbours(sides: list[S], lexicon: Lexicon, read_as: Callable[[str], S]) -> None:
    """In place: a word unsure of its reading beside a sure one takes the one reading that
    makes a KB bigram with it (lexicon.by_neighbour); a slip beside a word typed bare as the
    KB writes it folded takes its side of the one pair of their readings the KB writes as a
    bigram, if only one pair is (the bare word stays as sure as it was typed)."""
    for i in range(len(sides) - 1):
        left, right = sides[i].side[0], sides[i + 1].side[0]
        if (left and left[0][1] >= 1.0) or (right and right[0][1] >= 1.0):
            if left and right:
                _by_the_sure_one(sides, i, lexicon, read_as)
            continue
        # (a bare word may read as filler: "dang" is đang too, offering no bigram readings)
        slip = _slipped_side(lexicon, sides[i].typed, sides[i + 1].typed)
        if slip is None:
            continue
        pair = _only_pair(lexicon, sides[i].typed, sides[i + 1].typed)
        if pair is not None:
            sides[i + slip] = read_as(pair[slip])


def _by_the_sure_one(sides: list[S], i: int, lexicon: Lexicon, read_as: Callable[[str], S]) -> None:
    """Of the words at `i` and `i + 1`, the unsure one beside a sure one, read by the bigram
    the sure one makes with it ("đảng viem")."""
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


def _slipped_side(lexicon: Lexicon, left: tuple[str, str], right: tuple[str, str]) -> int | None:
    """0 or 1: the side that is a slip beside a word typed bare as the KB writes it folded;
    None when neither pair is so."""
    if lexicon.bare(*left) and _slip(lexicon, right[1]):
        return 1
    if lexicon.bare(*right) and _slip(lexicon, left[1]):
        return 0
    return None


def _only_pair(
    lexicon: Lexicon, left_typed: tuple[str, str], right_typed: tuple[str, str]
) -> tuple[str, str] | None:
    """The one (left, right) reading pair the KB writes as a bigram, each reading one key, one
    swap or the marks away from what was typed; None when none or several are."""
    sure = lexicon.weights.fuzzy - _FLOAT_SLACK
    left, right = (
        [v for v, s in lexicon.matches(*typed).items() if s >= sure]
        for typed in (left_typed, right_typed)
    )
    pairs = {(a, b) for a in sorted(left) for b in sorted(right) if lexicon.knows(f"{a} {b}")}
    return pairs.pop() if len(pairs) == 1 else None


def _slip(lexicon: Lexicon, folded: str) -> bool:
    """A word the KB does not know folded, long enough that a slip has few readings."""
    return len(folded) >= SLIP_LETTERS and not lexicon.has_fold(folded)
