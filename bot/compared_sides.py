"""The two things a message compares: before and after the comparison word ("A nhiều hơn B"),
after a word that opens it ("So với A thì B …", "chênh lệch giữa A và B"), or the two a joiner
pairs before it ("A với B, bên nào nhiều hơn?"); whether it asks a comparison at all, and which
two parts just given it names ("xã gấp đôi huyện luôn hả?") — comparisons.py answers them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.group_named import names_every_part
from bot.levels import part_words
from bot.phrases import joined, outside, own_words, question_cues, spans
from bot.slot_finder import pattern_in

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bot.kb import Group
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

    def led_in(self, question: str, match: Match, start: int) -> bool:
        """Nothing before the comparison word at `start` but light words and slot values ("vậy
        là ít hơn ở xã à?", "xã nhiều hơn à?"): a follow-up comparing with the figure just given."""
        if re.search(r"[.?!;]", question.strip().rstrip(".?!… ")):
            return False  # "Con số ấy so với … thì ít nhỉ. Mà số đảng viên?": a remark, then a question
        text = " " + " ".join(match.question.folded[:start]) + " "
        for slot in self.reader.kb.settings.slots:
            text = pattern_in(slot, text).sub(" ", text)
        light = self.reader.responder.light_words
        return all(w in light for w in text.split())

    def both_given(
        self, match: Match, earlier: Sequence[str], compared: Sequence[Group]
    ) -> Group | None:
        """The group of `compared` whose parts were all just given (`earlier`) and the message
        names each by its value, with a comparison word ("xã gấp đôi huyện luôn hả?")."""
        words = match.question
        if not spans(words.folded, self.reading.comparison_cues, words.tokens):
            return None
        responder = self.reader.responder
        named = responder.matcher.slot_values(words)
        parts_named = part_words(responder, match)  # "huyện" beside "xã"
        for group in compared:
            values = named.get(group.by, set()) | parts_named.get(group.by, set())
            if set(group.parts) <= set(earlier) and names_every_part(self.reader.kb, group, values):
                return group
        return None

    def compares(self, match: Match) -> bool:
        """A comparison word with a question word after it: "nhiều hơn … mấy người?" (not
        "mấy người học cao hơn bằng cử nhân?"), or right after "which": "bên nào nhiều hơn?"."""
        words, marked = match.question.folded, match.question.tokens
        compared = spans(words, self.reading.comparison_cues, marked)
        if not compared:
            return False
        first = min(start for start, _ in compared)
        if "hay" in words[first:] and len(compared) >= 2:
            return True  # "A nhiều hơn hay B nhiều hơn?": which of the two
        if self.gap_named_first(match):
            return True  # "chênh lệch giữa A và B": the gap named, asked without a question word
        cues = question_cues(words, marked, self.reading)
        which = {p[0] for p in self.reading.bound_asks if len(p) == 1} - {"gi", "j"}
        return any(start > first for start, _ in cues) or any(
            first - 2 <= start < first and words[start] in which for start, _ in cues
        )

    def gap_named_first(self, match: Match) -> bool:
        """ "chênh lệch giữa A và B": the gap named first, its sides after it."""
        words, marked = match.question.folded, match.question.tokens
        return any(a == 0 for a, _ in spans(words, self.reading.gap_openers, marked))
