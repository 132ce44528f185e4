"""Words that ask for a sum ("tổng cộng", "cộng lại", "cả hai cấp"): whether a message asks
one, and whether it asks nothing else (a bare "vậy cộng lại?" after an answer)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot import message_memo
from bot.group_facts import shared_by_all
from bot.normalize import canonical_number, fold
from bot.phrases import count_of, ends_with, has_phrase, phrase_at, spans
from bot.share_words import ShareWords
from bot.slot_finder import pattern_in
from bot.sum_cues import sum_cues
from bot.understanding import COUNT_WORDS, Clause, names_a_count, numbers_in

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match
    from bot.reply import Reply


LISTED = 3  # counts in a row that make a list (two may be a sum's parts)


SURELY_OWN = 85  # a total read alone this surely is a fact of its own, not the last ones' sum


class TotalCues:
    def __init__(self, responder: Responder) -> None:
        self.responder, self.kb = responder, responder.kb
        self.reading = responder.understanding
        self.light_words = responder.light_words
        self._cue_words = {fold(w, self.kb.tables) for p in self.reading.total_cues for w in p}
        self._cue_words |= {"cap", *self.reading.sum_words}  # "hai cấp", "tổng 2 loại"
        self._share_words = ShareWords(self.kb)
        self._inclusion = tuple(tuple(m.split()) for m in self.kb.conversation.inclusion_markers)

    def asks_total(self, question: str) -> bool:
        """ "tổng cộng bao nhiêu?" — but not "… phần trăm tổng số cán bộ": a share's whole."""
        words = message_memo.normalized(question, self.kb.tables)
        cues = sum_cues(words.folded, words.tokens, self.reading)
        if not cues:
            return False  # most messages: no total cue, no whole to look for
        wholes = self._share_words.wholes(words.folded)
        return any(not any(a <= start and end <= b for a, b in wholes) for start, end in cues)

    def only_total_cues(self, match: Match, earlier: Sequence[str] = ()) -> bool:
        """ "cộng lại", "vậy trung cấp cộng lại hai cấp?": a total, naming at most which of
        the `earlier` facts (by a slot value one of them has)."""
        words = match.question.folded
        own = tuple(w for w in words if w not in self.light_words)
        if len(earlier) > 1 and own in self.reading.bare_totals:
            return True  # "cong" alone after two figures: "cộng", nothing of "công chức"
        if not sum_cues(words, match.question.tokens, self.reading):
            return False
        cue_words = self._cue_words
        given = [i for i in (self.kb.intent(x) for x in earlier) if i is not None]
        rest = " " + match.question.folded_text + " "
        for slot in self.kb.settings.slots:
            values = {v for i in given for v in i.slots.get(slot.name, ())}

            def narrowing(hit, slot=slot, values=values):
                return " " if slot.values[hit.lastgroup or ""] in values else hit.group(0)

            rest = pattern_in(slot, rest).sub(narrowing, rest)
        # "cộng lại chiếm bao nhiêu %?" after two figures: their sum, whatever share is asked
        share = self._share_words.words(match.question.folded) if len(earlier) > 1 else set()
        return all(
            w in cue_words or w in self.light_words or w in share or self._claimed(w)
            for w in rest.split()
        )

    def of_earlier(self, question: str, match: Match, earlier: Sequence[str]) -> bool:
        """ "vậy cộng lại hai cấp?": the sum of the last answer's facts — unless they have no
        figures to sum and, read alone, the words ask a fact of their own ("Tổng số cán bộ cấp
        xã là bao nhiêu?" after what commune cadres study)."""
        if self.points_back(match, len(earlier)):
            return True  # "cộng cả hai là bao nhiêu đồng chí?": however the people are called
        if not self.only_total_cues(match, earlier):
            return False
        if self._said_count(match) > len(earlier):
            return False  # "cộng hai số đó" after one figure: not a sum the chat has seen
        named = self.responder.matcher.slot_values(match.question)
        if len(earlier) > 1 and shared_by_all(self.kb, named, earlier):
            return True  # "tổng LLCT?" after the theory courses: theirs, not the 168 holding one
        alone = None
        if self._names_beyond_cues(match):  # (read alone only then: most sums name nothing)
            alone = self.responder.decide(question, match, ())
            if self._own_fact(alone, earlier) and alone.score >= SURELY_OWN:
                return False  # "tổng số cán bộ công chức bao nhiêu" after the degrees: the whole's
        summed = [
            g for g in self.responder.groups if g.total is not None and set(earlier) & set(g.parts)
        ]
        sure = alone is not None and alone.status == "answer" and alone.score >= SURELY_OWN
        if sure and not set(alone.intents) & {p for g in summed for p in g.parts}:
            return False  # "vậy tổng cán bộ công chức …" after what 1.999 is: that one, no sum
        if summed:
            return True  # figures the article sums: "tổng số cả hai cấp" is their sum
        alone = alone or self.responder.decide(question, match, ())
        return not self._own_fact(alone, earlier)

    def more_than_given(self, match: Match, earlier: Sequence[str]) -> bool:
        """ "tổng ba con số?" after two figures (or none): a sum of figures the chat has not
        given, naming nothing else — no fact of its own ("tổng số" is not the district's whole)."""
        return (
            self._said_count(match) > len(earlier)
            and self.only_total_cues(match, earlier)
            and not self._names_beyond_cues(match)
        )

    @staticmethod
    def _own_fact(alone: Reply, earlier: Sequence[str]) -> bool:
        """Read alone, the words answer a fact none of the last answer's."""
        return alone.status == "answer" and not set(alone.intents) & set(earlier)

    def _claimed(self, word: str) -> bool:
        """A figure the sum is claimed to be ("tổng cộng hai cái là 740 hả?": the sum answers
        it) — none the article gives ("tổng số 1999 là gì" asks what that figure is)."""
        if not word[:1].isdigit() or len(word) < 2:
            return False
        return not self.responder.facts_with_figure(canonical_number(word))

    def _names_beyond_cues(self, match: Match) -> bool:
        """Words beside the total's cues and light words ("tổng số cán bộ công chức"), however
        like the last answer's values they are."""
        cue_words, light = self._cue_words, self.light_words
        return any(
            w not in cue_words and w not in light and not self._claimed(w)
            for w in match.question.folded
        )

    def _said_count(self, match: Match) -> int:
        """How many things the words say they add: "hai số đó" (two figures), never "hai cấp"
        (the levels) — a count before one of `list_things`, as a list announces it."""
        words, marked = match.question.folded, match.question.tokens
        roles = self.kb.tables.number_roles
        said = 0
        for i, word in enumerate(words):
            if count := count_of(word, roles):  # (most words: none, nothing looked for after)
                things = spans(words[i + 1 :], self.reading.list_things, marked[i + 1 :])
                said = max(said, count) if any(a == 0 for a, _ in things) else said
        return said

    def points_back(self, match: Match, given: int) -> bool:
        """A sum of as many figures as the chat just gave, said so: "tổng hai số đó …", "cộng cả
        hai là …" ("cả hai" with nothing of its own after it: not "cả hai cấp")."""
        words, marked = match.question.folded, match.question.tokens
        if given < 2 or not sum_cues(words, marked, self.reading):
            return False
        if self._said_count(match) == given:
            return True
        roles = self.kb.tables.number_roles
        for _, end in spans(words, self.reading.list_all, marked):
            after = words[end + 1 : end + 2]  # "cả hai là …", "cả hai?": nothing of its own
            counted = end < len(words) and count_of(words[end], roles) == given
            light = not after or (after[0] in self.light_words and after[0] not in self._cue_words)
            if counted and light:  # (not "cả hai cấp": the levels)
                return True
        return False

    def asks_inclusion(self, match: Match) -> bool:
        """ "số đó tính cả công chức không?": whom a figure counts, no sum ("tính cả" is both;
        "tính cả hai cấp là bao nhiêu?" asks a count, a sum)."""
        asks = self.responder.matcher.slot_values(match.question).get("ask", set())
        return "count" not in asks and has_phrase(match.question.folded, self._inclusion)

    def sums_nothing(
        self,
        question: str,
        clauses: Sequence[Clause],
        included: bool,
        single: Callable[[str], Reply],
        asks_whole: Callable[[Clause], bool],
    ) -> bool:
        """No sum asked: no total cue, or whom a figure counts (`included`), or total cues that
        head an item of their own (a list of counts; the whole district's figure asked first)."""
        if included or not self.asks_total(question) or self._asks_what_a_figure_is(question):
            return True
        return self.heads_the_whole(clauses, asks_whole) or self.lists_counts(clauses, single)

    def _asks_what_a_figure_is(self, question: str) -> bool:
        """ "số 1.999 là tổng số của cái gì?": what the article's figure counts, never a sum."""
        figures = [n for n in numbers_in(question) if self.responder.facts_with_figure(n)]
        words = message_memo.normalized(question, self.kb.tables)
        return bool(figures) and has_phrase(words.folded, self.reading.meaning_cues, words.tokens)

    def lists_parts(self, clauses: Sequence[Clause]) -> bool:
        """A clause after the first opens by listing the parts of a sum ("…, gồm A và B"), or
        one before the last ends by announcing them ("… được đào tạo gồm: A, B và C")."""
        parts = self.reading.parts_after
        for at, clause in enumerate(clauses):
            words = message_memo.normalized(clause.text, self.kb.tables)
            folded = words.folded
            opens = at > 0 and folded and phrase_at(folded, parts, words.tokens, 0)
            ends = at < len(clauses) - 1 and ends_with(folded, parts)
            if opens or ends:
                return True
        return False

    def counts_in_a_row(self, clauses: Sequence[Clause]) -> bool:
        """Three clauses or more, each naming a count ("tổng …, số …, số …"), or two that each
        open with one ("tổng cán bộ công chức, số đảng viên"): a list's items. Two otherwise
        may be a sum's parts ("tổng cán bộ xã và cán bộ huyện")."""
        matches = [message_memo.match(self.responder.matcher, c.text) for c in clauses]
        if len(clauses) == LISTED - 1:
            return all(self._count_of_its_own(m) for m in matches)
        return len(clauses) >= LISTED and all(names_a_count(m) for m in matches)

    def _count_of_its_own(self, match: Match) -> bool:
        """Opens with "tổng"/"số" (after light words: "cho mình xin tổng số …") and names a
        thing beyond a level ("…, số cấp xã" is the thing before, at the commune), asking no
        sum after its head ("…, số học thạc sĩ cộng lại"; "…? tổng bao nhiêu")."""
        words = match.question.folded
        at = next(
            (i for i, w in enumerate(words) if w in COUNT_WORDS or w not in self.light_words), None
        )
        if at is None or words[at] not in COUNT_WORDS:
            return False
        rest = " ".join(words[at + 1 :])
        if not rest or self.asks_total(rest):
            return False
        for slot in self.kb.settings.slots:
            if slot.name in ("level", "ask"):
                rest = pattern_in(slot, rest).sub(" ", rest)
        return any(w not in self.light_words for w in rest.split())

    def lists_counts(self, clauses: Sequence[Clause], single: Callable[[str], Reply]) -> bool:
        """ "tổng cán bộ công chức, số đảng viên, số có bằng đại học": a list of three counts or
        more, each facts of its own (`single`: a clause's reply) — a total cue heads one item,
        it sums nothing. A last clause announcing how many there are ("cho tôi cả bốn con
        số") is no item."""
        if not self.counts_in_a_row(clauses):
            return False
        replies = [single(c.text) for c in clauses]
        if len(clauses) > LISTED and replies[-1].status != "answer":
            last = message_memo.match(self.responder.matcher, clauses[-1].text)
            if self._said_count(last) == len(clauses) - 1:  # "…: cho tôi cả bốn con số"
                clauses, replies = clauses[:-1], replies[:-1]
        # (an item may give a fact at every level: "số cán bộ trẻ theo từng cấp")
        facts = [i for r in replies if r.status == "answer" for i in r.intents]
        answered = sum(r.status == "answer" for r in replies)
        return answered == len(clauses) and len(facts) == len(set(facts))

    def heads_the_whole(
        self, clauses: Sequence[Clause], asks_whole: Callable[[Clause], bool]
    ) -> bool:
        """ "huyện có bn cán bộ tất cả, bn người có bằng đại học, …": the only total cue is in the
        first clause, which asks the whole district's figure (`asks_whole`) — it sums nothing."""
        if len(clauses) < 2 or any(self.asks_total(c.text) for c in clauses[1:]):
            return False
        return self.asks_total(clauses[0].text) and asks_whole(clauses[0])
