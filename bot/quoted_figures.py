"""A close call settled by a figure the question quotes: "300 cán bộ, công chức cấp xã là gì?"
scores the commune's whole staff (294) about as high as the 300 commune staff sent to the
intermediate course, by the words; the 300 is that course's figure alone. Of the close
candidates, the one fact whose figures hold a number the question quotes answers — when exactly
one does (a number of several facts, like the 1.999 most of them are out of, picks none)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.close_calls import FactWords, close_to_best
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match
    from bot.reply import Reply

_ASKS_WHAT_IT_COUNTS = frozenset({"count", "what"})  # "300 … là gì?", "… bao nhiêu người?"


def picked_by_figure(responder: Responder, words: FactWords, match: Match, reply: Reply) -> Reply:
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
    close = close_to_best(match.candidates, responder.kb.settings.thresholds.clarify)
    owners = [c for c in close if c.intent.kind == "fact" and c.intent.id in owning]
    if len(owners) != 1:
        return reply
    # every word its fact's ("712 người đi học đại học học chuyên ngành gì" asks a field of
    # study its words never speak of), no other value of its slots named
    named = responder.matcher.slot_values(match.question)
    light = responder.light_words
    if not words.holds(owners[0].intent.id, match.question, named, light, numbers=True):
        return reply
    return responder.answer_as(reply.question, owners[0].intent, owners[0].score)
