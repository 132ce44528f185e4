"""A list of items sharing one question word: "tổng số cán bộ, số có bằng đại học và số đảng
viên là bao nhiêu?", "what's the date, author and views?". Read only when every item, on its
own, names one fact surely; an opening phrase ("sau khi được đào tạo, …") is no item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.group_facts import smallest_group
from bot.kb.model import Thresholds
from bot.kb.understanding import COMMA
from bot.phrases import has_phrase, spans
from bot.reply import Reply
from bot.understanding import Clause, names_a_count, split_clauses

if TYPE_CHECKING:
    from bot.matcher import Match
    from bot.reading import Reader
    from bot.several import Several

MAX_ITEMS = 5  # items of a list sharing one question word
BOUND_NOUN = 2  # words of the noun a list's last item asks about ("báo nào", "ngày đăng nào")


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
        for at, item in enumerate(items):
            match = self.reader.match(item.text)
            if at in (0, len(items) - 1) and self._pleasantry(item.text, match):
                continue  # "…, author and view count? tks": thanks are no item
            if self.several.introduces(match) or (
                self.several.only_qualifies(match) and not names_a_count(match)
            ):
                return None
            bare = match.only_question_words and not self._noun_and_its_ask(item)
            if bare or self.reader.totals.only_total_cues(match):
                return None  # "…, tất cả là bao nhiêu?": the sum of the others, not an item
            reply = self.reader.single(item.text, match, ())
            fact = _sure_fact(reply, self.kb.settings.thresholds)
            if fact is None or reply.score < answer:
                return None
            facts.append(fact)
            scores.append(reply.score)
        if len(facts) < 2 or len(set(facts)) < len(facts) or set(facts) <= set(whole.intents or ()):
            return None
        group = smallest_group(self.reader.groups, facts)
        return self.responder.answer_many(question, facts, min(scores), group, with_total=False)

    def _noun_and_its_ask(self, clause: Clause) -> bool:
        """ "…, báo nào?": a noun of at most two words and the question word asking about it."""
        question = self.reader.match(clause.text).question
        folded = question.folded
        found = spans(folded, self.reading.bound_asks, question.tokens)
        return any(b == len(folded) and 1 <= a <= BOUND_NOUN for a, b in found)

    def _pleasantry(self, text: str, match: Match) -> bool:
        return self.reader.single(text, match, ()).status == "smalltalk"

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
            return at(last, end=True) or self._noun_and_its_ask(last)
        return first.own_cue and not any(c.own_cue for c in items[1:]) and at(first, end=False)


def _sure_fact(reply: Reply, thresholds: Thresholds) -> str | None:
    """The one fact an item names surely: its answer, or the best guess, far ahead, of an
    item naming no subject alone ("báo nào?" asks back by itself; after "ngày đăng, tên bài"
    the list is its subject)."""
    if reply.status == "answer" and len(reply.intents) == 1:
        return reply.intents[0]
    top = reply.candidates[:2]
    sure = bool(top) and top[0][1] >= thresholds.answer
    far = len(top) == 1 or (len(top) == 2 and top[0][1] - top[1][1] >= thresholds.lead)
    return top[0][0] if reply.status == "clarify" and sure and far else None
