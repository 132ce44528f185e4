"""What a figure stands for: "số 115 là gì?", "1.999 ứng với cái gì", "con số 1.066 nói lên
điều gì?" — looked up among the figures each fact reports (`figures:` in the KB); a figure with
two meanings in the article gets both."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.figure_asks import FigureAsks, introduced_as_figure
from bot.figure_clauses import other_questions
from bot.figure_sums import typed_sum
from bot.group_facts import exact_group
from bot.normalize import canonical_number
from bot.phrases import has_phrase, phrase_at, spans
from bot.reply import Reply
from bot.time_anchors import placed_in_time
from bot.understanding import numbers_in
from bot.unstated import asked_unstated

_LABEL_WORDS = 8  # words after a figure read as what it is ("712 người được cử đi học đại học")
_SIDE_JOINERS = frozenset({"va", "voi", "vs", "and", "so", "con", "hai", "2"})  # "con số A và B"
POINTED_AT = 10  # "2 số này", "3 con số trên": how many figures, under ten, never a figure

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb.model import Phrases
    from bot.matcher import Match


class Figures:
    """Reads a question about the article's figures (pure; shared by every front end)."""

    def __init__(self, responder: Responder, match: Callable[[str], Match]) -> None:
        """`match`: the matcher's candidates for a text (memoized per message by the reader)."""
        self.responder = responder
        self.match = match
        self.kb = responder.kb
        self.reading = responder.understanding
        self.light_words = responder.light_words
        self.asks = FigureAsks(responder, match)  # whether a question asks what figures mean
        # "xuất hiện mấy lần", "ở đoạn nào": where in the article a figure stands
        self.where_cues = (*self.reading.figure_places, *self.reading.figure_recurrences)
        self.gap_cues = (*self.reading.reciprocal_words, *self.reading.comparison_cues)
        # words asking what a figure stands for, joined once (a list is indexed by identity)
        self.meaning_cues = (
            *self.reading.meaning_cues,
            *self.reading.figure_places,
            *self.reading.figure_groups,
            *self.reading.figure_recurrences,
        )

    def _counts(self, match: Match) -> set[str]:
        """Numbers inside a total cue ("cả 2", "cả 3"): how many things are summed, no figure;
        and a small one before a word for figures ("2 số này", "3 con số trên"): how many
        are pointed at."""
        words, marked = match.question.folded, match.question.tokens
        found = spans(words, self.reading.total_cues, marked)
        counted = {
            n for a, b in found for w in words[a:b] if w[:1].isdigit() for n in numbers_in(w)
        }
        things = self.reading.list_things
        pointed = {
            w
            for i, w in enumerate(words)
            if w.isdigit() and int(w) < POINTED_AT and phrase_at(words, things, marked, i + 1)
        }
        return counted | pointed

    def _dated(self, question: str, match: Match, years: set[str]) -> Reply | None:
        """ "Huyện ra văn bản gì … đến năm 2020?": a year of the article that the best candidate's
        own fact writes bears it out, when the words alone rank it first but only make it worth
        asking back."""
        if not years or not match.candidates:
            return None
        best = match.candidates[0]
        thresholds = self.kb.settings.thresholds
        if best.score < thresholds.clarify or best.intent.id not in self._facts_of(
            question, sorted(years)
        ):
            return None
        if self.responder.refusal(question, match) or self.responder.scope.by_rule(match.question):
            return None
        words = match.question  # "nghị quyết có được gia hạn sau 2020 không?": never said
        if asked_unstated(" ".join(words.tokens), words.folded_text, self.reading) is not None:
            return None
        # the year only bears out what the words say: "Trước năm 2011 cán bộ xã ra sao?" asks
        # how they were before, not about the resolution of 2011
        words = " ".join(w for w in match.question.tokens if w not in years)
        ranked = self.match(words).candidates
        if not ranked or ranked[0].intent.id != best.intent.id:
            return None
        return self.responder.answer_as(question, best.intent, best.score)

    def _names(self, match: Match) -> set[str]:
        """Numbers that name a document ("nghị quyết chuyên đề 03"), written after its name."""
        words, names = match.question.folded, self.reading.numbered_names
        return {
            n
            for i, w in enumerate(words)
            if w[:1].isdigit() and any(tuple(words[max(0, i - len(p)) : i]) == p for p in names)
            for n in numbers_in(w)
        }

    def meaning(self, question: str, match: Match, earlier: Sequence[str] = ()) -> Reply | None:
        """ "số 115 là gì?", "1.999 ứng với cái gì", "còn 1.066?": what a figure stands for.
        When the question names nothing but figures (and words that ask what they mean), or
        asks what figures of the article are about ("con số 1.066 nói lên điều gì?") without
        counting anything or asking what the article never gives. Asked where else the figure
        is ("số 712 còn xuất hiện ở chỗ nào khác không?") after one of its facts: the others."""
        written = numbers_in(question)
        if not written:
            return None
        summed = typed_sum(self.responder, question, match)  # "cộng 26, 55, 300 lại"
        if summed is not None:
            return summed
        counted = self._counts(match)  # "cả 2 là bao nhiêu?": both of them, no figure 2
        placed = placed_in_time(question, match.question.folded, self.reading.time_anchors)
        numbers = [n for n in unique(written) if n not in counted | placed]
        if not numbers:
            return self._dated(question, match, placed)
        another, replies = other_questions(self, question, numbers, earlier)
        if another:  # "115 là gì, tác giả là ai?": each question read alone, all answered
            facts = unique(f for r in replies for f in r.intents)
            return self.responder.answer_many(question, facts, 100.0) if replies else None
        rest = [
            w for w in match.question.folded if not w[:1].isdigit() and w not in self.light_words
        ]
        words, marked = match.question.folded, match.question.tokens
        cue = self.cued(words, marked)
        facts = self._facts_of(question, numbers)
        if (
            earlier
            and set(earlier) & set(facts)
            and has_phrase(words, self.reading.figure_elsewhere)
        ):
            facts = [f for f in facts if f not in earlier] or facts
        missing = [n for n in numbers if not self.responder.facts_with_figure(n)]
        found = [n for n in numbers if n not in missing]
        if missing and found and all(self._of(n, earlier) for n in found):
            facts = [f for f in facts if f in earlier]  # "1999 hay 1990?" after the 1.999
        compared = self._two_of_one_meaning(found, missing) and self._only_compares(words, marked)
        asked = compared or (cue and self.asks.about_figures(question, match, facts))
        if rest and not (facts and asked):
            return None
        if compared and not cue and _gap_declared(self.responder, facts):
            return None  # "300 hơn 55 bao nhiêu": both parts and the gap the group declares
        if self.responder.scope.by_rule(match.question):
            return None  # "2011 của huyện Tuần Giáo": another place's figure, refused as such
        if missing and not facts:  # "số 2022 là gì?": no figure the article has
            text = self.responder.messages.meaning_missing
            return Reply(question, "fallback", text, None, 0.0)
        if not facts:
            return None
        found = [n for n in numbers if n not in missing]  # never a figure the article lacks
        named = self._names(match)  # "nghị quyết chuyên đề 03 nói về gì": a name, no figure
        header = ", ".join(self.as_the_article_writes(n) for n in found if n not in named)
        one = len(facts) == 1 and not header  # "nghị quyết 03 về cái gì": one fact, no list
        reply = (one and self.responder.answer_intent(facts[0], question=question)) or (
            self.responder.answer_many(question, facts, 100.0, header_number=header or None)
        )
        if compared and not cue:  # "1.066 và 712 chênh nhau bao nhiêu": no gap the KB declares
            reply = replace(reply, text=f"{reply.text}\n{self.responder.messages.gap_none}")
        if not missing:
            return reply
        # "712 hay 721?": the figure the article has, and that the other is not the article's
        return replace(
            reply, text=f"{self.responder.messages.meaning_others_missing}\n{reply.text}"
        )

    def cued(self, words: tuple[str, ...], marked: tuple[str, ...]) -> bool:
        """Words that ask what a figure stands for ("số 115 là gì", "712 xuất hiện mấy chỗ")."""
        cue = has_phrase(words, self.meaning_cues, marked) or (
            introduced_as_figure(words, self.reading.figure_pointers)
            and _names_who(words, marked, self.reading.figure_who_cues)
        )  # "19 người đó là những ai?", not "10 cán bộ chủ chốt cấp huyện là những ai?"
        return cue and not has_phrase(words, self.reading.meaning_denials, marked)

    def _two_of_one_meaning(self, found: Sequence[str], missing: Sequence[str]) -> bool:
        """Two figures the article has, each of one fact only (712 and 1.999 stand for more:
        which is compared is asked back, or settled by a group's gap as before)."""
        owners = [self.responder.facts_with_figure(n) for n in found]
        return len(found) == 2 and not missing and all(len(o) == 1 for o in owners)

    def _only_compares(self, words: tuple[str, ...], marked: tuple[str, ...]) -> bool:
        """ "1.066 và 712 chênh nhau bao nhiêu", "28 với 11 hơn kém mấy": figures joined and a
        gap asked, no other word — the figures' facts side by side (bot/comparisons.py)."""
        gap = {i for a, b in spans(words, self.gap_cues, marked) for i in range(a, b)}
        return bool(gap) and all(
            i in gap or w[:1].isdigit() or w in self.light_words or w in _SIDE_JOINERS
            for i, w in enumerate(words)
        )

    def _of(self, number: str, earlier: Sequence[str]) -> bool:
        """A fact just given reports the figure."""
        return bool(set(self.responder.facts_with_figure(number)) & set(earlier))

    def _facts_of(self, question: str, numbers: list[str]) -> list[str]:
        """Each figure's facts; a pair written "1.066/1.999" is the fact that writes it so
        (its share of the whole), not every fact that reports either number."""
        paired: dict[str, list[str]] = {}
        for a, b in _FRACTION.findall(question):
            part, whole = canonical_number(a), canonical_number(b)
            pattern = re.compile(
                rf"(?<![\d.,]){re.escape(as_written(part))}\s*/\s*"
                rf"{re.escape(as_written(whole))}(?![\d,]|\.\d)"
            )
            owners = [
                f
                for f in self.responder.facts_with_figure(part)
                if (i := self.kb.intent(f)) and pattern.search(" ".join((i.answer, *i.evidence)))
            ]
            if owners:
                paired[part] = paired[whole] = owners
        return unique(f for n in numbers for f in paired.get(n) or self._as_labelled(question, n))

    def _as_labelled(self, question: str, number: str) -> list[str]:
        """The facts reporting `number` — only the one the words right after it name, when the
        question says which ("712 người được cử đi học đại học với 1.066 … khác nhau hả?": not
        the 712 party members too); every one when they name none ("712 là số gì?")."""
        owners = self.responder.facts_with_figure(number)
        if len(owners) < 2:
            return owners
        written = re.escape(as_written(number))
        after = re.search(rf"(?<![\d.,]){written}(?![\d]|[.,]\d)([^\d,;:?!.]*)", question)
        label = after.group(1).split()[:_LABEL_WORDS] if after else []
        if len(label) < 2:
            return owners
        match = self.match(" ".join(label))
        words = match.question.folded
        if words[:1] == ("la",) or has_phrase(words, self.reading.other_answers):
            return owners  # "712 là đảng viên à?", "712 người: đảng viên hay …": a guess checked
        thresholds = self.kb.settings.thresholds
        scores = {c.intent.id: c.score for c in match.candidates}
        ranked = sorted(owners, key=lambda f: -scores.get(f, 0.0))
        best, runner = scores.get(ranked[0], 0.0), scores.get(ranked[1], 0.0)
        if best >= thresholds.answer and best - runner >= thresholds.lead:
            return ranked[:1]
        return owners

    def as_the_article_writes(self, number: str) -> str:
        """ "1.999", but "2011": a year is written without a thousands dot."""
        written = as_written(number)
        text = self.responder.kb.article_text
        return number if written not in text and number in text else written


