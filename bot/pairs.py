"""Two figures taken together: "hai số này trùng nhau à", "chênh lệch giữa hai số đó?", "tổng
hai cái đó" after two answers (after one figure such a message points at it and at the answer
before), and "cộng với trung cấp cấp huyện thì sao" (the figure just given and the one named).
Both are set side by side, with only the sum or the gap a group declares (a figure of the bot's
own would be a number the article never gives)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from bot import message_memo
from bot.group_facts import beside_the_whole, exact_group
from bot.phrases import count_of, has_phrase, spans, why_in
from bot.understanding import numbers_in

ADDING_AT = 3  # words at most before the word that adds ("vậy cộng thêm …", "lấy số đó trừ …")

if TYPE_CHECKING:
    from bot.matcher import Match
    from bot.reading import Reader
    from bot.reply import Reply


class Pairs:
    def __init__(self, reader: Reader) -> None:
        self.reader, self.kb = reader, reader.kb
        reading = reader.reading
        self._markers, self._why = reading.pair_markers, reading.pair_why
        self._likeness = reading.likeness_asks  # "khác nhau": of facts with no figure too
        self._all = reading.pair_all_markers  # "cộng hết lại": every figure just given
        cues = (
            reading.pair_markers,
            reading.pair_all_markers,
            reading.pair_requests,
            reading.sameness_cues,
            reading.comparison_cues,
            reading.difference_cues,
            reading.total_cues,
            reading.doubt_cues,
            reading.list_things,
        )
        # the words a message pointing at the two may say beside the markers
        self._cue_spans = tuple(p for phrases in cues for p in phrases)
        self._beside = reading.pair_words | reading.sum_words | reader.light_words
        self._adding = reading.adding_cues
        self._adding_summed = reading.adding_cues + reading.adding_to_total  # beside a total
        self._adding_openers = reading.adding_openers
        self._combining = reading.combining_cues  # "trừ đi", "chia cho": no sum
        self._compared = reading.comparison_cues  # "… thì hơn bao nhiêu": a gap
        self._total_cues = reading.total_cues

    def widened(self, question: str, earlier: tuple[str, ...], before: Sequence[str]) -> tuple:
        """`earlier` (the last answer's facts), after `before` (the answer's before them) when
        the message points at more figures than the last answer gave ("hai số này …" after
        one, "tổng 3 số trên" after two)."""
        if not before or set(before) <= set(earlier):
            return earlier
        words = message_memo.normalized(question, self.kb.tables)
        said = self._said(words.folded, words.tokens)
        every = has_phrase(words.folded, self._all, words.tokens)  # "cộng hết lại"
        pointed = len(earlier) == 1 and has_phrase(words.folded, self._markers, words.tokens)
        if not (pointed or every or said > len(earlier)):
            return earlier
        counts = self.reader.comparisons.counts  # a year, a name: no figure to add
        added = [b for b in before if b not in earlier and (counts(b) or not every)]
        return (*added, *earlier) if added else earlier

    def read(self, question: str, match: Match, earlier: Sequence[str]) -> Reply | None:
        """The figures just given, when the message points at them ("hai số này", "3 số trên")
        and names nothing else."""
        if len(earlier) < 2:
            return None  # fewer than two figures just given (however many it points at)
        words, marked = match.question.folded, match.question.tokens
        said = self._said(words, marked)
        if len(earlier) < max(2, said) or why_in(words, marked, self._why):
            return None
        every = has_phrase(words, self._all, marked)  # "cộng hết lại": all of them
        if not (said or every or has_phrase(words, self._markers, marked)):
            return None
        covered = {i for a, b in spans(words, self._cue_spans, marked) for i in range(a, b)}
        rest = [w for i, w in enumerate(words) if i not in covered and w not in self._beside]
        rest = [w for w in rest if count_of(w, self.kb.tables.number_roles) is None]
        facts = list(earlier) if every and not said else list(earlier[-(said or 2) :])
        if rest:
            return None  # "hai số đó có tính cả viên chức không?": asks of them, not both
        score = self.kb.settings.thresholds.answer
        if not all(self.reader.comparisons.counts(f) for f in facts):
            if not has_phrase(words, self._likeness, marked):
                return None
            # "khác nhau chỗ nào?" after what two kinds of staff study: both, side by side
            return self.reader.responder.answer_many(question, facts, score)
        if self.reader.totals.asks_total(question):  # "tổng hai cái đó": a sum only if declared
            group = exact_group(self.reader.groups, facts)
            return self.reader.responder.answer_many(question, facts, score, group, True)
        base = self.reader.responder.answer_many(question, facts, score)
        return self.reader.comparisons.both(question, facts, score, base)

    def _said(self, folded: Sequence[str], marked: Sequence[str]) -> int:
        """How many figures the words point at: a count before a word for figures ("3 số
        trên", "hai con số đó"); 0 if none."""
        roles = self.kb.tables.number_roles
        for i, word in enumerate(folded):
            count = count_of(word, roles)
            if not count or count < 2:
                continue
            things = spans(folded[i + 1 :], self.reader.reading.list_things, marked[i + 1 :])
            if any(a == 0 for a, _ in things):
                return count
        return 0

    def added(self, question: str, match: Match, earlier: Sequence[str]) -> Reply | None:
        """ "cộng với trung cấp cấp huyện thì sao", "lay so do cong 26": opening with a word
        that adds, after the last answer's figures, the fact the rest names (read as a
        follow-up of them, or by its figure) — all of them, and their sum if a group declares
        it."""
        words, marked = match.question.folded, match.question.tokens
        # "thêm X vào thì tổng …": "thêm" adds beside a total cue only
        adding = (
            self._adding_summed if has_phrase(words, self._total_cues, marked) else self._adding
        )
        opening = [b for a, b in spans(words, adding, marked) if a <= ADDING_AT]
        if adding is self._adding_summed:  # "với cao cấp cộng lại?": "với" opening it adds
            opening += [b for a, b in spans(words, self._adding_openers, marked) if a == 0]
        bare = enumerate(marked[: ADDING_AT + 1])  # "cong 26"
        opening += [i + 1 for i, w in bare if w == "cong" and _figure_at(words, i + 1)]
        if adding is self._adding_summed and self._one_more(match, words):
            opening += [0]  # "cao cấp nữa thì tổng bao nhiêu": that one too, then the sum
        if opening and "co" in words[: min(opening)] and words[-1] in _YES_NO:
            return None  # "số đó có cộng cả thạc sĩ không?": whether it includes them
        return self._beside_earlier(question, match, earlier, opening, summed=True)

    def _one_more(self, match: Match, words: Sequence[str]) -> bool:
        """ "cao cấp nữa …", "cả huyện nữa …": a course, degree, subject or level and "nữa"
        opening the message (never "còn nữa, tổng số đảng viên …": nothing named before it)."""
        at = next((i for i, w in enumerate(words[: ADDING_AT + 1]) if w == _TOO), 0)
        named = self.reader.responder.matcher.slot_values(self.reader.words(" ".join(words[:at])))
        # (a level only after "cả": "cả huyện nữa cộng lại", never "cấp xã nữa thì tổng …",
        # read as it stands)
        adds = (*self.kb.settings.narrowing_slots, *(("level",) if words[0] == "ca" else ()))
        return at > 0 and any(slot in named for slot in adds)

    def combined(self, question: str, match: Match, earlier: Sequence[str]) -> Reply | None:
        """ "lấy số đó trừ đi 712 người …", "chia cho số CBCC cấp xã": the last answer's
        figures beside the fact the rest names, side by side — the article derives no such
        figure (a part taken from the whole is Exclusions')."""
        words, marked = match.question.folded, match.question.tokens
        opening = [b for a, b in spans(words, self._combining, marked) if a <= ADDING_AT]
        if opening and "ra" in words[max(opening) :]:
            return None  # "trừ cấp xã ra thì còn bao nhiêu": what remains (Exclusions)
        reply = self._beside_earlier(question, match, earlier, opening, summed=False)
        if reply is None:
            return None
        group = exact_group(self.kb.groups, reply.intents)
        dividing = has_phrase(words, _DIVIDING, marked)  # a ratio: no difference to give
        if group is not None and (group.difference or group.gap) and not dividing:  # 1.999 − 712
            return self.reader.responder.answer_many(
                question, reply.intents, reply.score, group, with_difference=True
            )
        if group is not None or has_phrase(words, self._compared, marked):
            return None  # "trừ đi số thạc sĩ thì hơn bao nhiêu": Comparisons' (a gap)
        return replace(reply, text=f"{reply.text}\n{self.kb.messages.worked_none}")

    def _beside_earlier(
        self, question: str, match: Match, earlier: Sequence[str], opening: list[int], summed: bool
    ) -> Reply | None:
        if not earlier or not opening:
            return None
        rest = " ".join(match.question.tokens[max(opening) :])
        if self._names_nothing(rest) or _of_parts(self.reader.match(rest).question.folded):
            return None  # "cộng cả hai …?", "gộp cả hai cấp trung cấp": a sum of parts (Totals)
        earlier = self._pointed(match.question.folded[: max(opening)], earlier)
        named = self._named(rest, earlier)  # "lay so do cong 26" after 26 and 55: the two
        facts = list(dict.fromkeys([*earlier, *named]))
        comparisons = self.reader.comparisons
        if not named or len(facts) < 2 or not all(comparisons.counts(f) for f in facts):
            return None
        group = exact_group(self.reader.groups, facts) if summed else None
        if summed and group is None:  # "… trên ĐH?, … thạc sĩ?, cộng với số đi học ĐH": the
            # figures just given that the article sums with the one named, when some are
            summing = [e for e in earlier if exact_group(self.reader.groups, [e, *named])]
            if len(summing) == 1:
                facts = [*summing, *named]
                group = exact_group(self.reader.groups, facts)
        score = self.kb.settings.thresholds.answer
        return self.reader.responder.answer_many(question, facts, score, group, summed)

    def _pointed(self, before: Sequence[str], earlier: Sequence[str]) -> Sequence[str]:
        """The figures "số đó" points at: the last answer's own (never the whole it was set
        against, "trên tổng bao nhiêu?"), its last alone when pointed at as one."""
        own = beside_the_whole(self.kb, earlier)
        one = any(tuple(before[i : i + 2]) in _ONE_FIGURE for i in range(len(before)))
        remainder = exact_group(self.kb.groups, earlier)  # the 1.705 just worked out: none of them
        return () if one and remainder and remainder.difference else own[-1:] if one else own

    def _names_nothing(self, rest: str) -> bool:
        """Words of a sum, a unit and question words only ("hai là bao nhiêu lượt")."""
        words = self.reader.match(rest).question
        named = set(self.reader.responder.matcher.slot_values(words)) - {"ask"}  # "cấp huyện"
        return not named and all(w in self._beside for w in words.folded)

    def _named(self, rest: str, earlier: Sequence[str]) -> tuple[str, ...]:
        """The one fact `rest` names, read after `earlier`, or by the one figure it is."""
        numbers = numbers_in(rest)
        if len(numbers) == 1 and rest.split()[0][:1].isdigit():  # "cộng 26", "trừ đi 712 …"
            by_figure = self.reader.responder.facts_with_figure(numbers[0])
            if len(by_figure) == 1:
                return tuple(by_figure)
        named = self.reader.single(rest, self.reader.match(rest), tuple(earlier))
        return named.intents if named.status == "answer" and len(named.intents) == 1 else ()


_YES_NO = frozenset({"khong", "ko", "k", "hong", "chua", "ha", "a"})
_TOO = "nua"  # "nữa": one more, after what it adds
_DIVIDING = (("chia", "cho"), ("divided", "by"))
_ONE_FIGURE = frozenset({("so", "do"), ("so", "nay"), ("so", "ay")})  # "lấy số đó …"


_HOW_MANY = frozenset({"hai", "ba", "bon", "2", "3", "4"})
_PARTS = frozenset({"cap", "loai", "so", "con", "khoan", "cai", "muc", "nhom", "ben", "khoa"})


def _of_parts(words: Sequence[str]) -> bool:
    """ "hai cấp", "3 loại": how many parts a sum is of, never one more figure."""
    return any(w in _HOW_MANY and after in _PARTS for w, after in pairwise(words))


def _figure_at(words: Sequence[str], at: int) -> bool:
    """ "cong 26": a figure right after "cộng" typed bare (never "công chức")."""
    return at < len(words) and words[at][:1].isdigit()
