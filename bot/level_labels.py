"""A level set before a colon for every item after it ("Cấp huyện: …", "riêng cấp xã: có bao
nhiêu cán bộ, bao nhiêu lãnh đạo dưới 35"): the items are that level's figures."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.levels import one_level
from bot.phrases import phrase_at
from bot.understanding import Clause, names_a_count

if TYPE_CHECKING:
    from bot.clause_kinds import ClauseKinds
    from bot.reading import Reader

# "cấp xã: bao nhiêu …": a label is a few words ("riêng đối với cán bộ cấp xã" is 28 letters);
# a longer piece before a colon is a sentence of its own, no label
_HEAD = re.compile(r"\s*([^:]{1,40}?)\s*:\s*(\S.*)", re.DOTALL)


def level_label(
    reader: Reader, kinds: ClauseKinds, question: str, clauses: list[Clause]
) -> tuple[str | None, list[Clause]]:
    """(the level a list's label names, the clauses after the label) — a label is the first
    piece before a colon naming nothing but a level, cut off as its own clause or heading the
    first ("cấp xã: bao nhiêu …, …"); (None, `clauses`) when there is none."""
    if len(clauses) < 2:
        return None, clauses
    first = clauses[0].text
    if len(clauses) > 2 and re.match(rf"\s*{re.escape(first)}\s*:", question.lower()):
        level = _level_of(reader, kinds, first)
        return (level, clauses[1:]) if level is not None else (None, clauses)
    head = _HEAD.fullmatch(first)  # (clauses are lower-cased, as the message is compared)
    if head is None or not question.lower().lstrip().startswith(head.group(1)):
        return None, clauses
    level = _level_of(reader, kinds, head.group(1))
    if level is None or reader.match(head.group(2)).only_question_words:
        return None, clauses  # (not "cấp xã: bao nhiêu" cut before its noun)
    return level, [replace(clauses[0], text=head.group(2)), *clauses[1:]]


def _level_of(reader: Reader, kinds: ClauseKinds, text: str) -> str | None:
    """The one level `text` names and nothing else, past a topic marker ("riêng cấp xã")."""
    match = reader.match(text)
    words, marked = match.question.folded, match.question.tokens
    marker = phrase_at(words, reader.reading.topic_markers, marked, 0)
    if marker and len(words) > marker:
        match = reader.match(" ".join(marked[marker:]))
    if not kinds.only_qualifies(match) or names_a_count(match):
        return None
    return one_level(reader.responder, match)
