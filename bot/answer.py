"""Candidates → outcome (answer / clarify / fallback / smalltalk) and the reply text a user sees.

The decision rule (thresholds in knowledge/matching.yaml, chosen with `python -m bot eval`):
answer when the best intent scores at least `answer` and leads every other intent by `margin`
(or a little under, far ahead or singled out by what is asked: bot/ask_agreement.py); clarify
when it scores at least `clarify`; otherwise fall back, saying the article does not say. A year
or place the article does not cover falls back whatever else matches (bot/scope.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot import typed_commands
from bot.ask_agreement import ask_agrees
from bot.close_calls import close_to_best
from bot.derived import derived_lines
from bot.followups import FollowUps
from bot.kb import Group, Intent, KnowledgeBase
from bot.matcher import Candidate, Match, Matcher
from bot.named_slots import named_now
from bot.normalize import clean, fold
from bot.paths import ARTICLE_PATH, KNOWLEDGE_DIR
from bot.reading import REPLIES_KEPT, Reader
from bot.recent import ByIdentity
from bot.reply import Reply, Suggestion, Topic, suggestion_of
from bot.scope import Scope

if TYPE_CHECKING:
    from bot.cache import Core


class Responder:
    """The core every front end uses: pure, safe to share between concurrent handlers."""

    def __init__(
        self, kb: KnowledgeBase, core: Core | None = None, replies_kept: int = REPLIES_KEPT
    ) -> None:
        """`core`: the KB's index as built before (bot/cache.py); without it, built here.
        `replies_kept`: replies kept for messages read again (0: none, as benchmarks need)."""
        self.kb = kb
        self.matcher = Matcher(kb) if core is None else Matcher(kb, core.index, core.folds)
        self.messages, self.article = kb.messages, kb.messages.article
        self.scope = Scope(kb)
        self._outside = ByIdentity(self.scope.outside)  # asked twice a message (bot/recent.py)
        self.understanding = kb.understanding
        # side by side (a differences-only group is read for "còn lại" questions alone)
        self.groups = tuple(g for g in kb.groups if g.difference is None)
        self.differences = tuple(g for g in kb.groups if g.difference is not None)
        self.source_line = self.messages.source_line.format(
            title=self.article.title, source=self.article.source, published=self.article.published
        )
        settings = kb.settings
        light = {*settings.filler, *settings.question_words, *settings.context, *settings.courtesy}
        light |= {w for phrase in self.understanding.meaning_cues for w in phrase}
        light |= set(self.understanding.light_words)
        # words that say nothing about which fact: "số 115 trong bài là gì" names only 115
        self.light_words = frozenset(fold(w, kb.tables) for w in light)
        # figure → the intents reporting it, in KB order: at a million phrasings a scan of
        # every intent per figure asked about was most of the slowest questions
        by_figure: dict[str, list[str]] = {}
        for intent in kb.intents:
            for figure in dict.fromkeys(intent.figures):
                by_figure.setdefault(figure, []).append(intent.id)
        self._by_figure = {figure: tuple(ids) for figure, ids in by_figure.items()}
        self.follow_ups = FollowUps(self)
        self._reader = Reader(self, replies_kept)

    @classmethod
    def load(cls, knowledge_dir: Path | None = None) -> Responder:
        """The KB and its index from the cache, else loaded, validated and built (raises
        bot.kb.KnowledgeError when the KB is invalid)."""
        from bot.cache import load_core

        core = load_core(knowledge_dir or KNOWLEDGE_DIR, ARTICLE_PATH)
        return cls(core.kb, core)

    # ------------------------------------------------------------ public surface

    def respond(
        self,
        text: str,
        previous: str | Sequence[str] | None = None,
        offered: Sequence[str] = (),
        named: Sequence[str] | None = None,
        before: Sequence[str] = (),
    ) -> Reply:
        """Answer one user message (any string, never raises on content), read against the
        chat's last answer (`previous`: "còn cấp xã?"), the one `before` it ("hai số này …"),
        the last clarification's `offered` intents ("1") and the slots the user `named`."""
        earlier = (previous,) if isinstance(previous, str) else tuple(previous or ())
        question = text if isinstance(text, str) else str(text)
        limit = self.kb.settings.longest_question
        if not any(ch.isalnum() for ch in clean(question[:limit], self.kb.tables)):  # "?", "…"
            example = self.kb.intent(self.messages.examples[0])
            empty = self.messages.empty.format(example=example.question if example else "")
            return Reply(question, "fallback", empty, None, 0.0, self.examples(3))
        named_before = None if named is None else frozenset(named)
        reply = self._reader.read(question[:limit], earlier, tuple(offered), named_before, before)
        if reply.status == "fallback" and typed_commands.is_command(question):
            return typed_commands.reply(self, question)  # "/reset" where no client reads it
        if len(question) > limit:
            note = self.messages.too_long.format(limit=limit)
            return replace(reply, question=question, text=f"{reply.text}\n({note})")
        return reply

    def decide(self, question: str, match: Match, earlier: Sequence[str] = ()) -> Reply:
        """The rule for one question (one clause of a message), read against `earlier`, the
        facts of the chat's last answer (the last one first in mind)."""
        if not match.question.tokens:
            return self._fallback(question, match, self.messages.fallback)
        refusal = self.refusal(question, match)
        if refusal is not None:
            return refusal
        previous = self.kb.intent(earlier[-1]) if earlier else None
        context = previous is not None and previous.kind != "smalltalk"
        # after an answer what is asked may be of it ("ai cung cấp số liệu đó?"): read so first
        reply = self._decide(question, match, agree=not context)
        follow_up = self.follow_ups.read(question, match, earlier, reply) if context else None
        if follow_up is not None:
            reply = follow_up
        elif match.only_question_words and reply.status != "smalltalk":  # "bạn là ai" is fine
            reply = self._subjectless(question, match)
        elif context and reply.status == "clarify":
            reply = self._decide(question, match)  # of nothing before: what is asked may tell
        slots_named = self.matcher.slot_values(match.question)
        return replace(
            reply,
            named=named_now(
                self.kb.conversation,
                slots_named,
                follow_up is not None,
                [i for i in map(self.kb.intent, (*reply.intents, *(earlier or ()))) if i],
            ),
            normalized=match.question.text,
            candidates=tuple((c.intent.id, round(c.score, 1)) for c in match.candidates[:5]),
        )

    def answer_intent(self, intent_id: str, question: str | None = None) -> Reply | None:
        """The reply for a tapped or picked suggestion; None when the id is unknown."""
        intent = self.kb.intent(intent_id)
        if intent is None:
            return None
        return self.answer_as(question or intent.question, intent, 100.0)

    def answer_many(
        self,
        question: str,
        intent_ids: Sequence[str],
        score: float,
        group: Group | None = None,
        with_total: bool = False,
        header_number: str | None = None,
        with_difference: bool = False,
    ) -> Reply:
        """Several facts in one reply, a line each (labelled by `group`); `with_total`: the
        group's declared sum, or a word that the article gives none; `with_difference`: what
        remains of the first part's figure."""
        intents = [i for i in (self.kb.intent(x) for x in intent_ids) if i is not None]
        lines = []
        if header_number is not None:
            lines.append(self.messages.meaning_header.format(number=header_number))
        for intent in intents:
            label = group.labels.get(intent.id) if group else None
            lines.append(f"• {label}: {intent.answer}" if label else f"• {intent.answer}")
        partial = group is not None and {i.id for i in intents} != set(group.parts)  # no sum
        lines += derived_lines(self.messages, group, with_total and not partial, with_difference)
        lines += [self.messages.total_unstated] if with_total and partial else []
        facts = any(i.kind != "meta" for i in intents)
        first, ids = (intents[0].id if intents else None), tuple(i.id for i in intents)
        source = self.source_line if facts else ""
        return Reply(question, "answer", "\n".join(lines), first, score, intents=ids, source=source)

    def clarify_many(
        self, question: str, known: Sequence[str], unclear: Sequence[Suggestion], score: float
    ) -> Reply:
        """Part of a message answered, part unclear: ask back about all of it, never half-answer."""
        suggestions = tuple(
            Suggestion(i.id, i.question) for i in (self.kb.intent(x) for x in known) if i
        ) + tuple(unclear)
        unique: dict[str, Suggestion] = {}
        for suggestion in suggestions:
            unique.setdefault(suggestion.intent_id, suggestion)
        return self._clarify_with(question, tuple(unique.values())[:4], score)

    def facts_with_figure(self, number: str) -> list[str]:  # `number` in canonical form
        return list(self._by_figure.get(number, ()))

    def topics(self) -> tuple[Topic, ...]:
        intents = self.kb.intents
        return tuple(
            Topic(topic, label, tuple(suggestion_of(i) for i in intents if i.topic == topic))
            for topic, label in self.messages.topics.items()
        )

    def examples(self, n: int = 4) -> tuple[Suggestion, ...]:
        """Example questions for /start and help."""
        found = (self.kb.intent(i) for i in self.messages.examples)
        return tuple(suggestion_of(i) for i in found if i is not None)[:n]

    # ------------------------------------------------------------ decisions

    def _decide(self, question: str, match: Match, agree: bool = True) -> Reply:
        thresholds = self.kb.settings.thresholds
        candidates = match.candidates
        if not candidates:
            return self._fallback(question, match, self.messages.fallback)
        best = candidates[0]
        runner_up = candidates[1].score if len(candidates) > 1 else 0.0
        lead = best.score - runner_up
        sure = best.score >= thresholds.answer and lead >= thresholds.margin
        sure = sure or (best.score >= thresholds.lead_answer and lead >= thresholds.lead)
        # "tờ nào đăng tin này?": a little under, but the only close candidate naming a source
        if sure or (agree and ask_agrees(self.kb, self.matcher, self.understanding, match, best)):
            return self.answer_as(question, best.intent, best.score)
        if best.score >= thresholds.clarify:
            close = close_to_best(candidates, thresholds.clarify)
            if best.intent.kind != "smalltalk":  # "did you mean: help?" helps nobody
                close = [c for c in close if c.intent.kind != "smalltalk"]
            elif best.score >= thresholds.answer and all(
                c.intent.kind == "smalltalk" for c in close
            ):
                return self.answer_as(question, best.intent, best.score)  # "hi, or who?": hi
            if close:
                return self._clarify(question, close[: thresholds.max_suggestions], best)
        return self._fallback(question, match, self.messages.fallback)

    def _subjectless(self, question: str, match: Match) -> Reply:
        """ "bao nhiêu?" alone asks about nothing in particular: offer candidates, never guess."""
        close = [c for c in match.candidates if c.intent.kind != "smalltalk"]
        if not close:
            return self._fallback(question, match, self.messages.fallback)
        thresholds = self.kb.settings.thresholds
        return self._clarify(question, close[: thresholds.max_suggestions], close[0])

    # ------------------------------------------------------------ texts

    def fallback(self, question: str, match: Match) -> Reply:
        """The article does not say: the general fallback, with close candidates if any."""
        return self._fallback(question, match, self.messages.fallback)

    def refusal(self, question: str, match: Match) -> Reply | None:
        """The fallback for a question about another place or year (whatever else it names)."""
        outside = self._outside(match.question) or self.scope.another_district(question)
        message = outside or self.scope.count_of_an_event_year(match, self.matcher.slot_values)
        if message is None:
            return None
        return Reply(question, "fallback", self._with_topics(message), None, 0.0)

    def clarify_among(self, question: str, intents: Sequence[Intent], score: float) -> Reply:
        return self._clarify_with(question, tuple(suggestion_of(i) for i in intents), score)

    def answer_as(self, question: str, intent: Intent, score: float) -> Reply:
        """The reply that gives `intent`'s answer to `question`."""
        if intent.kind == "smalltalk":
            return Reply(
                question, "smalltalk", intent.answer, intent.id, score, intents=(intent.id,)
            )
        source = "" if intent.kind == "meta" else self.source_line
        return Reply(
            question, "answer", intent.answer, intent.id, score, intents=(intent.id,), source=source
        )

    def _clarify(self, question: str, close: list[Candidate], best: Candidate) -> Reply:
        return self._clarify_with(
            question, tuple(suggestion_of(c.intent) for c in close), best.score
        )

    def _clarify_with(
        self, question: str, suggestions: tuple[Suggestion, ...], score: float
    ) -> Reply:
        if len(suggestions) == 1:
            text = self.messages.clarify_one.format(question=suggestions[0].question)
        else:
            lines = [self.messages.clarify]
            lines += [f"{n}. {s.question}" for n, s in enumerate(suggestions, 1)]
            text = "\n".join(lines)
        return Reply(question, "clarify", text, None, score, suggestions)

    def _fallback(self, question: str, match: Match, message: str) -> Reply:
        thresholds = self.kb.settings.thresholds
        close = match.candidates[: thresholds.max_suggestions]
        suggestions = tuple(
            suggestion_of(c.intent)
            for c in close
            if c.score >= thresholds.suggest and c.intent.kind != "smalltalk"
        )
        score = match.candidates[0].score if match.candidates else 0.0
        if suggestions:
            lines = [message, self.messages.fallback_suggestions]
            lines += [f"• {s.question}" for s in suggestions]
            return Reply(question, "fallback", "\n".join(lines), None, score, suggestions)
        return Reply(question, "fallback", self._with_topics(message), None, score, ())

    def _with_topics(self, message: str) -> str:
        labels = ", ".join(self.messages.topics.values()).lower()
        return f"{message}\n{self.messages.fallback_topics.format(topics=labels)}"
