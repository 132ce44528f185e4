"""A list of items sharing one question word: "tổng số cán bộ, số có bằng đại học và số đảng
viên là bao nhiêu?", "what's the date, author and views?". Read only when every item, on its
own, names one fact surely; an opening phrase ("sau khi được đào tạo, …") is no item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.groups import smallest_group
from bot.kb.understanding import COMMA
from bot.phrases import has_phrase, spans
from bot.reply import Reply
from bot.several import names_a_count
from bot.understanding import Clause, split_clauses

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.several import Several

MAX_ITEMS = 5  # items of a list sharing one question word


class Items:
    def __init__(self, reader: Reader, several: Several) -> None:
        self.reader, self.several = reader, several
        self.responder, self.kb = reader.responder, reader.kb
        self.reading, self.light_words = reader.reading, reader.light_words

    def read(self, question: str, whole: Reply) -> Reply | None:
        """ "tổng số cán bộ, số có bằng đại học và số đảng viên là bao nhiêu?": items sharing
        the one question word of the last, each naming one fact surely on its own."""
        words = self.reader.match(question).question
        joiners = self.reading.drop_joiners + self.reading.keep_joiners
        if not COMMA.search(question) and not has_phrase(words.folded, joiners, words.tokens):
            return None  # nothing to cut at: no list
        items = split_clauses(question, self.reading, self.kb.tables, as_list=True)
        if not 2 <= len(items) <= MAX_ITEMS or not self._shares_its_ask(items):
            return None
        answer = self.kb.settings.thresholds.answer
        facts: list[str] = []
        scores: list[float] = []
        for item in items:
            match = self.reader.match(item.text)
            if self.several.introduces(match) or (
                self.several.only_qualifies(match) and not names_a_count(match)
            ):
                return None
            if match.only_question_words or self.reader.totals.only_total_cues(match):
                return None  # "…, tất cả là bao nhiêu?": the sum of the others, not an item
            reply = self.reader.single(item.text, match, ())
            if reply.status != "answer" or len(reply.intents) != 1 or reply.score < answer:
                return None
            facts.append(reply.intents[0])
            scores.append(reply.score)
        if len(set(facts)) < len(facts) or set(facts) <= set(whole.intents or ()):
            return None
        group = smallest_group(self.reader.groups, facts)
        return self.responder.answer_many(question, facts, min(scores), group, with_total=False)

    def _shares_its_ask(self, items: list[Clause]) -> bool:
        """Only the last item asks, by a word ending it that asks the same of every item ("…,
        số đảng viên là bao nhiêu?"); or only the first, by such a word opening it."""
        light = self.light_words

        def at(clause: Clause, end: bool) -> bool:
            question = self.reader.match(clause.text).question
            folded = question.folded
            return any(
                all(w in light for w in (folded[b:] if end else folded[:a]))
                for a, b in spans(folded, self.reading.shared_asks, question.tokens)
            )

        first, last = items[0], items[-1]
        if last.own_cue and not any(c.own_cue for c in items[:-1]):
            return at(last, end=True)
        return first.own_cue and not any(c.own_cue for c in items[1:]) and at(first, end=False)
