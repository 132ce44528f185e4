"""Figures of the article typed and summed ("cộng 26, 55, 300 lại là bao nhiêu", "84 + 128 =
?"): each figure's own fact, and their sum where the article's groups declare it (a group of
exactly those facts), else a word that it gives none — never a sum the KB does not prove."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.group_facts import exact_group
from bot.sum_cues import sum_cues
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match
    from bot.reply import Reply

_PLUS = re.compile(r"\d\s*\+\s*\d")  # "26 + 55": the sign the matcher reads past
_SUM_ONLY = frozenset(
    {"la", "bang", "bao", "nhieu", "bn", "may", "duoc", "thi", "ket", "qua", "lai"}
)


def typed_sum(responder: Responder, question: str, match: Match) -> Reply | None:
    """The facts of two or more figures typed with a sum asked, and nothing else named."""
    numbers = list(dict.fromkeys(numbers_in(question)))
    words = match.question
    cued = sum_cues(words.folded, words.tokens, responder.understanding)
    if len(numbers) < 2 or not (cued or _PLUS.search(question)):
        return None
    facts = []
    for number in numbers:
        owners = responder.facts_with_figure(number)
        if len(owners) != 1:
            return None  # a figure the article lacks, or one of two facts: no sure sum
        facts.append(owners[0])
    if len(set(facts)) != len(facts) or responder.matcher.names_a_value(words):
        return None  # "cấp huyện 26 cộng 55": the words name what is summed, read as such
    light = responder.light_words | _SUM_ONLY | set(responder.understanding.sum_words)
    cues = {w for a, b in cued for w in words.folded[a:b]}
    if any(w not in light and w not in cues and not w[:1].isdigit() for w in words.folded):
        return None
    group = exact_group(responder.groups, facts)
    score = responder.kb.settings.thresholds.answer
    return responder.answer_many(question, facts, score, group, with_total=True)
