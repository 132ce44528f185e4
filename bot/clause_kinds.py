"""What a clause of a message is, apart from the fact it names: who asks ("em là phóng viên"),
a confirmation or a comparison of the clauses before, a level or role narrowing the next one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import message_memo
from bot.clause_choice import lead_of
from bot.phrases import has_phrase, only_phrases, outside, phrase_at, question_cues, spans
from bot.picks import SURE_ALONE
from bot.slot_finder import pattern_in
from bot.understanding import names_a_count

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.followup_words import FollowUpWords
    from bot.kb import KnowledgeBase, Understanding
    from bot.matcher import Match
    from bot.normalize import Normalized
    from bot.reading import Reader
    from bot.reply import Reply

_CLOSE_COUNT = 15.0  # points a count may trail a fact of no count, as an item of a sum
_RARE = 3  # intents at most a word of a clause's own fact is written with
_COUNT_LEAD = 15  # a count ("số ở cấp xã") this far ahead names its fact ("số cán bộ" does not)


class ClauseKinds:
    """Read by `Several` (and the readers that ask it what a clause is)."""

    reader: Reader
    responder: Responder
    kb: KnowledgeBase
    reading: Understanding
    light_words: frozenset[str]
    follow_words: FollowUpWords
    _total_words: set[str]

    def only_request(self, match: Match) -> bool:
        """A request around what is asked, naming nothing ("gửi mình luôn nhé", "cho mình xin
        lần lượt": how the items come, not a count of views; "tóm tắt giúp tôi cả hai": what
        to do with the things named before)."""
        words, reading = match.question, self.reading
        aside = spans(words.folded, reading.distributive_cues, words.tokens)
        pointers = spans(words.folded, reading.items_before, words.tokens)
        if pointers:
            aside += pointers + spans(words.folded, reading.item_requests, words.tokens)
        return all(w in reading.announcing_words for w in outside(words.folded, aside))

    def of_each_before(self, match: Match) -> bool:
        """ "mỗi loại bao nhiêu lượt": a count asked of each thing named before, naming none."""
        words = match.question
        each = spans(words.folded, self.reading.distributive_cues, words.tokens)
        aside = [i for a, b in each for i in range(a, b)]
        return bool(each) and self.follow_words.counts_a_unit(words, aside)

    def counts_only(self, match: Match) -> bool:
        """ "…, mấy người?", "…, bài báo ghi bao nhiêu?": a count of what was named before,
        naming nothing but where it is read."""
        words = match.question
        frames = spans(words.folded, self.reading.source_frames, words.tokens)
        aside = [i for a, b in frames for i in range(a, b)]
        return self.follow_words.counts_a_unit(words, aside)

    def counts_those_before(self, match: Match, before: str) -> bool:
        """ "bí thư … được đi học lớp riêng, có mấy người đi?": a count whose other words
        the clause `before` says (those who went), naming nothing new."""
        words = match.question
        if self.responder.matcher.slot_values(words) != {"ask": {"count"}}:
            return False  # (not "…, ai viết?", "…, đại học bn ng?": of their own)
        if self.counts_only(match) or self.asks_of_those_before(match):
            return False  # bare without them ("…, mấy người?", "…, hơn bao nhiêu?"): as such
        said = set(message_memo.words(self.responder.matcher, before).folded)
        echoed = [i for i, w in enumerate(words.folded) if w in said]
        content = {words.tokens[i].lower() for i in echoed} - self.kb.settings.filler
        return bool(content) and self.follow_words.counts_a_unit(words, echoed)

    def introduces(self, match: Match) -> bool:
        return self.introduces_words(match.question)

    def introduces_words(self, question: Normalized) -> bool:  # "em là phóng viên, …"
        return has_phrase(question.folded, self.reading.introductions, question.tokens)

    def confirms(self, match: Match) -> bool:
        """ "…, có đúng không?": nothing but a confirmation asked, of the clauses before (read
        as "chắc không?" after an answer is)."""
        return self.responder.follow_ups.words.only_confirms(match)

    def compares(self, match: Match) -> bool:
        """ "khác nhau chỗ nào?": nothing but how the things asked before compare."""
        words, marked = match.question.folded, match.question.tokens
        found = spans(words, self.reading.likeness_asks, marked)
        asks = spans(words, self.reading.question_cues, marked)
        return bool(found) and all(
            w in self.light_words or any(a <= i < b for a, b in (*found, *asks))
            for i, w in enumerate(words)
        )

    def asks_of_those_before(self, match: Match) -> bool:
        """A confirmation, how they compare, or how: asked of the clauses before; or the
        other answer of the yes-no question before ("…, hay vẫn ngồi chỗ cũ?")."""
        return (
            self.confirms(match)
            or self.compares(match)
            or self.asks_how_only(match)
            or self.offers_the_other_answer(match)
            or self.asks_if_figured(match)
        )

    def asks_if_figured(self, match: Match) -> bool:
        """ "…? có số ko hay nói chung chung": whether the article gives a figure for it."""
        return only_phrases(match.question, self.reading.figure_given_asks, self.light_words)

    def offers_the_other_answer(self, match: Match) -> bool:
        """ "hay vẫn ngồi chỗ cũ": "or" opening words that ask nothing of their own."""
        words, marked = match.question.folded, match.question.tokens
        return phrase_at(words, self.reading.other_answers, marked, 0) > 0 and not question_cues(
            words, marked, self.reading
        )

    def asks_how_only(self, match: Match) -> bool:
        """ "…, làm sao?", "…, hơn bao nhiêu?": nothing but how (or by how much), of the
        clause before."""
        words, marked = match.question.folded, match.question.tokens
        found = spans(words, self.reading.how_asks, marked)
        found += spans(words, self.reading.comparison_cues, marked)
        return bool(found) and all(
            w in self.light_words or any(a <= i < b for a, b in found) for i, w in enumerate(words)
        )

    def only_qualifies(self, match: Match) -> bool:
        """Nothing but slot values and light words ("cán bộ cấp huyện", "ở xã"): it narrows
        the clause next to it rather than naming a fact of its own."""
        if not self.only_values(match):
            return False
        # "số người trên đại học" names one fact far ahead of any other: an item, no qualifier
        # ("xã" reaches many facts alike); so does a count well ahead ("số ở cấp xã, thị trấn")
        best = match.candidates[:1]
        lead = lead_of(match)
        thresholds = self.kb.settings.thresholds
        needed = _COUNT_LEAD if names_a_count(match) else thresholds.lead
        return not (best and best[0].score >= thresholds.answer and lead >= needed)

    def names_more(self, match: Match) -> bool:
        """Something beside a level and light words ("… thạc sĩ bao nhiêu?"), not only "Điện
        Biên Đông cấp xã bao nhiêu?", which asks of what was said before it."""
        named = set(self.responder.matcher.slot_values(match.question)) - {"level", "ask"}
        return bool(named) or not self.only_values(match)

    def course_at_level(self, match: Match, question: str) -> bool:
        """A course named at a level ("trung cấp LLCT xã") in a message asking no sum: a fact of
        its own, no qualifier (in "cộng …: A, B" the sum's parts are read together)."""
        named = self.responder.matcher.slot_values(match.question)
        return {"level", "course"} <= set(named) and not self.reader.totals.asks_total(question)

    def names_more_in(self, text: str) -> bool:
        return self.names_more(self.reader.match(text))

    def only_values_in(self, text: str) -> bool:  # "tổng cán bộ xã": no words of its own
        return self.only_values(self.reader.match(text))

    def only_values(self, match: Match) -> bool:
        words = match.question  # nothing but slot values, light words, total cues — asked of
        each = spans(words.folded, self.reading.distributive_cues, words.tokens)  # each ("mỗi cấp")
        text = base = " ".join(outside(words.folded, each)) if each else words.folded_text
        for slot in (*self.kb.settings.slots, *self.kb.conversation.part_words):
            if slot.name != "ask":  # "cán bộ huyện" (a part word) is a value too
                text = pattern_in(slot, text).sub(" ", text)
        named = text.split() != base.split()
        totals = self._total_words
        return named and all(w in self.light_words or w in totals for w in text.split())

    def of_its_own(
        self, text: str, match: Match, reply: Reply, before: Sequence[str], bare: bool
    ) -> Reply:
        """A clause read after the one before that the article does not answer so, which alone
        surely names a fact of its own ("công chức xã học gì & mỗi năm ngành giáo dục … bao
        nhiêu lượt": the education sector's, not a yearly figure of the commune's training); a
        bare count of a topic named before it, of several counts ("Trung cấp chính trị: số
        người?"): each."""
        if not before:
            return reply
        if bare and reply.status == "clarify" and len(before) > 1 and self._counts(before):
            return self.responder.answer_many(
                text, list(before), self.kb.settings.thresholds.answer
            )
        if not (reply.unstated or reply.status == "fallback"):
            return reply
        alone = self.reader.single(text, match, ())
        if alone.status != "answer" or alone.score < SURE_ALONE:
            return reply
        return alone if self._names_its_own(match, alone.intents, before) else reply

    def with_unanswered(
        self, before: str | None, text: str, reply: Reply, bare: bool
    ) -> tuple[Reply, str | None]:
        """A bare count right after a clause the article does not answer alone ("năm nào giáo
        viên cũng được bồi dưỡng đúng không, được bao nhiêu lượt thế?"): of that clause, read
        with it (alone, "bao nhiêu lượt" would be the page's views). With the reply, the clause
        the next one may be of: this one, when it is not answered alone either."""
        if bare and before and not reply.unstated:
            joined = f"{before}, {text}"
            both = self.reader.single(joined, self.reader.match(joined), ())
            reply = both if both.status == "answer" else reply
        return reply, (text if reply.status == "fallback" and not reply.unstated else None)

    def _names_its_own(self, match: Match, facts: Sequence[str], before: Sequence[str]) -> bool:
        """A word of the clause only the facts read alone (and few others) are written with,
        none of those before ("ngành giáo dục"; not "bao nhiêu lượt", which many facts count)."""
        vocabularies, kb = self.responder.follow_ups.vocabularies, self.kb
        words = {w for w in match.question.folded if w not in self.light_words}
        mine = set().union(*(vocabularies.of(i) for x in facts if (i := kb.intent(x))))
        theirs = set().union(*(vocabularies.of(i) for x in before if (i := kb.intent(x))))
        for word in words & mine - theirs:
            if sum(word in vocabularies.of(i) for i in kb.intents) <= _RARE:
                return True
        return False

    def as_count(self, reply: Reply) -> Reply:
        """An item of a sum asked ("cộng …: …, số cán bộ học chuyên viên cấp huyện") that read
        as a fact of no count: the count close behind it, the only kind a sum adds."""
        if len(reply.intents) != 1 or self._counts(reply.intents):
            return reply
        top = reply.candidates[0][1] if reply.candidates else 0.0
        for intent_id, score in reply.candidates[1:3]:
            intent = self.kb.intent(intent_id)
            if intent is not None and self._counts((intent_id,)) and score >= top - _CLOSE_COUNT:
                return self.responder.answer_as(reply.question, intent, score)
        return reply

    def _counts(self, intent_ids: Sequence[str]) -> bool:  # "số người?" asks each a count
        return all(self.reader.comparisons.counts(x) for x in intent_ids)

    def _facts(self, intent_ids: list[str]) -> bool:  # "chào bạn, cảm ơn" lists no facts
        return not any((i := self.kb.intent(x)) and i.kind == "smalltalk" for x in intent_ids)
