"""The asker's own place, said to compare: "Huyện tôi có 90 người học trung cấp, bên Điện Biên
Đông được bao nhiêu?". Its figures are the asker's, neither a claim about the article to check
nor a figure whose meaning is asked, and the province it names is no place the question asks
about: both are read past, so the question is read as asked of the article's district.

Only where the message names the article's district too ("bên Điện Biên Đông", "bên đó"): a
local's "huyện mình có bao nhiêu cán bộ?" is the article's district itself."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot.normalize import Normalized, fold
from bot.phrases import spans
from bot.scope import Scope

if TYPE_CHECKING:
    from bot.kb import KnowledgeBase

_PIECE = re.compile(r"[^,.;:!?\n]+")  # a piece of a sentence: the asker's figures stay in theirs
_WORD = re.compile(r"\S+")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_SENTENCE_STOP = re.compile(r"^[.!]")  # the asker's own sentence, ended: joined to the question


class OwnPlace:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.reading = kb.understanding
        settings = kb.settings
        self._units = tuple(
            tuple(fold(w, kb.tables) for w in unit.split()) for unit in settings.counted_units
        )
        self.scope = Scope(kb)  # "ở Quảng Trị": the words the scope rules would refuse

    def read_past(self, text: str, names_its_own: Callable[[str], bool] = lambda _: False) -> str:
        """`text` without the figures and places of the asker's own place, when it compares
        them with the article's district; else `text` unchanged. A question after the asker's
        own sentence that names nothing of its own (`names_its_own` false) asks of it."""
        marked = [w.lower() for w in _WORD.findall(text)]
        words = [fold(w, self.kb.tables) for w in marked]
        own, article = self.reading.own_place, self.reading.article_place
        if not spans(words, own, marked) or not spans(words, article, marked):
            return text
        out, end, after_own = [], 0, False
        for piece in _PIECE.finditer(text):
            between = text[end : piece.start()]
            # "Huyện tôi có 12 cán bộ chủ chốt trẻ ở xã. Điện Biên Đông bao nhiêu?": one
            # sentence, the question of what the asker's piece names
            stop = after_own and _SENTENCE_STOP.match(between)
            joined = stop and not names_its_own(text[piece.start() :])
            out.append(_SENTENCE_STOP.sub(",", between) if joined else between)
            read = self._piece(piece.group(0))
            after_own = read != piece.group(0)
            out.append(read)
            end = piece.end()
        return "".join([*out, text[end:]])

    def compared(self, folded: Sequence[str], marked: Sequence[str], light: frozenset[str]) -> bool:
        """ "vậy bên tôi hơn mấy người?", "bên mình có 15, vậy bên đó ít hơn mấy người?" after an
        answer: the asker's own figure beside the one just given, and nothing else named — that
        figure is all the article has."""
        own = spans(folded, self.reading.own_place, marked)
        compares = spans(folded, self.reading.comparison_cues, marked)
        article = spans(folded, self.reading.article_place, marked)
        said = {i for a, b in own + compares + article for i in range(a, b)}
        words = list(folded)
        return bool(own and compares) and all(
            i in said or w in light or self._asker_figure(words, i, w) for i, w in enumerate(words)
        )

    def unsaid(self, question: Normalized, light: frozenset[str]) -> bool:
        """ "vậy bên mình hơn mấy người?": compared with the asker's own figure, never given —
        no gap between the article's figures to work out ("bên mình có 15, …" gives it)."""
        numbers = any(map(_NUMBER.match, question.folded))
        return not numbers and self.compared(question.folded, question.tokens, light)

    def _piece(self, piece: str) -> str:
        tokens = list(_WORD.finditer(piece))
        marked = [t.group(0).lower() for t in tokens]
        folded = [fold(w, self.kb.tables) for w in marked]
        own, article = self.reading.own_place, self.reading.article_place
        if not spans(folded, own, marked) or spans(folded, article, marked):
            return piece
        dropped = {i for i, word in enumerate(folded) if self._asker_figure(folded, i, word)}
        dropped |= {
            i for a, b in spans(folded, self.reading.own_plans, marked) for i in range(a, b)
        }
        dropped |= self.scope.words_outside(Normalized(tuple(marked), tuple(folded)))
        kept = [t.group(0) for i, t in enumerate(tokens) if i not in dropped]
        lead = piece[: len(piece) - len(piece.lstrip())]
        return lead + " ".join(kept) + (" " if piece.endswith(" ") else "")

    def _asker_figure(self, folded: list[str], i: int, word: str) -> bool:
        """A count of the asker's ("90 người"), or a figure the article never writes; an
        article's figure naming the subject stays ("dưới 35 tuổi")."""
        if not _NUMBER.match(word):
            return False
        if word.replace(".", "").replace(",", "") not in self.kb.article_numbers:
            return True
        return any(tuple(folded[i + 1 : i + 1 + len(u)]) == u for u in self._units)
