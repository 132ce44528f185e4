"""Follow-up questions: "còn cấp xã thì sao?", "vậy trung cấp?", "tại sao?", "hồi nào?",
"chiếm mấy phần trăm?", read against the facts the chat was last answered with.

Where a follow-up may go is declared in the KB (intents' `related` and `slots`, groups.yaml,
conversation.yaml); a message naming something new ("vậy bao nhiêu đảng viên?") stands alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.followup_attributes import FollowUpAttributes
from bot.followup_checks import (
    asks_whom_it_says,
    doubts_its_figure,
    figure_named_first,
    figure_of_one,
    level_counterpart,
    mentioned_in_it,
    names_another_post,
    names_the_bot,
    no_level_counterpart,
    of_the_article,
    offered_elsewhere,
    present_again,
    said_about,
    told_in_it,
    who_of,
    whole_by_figure,
    why_of,
)
from bot.followup_pool import FollowUpPool
from bot.followup_switch import STANDALONE_SURE, FollowUpSwitch, answer_of
from bot.followup_words import Cues, FollowUpWords
from bot.group_facts import parts_beside, smallest_group
from bot.kb import Intent
from bot.named_slots import keeps, named_of, new_values
from bot.own_place import OwnPlace
from bot.phrases import asks
from bot.quotes import QuoteAsks, quoted
from bot.related import Vocabularies
from bot.reply import Reply
from bot.share_words import ShareWords
from bot.shares import share_asked, whole_named
from bot.slots import OnlyFact
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match

BRIEF = 5  # words of a follow-up that asks what the last answer says, however sure alone
BARE_FOLLOW_UP = 2  # words of a follow-up naming one thing the previous answer may give
IGNORED_ASKS = frozenset({"count", "count_other", "what", "content"})  # asks every fact answers


class FollowUps:
    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.kb = responder.kb
        self.conversation = responder.kb.conversation
        self.words = FollowUpWords(responder.kb, responder.light_words)
        self.quotes = QuoteAsks(self.words)  # "nguyên văn thế nào?"
        self.vocabularies = Vocabularies(responder.kb)
        self.pool = FollowUpPool(responder)
        self.own_place = OwnPlace(responder.kb)
        self.attributes = FollowUpAttributes(responder, self.words)
        only = OnlyFact(responder.kb.intents)
        self.switch = FollowUpSwitch(responder, self.pool, only, self.vocabularies.knows)
        self.share_words = ShareWords(responder.kb)

    def read(
        self, question: str, match: Match, earlier: Sequence[str], standalone: Reply
    ) -> Reply | None:
        """The reply to `question` read as a follow-up of `earlier` (the facts of the last
        answer, the last one first in mind), or None if it is not one."""
        earlier = figure_named_first(self.kb, match, earlier)  # "ý mình là 712 … ĐH á, …"
        previous = self.kb.intent(earlier[-1])
        if previous is None:
            return None
        cues = self.words.read(match, self.responder.matcher.slot_values(match.question))
        # words of the previous topic name nothing new ("ban hành hồi nào?" after resolution 03)
        typed = dict(zip(match.question.folded, match.question.tokens, strict=True))
        knows = lambda w: self.vocabularies.knows(previous, w, typed.get(w, w))  # noqa: E731
        leftover = [w for w in cues.leftover if not knows(w)]
        # "ai phát biểu?" after a fact asks that fact's speaker, however like "who are you"
        addressed = names_the_bot(self.responder, match)
        asks_of_it = match.only_question_words and bool(cues.asked) and not addressed
        answered = standalone.status == "answer" or (
            standalone.status == "smalltalk" and not cues.named and not asks_of_it
        )
        of_article = of_the_article(self.kb, previous, standalone)  # "who wrote it?"
        sure = answered and standalone.score >= STANDALONE_SURE and (not cues.refers or of_article)
        best = match.candidates[0].intent if match.candidates else None
        asks_it = cues.marked or cues.asked or cues.other or cues.besides  # "nhắc lại cấp kia"
        asks_it = asks_it or self.words.only_confirms(match)  # "thật không?"
        score = max(self.kb.settings.thresholds.answer, standalone.score)
        moved = new_values(cues.named, previous)  # what it names that the last answer has not
        if self.words.only_restates(match, None if moved else knows):  # "đạt về mặt gì?"
            return self._answer_all(question, earlier, score)
        if self.quotes.only_quotes(match):  # "nguyên văn thế nào?", "trích giùm câu đó"
            return quoted(self.responder, question, earlier, score)
        if not (sure or cues.why) and (own := figure_of_one(self.kb, match, earlier)):
            return self._answer(question, own, score)  # "mà 115 là cán bộ cấp nào?" after a sum
        if (
            best is not None
            and best.kind == "smalltalk"
            and not (asks_it and (cues.asked or cues.named or self._asks(question, match, cues)))
        ):
            return None  # "cảm ơn các đồng chí", "thế thì tốt quá cảm ơn": asking nothing
        timed = self.words.own_time(match, cues, leftover, previous)  # "từ năm nào?"
        sure = sure and not timed
        if "person" in cues.asked and names_another_post(self.responder, question, match):
            return None  # "thủ tướng là ai?": who holds a post, read as it stands
        asks_of = previous.slots.get("ask", frozenset())
        if (cues.why or cues.purpose or cues.remedy) and len(leftover) <= 2:  # "tại sao?"
            own = sure and not match.only_question_words and previous.id not in standalone.intents
            if standalone.unstated or own:
                return None  # "sao ít vậy?": never said; "nghị quyết … ra đời để làm gì?"
            target = why_of(self.kb, cues.purpose, cues.remedy, previous, match.only_question_words)
            return self._answer(question, target, score) if target is not None else None
        if self.words.only_splits(match):  # "tách ra từng cấp": each fact, or each level
            parts = earlier if len(earlier) > 1 else parts_beside(self.kb.groups, previous.id)
            if parts:
                return self._answer_all(question, parts, score)
        again = cues.period and not set(moved) - {"stage", "era", "ask", "level"}  # "thêm GD"
        again = again and (not answered or not (sure or leftover))  # "năm nào cũng vậy à"
        # "cái đó tính cả … không?", "họ ở cấp huyện hay cấp xã?" — not "còn 300 người … cấp nào"
        of_it = set(numbers_in(question)) <= set(previous.figures)  # "168 là tính cả … hả?"
        # ("cấp nào?" after the MTTQ chairs: their level, which their answer says, however a
        # question of its own reads it; never "tổng số … kể cả cấp xã": a new total)
        level = "level" in cues.asked and not leftover  # (not "còn chủ tịch MTTQ là cấp nào?")
        again = again or (cues.inclusion and (not answered or cues.refers or level) and of_it)
        # "chắc không?": the last answer again (not "cấp huyện 65 phải không?" after the commune's)
        again = again or (self.words.only_confirms(match) and not moved)
        again = again or (
            len(earlier) == 1
            and not cues.asked
            and doubts_its_figure(self.responder, question, previous)
        )
        # "chỉ cấp huyện thôi ạ?" after the district's figure: only values it has, asked of it
        own_values = bool(cues.named) and not moved
        again = again or (own_values and not leftover and not cues.asked and len(earlier) == 1)
        choice = self.words.picks_among(question, cues, previous)  # "cấp huyện hay cấp xã?"
        again = again or (choice and not leftover and len(earlier) == 1)
        words = match.question  # "vậy bên tôi hơn mấy người?": the asker's own figure beside it
        mine = self.own_place.compared(words.folded, words.tokens, self.responder.light_words)
        if mine or (again and len(leftover) <= 2):  # "mỗi năm hay tổng?", "… tính cả … không?"
            every = self.words.says(question, self.conversation.every_words)  # "đúng cả không?"
            if again and len(earlier) > 1 and every and self.words.only_confirms(match):
                return self._answer_all(question, earlier, score)
            return self._answer(question, named_of(self.kb, earlier, cues) or previous, score)
        # "ở xã bao nhiêu?" after the party members: the article counts them district-wide
        alone = not (leftover or cues.whole) and cues.asked <= {"count"}
        lacking = alone and all(
            no_level_counterpart(self.kb, self.kb.intent(e), cues.named) for e in earlier
        )
        if lacking and not cues.share:
            text = self.conversation.no_counterpart.format(previous=previous.question)
            return Reply(question, "fallback", text, None, standalone.score, ())
        # ("cấp xã chiếm mấy %?" then: the commune's staff, never the district-wide share)
        share = cues.share and not lacking
        # "trong đó cấp xã chiếm bao nhiêu?" after the whole: the level's people, counted
        other_level = previous.id == self.conversation.whole and "level" in cues.named
        share = share and not self.share_words.counts_people(match.question.folded, other_level)
        of_figure = (
            whole_by_figure(self.responder, leftover, earlier) if share else None
        )  # "so với 294"
        # "chiếm bao nhiêu % tổng CBCC?": the words of a whole say what the share is of
        of_whole = [w for w in leftover if w not in self.share_words.whole_words]
        if (share or cues.whole) and (not of_whole or of_figure):  # of the last answer
            named = whole_named(self.kb, standalone, earlier) if cues.whole else of_figure
            return share_asked(self.responder, question, earlier, share, score, named, of_figure)
        # "mấy người?" after a count; "quan điểm này của ai?" its speaker; "bao nhiêu lượt?" bare
        by_ask = (cues.asked - asks_of) & self.attributes.order.keys()
        bare = match.only_question_words or (
            cues.asked == {"count"} and self.words.counts_a_unit(match.question)
        )
        # "huyện bao nhiêu?" after the commune's: the district's, where the article counts it
        bare = bare and not (moved and level_counterpart(self.kb, previous, cues.named))
        asks_it = bare and not (sure and addressed) and not by_ask
        if asks_it and cues.asked & asks_of:
            return self._answer(question, previous, score)
        if asks_it and cues.asked == {"count"} and not numbers_in(previous.answer):
            # "bao nhiêu người?" after who was promoted: the article counts nothing there
            text = self.conversation.no_counterpart.format(previous=previous.question)
            return Reply(question, "fallback", text, None, standalone.score, ())
        asked = cues.asked - IGNORED_ASKS
        # "cấp kia?", "ngoài ra còn ai nữa?" (not "ngoài ra cao cấp llct …": a fact it names)
        alone = standalone.status == "answer" and standalone.score >= STANDALONE_SURE  # "bên kia …"
        if (cues.other and not alone) or (
            cues.besides and not sure and not (answered and cues.named)
        ):
            others = self.pool.siblings(previous, nearest=True)
            others = [i for i in others if i.id not in earlier]
            if len(others) == 1:
                return self._answer(question, others[0], score, previous)
        own = self.kb.intent(standalone.intent or "") if answered else None
        # "who wrote it?" after the summary: its own fact asked, not the last fact's person
        its_own = (
            own is not None and not timed and bool(asked & own.slots.get("ask", asks_of) - asks_of)
        )
        if its_own and match.only_question_words:  # "when?" after the author: the article's date
            return self._answer(question, own, score)
        # "nội dung về cái gì?" after the resolution (after the title: the article's content)
        of_a_fact = previous.topic != self.conversation.article_topic  # (after the date, "what
        if self.words.asks_what_it_says(match.question, "what" in asks_of and of_a_fact):
            return self._answer(question, previous, score) if of_a_fact else None  # is it about")
        of_its_own = "name" in asks_of and of_a_fact
        if of_its_own and self.words.asks_its_name(match.question):  # "tên đầy đủ là gì?"
            return self._answer(question, previous, score)
        brief = len(match.question.tokens) <= BRIEF and "count" in asks_of  # "bồi dưỡng về gì?"
        if (not sure or brief) and told_in_it(self.responder, previous, cues, leftover):
            return self._answer(question, previous, score)
        about = said_about(self.responder, cues.about, sure)  # "ông ấy nói gì về …"
        if about is not None and about.status == "answer" and previous.id not in about.intents:
            return replace(about, question=question)  # "ổng nói kế hoạch đào tạo do ai làm?"
        who_else = asked <= {"person", "speaker"} and not asked & asks_of and bool(leftover)
        who_else = who_else and who_of(self.kb, match)  # "ai được ưu tiên …?": not who spoke
        if (
            asked
            and not sure
            and not its_own
            and not cues.besides
            and not who_else
            and (not leftover or (len(leftover) <= 2 and not answered))
        ):
            if asked == {"person"} and asks_whom_it_says(self.responder, previous, match):
                return self._answer(question, previous, score)  # "chuẩn hóa ai?"
            found = self.attributes.of(question, previous, asked, score, cues.named)
            if found is not None:  # "hồi nào?", "có hiệu lực tới năm nào", "ai nói vậy?"
                return found
        if about is not None and about.status == "answer":  # "ông ấy nói gì về việc chọn …"
            return replace(about, question=question)
        only_it = not (leftover or cues.asked or cues.named or cues.besides or cues.other)
        surely = standalone.score >= STANDALONE_SURE  # (however it refers)
        only_it = only_it and not mentioned_in_it(of_a_fact, cues, own, previous, surely)
        if cues.refers and only_it and (of_a_fact or not sure):  # (after the date, "it" is the
            return self._answer(question, previous, score)  # article) "tên đầy đủ của nó là gì?"
        now = not (leftover or numbers_in(question))  # (not "năm 2018", the article's)
        if now and present_again(cues, previous):  # "bây giờ thì sao?": as it is now
            return self._answer(question, previous, score)
        switched = self.switch.read(question, match, earlier, previous, cues, leftover, standalone)
        target = self.kb.intent(switched.intent or "") if switched is not None else None
        if target is not None and answered and self.switch.asks_own(cues, standalone, target):
            switched = None  # "vậy toàn huyện có bao nhiêu cán bộ cấp xã": a count, not training
        if switched is not None and switched.status != "fallback":
            return switched
        if not sure and standalone.status in ("clarify", "fallback") and switched is None:
            # the context tells apart what the words alone do not ("ngoài ra còn chức danh nào
            # nữa?", "huyện ra nghị quyết gì để khắc phục?"): the one guess it relates to
            kin = {p.id for p in self.pool.of(earlier, previous)} - set(earlier)
            offered = [self.kb.intent(s.intent_id) for s in standalone.suggestions]
            if not cues.besides and any(i and i.id in earlier for i in offered):
                elsewhere = offered_elsewhere(moved, offered, earlier)  # "… ấy, có số trẻ"
                of_it = not (leftover or elsewhere) and "count" not in cues.asked - asks_of
                bare = len(match.question.tokens) <= BARE_FOLLOW_UP or of_it
                given = [f for f in earlier if self.kb.intent(f) in offered]  # of all just given:
                if bare and len(given) > 1:  # "trẻ là dưới bao nhiêu tuổi?" after both levels
                    return self._answer_all(question, given, score)
                if bare and previous in offered:  # "chức vụ?", "chức vụ chính xác là gì?"
                    return self._answer(question, previous, score)  # after a name
                return switched  # "…, có yếu không?" may still be about the previous answer
            near = [
                i
                for i in offered
                if i is not None
                and i.id in kin
                and keeps(self.conversation, match, i, cues.named, previous)
                and "count" not in cues.asked - i.slots.get("ask", frozenset())  # no figure
            ]
            if len(near) == 1 and (standalone.status == "clarify" or cues.besides):
                return self._answer(question, near[0], score, previous)
        unclear = (switched or standalone).status in ("fallback", "clarify")  # "ông ấy nói gì
        if about is not None and about.status == "clarify" and unclear:  # về việc chọn …?"
            return replace(about, question=question)  # a choice of what it may name
        return switched

    def _answer_all(self, question: str, ids: Sequence[str], score: float) -> Reply:
        """Every fact of `ids` again, each labelled in their smallest group (one: its answer)."""
        if len(ids) == 1 and (only := self.kb.intent(ids[0])) is not None:
            return self._answer(question, only, score)
        group = smallest_group(self.responder.groups, ids)
        return self.responder.answer_many(question, list(ids), score, group)

    def _asks(self, question: str, match: Match, cues: Cues) -> bool:
        """A question mark, a question word, a confirmation, "the other" or "besides" asked."""
        return (
            "?" in question
            or cues.other
            or cues.besides
            or asks(match.question, self.responder.understanding)
            or self.words.only_confirms(match)
        )

    def _answer(
        self, question: str, intent: Intent, score: float, previous: Intent | None = None
    ) -> Reply:
        return answer_of(self.responder, question, intent, score, previous)
