"""What "bao nhiêu" or "mấy" counts: one of the article's units ("bao nhiêu người"), or
something it never counts ("bao nhiêu xã có cán bộ đi học": communes; ask `count_other`)."""

from __future__ import annotations

from collections.abc import Set

from bot.kb import KnowledgeBase
from bot.lexicon import Lexicon
from bot.normalize import Normalized, normalize

_UNIT_WINDOW = 5  # words after "bao nhiêu" in which the counted unit may stand


class CountedUnits:
    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, context: Set[str]) -> None:
        self.lexicon, self._context = lexicon, context
        tables = kb.tables
        units: dict[str, list[tuple[str, ...]]] = {}  # by first word
        for unit in sorted({normalize(w, tables).folded for w in kb.settings.units}):
            units.setdefault(unit[0] if unit else "", []).append(unit)
        self._units = units
        self._any_unit = "" in units  # a unit of no words is always there
        # single words, compared as typed (lower-cased, with their marks)
        self._phrase_ends = frozenset(w.lower() for w in kb.settings.count_phrase_ends)

    def counts_something_else(self, question: Normalized, corrected: str) -> bool:
        """'bao nhiêu xã': no count of the message is of the article's units (read `corrected`:
        "bao nhiêu đảng viem"; "mấy chức danh … bao nhiêu lượt": those posts, counted)."""
        words = tuple(corrected.split())
        words = words if len(words) == len(question.folded) else question.folded
        other = counted = False
        for i, word in enumerate(words):
            cue = word == "may" or (word == "nhieu" and i > 0 and words[i - 1] == "bao")
            if not cue or i + 1 >= len(words):
                continue
            after, accented = words[i + 1], question.tokens[i + 1]
            if (
                after[:1].isdigit()
                or self.lexicon.is_filler(accented, after)
                or accented in self._context
            ):
                continue
            if not self.lexicon.has_fold(after):
                continue  # an unknown word may be a unit mistyped: no judgement
            # English puts modifiers first ("how many key officials"): look a few words on, up
            # to a word that ends what is counted ("bao nhiêu xã có cán bộ": communes)
            stop = min(i + 1 + _UNIT_WINDOW, len(words))
            ends = self._phrase_ends  # (tokens and words align: same length, checked above)
            stop = next((j for j in range(i + 2, stop) if question.tokens[j].lower() in ends), stop)
            unit = self._any_unit or any(
                words[j : j + len(unit)] == unit
                for j in range(i + 1, stop)
                for unit in self._units.get(words[j], ())
            )
            counted, other = counted or unit, other or not unit
        return other and not counted