def as_written(number: str) -> str:
    """'1999' → '1.999', '53.3' → '53,3': a canonical number the way the article writes it."""
    whole, _, decimals = number.partition(".")
    if whole.isdigit() and len(whole) > 3 and not whole.startswith("0"):
        whole = f"{int(whole):,}".replace(",", ".")
    return f"{whole},{decimals}" if decimals else whole


def unique(items: Iterable[str]) -> list[str]:
    """The items in their first order, each once."""
    return list(dict.fromkeys(items))  # a list's `in` made this quadratic in the facts


_FRACTION = re.compile(r"(\d+(?:[.,]\d+)*)\s*/\s*(\d+(?:[.,]\d+)*)")  # "1.066/1.999"


def _names_who(words: Sequence[str], marked: Sequence[str], cues: Phrases) -> bool:
    """A cue asking who a figure counts, read without the figures typed again among the words
    ("26 cán bộ là 26 người nào": "là người nào")."""
    kept = [i for i, w in enumerate(words) if not w[:1].isdigit()]
    return has_phrase([words[i] for i in kept], cues, [marked[i] for i in kept])


def _gap_declared(responder: Responder, facts: Sequence[str]) -> bool:
    """The facts are a group's two parts with a gap the KB declares (knowledge/groups.yaml)."""
    group = exact_group(responder.groups, facts)
    return group is not None and group.gap is not None
