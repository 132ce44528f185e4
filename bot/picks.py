"""A reply to "Có phải bạn muốn hỏi …?" that names what it asks ("ban hành hồi nào?"): the one
suggestion that states it (a time, a person, a source)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.followups import IGNORED_ASKS
from bot.in_scope import names_only_the_article
from bot.phrases import outside, spans, starts_with
from bot.reply import Reply
from bot.understanding import MEN
from bot.unstated import asked_unstated, states_of

SURE_ALONE = 90  # a message this sure of its own fact is no reply to a clarification
_NO = frozenset({"khong", "ko", "k", "kh", "hong", "chang", "no", "not"})  # a denial said back
_ECHOED_WORDS = 2  # words of an offered question said back, at least, to pick it by them

if TYPE_CHECKING:
    from bot.followups import FollowUps
    from bot.kb.model import Understanding
    from bot.matcher import Match
    from bot.reading import Reader


def pick_by_ask(
    follow_ups: FollowUps, question: str, match: Match, offered: Sequence[str]
) -> Reply | None:
    """The one offered intent that states what the reply asks, if its other words are that
    intent's own."""
    responder, kb = follow_ups.responder, follow_ups.kb
    cues = follow_ups.words.read(match, responder.matcher.slot_values(match.question))
    asked = cues.asked - IGNORED_ASKS
    if not asked or len(cues.leftover) > 2:
        return None
    stating = [
        i
        for i in (kb.intent(x) for x in offered)
        if i is not None and asked & i.slots.get("ask", frozenset())
    ]
    if len(stating) != 1:
        return None
    vocabulary = follow_ups.vocabularies.of(stating[0])
    if any(w not in vocabulary for w in cues.leftover):
        return None
    return responder.answer_as(question, stating[0], kb.settings.thresholds.answer)


def pick_offered(
    reader: Reader, question: str, match: Match, offered: Sequence[str]
) -> Reply | None:
    """After "Có phải bạn muốn hỏi …?": "1", "cái đầu tiên", "ừ", or a slot value
    ("cấp huyện") that only one of the offered intents has."""
    position = picked(match.question.folded, reader.reading, len(offered))
    if position is not None:
        return reader.responder.answer_intent(offered[position], question=question)
    if picks_every(match, reader.reading, len(offered)):  # "cả hai" after two offered
        score = reader.kb.settings.thresholds.answer
        return reader.responder.answer_many(question, list(offered), score)
    echoed = echoed_offer(reader, match, offered)  # "cái cử đi học ấy": its own words
    if echoed is not None:
        return reader.responder.answer_intent(echoed, question=question)
    if names_only_the_article(reader, match):  # "vậy Điện Biên Đông thì sao?" after a refusal
        if len(offered) == 1:
            return reader.responder.answer_intent(offered[0], question=question)
        score = reader.kb.settings.thresholds.answer
        return reader.responder.answer_many(question, list(offered), score)
    best = match.candidates[0] if match.candidates else None
    sure_elsewhere = best is not None and best.score >= SURE_ALONE and best.intent.id not in offered
    # "ông ấy là ai": one of the people the article names, never who is chosen to study
    clarify = reader.kb.settings.thresholds.clarify
    sure_elsewhere = sure_elsewhere or (
        best is not None
        and best.intent.id not in offered
        and "person_named" in best.intent.slots
        and best.score >= clarify
        and any(t.lower() in MEN for t in match.question.tokens)
    )
    words = match.question  # "học ở đâu?": what the article never says of any offered
    unstated = asked_unstated(" ".join(words.tokens), words.folded_text, reader.reading)
    if unstated is not None and not any(unstated.id in states_of(reader.kb, i) for i in offered):
        sure_elsewhere = True
    by_ask = (
        None
        if sure_elsewhere
        else pick_by_ask(  # "ai viết?" names its own fact
            reader.responder.follow_ups, question, match, offered
        )
    )
    if by_ask is not None:  # "ban hành hồi nào?": the one suggestion that has a date
        return by_ask
    named = {
        k: v for k, v in reader.responder.matcher.slot_values(match.question).items() if k != "ask"
    }
    if not named or (match.candidates and match.candidates[0].score >= SURE_ALONE):
        return None
    fitting = []
    for intent_id in offered:
        intent = reader.kb.intent(intent_id)
        if intent and all(values & intent.slots.get(s, frozenset()) for s, values in named.items()):
            fitting.append(intent_id)
    if len(fitting) == 1:
        return reader.responder.answer_intent(fitting[0], question=question)
    return None


