"""Values side by side after a question: "hiện có bao nhiêu người có bằng đại học và trên đại
học?" — every item after the first names nothing but another value of a slot the first names,
and asks the first's question of it (bot/items.py reads the list)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.slots import OnlyFact

if TYPE_CHECKING:
    from bot.kb.model import Thresholds
    from bot.reading import Reader
    from bot.reply import Reply
    from bot.several import Several
    from bot.understanding import Clause

Found = tuple[list[str], list[float], list[str]]  # each item's fact, score and text


class ValuesBeside:
    def __init__(self, reader: Reader, several: Several) -> None:
        self.reader, self.several = reader, several
        self.responder, self.kb = reader.responder, reader.kb
        self._only_fact = OnlyFact(self.kb.intents)  # the one fact taking every value named

    def first_asks_each(self, items: list[Clause]) -> Found | None:
        """ "hiện có bao nhiêu người có bằng đại học và trên đại học?": every item after the
        first names nothing but another value of a slot the first names; each asks the first's
        question of its own value — the one fact taking the first's values with it, or no list."""
        if not items[0].own_cue or any(c.own_cue for c in items[1:]):
            return None
        matcher = self.responder.matcher
        match = self.reader.match(items[0].text)
        reply = self.reader.single(items[0].text, match, ())
        fact = sure_fact(reply, self.kb.settings.thresholds)
        first = matcher.slot_values(match.question)
        if fact is None or not first:
            return None
        facts, texts = [fact], [items[0].text]
        for item in items[1:]:
            match = self.reader.match(item.text)
            named = matcher.slot_values(match.question)
            if not self.several.only_values(match) or not any(
                values - first[slot] for slot, values in named.items() if first.get(slot)
            ):
                return None
            only = self._only_fact({**first, **named})
            if only is None or only.id in facts:
                return None
            facts.append(only.id)
            texts.append(item.text)
        return facts, [reply.score] * len(facts), texts


def sure_fact(reply: Reply, thresholds: Thresholds) -> str | None:
    """The one fact an item names surely: its answer, or the best guess, far ahead, of an
    item naming no subject alone ("báo nào?" asks back by itself; after "ngày đăng, tên bài"
    the list is its subject)."""
    if reply.status == "answer" and len(reply.intents) == 1:
        return reply.intents[0]
    top = reply.candidates[:2]
    sure = bool(top) and top[0][1] >= thresholds.answer
    far = len(top) == 1 or (len(top) == 2 and top[0][1] - top[1][1] >= thresholds.lead)
    return top[0][0] if reply.status == "clarify" and sure and far else None
