"""Two figures taken together: "hai số này trùng nhau à", "chênh lệch giữa hai số đó?", "tổng
hai cái đó" after two answers (after one figure such a message points at it and at the answer
before), and "cộng với trung cấp cấp huyện thì sao" (the figure just given and the one named).
Both are set side by side, with only the sum or the gap a group declares (a figure of the bot's
own would be a number the article never gives)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import message_memo
from bot.group_facts import exact_group
from bot.phrases import count_of, has_phrase, spans, why_in

ADDING_AT = 2  # words at most before the word that adds ("vậy cộng thêm …")

if TYPE_CHECKING:
    from bot.matcher import Match
    from bot.reading import Reader
    from bot.reply import Reply


class Pairs:
    def __init__(self, reader: Reader) -> None:
        self.reader, self.kb = reader, reader.kb
        reading = reader.reading
        self._markers, self._why = reading.pair_markers, reading.pair_why
        self._all = reading.pair_all_markers  # "cộng hết lại": every figure just given
        cues = (
            reading.pair_markers,
            reading.pair_all_markers,
            reading.pair_requests,
            reading.sameness_cues,
            reading.comparison_cues,
            reading.difference_cues,
            reading.total_cues,
            reading.doubt_cues,
            reading.list_things,
        )
        # the words a message pointing at the two may say beside the markers
        self._cue_spans = tuple(p for phrases in cues for p in phrases)
        self._beside = reading.pair_words | reading.sum_words | reader.light_words
        self._adding = reading.adding_cues
        self._adding_summed = reading.adding_cues + reading.adding_to_total  # beside a total
        self._total_cues = reading.total_cues

    def widened(self, question: str, earlier: tuple[str, ...], before: Sequence[str]) -> tuple:
        """`earlier` (the last answer's facts), after `before` (the answer's before them) when
        the message points at more figures than the last answer gave ("hai số này …" after
        one, "tổng 3 số trên" after two)."""
        if not before or set(before) <= set(earlier):
            return earlier
        words = message_memo.normalized(question, self.kb.tables)
        said = self._said(words.folded, words.tokens)
        every = has_phrase(words.folded, self._all, words.tokens)  # "cộng hết lại"
        pointed = len(earlier) == 1 and has_phrase(words.folded, self._markers, words.tokens)
        if not (pointed or every or said > len(earlier)):
            return earlier
        counts = self.reader.comparisons.counts  # a year, a name: no figure to add
        added = [b for b in before if b not in earlier and (counts(b) or not every)]
        return (*added, *earlier) if added else earlier

    def read(self, question: str, match: Match, earlier: Sequence[str]) -> Reply | None:
        """The figures just given, when the message points at them ("hai số này", "3 số trên")
        and names nothing else."""
        if len(earlier) < 2:
            return None  # fewer than two figures just given (however many it points at)
        words, marked = match.question.folded, match.question.tokens
        said = self._said(words, marked)
        if len(earlier) < max(2, said) or why_in(words, marked, self._why):
            return None
        every = has_phrase(words, self._all, marked)  # "cộng hết lại": all of them
        if not (said or every or has_phrase(words, self._markers, marked)):
            return None
        covered = {i for a, b in spans(words, self._cue_spans, marked) for i in range(a, b)}
        rest = [w for i, w in enumerate(words) if i not in covered and w not in self._beside]
        rest = [w for w in rest if count_of(w, self.kb.tables.number_roles) is None]
        facts = list(earlier) if every and not said else list(earlier[-(said or 2) :])
        if rest or not all(self.reader.comparisons.counts(f) for f in facts):
            return None  # "hai số đó có tính cả viên chức không?": asks of them, not both
        score = self.kb.settings.thresholds.answer
        if self.reader.totals.asks_total(question):  # "tổng hai cái đó": a sum only if declared
            group = exact_group(self.reader.groups, facts)
            return self.reader.responder.answer_many(question, facts, score, group, True)
        base = self.reader.responder.answer_many(question, facts, score)
        return self.reader.comparisons.both(question, facts, score, base)

    def _said(self, folded: Sequence[str], marked: Sequence[str]) -> int:
        """How many figures the words point at: a count before a word for figures ("3 số
        trên", "hai con số đó"); 0 if none."""
        roles = self.kb.tables.number_roles
        for i, word in enumerate(folded):
            count = count_of(word, roles)
            if not count or count < 2:
                continue
            things = spans(folded[i + 1 :], self.reader.reading.list_things, marked[i + 1 :])
            if any(a == 0 for a, _ in things):
                return count
        return 0

    def added(self, question: str, match: Match, earlier: Sequence[str]) -> Reply | None:
        """ "cộng với trung cấp cấp huyện thì sao": opening with a word that adds, after one
        figure, the fact the rest names (read as a follow-up of it) — both, and their sum if a
        group declares it."""
        words, marked = match.question.folded, match.question.tokens
        # "thêm X vào thì tổng …": "thêm" adds beside a total cue only
        summed = has_phrase(words, self._total_cues, marked)
        adding = self._adding_summed if summed else self._adding
        opening = [b for a, b in spans(words, adding, marked) if a <= ADDING_AT]
        if len(earlier) != 1 or not opening:
            return None
        rest = " ".join(marked[max(opening) :])
        named = self.reader.single(rest, self.reader.match(rest), tuple(earlier))
        if named.status != "answer" or len(named.intents) != 1:
            return None
        facts = [earlier[0], named.intents[0]]
        comparisons = self.reader.comparisons
        if facts[0] == facts[1] or not all(comparisons.counts(f) for f in facts):
            return None
        group = exact_group(self.reader.groups, facts)
        return self.reader.responder.answer_many(question, facts, named.score, group, True)
