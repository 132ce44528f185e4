"""The slots a user named for the facts of a chat's last answer ("cấp huyện"), which a follow-up
keeps ("trung cấp thì sao?": the district's), and those the user left unnamed, which it does not
(after "bao nhiêu người học cao cấp?", the article's one such figure being the district's,
"trung cấp thì sao?" asks for every level's). Which slots work so: knowledge/conversation.yaml
`kept_when_named`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING

from bot.kb import ConversationSettings, Intent
from bot.slots import fits_keeping, takes

if TYPE_CHECKING:
    from bot.followup_words import Cues
    from bot.kb import KnowledgeBase
    from bot.matcher import Match

# while one message is read: the slots named for the chat's last answer (None: not known, as for
# a caller that keeps no such state; every slot of the last answer is then kept)
NAMED_BEFORE: ContextVar[frozenset[str] | None] = ContextVar("named_before", default=None)


def unkept(conversation: ConversationSettings, folded: Sequence[str]) -> frozenset[str]:
    """The slots of the last answer a follow-up (its words `folded`) does not keep: the user
    never named them, and the follow-up does not point at them ("ở cấp đó")."""
    before = NAMED_BEFORE.get()
    if before is None:
        return frozenset()
    text = f" {' '.join(folded)} "
    if any(f" {words} " in text for words in conversation.same_value_words):
        return frozenset()
    return frozenset(conversation.kept_when_named) - before


def named_now(
    conversation: ConversationSettings,
    slots_named: Mapping[str, set[str]],
    follows_up: bool,
    given: Sequence[Intent] = (),
) -> tuple[str, ...]:
    """The slots named for a reply's facts: by its message, and by the messages before when the
    reply follows up on them — or when its facts and the last answer's (`given`: both) share the
    value named ("Chuyên viên QLNN cấp huyện?", then "cao cấp LLCT?", the district's too: then
    "trung cấp?" is the district's)."""
    # (a choice, "cấp huyện hay xã", names no one value to keep)
    one = {slot for slot, values in slots_named.items() if len(values) == 1}
    named = one & set(conversation.kept_when_named)
    before = NAMED_BEFORE.get() or set()
    if follows_up:
        named |= before
    for slot in before - named:
        values = [intent.slots.get(slot) for intent in given]
        if values and all(values) and frozenset.intersection(*values):  # type: ignore[arg-type]
            named.add(slot)
    return tuple(sorted(named))


def keeps(
    conversation: ConversationSettings,
    match: Match,
    intent: Intent,
    named: dict[str, set[str]],
    previous: Intent,
) -> bool:
    """`intent` takes the values a follow-up names, and keeps those of the previous answer that
    the user named or points at."""
    return fits_keeping(intent, named, previous, unkept(conversation, match.question.folded))


def new_values(named: dict[str, set[str]], previous: Intent) -> dict[str, set[str]]:
    """The values a follow-up names that the previous answer does not have already ("cán bộ" in
    "còn cán bộ huyện?" after the commune cadres' training restates whom it is about)."""
    return {k: v for k, v in named.items() if not v <= previous.slots.get(k, frozenset())}


def named_of(kb: KnowledgeBase, earlier: Sequence[str], cues: Cues) -> Intent | None:
    """The one fact of several just given that takes the values a follow-up names ("con số đại
    học đó có tính cả viên chức không?" after the degrees held: the university's), else None."""
    if len(earlier) < 2 or not cues.named:
        return None
    fitting = [i for i in map(kb.intent, earlier) if i is not None and takes(i, cues.named)]
    return fitting[0] if len(fitting) == 1 else None
