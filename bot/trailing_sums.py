"""A sum asked at the end of a message's last clause ("cấp xã học trung cấp với cấp huyện học
cao cấp cộng lại"): read apart from that clause, as if said on its own ("…, cộng lại?"), so the
clause is read for its own fact and the sum for all of them."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.sum_cues import sum_cues
from bot.understanding import Clause

if TYPE_CHECKING:
    from bot.reading import Reader


def sum_apart(reader: Reader, clauses: list[Clause]) -> list[Clause]:
    """`clauses`, the last one's closing sum cue made a clause of its own, when the words
    before it name a fact alone, by its level and more ("cấp huyện học cao cấp"), and the
    clause with the cue does not."""
    if len(clauses) < 2:
        return clauses
    last = clauses[-1]
    words = reader.words(last.text)
    found = sum_cues(words.folded, words.tokens, reader.reading)
    start, end = max(found, key=lambda span: (span[1], -span[0]), default=(0, 0))
    if end != len(words.folded) or start == 0:
        return clauses
    head = replace(last, text=" ".join(words.tokens[:start]))
    named = reader.responder.matcher.slot_values(reader.words(head.text))
    every = reader.kb.settings.slot_every.get("level")
    if not named.get("level", set()) - {every} or len(set(named) - {"ask"}) < 2:
        return clauses  # only a clause naming a fact by its level and more, which its cue hides
    if _answered(reader, last.text) or not _answered(reader, head.text):
        return clauses
    cue = Clause(" ".join(words.tokens[start:]), asks=last.asks)
    return [*clauses[:-1], head, cue]


def _answered(reader: Reader, text: str) -> bool:
    return reader.single(text, reader.match(text), ()).status == "answer"
