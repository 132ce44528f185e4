"""A total of counts each said apart ("cộng số A với số B", "gộp A, B và C, tổng là bao nhiêu?"):
each summand read alone, and their facts summed — not a declared group whose values the summands
only share between them ("cao cấp ở huyện cộng với trung cấp ở xã" is two courses, not three).
Read only when every summand is answered alone with counts, none the same fact as another."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import message_words
from bot.group_facts import exact_group
from bot.normalize import clean
from bot.phrases import own_words, own_words_but, people_and_levels, spans
from bot.sum_cues import sum_cues

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.reply import Reply

_MOST = 4  # summands read at most
_COUNT_OPENERS = frozenset({"so"})  # "số …": a count named
_SHARED = 2  # words naming what every summand is of, at most ("cấp xã")


class Summands:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.kb, self.reading = reader.kb, reader.reading
        cues = {w for p in self.reading.total_cues for w in p}
        self._bare = people_and_levels(self.kb, self.reading) | cues | {"so"}

    def read(self, question: str, whole: Reply) -> Reply | None:
        """The counts the message sums, one per summand, with their sum; None when it sums no
        summands said apart (or one of them is not surely a count)."""
        pieces = self._pieces(question)
        if not 2 <= len(pieces) <= _MOST:
            return None
        # "cộng số cán bộ cấp xã với số … học trung cấp": what is counted, said once at the end
        if not all(self._names_a_count(p) for p in pieces):
            return None
        facts: list[str] = []
        for piece in pieces:
            alone = self.reader.read_alone(piece)
            if not self._counts_apart(alone, facts):
                return None
            facts += alone.intents
        if set(facts) == set(whole.intents):
            return None  # the message read whole says as much
        score = max(whole.score, self.kb.settings.thresholds.answer)
        group = exact_group(self.reader.groups, facts)  # a sum the article declares, if any
        ids = list(group.parts) if group is not None else facts
        reply = self.reader.responder.answer_many(question, ids, score, group, with_total=True)
        return reply if reply.status == "answer" else None

    def _counts_apart(self, alone: Reply, facts: Sequence[str]) -> bool:
        """A summand read alone answers counts none of the others gave: one fact, or the parts
        of a group whose sum the article's figures declare (not "số lượt bồi dưỡng QLNN", two
        levels' unsummed counts, nor "số 712", two facts)."""
        given = [self.kb.intent(i) for i in alone.intents]
        if alone.status != "answer" or not given or set(alone.intents) & set(facts):
            return False
        if not all(i is not None and "count" in i.slots.get("ask", ()) for i in given):
            return False
        group = exact_group(self.reader.groups, alone.intents) if len(given) > 1 else None
        return len(given) == 1 or (group is not None and group.total is not None)

    def _names_a_count(self, piece: str) -> bool:
        """A summand names what it counts, more than the people and a level ("số người học
        thạc sĩ", not "số cán bộ, công chức cấp xã": what they did is said after)."""
        words = message_words.words(clean(piece, self.kb.tables), self.kb.tables)
        light = self.reader.light_words | self._bare
        own = own_words(words.folded, words.marked, self.reading, light)
        return bool(own)

    def _pieces(self, question: str) -> list[str]:
        """The message cut where, after a summand joiner ("với", "và", "cộng", a comma), another
        count begins ("số …"), when it asks a sum; the words before the first count ("Ở cấp
        xã, …") are said of every summand; only pieces naming something of their own."""
        tables, reading = self.kb.tables, self.reading
        cleaned = clean(question, tables)
        words = message_words.words(cleaned, tables)
        folded, marked = words.folded, words.marked
        first = next((i for i, w in enumerate(folded) if w in _COUNT_OPENERS), None)
        if first is None or not sum_cues(folded, marked, reading):
            return []
        cuts = [(a, b) for a, b in spans(folded, reading.summand_joiners, marked) if a > first]
        cuts += [
            (i, i)
            for i in range(first + 1, len(folded))
            if "," in cleaned[words.ends[i - 1] : words.starts[i]]
        ]
        cuts = [(a, b) for a, b in cuts if b < len(folded) and folded[b] in _COUNT_OPENERS]
        if not cuts:
            return []
        # the sum's own words are no part of a summand ("gộp …", "…, tổng là bao nhiêu")
        cue_words = {k for a, b in sum_cues(folded, marked, reading) for k in range(a, b)}
        shared = _without(cleaned, words, cue_words, 0, first)
        light = self.reader.light_words | {"+", "&"}

        def own(a: int, b: int) -> list[str]:  # the words of a … b-1 but the sum's, named
            return own_words_but((folded, marked), cue_words, reading, light, (a, b))

        named = own(0, first)
        before = cleaned[: words.starts[first]]
        qualifies = all(w in self._bare for w in named)  # "Ở cấp xã, …": a level, said of all
        item = not qualifies and self.reader.read_alone(before).status == "answer"
        if len(named) > _SHARED or item:
            return []  # "tổng cán bộ công chức, số …": an item of a list ("Ở cấp xã, …" is not)
        pieces, start = [], first
        for a, b in sorted(set(cuts)):
            if a >= start:
                pieces.append((start, a))
                start = b
        pieces.append((start, len(folded)))
        texts = []
        for a, b in pieces:
            if a < b and own(a, b):
                texts.append(f"{shared} {_without(cleaned, words, cue_words, a, b)}".strip())
        return texts


def _without(cleaned: str, words: message_words.Words, left_out: set[int], a: int, b: int) -> str:
    """The text of words a … b-1 as written (its commas kept), without the words `left_out`."""
    kept, start = [], words.starts[a] if a < b else 0
    for k in range(a, b):
        if k in left_out:
            kept.append(cleaned[start : words.starts[k]])
            start = words.ends[k]
    if a < b:
        kept.append(cleaned[start : words.ends[b - 1]])
    return " ".join(" ".join(kept).split())
