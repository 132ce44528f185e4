"""A part the asker already has, stated with its figure before asking the rest ("trung cấp
LLCT: huyện có 55 người rồi, còn xã bao nhiêu?", "115 chuyên viên thì mình có rồi; còn …"):
left out of a reply of several facts — given again, it is an answer to what was not asked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.phrases import asks, ends_with, has_phrase, joined, phrase_at
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.reply import Reply

# a part is stated in a piece of its own (never cut inside a figure: "1.800", "35,6")
_PIECES = re.compile(r"((?:[;:!?…]|(?<!\d)[.,]|[.,](?!\d))+)")


def without_known(reader: Reader, question: str, reply: Reply) -> Reply:
    """`reply`, less the facts whose figure the message states as had ("… 55 người rồi",
    "…, còn …") in a piece that asks nothing — when others remain and nothing is summed,
    compared or checked (there every figure stated is one of the terms)."""
    if reply.status != "answer" or len(reply.intents) < 2 or not numbers_in(question):
        return reply
    reading, responder = reader.reading, reader.responder
    whole = reader.words(question)
    computed = joined(
        reading.total_cues, reading.comparison_cues, reading.ratio_cues, reading.difference_cues,
        reading.exclusion_cues, reading.confirmations, reading.claim_cues, reading.sameness_cues,
    )  # fmt: skip
    if has_phrase(whole.folded, computed, whole.tokens):
        return reply
    cut = _PIECES.split(question)  # pieces, each followed by the marks that end it
    pieces = [
        (reader.words(p), "?" in end) for p, end in zip(cut[::2], [*cut[1::2], ""], strict=True)
    ]
    pieces = [(words, asked) for words, asked in pieces if words.tokens]
    known: set[str] = set()
    for at, (piece, asked) in enumerate(pieces):
        after = pieces[at + 1][0] if at + 1 < len(pieces) else None
        turns = after is not None and phrase_at(after.folded, reading.known_turns, after.tokens, 0)
        had = turns or has_phrase(piece.folded, reading.known_markers, piece.tokens)
        checked = asked or ends_with(piece.tokens, reading.claim_tags)  # "… là mỗi năm hả?"
        if had and not checked and not asks(piece, reading):
            owners = [responder.facts_with_figure(n) for n in numbers_in(piece.text)]
            known.update(o[0] for o in owners if len(o) == 1)  # not 35, 1.999: several facts
    rest = [f for f in reply.intents if f not in known]
    if not rest or len(rest) == len(reply.intents):
        return reply
    if len(rest) > 1:
        return responder.answer_many(reply.question, rest, reply.score)
    intent = responder.kb.intent(rest[0])
    return responder.answer_as(reply.question, intent, reply.score) if intent else reply
