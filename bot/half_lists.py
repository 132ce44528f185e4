"""A list answered as its one sure item: asked back about the rest, never half of it.

"Số thạc sĩ và số đại học là bao nhiêu?" read whole answers the masters (the one item it names
surely); "số đại học" alone may be the 712 sent to study or the 1.066 who hold a degree. An
answer with the 28 alone would drop half the question without a word: the bot asks back with
the item it knows and the readings of the one it does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.group_facts import gives_figures
from bot.normalize import clean
from bot.reply import Reply, Suggestion
from bot.understanding import Clause
from bot.values_beside import sure_fact

if TYPE_CHECKING:
    from bot.reading import Reader


def half_of_a_list(
    reader: Reader, question: str, items: list[Clause], whole: Reply
) -> Reply | None:
    """The message asked back about both items, when the whole answers one fact, one item names
    it surely, and the other names facts as surely but none of them alone; else None."""
    if whole.status != "answer" or len(whole.intents) != 1 or len(items) != 2:
        return None
    if not _joined(reader, question, items):
        return None
    thresholds = reader.kb.settings.thresholds
    (answered,) = whole.intents
    if not gives_figures(reader.kb, answered):
        return None
    sure = 0
    offered: list[Suggestion] = []
    for item in items:
        match = reader.match(item.text)
        if match.only_question_words or not match.candidates:
            return None  # "…, là bao nhiêu?": no item of its own
        reply = reader.single(item.text, match, ())
        fact = sure_fact(reply, thresholds)
        if fact == answered:
            sure += 1
            continue
        ids = [s.intent_id for s in reply.suggestions]
        if fact is not None or reply.status != "clarify" or not ids or answered in ids:
            return None  # an item sure of another fact is a list the items read, not half
        best = match.candidates[:2]
        if best[0].score < thresholds.answer or not all(
            gives_figures(reader.kb, c.intent.id) for c in best
        ):
            return None  # an item of no figure ("cơ quan nào"): no count half left unsaid
        offered += reply.suggestions
    if sure != 1 or not offered:
        return None
    return reader.responder.clarify_many(question, whole.intents, offered, whole.score)


def _joined(reader: Reader, question: str, items: list[Clause]) -> bool:
    """The two items cut at a joiner word ("và", "cộng", "+"): a comma may cut a frame off
    ("Em hỏi: cán bộ chủ chốt …, có mấy người?"), not an item."""
    text, first, second = clean(question, reader.kb.tables), items[0].text, items[1].text
    start = text.find(first)
    end = text.find(second, start + len(first))
    if start < 0 or end < 0:
        return False
    gap = text[start + len(first) : end]
    between = reader.words(gap).folded
    if not between:
        return gap.strip() in ("+", "&")  # "số thạc sĩ + số đại học"
    return all(w in _JOINERS for w in between)


_JOINERS = frozenset({"va", "voi", "cong", "and", "plus", "+", "&"})
