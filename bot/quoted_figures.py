"""A close call settled by a figure the question quotes: "300 cán bộ, công chức cấp xã là gì?"
scores the commune's whole staff (294) about as high as the 300 commune staff sent to the
intermediate course, by the words; the 300 is that course's figure alone. Of the close
candidates, the one fact whose figures hold a number the question quotes answers — when exactly
one does (a number of several facts, like the 1.999 most of them are out of, picks none)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.narrowing import CLOSE
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match
    from bot.reply import Reply

_ASKS_WHAT_IT_COUNTS = frozenset({"count", "what"})  # "300 … là gì?", "… bao nhiêu người?"


def picked_by_figure(responder: Responder, match: Match, reply: Reply) -> Reply:
    """`reply`, or, for a clarification, the answer of the one close fact a quoted figure is of."""
    if reply.status != "clarify" or reply.unstated or not match.candidates:
        return reply
    numbers = set(numbers_in(reply.question))
    if len(numbers) != 1:
        return reply  # none, or several (a claim of two figures, "28 … mà 11 …": two facts)
    owning = set(responder.facts_with_figure(numbers.pop()))
    asked = responder.matcher.slot_values(match.question).get("ask", set())
    if not owning or asked - _ASKS_WHAT_IT_COUNTS:
        return reply  # "năm nào huyện cử 26 người …": a time asked, which the figure never is
    bar = max(responder.kb.settings.thresholds.clarify, match.candidates[0].score - CLOSE)
    close = [c for c in match.candidates if c.score >= bar and c.intent.kind == "fact"]
    owners = [c for c in close if c.intent.id in owning]
    if len(owners) != 1 or not _says_only_of(responder, match, owners[0].intent.id):
        return reply
    return responder.answer_as(reply.question, owners[0].intent, owners[0].score)


def _says_only_of(responder: Responder, match: Match, fact: str) -> bool:
    """Every word of the question but light ones and numbers is a word of `fact` ("712 người
    đi học đại học học chuyên ngành gì" asks a field of study its words never speak of)."""
    own = responder.narrowing.words_of(fact)
    light = responder.light_words
    if not all(w in own or w in light or w[:1].isdigit() for w in match.question.folded):
        return False
    # nor a value of its slots it does not hold ("712 … đại học, … thạc sĩ": two degrees)
    intent = responder.kb.intent(fact)
    named = responder.matcher.slot_values(match.question)
    held = intent.slots if intent is not None else {}
    return all(values <= held[slot] for slot, values in named.items() if slot in held)
