"""What the core hands every front end: one value per question, alike for console and Telegram."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from bot.values import value_class

if TYPE_CHECKING:
    from bot.kb import Intent

Status = Literal["answer", "clarify", "fallback", "smalltalk"]


@value_class
class Suggestion:
    """A question the user may have meant; front ends show `question` and send back `intent_id`."""

    intent_id: str
    question: str


@value_class
class Reply:
    """The outcome for one question.

    `text` is the plain text of the reply (no markup: front ends escape it themselves);
    `source` names the article it rests on, shown once per conversation (`full_text`).
    `intents` lists every fact an answer gives (several for "A và B?"); `intent` is the first.
    """

    question: str
    status: Status
    text: str
    intent: str | None
    score: float
    suggestions: tuple[Suggestion, ...] = ()
    intents: tuple[str, ...] = ()
    source: str = ""
    # for the maintainer's log, not shown: the question as matched, and the best candidates
    normalized: str = ""
    candidates: tuple[tuple[str, float], ...] = ()
    # what the chat's next message is read against, when more than `intents` ("còn cấp xã?"
    # after the district figure: both levels, so that "cộng lại" sums the two)
    context: tuple[str, ...] = ()
    # what the article never says that the question asks ("bao lâu"): its label, else ""
    unstated: str = ""
    # the slots the user named for the facts given ("cấp huyện"): a follow-up keeps only those
    named: tuple[str, ...] = ()

    @property
    def full_text(self) -> str:
        """The text with its source line: what a user sees the first time in a conversation."""
        return f"{self.text}\n{self.source}" if self.source else self.text

    def as_json(self, shown: str | None = None) -> dict[str, object]:
        """The public `ask --json` contract: `answer` is exactly what the user was shown
        (`shown`, default the full text), `source` the article it rests on, apart."""
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.full_text if shown is None else shown,
            "source": self.source or None,
            "intent": self.intent,
            "intents": list(self.intents) or ([self.intent] if self.intent else []),
            "score": round(float(self.score), 1),
            "suggestions": [s.question for s in self.suggestions],
        }


@value_class
class Topic:
    """A topic of the article and the example questions it offers (/topics, the fallback)."""

    id: str
    label: str
    suggestions: tuple[Suggestion, ...]


def suggestion_of(intent: Intent) -> Suggestion:
    return Suggestion(intent.id, intent.question)
