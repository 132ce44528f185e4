"""Levels named softly: in one clause of a message for the next that names none ("cấp xã có
mấy cán bộ chủ chốt dưới 35, và mấy người học trung cấp?": the commune's figure), or by words
that pick a part of a per-level group only ("ở huyện có mấy cán bộ trẻ": the district's)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import message_memo
from bot.kb import Group, KnowledgeBase
from bot.reply import Reply
from bot.slot_finder import pattern_in

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match


def one_level(responder: Responder, match: Match) -> str | None:
    """The level a clause names, if it names exactly one (not the whole district)."""
    levels = responder.matcher.slot_values(match.question).get("level", set())
    every = responder.kb.settings.slot_every.get("level")
    return next(iter(levels)) if len(levels) == 1 and every not in levels else None


def narrowed(responder: Responder, reply: Reply, level: str, labelled: bool = False) -> Reply:
    """An answer giving a figure per level, kept to the level named earlier in the message (by
    a label before a colon: `labelled`); an answer at another level, its sibling at that level
    when the words hardly tell them apart ("cấp xã có mấy cb, bao nhiêu lãnh đạo trẻ dưới 35":
    the commune's young leaders)."""
    if reply.status == "answer" and len(reply.intents) == 1:
        return _sibling_at(responder, reply, level, labelled) or reply
    if reply.status != "answer" or len(reply.intents) < 2:
        return reply
    kb = responder.kb
    at_level = []
    for intent_id in reply.intents:
        intent = kb.intent(intent_id)
        if intent is not None and level in intent.slots.get("level", ()):
            at_level.append(intent_id)
    if not at_level or len(at_level) == len(reply.intents):
        return reply
    if len(at_level) == 1 and (intent := kb.intent(at_level[0])) is not None:
        return responder.answer_as(reply.question, intent, reply.score)
    return replace(reply, intents=tuple(at_level))


def part_words(responder: Responder, match: Match) -> dict[str, set[str]]:
    """The values `part_words` (knowledge/conversation.yaml) find in the question, by slot
    (read with its typos corrected: "cán bộ huyênj" is the district's)."""
    found: dict[str, set[str]] = {}
    text = responder.matcher.slots.corrected(match.question)
    for slot in responder.kb.conversation.part_words:
        for hit in pattern_in(slot, text).finditer(text):
            found.setdefault(slot.name, set()).add(slot.values[hit.lastgroup or ""])
    return found


SIBLING_NEAR = 15  # points within which two levels' figures are the same words' best guesses
LABELLED_WIDER = 2  # … twice as far under a level's label, never any distance ("cấp xã: …, bao
# nhiêu người bồi dưỡng chương trình chuyên viên" stays the district's programme it names)


def _sibling_at(
    responder: Responder, reply: Reply, level: str, labelled: bool = False
) -> Reply | None:
    kb, answered = responder.kb, reply.intents[0]
    intent = kb.intent(answered)
    if intent is None or level in intent.slots.get("level", (level,)):
        return None
    scores = dict(reply.candidates)
    # the whole district's figure under a level's label ("Cấp xã: tổng số cán bộ công chức")
    # is that level's part, however far its words are from the part's (not a level a clause
    # before named: "không tính cấp xã, thì huyện còn bao nhiêu cán bộ?"); under a label, a
    # sibling further off is still its level's ("cấp xã: …, bao nhiêu lãnh đạo dưới 35")
    every = {kb.settings.slot_every.get("level")}
    near = SIBLING_NEAR * (LABELLED_WIDER if labelled else 1)
    whole = labelled and set(intent.slots.get("level", ())) == every
    for group in kb.groups if whole else responder.groups:  # (a whole's parts: its differences)
        if group.by != "level" or answered not in group.parts:
            continue
        for part in group.parts:
            sibling = kb.intent(part)
            if (
                sibling is not None
                and level in sibling.slots.get("level", ())
                and (whole or scores.get(part, 0.0) >= scores.get(answered, 0.0) - near)
            ):
                return responder.answer_as(reply.question, sibling, reply.score)
    return None


def every_level_group(
    responder: Responder,
    groups: Sequence[Group],
    match: Match,
    reply: Reply,
    tie: float,
    answered_gap: float,
) -> tuple[Group | None, bool]:
    """(the group whose parts answer, whether summed): "toàn huyện bao nhiêu người học trung
    cấp?" names every level (by the words, not the chat) of a fact the article gives per level,
    its two parts tied within `tie` (within `answered_gap` when one was answered: "toàn huyện"
    asks no one level, however "huyện" pulls the district's): the parts and their sum; "…: cao
    cấp, trung cấp cấp huyện, trung cấp cấp xã" names each part of one group by its values."""
    top = reply.candidates[:2]
    if reply.status not in ("clarify", "answer") or len(top) < 2:
        return None, False
    if reply.status == "answer":
        tie = answered_gap
    every = responder.kb.settings.slot_every
    named = responder.matcher.slot_values(match.question)
    for group in sorted(groups, key=lambda g: len(g.parts)):
        value = every.get(group.by)
        if value is None or named.get(group.by) != {value} or not group.all_when_unnamed:
            continue
        if reply.status == "answer" and _gives_the_whole(responder, group, value):
            continue  # "bao nhiêu CBCC?" answered by the whole's own figure
        if {top[0][0], top[1][0]} <= set(group.parts) and top[0][1] - top[1][1] <= tie:
            return group, group.total is not None
    if reply.status != "clarify":
        return None, False
    return _each_part_named(responder, groups, named, reply), False


def _gives_the_whole(responder: Responder, group: Group, every: str) -> bool:
    """Whether one of the group's parts is the whole (its slot holds the value naming all)."""
    parts = (responder.kb.intent(p) for p in group.parts)
    return any(p is not None and every in p.slots.get(group.by, ()) for p in parts)


def _each_part_named(
    responder: Responder, groups: Sequence[Group], named: dict[str, set[str]], reply: Reply
) -> Group | None:
    """The group of three parts or more whose parts are among the best candidates, the question
    naming two values or more of `by` and every part fitting every value named of its slots."""
    floor = responder.kb.settings.thresholds.clarify  # each part as likely as offered
    for group in sorted(groups, key=lambda g: -len(g.parts)):
        best = {i for i, score in reply.candidates[: len(group.parts) + 1] if score >= floor}
        if len(group.parts) < 3 or set(group.parts) - best or len(named.get(group.by, ())) < 2:
            continue
        parts = [responder.kb.intent(p) for p in group.parts]
        if all(
            part is not None and all(part.slots[s] & v for s, v in named.items() if s in part.slots)
            for part in parts
        ) and not part_in_no_clause(responder, reply.question, group):
            return group
    return None


def part_in_no_clause(responder: Responder, question: str, group: Group) -> bool:
    """Clauses each naming a level and a course (or degree, title), one of them what tells the
    group's parts apart, and one part fitting none of them: "cấp xã học trung cấp với cấp huyện
    học cao cấp cộng lại" names two parts, not the district's intermediate course, whose level
    and course are named in different clauses (never "… trung cấp ở cấp huyện và ở cấp xã": a
    level said alone qualifies the clause before; nor "trung cấp LLCT cả huyện lẫn xã")."""
    tables = responder.kb.tables  # (cut as a list's items too: "A, B, tổng cộng bao nhiêu?")
    pieces = message_memo.clauses(question, responder.understanding, tables, as_list=True)
    every = responder.kb.settings.slot_every
    of_each = []
    for piece in pieces:
        named = responder.matcher.slot_values(message_memo.words(responder.matcher, piece.text))
        named = {s: v for s, v in named.items() if s in _PAIRED and v - {every.get(s)}}
        if set(named) == {"level"}:
            return False  # "…, ở cấp xã": a level for the clause before
        if group.by in named and len(named) >= 2:
            of_each.append(named)
    parts = [p for p in (responder.kb.intent(i) for i in group.parts) if p is not None]
    return len(of_each) >= 2 and any(
        not any(
            all(part.slots[s] & v for s, v in named.items() if s in part.slots) for named in of_each
        )
        for part in parts
    )


_PAIRED = frozenset({"level", "course", "degree", "title"})  # what a clause names a part by


WHOLE_NEAR = 10  # points within which the whole's figure is as likely as a part's


def whole_unnamed(
    responder: Responder, match: Match, reply: Reply, earlier: tuple[str, ...]
) -> Reply:
    """ "huyện có bao nhiêu cán bộ công chúc vây" names no level: of a part and the whole the
    article gives side by side (groups.yaml, the whole declares the value naming every level),
    the whole, when the words reach it about as well — never one level's figure unasked."""
    if reply.status != "answer" or len(reply.intents) != 1 or reply.intents[0] in earlier:
        return reply  # (a part the chat is at stays: "hơn mấy người?" after the commune's)
    kb, answered = responder.kb, reply.intents[0]
    named = responder.matcher.slot_values(match.question)
    scores = dict(reply.candidates)
    part_at = kb.intent(answered)
    parts_named: dict[str, set[str]] | None = None  # found once, for the first group that asks
    for group in kb.groups:  # a whole and its part are often a difference's (1.999 − 294)
        every = kb.settings.slot_every.get(group.by)
        if every is None or answered not in group.parts or named.get(group.by):
            continue
        if part_at is None or every in part_at.slots.get(group.by, (every,)):
            continue  # the answer is a whole already
        parts_named = part_words(responder, match) if parts_named is None else parts_named
        if parts_named.get(group.by):
            continue
        for part in group.parts:
            whole = kb.intent(part)
            if (
                whole is not None
                and part != answered
                and every in whole.slots.get(group.by, ())
                and scores.get(part, 0.0) >= scores.get(answered, 0.0) - WHOLE_NEAR
            ):
                return responder.answer_as(reply.question, whole, reply.score)
    return reply


def at_every_level(kb: KnowledgeBase, narrow: Reply, wide: Reply) -> Reply:
    """ "bao nhiêu người học cao cấp, bao nhiêu người học trung cấp?": a value beside another,
    at no level the message names, is at every level the article gives it (`wide`, read alone),
    not only the level of the fact before (`narrow`)."""
    if wide.status != "answer" or not narrow.intents or not set(narrow.intents) < set(wide.intents):
        return narrow
    extra = set(wide.intents) - set(narrow.intents)

    def unleveled(intent_id: str) -> dict[str, object]:
        intent = kb.intent(intent_id)
        return {k: v for k, v in (intent.slots if intent else {}).items() if k != "level"}

    kept = [unleveled(i) for i in narrow.intents]
    return wide if all(unleveled(i) in kept for i in extra) else narrow


def levels_of(responder: Responder, match: Match) -> set[str]:
    """The levels a clause names ("toàn huyện": the whole district)."""
    return responder.matcher.slot_values(match.question).get("level", set())
