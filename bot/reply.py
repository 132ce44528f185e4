"""What the core hands every front end: one value per question, alike for console and Telegram."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["answer", "clarify", "fallback", "smalltalk"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A question the user may have meant; front ends show `question` and send back `intent_id`."""

    intent_id: str
    question: str


@dataclass(frozen=True, slots=True)
class Reply:
    """The outcome for one question.

    `text` is the full plain text a user sees (no markup: front ends escape it themselves).
    """

    question: str
    status: Status
    text: str
    intent: str | None
    score: float
    suggestions: tuple[Suggestion, ...] = ()
    # for the maintainer's log, not shown: the question as matched, and the best candidates
    normalized: str = ""
    candidates: tuple[tuple[str, float], ...] = ()

    def as_json(self) -> dict[str, object]:
        """The public `ask --json` contract."""
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.text,
            "intent": self.intent,
            "score": round(float(self.score), 1),
            "suggestions": [s.question for s in self.suggestions],
        }
