"""The heads (bot/regex_heads.py) that answering reads of a KB's patterns, saved with its core.

The scope rules, the unstated attributes' patterns and the slots' alternatives had their parses
read at every start (~240, ~30 ms), though what they give depends on the pattern alone: the
built core (bot/cache.py) keeps them, and a start that loads it learns them instead.
"""

from __future__ import annotations

from bot.kb import KnowledgeBase
from bot.regex_heads import Heads, Key, recorded
from bot.scope import Scope
from bot.slot_finder import Finder
from bot.unstated import patterns_by_head


def heads_of(kb: KnowledgeBase) -> dict[Key, Heads]:
    """The heads of `kb`'s patterns, asked for as the code that uses them asks."""
    with recorded() as table:
        Scope(kb)
        patterns_by_head(kb.understanding)
        for slot in (*kb.settings.slots, *kb.conversation.part_words):
            Finder.of(slot)
    return table
