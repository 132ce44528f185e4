"""A reply to "Có phải bạn muốn hỏi …?" that names what it asks ("ban hành hồi nào?"): the one
suggestion that states it (a time, a person, a source)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.followups import IGNORED_ASKS
from bot.reply import Reply

if TYPE_CHECKING:
    from bot.followups import FollowUps
    from bot.matcher import Match


def pick_by_ask(
    follow_ups: FollowUps, question: str, match: Match, offered: Sequence[str]
) -> Reply | None:
    """The one offered intent that states what the reply asks, if its other words are that
    intent's own."""
    responder, kb = follow_ups.responder, follow_ups.kb
    cues = follow_ups.words.read(match, responder.matcher.slot_values(match.question))
    asked = cues.asked - IGNORED_ASKS
    if not asked or len(cues.leftover) > 2:
        return None
    stating = [
        i
        for i in (kb.intent(x) for x in offered)
        if i is not None and asked & i.slots.get("ask", frozenset())
    ]
    if len(stating) != 1:
        return None
    vocabulary = follow_ups.vocabularies.of(stating[0])
    if any(w not in vocabulary for w in cues.leftover):
        return None
    return responder.answer_as(question, stating[0], kb.settings.thresholds.answer)
