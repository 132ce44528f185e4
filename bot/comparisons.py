"""A question comparing two figures ("ở xã nhiều hơn ở huyện mấy người?", "qlnn hơn chuyên môn
bao nhiêu lượt?"): both figures, labelled, and the gap between them that a group declares
(knowledge/groups.yaml `gap`, proven by `kb check`). Answering one of the two would be half an
answer; stating a gap the KB does not declare would be a number the article never gives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from bot import message_memo
from bot.close_calls import CLOSE
from bot.compared_sides import ComparedSides
from bot.group_facts import beside_the_whole
from bot.group_named import fits_named, names_every_part
from bot.levels import part_words
from bot.phrases import has_phrase, joined, outside, phrase_at, question_cues, spans
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.groups import Groups
    from bot.kb import Group
    from bot.matcher import Match
    from bot.reading import Reader
    from bot.reply import Reply


class Comparisons:
    def __init__(self, groups: Groups, reader: Reader) -> None:
        self.groups, self.reader = groups, reader
        self.kb = groups.kb
        self.reading = groups.reading
        self.compared = tuple(g for g in groups.responder.groups if g.gap is not None)
        self.sides = ComparedSides(reader)  # the two things a message compares

    def read(
        self, question: str, match: Match, reply: Reply, earlier: Sequence[str] = ()
    ) -> Reply | None:
        """Both parts and their gap, when the question compares (a comparison word before a
        question word) two parts of one group: both named by their values ("ở xã … ở huyện"),
        or both among the facts it reaches (its answer, its two best guesses, the fact just
        given: "so với cấp huyện thì nhiều hơn bao nhiêu?"); else the figure just given beside
        the one a follow-up compares it with (`_with_earlier`)."""
        if self.with_a_time(match):
            return None  # "so với năm trước": another year, no figure of the article's
        if not self.compared or not self.sides.compares(match):
            same = self._side_by_side(question, match) if self._asks_same(match) else None
            same = same or self._with_earlier(question, match, reply, earlier)
            same = same or self._both_given(question, match, reply, earlier)
            return same or self._alike(question, match, reply, earlier)
        named = self.groups.responder.matcher.slot_values(match.question)
        parts_named = part_words(self.groups.responder, match)
        # (a guess far under the bar and the best is none: "thạc sĩ 28 người … 11 người trên
        # đại học" reaches the university's 712 at 29 points, through the 28 it also gives)
        top = reply.candidates[0][1] if reply.candidates else 0.0
        bar = min(self.kb.settings.thresholds.clarify, top - CLOSE)
        best = [i for i, score in reply.candidates[:2] if score >= bar]
        # the facts just given: the last answer's, or the parts given one after the other
        # ("… cấp xã?", "cấp huyện thì sao?", "bên nào nhiều hơn?")
        reached = {*reply.intents, *best, *earlier}
        led = {*reply.intents, *best[:1], *earlier}
        for group in self.compared:
            parts = set(group.parts)
            if not parts & led or not fits_named(self.kb, group, named, but=group.by):
                continue
            # "ở xã nhiều hơn ở huyện": compared, "ở huyện" names the district's part
            values = named.get(group.by, set()) | parts_named.get(group.by, set())
            # "hơn huyện mấy người?" right after the commune's part: that part is the other side
            given = {v for e in parts & set(earlier) for v in self.kb.values_of(e, group.by)}
            values = values | given if values else values
            both_named = len(values) >= 2 and names_every_part(self.kb, group, values)
            # "chênh lệch giữa A và B" names its own sides: never the facts just given
            if both_named or (parts <= reached and not self.sides.gap_named_first(match)):
                score = max(reply.score, self.kb.settings.thresholds.answer)
                return self._of_group(question, group, score, reply, self._ratio(match))
        if self.sides.gap_named_first(match):
            return self._side_by_side(question, match)  # its own sides, never the last two
        return (
            self._side_by_side(question, match)
            or self._with_earlier(question, match, reply, earlier)
            or self._last_two(question, reply, earlier)
        )

    def _both_given(
        self, question: str, match: Match, reply: Reply, earlier: Sequence[str]
    ) -> Reply | None:
        """ "xã gấp đôi huyện luôn hả?" after both levels' figures: both and their gap."""
        group = self.sides.both_given(match, earlier, self.compared)
        if group is None:
            return None
        score = max(reply.score, self.kb.settings.thresholds.answer)
        return self._of_group(question, group, score, reply, self._ratio(match))

    def _alike(
        self, question: str, match: Match, reply: Reply, earlier: Sequence[str]
    ) -> Reply | None:
        """ "cán bộ xã với công chức xã được đào tạo khác nhau ra sao?": how things the message
        names differ is each one's fact, both given (the words of likeness read past), when
        the message without them asks one fact for each thing it lists, two or more."""
        words = match.question
        found = spans(words.folded, self.reading.likeness_asks, words.tokens)
        if reply.status == "answer" or not found:
            return None
        rest = " ".join(outside(words.tokens, found))
        each = self.reader.single(rest, self.reader.match(rest), tuple(earlier))
        listed = message_memo.clauses(question, self.reading, self.kb.tables, as_list=True)
        if each.status != "answer" or not 2 <= len(set(each.intents)) == len(listed):
            return None  # "A, B và C khác nhau thế nào?" answered with two: half of it
        return replace(each, question=question)

    def _last_two(self, question: str, reply: Reply, earlier: Sequence[str]) -> Reply | None:
        """ "bên nào nhiều hơn?" after two figures given one after the other, naming nothing
        else: both, side by side."""
        if reply.status == "answer" or len(earlier) < 2:
            return None
        facts = list(earlier[-2:])
        if not all(self.counts(f) for f in facts):
            return None
        return self.both(question, facts, self.kb.settings.thresholds.answer, reply)

    def _with_earlier(
        self, question: str, match: Match, reply: Reply, earlier: Sequence[str]
    ) -> Reply | None:
        """ "con số đó lớn hơn tổng số cán bộ cấp xã à?", "số đó trùng với số đảng viên à?": the
        one figure just given beside the one the follow-up names, never the second alone — when
        the follow-up points back at it (a pronoun, its figure, or a comparison word it opens
        with: "ít hơn số … phải không?")."""
        if not earlier or reply.status != "answer" or len(reply.intents) != 1:
            return None
        named = reply.intents[0]
        words = match.question
        doubt = self.reading.doubt_cues if numbers_in(question) else ()  # "hình như 712 là …"
        cues = joined(self.reading.comparison_cues, self.reading.sameness_cues, doubt)
        found = spans(words.folded, cues, words.tokens)
        if named in earlier or not found or _the_other(words.tokens):
            return None
        responder = self.groups.responder
        # the one fact pointed at: by its figure ("712 ni trùng với …"), or the one given (a
        # share beside its whole: the part)
        by_figure = [e for n in numbers_in(question) for e in responder.facts_with_figure(n)]
        pointed_at = [e for e in earlier if e in by_figure] or beside_the_whole(self.kb, earlier)
        if len(pointed_at) != 1:
            return None
        earlier = pointed_at
        pointed = (
            responder.follow_ups.words.points_back(words)
            or self.sides.led_in(
                question, match, min(a for a, _ in found)
            )  # "vậy là ít hơn ở xã à?"
            or (  # "…, chênh nhau bao nhiêu?" naming no whole ("so với tổng số …")
                has_phrase(words.folded, self.reading.reciprocal_words, words.tokens)
                and not self.reader.shares.words.wholes(words.folded)
            )
            or earlier[0] in by_figure
        )
        if not pointed:
            return None  # "đảng viên có chiếm hơn một nửa không?": a question of its own
        facts = [earlier[-1], named]
        if not all(self.counts(f) for f in facts):
            return None  # "… có vững vàng hơn không?": no figure to set beside another
        return self.both(question, facts, reply.score, reply)

    def doubted(
        self, question: str, match: Match, meaning: Reply, earlier: Sequence[str]
    ) -> Reply | None:
        """ "ko phải 11 à?" right after the 28: a figure of another fact offered instead of the
        one just given — both, side by side, never the other alone. "712 hay 172?" right after
        the 712: its figure against one the article lacks — the fact just given, again."""
        if (
            len(earlier) == 1
            and earlier[0] in meaning.intents
            and self._its_or_none(question, earlier[0])
        ):
            return self._its_own(question, earlier[0])  # said so: the other is not the article's
        if len(earlier) != 1 or earlier[0] in meaning.intents or meaning.status != "answer":
            return None
        words = match.question
        cues = joined(
            self.reading.doubt_cues, self.reading.instead_cues, self.reading.sameness_cues
        )
        if not spans(words.folded, cues, words.tokens) or _the_other(words.tokens):
            return None
        facts = [earlier[0], *meaning.intents]
        if not all(self.counts(f) for f in facts):
            return None
        return self.both(question, facts, meaning.score, meaning)

    def _its_own(self, question: str, last: str) -> Reply | None:
        responder = self.groups.responder
        reply, intent = responder.answer_intent(last, question=question), self.kb.intent(last)
        if reply is None or intent is None:
            return reply
        own = [n for n in dict.fromkeys(numbers_in(question)) if n in intent.figures]
        shown = ", ".join(self.reader.figures.as_the_article_writes(n) for n in own)
        head = responder.messages.claim_partly.format(number=shown)
        return replace(reply, text=f"{head}\n{reply.text}")

    def _its_or_none(self, question: str, last: str) -> bool:
        """Figures of the fact just given beside figures the article lacks, and no other."""
        intent, owners = self.kb.intent(last), self.groups.responder.facts_with_figure
        numbers = set(numbers_in(question))
        own = {n for n in numbers if intent is not None and n in intent.figures}
        return bool(own) and len(numbers) > len(own) and not any(owners(n) for n in numbers - own)

    def counts(self, intent_id: str) -> bool:
        intent = self.kb.intent(intent_id)
        return intent is not None and "count" in intent.slots.get("ask", frozenset())

    def both(self, question: str, facts: list[str], score: float, base: Reply) -> Reply:
        """Two figures side by side: with the gap a group declares between them, or a word
        that the article compares them nowhere (a gap of its own would be the bot's number)."""
        for group in self.compared:
            if set(group.parts) == set(facts):
                return self._of_group(question, group, score, base)
        both = self.groups.responder.answer_many(question, facts, score)
        return replace(both, text=f"{both.text}\n{self.groups.responder.messages.gap_none}")

    def _of_group(
        self, question: str, group: Group, score: float, base: Reply, ratio: bool = False
    ) -> Reply:
        """A group's two parts with the gap it declares; asked how many times one is the other
        ("gấp mấy lần cấp huyện"), no gap (it answers nothing asked) and no ratio (the article
        states none): a word that the article compares them nowhere."""
        both = self.groups.answer_parts(
            question, group.parts, score, base, group, with_difference=not ratio
        )
        if not ratio:
            return both
        return replace(both, text=f"{both.text}\n{self.groups.responder.messages.gap_none}")

    def _ratio(self, match: Match) -> bool:
        return has_phrase(match.question.folded, self.reading.ratio_cues, match.question.tokens)

    def _side_by_side(self, question: str, match: Match) -> Reply | None:
        """ "số cử đi học thạc sĩ nhiều hơn số có trình độ trên đại học bao nhiêu?": two facts
        no group compares, each side naming one surely: both figures, and a word that the
        article compares them nowhere (a gap of two things it never sets side by side would
        be a number of the bot's own)."""
        sides = self.sides.of(match)
        if sides is None:
            return None
        facts, scores = [], []
        for side in sides:
            side_match = self.reader.match(side)
            reply = self.reader.single(side, side_match, ())
            if reply.status != "answer" or len(reply.intents) != 1:
                return None
            facts.append(reply.intents[0])
            scores.append(reply.score)
        if facts[0] == facts[1]:
            return None
        counted = all(self.counts(f) for f in facts)
        if not counted and any(self.sides.bare(side) for side in sides):
            return None  # "… còn kém ở những mặt nào?": weak, no figure compared
        asked = self.groups.responder.matcher.slot_values(match.question).get("ask", set())
        if not counted and "count" in asked:
            return None  # "cán bộ huyện so với cán bộ xã chênh nhau bao nhiêu người?": one
            # side is no figure (the article counts the district's staff nowhere)
        both = self.groups.responder.answer_many(question, facts, min(scores))
        if not counted:  # "… yếu kém ra sao và sau khi đào tạo thì …?": two questions
            return both
        return replace(both, text=f"{both.text}\n{self.groups.responder.messages.gap_none}")

    def _asks_same(self, match: Match) -> bool:
        """ "A có đúng bằng B không?": a sameness word with a question word after it."""
        words, marked = match.question.folded, match.question.tokens
        same = spans(words, self.reading.sameness_cues, marked)
        if not same:
            return False
        cues = question_cues(words, marked, self.reading)
        tagged = bool(marked) and (marked[-1],) in self.reading.claim_tags  # "… trùng hả?"
        return tagged or any(start >= min(same)[1] for start, _ in cues)

    def with_a_time(self, match: Match) -> bool:
        """A comparison word right before a time the article gives no figures for ("so với
        năm trước", "so với cùng kỳ")."""
        words, marked = match.question.folded, match.question.tokens
        times = self.reading.compared_times
        return any(
            phrase_at(words, times, marked, b)
            for _, b in spans(words, self.reading.comparison_cues, marked)
        )


def _the_other(tokens: Sequence[str]) -> bool:
    """ "vậy 712 kia cũng là số đảng viên à": the other fact's figure asked about, not the
    one just given compared with it."""
    return any(w[:1].isdigit() and after == "kia" for w, after in pairwise(tokens))  # not "kìa"
