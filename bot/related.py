"""Which facts relate to which, either way: where a follow-up of a fact may go."""

from __future__ import annotations

from collections.abc import Sequence

from bot.kb import Intent


def related_either_way(intents: Sequence[Intent]) -> dict[str, dict[str, Intent]]:
    """Per intent id: the intents it relates to or that relate to it, in KB order (a scan of
    every intent per follow-up was most of a question at a million phrasings)."""
    position = {intent.id: n for n, intent in enumerate(intents)}
    found: dict[str, set[int]] = {}
    for n, intent in enumerate(intents):
        mine = found.setdefault(intent.id, set())
        for other in intent.related:
            mine.update([position[other]] if other in position else ())
            found.setdefault(other, set()).add(n)
    return {key: {intents[n].id: intents[n] for n in sorted(ns)} for key, ns in found.items()}
