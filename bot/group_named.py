"""Which groups the slot values a question names fit: every part named by value, every part
taking the values named, how many of them a group covers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import message_words
from bot.kb import Group, Intent, KnowledgeBase
from bot.message_memo import clauses
from bot.normalize import canonical_number
from bot.phrases import question_cues
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.kb.model import Understanding


def parts_of(kb: KnowledgeBase, group: Group) -> list[Intent]:
    return [i for i in (kb.intent(p) for p in group.parts) if i is not None]


def part_by_figure(kb: KnowledgeBase, group: Group, question: str) -> Intent | None:
    """The one part of `group` that reports a figure the question names, if just one does."""
    numbers = set(numbers_in(question))
    parts = [i for i in parts_of(kb, group) if numbers & set(i.figures)]
    return parts[0] if len(parts) == 1 else None


def values_of(kb: KnowledgeBase, group: Group) -> set[str]:
    """The values of the group's `by` slot its parts take ("cấp huyện", "cấp xã")."""
    return {v for p in parts_of(kb, group) for v in p.slots.get(group.by, ())}


def one_value_named(
    kb: KnowledgeBase, group: Group, named: dict[str, set[str]], facts: Sequence[str]
) -> bool:
    """One value of the group's `by` slot named, the others named taken by facts beside it
    ("trung cấp chính trị và chủ chốt xã bồi dưỡng QLNN": QLNN of this group, political
    theory the course's): one part of it asked, never the whole."""
    values, asked = values_of(kb, group), named.get(group.by, set())
    if len(asked) == 1:
        return True
    outside = [i for i in map(kb.intent, facts) if i is not None and i.id not in group.parts]
    taken = {v for i in outside for v in i.slots.get(group.by, ())}
    return len(asked & values) == 1 and bool(asked - values) and asked - values <= taken


def asked_apart(
    kb: KnowledgeBase,
    question: str,
    group: Group,
    named: dict[str, set[str]],
    facts: Sequence[str],
) -> bool:
    """A group a total must not take whole: one of its values named, or one part by its figure."""
    return one_value_named(kb, group, named, facts) or one_part_by_figure(
        kb, question, group, named
    )


def one_part_by_figure(
    kb: KnowledgeBase, question: str, group: Group, named: dict[str, set[str]]
) -> bool:
    """A part the question names by its own figure (the first it states: "cộng 115 … với …",
    not the 1.999 a share is out of), no part named by value, and the sum reaching beyond the
    group (a value no part takes: "… với cao cấp chính trị"): that part, not the group — never
    a total claimed ("tổng số học trung cấp là 55 à?")."""
    if named.get(group.by, set()) & values_of(kb, group):
        return False
    parts = parts_of(kb, group)
    taken = {slot: {v for p in parts for v in p.slots.get(slot, ())} for slot in named}
    beyond = any(
        taken[slot] and values - taken[slot]  # (a slot the parts never state: no bound)
        for slot, values in named.items()
        if slot not in ("ask", "stage", "era", group.by)
    )
    if not beyond:
        return False
    numbers = set(numbers_in(question))
    own = [p for p in parts if p.figures and canonical_number(p.figures[0]) in numbers]
    return len(own) == 1


def names_every_part(kb: KnowledgeBase, group: Group, values: set[str]) -> bool:
    """Each part takes one of `values` of the group's `by` slot."""
    parts = (kb.intent(p) for p in group.parts)
    return all(p is not None and p.slots.get(group.by, set()) & values for p in parts)


def names_parts(
    kb: KnowledgeBase, summed: Sequence[Group], group: Group, named: dict[str, set[str]]
) -> bool:
    """Every part of a summed group named by value ("đại học trở lên"), whatever ranks first;
    where other `summed` groups have parts of the same values ("huyện", "xã"), a value only
    this group's parts share too ("trung cấp"): "công chức ở xã, ở huyện này tổng là …" names
    no level group."""
    values = named.get(group.by, set())
    if not (group.total and len(values) >= 2 and names_every_part(kb, group, values)):
        return False
    alike = (g for g in summed if g is not group and g.by == group.by)
    if not any(names_every_part(kb, g, values) for g in alike):
        return True
    parts = parts_of(kb, group)
    return any(
        all(value in p.slots.get(slot, ()) for p in parts)
        for slot, value in values_named(kb, named)
        if slot != group.by
    )


def fits_named(
    kb: KnowledgeBase, group: Group, named: dict[str, set[str]], but: str = "", only: str = ""
) -> bool:
    """Every part (or `only` that one) takes the values named (but of `but`, of those the group
    reads loosely, and a value naming them all, "cả huyện")."""
    every = kb.settings.slot_every
    for part in (only,) if only else group.parts:
        intent = kb.intent(part)
        if intent is None:
            return False
        for slot, values in named.items():
            if slot in ("ask", but) or slot not in intent.slots:
                continue
            if values & group.loose.get(slot, frozenset()):
                continue  # "cán bộ được đào tạo gì?": everyone
            if every.get(slot) in values:
                continue
            if not values & intent.slots[slot]:
                return False
    return True


