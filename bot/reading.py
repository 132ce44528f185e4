"""Reading a whole message: several questions in one, totals, a figure's meaning, an attribute
the article never gives, a reply to the bot's clarification. Each clause is decided by the rule
of bot/answer.py, then combined; never half an answer: one unclear question asks all back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bot import message_memo
from bot.breakdowns import Breakdowns
from bot.claims import Claims
from bot.comparisons import Comparisons
from bot.courtesy import LISTENING, WISHES
from bot.differences import Differences
from bot.echoed import without_echo
from bot.exclusions import Exclusions
from bot.figure_lists import read_as_counts
from bot.figures import Figures
from bot.groups import Groups
from bot.half_answers import half_of_a_sum, whole_keeps_the_head
from bot.hearsay import of_what_was_said, who_said, without_hearsay, without_speaker
from bot.in_scope import offered_in_scope, refused_in_preamble_only
from bot.items import Items
from bot.known_parts import without_known
from bot.last_sentence import run_on_question
from bot.levels import whole_unnamed
from bot.list_or_sum import listed_past_a_sum
from bot.message_text import plain_text
from bot.named_slots import NAMED_BEFORE
from bot.narrowing import Narrowing
from bot.one_by_one import OneByOne
from bot.one_fact_followups import of_one_fact
from bot.own_place import OwnPlace
from bot.pairs import Pairs
from bot.partly_refused import answered_before_refusal
from bot.phrases import asks_why
from bot.picks import carried_offer, pick_offered
from bot.pictographs import Pictographs
from bot.pleasantries import Pleasantries
from bot.preamble_topic import of_the_preamble, question_past_closing
from bot.preambles import Preambles
from bot.quoted_figures import picked_by_figure
from bot.ranking import Ranking
from bot.remarks import relays_a_remark
from bot.reply import Reply
from bot.returning import back_to_before, back_to_last
from bot.several import Several
from bot.shares import Shares
from bot.spans import YearSpans
from bot.spelled_out import spelled_out
from bot.spoken import spoken_question
from bot.summands import Summands
from bot.topic_heads import every_figure_of, with_shared_predicate, with_shared_topic
from bot.totals import TotalCues
from bot.unstated import asks_unstated_of_content, unstated_across, unstated_of, who_by_name

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match
    from bot.normalize import Normalized

MAX_CLAUSES = 8
Facts = tuple[str, ...]  # intent ids
REPLIES_KEPT = 4096  # replies kept for messages read again (a few KB each)


class Reader:
    """Combines single-question decisions into the reply to a whole message."""

    def __init__(self, responder: Responder, replies_kept: int = REPLIES_KEPT) -> None:
        self.responder = responder
        # people ask alike; a reply, immutable, depends only on the message and the chat: kept
        self.remembered = lru_cache(maxsize=replies_kept)(self._read_fresh)
        self.kb, self.reading, self.groups = responder.kb, responder.understanding, responder.groups
        self.light_words = responder.light_words
        self.groups_reader = Groups(responder, totals := TotalCues(responder))  # one of each
        self.comparisons = Comparisons(self.groups_reader, self)
        self.differences, self.totals = Differences(self.groups_reader), totals
        self.figures, self.shares = Figures(responder, self.match), Shares(self)
        self.several = Several(self)
        self.items = Items(self, self.several)
        self.preambles = Preambles(self)
        self.breakdowns = Breakdowns(self)
        self.exclusions, self.claims, self.summands = Exclusions(self), Claims(self), Summands(self)
        self.narrowing = Narrowing(self.kb)  # a close call the message's unnamed values settle
        self.own_place, self.pairs = OwnPlace(self.kb), Pairs(self)
        self.one_by_one, self.pleasantries = OneByOne(self), Pleasantries(responder)
        self.year_spans, self.ranking = YearSpans(responder), Ranking(responder)  # "nhiều nhất?"
        self.pictographs = Pictographs(self.kb)  # emoji: pauses, spaces or nothing

    def read(
        self,
        question: str,
        earlier: tuple[str, ...],
        offered: Sequence[str],
        named: frozenset[str] | None = None,
        before: Sequence[str] = (),
    ) -> Reply:
        """The reply to one message read against the chat's last answer (`earlier`, with the
        slots the user `named` for it; the answer `before` it when the message points at both)
        and last clarification (`offered`); a message read before alike gets the reply kept.
        Words spelled otherwise than the article does are written its way first (an accent's,
        telex, shortened with a dot: bot/spelled_out.py)."""
        lexicon = self.responder.matcher.lexicon
        if (spelled := spelled_out(question, self.kb.tables, lexicon)) != question:
            return replace(self.read(spelled, earlier, offered, named, before), question=question)
        earlier = self.pairs.widened(question, tuple(earlier), before)
        rest = None if offered else back_to_last(self, question, earlier, tuple(before))
        if rest is not None:  # "quay lại câu lúc nãy, …" when that was the last answer
            return replace(self.remembered(rest, earlier, (), named), question=question)
        reply = self.remembered(question, earlier, tuple(offered), named)
        back = None if offered else back_to_before(self, question, reply, earlier, tuple(before))
        back = back or of_one_fact(self, question, reply, earlier, offered, named)  # "trong đó xã?"
        return back or reply  # "cấp xã thì sao?" after a question in between

    def _read_fresh(
        self, question: str, earlier: Facts, offered: Facts, named: frozenset[str] | None
    ) -> Reply:
        named_token = NAMED_BEFORE.set(named)
        try:
            with message_memo.one_message():  # its texts are read and matched once each
                reply = self.read_message(question, earlier, offered)
                reply = read_as_counts(self, question, reply, earlier, offered)  # "các số sau"
                reply = self.ranking.ordered(question, self.words(question), reply)
                return self.breakdowns.check(question, reply, earlier)
        finally:
            NAMED_BEFORE.reset(named_token)

    def read_alone(self, text: str, earlier: tuple[str, ...] = ()) -> Reply:
        """`text` read as a message of its own, in no chat (a story told before a question),
        or as if the chat's last answer had given the facts `earlier`."""
        return self._read(text, earlier, ())

    def match(self, text: str) -> Match:
        """The matcher's candidates for `text`, once per text while one message is read."""
        return message_memo.match(self.responder.matcher, text)

    def words(self, text: str) -> Normalized:
        """`text` as the matcher reads it (no scoring), once per text while a message is read."""
        return message_memo.words(self.responder.matcher, text)

    def read_message(
        self, question: str, earlier: tuple[str, ...], offered: Sequence[str]
    ) -> Reply:
        text, place = plain_text(self, question)  # numbers in words, emoji, labels, asides
        text = (earlier and without_echo(self, text, earlier)) or text  # "21. Trên h.?"
        claims = self.claims.stated(text)  # "em ấy ghi 721 đảng viên, đúng không?"
        text = self.claims.without_missing(text, claims) if claims else text
        listed = None if offered else self.items.announced(text)  # "cho hỏi 3 số: A, B, C"
        if listed is not None:
            listed = self.one_by_one.first_only(question, text, listed, place)
            return replace(listed, question=question)
        asked = self.preambles.without_aside(text) or text  # "…, để dẫn nguồn cho đúng"
        asked = of_what_was_said(self, asked) or asked  # "… ghi 11 tiến sĩ. Bài gốc ghi thế nào?"
        after = self.preambles.question_after(asked) or question_past_closing(self, asked)
        after = after and (self.preambles.past_introductions(after) or after)  # "nói lại: tôi là …"
        asked = asked if not after or (claims and self.claims.leaves_out(after, claims)) else after
        asked = self.preambles.without_closing(asked) or asked
        asked = self.preambles.without_purpose(asked) or asked  # "cần ghi nguồn …, …?"
        asked = self.preambles.without_frame(asked) or asked  # "bài viết nói …"
        asked = of_what_was_said(self, asked) or asked  # "… Bài nói gì về chuyện này?"
        asked = without_hearsay(self, asked) or asked  # "có người đăng lên mạng rằng …"
        asked = without_speaker(self, asked) or asked  # "ông Thanh nói chọn … thế nào"
        if (said := who_said(self, asked)) is not None:  # "ai nói là không còn … tràn lan?"
            return replace(said, question=question)
        reply = without_known(self, asked, self._read(asked, earlier, offered))  # "55 … rồi, còn"
        if asked != text and not earlier and not offered:  # "…số cán bộ trẻ. Riêng cấp xã?"
            reply = of_the_preamble(self, text, asked, reply) or reply
        reply = self.one_by_one.first_only(question, asked, reply, place)
        tail = run_on_question(self, asked, reply) or spoken_question(self, asked, reply, text)
        if tail is not None:  # said in one go: read
            reply = self._read(tail, (), ())  # as it was judged, alone, never as a follow-up
        if claims and asked != text:  # "tôi nhớ bài nói có 1.066 …. Còn …?": a figure recalled
            claims = self.claims.not_recalled(text, asked, claims)
        if claims:
            reply = self.claims.checks.checked(question, reply, claims, earlier)  # claim_checks.py
        if reply.status != "smalltalk" and relays_a_remark(self, question):  # "ông bảo …"
            return self.responder.answer_intent(LISTENING, question=question) or reply
        if reply.status != "smalltalk" and self.preambles.courtesy.wishes(question):
            return self.responder.answer_intent(WISHES, question=question) or reply
        placed = self.pleasantries.placed(question, reply, earlier)
        said = None if placed else self.preambles.courtesy.only_pleasantry(question, reply)
        if said is not None:  # "cảm ơn bạn, bài hay lắm", "tôi là giáo viên về hưu"
            return self.responder.answer_intent(said, question=question) or reply
        return replace(reply, question=question) if asked != question else reply

    def _read(self, question: str, earlier: tuple[str, ...], offered: Sequence[str]) -> Reply:
        match = self.match(question)
        if offered:
            chosen = pick_offered(self, question, match, offered)
            if chosen is not None:
                return chosen
            earlier = carried_offer(self, match, offered, earlier)  # "còn cấp xã?"
        # "cái thứ hai"; "từ khi ban hành nghị quyết đến khi đăng bài là mấy năm?"
        by_place = self.one_by_one.picked(question, match, earlier)
        by_place = by_place or self.year_spans.read(question, match, earlier)
        by_place = by_place or self.pairs.added(question, match, earlier)  # "lay so do cong 26"
        if by_place is not None:
            return by_place
        meaning = self.figures.meaning(question, match, earlier)
        if meaning is not None and earlier and set(meaning.intents) <= set(earlier):
            meaning = who_by_name(self, question, match, meaning)
        if meaning is not None:  # "ko phải 11 à?" after the 28: both
            return self.comparisons.doubted(question, match, meaning, earlier) or meaning
        # "hai số này trùng nhau à"; "cộng với trung cấp cấp huyện thì sao"; "bỏ xã ra thì …"
        both = (
            self.pairs.read(question, match, earlier)
            or self.exclusions.of_earlier(question, earlier)
            or self.pairs.combined(question, match, earlier)  # "lấy số đó trừ đi …"
            or self.ranking.extreme_of(question, match.question, earlier)  # "nhiều nhất?"
        )
        if both is not None:
            return both
        if earlier and self.totals.of_earlier(question, match, earlier):  # "vậy cộng lại?"
            summed = self.groups_reader.earlier_summed(question, earlier, match)
            if summed is not None:
                return summed
        elif self.totals.more_than_given(match, earlier):  # "tổng ba con số?" after two
            return self.responder.fallback(question, match)
        clauses = message_memo.clauses(question, self.reading, self.kb.tables)
        clauses = with_shared_topic(self, question, clauses)  # "số liệu LLCT: cao cấp, …"
        clauses = with_shared_predicate(self, clauses)  # "A và B, mỗi loại học gì?"
        every = every_figure_of(self, question, clauses, match)  # "liệt kê các con số về …"
        if every is not None:
            return every
        refusal = self.responder.refusal(question, match)
        if refusal is not None and not refused_in_preamble_only(self, clauses):
            partly = answered_before_refusal(self, question, clauses, earlier)  # "A, ở tỉnh khác?"
            # "số liệu năm 2022 …, có bao nhiêu cb đạt chuẩn?": with what the article has
            return partly or offered_in_scope(self, question, match, refusal)
        whole = self.single(question, match, earlier)
        if len(clauses) == 1:  # "toàn huyện có bao nhiêu cán bộ?" names no degree anywhere
            whole = self.narrowing.settle(self.responder, match, whole)
            whole = picked_by_figure(self.responder, self.narrowing.words, match, whole)
        if whole.unstated and unstated_across(self, match):
            return whole  # "có mấy người là bí thư, mấy người là phó bí thư?": one figure, unsplit
        rest = self.differences.with_difference(question, match, whole, earlier)
        if rest is not None:
            return rest  # "trừ cấp xã ra, còn lại bao nhiêu?": one question, however long
        if whole.unstated and self.comparisons.with_a_time(match):
            return whole  # "so với năm trước": no other year, whatever its clauses read alone
        if self.shares.words.of_the_last(whole, match.question.folded, earlier, clauses):
            return whole  # "vậy tỉ lệ so với tổng CBCC?": the last answer's share, one ask
        mine = self.own_place.unsaid(match.question, self.responder.light_words)  # "bên mình hơn?"
        compared = None if mine else self.comparisons.read(question, match, whole, earlier)
        if compared is not None and not (whole.unstated and asks_why(match.question, self.reading)):
            return compared  # "ở xã nhiều hơn ở huyện mấy người?": both figures and the gap
        included = bool(earlier) and self.totals.asks_inclusion(match)  # "số đó tính cả … không?"
        # "trên tổng số bao nhiêu?": what a figure is out of; a list of items: no sum
        no_sum = self.totals.sums_nothing(
            question,
            clauses,
            included,
            lambda c: self.single(c, self.match(c), earlier),
            lambda c: self.several.choice.asks_the_whole(c, self.match(c.text)),
        )
        summed = whole if no_sum else self.summands.read(question, whole)
        summed = summed or self.groups_reader.with_total(question, match, whole, earlier)
        # "…, gồm A và B", "tính chung … (A và B)": the parts of the one sum asked
        in_brackets = "(" in question and self.totals.asks_total(question)
        lists_parts = self.totals.lists_parts(clauses) or in_brackets
        parts_listed = len(summed.intents) > 1 and lists_parts
        if (
            1 < len(clauses) <= MAX_CLAUSES
            and not parts_listed
            and self.several.choice.worth_reading(clauses, match, whole)
        ):
            several = self.several.read(question, clauses, earlier, whole)
            several = whole if whole_keeps_the_head(question, whole, several) else several
            # "…, kèm số đảng viên": a joiner that asks on adds a question to any total
            if several is not None and (
                self.several.choice.asks_on(match)
                or not self.several.choice.narrower_total(summed, several, whole, clauses, earlier)
            ):
                return self.exclusions.apply(question, several)
        items = None if parts_listed else self.items.read(question, summed)  # "A, B và C là …?"
        items = items or listed_past_a_sum(self, question, whole, summed)  # "tổng cb, số …"
        reply = half_of_a_sum(self, question, match, items or summed)  # never half a sum
        return self.exclusions.apply(question, reply)  # "…, không tính trên đại học": left out

    def single(self, question: str, match: Match, earlier: tuple[str, ...]) -> Reply:
        """One question: the core rule, then parts the question leaves open, then what the
        article never says (once per message for the same question, match and context)."""
        return message_memo.single(
            question, match, earlier, lambda: self._single(question, match, earlier)
        )

    def _single(self, question: str, match: Match, earlier: tuple[str, ...]) -> Reply:
        reply = self.responder.decide(question, match, earlier)
        reply = self.shares.read(question, match, reply, earlier) or reply  # "chiếm mấy % …?"
        settled = self.pleasantries.settle(question, match, reply, earlier)
        if settled is not None and not asks_unstated_of_content(self, match):
            return settled  # not "hướng dẫn mình đăng ký học thạc sĩ": no help with the bot
        reply = unstated_of(self, question, match, reply, earlier)
        if reply.status in ("answer", "clarify"):
            reply = self.groups_reader.whole_group(question, match, reply, earlier)
        return whole_unnamed(self.responder, match, reply, earlier)
