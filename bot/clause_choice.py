"""Whether a message is read clause by clause: several questions, a list asked together ("cả A
lẫn B"), a clause that asks apart from the rest — or one question whose clauses only qualify it
("cả huyện lẫn xã có tổng cộng bao nhiêu …")."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from bot.group_facts import smallest_group
from bot.phrases import has_phrase, own_words_but, spans
from bot.understanding import Clause, names_a_count

if TYPE_CHECKING:
    from bot.kb import KnowledgeBase
    from bot.kb.model import Understanding
    from bot.matcher import Match
    from bot.reply import Reply
    from bot.several import Several


_PEOPLE_AND_PLACE = frozenset({"nguoi", "ng", "toan", "huyen", "ca", "cap", "xa", "tat"})


def names_a_fact(kb: KnowledgeBase, match: Match) -> bool:
    """A fact scores high enough to answer ("which newspaper?" is the source)."""
    bar = kb.settings.thresholds.answer
    return any(c.intent.kind != "smalltalk" and c.score >= bar for c in match.candidates[:3])


def asks_of_the_one_before(
    reading: Understanding, light_words: frozenset[str], match: Match
) -> bool:
    """ "…, về vấn đề gì?", "…, bài nói sao?": a clause of one such phrase and particles asks more
    of the clause before; "bài báo nói về vấn đề gì" (a word of a phrase left over) does not."""
    words = match.question.folded
    own = _words_of(reading.of_the_one_before)
    return any(
        all(w in light_words and w not in own for i, w in enumerate(words) if not a <= i < b)
        for a, b in spans(words, reading.of_the_one_before, match.question.tokens)
    )


@cache
def _words_of(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(w for phrase in phrases for w in phrase)


def lead_of(match: Match) -> float:
    """How far the best candidate is ahead of the next."""
    best = match.candidates[:2]
    if not best:
        return 0.0
    return best[0].score - (best[1].score if len(best) > 1 else 0.0)


class ClauseChoice:
    def __init__(self, several: Several) -> None:
        self.several = several
        self.reader, self.responder = several.reader, several.responder
        self.kb, self.reading = several.kb, several.reading

    def asks_the_whole(self, clause: Clause, match: Match) -> bool:
        """ "huyện có bn cán bộ tất cả, bn người …?": a first clause whose total cue asks the
        whole district's figure, which it alone answers — no sum of the clauses after it."""
        if not clause.asks:
            return False
        reply = self.reader.single(clause.text, match, ())
        intent = self.kb.intent(reply.intent or "") if reply.status == "answer" else None
        every = self.kb.settings.slot_every.get("level")
        return intent is not None and every in intent.slots.get("level", ())

    def asks_on(self, match: Match) -> bool:
        """ "…, kèm số đảng viên": a joiner that asks on, adding a question to any total."""
        words = match.question
        return has_phrase(words.folded, self.reading.asking_joiners, words.tokens)

    def worth_reading(self, clauses: list[Clause], match: Match, whole: Reply) -> bool:
        """Worth reading clause by clause: the message is not answered as a whole, or more than
        one clause asks by a word of its own, or it asks for each of several things."""
        if whole.status == "smalltalk" and not any(c.asks for c in clauses):
            return False  # "khách vào rồi, chị đi đây": a goodbye, nothing asked of the last answer
        if whole.status != "answer":
            return True
        words, marked = match.question.folded, match.question.tokens
        each = has_phrase(words, self.reading.distributive_cues, marked)
        if each and self._each_level_given(match, whole):
            return False  # "… ở cấp huyện và ở cấp xã mỗi nơi bao nhiêu?": the whole, per level
        listing = self.lists(match.question.text, clauses)
        asking = sum(c.own_cue for c in clauses)
        checked = self.checks_figures(clauses, match)
        return each or listing or asking != 1 or checked or self._asks_apart(clauses, whole)

    def checks_figures(self, clauses: list[Clause], match: Match) -> bool:
        """ "huyện có 1.999 CBCC, trong đó 294 ở cấp xã, đúng không?": figures stated apart and
        checked together — each clause checks its own."""
        words = match.question
        stated = sum(any(ch.isdigit() for ch in c.text) for c in clauses)
        return stated > 1 and has_phrase(words.folded, self.reading.confirmations, words.tokens)

    def _each_level_given(self, match: Match, whole: Reply) -> bool:
        """The whole message answered with a fact for every level it names (two or more)."""
        levels = self.responder.matcher.slot_values(match.question).get("level", set())
        given = [self.kb.intent(i) for i in whole.intents]
        covered = {v for i in given if i is not None for v in i.slots.get("level", ())}
        return whole.status == "answer" and len(levels) >= 2 and levels <= covered

    def _asks_apart(self, clauses: list[Clause], whole: Reply) -> bool:
        """ "cho em xin tiêu đề bài và tóm tắt nội dung", "Số đảng viên là bao nhiêu? À thêm cả
        số …": a clause that asks (by its own word or the message's) and surely answers another
        fact than the whole, far ahead of any other."""
        thresholds = self.kb.settings.thresholds
        for clause in clauses:
            if not clause.asks:
                continue
            match = self.reader.match(clause.text)
            best = match.candidates[0] if match.candidates else None
            if (
                best is not None
                and best.intent.id not in whole.intents
                and best.score >= thresholds.answer
                and lead_of(match) >= thresholds.lead
            ):
                return True
        return False

    def lists(self, question: str, clauses: list[Clause]) -> bool:
        """ "cả A lẫn B": two things asked — unless A or B is only a level ("cả huyện lẫn
        xã"), or the two are the parts of a total asked for ("tính cả A lẫn B, tất cả …")."""
        words = self.reader.words(question)
        if not has_phrase(words.folded, self.reading.list_joiners, words.tokens):
            return False
        matches = [self.reader.match(c.text) for c in clauses]
        if self.reader.totals.asks_total(question) and self._summable(matches):
            return False
        if self._values_paired(matches):
            return False  # "cả huyện lẫn xã có tổng cộng bao nhiêu …": two levels, one question
        return not any(self.several.only_qualifies(m) for m in matches)

    def _values_paired(self, matches: list[Match]) -> bool:
        """A clause of only a slot's value beside one naming another value of that slot: a
        pair the rest of the message asks about."""
        named = [self.responder.matcher.slot_values(m.question) for m in matches]
        for i, match in enumerate(matches):
            if not self.several.only_values(match) or names_a_count(match):
                continue  # "…, lẫn số ở cấp xã": a count, an item of its own
            for slot, values in named[i].items():
                others = {v for j, n in enumerate(named) if j != i for v in n.get(slot, ())}
                if slot != "ask" and others - values:
                    return True
        return False

    def _summable(self, matches: list[Match]) -> bool:
        """The best facts of the clauses are parts of a group the article sums ("tổng số
        cán bộ lẫn số ở cấp xã" are two counts, of a difference, never a sum)."""
        best = [m.candidates[0].intent.id for m in matches if m.candidates]
        group = smallest_group(self.reader.groups, best)
        return group is not None and group.total is not None

    def narrower_total(
        self,
        summed: Reply,
        several: Reply,
        whole: Reply,
        clauses: list[Clause],
        earlier: tuple[str, ...],
    ) -> bool:
        """ "tổng số lượt … cấp xã (chuyên môn + qlnn)": the declared sum of the whole message,
        whose parts the clauses read one by one also give, and more (a level named once, for
        all) — not when each clause asking a total answers a fact of its own, none of the sum's
        ("…; cấp xã bao nhiêu; tổng CBCC toàn huyện bao nhiêu?": the district's total)."""
        if summed is whole or len(summed.intents) < 2:
            return False
        if not set(summed.intents) < set(several.intents):
            return False
        asking = [c for c in clauses if self.reader.totals.asks_total(c.text)]
        return not asking or not all(self._apart_from(c, summed, earlier) for c in asking)

    def _names_its_own(self, match: Match) -> bool:
        """Words beyond the total, the level and people ("tổng CBCC toàn huyện", not "tổng
        cộng toàn huyện bao nhiêu người?": what the clauses before count)."""
        words = match.question
        cues = {
            k
            for a, b in spans(words.folded, self.reading.total_cues, words.tokens)
            for k in range(a, b)
        }
        light = self.responder.light_words | _PEOPLE_AND_PLACE
        return bool(own_words_but((words.folded, words.tokens), cues, self.reading, light))

    def _apart_from(self, clause: Clause, summed: Reply, earlier: tuple[str, ...]) -> bool:
        """The clause names the whole district ("tổng CBCC toàn huyện") and alone answers a
        fact of its own ("…, tổng cộng bao nhiêu người học?" names nothing: the sum's)."""
        match = self.reader.match(clause.text)
        every = self.kb.settings.slot_every.get("level")
        levels = self.responder.matcher.slot_values(match.question).get("level", set())
        if levels != {every} or not self._names_its_own(match):
            return False
        alone = self.reader.single(clause.text, match, earlier)
        return alone.status == "answer" and set(alone.intents).isdisjoint(summed.intents)
