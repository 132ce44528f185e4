"""A follow-up that switches the last answer's fact for its counterpart: "còn cấp xã?",
"trung cấp thì sao?" — the fact of the previous answer's kind that takes the values named and
keeps the previous answer's others (followups.py reads every other kind of follow-up)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.close_calls import close_to_best
from bot.followup_checks import tied_parts
from bot.followup_pool import FollowUpPool, closest_kin
from bot.group_facts import answered_as_group
from bot.named_slots import keeps, new_values
from bot.reply import Reply
from bot.slots import OnlyFact, takes
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.followup_words import Cues
    from bot.kb import Intent
    from bot.matcher import Match

STANDALONE_SURE = 85  # a message answered this surely stands alone unless "còn …" opens it


class FollowUpSwitch:
    def __init__(
        self,
        responder: Responder,
        pool: FollowUpPool,
        only_fact_with: OnlyFact,
        words_of: Callable[[Intent, str, str], bool],
    ) -> None:
        """`words_of(intent, folded, typed)`: whether the intent is written with the word."""
        self.responder = responder
        self.words_of = words_of
        self.kb = responder.kb
        self.conversation = responder.kb.conversation
        self.pool = pool
        self._only_fact_with = only_fact_with

    def read(
        self,
        question: str,
        match: Match,
        earlier: Sequence[str],
        previous: Intent,
        cues: Cues,
        leftover: list[str],
        standalone: Reply,
    ) -> Reply | None:
        """ "còn cấp xã?", "trung cấp thì sao?": the fact of the previous answer's kind that
        takes the values named and keeps the previous answer's others."""
        named = cues.named
        answered = standalone.status == "answer" or (standalone.status == "smalltalk" and not named)
        sure = standalone.score >= STANDALONE_SURE
        score = max(self.kb.settings.thresholds.answer, standalone.score)
        pool = self.pool.of(earlier, previous)
        kept = [i for i in pool if keeps(self.conversation, match, i, named, previous)]
        fresh = new_values(named, previous)  # "còn cán bộ huyện" after commune cadres: the level
        if not kept and fresh and fresh != named:
            kept = [i for i in pool if keeps(self.conversation, match, i, fresh, previous)]
        own_slots = {k: v for k, v in fresh.items() if k in previous.slots}
        if not (kept or answered) and own_slots and own_slots != fresh:  # "còn cán bộ huyện?"
            # after the commune's intermediate course, which names no role: the level switched
            kept = [i for i in pool if keeps(self.conversation, match, i, own_slots, previous)]
        if cues.opens and answered:  # "còn qlnn?" after a commune figure: the commune one
            fitting = kept if named else []
            own = set(standalone.intents)
            if sure and len(own) > 1 and own <= {i.id for i in fitting}:
                return standalone  # "what about key cadres under 35": every part, as alone
            foreign = [w for w in leftover if not any(self.words_of(i, w, w) for i in fitting)]
            if sure and foreign and not own & {i.id for i in fitting}:
                return None  # "thế hiện nay còn cử đi học tràn lan ko": words of another fact
            if sure and not own & {i.id for i in fitting} and self._asks_else(cues, own, fitting):
                return None  # "còn cấp xã đào tạo gì" after a district count: what, not how many
            grouped = answered_as_group(self.responder, question, fitting, score, previous)
            if grouped is not None:  # "còn cấp xã?" after the district's: both commune parts
                return grouped
            closest = self._closest(question, match, previous, named, pool, standalone.score)
            if closest is not None:
                return closest
        if len(earlier) > 1 and named and (not leftover or not answered):  # "ở xã" after both
            given = [i for i in (self.kb.intent(x) for x in earlier) if i is not None]
            narrowed = [i for i in given if takes(i, named)]
            if len(narrowed) == 1:
                return answer_of(self.responder, question, narrowed[0], score)
            if 1 < len(narrowed) < len(given):  # "chỉ tính trên huyện thôi" after every level
                return self.responder.answer_many(question, [i.id for i in narrowed], score)
        if answered and (leftover or (sure and not (cues.opens or cues.closes))):
            # "cấp xã bn?" right after a district figure: its counterpart, if it has just one
            fitting = kept if named else []
            # (words left over that the one fitting fact has, a part of a group with the last
            # one and close to the best match: "người giữ chức chủ chốt ở xã thì sao?" after
            # the district's QLNN, the commune's key posts — not those under 35)
            one = fitting[0] if len(fitting) == 1 else None
            own = one if cues.closes and self._counterpart(match, previous, one) else None
            foreign = [w for w in leftover if not (own is not None and self.words_of(own, w, w))]
            if foreign or one is None or self.asks_own(cues, standalone, one):
                return None  # "trung cấp ở xã thì?" is a switch however sure its words alone are
            return answer_of(self.responder, question, one, score, previous)
        if not named:
            if cues.opens:
                return self._closest(question, match, previous, named, pool, score)
            return None
        thresholds = self.kb.settings.thresholds
        if leftover and standalone.status == "clarify" and standalone.score >= thresholds.answer:
            return None  # words of their own, sure, only tied ("… chủ chốt dưới 35 tuổi")
        fitting = kept
        if len(fitting) == 1:
            return answer_of(self.responder, question, fitting[0], score, previous)
        if fitting:
            grouped = answered_as_group(self.responder, question, fitting, score, previous)
            if grouped is not None:  # "cấp xã thì sao?" after the district's training
                return grouped
            return self.responder.clarify_among(question, fitting[:3], score)
        only = self._only_fact_with(named) or self._kept_with(named, previous)
        if only is not None and not self.responder.matcher.slots.fits_softly(only, match.question):
            only = None  # "cán bộ huyện học gì": never the commune's cadres
        if only is not None and "count" in cues.asked and not numbers_in(only.answer):
            only = None  # "… thì vùng ấy có bao nhiêu cán bộ?": a count it never gives
        if only is not None and not answered:  # "còn cao cấp?": the article's one such figure
            return answer_of(self.responder, question, only, score, previous)
        # (not a tie of one group's parts, "rứa có bao nhiêu cán bộ chủ chốt trẻ?": all of them)
        if cues.marked and not answered and not tied_parts(self.responder, standalone):
            text = self.conversation.no_counterpart.format(previous=previous.question)
            return Reply(question, "fallback", text, None, standalone.score, ())
        return None

    def _counterpart(self, match: Match, previous: Intent, one: Intent | None) -> bool:
        """`one` shares a group with `previous` and is close to the best of `match`."""
        if one is None or not any({previous.id, one.id} <= set(g.parts) for g in self.kb.groups):
            return False
        close = close_to_best(match.candidates, self.kb.settings.thresholds.clarify)
        return one.id in {c.intent.id for c in close}

    def _kept_with(self, named: dict[str, set[str]], previous: Intent) -> Intent | None:
        """The one fact taking the values named and one more slot of the previous answer's
        ("còn đại học?" after the theory courses held now: the degree held now, not the one
        people were sent to study), when each such slot that finds one finds the same — for
        one value named of a slot the previous answer has not."""
        if set(named) & set(previous.slots) or not len(named) == 1 == len(*named.values()):
            return None
        found = {
            only.id: only
            for slot, values in previous.slots.items()
            if slot not in named and slot != "ask"
            if (only := self._only_fact_with({**named, slot: set(values)})) is not None
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _asks_else(self, cues: Cues, own: set[str], fitting: Sequence[Intent]) -> bool:
        """What the message asks (what is taught, what for …: not a count, which most facts
        give) its own facts answer and no counterpart does."""
        if not cues.asked or "count" in cues.asked or not fitting:
            return False
        own_asks = [self.kb.intent(i) for i in own]
        answers_own = all(
            i is not None and cues.asked & i.slots.get("ask", set()) for i in own_asks
        )
        return answers_own and not any(cues.asked & i.slots.get("ask", set()) for i in fitting)

    def asks_own(self, cues: Cues, standalone: Reply, counterpart: Intent) -> bool:
        """A count its own fact gives and a counterpart with no figure cannot ("Tổng số cán bộ
        cấp xã là bao nhiêu?" after what commune cadres study)."""
        own = self.kb.intent(standalone.intent or "")
        figures = own is not None and bool(numbers_in(own.answer))
        return "count" in cues.asked and figures and not numbers_in(counterpart.answer)

    def _closest(
        self,
        question: str,
        match: Match,
        previous: Intent,
        named: dict[str, set[str]],
        pool: list[Intent],
        score: float,
    ) -> Reply | None:
        found = closest_kin(self.conversation, match, previous, named, pool)
        return (
            None if found is None else answer_of(self.responder, question, found, score, previous)
        )


def answer_of(
    responder: Responder,
    question: str,
    intent: Intent,
    score: float,
    previous: Intent | None = None,
) -> Reply:
    """`intent`'s answer; after a switch from `previous`, both are what the next turn reads
    against ("cộng lại" sums the two)."""
    reply = responder.answer_as(question, intent, score)
    if previous is None or previous.id == intent.id:
        return reply
    return replace(reply, context=(previous.id, intent.id))
