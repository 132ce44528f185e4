"""A best guess a little short of sure, confirmed by what the question asks.

"Tin này ra hôm nào?" scores 64 for the article's date: under the bar, yet the only candidate
that states a time. When the question names a kind of answer (a time, a source, a person, a
place: never a bare count or a description, which most facts give) that the best candidate
states and no other close candidate does, asking back would only annoy. A message holding a
joiner ("tên bài báo và báo nào đăng?") may ask two things, so it is left to the usual rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.phrases import has_phrase, joined, spans

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.kb import Group, Intent, KnowledgeBase
    from bot.matcher import Candidate, Match, Matcher
    from bot.normalize import Normalized
    from bot.reading import Reader
    from bot.understanding import Clause, Understanding

# asks most facts answer: they single out none
_COMMON_ASKS = frozenset({"count", "what", "count_other"})


def singling(matcher: Matcher, match: Match) -> set[str]:
    """The kinds of answer the question asks that few facts give (a time, a source, a person)."""
    return matcher.slot_values(match.question).get("ask", set()) - _COMMON_ASKS


def ask_agrees(
    kb: KnowledgeBase, matcher: Matcher, reading: Understanding, match: Match, best: Candidate
) -> bool:
    """Whether the kind of answer asked singles out `best`, close enough to the bar."""
    thresholds = kb.settings.thresholds
    others = match.candidates[1:]
    lead = best.score - (others[0].score if others else 0.0)
    if best.score < thresholds.ask_answer or lead < thresholds.ask_lead:
        return False
    asked = singling(matcher, match)
    if not asked or not asked <= best.intent.slots.get("ask", frozenset()):
        return False
    words = match.question
    joiners = joined(reading.drop_joiners, reading.keep_joiners, reading.asking_joiners)
    # (a joiner opening the question joins nothing: "Với cán bộ cấp xã (…), …" is "as for")
    if any(start > 0 for start, _ in spans(words.folded, joiners, words.tokens)):
        return False
    return not any(
        asked & c.intent.slots.get("ask", frozenset())
        for c in others
        if c.score >= thresholds.clarify
    )


def parts_agree(responder: Responder, match: Match, group: Group, bar: float = 0.0) -> bool:
    """Whether the kind of answer asked singles out the parts of `group` together, close
    enough to the bar: "cán bộ ở đây được đào tạo những nội dung gì?" ties what each level is
    taught a little under the bar, and no other close candidate states what is taught."""
    thresholds = responder.kb.settings.thresholds
    candidates = match.candidates
    if len(candidates) < 2 or candidates[0].score < (bar or thresholds.ask_answer):
        return False
    named = responder.matcher.slot_values(match.question)
    asked = singling(responder.matcher, match)
    chosen = [c for c in candidates if c.intent.id in group.parts]
    taken = {s for c in chosen for s in c.intent.slots} | set(group.loose)
    if any(slot not in taken for slot in named):
        return False  # "cao cấp lý luận học những môn gì?": a course no part speaks of
    if not asked or not all(asked <= c.intent.slots.get("ask", frozenset()) for c in chosen):
        return False
    weakest = min(c.score for c in chosen[:2])
    return not any(
        c.score >= thresholds.clarify
        and (c.score > weakest - thresholds.ask_lead or asked & c.intent.slots.get("ask", set()))
        for c in candidates
        if c.intent.id not in group.parts
    )


def group_alone(responder: Responder, match: Match, group: Group, unstated: str) -> bool:
    """Whether a tie of `group`'s parts, above the clarify bar, leaves every other fact
    `group_lead` behind, and the question asks what the parts give, names nothing they do not
    and joins nothing ("mấy người học trung cấp chính trị vậy ta?"): it is about the group."""
    thresholds = responder.kb.settings.thresholds
    chosen = [c for c in match.candidates if c.intent.id in group.parts][:2]
    words = match.question
    if unstated or len(chosen) < 2 or chosen[1].score < thresholds.clarify:
        return False
    if responder.scope.by_rule(words) is not None:
        return False  # "mấy người bồi dưỡng QLNN ở tỉnh": another level of government
    named = responder.matcher.slot_values(words)
    asked = named.get("ask", set())
    taken = {s for c in chosen for s in c.intent.slots} | set(group.loose)
    if not asked or any(slot not in taken for slot in named):
        return False
    if not all(asked <= c.intent.slots.get("ask", frozenset()) for c in chosen):
        return False
    reading = responder.understanding
    joiners = joined(reading.drop_joiners, reading.keep_joiners, reading.asking_joiners)
    if has_phrase(words.folded, joiners, words.tokens):
        return False
    # (a count asked: a fact with no figure is no rival, "… tập trung đào tạo …")
    others = [
        c.score
        for c in match.candidates
        if c.intent.id not in group.parts and ("count" not in asked or c.intent.figures)
    ]
    return not others or others[0] <= chosen[1].score - thresholds.group_lead


def asks_its_own(reader: Reader, before: str, clause: Clause) -> bool:
    """ "ai viết, báo nào?": a short clause naming a thing and asking which ("báo nào") that
    alone answers a fact of the kind it asks (a source), one the clause before does not give:
    a second question, not more of the first ("…, ở đâu?" names no thing, "…, khi nào?" too)."""
    if not reader.items.noun_and_its_ask(clause):
        return False
    responder = reader.responder
    match = reader.match(clause.text)
    asked = singling(responder.matcher, match)
    alone = reader.single(clause.text, match, ())
    own = responder.kb.intent(alone.intents[0]) if len(alone.intents) == 1 else None
    if alone.status != "answer" or own is None or not asked:
        return False
    if not asked <= own.slots.get("ask", frozenset()):
        return False
    first = reader.single(before, reader.match(before), ())
    given = [i for i in (responder.kb.intent(x) for x in first.intents) if i is not None]
    return not any(asked & i.slots.get("ask", frozenset()) for i in given)


def asks_another_of_it(reader: Reader, before: str, clause: Clause) -> bool:
    """ "ai viết bài này, khi nào?": a bare clause asking another kind of answer (a time) than
    the clause before asked (a person), which read after that clause's answer gets another
    fact (the date): a second question of the same thing, not more of the first."""
    responder = reader.responder
    before_match, match = reader.match(before), reader.match(clause.text)
    before_asks = singling(responder.matcher, before_match)
    asked = singling(responder.matcher, match)
    if not before_asks or not asked or asked & before_asks:
        return False
    first = reader.single(before, before_match, ())
    given = first.intents if first.status == "answer" else ()
    then = reader.single(clause.text, match, given)
    return then.status == "answer" and not set(then.intents) & set(given)


def studies_asked(
    responder: Responder, words: Normalized, facts: Sequence[str], shared: bool = False
) -> bool:
    """When the message asks what is studied and no count ("Chủ tịch, bí thư xã thì cho học
    cái gì?"), `facts` that only count those sent are no answer: none of items `shared` the
    last one's ask may, nor all of several."""
    if len(facts) < 2:
        return True
    asked = responder.matcher.slot_values(words).get("ask", set())
    if "content" not in asked or "count" in asked:
        return True
    counting = [_only_counts(responder.kb.intent(f)) for f in facts]
    return not (any if shared else all)(counting)


def _only_counts(intent: Intent | None) -> bool:
    return intent is not None and intent.slots.get("ask", frozenset()) <= _COUNTS


_COUNTS = frozenset({"count", "count_other"})
