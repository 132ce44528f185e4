"""What remains of a whole once a part is taken away ("trừ cấp xã ra thì còn lại bao nhiêu?",
"riêng cấp huyện có bao nhiêu cán bộ?"): the whole, the part and the difference a group declares
(knowledge/groups.yaml `difference`, `remainder`; proven by `kb check`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import message_memo
from bot.followup_switch import STANDALONE_SURE as _SURE  # a question that surely asks it
from bot.group_facts import facts_of
from bot.phrases import spans
from bot.slot_finder import pattern_in

if TYPE_CHECKING:
    from bot.groups import Groups
    from bot.kb import Group
    from bot.kb.reading_words import Phrases
    from bot.matcher import Match
    from bot.normalize import Normalized
    from bot.reply import Reply


class Differences:
    def __init__(self, groups: Groups) -> None:
        self.groups = groups
        self.responder, self.kb, self.reading = groups.responder, groups.kb, groups.reading

    def with_difference(
        self, question: str, match: Match, reply: Reply, earlier: Sequence[str] = ()
    ) -> Reply | None:
        """ "trừ cấp xã ra thì còn lại bao nhiêu?": the whole, the part taken away, and the
        difference a group declares — when the question asks for what remains of facts it names,
        or names the level the difference counts ("riêng cấp huyện có bao nhiêu cán bộ?") and
        no fact of that level answers it (after "huyện có bao nhiêu cán bộ?" too)."""
        words = match.question
        facts = set(facts_of(reply) or ())
        if reply.status != "answer":  # "trừ ra còn bn" after the commune figure: of it
            facts |= set(earlier)
        cue = self._asks_remainder(words, self.reading.difference_cues)
        if cue and not any(facts & set(g.parts) for g in self.responder.differences):
            # "Trừ cấp xã ra thì huyện còn bao nhiêu cán bộ, công chức?": the course the
            # commune's "cán bộ, công chức" ranks first for is no whole; the runner-up may be
            floor = self.kb.settings.thresholds.clarify
            facts |= {c.intent.id for c in match.candidates[:2] if c.score >= floor}
        named = self.responder.matcher.slot_values(words)
        # the best guess of the words, or the fact just given ("vậy cấp huyện là bao nhiêu?")
        best = [i for i, _ in reply.candidates[:1]]
        near = set() if reply.status == "answer" else {*best, *earlier[-1:]}
        for group in self.responder.differences:
            remains = group.remainder is not None and named.get(group.by) == {group.remainder}
            if remains and not near & set(group.parts) and reply.status != "answer":
                near = {*near, *self._without_slot(match, group.by)}  # "cấp huyện có mấy cb?"
            elif (
                remains
                and not near & set(group.parts)
                and self._narrower(reply, named, group, earlier)
            ):
                # "bao nhiêu cán bộ ở cấp huyện?": its young leaders are a narrower fact (after
                # the communes' staff, "còn bao nhiêu ở cấp huyện?" asks of the fact just given)
                near = {*near, *earlier[-1:], *self._without_slot(match, group.by, sure=_SURE)}
            # a group with words of its own is asked its remainder by those alone ("chưa có
            # trình độ đại học", never "… trừ 11 người trên đại học", "em chưa có số liệu")
            asked = self._asks_remainder(words, group.cues) if group.cues else cue
            if (asked and facts & set(group.parts)) or (remains and near & set(group.parts)):
                quoted = group.quoted or group.parts  # "trong 1.999 … có 712": the whole too
                told = self.groups.answer_parts(
                    question, quoted, reply.score, reply, group, with_difference=True
                )
                # the facts the remainder is worked from: the whole and the parts quoted (whose
                # answers write the figures of any other part)
                worked_from = tuple(dict.fromkeys((group.parts[0], *quoted)))
                # "cấp huyện có mấy cb?": what remains is no part's level; the next turn reads
                # against the whole ("còn học trung cấp?" never the communes' only)
                after = (*worked_from[1:], worked_from[0]) if remains else worked_from
                return replace(told, intents=worked_from, context=after)
        return None

    def _narrower(
        self, reply: Reply, named: dict[str, set[str]], group: Group, earlier: Sequence[str]
    ) -> bool:
        """Whether a question naming only a value of `by` ("bao nhiêu cán bộ ở cấp huyện?") is
        answered with a fact of that value narrower than it asks (its young leaders): a slot
        the fact declares and the question leaves unnamed."""
        if set(named) - {"ask", "role"} != {group.by} or len(reply.intents) != 1:  # "cán bộ"
            return False
        fact, last = (
            self.kb.intent(reply.intents[0]),
            self.kb.intent(earlier[-1] if earlier else ""),
        )
        narrowing = set(fact.slots) - {"ask", group.by} if fact is not None else set()
        # (after the communes' young leaders, "bao nhiêu cán bộ cấp huyện?" asks the district's)
        return bool(narrowing) and not (last is not None and narrowing & set(last.slots))

    def asks_own_remainder(self, words: Normalized) -> bool:
        """Whether the message holds the words of a group that is asked its remainder by its
        own words alone ("chưa có trình độ đại học")."""
        return any(
            g.cues and self._asks_remainder(words, g.cues) for g in self.responder.differences
        )

    def _asks_remainder(self, words: Normalized, cues: Phrases) -> bool:
        """A cue that asks what remains, outside a "rather than" ("… chứ không phải số được cử
        đi học": what is not wanted)."""
        rather = spans(words.folded, self.reading.rather_than, words.tokens)
        return any(
            not any(c <= a and b <= d for c, d in rather)
            for a, b in spans(words.folded, cues, words.tokens)
        )

    def _without_slot(self, match: Match, slot_name: str, sure: float = 0.0) -> tuple[str, ...]:
        """What the question asks once the words naming a value of `slot_name` are left out
        ("cấp huyện có bao nhiêu cán bộ?" → "có bao nhiêu cán bộ?": all staff), answered at
        least `sure`."""
        slot = next(s for s in self.kb.settings.slots if s.name == slot_name)
        text = match.question.folded_text
        rest = pattern_in(slot, text).sub(" ", text)
        reply = self.responder.decide(rest, message_memo.match(self.responder.matcher, rest), ())
        return reply.intents if reply.status == "answer" and reply.score >= sure else ()
