"""A message that asks about the article and then about another place or time ("NQ 03 ban hành
năm nào, ở tỉnh khác có NQ tương tự không?"): the article's part answered and the rest said to
lie outside it, rather than the whole refused. Only when the refused clauses come last: a
clause after another place may still be of that place ("Mường Nhé có bao nhiêu cán bộ, bao
nhiêu đảng viên?"), and the article's figure would be a wrong answer there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.phrases import has_phrase

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.reply import Reply
    from bot.understanding import Clause


def answered_before_refusal(
    reader: Reader, question: str, clauses: Sequence[Clause], earlier: tuple[str, ...]
) -> Reply | None:
    """The answer to the clauses before the refused ones, with the refusal of those after it;
    None unless every clause from the first refused one on is refused and the rest answered."""
    refusals = [reader.responder.refusal(c.text, reader.match(c.text)) for c in clauses]
    first = next((i for i, r in enumerate(refusals) if r is not None), 0)
    if not first or any(r is None for r in refusals[first:]):
        return None  # none refused alone, the first clause refused, or one asked after them
    if not all(c.own_cue for c in clauses[:first]):
        return None  # "Xin hỏi trong số 1.999 cán bộ, số … năm 2011?": what it is asked of
    if any(_points_back(reader, c.text) for c in clauses[first:]):
        return None  # "mấy người công chức xã, làm giấy tờ á, họ học gì?": its subject before
    asked = ", ".join(c.text for c in clauses[:first])
    reply = reader.read_message(asked, earlier, ())
    if reply.status != "answer":
        return None
    refused = refusals[first]
    said = refused.text.split("\n", 1)[0] if refused is not None else ""
    return replace(reply, question=question, text=f"{reply.text}\n{said}")


def _points_back(reader: Reader, text: str) -> bool:
    words = reader.words(text)
    return has_phrase(words.folded, reader.reading.back_pronouns, words.tokens)
