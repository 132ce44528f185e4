"""A value named once for every item of a list: "tổng cán bộ xã và cán bộ huyện học trung cấp
chính trị" asks the intermediate course at both levels, not the commune's whole staff beside the
district's course. Read clause by clause, "tổng cán bộ xã" names a fact of its own; read as the
list it is, the course named at the end belongs to each item.

An item is moved to its sibling only when another item of the list is a part of a group that
the sibling belongs to too, the sibling takes the values the message names that the item's own
fact lacks (of the slots it has), and every other item takes them too (or has no such slot): the
message then reads as one list of parts of that group.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot import message_memo

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb import Intent
    from bot.matcher import Match
    from bot.normalize import Normalized
    from bot.reply import Reply

_KEPT = ("ask", "states", "level")  # what a sibling must share with the item, or never names


def spread(
    responder: Responder, words: Normalized, answered: list[Reply], bare: Callable[[str], bool]
) -> list[Reply]:
    """`answered`, each one-fact item that names nothing but values (`bare`: "tổng cán bộ xã")
    and lacks a value the message names, moved to the sibling that takes it."""
    items = [(r.intents[0], r.question) for r in answered if len(r.intents) == 1]
    moved = moves(responder, words, items, bare)
    return [
        responder.answer_as(r.question, moved[r.intents[0]], r.score)
        if len(r.intents) == 1 and r.intents[0] in moved
        else r
        for r in answered
    ]


def moves(
    responder: Responder,
    words: Normalized,
    items: list[tuple[str, str]],
    bare: Callable[[str], bool],
) -> dict[str, Intent]:
    """Item fact id → the sibling it is moved to; `items`: (fact id, the item's own text)."""
    values = responder.matcher.slot_values(words)
    named = {k: v for k, v in values.items() if k not in _KEPT}
    if not named or len(items) < 2:
        return {}
    levels = values.get("level", set())
    facts = [fact for fact, _ in items]
    owns = [
        responder.matcher.slot_values(message_memo.words(responder.matcher, t)) for _, t in items
    ]
    heads = [_head_values(responder, text) for _, text in items]  # "Trung cấp LLCT: …"
    found = {}
    for place, (fact, text) in enumerate(items):
        item = responder.kb.intent(fact)
        # (only an item naming no more than who is counted: "… trên ĐH hiện nay" keeps its own)
        own = owns[place]
        plain = set(own) <= {"role", "level", "ask"}
        later = owns[place + 1 :] + heads[:place]  # named after it, or heading the list
        # (an item naming whom it counts asks its own: "cấp xã có bao nhiêu cán bộ công chức";
        # "cấp xã có bao nhiêu người" takes the course named before)
        whom = "ask" in own and bool(set(own) - {"level", "ask"})
        shared = _shared_with(named, later) if whom else named
        sibling = (
            None
            if item is None or not shared
            else _sibling(responder, item, shared, facts, levels if plain else set())
        )
        if sibling is not None and bare(text) and not _count_lost(responder, text, sibling):
            found[fact] = sibling
    return found


def _shared_with(
    named: dict[str, set[str]], later: list[dict[str, set[str]]]
) -> dict[str, set[str]]:
    """What an item asking its own question takes from the list: only the values named after it,
    or in a head before a colon ("cấp huyện có mấy cán bộ trẻ; cấp xã có bao nhiêu cán bộ công
    chức": the young belong to the first item alone, the second asks the commune's staff)."""
    after: dict[str, set[str]] = {}
    for values in later:
        for slot, found in values.items():
            after.setdefault(slot, set()).update(found)
    return {k: v & after[k] for k, v in named.items() if v & after.get(k, set())}


def _head_values(responder: Responder, text: str) -> dict[str, set[str]]:
    """The values an item names before a colon: a head over the whole list ("Trung cấp LLCT:
    bao nhiêu cán bộ cấp huyện, bao nhiêu cán bộ, công chức cấp xã?")."""
    head, colon, _ = text.partition(":")
    if not colon:
        return {}
    return responder.matcher.slot_values(message_memo.words(responder.matcher, head))


def _count_lost(responder: Responder, text: str, sibling: Intent) -> bool:
    """The item asks a count ("cán bộ công chức xã bao nhiêu người, …") its sibling never gives."""
    asked = responder.matcher.slot_values(message_memo.words(responder.matcher, text)).get("ask")
    return "count" in (asked or ()) and "count" not in sibling.slots.get("ask", frozenset())


def _sibling(
    responder: Responder,
    item: Intent,
    named: dict[str, set[str]],
    facts: list[str],
    levels_named: set[str],
) -> Intent | None:
    lacking = {s: v for s, v in named.items() if s not in item.slots}
    if not lacking:
        return None
    level = item.slots.get("level")
    # "bao nhiêu cán bộ huyện và bao nhiêu cán bộ xã học trung cấp": an item of the whole
    # district's staff, where the message names the levels, takes the level it leaves out
    every = level is not None and bool(level & set(responder.kb.settings.slot_every.values()))
    levels = levels_named if every else set()
    for group in responder.groups:
        mates = [responder.kb.intent(p) for p in group.parts if p in facts and p != item.id]
        if not mates or item.id in group.parts:
            continue
        if not all(m and all(v & m.slots.get(s, v) for s, v in lacking.items()) for m in mates):
            continue  # the list's other items take the values too: the message's own course
        for part in group.parts:
            intent = responder.kb.intent(part)
            if intent is None or part in facts:
                continue
            own = intent.slots.get("level")
            if own != level and not (own and own & levels):
                continue
            takes = [s for s in lacking if s in intent.slots]
            if takes and all(lacking[s] & intent.slots[s] for s in takes):
                return intent
    return None


_SIDE_BY_SIDE_SKIPPED = ("ask", "level", "role")  # slots a list's items may share or not


def side_by_side(responder: Responder, match: Match, seen: dict[str, set[str]]) -> bool:
    """Whether an item names another value of a slot an item before it named ("cao cấp llct,
    trung cấp llct …": two courses side by side, neither narrowing the other); `seen`, the
    values of the items before, takes this item's."""
    values = {
        k: v
        for k, v in responder.matcher.slot_values(match.question).items()
        if k not in _SIDE_BY_SIDE_SKIPPED
    }
    beside = any(seen.get(k, set()) - v for k, v in values.items())
    for k, v in values.items():
        seen.setdefault(k, set()).update(v)
    return beside


CARRIED_NEAR = 10.0  # points under an item's answer at which a fact of the list's topic wins


def with_carried_topic(
    responder: Responder, match: Match, reply: Reply, seen: dict[str, set[str]]
) -> Reply:
    """ "học quản lý nhà nước (chương trình chuyên viên + chủ chốt cấp xã)": an item that names
    no value of a slot the items before it named (the subject, a degree, a course; `seen`, as
    side_by_side keeps it) is of that value too — of its candidates near its answer, the one
    fact that has it and every value the item names itself, when only one has (else the item's
    answer as it was)."""
    if reply.status != "answer" or len(reply.intents) != 1:
        return reply
    own = responder.matcher.slot_values(match.question)
    named = {k: v for k, v in own.items() if k != "ask"}
    if not named:  # "…, chính xác là bao nhiêu?": of the clause before, by no words of its own
        return reply
    carried = {k: v for k, v in seen.items() if k not in _SIDE_BY_SIDE_SKIPPED and k not in own}
    answered = responder.kb.intent(reply.intents[0])
    if not carried or answered is None or _has_values(answered, carried):
        return reply
    fitting = [
        c
        for c in match.candidates
        if c.score >= reply.score - CARRIED_NEAR
        and _has_values(c.intent, carried)
        and _has_values(c.intent, named)
    ]
    if len(fitting) != 1:
        return reply
    return responder.answer_as(reply.question, fitting[0].intent, fitting[0].score)


_MESSAGE_WIDE = ("stage",)  # said once for a whole list ("3 chỉ tiêu hiện nay: A, B, C")


def with_carried_values(
    responder: Responder,
    match: Match,
    reply: Reply,
    seen: dict[str, set[str]],
    message: Normalized,
    position: int,
) -> Reply:
    """An item read with what the rest of its list says: the stage the message names once for
    every item (an item asked back about between what is held now and who was sent, of the
    close candidates the one fact held now), then, after the first item (at `position` 0), the
    topic of the items before it (`seen`: with_carried_topic)."""
    if reply.status == "clarify":
        own = responder.matcher.slot_values(match.question)
        wide = {
            k: v
            for k, v in responder.matcher.slot_values(message).items()
            if k in _MESSAGE_WIDE and k not in own
        }
        # a count of something named ("SL trình độ ĐH"; not "…? bao nhiêu %?", "which university?")
        wide = wide if "count" in own.get("ask", ()) and set(own) - {"ask"} else {}
        top = max((c.score for c in match.candidates), default=0.0)
        near = [c for c in match.candidates if c.score >= top - CARRIED_NEAR]
        fitting = [c for c in near if wide and _has_values(c.intent, wide)]
        if len(fitting) == 1 and all(_alike(c.intent, fitting[0].intent, wide) for c in near):
            return responder.answer_as(reply.question, fitting[0].intent, fitting[0].score)
    return with_carried_topic(responder, match, reply, seen) if position else reply


def _alike(one: Intent, other: Intent, apart: dict[str, set[str]]) -> bool:
    """Two facts told apart only by the slots of `apart` (a degree held now, or sent to study)."""
    return {k: v for k, v in one.slots.items() if k not in apart} == {
        k: v for k, v in other.slots.items() if k not in apart
    }


def _has_values(intent: Intent, values: dict[str, set[str]]) -> bool:
    return all(v & set(intent.slots.get(k, ())) for k, v in values.items())
