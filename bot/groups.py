"""Facts the article gives side by side (one figure per level, course …): a question naming none
gets every part, labelled, and a total also the declared sum (groups.yaml; `kb check` proves it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.ask_agreement import group_alone, parts_agree
from bot.group_facts import counted, exact_group, facts_of, outsider_near, smallest_group
from bot.group_named import (
    asked_apart,
    counts_asked,
    covered,
    fits_named,
    left_unnamed,
    named_parts_in_order,
    names_every_part,
    names_parts,
    one_plain_ask,
    only_part,
    part_by_figure,
    parts_of,
    shares_named,
    unnamed_kind,
    values_named,
)
from bot.kb import Group
from bot.levels import every_level_group, part_in_no_clause, part_words
from bot.phrases import has_phrase, phrase_at
from bot.reply import Reply
from bot.sum_cues import sum_cues
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match
    from bot.totals import TotalCues

TIE = 6  # points between two candidates that the matcher cannot tell apart
SIBLING_GAP = 15  # an answer's sibling part this close is as much what a level-less question asks
SIBLING_SLACK = 5  # ... or one this near the answer threshold, however far the answer leads


class Groups:
    def __init__(self, responder: Responder, totals: TotalCues) -> None:
        self.responder = responder
        self.kb, self.reading, self.totals = responder.kb, responder.understanding, totals
        self.groups = responder.groups
        self.light_words = responder.light_words
        self.slot_values = responder.matcher.slot_values
        self._counted = tuple(g for g in self.groups if counted(self.kb, g))  # what sums ask

    def whole_group(
        self, question: str, match: Match, reply: Reply, earlier: tuple[str, ...]
    ) -> Reply:
        """ "bao nhiêu người học trung cấp?" names no level where the article gives one figure
        per level: every level's figure, labelled (a level the chat is at counts as named)."""
        named = self._named(match, earlier)
        both = self._parts_named(question, match, reply, named)
        if both is not None:
            return both
        every, summed = every_level_group(
            self.responder, self.groups, match, reply, TIE, SIBLING_GAP
        )
        if every is not None:  # "toàn huyện … trung cấp?": every part, summed; "…: A, B, C"
            return self._answer_group(question, every, reply, summed)
        top, thresholds = list(reply.candidates[:2]), self.kb.settings.thresholds
        # only a tie between parts the matcher is sure of (it asked back for the tie alone);
        # after an answer, a sibling part the question reaches as well as any fact it asks about
        each = has_phrase(match.question.folded, self.reading.distributive_cues)  # "mỗi cấp"
        gap = TIE if reply.status == "clarify" and not each else SIBLING_GAP
        close = len(top) == 2 and (
            top[0][1] - top[1][1] <= gap
            or (reply.status == "answer" and top[1][1] >= thresholds.answer - SIBLING_SLACK)
        )
        bar = thresholds.clarify if each else thresholds.ask_answer  # asks of each: lower still
        tied = reply.status == "clarify" and close and top[0][1] >= thresholds.clarify
        if not close or (top[0][1] < bar and not tied):
            return reply
        pair = {top[0][0], top[1][0]}
        if reply.status == "answer" and not set(reply.intents) & pair:
            return reply  # answered otherwise than by the words alone (a follow-up)
        for group in sorted(self.groups, key=lambda g: len(g.parts)):
            if not group.all_when_unnamed or not pair <= set(group.parts):
                continue
            alone = tied and group_alone(self.responder, match, group, reply.unstated)
            if top[0][1] < bar and not alone:
                continue
            if (
                top[0][1] < thresholds.answer
                and not alone
                and not parts_agree(self.responder, match, group, bar)
            ):
                continue  # a little under the bar: only when the kind asked singles them out
            if reply.status == "answer" and set(earlier) & set(group.parts) - set(reply.intents):
                continue  # "ngoài ra …": the part after the one just given, alone
            if outsider_near(self.kb, reply, group, top[1][1] - TIE, self._asks(match), named):
                continue  # "sao huyện phải chú trọng đào tạo?": another fact is as likely
            figured = part_by_figure(self.kb, group, question)
            if figured is None and group.by not in named:  # "ở huyện có mấy cán bộ trẻ"
                figured = only_part(
                    self.kb, group, part_words(self.responder, match).get(group.by, set())
                )
            if figured is not None:  # "300 người học trung cấp là cấp nào": the 300's part
                return self.responder.answer_as(question, figured, self._at_least_answer(reply))
            if group.by in named and not names_every_part(self.kb, group, named[group.by]):
                # "cấp xã có mấy …" (not "huyện và xã"); a tie left: the chat's level's part
                part = only_part(self.kb, group, named[group.by])
                if part is not None and reply.status == "clarify":
                    return self.responder.answer_as(question, part, self._at_least_answer(reply))
                continue
            if not fits_named(self.kb, group, named):
                fitting = [p for p in group.parts if fits_named(self.kb, group, named, only=p)]
                # "công chức học gì?": the parts that fit, unless a group of their own said no
                if (
                    len(fitting) >= 2
                    and pair <= set(fitting)
                    and not exact_group(self.groups, fitting)
                ):
                    score = self._at_least_answer(reply)
                    return self.answer_parts(question, fitting, score, reply, group)
                continue
            return self._answer_group(question, group, reply, with_total=False)
        return reply

    def _parts_named(
        self, question: str, match: Match, reply: Reply, named: dict[str, set[str]]
    ) -> Reply | None:
        """ "cán bộ xã và công chức xã học gì?": two values of a group's slot, each a part's,
        and one part answered, or guessed first ("… đại học trở lên": both degrees named, and
        "trình độ" asks back between them and political theory): every part named, when the
        words reach each of them."""
        if all(len(values) < 2 for slot, values in named.items() if slot != "ask"):
            return None  # most questions: no slot named twice, no cue read for it
        answered = reply.status == "answer" and len(reply.intents) == 1
        counted = counts_asked(self.kb, self.reading, question, named)
        guessed = (
            counted
            and reply.status == "clarify"
            and reply.candidates
            and one_plain_ask(self.kb, self.reading, question)
        )
        if not answered and not guessed:
            return None
        first = reply.intents[0] if answered else reply.candidates[0][0]
        scores = dict(reply.candidates)
        reach = self.kb.settings.thresholds.clarify
        for group in sorted(self.groups, key=lambda g: len(g.parts)):
            values = named.get(group.by, set())
            if first not in group.parts or len(values) < 2:
                continue
            at = self.responder.matcher.slots.first_named(match.question, group.by)
            parts = named_parts_in_order(self.kb, group, values, at)  # as the question names them
            if len(parts) < 2 or any(scores.get(p, 0.0) < reach for p in parts):
                continue
            # ("712 người, đại học hay thạc sĩ?": the figure picks a part, never both)
            figured = part_by_figure(self.kb, group, question) is not None
            shared = shares_named(self.kb, group, named, whole_by_default=counted and not figured)
            if fits_named(self.kb, group, named, but=group.by) and shared:
                score = self._at_least_answer(reply)
                return self.answer_parts(question, parts, score, reply, group)
        return None

    def _named(self, match: Match, earlier: tuple[str, ...]) -> dict[str, set[str]]:
        """The slot values the question names, and those of the previous answer it leaves open."""
        named = dict(self.responder.matcher.slot_values(match.question))
        every = self.kb.settings.slot_every  # the whole district is no level the chat is at
        for intent in (self.kb.intent(i) for i in earlier[-1:]):
            for slot, values in intent.slots.items() if intent else ():
                if slot != "ask" and set(values) != {every.get(slot)}:
                    named.setdefault(slot, set(values))
        return named

    def _asks(self, match: Match) -> set[str]:
        """What the question asks, a count also when it opens by one ("số người được …")."""
        words, asked = match.question, set(self.slot_values(match.question).get("ask", ()))
        opens = phrase_at(words.folded, self.reading.count_openers, words.tokens, 0)
        return asked | {"count"} if opens else asked

    def with_total(
        self, question: str, match: Match, reply: Reply, earlier: tuple[str, ...]
    ) -> Reply:
        """ "tổng cộng cả hai cấp?": the parts and their declared sum."""
        words = match.question
        summed = bool(sum_cues(words.folded, words.tokens, self.reading))
        intents = facts_of(reply) if summed else None
        total = None if intents is None else self.total_of(question, intents, match, reply)
        if total and reply.status == "clarify" and not numbers_in(question):  # (712 + 28: named)
            group, named = smallest_group(self.groups, total.intents), self.slot_values(words)
            return reply if unnamed_kind(self.kb, group, named, intents or ()) else total
        return total or reply

    def total_of(
        self,
        question: str,
        intents: list[str],
        match: Match,
        reply: Reply | None,
        smallest: bool = False,
    ) -> Reply | None:
        """The group a total sums: holding the intents, its parts taking every value named but of
        the slot summed over, where all or none are named ("cả hai cấp"); the largest such group,
        or with `smallest` (the facts just given: "cộng lại") the smallest holding them all."""
        named = self.responder.matcher.slot_values(match.question)
        fitting = [
            g
            for g in self._counted
            if (set(intents) & set(g.parts) or names_parts(self.kb, self._counted, g, named))
            and not asked_apart(self.kb, question, g, named, intents)  # "cộng 115 … với …"
            and fits_named(self.kb, g, named, but=g.by)
            and not part_in_no_clause(self.responder, question, g)
        ]
        if not fitting:
            return None
        group = max(
            fitting,
            key=lambda g: (
                bool(set(intents) & set(g.parts)),  # a group the words reach, first
                covered(self.kb, g, named),
                set(intents) <= set(g.parts),
                -left_unnamed(self.kb, g, named),
                (-1 if smallest else 1) * len(g.parts),
            ),
        )
        base = reply or Reply(question, "answer", "", None, self.kb.settings.thresholds.answer)
        extra = self._beyond(group, named, match)
        if extra:  # "đại học, thạc sĩ và cao cấp": no declared sum holds them all
            ids = (*group.parts, *extra)
            return self.answer_parts(
                question, ids, self._at_least_answer(base), base, with_total=True
            )
        return self._answer_group(question, group, base, with_total=True)

    def earlier_summed(self, question: str, earlier: Sequence[str], match: Match) -> Reply | None:
        """The smallest group holding the facts just given ("vậy cộng lại?"); else, the words
        naming nothing or pointing back ("tổng hai số đó"), those figures, summed where declared."""
        summed = self.total_of(question, list(earlier), match, None, smallest=True)
        named = set(self.slot_values(match.question)) - {"ask"}
        named = set() if self.totals.points_back(match, len(earlier)) else named
        uncovered = summed is not None and not set(earlier) <= set(summed.intents)
        # "… có bằng ĐH? … trên ĐH? cộng lại?" after the whole: the answers just given summed
        latest = summed is not None and set(summed.intents) == set(earlier[-len(summed.intents) :])
        uncovered = uncovered and not (latest and len(summed.intents) > 1)
        if uncovered and len(earlier) > 1 and not named:
            score = self.kb.settings.thresholds.answer
            return self.responder.answer_many(question, list(earlier), score, with_total=True)
        return summed

    def _beyond(self, group: Group, named: dict[str, set[str]], match: Match) -> list[str]:
        """Per value named that no part takes, the best fact with a figure that takes it (and no
        value of that slot left unnamed)."""
        parts, extra = parts_of(self.kb, group), []
        floor = self.kb.settings.thresholds.suggest  # the value named is most of the evidence
        for slot, value in values_named(self.kb, named):
            if any(value in p.slots.get(slot, ()) for p in parts):
                continue
            takes = (c.intent for c in match.candidates if c.score >= floor)
            found = next(
                (
                    i.id
                    for i in takes
                    if i.kind == "fact"
                    and "count" in i.slots.get("ask", ())
                    and value in i.slots.get(slot, ())
                    and i.slots[slot] <= named[slot]
                ),
                None,
            )
            if found is not None and found not in (*group.parts, *extra):
                extra.append(found)
        return extra

    def _answer_group(self, question: str, group: Group, reply: Reply, with_total: bool) -> Reply:
        score = self._at_least_answer(reply)
        return self.answer_parts(question, group.parts, score, reply, group, with_total=with_total)

    def _at_least_answer(self, reply: Reply) -> float:
        return max(reply.score, self.kb.settings.thresholds.answer)

    def answer_parts(
        self,
        question: str,
        ids: Sequence[str],
        score: float,
        base: Reply,
        group: Group | None = None,
        with_total: bool = False,
        with_difference: bool = False,
    ) -> Reply:
        """Several facts in one reply, keeping what `base` was matched as (for the log)."""
        answer = self.responder.answer_many(
            question, list(ids), score, group, with_total, with_difference=with_difference
        )
        return replace(answer, normalized=base.normalized, candidates=base.candidates)