def covered(kb: KnowledgeBase, group: Group, named: dict[str, set[str]]) -> int:
    """How many of the values the question names some part takes ("cao cấp với trung cấp":
    the group of both courses, not the one of two levels of trung cấp)."""
    parts = parts_of(kb, group)
    return sum(
        any(value in p.slots.get(slot, ()) for p in parts)
        for slot, value in values_named(kb, named)
    )


def only_part(kb: KnowledgeBase, group: Group, values: set[str]) -> Intent | None:
    """The one part of `group` taking one of `values` of the slot it is told apart by."""
    fits = [p for p in parts_of(kb, group) if p.slots.get(group.by, set()) & values]
    return fits[0] if len(fits) == 1 else None


def left_unnamed(kb: KnowledgeBase, group: Group, named: dict[str, set[str]]) -> int:
    """How many parts take none of two or more values named of the slot the group is told apart
    by ("chuyên môn và QLNN cộng lại": the two courses' sum, not every count of "lượt")."""
    values = named.get(group.by, set())
    if len(values) < 2:
        return 0
    return sum(not (set(p.slots.get(group.by, ())) & values) for p in parts_of(kb, group))


def unnamed_kind(
    kb: KnowledgeBase, group: Group | None, named: dict[str, set[str]], offered: Sequence[str]
) -> bool:
    """Parts told apart by a narrowing slot (degrees) the words name no value of, offered
    beside a fact no unnamed value narrows ("toàn huyện có tổng số bao nhiêu cán bộ": the
    whole staff, not the graduates): no sum the message asks."""
    narrowing = kb.settings.narrowing_slots
    if group is None or group.all_when_unnamed or group.by not in narrowing or group.by in named:
        return False
    beside = [f for i in offered if i not in group.parts and (f := kb.intent(i)) is not None]
    return any(
        f.kind == "fact" and not any(s in f.slots and s not in named for s in narrowing)
        for f in beside
    )


def values_named(kb: KnowledgeBase, named: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(slot, value) for each value the question names, but what it asks and a value that
    names them all ("cả huyện")."""
    every = kb.settings.slot_every
    return [
        (slot, value)
        for slot, values in named.items()
        if slot != "ask"
        for value in sorted(values - {every.get(slot)})  # the same order in every process
    ]


def one_plain_ask(kb: KnowledgeBase, reading: Understanding, question: str) -> bool:
    """One clause naming no figure and listing nothing ("…, ở xã"): nothing else in the
    message to read the values by."""
    if "," in question or numbers_in(question):
        return False
    return len(clauses(question, reading, kb.tables)) == 1


def named_parts_in_order(
    kb: KnowledgeBase, group: Group, values: set[str], at: dict[str, int]
) -> list[str]:
    """The parts of `group` taking one of `values`, in the order the question names them
    (`at`: where it first names each value; "trên đại học và đại học": that order)."""
    unnamed = 10**6

    def first(part: Intent) -> int:
        return min((at.get(v, unnamed) for v in part.slots.get(group.by, ())), default=unnamed)

    parts = sorted(parts_of(kb, group), key=first)
    return [p.id for p in parts if p.slots.get(group.by, set()) & values]


def counts_asked(
    kb: KnowledgeBase, reading: Understanding, question: str, named: dict[str, set[str]]
) -> bool:
    """A count asked, or nothing by a question word ("thêm số có trình độ đại học và trên đại
    học"): never "vì sao …", "… khó hơn?", "… có hiệu quả không?"."""
    if named.get("ask") == {"count"}:
        return True
    return "ask" not in named and not asks_by_a_word(kb, reading, question)


def asks_by_a_word(kb: KnowledgeBase, reading: Understanding, question: str) -> bool:
    """A question word asks something ("vì sao", "… có hiệu quả không"), or one of two things
    ("học đại học hay thạc sĩ khó hơn?": conversation.yaml `choice_words`), beyond a list."""
    words = message_words.letters(question, kb.tables)
    if not set(kb.conversation.choice_words).isdisjoint(words.folded):
        return True
    return bool(question_cues(words.folded, words.marked, reading))


def shares_named(
    kb: KnowledgeBase, group: Group, named: dict[str, set[str]], whole_by_default: bool
) -> bool:
    """The values every part shares are named too ("… xã": "cb cc" alone is all staff),
    (`whole_by_default`) but for the whole district, which naming no level means."""
    parts = parts_of(kb, group)
    every = kb.settings.slot_every
    for slot, values in parts[0].slots.items() if parts else ():
        if slot in (group.by, "ask", "states"):
            continue
        shared = set(values).intersection(*(p.slots.get(slot, ()) for p in parts[1:]))
        if whole_by_default and shared == {every.get(slot)} and slot not in named:
            continue
        if shared and not shared & named.get(slot, set()):
            return False
    return True
