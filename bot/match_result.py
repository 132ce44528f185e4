"""What a match gives: the ranked candidates for one question (bot/matcher.py makes them; the
readers and the decision read them)."""

from __future__ import annotations

from typing import NamedTuple

from bot.kb import Intent
from bot.normalize import Normalized
from bot.values import value_class


class Candidate(NamedTuple):  # ten made per match: a frozen dataclass's cost twice as much
    intent: Intent
    score: float


@value_class
class Match:
    """The ranked candidates for one question, with what the decision needs to know."""

    question: Normalized
    candidates: tuple[Candidate, ...]
    only_question_words: bool = False  # "bao nhiêu?", "how many": nothing to answer about
