"""Candidates → outcome (answer / clarify / fallback / smalltalk) and the reply text a user sees.

The decision rule (thresholds in knowledge/matching.yaml, chosen with `python -m bot eval`):
answer when the best intent scores at least `answer` and leads every other intent by `margin`;
clarify when it scores at least `clarify`; otherwise fall back, saying the article does not say.
A year the article does not cover, or another place, falls back whatever else matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from bot.kb import Intent, KnowledgeBase, load_knowledge
from bot.matcher import Candidate, Match, Matcher
from bot.paths import ARTICLE_PATH, KNOWLEDGE_DIR
from bot.reply import Reply, Suggestion

_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: str
    suggestions: tuple[Suggestion, ...]


def _suggestion(intent: Intent) -> Suggestion:
    return Suggestion(intent.id, intent.question)


class Responder:
    """The core every front end uses: pure, safe to share between concurrent handlers."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.matcher = Matcher(kb)
        self.messages = kb.messages
        self.article = kb.messages.article
        years = re.findall(r"\b(?:19|20)\d\d\b", self.article.published)
        self._published_year = int(years[-1]) if years else 9999

    @classmethod
    def load(cls, knowledge_dir: Path | None = None) -> Responder:
        """Load and validate the KB; raises bot.kb.KnowledgeError when it is invalid."""
        return cls(load_knowledge(knowledge_dir or KNOWLEDGE_DIR, ARTICLE_PATH))

    # ------------------------------------------------------------ public surface

    def respond(self, text: str, previous: str | None = None) -> Reply:
        """Answer one user message (any string, never raises on content).

        `previous`: the intent this chat was last answered with, if recent; a follow-up such as
        "còn cấp xã thì sao?" is then read against it.
        """
        question = text if isinstance(text, str) else str(text)
        limit = self.kb.settings.longest_question
        if not question.strip():
            example = self.kb.intent(self.messages.examples[0])
            empty = self.messages.empty.format(example=example.question if example else "")
            return Reply(question, "fallback", empty, None, 0.0, self.examples(3))
        match = self.matcher.match(question[:limit])
        if len(question) > limit:
            reply = self._respond_to(question, match, previous)
            note = self.messages.too_long.format(limit=limit)
            return replace(reply, text=f"{reply.text}\n({note})")
        return self._respond_to(question, match, previous)

    def _respond_to(self, question: str, match: Match, previous: str | None) -> Reply:
        if not match.question.tokens:
            return self._fallback(question, match, self.messages.fallback)
        refusal = self._out_of_scope(match)
        if refusal is not None:
            return Reply(question, "fallback", self._with_topics(refusal), None, 0.0, ())
        reply = self._decide(question, match)
        earlier = self.kb.intent(previous) if previous else None
        follow_up = None
        if earlier is not None and earlier.kind != "smalltalk":
            follow_up = self._follow_up(question, match, earlier, reply)
        if follow_up is not None:
            reply = follow_up
        elif match.only_question_words and reply.status != "smalltalk":  # "bạn là ai" is fine
            reply = self._subjectless(question, match)
        return replace(
            reply,
            normalized=match.question.text,
            candidates=tuple((c.intent.id, round(c.score, 1)) for c in match.candidates[:5]),
        )

    def answer_intent(self, intent_id: str) -> Reply | None:
        """The reply for a tapped suggestion; None when the id is unknown."""
        intent = self.kb.intent(intent_id)
        if intent is None:
            return None
        return self._answer(intent.question, intent, 100.0)

    def topics(self) -> tuple[Topic, ...]:
        labels = self.messages.topics
        return tuple(
            Topic(
                topic_id,
                label,
                tuple(_suggestion(i) for i in self.kb.intents if i.topic == topic_id),
            )
            for topic_id, label in labels.items()
        )

    def examples(self, n: int = 4) -> tuple[Suggestion, ...]:
        """Example questions for /start and help."""
        found = (self.kb.intent(i) for i in self.messages.examples)
        return tuple(_suggestion(i) for i in found if i is not None)[:n]

    # ------------------------------------------------------------ decisions

    def _out_of_scope(self, match: Match) -> str | None:
        folded = match.question.folded_text
        for rule in self.kb.settings.scope_rules:
            if rule.pattern.search(folded):
                return rule.message
        settings = self.kb.settings
        words = ("", "", *match.question.folded)
        for earlier, before, word in zip(words, words[1:], words[2:], strict=False):
            # "năm 2019": a year the article does not cover ("gần 2000 cán bộ" is no year), or
            # one after it was published ("sau năm 2020"; but "đến năm 2020" is its horizon)
            if before not in settings.year_cues or not _YEAR.match(word):
                continue
            unknown = word not in self.kb.article_numbers
            later = int(word) > self._published_year and earlier not in settings.horizon_cues
            if unknown or later:
                return self.messages.fallback_unknown_year.format(year=word)
        return None

    def _decide(self, question: str, match: Match) -> Reply:
        thresholds = self.kb.settings.thresholds
        candidates = match.candidates
        if not candidates:
            return self._fallback(question, match, self.messages.fallback)
        best = candidates[0]
        runner_up = candidates[1].score if len(candidates) > 1 else 0.0
        if best.score >= thresholds.answer and best.score - runner_up >= thresholds.margin:
            return self._answer(question, best.intent, best.score)
        if best.score >= thresholds.clarify:
            close = [c for c in candidates if c.score >= max(thresholds.clarify, best.score - 15)]
            if best.intent.kind != "smalltalk":  # "did you mean: help?" helps nobody
                close = [c for c in close if c.intent.kind != "smalltalk"]
            if close:
                return self._clarify(question, close[: thresholds.max_suggestions], best)
        return self._fallback(question, match, self.messages.fallback)

    # ------------------------------------------------------------ follow-ups

    def _follow_up(
        self, question: str, match: Match, previous: Intent, standalone: Reply
    ) -> Reply | None:
        """The reply to `question` read as a follow-up of `previous`, or None if it is not one.

        The KB says where a follow-up may go: `related` intents of the previous one (either way)
        whose slots take the values the follow-up names while keeping the previous intent's others.
        """
        conversation = self.kb.conversation
        words = match.question.folded
        text = " ".join(words)
        if any(_has_phrase(text, marker) for marker in conversation.why_markers):
            target = self.kb.intent(conversation.why_by_topic.get(previous.topic, ""))
            if target is not None and target.id != previous.id:
                return self._answer(question, target, self.kb.settings.thresholds.answer)
            return None
        # "còn …", "vậy …" open a follow-up even when the words alone would answer; a question
        # that merely ends like one ("… ra sao?") is a follow-up only if it cannot stand alone
        opens = any(_starts_with(words, m) for m in conversation.markers_start)
        if not opens and standalone.status in ("answer", "smalltalk"):
            return None
        marked = opens or any(_ends_with(words, m) for m in conversation.markers_end)
        named = {k: v for k, v in self.matcher.slot_values(match.question).items() if k != "ask"}
        if not named:
            return None
        candidates = [i for i in self._related(previous) if _fits(i, named, previous)]
        score = max(self.kb.settings.thresholds.answer, standalone.score)
        if len(candidates) == 1:
            return self._answer(question, candidates[0], score)
        if candidates:
            best = Candidate(candidates[0], score)
            return self._clarify(question, [Candidate(i, score) for i in candidates[:3]], best)
        if marked and standalone.status not in ("answer", "smalltalk"):
            text = conversation.no_counterpart.format(previous=previous.question)
            return Reply(question, "fallback", text, None, standalone.score, ())
        return None  # "vậy bao nhiêu đảng viên?" stands on its own

    def _subjectless(self, question: str, match: Match) -> Reply:
        """ "bao nhiêu?" alone asks about nothing in particular: offer candidates, never guess."""
        close = [c for c in match.candidates if c.intent.kind != "smalltalk"]
        if not close:
            return self._fallback(question, match, self.messages.fallback)
        thresholds = self.kb.settings.thresholds
        return self._clarify(question, close[: thresholds.max_suggestions], close[0])

    def _related(self, intent: Intent) -> list[Intent]:
        """Intents the KB relates to `intent`, in either direction, KB order."""
        return [
            other
            for other in self.kb.intents
            if other.id != intent.id and (other.id in intent.related or intent.id in other.related)
        ]

    # ------------------------------------------------------------ texts

    def _answer(self, question: str, intent: Intent, score: float) -> Reply:
        if intent.kind == "smalltalk":
            return Reply(question, "smalltalk", intent.answer, intent.id, score)
        source = self.messages.source_line.format(
            title=self.article.title, source=self.article.source, published=self.article.published
        )
        text = intent.answer if intent.kind == "meta" else f"{intent.answer}\n{source}"
        return Reply(question, "answer", text, intent.id, score)

    def _clarify(self, question: str, close: list[Candidate], best: Candidate) -> Reply:
        suggestions = tuple(_suggestion(c.intent) for c in close)
        lines = [self.messages.clarify, *(f"• {s.question}" for s in suggestions)]
        return Reply(question, "clarify", "\n".join(lines), None, best.score, suggestions)

    def _fallback(self, question: str, match: Match, message: str) -> Reply:
        thresholds = self.kb.settings.thresholds
        close = [
            c
            for c in match.candidates[: thresholds.max_suggestions]
            if c.score >= thresholds.suggest
        ]
        close = [c for c in close if c.intent.kind != "smalltalk"]
        suggestions = tuple(_suggestion(c.intent) for c in close)
        score = match.candidates[0].score if match.candidates else 0.0
        if suggestions:
            lines = [message, self.messages.fallback_suggestions]
            lines += [f"• {s.question}" for s in suggestions]
            return Reply(question, "fallback", "\n".join(lines), None, score, suggestions)
        return Reply(question, "fallback", self._with_topics(message), None, score, ())

    def _with_topics(self, message: str) -> str:
        labels = ", ".join(self.messages.topics.values()).lower()
        return f"{message}\n{self.messages.fallback_topics.format(topics=labels)}"


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
