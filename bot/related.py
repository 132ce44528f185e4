"""Where a follow-up of a fact may go: the facts it relates to, either way, and the words it
is written with (a follow-up naming only those names nothing new)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.kb import Intent, KnowledgeBase
from bot.normalize import normalize


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


class Vocabularies:
    """The words each intent is written with (question, phrasings, answer), folded and as
    written; filled as intents come up in follow-ups."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._found: dict[str, frozenset[str]] = {}

    def of(self, intent: Intent) -> frozenset[str]:
        found = self._found.get(intent.id)
        if found is None:
            texts = (intent.question, *intent.phrasings, intent.answer)
            read = [normalize(t, self.kb.tables) for t in texts]
            found = frozenset(w for n in read for w in (*n.folded, *n.tokens))
            self._found[intent.id] = found
        return found

    def knows(self, intent: Intent, folded: str, typed: str) -> bool:
        """Whether the intent is written with this word: as typed when typed with diacritics
        ("đảng" is not "đang"), else in any spelling."""
        return (typed if typed != folded else folded) in self.of(intent)
