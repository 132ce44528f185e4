"""Whether a question names a number the article never writes: such a number marks another
subject ("có 500 người …?" is no fact of the article), and the matcher lowers every candidate.
Not "1" (an article: "bao nhiêu lượt 1 năm"), nor a small number that says how many things are
asked ("cộng cả 2 cấp", "3 loại bồi dưỡng", "2 con số"), nor one offered beside the article's as
the answer's alternatives ("có 194 hay 294 cán bộ?": which of them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.quoted_figures import offered_beside_known

if TYPE_CHECKING:
    from bot.kb import KnowledgeBase
    from bot.normalize import Normalized

_FEW = 10  # below this, a number before a thing counted counts things asked about


def names_unknown_number(question: Normalized, kb: KnowledgeBase) -> bool:
    things = kb.settings.counted_things
    tokens, folded = question.tokens, question.folded
    for i, word in enumerate(tokens):
        if not word[:1].isdigit() or word == "1" or word in kb.article_numbers:
            continue
        following = (" ".join(folded[i + 1 : i + 2]), " ".join(folded[i + 1 : i + 3]))
        few = word.isascii() and word.isdigit() and int(word) < _FEW  # (not "²")
        if few and any(f in things for f in following):
            continue  # "cả 2 cấp": two levels; "2 con số" (not "2 con": children)
        if word not in offered_beside_known(question, kb):
            return True
    return False
