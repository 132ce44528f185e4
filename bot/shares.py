"""A share the article may not give: "cấp xã chiếm bao nhiêu phần trăm tổng số cán bộ?". The
words of a share ("phần trăm", "tỷ lệ", "chiếm") pull towards the one fact whose answer has a
percentage; the part asked about is read with them left out instead. When its fact states no
share, the bot says so and gives the figures it has to compare — never another fact's share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.normalize import fold
from bot.phrases import outside, people_and_levels
from bot.reply import Reply
from bot.share_words import ShareWords

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb import Intent, KnowledgeBase
    from bot.matcher import Match
    from bot.reading import Reader


class Shares:
    def __init__(self, reader: Reader) -> None:
        """A part is read as the parts of a group it names ("đại học trở lên": both degrees)."""
        responder = self.responder = reader.responder
        self.kb, self.match, self.grouped = responder.kb, reader.match, reader.groups_reader
        self._people_and_levels = people_and_levels(self.kb, responder.understanding)
        self.words = ShareWords(self.kb)
        self.whole = self.kb.conversation.whole
        # the parts a declared difference takes the whole apart into ("cấp xã": its staff)
        self._apart = [g.parts for g in self.kb.groups if g.difference and self.whole in g.parts]
        # words that name no part ("vậy là khoảng … à"): a share claimed of the last answer
        settings, tables = self.kb.settings, self.kb.tables
        filler = {fold(w, tables) for w in self.kb.conversation.filler}
        # (a question word asks of the last answer: "bao nhiêu %" is read as a follow-up)
        asks = {w for q in settings.question_words for w in fold(q, tables).split()}
        self._unnaming = (responder.light_words | filler) - asks

    def read(
        self, question: str, match: Match, reply: Reply, earlier: Sequence[str] = ()
    ) -> Reply | None:
        """The part's own fact when the share's words chose another one; None otherwise. The
        part is read after the chat's last answer ("vậy cấp xã chiếm mấy phần trăm?" after the
        commune's staff: theirs)."""
        words = match.question
        found = self.words.spans(words.folded)
        if not found:
            return None
        # the part without the count word asking the share first ("cấp xã chiếm mấy %?"), else
        # with it ("ở xã chiếm bao nhiêu %?" after the party members: the commune's staff)
        bare = _with_asks(words.folded, found)
        # "… chiếm bao nhiêu % tổng số CBCC cấp xã?": the whole named after the share's words
        after = " ".join(words.tokens[max(b for _, b in found) :])
        named = None  # (read only when asked for)
        last = self._last(question, words.folded[: min(a for a, _ in found)], earlier)
        if last is not None and after:  # "số đó chiếm bao nhiêu % CBCC cấp xã?"
            named = self.responder.decide(after, self.match(after), ())
            base = whole_named(self.kb, named, last.intents)
            if base is not None:
                return none_stated(self.responder, question, last.intents, last.score, base)
        plain = self._part(words.tokens, bare, earlier, levels=True) if bare != found else None
        plain = plain or self._part(words.tokens, found, earlier)
        if plain is None:
            return None  # "so với tổng số cbcc thì chiếm bao nhiêu?": no part named
        stated = any(states_share(self.kb.intent(i)) for i in plain.intents)
        same = reply.status == "answer" and set(plain.intents) == set(reply.intents)
        # "(trong đó) cấp xã chiếm bao nhiêu?" alone or after the whole: the level's staff
        level = "level" in self.responder.matcher.slot_values(words) and self._of_the_whole(plain)
        level = level and tuple(earlier[-1:]) in ((), (self.whole,))
        if same and (stated or self.words.counts_people(words.folded, level)):
            return None  # "… cấp xã chiếm bao nhiêu người?": a count, no share
        if stated:
            return replace(plain, question=question)
        if named is None and after:
            named = self.responder.decide(after, self.match(after), ())
        base = whole_named(self.kb, named, plain.intents) if named is not None else None
        return none_stated(self.responder, question, plain.intents, plain.score, base)

    def _last(self, question: str, before: Sequence[str], earlier: Sequence[str]) -> Reply | None:
        """The last answer's fact, when only words pointing back at it come before the share's
        ("số đó chiếm bao nhiêu % CBCC cấp xã?": the 21 young leaders, of the commune's staff)."""
        intent = self.kb.intent(earlier[0]) if len(earlier) == 1 else None
        pointing = set(before) & self.kb.understanding.referring_words
        if intent is None or not pointing or not set(before) <= pointing | _POINTED:
            return None
        return self.responder.answer_as(question, intent, self.kb.settings.thresholds.answer)

    def _of_the_whole(self, part: Reply) -> bool:
        """Each fact a part of the article's whole, told apart from it ("cấp xã": its staff)."""
        return all(any(i in parts for parts in self._apart) for i in part.intents)

    def _the_whole(self, text: str) -> bool:
        """Nothing, or the article's whole ("cb cc toàn huyện"): what a share after it is of."""
        if not text.strip():
            return True
        reply = self.responder.decide(text, self.match(text), None)
        return reply.status == "answer" and tuple(reply.intents) == (self.whole,)

    def _only_a_level(self, rest: str) -> bool:
        """ "cấp xã", "cán bộ cấp xã": people at a level, nothing else named."""
        words = self.match(rest).question
        named = set(self.responder.matcher.slot_values(words))
        own = {w for w in words.folded if w not in self.responder.light_words}
        return "level" in named and named <= {"level", "role"} and own <= self._people_and_levels

    def _count_among(self, rest: str) -> Reply | None:
        """The one count a part's words surely name among facts of other kinds ("cấp xã": the
        commune's staff, not what it is trained in): a share is of a count."""
        thresholds = self.kb.settings.thresholds
        counts = [c for c in self.match(rest).candidates if self._counts(c.intent.id)]
        if not counts or counts[0].score < thresholds.answer:
            return None
        if len(counts) > 1 and counts[0].score - counts[1].score < thresholds.margin:
            return None
        return self.responder.answer_as(rest, counts[0].intent, counts[0].score)

    def _counts(self, intent_id: str) -> bool:
        return "count" in _ask_of(self.kb.intent(intent_id))

    def _part(
        self,
        tokens: Sequence[str],
        found: list[tuple[int, int]],
        earlier: Sequence[str],
        levels: bool = False,
    ) -> Reply | None:
        """The part a share is asked of: the message without the share's words, or else what
        comes before them ("cb cc cấp xã chiếm bao nhiêu % tổng số cb cc toàn huyện": the whole
        named after "tổng số" is no part); with `levels`, only a part of people at a level."""
        first, last = min(a for a, _ in found), max(b for _, b in found)
        rests = [" ".join(outside(tokens, found))]
        if self._the_whole(" ".join(tokens[last:])):  # not "… chiếm bao nhiêu % cán bộ cấp xã"
            rests.append(" ".join(tokens[:first]))
        for rest in rests:
            folded = fold(rest, self.kb.tables)
            if _BASE.match(folded):  # (the whole rest: see _BASE)
                continue  # "so với 1.999 người": what the share is of, no part
            if levels and not self._only_a_level(rest):
                continue
            if earlier and set(folded.split()) <= self._unnaming:
                continue  # "vậy là khoảng một nửa à": nothing named or asked, the last answer's
            plain = self.responder.decide(rest, self.match(rest), earlier) if rest else None
            if plain is not None and plain.status != "answer" and earlier:  # "cấp xã" after a
                plain = self.responder.decide(rest, self.match(rest), ())  # count of no level
            if plain is not None and plain.status == "clarify" and levels:
                plain = self._count_among(rest) or plain  # "cấp xã chiếm mấy %?": its staff
            if plain is not None and plain.status == "answer":  # "đại học trở lên": both
                plain = self.grouped.whole_group(rest, self.match(rest), plain, tuple(earlier))
            if plain is None or plain.status != "answer" or not set(plain.intents) - {self.whole}:
                continue
            if all(self._counts(i) for i in plain.intents):  # a share is of a count
                return plain
        return None


