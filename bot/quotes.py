"""The article's own words for the facts just given ("nguyên văn câu đó thế nào?", "câu gốc
trong bài ghi thế nào?"): each fact's evidence, quoted as the article writes it — what a
reporter or a student needs to cite it. `kb check` proves every evidence is the article's text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.phrases import spans

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.followup_words import FollowUpWords
    from bot.matcher import Match
    from bot.reply import Reply


# "nguyên văn bài báo": the whole article's text, no fact's words
_WHOLE_ARTICLE = frozenset({("bai", "bao"), ("bai", "viet"), ("ca", "bai"), ("toan", "bai")})


class QuoteAsks:
    """Whether a follow-up asks only for the article's own words (conversation.yaml
    `quote_words`, every other word one of `restate_beside` or `quote_beside`)."""

    def __init__(self, words: FollowUpWords) -> None:
        c = words.conversation
        self._words = words  # its pronouns, compared as written
        self._quotes = tuple(tuple(p.split()) for p in c.quote_words)
        self._beside = words.restate_beside | {p for p in c.quote_beside if " " not in p}
        # "thế nào", "như thế nào" whole: "nào" alone asks which ("báo nào")
        self._beside_phrases = tuple(tuple(p.split()) for p in c.quote_beside if " " in p)

    def only_quotes(self, match: Match) -> bool:
        """ "nguyên văn câu đó thế nào?", "câu gốc trong bài ghi thế nào?": the article's own
        words for the last answer, every other word naming nothing."""
        words = match.question.folded
        found = spans(words, self._quotes)
        if not found or any(tuple(words[b : b + 2]) in _WHOLE_ARTICLE for _, b in found):
            return False  # "cho xin nguyên văn bài báo": the whole article, not a fact
        inside = {i for a, b in (*found, *spans(words, self._beside_phrases)) for i in range(a, b)}
        inside |= self._words.pronoun_positions(match.question)
        return all(i in inside or w in self._beside for i, w in enumerate(words))


def quoted(responder: Responder, question: str, ids: Sequence[str], score: float) -> Reply:
    """A reply quoting the evidence of each fact of `ids` (a bullet each when several)."""
    intents = [i for i in (responder.kb.intent(x) for x in ids) if i is not None]
    line = responder.messages.quote_line
    quotes = list(dict.fromkeys(" … ".join(i.evidence) for i in intents if i.evidence))  # once
    lines = [line.format(evidence=q) for q in quotes]
    if len(lines) > 1:
        lines = [f"• {x}" for x in lines]
    # the facts' reply, its lines the quotes (the source under every quote, a meta fact's too)
    reply = responder.answer_many(question, [i.id for i in intents], score)
    return replace(reply, text="\n".join(lines), source=responder.source_line)
