"""A close call settled by what the question leaves unnamed: "Hiện nay toàn huyện có bao nhiêu
cán bộ, công chức?" scores the university graduates now about as high as the whole staff ("hiện
nay" is in both), but it names no degree. A fact narrowed by a value of a narrowing slot
(matching.yaml `narrowing_slots`: a degree, a course, a subject, a title) answers only a question
naming a value of that slot; of close candidates, the one fact narrowed by nothing unnamed is
the answer — when it is the only one, sure enough on its own, and it holds every word and value
of the question ("… cán bộ công chức xã được học" is about a course)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from bot.close_calls import FactWords, close_to_best

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb import Intent, KnowledgeBase
    from bot.matcher import Candidate, Match
    from bot.normalize import Normalized
    from bot.reply import Reply


class Narrowing:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.settings = kb.settings
        self.words = FactWords(kb)

    def settle(self, responder: Responder, match: Match, reply: Reply) -> Reply:
        """A clarification of a message read whole (one clause: the values it leaves unnamed
        are named nowhere else) answered by its one unnarrowed candidate; else `reply`."""
        if reply.status != "clarify":
            return reply
        close = close_to_best(match.candidates, self.settings.thresholds.clarify)
        close = [c for c in close if c.intent.kind != "smalltalk"]
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
        # "… cán bộ được đào tạo" asks of training, no staff count
        return free[0] if self.words.holds(free[0].intent.id, question, named, light) else None