_POINTED = frozenset({"so", "con", "nguoi", "may", "vay", "the", "thi"})  # "vậy con số đó …"


def _with_asks(folded: Sequence[str], found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The share's words with the count word asking it ("mấy phần trăm", "bao nhiêu %"): no
    "mấy" left over to ask a count of the part ("cấp xã mấy" is no question of its own)."""
    out = []
    for a, b in found:
        if a >= 2 and tuple(folded[a - 2 : a]) == ("bao", "nhieu"):
            a -= 2
        elif a >= 1 and folded[a - 1] in ("may", "bn"):
            a -= 1
        out.append((a, b))
    return out


# a base named by its figure ("so với 294 CBCC xã", "trên 1999 người", "so với 28 người học
# thạc sĩ"), nothing after it but its own words (not "trong 1999 người thì số … chiếm": the part)
_BASE = re.compile(
    r"((bao nhieu|may|la|thi|vay|the) )*(so voi|tren|trong|out of|of) (tong (so )?)?\d+"
    r"(?!.* thi (?!bao nhieu|may|la|chiem)\w)"
)


def _ask_of(intent: Intent | None) -> frozenset[str]:
    return intent.slots.get("ask", frozenset()) if intent is not None else frozenset()


def states_share(intent: Intent | None) -> bool:
    """Whether a fact's answer gives its share ("(khoảng 35,6 %)")."""
    return intent is not None and "%" in intent.answer


def none_stated(
    responder: Responder,
    question: str,
    parts: Sequence[str],
    score: float,
    whole: str | None = None,
) -> Reply:
    """That the article gives no such share, then the parts' figures and the whole's (`whole`,
    or the article's)."""
    conversation = responder.kb.conversation
    whole = whole or conversation.whole
    shown = [*parts, *([whole] if whole not in parts else [])]
    answer = responder.answer_many(question, shown, score)
    text = f"{conversation.no_share}\n{answer.text}"
    return replace(answer, text=text, context=tuple(shown))


def share_asked(
    responder: Responder,
    question: str,
    earlier: Sequence[str],
    share: bool,
    score: float,
    named: str | None = None,
    base: str | None = None,
) -> Reply | None:
    """ "chiếm mấy phần trăm?", "trên tổng số?" after an answer: the previous fact (the part,
    when the last was the whole) when it states its share (1.066/1.999); else, for a share,
    that the article gives none, with the figures it has (beside `base`, the whole named by its
    figure: "so với 294"), and for "trên tổng số?" the whole — or the whole the question
    `named` ("so với tổng số cán bộ cấp xã": the commune's staff)."""
    kb, whole_id = responder.kb, named or responder.kb.conversation.whole
    whole = kb.intent(whole_id)
    parts = [x for x in earlier if x != whole_id] or list(earlier)
    previous = kb.intent(parts[-1])
    if whole is None or previous is None:
        return None
    if states_share(previous):  # "(trên tổng số?)": its answer gives both, "1.066/1.999"
        return responder.answer_as(question, previous, score)
    if not share:  # the whole, and what the next turn reads against: both
        return replace(responder.answer_as(question, whole, score), context=(previous.id, whole.id))
    # after several facts ("đại học + thạc sĩ", a sum), the share of each is asked
    given = parts if len(parts) > 1 else [previous.id]
    return none_stated(responder, question, given, score, base)


def whole_named(kb: KnowledgeBase, standalone: Reply, earlier: Sequence[str]) -> str | None:
    """ "so với tổng số cán bộ cấp xã?": a whole of its own the question names surely, one a
    declared difference takes the article's whole (`conversation.whole`) apart into."""
    whole = kb.conversation.whole
    if standalone.status != "answer" or len(standalone.intents) != 1:
        return None
    named = standalone.intents[0]
    apart = any(whole in g.parts and named in g.parts for g in kb.groups if g.difference)
    return named if apart and named != whole and named not in earlier else None
