"""Attributes the article never gives for the facts it does give ("học mấy năm?", "tốn bao
nhiêu tiền?"): whether a question asks one (knowledge/understanding.yaml `unstated:`)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.clause_choice import lead_of
from bot.kb.model import KnowledgeBase, Understanding, Unstated
from bot.normalize import Normalized
from bot.reply import Reply

if TYPE_CHECKING:
    from bot.matcher import Match


def asked_in(attribute: Unstated, accented_text: str, folded_text: str) -> bool:
    return any(p.search(folded_text) for p in attribute.folded) or any(
        p.search(accented_text) for p in attribute.accented
    )


def asked_unstated(accented_text: str, folded_text: str, reading: Understanding) -> Unstated | None:
    """The attribute the article never gives that the question asks for, if any (kept for
    the last texts asked: reading one message asks it of the same text several times)."""
    _READINGS.setdefault(id(reading), reading)
    return _asked_unstated(accented_text, folded_text, id(reading))


_READINGS: dict[int, Understanding] = {}  # the word lists of this process, by identity


@lru_cache(maxsize=512)
def _asked_unstated(accented_text: str, folded_text: str, reading_id: int) -> Unstated | None:
    folded_any, accented_any = _any_unstated(reading_id)
    if not folded_any.search(folded_text) and not accented_any.search(accented_text):
        return None  # most questions: one search rather than one per pattern
    for attribute in _READINGS[reading_id].unstated:
        if asked_in(attribute, accented_text, folded_text):
            return attribute
    return None


@lru_cache(maxsize=8)
def _any_unstated(reading_id: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Every attribute's patterns as one, folded and accented (which one matched is read after)."""
    unstated = _READINGS[reading_id].unstated
    folded = [p.pattern for a in unstated for p in a.folded] or ["(?!)"]
    accented = [p.pattern for a in unstated for p in a.accented] or ["(?!)"]
    return (
        re.compile("|".join(f"(?:{p})" for p in folded)),
        re.compile("|".join(f"(?:{p})" for p in accented)),
    )


def only_asks(attribute: Unstated, words: Normalized, light: frozenset[str]) -> bool:
    """Whether the question asks nothing but `attribute` ("ai ký?", "ai ky ko biet"): after a
    fact, it asks that attribute of that fact, whatever other fact states it."""
    folded_text = rest = words.folded_text
    for pattern in attribute.folded:
        rest = pattern.sub(" ", rest)
    return rest != folded_text and all(w in light for w in rest.split())


def of_last_fact(kb: KnowledgeBase, earlier: tuple[str, ...], reply: Reply) -> bool:
    """Whether an attribute asked alone is of the chat's last fact rather than of the reply's:
    the reply's fact is of another topic (the byline "signs" the article; "ai ký?" after the
    resolution asks its signer)."""
    last = kb.intent(earlier[-1]) if earlier else None
    given = kb.intent(reply.intents[0]) if reply.intents else None
    return last is not None and given is not None and last.topic != given.topic


def asks_unstated_of(kb: KnowledgeBase, match: Match, before: Match | None = None) -> bool:
    """ "…, mấy ngày?", "…, học ở đâu?": a bare clause asking what the article never gives, of
    the clause `before` — unless its own best guess, clearly ahead, gives it ("…, đăng ngày
    nào?": the article's date; not "…, giữ chức gì?", as like promotions as the quoted
    official), or the clause before asks about what states it ("ai được trích lời, giữ chức
    gì?")."""
    question = match.question
    attribute = asked_unstated(" ".join(question.tokens), question.folded_text, kb.understanding)
    if attribute is None:
        return False
    best = match.candidates[0].intent if match.candidates else None
    sure = lead_of(match) >= kb.settings.thresholds.lead
    first = before.candidates[0].intent if before and before.candidates else None
    return not any(
        i is not None and attribute.id in i.slots.get("states", ())
        for i in (best if sure else None, first)
    )
