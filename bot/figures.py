"""What a figure stands for: "số 115 là gì?", "1.999 ứng với cái gì", "con số 1.066 nói lên
điều gì?" — looked up among the figures each fact reports (`figures:` in the KB); a figure with
two meanings in the article gets both."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from bot import message_memo
from bot.normalize import canonical_number, fold, normalize
from bot.phrases import has_phrase, phrase_at, spans
from bot.reply import Reply
from bot.time_anchors import YEAR_WORDS, placed_in_time
from bot.understanding import numbers_in
from bot.unstated import asked_unstated

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match

_NAMES_ANOTHER = 5  # above the clarify threshold: words that name a fact of their own


class Figures:
    """Reads a question about the article's figures (pure; shared by every front end)."""

    def __init__(self, responder: Responder, match: Callable[[str], Match]) -> None:
        """`match`: the matcher's candidates for a text (memoized per message by the reader)."""
        self.responder = responder
        self.match = match
        self.kb = responder.kb
        self.reading = responder.understanding
        self.light_words = responder.light_words
        reading = self.reading  # the words that ask something of a figure, not what it names
        phrases = (*reading.meaning_cues, *reading.figure_groups, *reading.figure_who_cues)
        self._cue_words = frozenset({w for p in phrases for w in p} | set(reading.figure_asks_more))

    def _counts(self, match: Match) -> set[str]:
        """Numbers inside a total cue ("cả 2", "cả 3"): how many things are summed, no figure."""
        words = match.question.folded
        found = spans(words, self.reading.total_cues, match.question.tokens)
        return {n for a, b in found for w in words[a:b] if w[:1].isdigit() for n in numbers_in(w)}

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
        counted = self._counts(match)  # "cả 2 là bao nhiêu?": both of them, no figure 2
        placed = placed_in_time(question, match.question.folded, self.reading.time_anchors)
        numbers = [n for n in unique(written) if n not in counted | placed]
        if not numbers:
            return self._dated(question, match, placed)
        rest = [
            w for w in match.question.folded if not w[:1].isdigit() and w not in self.light_words
        ]
        words, marked = match.question.folded, match.question.tokens
        cue = has_phrase(
            words,
            (*self.reading.meaning_cues, *self.reading.figure_places, *self.reading.figure_groups),
            marked,
        ) or (
            _introduced_as_figure(words, self.reading.figure_pointers)
            and has_phrase(words, self.reading.figure_who_cues, marked)
        )  # "19 người đó là những ai?", not "10 cán bộ chủ chốt cấp huyện là những ai?"
        facts = self._facts_of(question, numbers)
        if (
            earlier
            and set(earlier) & set(facts)
            and has_phrase(words, self.reading.figure_elsewhere)
        ):
            facts = [f for f in facts if f not in earlier] or facts
        missing = [n for n in numbers if not self.responder.facts_with_figure(n)]
        if rest and not (cue and facts and self._asks_about_figures(question, match, facts)):
            return None
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
        reply = self.responder.answer_many(question, facts, 100.0, header_number=header or None)
        if not missing:
            return reply
        # "712 hay 721?": the figure the article has, and that the other is not the article's
        return replace(
            reply, text=f"{self.responder.messages.meaning_others_missing}\n{reply.text}"
        )

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
        return unique(
            f for n in numbers for f in paired.get(n) or self.responder.facts_with_figure(n)
        )

    def as_the_article_writes(self, number: str) -> str:
        """ "1.999", but "2011": a year is written without a thousands dot."""
        written = as_written(number)
        text = self.responder.kb.article_text
        return number if written not in text and number in text else written

    def _asks_about_figures(self, question: str, match: Match, facts: list[str]) -> bool:
        """A question with more words than figures asks what they mean only when it is one
        question, counts nothing ("trong 1.999 người có bao nhiêu đảng viên?"), asks nothing the
        article never gives ("712 người học ở đâu?") nor about another place, and its words
        name no other fact ("nghị quyết 26 của Trung ương nói gì?")."""
        asked = self.responder.matcher.slot_values(match.question).get("ask", set())
        if asked & {"count", "count_other"}:
            return False
        # "năm 2020 nhắc trong bài có ý nghĩa gì": a year the article writes, asked about
        pointers = self.reading.figure_pointers
        introduced = _introduced_as_figure(match.question.folded, pointers)
        words = match.question.folded  # a year the article writes, asked about, is no refusal
        a_year = any(w[:1].isdigit() and p in YEAR_WORDS for p, w in pairwise(words))
        if self.responder.refusal(question, match) and not (introduced and a_year):
            return False  # "Bí thư Huyện ủy lúc ban hành Nghị quyết 03 là ai?"
        tokens, folded = match.question.tokens, match.question.folded_text
        if asked_unstated(" ".join(tokens), folded, self.reading) is not None:
            return False
        clauses = message_memo.clauses(question, self.reading, self.kb.tables)
        texts = [" ".join(tokens)] + ([c.text for c in clauses] if len(clauses) > 1 else [])
        thresholds = self.kb.settings.thresholds
        # what the article itself is about shares its words with the question ("nói về gì"):
        # such a fact is named only when it would be answered outright
        floors = {
            "fact": thresholds.clarify + _NAMES_ANOTHER,
            "meta": thresholds.answer + thresholds.margin,
        }
        if introduced:
            # "con số 1.066 nói lên điều gì": about the figure, not the article; another fact
            # is named only when its words alone would answer it
            floors = {"fact": thresholds.answer}
        for text in texts:
            words = " ".join(w for w in text.split() if not w[:1].isdigit())
            if introduced:  # "19 người được nhắc trong bài là ai, làm gì?": the figure's words
                said = text.split()
                its = self._figure_words([fold(w) for w in said])
                text = " ".join(w for n, w in enumerate(said) if n not in its or w[:1].isdigit())
                words = " ".join(w for w in text.split() if not w[:1].isdigit())
                more = self._cue_words
                if all(fold(w) in self.light_words or fold(w) in more for w in words.split()):
                    continue  # "…, được cử đi làm gì?", "… là chức gì?": more asked of the figure
            if len(texts) == 1 and self._as_the_article_says(words, facts):
                continue  # "84 lượt bồi dưỡng là cho ai?": the article's own words for 84
            named = self.match(words).candidates[:3]
            if not any(
                c.score >= floors.get(c.intent.kind, 101)
                and c.intent.id not in facts
                and "content" not in c.intent.slots.get("ask", ())  # "26 cán bộ đi học gì"
                for c in named
            ):
                continue
            # "115 cán bộ là học cái gì": its words alone name some training, but with the
            # figure the figure's own fact comes first
            if numbers_in(text):
                found = self.match(text).candidates[:5]
                ranked = [c for c in found if c.intent.kind == "fact"]
                if ranked and ranked[0].intent.id in facts:
                    continue
            return False
        return True

    def _as_the_article_says(self, words: str, facts: list[str]) -> bool:
        """The figure described in the words of the sentence that writes it: every word that
        names something (not a cue nor a light word) is in one of its facts' evidence."""
        tables = self.kb.tables
        named = set(normalize(words, tables).folded) - self._cue_words - self.light_words
        if not named:
            return False
        for fact in facts:
            intent = self.kb.intent(fact)
            if intent and named <= set(normalize(" ".join(intent.evidence), tables).folded):
                return True
        return False

    def _figure_words(self, folded: Sequence[str]) -> set[int]:
        """The words of each figure: its number and unit, and words pointing at it ("trong
        bài có nhắc 115 cán bộ", "19 người được nhắc trong bài"), up to a meaning cue."""
        pointers, cues = self.reading.figure_pointers, self.reading.meaning_cues
        found: set[int] = set()
        for i, word in enumerate(folded):
            if not word[:1].isdigit():
                continue
            unit = _past_unit(folded, i)
            found |= set(range(i, unit))
            k = unit
            while k < len(folded) and k - unit < _POINTING and folded[k] in pointers:
                if phrase_at(folded, cues, folded, k):
                    break  # "712 nói về điều gì": what is asked, no pointer
                found.add(k)
                k += 1
            k = i - 1
            while i > 0 and folded[i - 1] in ("nhac", "neu") and k >= 0 and i - k <= _POINTING:
                if folded[k] not in pointers and folded[k] != "co":
                    break
                found.add(k)  # "trong bài có nhắc 115 …"
                k -= 1
        return found


