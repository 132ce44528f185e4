"""Several questions in one message: each clause decided by the single-question rule, then
combined. A partial answer is never given as an answer: if one question of several stays
unclear, the bot asks back about all of them.

Clauses that ask for nothing are read for what they are: who asks ("em là phóng viên"), a level
narrowing the clause beside it ("cán bộ cấp huyện, …"), a bare "ở đâu?" that asks about the one
before, a "tổng bao nhiêu?" that sums the others, or items of a list asked by no question word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.ask_agreement import asks_another_of_it, asks_its_own, singling, studies_asked
from bot.carried_subject import carried_unstated, subject_of
from bot.clause_choice import ClauseChoice, asks_of_the_one_before, names_a_fact
from bot.clause_kinds import ClauseKinds
from bot.enumerations import marks_a_list
from bot.figures import unique
from bot.group_facts import smallest_group
from bot.half_answers import asks_beyond, one_of_a_list, whole_gives_each, with_unstated
from bot.hearsay import without_speaker
from bot.in_scope import names_only_the_place
from bot.inner_lists import listed_inside
from bot.level_labels import level_label
from bot.levels import at_every_level, levels_of, narrowed, one_level
from bot.phrases import asks, has_phrase
from bot.quoted_figures import picked_by_figure
from bot.reply import Reply
from bot.restating import BARE_ASK, elaborates, in_order, not_restated, restates, settled_apart
from bot.shared_values import side_by_side, spread, with_carried_values
from bot.trailing_sums import sum_apart
from bot.understanding import Clause
from bot.unstated import asks_attribute_only, asks_unstated_of

if TYPE_CHECKING:
    from bot.matcher import Match
    from bot.reading import Reader


class Several(ClauseKinds):
    def __init__(self, reader: Reader) -> None:
        self.reader, self.responder, self.kb = reader, reader.responder, reader.kb
        self.reading, self.light_words = reader.reading, reader.light_words
        self._total_words = {w for phrase in self.reading.total_cues for w in phrase}
        self.choice = ClauseChoice(self)
        self.follow_words = reader.responder.follow_ups.words
        self._beside = frozenset(u.label for u in self.reading.unstated if u.beside)  # "đủ chưa?"

    def read(
        self, question: str, clauses: list[Clause], earlier: tuple[str, ...], whole: Reply
    ) -> Reply | None:
        reply = self._read(question, clauses, earlier, whole)  # "…, thì học gì?": no counts
        fits = reply is None or studies_asked(
            self.responder, self.reader.words(question), reply.intents
        )
        return reply if fits else None

    def _read(
        self, question: str, clauses: list[Clause], earlier: tuple[str, ...], whole: Reply
    ) -> Reply | None:
        words = self.reader.words(question)
        listed = has_phrase(words.folded, self.reading.list_joiners, words.tokens)
        if listed and not self.choice.lists(question, clauses):
            return None  # "cả cấp huyện lẫn cấp xã": one question, read whole
        each = has_phrase(words.folded, self.reading.distributive_cues, words.tokens)
        sums, context = False, earlier
        subject = earlier  # what a bare question asks of: the last fact the message named
        answered: list[Reply] = []
        quiet: list[Reply] = []  # clauses that answer something but ask nothing: a preamble
        unclear: list[Reply] = []
        quiet_unclear: list[Reply] = []
        unstated: list[Reply] = []  # asked, and the article never says it ("…, mấy ngày?")
        leaning: tuple[str, ...] = ()  # the fact an unstated clause was asked of
        qualifiers = 0  # quiet clauses that only name a level or a role ("cán bộ cấp huyện, …")
        trailing = 0  # quiet clauses after an asking one
        clauses = sum_apart(self.reader, self._joined(clauses))  # "…, B cộng lại"
        counts_listed = self.reader.totals.counts_in_a_row(clauses)
        listing = marks_a_list(question)  # "tổng CBCC; CBCC cấp xã; …": items, no narrowing
        totals: list[tuple[Clause, Match]] = []  # clauses asking only a total
        # the one level the message named last ("cấp xã có mấy …, và mấy …?"; "Cấp huyện: A, B")
        level, clauses = level_label(self.reader, self, question, clauses)
        label = level
        seen: dict[str, set[str]] = {}  # the values the clauses before named
        levels_named = self.responder.matcher.slot_values(words).get("level", ())
        per_level = each and len(levels_named) >= 2  # … unless "huyện với xã, mỗi cấp …?"
        checked = self.choice.checks_figures(clauses, self.reader.match(question))
        named = None  # an unstated clause's subject and what is unsaid ("Trung cấp LLCT là gì")
        fallen: str | None = None  # the clause before, when the article does not answer it alone
        for position, clause in enumerate(clauses):
            text = self._without_speaker(clause.text)  # "…, còn ông Thanh nói … làm gì?"
            match = self.reader.match(text)
            named_level = one_level(self.responder, match)
            only_level = set(self.responder.matcher.slot_values(match.question)) == {"level"}
            if per_level and only_level and self.only_qualifies(match):
                continue  # "huyện với xã, mỗi cấp …": a level of the pair, asked about after
            level = (named_level or level) if not per_level else None
            last = position == len(clauses) - 1
            if self.introduces(match) and (not clause.asks or not last):
                continue  # "em là phóng viên, …": who asks, not what
            if not (position or last) and names_only_the_place(self.reader, match):
                continue  # "Không biết ở Điện Biên Đông, …": where the rest is asked
            if self.only_request(match):
                continue  # "…, lượt xem — gửi mình luôn nhé"
            if position and self.asks_of_those_before(match):
                continue  # "…, có đúng không?", "…, khác nhau chỗ nào?", "…, làm sao?"
            if position and self.of_each_before(match):
                continue  # "A và B, mỗi loại bao nhiêu lượt?": asked of the clauses before
            summing = len(clauses) > 1 and self.reader.totals.only_total_cues(match)
            if summing and not (position == 0 and self.choice.asks_the_whole(clause, match)):
                sums = True  # "…, tổng bao nhiêu?": the sum of the others (one fact is none)
                totals.append((clause, match))
                continue
            beside = side_by_side(self.responder, match, seen)  # "cao cấp llct, trung cấp …"
            bare = match.only_question_words or self.counts_only(match)
            # "Nghị quyết 03 ban hành ngày nào? Ai ký?": an attribute alone, of the fact before
            attribute_only = asks_attribute_only(self.reading, match.question, self.light_words)
            of_before = leaning if leaning and attribute_only else ()
            before = of_before or (subject if bare else context)
            before = () if checked and before is earlier else before  # checked: not of the chat
            reply = self.reader.single(text, match, before if text == clause.text else ())
            reply = self.of_its_own(text, match, reply, before, bare) if not of_before else reply
            reply, fallen = self.with_unanswered(fallen, text, reply, bare)
            reply = listed_inside(self.reader, text, clause.asks, reply)  # "A, B nào, C?"
            reply = carried_unstated(self.reader, text, match, reply, named)  # "A là gì, học gì?"
            if bare and named is not None and not named[0] and not reply.unstated:
                continue  # "ngành y tế có được bồi dưỡng ko, bao nhiêu lượt": of what is unsaid
            reply = with_carried_values(self.responder, match, reply, seen, words, position)
            reply = self.reader.breakdowns.within(match, reply, answered[-1] if answered else None)
            named = (subject_of(self.reader, match), reply.unstated) if reply.unstated else None
            if checked:  # "bài nói 712 người học đại học, 28 thạc sĩ, … đúng ko": a figure
                reply = picked_by_figure(self.responder, self.reader.narrowing.words, match, reply)
            leaning = tuple(s.intent_id for s in reply.suggestions[:1]) if reply.unstated else ()
            if beside and not bare and not levels_named:  # "… cao cấp, … trung cấp?"
                reply = at_every_level(self.kb, reply, self.reader.single(text, match, ()))
            if level and not named_level:
                # (not a clause naming the whole district: "Cấp xã: tổng số … toàn huyện")
                every = self.kb.settings.slot_every.get("level")
                labelled = level == label and every not in levels_of(self.responder, match)
                reply = narrowed(self.responder, reply, level, labelled=labelled)
            asks = clause.asks
            if reply.unstated and asks:
                unstated.append(reply)
            elif (
                reply.status == "answer"
                and clause.own_cue
                and restates(self.kb, self.reading, match, reply, answered, self._asked(match))
            ):
                continue  # "ông nào phát biểu, làm chức gì?": the same question again
            elif reply.status == "answer" and asks:
                narrows = not each and len(levels_named) < 2  # (not "huyện mấy, xã mấy")
                if answered and narrows and set(reply.intents) < set(answered[-1].intents):
                    answered[-1] = reply  # "…, ở dưới xã có mấy người?" narrows the clause before
                else:
                    answered.append(reply)
                context = subject = reply.intents
            elif reply.status == "answer":
                quiet.append(reply)
                trailing += bool(answered)  # "lượt xem bao nhiêu; ngày đăng": after what it asks
                subject = reply.intents  # "… con số người … bồi dưỡng QLNN. Là bao nhiêu lượt?"
                # an item in a list of counts ("tổng cán bộ, số đảng viên"), or a course at a level
                qualifiers += self.only_qualifies(match) and not (
                    counts_listed or beside or listing or self.course_at_level(match, question)
                )
            elif reply.status == "clarify" and asks:
                unclear.append(reply)
            elif reply.status == "clarify":
                quiet_unclear.append(reply)
        if sums and len({i for r in answered for i in r.intents}) < 2:
            # "…, còn tổng số là bao nhiêu?" beside one fact: no sum of one, the whole it asks
            whole_asked = [
                self.reader.single(c.text, m, ())
                for c, m in totals
                if c.asks and _names_the_whole(m.question.folded)
            ]
            whole_answered = [r for r in whole_asked if r.status == "answer"]
            answered += whole_answered
            sums = sums and not whole_answered
        unclear = not_restated(self.kb, unclear, answered, whole)
        unclear, settled = settled_apart(self.kb, unclear, answered)
        if settled:  # each in its place among the answers, as the message asks them
            given = (self.responder.answer_intent(i, question=clause) for i, clause in settled)
            answered = in_order(question, [*answered, *filter(None, given)])
        listed = unique(i for r in quiet for i in r.intents)
        # beside a whole that is answered, a list item must name one fact, not a group
        single = whole.status != "answer" or all(len(r.intents) == 1 for r in quiet)
        # "tổng CBCC; CBCC cấp xã; số đảng viên?": the mark closing the list asks every item
        marked = len(answered) == 1 and (listing or not any(c.own_cue for c in clauses))
        # (one item after the one asked, in a list: "lượt xem bao nhiêu; ngày đăng")
        enough = len(listed) >= 2 or (listing and trailing == len(quiet) == len(listed) == 1)
        if (
            (not answered or marked)
            and not unclear
            and enough
            and single
            and not qualifiers
            and self._facts(listed)
        ):
            # a list asked by no word of its own ("cho xin tiêu đề, tác giả, ngày đăng"): each
            answered = [*answered, *quiet] if trailing else [*quiet, *answered]  # (in order)
            unclear = quiet_unclear
        quiet = [] if qualifiers == len(quiet) else quiet  # "…, xã": levels narrowing the rest
        # "tổng cán bộ xã và cán bộ huyện học trung cấp": one course named for both levels
        if not listing:  # (never across a list's items: "tổng cán bộ công chức; cán bộ cấp xã")
            answered = spread(self.responder, words, answered, self.only_values_in)
        # "tổng cán bộ công chức, số đảng viên": the total cue heads an item, it asks no sum
        sums_asked = not counts_listed and self.reader.totals.asks_total(question)
        sums_asked = sums_asked and not self.reader.breakdowns.parts_asked(clauses)  # "trong đó"
        asked_back = one_of_a_list(self.responder, question, quiet, quiet_unclear, whole)
        if not (answered or unclear) and asked_back is not None:
            return asked_back  # "tôi cần tiêu đề, tác giả và nguồn của bài": one item sure
        if sums or self.reader.totals.asks_total(question):  # "cộng …: A, B, C"
            answered = [self.as_count(r) for r in answered]
        combined = self._combined(question, answered, unclear, quiet, whole, sums, sums_asked)
        if unstated and combined is None and whole.status == "answer":
            combined = whole
        said = (self.reader, question, combined, answered, unstated)
        return with_unstated(*said, self._beside, clauses)

    def _combined(
        self,
        question: str,
        answered: list[Reply],
        unclear: list[Reply],
        quiet: list[Reply],
        whole: Reply,
        sums: bool,
        sums_asked: bool,
    ) -> Reply | None:
        facts = unique(i for r in answered for i in r.intents)
        suggestions = [s for r in unclear for s in r.suggestions]
        if len(facts) >= 2 and not unclear:
            score = min(r.score for r in answered)
            group = smallest_group(self.reader.groups, facts)
            return self.responder.answer_many(question, facts, score, group, with_total=sums_asked)
        if elaborates(self.responder, facts, unclear, whole, self.reader.match):
            return replace(answered[0], question=question)  # "…, có giỏi không?": more of it
        if whole_gives_each(whole, facts, unclear):  # "bao nhiêu A cấp huyện và … cấp xã học B?"
            return whole
        if len(facts) >= 2 or (facts and unclear and whole.status == "answer"):
            # some answered, another unclear: ask back about all rather than half-answer
            return self.responder.clarify_many(question, facts, suggestions, whole.score)
        if whole.status == "answer" and not facts and asks_beyond(whole, unclear):
            # "who wrote this article, when, and which newspaper?": the whole answers one part
            return self.responder.clarify_many(question, whole.intents, suggestions, whole.score)
        if whole.status == "answer" or unclear:
            return None
        if len(facts) == 1 and not sums:
            return replace(answered[0], question=question)
        if not facts and len(quiet) == 1:
            return replace(quiet[0], question=question)
        return None

    def _without_speaker(self, text: str) -> str:
        """ "…, còn ông Thanh nói hằng năm huyện làm gì?": what he is quoted on, when the
        reader answers it alone (else the clause as written, asked back about as before)."""
        said = without_speaker(self.reader, text)
        if said is None or self.reader.single(said, self.reader.match(said), ()).status != "answer":
            return text
        return said

    def _joined(self, clauses: list[Clause]) -> list[Clause]:
        """A clause naming nothing ("…, ở đâu?", "…, có mấy người đi?") asks of the one before."""
        out: list[Clause] = []
        for clause in clauses:
            match = self.reader.match(clause.text)
            words = match.question.folded
            named = self.responder.matcher.slot_values(match.question)
            bare = len(words) <= BARE_ASK and set(named) <= {"ask"}
            light = all(w in self.light_words for w in words) and (
                "ask" in named
                or (asks(match.question, self.reading) and not names_a_fact(self.kb, match))
            )
            before = self.reader.match(out[-1].text) if out else None
            more = asks_of_the_one_before(self.reading, self.light_words, match)
            more = more or (bool(out) and self.counts_those_before(match, out[-1].text))
            joins = light or more or asks_unstated_of(self.kb, match, before)
            if out and (bare or more) and joins and not self._apart(out[-1].text, clause):
                first = out[-1]  # one clause asking what the two ask
                both = first.asks or clause.asks, first.own_cue or clause.own_cue
                out[-1] = Clause(f"{first.text} {clause.text}", *both)
            else:
                out.append(clause)
        return out

    def _asked(self, match: Match) -> frozenset[str]:
        return frozenset(singling(self.responder.matcher, match))

    def _apart(self, before: str, clause: Clause) -> bool:
        """ "ai viết, báo nào?", "ai viết bài này, khi nào?": a second question, not more."""
        reader = self.reader
        return asks_its_own(reader, before, clause) or asks_another_of_it(reader, before, clause)


def _names_the_whole(folded: Sequence[str]) -> bool:
    """ "tổng số" (the whole staff), not "tổng" alone (a sum of what the message asks)."""
    return ("tong", "so") in set(pairwise(folded))
