"""A close call settled by a figure the question quotes: "300 cán bộ, công chức cấp xã là gì?"
scores the commune's whole staff (294) about as high as the 300 commune staff sent to the
intermediate course, by the words; the 300 is that course's figure alone. Of the close
candidates, the one fact whose figures hold a number the question quotes answers — when exactly
one does (a number of several facts, like the 1.999 most of them are out of, picks none). Figures
offered as the answer's alternatives ("… cấp xã là 12 hay 21?") are read so: the one fact whose
figure is among them answers."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.close_calls import FactWords, close_to_best
from bot.normalize import Normalized
from bot.phrases import phrase_at
from bot.understanding import numbers_in, without_numbers

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb import KnowledgeBase
    from bot.kb.model import Understanding
    from bot.matcher import Match
    from bot.reply import Reply

_YEAR = re.compile(r"(19|20)\d\d$")  # "năm 2019, 712 hay 721 …": a year is no count offered
_ASKS_WHAT_IT_COUNTS = frozenset({"count", "what"})  # "300 … là gì?", "… bao nhiêu người?"


def picked_by_figure(responder: Responder, words: FactWords, match: Match, reply: Reply) -> Reply:
    """`reply`, or, for a clarification, the answer of the one close fact a quoted figure is of
    (for an answer, the fact the words pick when the figure is of several: `_past_shared`)."""
    if reply.status == "answer":
        return _past_shared(responder, match, reply) or reply
    if reply.status != "clarify" or reply.unstated or not match.candidates:
        return reply
    numbers = set(numbers_in(reply.question))
    question = match.question
    if len(numbers) > 1:  # several: alternatives only (a claim of two, "28 … mà 11 …": two facts)
        offered = alternatives(match.question, responder.kb.understanding)
        if offered is None:
            return reply
        question, numbers = offered
    if not numbers:
        return reply
    owning = {fact for n in numbers for fact in responder.facts_with_figure(n)}
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
    if not words.holds(owners[0].intent.id, question, named, light, numbers=True):
        return reply
    return responder.answer_as(reply.question, owners[0].intent, owners[0].score)


def offered_beside_known(question: Normalized, kb: KnowledgeBase) -> frozenset[str]:
    """The figures a question offers as its answer's alternatives when one of them is the
    article's ("năm 2010 hay 2011?", "194 hay 294 cán bộ?"): no year or subject asked of."""
    offered = alternatives(question, kb.understanding)
    if offered is None or not offered[1] & kb.article_numbers:
        return frozenset()
    return frozenset(offered[1])


def alternatives(
    question: Normalized, reading: Understanding
) -> tuple[Normalized, set[str]] | None:
    """The figures a question offers as its answer's alternatives ("12 hay 21", "1.066 hoặc
    1.606 người"), and the question without the words offering them; None when it offers none."""
    folded, marked = question.folded, question.tokens
    at = [i for i, word in enumerate(folded) if word[:1].isdigit()]
    dropped: set[int] = set()
    offered: set[str] = set()
    listed: list[int] = []  # "2010, 2011, 2015 hay 2020": figures listed before the last "hay"
    for a, b in pairwise(at):
        i = a + 1
        if i < b and marked[i] in reading.counted_after_digits:
            i += 1  # "12 người hay 21 người"
        size = phrase_at(folded, reading.other_answers, marked, i)
        if size and i + size == b:
            dropped.update(range(a + 1, b))
            offered.update((*(folded[n] for n in listed), folded[a], folded[b]))
            listed = []
        else:  # side by side, their commas gone, of one kind; offered when a "hay" follows
            same = bool(_YEAR.match(folded[a])) == bool(_YEAR.match(folded[b]))
            listed = [*listed, a] if b == a + 1 and same else []
    if not offered:
        return None
    kept = [i for i in range(len(folded)) if i not in dropped]
    return Normalized(tuple(marked[i] for i in kept), tuple(folded[i] for i in kept)), offered


SHARED_NEAR = 10  # points within which another fact holding the quoted figure is as likely


def _past_shared(responder: Responder, match: Match, reply: Reply) -> Reply | None:
    """ "tổng số CBCC của huyện là 1.999 người, đúng chưa?": the 1.999 is also in the party
    members' and the graduates' answers ("trong 1.999 …"), so the figure tells none of them
    apart — the words without it do (the whole staff), when they pick another of those facts
    surely."""
    numbers = set(numbers_in(reply.question))
    if len(reply.intents) != 1 or not numbers or reply.unstated:
        return None
    owners = {fact for n in numbers for fact in responder.facts_with_figure(n)}
    near = {c.intent.id for c in match.candidates if c.score >= reply.score - SHARED_NEAR}
    if reply.intents[0] not in owners or len(near & owners) < 2:
        return None
    again = responder.matcher.match(without_numbers(reply.question)).candidates
    if not again or again[0].intent.id not in near & owners - set(reply.intents):
        return None
    thresholds = responder.kb.settings.thresholds
    lead = again[0].score - (again[1].score if len(again) > 1 else 0.0)
    if again[0].score < thresholds.answer or lead < thresholds.margin:
        return None
    return responder.answer_as(reply.question, again[0].intent, reply.score)
