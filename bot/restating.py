"""A clause that asks again what another clause of the message asked ("ông nào phát biểu,
làm chức gì?"): no second question, so neither a second fact nor a reason to ask back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.phrases import has_phrase, spans
from bot.reply import Reply
from bot.slots import values_left_out

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb import KnowledgeBase
    from bot.kb.model import Understanding
    from bot.matcher import Match
    from bot.normalize import Normalized

    MatchOf = Callable[[str], Match]

BARE_ASK = 3  # words in a clause that only asks ("ở đâu?", "khi nào vậy?")
CLOSE = 15  # points under the best guess at which another is as likely (answer.py: close)
_SAME = 15  # points under a short clause's best guess at which a fact given is its question


def restates(
    kb: KnowledgeBase,
    reading: Understanding,
    match: Match,
    reply: Reply,
    answered: list[Reply],
    asked: frozenset[str] = frozenset(),
) -> bool:
    """A short clause after an answered one that asks it again: the fact already given is
    nearly its best guess ("…, làm chức gì?"), or it is answered only by a clear lead, not
    by its own words ("…, có ổn không?"). A kind of answer `asked` (a source: "…, which
    newspaper?") that its own fact gives and no fact given does is a new question."""
    if not answered or len(match.question.tokens) > BARE_ASK + 1:
        return False
    if asked and _only_its_own(kb, asked, reply, answered):
        return False
    if match.question.folded[:1] and has_phrase(match.question.folded[:1], reading.keep_joiners):
        return False  # "…, còn cao cấp?": "còn" asks something new
    if reply.score < kb.settings.thresholds.answer:
        return True
    given = {i for r in answered for i in r.intents}
    best = match.candidates[0].score if match.candidates else 0.0
    return any(c.intent.id in given and c.score >= best - _SAME for c in match.candidates)


def _only_its_own(
    kb: KnowledgeBase, asked: frozenset[str], reply: Reply, answered: list[Reply]
) -> bool:
    own = [kb.intent(i) for i in reply.intents]
    given = [kb.intent(i) for r in answered for i in r.intents]
    return all(i is not None and asked <= i.slots.get("ask", frozenset()) for i in own) and not any(
        i is not None and asked & i.slots.get("ask", frozenset()) for i in given
    )


def not_restated(
    kb: KnowledgeBase, unclear: list[Reply], answered: list[Reply], whole: Reply
) -> list[Reply]:
    """An unclear clause whose every guess is a fact another clause asks outright says the
    same thing again ("ai được chọn đi học, tiêu chí gì?"): not a second question; nor is
    one whose best guess is such a fact (or ties with one), when it is short ("…, chức vụ
    gì?"), or the guess clearly ahead of the next ("…, có đủ người và đủ sức không?"), or
    the message read whole gives those facts and no other ("số cán bộ quản lý, chủ chốt dưới
    35 tuổi?": a comma inside one question)."""
    given = {i for r in answered for i in r.intents}
    whole_given = whole.status == "answer" and len(given) >= 2 and set(whole.intents) == given
    margin = kb.settings.thresholds.margin
    filler = kb.settings.filler

    def restates(reply: Reply) -> bool:
        guesses = [s.intent_id for s in reply.suggestions]
        scores = [score for _, score in reply.candidates[:2]] + [0.0, 0.0]
        ahead = scores[0] - scores[1] >= margin
        words = [w for w in reply.question.lower().split() if w not in filler]
        short = len(words) <= BARE_ASK + 1  # "…, chức vụ gì (ạ)?"
        best_given = guesses[:1] and guesses[0] in given and (short or ahead or whole_given)
        # short, and a fact given ties with its best guess ("…, là ai, chức vụ gì?")
        tied = {i for i, score in reply.candidates if score >= scores[0] - margin}
        return bool(guesses) and (
            set(guesses) <= given or bool(best_given) or (short and bool(tied & given))
        )

    return [r for r in unclear if not restates(r)]


def settled_apart(
    kb: KnowledgeBase, unclear: list[Reply], answered: list[Reply]
) -> tuple[list[Reply], list[tuple[str, str]]]:
    """An unclear clause torn between a fact another clause asks outright (or smalltalk) and one
    fact more is that fact ("huyện chọn người đi học thế nào, có còn cử tràn lan không?": the
    second clause asks the one, so the first the other): one message asks each thing once. The
    clauses still unclear, and the facts settled with the clause that asks each."""
    thresholds = kb.settings.thresholds
    # facts a clause asks by its own words (not "sao vậy?" read against the context)
    given = {
        r.candidates[0][0]
        for r in answered
        if r.candidates and r.candidates[0][1] >= thresholds.answer
    }
    if not given:
        return unclear, []
    still, settled = [], []
    for reply in unclear:
        best = reply.candidates[0][1] if reply.candidates else 0.0
        close = [(i, s) for i, s in reply.candidates if s >= best - CLOSE]
        left = [
            i
            for i, s in close
            if i not in given and s >= thresholds.lead_answer and _is_fact(kb, i)
        ]
        # a greeting ahead of the fact ("cho mình xin tên báo"), never one behind it ("…, có
        # giỏi không?" is more of the clause before, however like a compliment)
        others = [i for i, _ in close if i in given or (not _is_fact(kb, i) and i == close[0][0])]
        if len(left) == 1 and others:
            settled.append((left[0], reply.question))
        elif any(i in given for i, _ in close) and all(
            i in given or not _is_fact(kb, i) for i, _ in close
        ):
            continue  # "lấy từ đâu ra thế, tờ nào đưa tin?": the one fact asked twice
        else:
            still.append(reply)
    return still, settled


def in_order(message: str, replies: list[Reply]) -> list[Reply]:
    """The replies in the order the message asks their clauses (a clause not found: last)."""
    lowered = message.lower()

    def at(reply: Reply) -> int:
        found = lowered.find(reply.question.lower())
        return found if found >= 0 else len(lowered)

    return sorted(replies, key=at)


def _is_fact(kb: KnowledgeBase, intent_id: str) -> bool:
    intent = kb.intent(intent_id)
    return intent is not None and intent.kind != "smalltalk"


def elaborates(
    responder: Responder, facts: list[str], unclear: list[Reply], whole: Reply, match_of: MatchOf
) -> bool:
    """Unclear clauses beside the one fact answered, when the whole message's best guess is
    that fact too, that say more of it rather than ask: short and naming no value ("ngày xưa
    cán bộ ở huyện này ra sao, có giỏi không?"), or, the whole answered, asking by no word of
    their own ("em mới vô làm văn phòng xã, muốn đi học thêm á, mà … theo tiêu chí chi?")."""
    best = whole.candidates[:1]
    if len(facts) != 1 or not unclear or not best or best[0][0] != facts[0]:
        return False
    matcher, reading = responder.matcher, responder.understanding
    message = match_of(whole.question).question
    listing = has_phrase(message.folded, reading.list_joiners, message.tokens)  # "cả A lẫn B"

    fact = responder.kb.intent(facts[0])
    narrowing = responder.kb.settings.narrowing_slots

    def names_another(words: Normalized) -> bool:
        """A count asked of a degree, course, subject or title the fact is not of ("tổng số
        người được cử đi ĐH và cao cấp LLCT?": the university degree is no more of the course;
        never "e học xong đh rồi, …": the asker's own degree, nothing asked of it)."""
        named = matcher.slot_values(words)
        other = fact is not None and values_left_out(narrowing, named, [fact])
        return bool(other) and bool(named.get("ask"))

    def aside(reply: Reply) -> bool:
        words = match_of(reply.question).question
        if names_another(words):
            return False
        short = len(reply.question.split()) <= BARE_ASK + 1
        cues = spans(words.folded, reading.question_cues, words.tokens)
        yes_no = all(tuple(words.folded[a:b]) in reading.yes_no_cues for a, b in cues)
        if short and yes_no and not matcher.names_a_value(words):
            return True  # "…, có giỏi không?" (not "…, ai quản lý?")
        cued = bool(cues)
        return whole.status == "answer" and not cued and not listing

    return all(aside(r) for r in unclear)
