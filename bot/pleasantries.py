"""Messages whose only close candidates are pleasantries: answered as one, never asked back
about ("bot giỏi quá 👍"), or a count the article does not know ("dân số bao nhiêu?")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_memo
from bot.openers import requests
from bot.phrases import asks

_BRACKETED = re.compile(r"\[[^\]]*\]")  # what a client writes for a sticker or a photo
_ELSEWHERE = 3  # words the KB never saw that make a request of a pleasantry's words another's

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match
    from bot.reply import Reply


class Pleasantries:
    """Settles a clarification among pleasantries, or one a message to the bot names."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.kb = responder.kb
        self.reading = responder.understanding
        self.addresses = responder.kb.conversation.addresses

    def settle(
        self, question: str, match: Match, reply: Reply, earlier: tuple[str, ...] = ()
    ) -> Reply | None:
        """The reply to a clarification that offers pleasantries, or None to keep it; after
        an answer, a pleasantry said surely and asking nothing ("cám ơn cán bộ") is that
        pleasantry, never a follow-up of the answer by the words it shares with it, nor a
        question about it that the follow-up reading could not place ("Cô cảm ơn con nhiều lắm")."""
        if earlier and reply.status != "smalltalk" and self._said_alone(match):
            return self.responder.answer_intent(match.candidates[0].intent.id, question=question)
        if reply.status != "clarify" or not reply.suggestions:
            return None
        words = match.question
        asked, addressed = asks(words, self.reading), self.addresses(words.tokens)
        offered = [s.intent_id for s in reply.suggestions]
        if all(self._is_smalltalk(i) for i in offered):
            # "bot giỏi quá 👍": mistaking one pleasantry for another costs nothing; never ask
            # back. Asked, it is a pleasantry only when said to the bot and surely one ("bạn
            # trả lời được những gì"); "Điện Biên Đông có bao nhiêu dân?" is a count unknown
            if asked and not (addressed and self._sure(match)):
                return self.responder.fallback(question, match)
            if self._unknown_words(question) >= _ELSEWHERE:  # "Hướng dẫn cài Ubuntu song song
                return self.responder.fallback(question, match)  # Windows": another subject
            return self.responder.answer_intent(offered[0], question=question)
        if addressed and not asked and not self.responder.matcher.names_a_value(words):
            # "bạn giỏi thế": said to the bot, asking nothing, naming nothing of the article
            close = [c for c in match.candidates[:2] if c.intent.kind == "smalltalk"]
            if close and close[0].score >= self.kb.settings.thresholds.clarify:
                return self.responder.answer_intent(close[0].intent.id, question=question)
        return None

    def placed(self, question: str, reply: Reply, earlier: tuple[str, ...]) -> bool:
        """Whether `reply` stands rather than a pleasantry the message may be. After an answer
        a pleasantry is only what the follow-up reading could not place ("Cô cảm ơn con nhiều
        lắm"), never one that introduces the asker, nor thanks before a question of its own
        ("Cảm ơn. Thế còn cán bộ trẻ?", "Cảm ơn. Cho mình hỏi thêm về đào tạo")."""
        if not earlier:
            return False
        if reply.status not in ("clarify", "fallback"):
            return True
        words = message_memo.words(self.responder.matcher, question)
        return (
            "?" in question
            or requests(words, self.reading)
            or self.responder.matcher.names_a_value(words)
        )

    def _unknown_words(self, question: str) -> int:
        """Words no phrasing, answer or evidence of the KB has, nor any filler, outside a
        bracketed description ("[sticker vỗ tay] hay quá")."""
        lexicon = self.responder.matcher.lexicon
        words = message_memo.normalized(_BRACKETED.sub(" ", question), self.kb.tables)
        pairs = zip(words.tokens, words.folded, strict=True)
        return sum(
            not lexicon.has_fold(f) and not lexicon.is_filler(t.lower(), f) and f.isalpha()
            for t, f in pairs
        )

    def _said_alone(self, match: Match) -> bool:
        return (
            self._sure(match)
            and match.candidates[0].intent.kind == "smalltalk"
            and not asks(match.question, self.reading)
        )

    def _sure(self, match: Match) -> bool:
        best = match.candidates[0] if match.candidates else None
        return best is not None and best.score >= self.kb.settings.thresholds.answer

    def _is_smalltalk(self, intent_id: str) -> bool:
        intent = self.kb.intent(intent_id)
        return intent is not None and intent.kind == "smalltalk"
