"""What a message leaves out ("có bằng đại học, không tính trên đại học", "cán bộ trẻ làm
trên huyện (không tính xã)"): a fact whose values are only those named after an exclusion word
is taken out of an answer that gives several."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_memo
from bot.group_facts import smallest_group
from bot.normalize import clean, fold
from bot.phrases import spans
from bot.reply import Reply

if TYPE_CHECKING:
    from bot.reading import Reader

_SEGMENT = re.compile(r"[^,;.()!?\[\]…]+")  # where what an exclusion word names ends
_WORD = re.compile(r"\w+")


class Exclusions:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.responder, self.kb = reader.responder, reader.kb
        self.cues = reader.reading.exclusion_cues

    def apply(self, question: str, reply: Reply) -> Reply:
        """`reply` without the facts the message leaves out (never all of them)."""
        if reply.status == "answer" and len(reply.intents) == 1:
            return self._past_single(question, reply)
        if reply.status != "answer":
            return reply
        return self._without(reply, self._excluded(question))

    def _without(self, reply: Reply, excluded: dict[str, set[str]]) -> Reply:
        kept = [i for i in reply.intents if not self._left_out(i, excluded)]
        if not kept or len(kept) == len(reply.intents):
            return reply
        if len(kept) == 1 and (intent := self.kb.intent(kept[0])) is not None:
            return self.responder.answer_as(reply.question, intent, reply.score)
        group = smallest_group(self.responder.groups, kept)
        return self.responder.answer_many(reply.question, kept, reply.score, group)

    def _past_single(self, question: str, reply: Reply) -> Reply:
        """ "trung cấp chính trị cho người của huyện (không tính xã)": one fact, but the one the
        message leaves out — the message read again without what it leaves out."""
        excluded = self._excluded(question)
        if not excluded or not self._left_out(reply.intents[0], excluded):
            return reply
        rest = self._without_excluded(question)
        if not rest:
            return reply
        again = self.reader.single(rest, self.reader.match(rest), ())
        kept = self._without(again, excluded) if again.status == "answer" else again
        if kept.status != "answer" or any(self._left_out(i, excluded) for i in kept.intents):
            return reply
        return kept

    def _without_excluded(self, question: str) -> str:
        """The message's phrases, each cut where an exclusion word begins."""
        kept: list[str] = []
        for words, cues in self._phrases(question):
            words = words[: cues[0][0]] if cues else words
            kept.extend([" ".join(words)] if words else [])
        return ", ".join(kept)

    def _phrases(self, question: str) -> list[tuple[list[str], list[tuple[int, int]]]]:
        """Each phrase of the message (up to a comma or a bracket): its words, and where an
        exclusion word stands among them."""
        tables = self.kb.tables
        phrases = [_WORD.findall(segment) for segment in _SEGMENT.findall(clean(question, tables))]
        return [(w, spans([fold(x, tables) for x in w], self.cues, w)) for w in phrases]

    def of_earlier(self, question: str, earlier: tuple[str, ...]) -> Reply | None:
        """ "bỏ cấp xã ra thì còn bao nhiêu?" after several facts: the facts left, and their
        declared sum when they are exactly a group's parts."""
        if len(earlier) < 2 or any(
            set(earlier) <= set(g.parts) for g in self.responder.differences
        ):
            return None  # (a whole and its part: what remains is their difference)
        words = message_memo.words(self.responder.matcher, question)
        if self.reader.differences.asks_own_remainder(words):
            return None  # "trừ ra thì mấy người chưa có bằng đại học": a remainder of its own
        excluded = self._excluded(question)
        kept = [i for i in earlier if not self._left_out(i, excluded)]
        if not excluded or not kept or len(kept) == len(earlier):
            return None
        score = self.kb.settings.thresholds.answer
        if len(kept) == 1 and (intent := self.kb.intent(kept[0])) is not None:
            return self.responder.answer_as(question, intent, score)
        group = smallest_group(self.responder.groups, kept)
        summed = group is not None and group.total is not None and set(group.parts) == set(kept)
        return self.responder.answer_many(question, kept, score, group, with_total=summed)

    def _excluded(self, question: str) -> dict[str, set[str]]:
        """The slot values named after an exclusion word, up to the end of its phrase."""
        found: dict[str, set[str]] = {}
        for words, cues in self._phrases(question):
            for _, end in cues:
                named = self.responder.matcher.slot_values(
                    message_memo.words(self.responder.matcher, " ".join(words[end:]))
                )
                for slot, values in named.items():
                    if slot != "ask":
                        found.setdefault(slot, set()).update(values)
        return found

    def _left_out(self, intent_id: str, excluded: dict[str, set[str]]) -> bool:
        intent = self.kb.intent(intent_id)
        if intent is None:
            return False
        # every value it declares of what is named is left out ("không phải công chức xã": the
        # commune's civil servants, not its cadres)
        declared = [
            (intent.slots[slot], values)
            for slot, values in excluded.items()
            if slot in intent.slots
        ]
        return bool(declared) and all(own <= values for own, values in declared)
