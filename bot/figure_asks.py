"""Whether a question with more words than figures asks what its figures mean ("115 cán bộ là
học cái gì", "84 lượt bồi dưỡng là cho ai?") rather than something else of the article ("trong
1.999 người có bao nhiêu đảng viên?"), and which words belong to a figure (figures.py answers)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from bot import message_memo
from bot.normalize import fold, normalize
from bot.phrases import has_phrase, phrase_at
from bot.time_anchors import YEAR_WORDS
from bot.understanding import numbers_in
from bot.unstated import asked_unstated

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match

_NAMES_ANOTHER = 5  # above the clarify threshold: words that name a fact of their own


class FigureAsks:
    def __init__(self, responder: Responder, match: Callable[[str], Match]) -> None:
        self.responder = responder
        self.match = match
        self.kb = responder.kb
        self.reading = responder.understanding
        self.light_words = responder.light_words
        reading = self.reading  # the words that ask something of a figure, not what it names
        phrases = (*reading.meaning_cues, *reading.figure_groups, *reading.figure_who_cues)
        self._cue_words = frozenset({w for p in phrases for w in p} | set(reading.figure_asks_more))
        self._evidence: dict[str, frozenset[str]] = {}  # fact → its evidence's words

    def about_figures(self, question: str, match: Match, facts: list[str]) -> bool:
        """A question with more words than figures asks what they mean only when it is one
        question, counts nothing ("trong 1.999 người có bao nhiêu đảng viên?"), asks nothing the
        article never gives ("712 người học ở đâu?") nor about another place, and its words
        name no other fact ("nghị quyết 26 của Trung ương nói gì?")."""
        asked = self.responder.matcher.slot_values(match.question).get("ask", set())
        if asked & {"count", "count_other"} and not has_phrase(
            match.question.folded, self.reading.figure_recurrences
        ):  # "mấy" counts, unless the figure's recurrence is asked ("1.999 xuất hiện mấy lần")
            return False
        # "năm 2020 nhắc trong bài có ý nghĩa gì": a year the article writes, asked about
        pointers = self.reading.figure_pointers
        introduced = introduced_as_figure(match.question.folded, pointers)
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
        return any(named <= self._evidence_words(fact) for fact in facts)

    def _evidence_words(self, fact: str) -> frozenset[str]:
        """A fact's evidence as folded words (normalized once per fact, when first asked)."""
        found = self._evidence.get(fact)
        if found is None:
            intent = self.kb.intent(fact)
            text = " ".join(intent.evidence) if intent else ""
            found = self._evidence[fact] = frozenset(normalize(text, self.kb.tables).folded)
        return found

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


# words before a number that call it a figure: "số 1.066", "năm 2011", "mốc 35 tuổi"
_CALLED_FIGURE = frozenset({"so", "nam", "number", "figure", "year", "nhac", "moc", "nguong"})


def introduced_as_figure(folded: Sequence[str], pointers: frozenset[str]) -> bool:
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