def echoed_offer(reader: Reader, match: Match, offered: Sequence[str]) -> str | None:
    """The one offered question whose words hold every word the reply says besides pointing
    and light ones ("cái cử đi học ấy" after «Bao nhiêu cán bộ được cử đi học đại học?»)."""
    words = match.question
    if _NO & set(words.folded):
        return None  # "không, không phải cử đi học": the offer turned down
    pointing = {p[0] for p in reader.reading.pick_words if len(p) == 1}
    light = reader.responder.light_words
    said = {w for w in words.folded if w not in pointing and w not in light}
    if len(said) < _ECHOED_WORDS:
        return None  # "học vậy để làm gì?": one word echoed is no pick
    named = reader.responder.matcher.slot_values(match.question)
    holding = [
        i
        for i, intent in ((i, reader.kb.intent(i)) for i in offered)
        if intent
        and said <= set(reader.words(intent.question).folded)
        # (never "thế còn đại học" for «… trên đại học?»: a value it is not of)
        # (nor "bao nhiêu người được lên chức?" for «… vị trí nào?»: a count it never gives)
        and all(v <= intent.slots.get(s, frozenset()) for s, v in named.items())
    ]
    return holding[0] if len(holding) == 1 else None


def picked(folded_words: Sequence[str], reading: Understanding, offered: int) -> int | None:
    """Which of `offered` suggestions a reply such as "cái đầu tiên", "2", "ừ" picks (0-based)."""
    words = tuple(w for w in folded_words if w not in reading.pick_words)
    if not words:
        words = tuple(folded_words)
    if offered == 1 and words in reading.yes:
        return 0
    for position, phrases in reading.ordinals.items():
        if position <= offered and (words in phrases or tuple(folded_words) in phrases):
            return position - 1 if position else offered - 1  # 0: the last
    return None


_COUNTS = {"hai": 2, "2": 2, "both": 2, "ba": 3, "3": 3, "three": 3}


def picks_every(match: Match, reading: Understanding, offered: int) -> bool:
    """ "cả hai", "tất cả", "both" (and pick words around it): every one offered — a count
    named only when it is how many were offered."""
    words, marked = match.question.folded, match.question.tokens
    found = spans(words, reading.pick_every, marked)
    if not found or offered < 2:
        return False
    light = {p[0] for p in reading.pick_words if len(p) == 1}
    if any(w not in light for w in outside(words, found)):
        return False
    named = {_COUNTS[w] for a, b in found for w in words[a:b] if w in _COUNTS}
    return named <= {offered}


def carried_offer(
    reader: Reader, match: Match, offered: Sequence[str], earlier: tuple[str, ...]
) -> tuple[str, ...]:
    """ "còn cấp xã?" after "Có phải bạn muốn hỏi «… cấp huyện …»?": the one offered fact, as
    if the user had said "có" first, to go on from; else `earlier` as it is."""
    if earlier or len(offered) != 1 or (intent := reader.kb.intent(offered[0])) is None:
        return earlier
    # another value of a slot the offered fact has ("cấp xã"), never a fact of its own
    named = set(reader.responder.matcher.slot_values(match.question)) - {"ask"}
    if not named or not named <= set(intent.slots):
        return earlier  # "còn đại học?", "còn gì nữa?": not of the fact offered
    words = match.question.folded
    openers = reader.kb.conversation.carry_offered
    if any(starts_with(words, o) and len(words) > len(o.split()) for o in openers):
        return tuple(offered)
    return earlier
