"""Which facts go together: groups holding a set of facts, the facts of two answers in a row
that the article gives side by side, the facts a reply gives or offers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.kb import Group, Intent, KnowledgeBase
from bot.reply import Reply

if TYPE_CHECKING:
    from bot.answer import Responder


def given_together(
    groups: Sequence[Group], before: Sequence[str], now: Sequence[str]
) -> tuple[str, ...]:
    """The facts of two answers in a row that the article gives side by side ("bồi dưỡng chuyên
    môn mấy lượt?" then "qlnn thì bn?"): what "cộng lại" after them sums; else `now`."""
    both = tuple(dict.fromkeys((*before, *now)))
    if set(now) <= set(before) or smallest_group(groups, both) is None:
        return tuple(now)
    return both


def smallest_group(groups: Sequence[Group], intents: Sequence[str]) -> Group | None:
    """The smallest group holding every one of `intents` (at least two), if any."""
    fitting = [g for g in groups if len(set(intents)) >= 2 and set(intents) <= set(g.parts)]
    return min(fitting, key=lambda g: len(g.parts), default=None)


def parts_beside(groups: Sequence[Group], fact: str) -> list[str]:
    """The parts of the smallest group by level (no difference) `fact` is one of ("tách ra
    từng cấp" after the district's figure: every level's), else none."""
    fitting = [g for g in groups if fact in g.parts and g.difference is None and g.by == "level"]
    group = min(fitting, key=lambda g: len(g.parts), default=None)
    return list(group.parts) if group is not None else []


def facts_of(reply: Reply) -> list[str] | None:
    """The facts an answer gives, or a clarification offers; None for anything else."""
    if reply.status == "answer":
        return list(reply.intents)
    if reply.status == "clarify":
        return [s.intent_id for s in reply.suggestions]
    return None


def exact_group(groups: Sequence[Group], intents: Sequence[str]) -> Group | None:
    """The group whose parts are exactly `intents` (at least two), if any."""
    ids = set(intents)
    return next((g for g in groups if len(ids) > 1 and set(g.parts) == ids), None)


def answered_as_group(
    responder: Responder, question: str, fitting: Sequence[Intent], score: float, previous: Intent
) -> Reply | None:
    """A follow-up reaching two or more facts that are exactly a group's parts ("còn cấp xã?"
    after the district's training): all of them, labelled; the chat then holds the previous
    fact and the parts."""
    group = exact_group(responder.groups, [i.id for i in fitting])
    if group is None:
        return None
    answer = responder.answer_many(question, list(group.parts), score, group)
    return replace(answer, context=(previous.id, *group.parts))


def gives_figures(kb: KnowledgeBase, fact: str) -> bool:
    """Whether the article gives a figure for the fact (a count, not what it says)."""
    intent = kb.intent(fact)
    return intent is not None and bool(intent.figures)


def counted(kb: KnowledgeBase, group: Group) -> bool:
    """Whether the article counts every part: only then is a sum of them ever asked ("tổng cb
    cc, cb cc cấp xã, …" asks none of what each commune role is trained in)."""
    return all(kb.by_id[part].figures for part in group.parts)


def outsider_near(
    kb: KnowledgeBase,
    reply: Reply,
    group: Group,
    floor: float,
    asked: set[str],
    named: Mapping[str, set[str]],
) -> bool:
    """A fact outside the group scoring at least `floor` (its second part's, less a tie): the
    question may ask that — not one giving no figure when a count is asked ("số người được
    bồi dưỡng QLNN" is no question of what the district's cadres are trained in), nor one
    taking none of the values named of a narrowing slot that every part takes one of ("…
    đi học chính trị": no degree, sent to study as the political-theory courses are), nor
    smalltalk ("Công chức được đào tạo những gì?" shares "được những gì" with "help")."""
    kinds = {"count"} & asked
    parts = [kb.by_id[p] for p in group.parts]
    shared = [
        s
        for s, values in named.items()
        if s in kb.settings.narrowing_slots
        and any(all(v in p.slots.get(s, ()) for p in parts) for v in values)
    ]
    return any(
        score >= floor
        for i, score in reply.candidates  # (best first: any is the first such outsider)
        if i not in group.parts
        and kb.by_id[i].kind != "smalltalk"  # "… được đào tạo những gì?" is no "help" asked
        and kinds <= kb.by_id[i].slots.get("ask", frozenset())
        and all(named[s] & set(kb.by_id[i].slots.get(s, ())) for s in shared)
    )


def beside_the_whole(kb: KnowledgeBase, earlier: Sequence[str]) -> list[str]:
    """The last answer's own facts: a share's part without the whole it was set against
    ("trên tổng bao nhiêu?" leaves the part and the whole in the chat)."""
    whole = kb.conversation.whole
    return [e for e in earlier if e != whole] if len(earlier) == 2 else list(earlier)


def shared_by_all(kb: KnowledgeBase, named: Mapping[str, set[str]], earlier: Sequence[str]) -> bool:
    """Values named (besides what is asked), each held by every fact of `earlier`: a topic
    those facts share ("tổng LLCT?" after the theory courses)."""
    values = {slot: v for slot, v in named.items() if slot != "ask"}
    given = [kb.intent(x) for x in earlier]
    return bool(values) and all(
        i is not None and all(v <= i.slots.get(s, set()) for s, v in values.items()) for i in given
    )
