"""The article's own words for the facts just given ("nguyên văn câu đó thế nào?", "câu gốc
trong bài ghi thế nào?"): each fact's evidence, quoted as the article writes it — what a
reporter or a student needs to cite it. `kb check` proves every evidence is the article's text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.reply import Reply

if TYPE_CHECKING:
    from bot.answer import Responder


def quoted(responder: Responder, question: str, ids: Sequence[str], score: float) -> Reply:
    """A reply quoting the evidence of each fact of `ids` (a bullet each when several)."""
    intents = [i for i in (responder.kb.intent(x) for x in ids) if i is not None]
    line = responder.messages.quote_line
    quotes = [" … ".join(i.evidence) for i in intents if i.evidence]
    lines = [line.format(evidence=q) for q in quotes]
    if len(lines) > 1:
        lines = [f"• {x}" for x in lines]
    return Reply(
        question,
        "answer",
        "\n".join(lines),
        intents[0].id if intents else None,
        score,
        intents=tuple(i.id for i in intents),
        source=responder.source_line,
    )