def as_written(number: str) -> str:
    """'1999' → '1.999', '53.3' → '53,3': a canonical number the way the article writes it."""
    whole, _, decimals = number.partition(".")
    if whole.isdigit() and len(whole) > 3 and not whole.startswith("0"):
        whole = f"{int(whole):,}".replace(",", ".")
    return f"{whole},{decimals}" if decimals else whole


def unique(items: Iterable[str]) -> list[str]:
    """The items in their first order, each once."""
    return list(dict.fromkeys(items))  # a list's `in` made this quadratic in the facts


# words before a number that call it a figure: "số 1.066", "năm 2011", "mốc 35 tuổi"
_CALLED_FIGURE = frozenset({"so", "nam", "number", "figure", "year", "nhac", "moc", "nguong"})


def _introduced_as_figure(folded: Sequence[str], pointers: frozenset[str]) -> bool:
    """A number the question calls a figure or a year ("(con) số 1.066", "năm 2011"), or the
    subject of what is asked about it ("26 là số người làm gì", "300 người học gì", "115 cán
    bộ được nhắc trong bài là những ai")."""
    for i, word in enumerate(folded):
        if not word[:1].isdigit():
            continue
        if i > 0 and folded[i - 1] in _CALLED_FIGURE:
            return True
        unit = _past_unit(folded, i)
        said = unit
        while said < len(folded) and said - unit < _POINTING and folded[said] in pointers:
            said += 1
        if said < len(folded) and folded[said] in ("la", "hoc", "lam"):
            return True
    return False


def _past_unit(folded: Sequence[str], i: int) -> int:
    """Where the words after the figure at `i` and its unit ("cán bộ") start."""
    unit = i + 1
    while unit < len(folded) and unit - i <= 2 and folded[unit] in _PEOPLE:
        unit += 1
    return unit


_FRACTION = re.compile(r"(\d+(?:[.,]\d+)*)\s*/\s*(\d+(?:[.,]\d+)*)")  # "1.066/1.999"
_PEOPLE = (
    "nguoi",
    "luot",
    "can",
    "bo",
    "cong",
    "chuc",
    "vi",
)  # "300 người", "84 lượt", "26 cán bộ"
_POINTING = 5  # words at most pointing at a figure ("được nhắc trong bài")
