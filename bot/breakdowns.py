"""A count asked inside a figure the article gives whole ("trong 1.800 lượt đó có bao nhiêu lượt
là giáo viên mầm non?", "trong 168 người, bao nhiêu cao cấp?", after an answer "trong đó bao
nhiêu người là bí thư?"): the article splits a figure only where it gives its parts (a fact
reporting the figure beside its own, or a part of a group the figure's fact is in). Any other
answer would re-state the whole, or give a figure of something else as its part."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.clause_cuts import inside_it
from bot.levels import narrowed, one_level
from bot.phrases import question_cues, spans
from bot.reply import Reply
from bot.unstated import told_unstated

if TYPE_CHECKING:
    from bot.matcher import Match
    from bot.normalize import Normalized
    from bot.reading import Reader
    from bot.understanding import Clause


class Breakdowns:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.responder, self.kb, self.reading = reader.responder, reader.kb, reader.reading
        self.label = self.responder.messages.part_unstated
        self._total_words = {w for cue in self.reading.total_cues for w in cue}
        groups = self.responder.groups + self.responder.differences
        self.mates = {
            fact: {p for g in groups if fact in g.parts for p in g.parts} - {fact}
            for g in groups
            for fact in g.parts
        }

    def check(self, question: str, reply: Reply, earlier: Sequence[str]) -> Reply:
        """`reply`, or what the article does not say when it answers a count asked inside a
        figure by anything but that figure's declared parts."""
        if reply.status != "answer" or not reply.intents:
            return reply
        whole = self._whole_asked_in(question, earlier, reply.intents)
        if whole is None or not self._not_a_part(reply.intents, whole):
            return reply
        if self._given_apart(reply.intents, whole):  # the 300 who studied, after the 294 staff
            note = self.responder.messages.part_given_apart
            return replace(reply, text=f"{note}\n{reply.text}")
        close = tuple(dict.fromkeys((whole, *reply.intents)))
        return told_unstated(self.reader.responder, question, reply, self.label, close)

    def within(self, match: Match, reply: Reply, before: Reply | None) -> Reply:
        """ "…, trong đó cán bộ huyện bao nhiêu": a clause asking inside the clause answered
        before it gives a part of that clause's figures — one the article gives as a part, else
        that clause's own fact at the level it names — never a whole of its own (1.999)."""
        words = match.question
        if before is None or reply.status != "answer" or not self._opens_inside(words):
            return reply
        given = set(before.intents)
        # the same, or a part it may be ("…; trong đó lãnh đạo trẻ ở xã là mấy người?")
        if set(reply.intents) <= given or not all(
            self._not_a_part(reply.intents, w) for w in given
        ):
            return reply
        level = one_level(self.responder, match) or self._level_word(words)
        part = narrowed(self.responder, before, level) if level else reply
        if set(part.intents) == given:  # "cử đi học 712, trong đó cán bộ huyện?": never split
            return told_unstated(self.responder, words.text, reply, self.label, tuple(given))
        return part

    def parts_asked(self, clauses: Sequence[Clause]) -> bool:
        """A clause after the first asks inside the one before ("tổng số CBCC, trong đó cấp xã
        bao nhiêu?"): "tổng số" names the whole, no sum is asked."""
        return any(self._opens_inside(self.reader.words(c.text)) for c in clauses[1:])

    def _opens_inside(self, words: Normalized) -> bool:
        """The words open with "trong đó", "trong số đó"."""
        return inside_it((words.folded, words.tokens), 0, self.reading)

    def _opens_apart(self, words: Normalized, last: str) -> bool:
        """The words open with "riêng" and name only values the fact just given counts
        together ("thế riêng cao cấp là bao nhiêu?" after the 168 of both courses; not "riêng
        tác giả là ai", a question of its own, nor "riêng cấp xã?" after the whole staff)."""
        folded, intent = tuple(words.folded), self.kb.intent(last)
        if intent is None or not any(folded[: len(p)] == p for p in self.reading.split_openers):
            return False
        named = self.responder.matcher.slot_values(words)
        named = {k: v for k, v in named.items() if k != "ask"}
        together = {k: v for k, v in intent.slots.items() if len(v) > 1}
        return bool(named) and all(v <= together.get(k, frozenset()) for k, v in named.items())

    def _given_apart(self, facts: Sequence[str], whole: str) -> bool:
        """Facts the article gives apart from the whole, of its level and larger (the 300 of the
        communes who studied, after the communes' 294 staff): the figure asked about, told as no
        part of it."""
        of_whole = self.kb.intent(whole)
        if of_whole is None or not of_whole.figures or set(of_whole.slots) - {"level", "ask"}:
            return False  # (only a level's bare headcount: not the 19 trained, the 128 lượt)
        levels, size = of_whole.slots.get("level", frozenset()), _size(of_whole.figures[0])
        others = [self.kb.intent(f) for f in facts if f != whole]
        return bool(levels and others) and all(
            o is not None
            and o.figures
            and _size(o.figures[0]) > size  # never taken for a part of it: larger
            and o.slots.get("level")
            and o.slots["level"] <= levels
            for o in others
        )

    def _level_word(self, words: Normalized) -> str | None:
        """The one level a word names as "cấp …" would ("cán bộ huyện": inside a count, the
        district level, not the district's whole staff)."""
        every = self.kb.settings.slot_every.get("level")
        slots = self.responder.matcher.slot_values
        named = {
            v for t in words.tokens for v in slots(self.reader.words(f"cấp {t}")).get("level", ())
        }
        named.discard(every)
        return next(iter(named)) if len(named) == 1 else None

    def _not_a_part(self, facts: Sequence[str], whole: str) -> bool:
        """The whole again ("trong 1.800 lượt, bao nhiêu lượt …?" → 1.800), or a fact that
        cannot be a part of it: larger, or counted at another stage (sent to study, not holding
        a degree now) — unless the article gives it as a part."""
        if tuple(facts) == (whole,):
            return True
        if set(facts) - {whole} <= self._parts_of(whole):
            return False
        intent = self.kb.intent(whole)
        if intent is None or not intent.figures:
            return False
        size, stage = _size(intent.figures[0]), intent.slots.get("stage", frozenset())
        for fact in (self.kb.intent(f) for f in facts if f != whole):
            if fact is None:
                continue
            other = fact.slots.get("stage", frozenset())
            if (stage and other and not stage & other) or (
                not fact.figures or _size(fact.figures[0]) > size  # no count at all, or larger
            ):
                return True
        return False

    def _whole_asked_in(
        self, question: str, earlier: Sequence[str], answered: Sequence[str]
    ) -> str | None:
        """The fact whose figure a count is asked inside: the one reporting the number after
        "trong (số)", or after "trong đó" the fact just given."""
        words = self.reader.words(question)
        if earlier and (
            spans(words.folded, self.reading.split_cues, words.tokens)
            or self._opens_apart(words, earlier[-1])
        ):
            if set(answered) < set(earlier):
                return None  # "tách riêng cấp xã" after both levels: one of the parts given
            return earlier[-1]  # "tách riêng cao cấp ra được không": inside the figure just given
        asked = self.responder.matcher.slot_values(words).get("ask", set())
        if not asked & {"count", "count_other"}:
            return None
        folded = words.folded
        approximate = self.kb.settings.approximate_cues
        for start, end in spans(folded, self.reading.part_of_cues, words.tokens):
            if end < len(folded) - 1 and folded[end] in approximate:
                end += 1  # "trong hơn 1.800 lượt"
            after = folded[end] if end < len(folded) else ""
            if after[:1].isdigit():
                owners = [
                    f
                    for f in self.responder.facts_with_figure(after)
                    if (i := self.kb.intent(f)) is not None and i.figures[:1] == (after,)
                ]
                # two facts of the same figure (712 sent to study, 712 party members): the one
                # the answer re-states, if it does
                if len(owners) > 1:
                    owners = [f for f in owners if (f,) == tuple(answered)]
                return owners[0] if len(owners) == 1 else None
            if (
                after in self.reading.referring_words
                and earlier
                and not self._asked_before(words, start, end + 1)
            ):
                if set(answered) < set(earlier):
                    return None  # "trong đó bn người có bằng đại học" after 1.999's meanings
                total = self._total_words & set(folded[start:end])  # "trong tổng số đó"
                return self._total_in(earlier) if total else earlier[-1]
        return None

    def _asked_before(self, words: Normalized, start: int, after: int) -> bool:
        """The message asks a count of its own before "trong đó", and asks again after it
        ("huyện có bao nhiêu cán bộ, trong đó cấp xã bn?"): "đó" is that count, not the chat's
        last answer (as in "cao cấp bao nhiêu trong đó")."""
        if not question_cues(words.folded[after:], words.tokens[after:], self.reading):
            return False
        before = self.reader.words(" ".join(words.tokens[:start]))
        asked = self.responder.matcher.slot_values(before).get("ask", set())
        return bool(asked & {"count", "count_other"})

    def _total_in(self, earlier: Sequence[str]) -> str:
        """ "trong tổng số đó" after both levels: the fact of every level, else the last one."""
        every = self.kb.settings.slot_every
        for fact in reversed(earlier):
            intent = self.kb.intent(fact)
            if intent and any(intent.slots.get(k) == {v} for k, v in every.items()):
                return fact
        return earlier[-1]

    def _parts_of(self, whole: str) -> set[str]:
        """The facts the article gives as parts of `whole`'s figure: those reporting that
        figure beside their own ("712/1.999"), and its group mates."""
        intent = self.kb.intent(whole)
        figure = intent.figures[0] if intent and intent.figures else None
        beside = {f for f in self.responder.facts_with_figure(figure or "") if f != whole}
        return beside | self.mates.get(whole, set())


def _size(figure: str) -> float:
    try:
        return float(figure)
    except ValueError:
        return 0.0
