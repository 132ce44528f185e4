"""Where a follow-up of a fact may go: the other facts of the last answer, those the KB relates
to it (either way), and those the article gives beside it (knowledge/groups.yaml)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.named_slots import keeps
from bot.related import related_either_way

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb import Intent
    from bot.kb.model import ConversationSettings
    from bot.matcher import Match

CLOSE = 15  # points below the best candidate that a follow-up may still prefer


class FollowUpPool:
    def __init__(self, responder: Responder) -> None:
        self.kb, self.groups = responder.kb, responder.groups
        self._related = related_either_way(responder.kb.intents)

    def of(self, earlier: Sequence[str], previous: Intent) -> list[Intent]:
        """Where a follow-up of `previous` may go: the other facts of the last answer, those
        the KB relates to it (either way), and those the article gives beside it."""
        found: dict[str, Intent] = {}
        for intent in (self.kb.intent(i) for i in earlier):
            if intent is not None and intent.id != previous.id:
                found.setdefault(intent.id, intent)
        related = self._related.get(previous.id, {})  # at scale, thousands: joined in C
        if any(key in related for key in found):  # those of the last answer keep their place
            related = {key: i for key, i in related.items() if key not in found}
        found |= related
        for intent in self.siblings(previous):
            found.setdefault(intent.id, intent)
        found.pop(previous.id, None)
        return list(found.values())

    def siblings(self, intent: Intent, nearest: bool = False) -> list[Intent]:
        """The other parts of the groups `intent` is part of, smallest group first (only
        those of the smallest, with `nearest`)."""
        groups = sorted(
            (g for g in self.groups if intent.id in g.parts), key=lambda g: len(g.parts)
        )
        groups = groups[:1] if nearest else groups
        ids = dict.fromkeys(p for g in groups for p in g.parts if p != intent.id)
        return [i for i in (self.kb.intent(x) for x in ids) if i is not None]


def closest_kin(
    conversation: ConversationSettings,
    match: Match,
    previous: Intent,
    named: dict[str, set[str]],
    pool: list[Intent],
) -> Intent | None:
    """ "còn qlnn?" after a commune-level figure: of the close candidates, the one of the
    previous answer's kind that takes the values named and keeps its other ones."""
    if not match.candidates:
        return None
    best = match.candidates[0].score
    kin = {i.id for i in pool}
    close = [
        c.intent
        for c in match.candidates
        if c.score >= best - CLOSE
        and c.intent.id in kin
        and keeps(conversation, match, c.intent, named, previous)
    ]
    return close[0] if close else None
