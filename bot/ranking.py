"""The facts just given, ranked by their figures: "cái nào nhiều nhất?" after a list gives the
largest, "ít nhất?" the smallest, and "xếp theo thứ tự từ lớn đến nhỏ" orders a list as it is
answered.

Only the article's own figures are compared (each fact's first, of facts that count), and only
figures of one kind — people, person-times ("lượt") or shares — so nothing new is stated; a list
mixing kinds is given as it is, with a word that it cannot be ranked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.figures import as_written
from bot.phrases import outside, spans
from bot.reply import Reply
from bot.values import value_class

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb import Intent
    from bot.normalize import Normalized

_PERSON_TIMES = ("lượt", "luot")
_SHARES = ("%", "phần trăm", "phan tram")


@value_class
class Figure:
    value: float
    kind: str  # "people", "person-times" or "share"


def figure_of(intent: Intent) -> Figure | None:
    """The first figure a counting fact states, as a number, and what it counts."""
    if not intent.figures or "count" not in intent.slots.get("ask", frozenset()):
        return None
    written = as_written(intent.figures[0])  # "1066" as the answer writes it: "1.066"
    at = intent.answer.find(written)
    if at < 0:
        return None
    after = intent.answer[at + len(written) :].lstrip().lower()
    kind = "people"
    if after.startswith(_PERSON_TIMES):
        kind = "person-times"
    elif after.startswith(_SHARES):
        kind = "share"
    return Figure(float(intent.figures[0]), kind)


class Ranking:
    def __init__(self, responder: Responder) -> None:
        self.responder, self.kb = responder, responder.kb
        self.words = responder.kb.understanding
        self.messages = responder.messages
        self._light = responder.light_words

    def extreme_asked(self, question: Normalized) -> str | None:
        """ "largest" or "smallest" when the message asks only that of what was just given
        ("cái nào nhiều nhất?", "số nào ít nhất"), else None."""
        folded, tokens = question.folded, question.tokens
        largest = spans(folded, self.words.largest_words, tokens)
        smallest = spans(folded, self.words.smallest_words, tokens)
        if bool(largest) == bool(smallest) or spans(folded, self.words.rank_blockers, tokens):
            return None  # "số lớn nhất trong bài": of the article, not of the facts just given
        found = largest or smallest
        pointers = spans(folded, self.words.rank_pointers, tokens)
        pointers += spans(folded, self.words.rank_requests, tokens)
        rest = outside(folded, [*found, *pointers])
        if any(w not in self._light for w in rest):
            return None  # "bậc cao nhất là gì": a fact of its own
        return "largest" if largest else "smallest"

    def order_asked(self, question: Normalized) -> str | None:
        """ "descending" or "ascending" when the message asks its facts in that order."""
        folded, tokens = question.folded, question.tokens
        down = bool(spans(folded, self.words.descending_words, tokens))
        up = bool(spans(folded, self.words.ascending_words, tokens))
        return None if down == up else ("descending" if down else "ascending")

    def extreme_of(self, question: str, words: Normalized, earlier: Sequence[str]) -> Reply | None:
        """The fact of `earlier` (the last answer's, two or more) with the largest or smallest
        figure (every one tied with it), when a ranking is all the message asks."""
        which = self.extreme_asked(words) if len(earlier) >= 2 else None
        if which is None:
            return None
        score = self.kb.settings.thresholds.answer
        figures = self._figures(earlier)
        if figures is None:
            return None  # a fact that counts nothing ("ai phát biểu"): no ranking of it
        ranked = _largest_first(figures)
        if ranked is None:
            return self._unlike(question, earlier, score)
        best = ranked[0][1] if which == "largest" else ranked[-1][1]
        chosen = [i for i, f in ranked if f.value == best.value]
        header = self.messages.rank_largest if which == "largest" else self.messages.rank_smallest
        reply = self._answer(question, chosen, score)
        return replace(reply, text=f"{header}\n{reply.text}", context=tuple(earlier))

    def ordered(self, question: str, words: Normalized, reply: Reply) -> Reply:
        """`reply` with its facts in the order the message asks ("từ lớn đến nhỏ"), when it
        gives two or more of one kind and nothing else; else `reply` as it is."""
        order = self.order_asked(words)
        if order is None or reply.status != "answer" or len(reply.intents) < 2:
            return reply
        figures = self._figures(reply.intents)
        ranked = None if figures is None else _largest_first(figures)
        lines = reply.text.split("\n")
        count = len(reply.intents)
        if (
            ranked is None
            or len(lines) < count
            or not all(x.startswith("• ") for x in lines[:count])
        ):
            return reply
        line_of = dict(zip(reply.intents, lines[:count], strict=True))
        if order == "ascending":
            ranked.reverse()
        ids = [i for i, _ in ranked]
        header = (
            self.messages.rank_descending if order == "descending" else self.messages.rank_ascending
        )
        text = "\n".join([header, *(line_of[i] for i in ids), *lines[count:]])
        return replace(reply, text=text, intents=tuple(ids), intent=ids[0])

    def _figures(self, ids: Sequence[str]) -> list[tuple[str, Figure]] | None:
        """(fact, its figure) for each of `ids`, or None when one counts nothing."""
        found = []
        for fact in ids:
            intent = self.kb.intent(fact)
            figure = figure_of(intent) if intent is not None else None
            if figure is None:
                return None
            found.append((fact, figure))
        return found

    def _answer(self, question: str, ids: Sequence[str], score: float) -> Reply:
        if len(ids) == 1 and (intent := self.kb.intent(ids[0])) is not None:
            return self.responder.answer_as(question, intent, score)
        return self.responder.answer_many(question, ids, score)

    def _unlike(self, question: str, earlier: Sequence[str], score: float) -> Reply:
        """Figures of different kinds: each again, with a word that they do not rank."""
        reply = self.responder.answer_many(question, earlier, score)
        return replace(reply, text=f"{self.messages.rank_unlike}\n{reply.text}")


def _largest_first(
    figures: list[tuple[str, Figure]],
) -> list[tuple[str, Figure]] | None:
    """Largest first (ties in the order given), when every figure counts one kind of thing."""
    if len({f.kind for _, f in figures}) != 1:
        return None
    return sorted(figures, key=lambda pair: -pair[1].value)
