"""A close call settled by what the question leaves unnamed: "Hiện nay toàn huyện có bao nhiêu
cán bộ, công chức?" scores the university graduates now about as high as the whole staff ("hiện
nay" is in both), but it names no degree. A fact narrowed by a value of a narrowing slot
(matching.yaml `narrowing_slots`: a degree, a course, a subject, a title) answers only a question
naming a value of that slot; of close candidates, the one fact narrowed by nothing unnamed is
the answer — when it is the only one, sure enough on its own, and its own words hold every
question word the narrowed ones hold ("… cán bộ công chức xã được học" is about a course)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.normalize import Normalized, normalize

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb import Intent, KnowledgeBase
    from bot.matcher import Candidate, Match
    from bot.reply import Reply

CLOSE = 15  # points under the best at which a candidate is offered (answer.py `_decide`)
_WORDS_KEPT = 64  # intents whose words are kept: only close calls read them


class Narrowing:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb, self.settings = kb, kb.settings
        self.words_of = lru_cache(maxsize=_WORDS_KEPT)(self._words_of)

    def settle(self, responder: Responder, match: Match, reply: Reply) -> Reply:
        """A clarification of a message read whole (one clause: the values it leaves unnamed
        are named nowhere else) answered by its one unnarrowed candidate; else `reply`."""
        if reply.status != "clarify":
            return reply
        candidates = match.candidates
        bar = max(
            self.settings.thresholds.clarify, candidates[0].score - CLOSE if candidates else 0
        )
        close = [c for c in candidates if c.score >= bar and c.intent.kind != "smalltalk"]
        named = responder.matcher.slot_values(match.question)
        free = self.only_unnarrowed(close, named, match.question, responder.light_words)
        return (
            reply if free is None else responder.answer_as(reply.question, free.intent, free.score)
        )

    def unnamed(self, intent: Intent, named: Mapping[str, set[str]]) -> set[str]:
        """The narrowing slots `intent` declares a value of that the question names none of."""
        return {s for s in self.settings.narrowing_slots if s in intent.slots and s not in named}

    def only_unnarrowed(
        self,
        close: Sequence[Candidate],
        named: Mapping[str, set[str]],
        question: Normalized,
        light: frozenset[str],
    ) -> Candidate | None:
        """Of `close` facts (best first), the only one no unnamed value narrows, if it scores
        the answer bar and about the best, every other is narrowed by a value the question leaves
        unnamed, it holds every word of the question but light ones, and every value named."""
        if len(close) < 2 or any(c.intent.kind != "fact" for c in close):
            return None
        free = [c for c in close if not self.unnamed(c.intent, named)]
        thresholds = self.settings.thresholds
        if len(free) != 1 or free[0].score < max(
            thresholds.answer, close[0].score - thresholds.margin
        ):
            return None
        fact = free[0].intent
        # every word its own ("… cán bộ được đào tạo" asks of training, no staff count), every
        # value named one it holds ("toàn huyện … cán bộ cấp huyện": a level of it)
        own = self.words_of(fact.id)
        if any(w not in own and w not in light for w in question.folded):
            return None
        held = fact.slots
        if any(not values <= held[slot] for slot, values in named.items() if slot in held):
            return None
        return free[0]

    def _words_of(self, intent_id: str) -> frozenset[str]:
        """Every word (folded) of a fact's question, phrasings and answer."""
        intent = self.kb.intent(intent_id)
        if intent is None:
            return frozenset()
        texts = (intent.question, *intent.phrasings, intent.answer)
        return frozenset(w for t in texts for w in normalize(t, self.kb.tables).folded)
