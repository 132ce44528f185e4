"""The years between two dates the article gives: "từ khi ban hành Nghị quyết 03 đến khi đăng
bài là mấy năm?" — both facts and the declared difference of their years (knowledge/spans.yaml).
Each end is named by its own words, or, after an answer, by the fact just given ("tức là kéo
dài bao nhiêu năm?" after the resolution: from its year to its horizon)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.figures import unique

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb.model import Span, SpanEnd
    from bot.matcher import Match
    from bot.reply import Reply


class YearSpans:
    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.spans = responder.kb.spans

    def read(self, question: str, match: Match, earlier: tuple[str, ...]) -> Reply | None:
        """The span a question asks the years of, with its two facts; else None."""
        text = match.question.folded_text
        if not any(p.search(text) for p in self.spans.asks):
            return None
        if any(p.search(text) for p in self.spans.not_with):
            return None
        scored = []
        for span in self.spans.between:
            start = _named(span.start, text, self.spans.from_words)
            end = _named(span.end, text, self.spans.to_words)
            if not (start or span.start.fact in earlier) or not (end or span.end.fact in earlier):
                continue
            if not (start or end) and (
                span.start.fact != span.end.fact
                or self.responder.matcher.names_a_value(match.question)
            ):
                continue  # after the resolution, "kéo dài mấy năm" alone asks its own span
            scored.append((start + end, span))
        scored.sort(key=lambda pair: -pair[0])
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            return None  # nothing asked, or two spans named alike: not sure which
        return self._reply(question, scored[0][1])

    def _reply(self, question: str, span: Span) -> Reply:
        facts = unique((span.start.fact, span.end.fact))
        reply = self.responder.answer_many(question, facts, 100.0)
        line = self.responder.messages.span_line.format(
            start=span.start.year,
            start_label=span.start.label,
            end=span.end.year,
            end_label=span.end.label,
            years=span.years,
        )
        return replace(reply, text=f"{reply.text}\n{line}")


def _named(end: SpanEnd, text: str, direction: frozenset[str]) -> int:
    """0 when no cue names `end`; 1 when one does; 2 when a word before it says which end it
    is ("đến khi đăng bài": the end)."""
    found = 0
    for pattern in end.cues:
        for cue in pattern.finditer(text):
            before = text[: cue.start()].split()[-3:]
            found = max(found, 2 if any(w in direction for w in before) else 1)
    return found
