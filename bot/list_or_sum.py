"""A list whose first item opens with a sum word: "tổng cán bộ công chức, số cử đi học đại học,
thạc sĩ" names the district's total staff, then two counts — not the sum of the two degrees its
"tổng" would otherwise ask for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.group_facts import gives_figures
from bot.reply import Reply

if TYPE_CHECKING:
    from bot.reading import Reader


def listed_past_a_sum(reader: Reader, question: str, whole: Reply, summed: Reply) -> Reply | None:
    """The message's items, when a sum read from its words (`summed`, not the message read
    whole) gives fewer facts than its items, each extra one a count; else None ("…, cho mình con
    số cuối cùng thôi" is no item of a figure)."""
    if summed is whole:
        return None
    listed = reader.items.read(question, whole)
    if listed is None or not set(summed.intents) < set(listed.intents):
        return None
    extra = set(listed.intents) - set(summed.intents)
    return listed if all(gives_figures(reader.kb, fact) for fact in extra) else None
