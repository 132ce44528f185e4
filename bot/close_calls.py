"""What the rules settling a close call share (bot/narrowing.py: a value the question leaves
unnamed; bot/quoted_figures.py: a figure it quotes): which candidates are close to the best, and
whether a fact holds every word and value of the question — its own words, kept for the few
facts close calls read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.normalize import Normalized, normalize

if TYPE_CHECKING:
    from bot.kb import KnowledgeBase
    from bot.matcher import Candidate

CLOSE = 15  # points under the best at which a candidate is offered (answer.py `_decide`)
_WORDS_KEPT = 64  # facts whose words are kept: only close calls read them


def close_to_best(candidates: Sequence[Candidate], clarify: float) -> list[Candidate]:
    """The candidates offered beside the best: at the clarify bar and within CLOSE of it."""
    if not candidates:
        return []
    bar = max(clarify, candidates[0].score - CLOSE)
    return [c for c in candidates if c.score >= bar]


class FactWords:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.words_of = lru_cache(maxsize=_WORDS_KEPT)(self._words_of)

    def holds(
        self,
        fact: str,
        question: Normalized,
        named: Mapping[str, set[str]],
        light: frozenset[str],
        numbers: bool = False,
    ) -> bool:
        """Every word of the question but light ones (and numbers, with `numbers`) is a word
        of `fact`, and every value named of a slot it declares is one it holds ("toàn huyện …
        cán bộ cấp huyện": a level of the whole; "712 … đại học, … thạc sĩ": two degrees)."""
        own = self.words_of(fact)
        for word in question.folded:
            if word not in own and word not in light and not (numbers and word[:1].isdigit()):
                return False
        intent = self.kb.intent(fact)
        held = intent.slots if intent is not None else {}
        return all(values <= held[slot] for slot, values in named.items() if slot in held)

    def _words_of(self, intent_id: str) -> frozenset[str]:
        """Every word (folded) of a fact's question, phrasings and answer."""
        intent = self.kb.intent(intent_id)
        if intent is None:
            return frozenset()
        texts = (intent.question, *intent.phrasings, intent.answer)
        return frozenset(w for t in texts for w in normalize(t, self.kb.tables).folded)
