"""What the items before a list item set for it ("hiện nay … trình độ đại học, trên đại học, lý
luận chính trị"): the slot values they named, which a bare item's fact must fit. Pure functions
of slot values (`named`: the item's own; `before`: the items' before it)."""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.kb import Intent

Values = Mapping[str, Set[str]]


def another_kind(named: Values, before: Values) -> bool:
    """An item naming only values of kinds no item before named, none a level or a role,
    after items that named some: a thing of its own in the list, not a qualifier."""
    own = set(named) - {"ask"}
    return bool(before) and bool(own) and not own & {"level", "role", *before}


def fits_frame(intent: Intent | None, named: Values, before: Values) -> bool:
    """Whether the item's fact takes the values the items before named, of the kinds it has
    and the item does not name itself (at least one)."""
    if intent is None:
        return False
    shared = [k for k in before if k not in named and k != "ask" and k in intent.slots]
    return bool(shared) and all(intent.slots[k] & before[k] for k in shared)


def keeps_stage(intent: Intent | None, named: Values, before: Values) -> bool:
    """Whether an item naming no stage has a fact of the stage the items before named
    ("hiện có … đại học và thạc sĩ": the masters sent are not held now)."""
    stage = intent.slots.get("stage", frozenset()) if intent else frozenset()
    return "stage" in named or "stage" not in before or not stage or bool(stage & before["stage"])
