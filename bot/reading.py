"""Reading a whole message: several questions in one, totals, the meaning of a figure, an
attribute the article never gives, and a reply to the bot's own clarification.

Each clause is decided by the single-question rule of bot/answer.py; this module only combines
them. A partial answer is never given as an answer: if one question of several stays unclear,
the bot asks back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.kb import Group
from bot.normalize import fold, normalize
from bot.reply import Reply, Suggestion
from bot.understanding import (
    Clause,
    asked_unstated,
    has_phrase,
    numbers_in,
    picked,
    split_clauses,
)

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match

MAX_CLAUSES = 8
TIE = 6  # points between two candidates that the matcher cannot tell apart
SIBLING_GAP = 15  # an answer's sibling part this close is as much what a level-less question asks  # a longer message is read as one question (and its preamble)


class Reader:
    """Combines single-question decisions into the reply to a whole message."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.kb = responder.kb
        self.reading = responder.understanding
        self.groups = responder.groups
        self.light_words = responder.light_words

    def read(self, question: str, earlier: tuple[str, ...], offered: Sequence[str]) -> Reply:
        responder = self.responder
        match = responder.matcher.match(question)
        if offered:
            chosen = self._pick(question, match, offered)
            if chosen is not None:
                return chosen
        meaning = self._meaning(question, match, earlier)
        if meaning is not None:
            return meaning
        if earlier and self._only_total_cues(match):  # "vậy cộng lại?" after an answer
            summed = self._total_of(question, list(earlier), match, None)
            if summed is not None:
                return summed
        refusal = self.responder.refusal(question, match)
        if refusal is not None:  # "số liệu năm 2022 …, có bao nhiêu cb đạt chuẩn?"
            return refusal
        whole = self.single(question, match, earlier)
        clauses = split_clauses(question, self.reading, self.kb.tables)
        if 1 < len(clauses) <= MAX_CLAUSES:
            several = self._several(question, clauses, earlier, whole)
            if several is not None:
                return several
        return self._with_total(question, match, whole, earlier)

    # ------------------------------------------------------------ one question

    def single(self, question: str, match: Match, earlier: tuple[str, ...]) -> Reply:
        """One question: the core rule, then parts the question leaves open, then what the
        article never says."""
        reply = self.responder.decide(question, match, earlier[-1] if earlier else None)
        if self._counts_nothing_known(reply, match):  # "Điện Biên Đông có bao nhiêu dân?"
            return self.responder.fallback(question, match)
        if self._only_pleasantries(reply, match):
            # "bot giỏi quá 👍": mistaking one pleasantry for another costs nothing; never ask back
            return self.responder.answer_intent(reply.suggestions[0].intent_id, question=question)
        reply = self._unstated(question, match, reply)
        if reply.status in ("answer", "clarify"):
            reply = self._whole_group(question, match, reply, earlier)
        return reply

    def _unstated(self, question: str, match: Match, reply: Reply) -> Reply:
        if reply.status == "smalltalk":
            return reply
        attribute = asked_unstated(
            " ".join(match.question.tokens), match.question.folded_text, self.reading
        )
        if attribute is None:
            return reply
        close = reply.intents or tuple(s.intent_id for s in reply.suggestions)
        if any(attribute.id in self._states(i) for i in close):
            return reply
        suggestions = tuple(
            Suggestion(i.id, i.question)
            for i in (self.kb.intent(x) for x in close[:3])
            if i is not None and i.kind != "smalltalk"
        )
        text = self.responder.messages.unstated.format(what=attribute.label)
        if suggestions:
            text += "\n" + self.responder.messages.unstated_nearby
            text += "".join(f"\n• {s.question}" for s in suggestions)
        return Reply(
            question,
            "fallback",
            text,
            None,
            reply.score,
            suggestions,
            normalized=reply.normalized,
            candidates=reply.candidates,
        )

    def _counts_nothing_known(self, reply: Reply, match: Match) -> bool:
        """A question whose only candidates are pleasantries ("dân số bao nhiêu?")."""
        return (
            reply.status == "clarify"
            and all(self._is_smalltalk(s.intent_id) for s in reply.suggestions)
            and self._asks(match)
        )

    def _only_pleasantries(self, reply: Reply, match: Match) -> bool:
        return (
            reply.status == "clarify"
            and bool(reply.suggestions)
            and all(self._is_smalltalk(s.intent_id) for s in reply.suggestions)
            and not self._asks(match)
        )

    def _asks(self, match: Match) -> bool:
        return has_phrase(match.question.folded, self.reading.question_cues, match.question.tokens)

    def _is_smalltalk(self, intent_id: str) -> bool:
        intent = self.kb.intent(intent_id)
        return intent is not None and intent.kind == "smalltalk"

    def _states(self, intent_id: str) -> frozenset[str]:
        intent = self.kb.intent(intent_id)
        return intent.slots.get("states", frozenset()) if intent else frozenset()

    def _whole_group(
        self, question: str, match: Match, reply: Reply, earlier: tuple[str, ...]
    ) -> Reply:
        """ "bao nhiêu người học trung cấp?" names no level where the article gives one figure
        per level: every level's figure, each with its label, rather than asking back or guessing
        one. A level the conversation already set (the previous answer's) counts as named."""
        named = self._named(match, earlier)
        top = list(reply.candidates[:2])
        if len(top) < 2:
            return reply
        # only a tie between parts the matcher is sure of (it asked back for the tie alone)
        gap = TIE if reply.status == "clarify" else SIBLING_GAP
        if top[0][1] - top[1][1] > gap or top[0][1] < self.kb.settings.thresholds.answer:
            return reply
        pair = {top[0][0], top[1][0]}
        for group in sorted(self.groups, key=lambda g: len(g.parts)):
            if not group.all_when_unnamed or group.by in named or not pair <= set(group.parts):
                continue
            if self._fits_named(group, named):
                return self._answer_group(question, group, reply, with_total=False)
        return reply

    def _named(self, match: Match, earlier: tuple[str, ...]) -> dict[str, set[str]]:
        """The slot values the question names, and those of the previous answer it leaves open."""
        named = dict(self.responder.matcher.slot_values(match.question))
        for intent in (self.kb.intent(i) for i in earlier[-1:]):
            for slot, values in intent.slots.items() if intent else ():
                if slot != "ask":
                    named.setdefault(slot, set(values))
        return named

    def _fits_named(self, group: Group, named: dict[str, set[str]], but: str = "") -> bool:
        """Every part takes the values the question names (of every slot but `but`)."""
        for part in group.parts:
            intent = self.kb.intent(part)
            if intent is None:
                return False
            for slot, values in named.items():
                if slot in ("ask", but) or slot not in intent.slots:
                    continue
                if not values & intent.slots[slot]:
                    return False
        return True

    # ------------------------------------------------------------ several in one

    def _several(
        self, question: str, clauses: list[Clause], earlier: tuple[str, ...], whole: Reply
    ) -> Reply | None:
        context = earlier
        answered: list[Reply] = []
        quiet: list[Reply] = []  # clauses that answer something but ask nothing: a preamble
        unclear: list[Reply] = []
        for clause in clauses:
            match = self.responder.matcher.match(clause.text)
            reply = self.single(clause.text, match, context)
            asks = clause.asks
            if reply.status == "answer" and asks:
                answered.append(reply)
                context = reply.intents
            elif reply.status == "answer":
                quiet.append(reply)
            elif reply.status == "clarify" and asks:
                unclear.append(reply)
        facts = _unique(i for r in answered for i in r.intents)
        if len(facts) >= 2 and not unclear:
            score = min(r.score for r in answered)
            total = self._asks_total(question)
            group = smallest_group(self.groups, facts)
            return self.responder.answer_many(question, facts, score, group, with_total=total)
        if len(facts) >= 2:
            suggestions = [s for r in unclear for s in r.suggestions]
            return self.responder.clarify_many(question, facts, suggestions, whole.score)
        if len(facts) == 1 and unclear and whole.status == "answer":
            # one question answered, another unclear: ask back about both rather than half-answer
            suggestions = [s for r in unclear for s in r.suggestions]
            return self.responder.clarify_many(question, facts, suggestions, whole.score)
        if whole.status == "answer" or unclear:
            return None
        if len(facts) == 1:
            return replace(answered[0], question=question)
        if not facts and len(quiet) == 1:
            return replace(quiet[0], question=question)
        return None

    # ------------------------------------------------------------ totals

    def _asks_total(self, question: str) -> bool:
        words = normalize(question, self.kb.tables)
        return has_phrase(words.folded, self.reading.total_cues, words.tokens)

    def _only_total_cues(self, match: Match) -> bool:
        words = match.question.folded
        cue_words = {fold(w, self.kb.tables) for p in self.reading.total_cues for w in p}
        return has_phrase(words, self.reading.total_cues, match.question.tokens) and all(
            w in cue_words or w in self.light_words for w in words
        )

    def _with_total(
        self, question: str, match: Match, reply: Reply, earlier: tuple[str, ...]
    ) -> Reply:
        """ "tổng cộng cả hai cấp?": the parts and their declared sum."""
        if not has_phrase(match.question.folded, self.reading.total_cues, match.question.tokens):
            return reply
        if reply.status == "answer":
            intents = list(reply.intents)
        elif reply.status == "clarify":
            intents = [s.intent_id for s in reply.suggestions]
        else:
            return reply
        return self._total_of(question, intents, match, reply) or reply

    def _total_of(
        self, question: str, intents: list[str], match: Match, reply: Reply | None
    ) -> Reply | None:
        """The group a total question sums: one holding the intents, whose parts all take the
        values the question names — except of the slot it sums over, where it names all or none
        ("cả hai cấp", "cao cấp lẫn trung cấp"); the largest such group."""
        named = self.responder.matcher.slot_values(match.question)
        fitting = [
            g
            for g in self.groups
            if set(intents) & set(g.parts)
            and len(named.get(g.by, ())) != 1
            and self._fits_named(g, named, but=g.by)
        ]
        if not fitting:
            return None
        group = max(fitting, key=lambda g: (set(intents) <= set(g.parts), len(g.parts)))
        base = reply or Reply(question, "answer", "", None, self.kb.settings.thresholds.answer)
        return self._answer_group(question, group, base, with_total=True)

    def _answer_group(self, question: str, group: Group, reply: Reply, with_total: bool) -> Reply:
        score = max(reply.score, self.kb.settings.thresholds.answer)
        answer = self.responder.answer_many(
            question, list(group.parts), score, group, with_total=with_total
        )
        return replace(answer, normalized=reply.normalized, candidates=reply.candidates)

    # ------------------------------------------------------------ figures

    def _meaning(self, question: str, match: Match, earlier: tuple[str, ...]) -> Reply | None:
        """ "số 115 là gì?", "1.999 ứng với cái gì", "còn 1.066?": what a figure stands for.
        Only when the question names nothing but figures (and words that ask what they mean)."""
        numbers = _unique(numbers_in(question))
        if not numbers:
            return None
        rest = [
            w for w in match.question.folded if not w[:1].isdigit() and w not in self.light_words
        ]
        if rest:
            return None
        cue = has_phrase(match.question.folded, self.reading.meaning_cues, match.question.tokens)
        facts = _unique(f for n in numbers for f in self.responder.facts_with_figure(n))
        missing = [n for n in numbers if not self.responder.facts_with_figure(n)]
        if missing and (cue or not facts):
            text = self.responder.messages.meaning_missing
            return Reply(question, "fallback", text, None, 0.0)
        if not facts:
            return None
        header = ", ".join(numbers)
        return self.responder.answer_many(question, facts, 100.0, header_number=header)

    # ------------------------------------------------------------ replies to a clarification

    def _pick(self, question: str, match: Match, offered: Sequence[str]) -> Reply | None:
        """After "Có phải bạn muốn hỏi …?": "1", "cái đầu tiên", "ừ", or a slot value
        ("cấp huyện") that only one of the offered intents has."""
        position = picked(match.question.folded, self.reading, len(offered))
        if position is not None:
            return self.responder.answer_intent(offered[position], question=question)
        named = {
            k: v
            for k, v in self.responder.matcher.slot_values(match.question).items()
            if k != "ask"
        }
        if not named or (match.candidates and match.candidates[0].score >= 90):
            return None
        fitting = []
        for intent_id in offered:
            intent = self.kb.intent(intent_id)
            if intent and all(
                values & intent.slots.get(s, frozenset()) for s, values in named.items()
            ):
                fitting.append(intent_id)
        if len(fitting) == 1:
            return self.responder.answer_intent(fitting[0], question=question)
        return None


def _unique(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def smallest_group(groups: Sequence[Group], intents: Sequence[str]) -> Group | None:
    """The smallest group holding every one of `intents` (at least two), if any."""
    fitting = [g for g in groups if len(set(intents)) >= 2 and set(intents) <= set(g.parts)]
    return min(fitting, key=lambda g: len(g.parts), default=None)
