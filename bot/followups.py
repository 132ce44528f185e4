"""Follow-up questions: "còn cấp xã thì sao?", "vậy trung cấp?", "tại sao?", "hồi nào?",
read against the intent the chat was last answered with.

Where a follow-up may go is declared in the KB: each intent's `related` list and `slots`, and
knowledge/conversation.yaml (markers, "why" by topic, "when / who / source" by ask). A message
that names something new ("vậy bao nhiêu đảng viên?") stands on its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.kb import Intent
from bot.normalize import normalize
from bot.reply import Reply

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match

CLOSE = 15  # points below the best candidate that a follow-up may still prefer
STANDALONE_SURE = 85  # a message answered this surely stands alone unless "còn …" opens it


class FollowUps:
    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.kb = responder.kb
        self.conversation = responder.kb.conversation
        self._words: dict[str, frozenset[str]] = {}  # filled as intents come up; never changes

    def read(
        self, question: str, match: Match, previous: Intent, standalone: Reply
    ) -> Reply | None:
        """The reply to `question` read as a follow-up of `previous`, or None if it is not one."""
        words = match.question.folded
        text = " ".join(words)
        # words of the previous topic name nothing new ("ban hành hồi nào?" after resolution 03)
        leftover = [w for w in self._leftover(match) if w not in self._vocabulary(previous)]
        answer_at = self.kb.settings.thresholds.answer
        if any(_has_phrase(text, m) for m in self.conversation.why_markers) and len(leftover) <= 2:
            target = self.kb.intent(self.conversation.why_by_topic.get(previous.topic, ""))
            if target is not None and target.id != previous.id:
                return self.responder.answer_as(question, target, answer_at)
            return None
        named_all = self.responder.matcher.slot_values(match.question)
        asked = named_all.get("ask", set()) - {"count", "count_other", "what"}
        if asked and not leftover:  # "hồi nào?", "ai nói vậy?", "nguồn ở đâu?"
            for ask in sorted(asked):
                if ask in previous.slots.get("ask", frozenset()):
                    return self.responder.answer_as(question, previous, answer_at)
                target = self.kb.intent(self.conversation.by_ask.get(ask, ""))
                if target is not None:
                    return self.responder.answer_as(question, target, answer_at)
        # "còn …", "vậy …" open a follow-up even when the words alone would answer; a question
        # that merely ends like one ("… ra sao?") is a follow-up only if it cannot stand alone;
        # a question naming something of its own stands alone
        opens = any(_starts_with(words, m) for m in self.conversation.markers_start)
        named = {k: v for k, v in named_all.items() if k != "ask"}
        # "cấp xã thôi", "cấp huyện": nothing but a slot value is read against the context,
        # unless it stands alone with confidence ("cấp xã có bao nhiêu người?")
        answered = standalone.status == "answer" or (standalone.status == "smalltalk" and not named)
        sure = standalone.score >= STANDALONE_SURE
        if opens and answered:  # "còn qlnn?" after a commune figure: the commune one
            closest = self._closest_related(question, match, previous, standalone.score)
            if closest is not None:
                return closest
        if answered and (leftover or (not opens and sure)):
            return None
        marked = opens or any(_ends_with(words, m) for m in self.conversation.markers_end)
        score = max(answer_at, standalone.score)
        if not named:
            return self._closest_related(question, match, previous, score) if opens else None
        candidates = [i for i in self._related(previous) if _fits(i, named, previous)]
        if len(candidates) == 1:
            return self.responder.answer_as(question, candidates[0], score)
        if candidates:
            return self.responder.clarify_among(question, candidates[:3], score)
        if marked and not answered:
            text = self.conversation.no_counterpart.format(previous=previous.question)
            return Reply(question, "fallback", text, None, standalone.score, ())
        return None

    def _closest_related(
        self, question: str, match: Match, previous: Intent, score: float
    ) -> Reply | None:
        """ "còn qlnn?" after a commune-level figure: of the close candidates, the one related to
        the previous answer that keeps its level (and its other slot values)."""
        if not match.candidates:
            return None
        best = match.candidates[0].score
        related = {i.id for i in self._related(previous)}
        close = [
            c.intent
            for c in match.candidates
            if c.score >= best - CLOSE and c.intent.id in related and _fits(c.intent, {}, previous)
        ]
        if not close:
            return None
        return self.responder.answer_as(question, close[0], score)

    def _vocabulary(self, intent: Intent) -> frozenset[str]:
        """The folded words an intent is written with (question, phrasings, answer)."""
        found = self._words.get(intent.id)
        if found is None:
            texts = (intent.question, *intent.phrasings, intent.answer)
            found = frozenset(w for t in texts for w in normalize(t, self.kb.tables).folded)
            self._words[intent.id] = found
        return found

    def _leftover(self, match: Match) -> list[str]:
        """The question's words that are no marker, slot value, question or filler word."""
        text = " " + match.question.folded_text + " "
        for slot in self.kb.settings.slots:
            text = slot.pattern.sub(" ", text)
        markers = (
            *self.conversation.markers_start,
            *self.conversation.markers_end,
            *self.conversation.why_markers,
        )
        for marker in sorted(markers, key=len, reverse=True):
            text = re.sub(rf"(?<= ){re.escape(marker)}(?= )", " ", text)
        return [w for w in text.split() if w not in self.responder.light_words]

    def _related(self, intent: Intent) -> list[Intent]:
        """Intents the KB relates to `intent`, in either direction, KB order."""
        return [
            other
            for other in self.kb.intents
            if other.id != intent.id and (other.id in intent.related or intent.id in other.related)
        ]


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?:^| ){re.escape(phrase)}(?: |$)", text) is not None


def _starts_with(words: tuple[str, ...], phrase: str) -> bool:
    parts = tuple(phrase.split())
    return words[: len(parts)] == parts


def _ends_with(words: tuple[str, ...], phrase: str) -> bool:
    parts = tuple(phrase.split())
    return len(words) >= len(parts) and words[-len(parts) :] == parts


def _fits(intent: Intent, named: dict[str, set[str]], previous: Intent) -> bool:
    """Takes every value the follow-up names, and keeps the previous intent's other values."""
    for name, values in named.items():
        if not values & intent.slots.get(name, frozenset()):
            return False
    for name, values in previous.slots.items():
        if name in named or name == "ask":
            continue
        if name in intent.slots and not values & intent.slots[name]:
            return False
    return True
