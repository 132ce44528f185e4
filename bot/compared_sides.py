"""The two things a message compares: before and after the comparison word ("A nhiều hơn B"),
after a word that opens it ("So với A thì B …", "chênh lệch giữa A và B"), or the two a joiner
pairs before it ("A với B, bên nào nhiều hơn?") — comparisons.py answers them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.phrases import joined, outside, own_words, spans

if TYPE_CHECKING:
    from bot.matcher import Match
    from bot.reading import Reader

BARE_SIDE = 2  # words of its own a side of a comparison of non-figures must name at least


class ComparedSides:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.reading = reader.reading

    def of(self, match: Match) -> list[str] | None:
        """The two things compared: before and after the comparison word ("A nhiều hơn B",
        "A có đúng bằng B không"), or, when nothing follows it but the question, the two a
        joiner before it pairs ("A với B, bên nào nhiều hơn?")."""
        words = match.question
        cues = joined(self.reading.comparison_cues, self.reading.sameness_cues)
        found = spans(words.folded, cues, words.tokens)
        if not found:
            return None
        start, end = min(found)
        if start == 0:  # "So với A thì B nhiều hơn hay ít hơn?"
            return self._opened_with(match, end, found)
        # the second side without a second comparison word ("A so với B chênh nhau bao
        # nhiêu?": B bao nhiêu)
        second = outside(words.tokens, [(0, end), *found])
        sides = [" ".join(words.tokens[:start]), " ".join(second)]
        if not self.bare(sides[1]):
            return sides
        before = words.tokens[:start]
        joiners = spans(words.folded[:start], self.reading.drop_joiners, before)
        if not joiners:  # "A 28 mà giờ B có 11, chênh nhau …"
            joiners = spans(words.folded[:start], self.reading.contrast_joiners, before)
        if len(joiners) != 1:
            return None
        a, b = joiners[0]
        return [" ".join(before[:a]), " ".join(before[b:])]

    def _opened_with(
        self, match: Match, end: int, found: list[tuple[int, int]]
    ) -> list[str] | None:
        """A message opening with a comparison word: the first side after it, up to the one
        word that turns to the second ("thì"), the second up to the next comparison word."""
        words = match.question
        stop = min((a for a, _ in found if a >= end), default=len(words.tokens))
        turns = [
            (a, b)
            for a, b in spans(words.folded, self.reading.comparison_turns, words.tokens)
            if end < a < stop
        ]
        tokens = words.tokens
        if not turns:  # "chênh lệch giữa A và B là bao nhiêu?": the one joiner between them
            joiners = spans(words.folded[end:], self.reading.drop_joiners, tokens[end:])
            if len(joiners) != 1:
                return None
            a, b = (end + at for at in joiners[0])
            return [" ".join(tokens[end:a]), " ".join(tokens[b:])]
        if len(turns) != 1 or stop == len(tokens):  # "so với A thì chiếm …": a share
            return None
        (a, b) = turns[0]
        return [" ".join(tokens[end:a]), " ".join(tokens[b:stop])]

    def bare(self, side: str) -> bool:
        """A side naming at most one thing of its own ("ở những mặt nào")."""
        words = self.reader.words(side)
        light = self.reader.responder.light_words
        return len(own_words(words.folded, words.tokens, self.reading, light)) < BARE_SIDE
