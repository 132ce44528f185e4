"""A follow-up to an answer of several facts that one of them alone settles: "1.999 là số gì?"
gives three facts (the staff, of whom so many hold a degree, so many are party members), and
"trong đó bao nhiêu ở xã?" asks of the staff — the commune's part, given beside it.

Each fact of the answer is tried as the only one before; the reply is taken when exactly one
reading answers, with a part of a group that fact belongs to, of the value the question names
(its `by` slot: "xã", "cấp huyện") and no fact the answer already gave."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from bot.kb import Intent, KnowledgeBase

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.reply import Reply


def of_one_fact(
    reader: Reader,
    question: str,
    reply: Reply,
    earlier: tuple[str, ...],
    offered: Sequence[str],
    named: frozenset[str] | None,
) -> Reply | None:
    """For a message asked back (`reply`) after an answer of several facts (`earlier`, no
    clarification `offered` since): the one reply it gets read after a single one of them,
    answered by a part beside that fact of the values it names; else None (`named`: the slots
    the user named before, as the chat keeps them)."""
    if offered or reply.status != "clarify" or len(earlier) < 2:
        return None
    values = reader.responder.matcher.slot_values(reader.match(question).question)
    answers: dict[tuple[str, ...], Reply] = {}
    for fact in earlier:
        reply = reader.remembered(question, (fact,), (), named)
        if reply.status == "answer" and set(reply.intents) <= _named_beside(
            reader.kb, fact, earlier, values
        ):
            answers.setdefault(reply.intents, reply)
    return next(iter(answers.values())) if len(answers) == 1 else None


def _named_beside(
    kb: KnowledgeBase, fact: str, earlier: tuple[str, ...], values: Mapping[str, set[str]]
) -> set[str]:
    """The parts given beside `fact` that take a value the question names of the group's `by`
    slot, and every other value it names ("xã có bao nhiêu người có bằng đại học?" names a
    degree the commune's staff figure has not: no part of it)."""
    beside = set()
    for group in kb.groups:
        named = values.get(group.by, set())
        if fact in group.parts and named:
            for part in map(kb.intent, group.parts):
                if (
                    part is not None
                    and set(part.slots.get(group.by, ())) & named
                    and _takes_the_rest(part, values, group.by)
                ):
                    beside.add(part.id)
    return beside - set(earlier)


def _takes_the_rest(part: Intent, values: Mapping[str, set[str]], by: str) -> bool:
    return all(
        set(part.slots.get(slot, ())) & named
        for slot, named in values.items()
        if slot not in ("ask", "stage", "era", by)
    )
