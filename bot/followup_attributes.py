"""What a follow-up asks of the fact just given ("hồi nào?", "cấp nào?", "ai nói vậy?"): its own
answer when it states that, the fact that answers such asks after any answer (conversation.yaml
`by_ask`), or that the article does not say (a figure gathered over years has no year)."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from bot import message_memo
from bot.kb import Intent
from bot.phrases import as_phrases, has_phrase
from bot.reply import Reply
from bot.slots import named_fits
from bot.understanding import PEOPLE, numbers_in
from bot.unstated import asked_unstated, told_unstated

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.followup_words import FollowUpWords


class FollowUpAttributes:
    def __init__(self, responder: Responder, words: FollowUpWords) -> None:
        self.responder, self.kb, self.words = responder, responder.kb, words
        self.conversation = responder.kb.conversation
        self.order = {ask: n for n, ask in enumerate(self.conversation.by_ask)}  # specific first

    def of(
        self,
        question: str,
        previous: Intent,
        asked: frozenset[str],
        score: float,
        named: dict[str, set[str]],
    ) -> Reply | None:
        """The reply to `asked` (asks other than a count or a content) of `previous`, if any —
        never names the article does not give ("lực lượng kế cận gồm những ai?")."""
        names = "person" in asked and asked_unstated(
            question,
            message_memo.normalized(question, self.kb.tables).folded_text,
            self.kb.understanding,
        )
        if names:  # the names it never gives, the fact just given offered
            base = self.responder.answer_as(question, previous, score)
            return told_unstated(self.responder, question, base, names.label, [previous.id])
        for ask in sorted(asked, key=lambda a: (self.order.get(a, len(self.order)), a)):
            # what it asks, or the value of one of its slots ("cấp nào?", naming no other
            # value of its own and no figure): its answer says
            of_slot = ask in previous.slots and not numbers_in(question)
            of_slot = of_slot and all(
                name not in previous.slots or named_fits(name, previous.slots[name], values)
                for name, values in named.items()
            )
            # "ông ấy là ai?" after who is chosen to study: a man of the article, not them
            him = ask == "person" and not PEOPLE.isdisjoint(question.lower().split())
            if (ask in previous.slots.get("ask", frozenset()) or of_slot) and not him:
                return self.responder.answer_as(question, previous, score)
            undated = self.conversation.undated_topics.get(previous.topic)
            if ask == "when" and undated and self._as_of(question):  # "tính tới lúc nào?"
                base = self.responder.answer_as(question, previous, score)
                return replace(base, text=f"{base.text}\n{self.kb.messages.as_of_line}")
            if ask == "when" and undated and not self._published(question):  # "84 lượt … năm nào?"
                base = self.responder.answer_as(question, previous, score)
                return told_unstated(self.responder, question, base, undated, [previous.id])
            target = self.kb.intent(self.conversation.by_ask.get(ask, ""))
            if previous.topic == self.conversation.article_topic:  # "của ai?" after its date
                target = self._of_the_article(question) or target
            if target is not None:  # "con số đó là năm nào?": the fact stays the topic after
                answer = self.responder.answer_as(question, target, score)
                return replace(answer, context=(target.id, previous.id))
        return None

    def _of_the_article(self, question: str) -> Intent | None:
        """What words such as "của ai?" ask after one of the article's own facts (its writer)."""
        words = message_memo.normalized(question, self.kb.tables)
        asks = self.conversation.article_asks
        found = [i for p, i in asks.items() if has_phrase(words.folded, as_phrases((p,)))]
        return self.kb.intent(found[0]) if found else None

    def _as_of(self, question: str) -> bool:
        words = message_memo.normalized(question, self.kb.tables)
        return has_phrase(words.folded, as_phrases(self.conversation.as_of_asks), words.tokens)

    def _published(self, question: str) -> bool:
        """Whether the message asks when the article was published ("số liệu đó đăng khi nào?"):
        a publication word as typed ("Đảng" is no "đăng"), or "dang" typed bare before when."""
        words = message_memo.normalized(question, self.kb.tables)
        publication = as_phrases(self.conversation.publication_words)
        return has_phrase(words.folded, publication, words.tokens) or _posted_bare(words.tokens)


_POSTED_NEXT = frozenset({"khi", "luc", "ngay", "hom", "bai", "bao", "tin", "bua"})


def _posted_bare(tokens: tuple[str, ...]) -> bool:
    """ "dang khi nao", "dang bai": "đăng" typed bare, before a word of when or where it was
    posted (not "dang hoc", "dang vien": "đang", "Đảng")."""
    return any(w == "dang" and n in _POSTED_NEXT for w, n in pairwise(tokens))
