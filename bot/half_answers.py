"""Never half an answer: a part the article never gives is said so beside the rest, and a whole
message answered as one fact while two of its clauses ask others is asked back about."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.figures import unique
from bot.phrases import asks_why
from bot.reply import Reply
from bot.slots import values_left_out
from bot.totals import LISTED  # items at least of a list

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bot.answer import Responder
    from bot.matcher import Match
    from bot.reading import Reader
    from bot.understanding import Clause

_OFFERED = 4  # facts offered at most when a sum is asked back about


def with_unstated(
    reader: Reader,
    question: str,
    reply: Reply | None,
    answered: list[Reply],
    unstated: list[Reply],
    beside: frozenset[str] = frozenset(),
    clauses: Sequence[Clause] = (),
) -> Reply | None:
    """A part the article never gives is said so: alone when the rest only asks about the
    facts it is said of ("giáo viên …, học ở đâu?"), else after the answer to the rest
    ("bài đăng ngày nào, khóa học kéo dài bao lâu?"), as is a judgement of the figures asked
    (`beside`: its labels; "… bao nhiêu, con số đó có tương xứng không?"), and a count a clause
    asks outright ("bao nhiêu người học thạc sĩ và học ở trường nào?")."""
    if not unstated:
        return reply
    messages = reader.responder.messages
    nearby = {s.intent_id for r in unstated for s in r.suggestions}
    facts = {i for r in answered for i in r.intents}
    said = unique(messages.unstated.format(what=r.unstated) for r in unstated)
    judged = all(r.unstated in beside for r in unstated)
    outright = counts_asked(reader, clauses, answered, unstated)
    if (
        (facts <= nearby and not judged and not outright)
        or reply is None
        or reply.status != "answer"
    ):
        # "… ngày tháng nào? Ai ký?": every attribute never given, then the facts near them
        first, _, nearby_lines = unstated[0].text.partition("\n")
        text = unstated[0].text
        if first == said[0]:
            text = "\n".join([*said, nearby_lines] if nearby_lines else said)
        return replace(unstated[0], question=question, text=text)
    return replace(reply, text="\n".join((reply.text, *said)))


def counts_asked(
    reader: Reader, clauses: Sequence[Clause], answered: list[Reply], unstated: list[Reply]
) -> bool:
    """ "bao nhiêu người học thạc sĩ và học ở trường nào?": a count asked outright, answered
    beside an attribute the article never gives (not "ai được bổ nhiệm …, tên gì": no one
    named; nor beside a count or a why never given: "MTTQ mấy người, bí thư … mấy người?")."""
    cued = {c.text for c in clauses if c.own_cue} & {r.question for r in answered}

    def asked(text: str) -> set[str]:
        return set(reader.responder.matcher.slot_values(reader.match(text).question).get("ask", ()))

    def why_or_count(text: str) -> bool:
        return bool(asked(text) & {"count", "why"}) or asks_why(reader.words(text), reader.reading)

    if any(why_or_count(r.question) for r in unstated):
        return False
    return any("count" in asked(c) for c in cued)


def asks_beyond(whole: Reply, unclear: list[Reply]) -> bool:
    """Two or more clauses ask by their own words, the whole answers one fact, and a clause's
    best guess is another ("who wrote this article, when, and which newspaper?")."""
    guesses = {r.suggestions[0].intent_id for r in unclear if r.suggestions}
    return len(unclear) >= 2 and len(whole.intents) == 1 and bool(guesses - set(whole.intents))


def whole_gives_each(whole: Reply, facts: list[str], unclear: list[Reply]) -> bool:
    """The message read whole gives several facts, those of the clauses answered and one each
    unclear clause offers ("có bao nhiêu cán bộ cấp huyện và bao nhiêu … cấp xã học trung cấp
    LLCT?": the course named once is of both; the first clause alone names none)."""
    given = set(whole.intents)
    return (
        whole.status == "answer"
        and len(given) >= 2
        and set(facts) < given
        and bool(unclear)
        and all(any(s.intent_id in given - set(facts) for s in r.suggestions) for r in unclear)
    )


def one_of_a_list(
    responder: Responder, question: str, listed: list[Reply], unsure: list[Reply], whole: Reply
) -> Reply | None:
    """A list asked by no word of its own with one item answered surely and others not ("tôi
    cần tiêu đề, tác giả và nguồn của bài"): asked back about them all, never a third of it."""
    if len(listed) != 1 or len(listed) + len(unsure) < LISTED or whole.status == "answer":
        return None  # (two pieces: a story and a thing it tells, not a list)
    suggestions = [s for r in unsure for s in r.suggestions]
    return responder.clarify_many(question, listed[0].intents, suggestions, whole.score)


def whole_keeps_the_head(question: str, whole: Reply, several: Reply | None) -> bool:
    """ "Tổng số được bồi dưỡng QLNN: chuyên viên cấp huyện + chủ chốt cấp xã?": read whole,
    as many facts as its clauses read apart give, but the items read with the head's topic
    ("chủ chốt cấp xã" alone is the young leaders): the whole, which reads them in context."""
    return (
        several is not None
        and ":" in question
        and several.status == whole.status == "answer"
        and len(whole.intents) == len(several.intents) >= 2
        and set(whole.intents) != set(several.intents)
    )


def half_of_a_sum(reader: Reader, question: str, match: Match, reply: Reply) -> Reply:
    """ "cộng số học chuyên viên với số học cao cấp LLCT": a sum asked, answered by one fact
    that leaves a degree, course, subject or title it names to none — half the sum; asked back
    about instead, among the facts it names."""
    if reply.status != "answer" or len(reply.intents) != 1:
        return reply  # (parts summed: "đại học và sau đại học" are the 712 and the 28)
    if not reader.totals.asks_total(question):
        return reply
    kb, matcher = reader.kb, reader.responder.matcher
    named = matcher.slot_values(match.question)
    given = [i for i in map(kb.intent, reply.intents) if i]
    left = values_left_out(kb.settings.narrowing_slots, named, given)
    if not left:
        return reply
    # the facts holding what the answer left out ("chuyên viên": the 115), best first
    holding = [
        c.intent.id
        for c in match.candidates
        if c.intent.kind == "fact"
        and any(v & c.intent.slots.get(s, frozenset()) for s, v in left.items())
    ]
    offered = unique([*reply.intents, *holding])[:_OFFERED]
    return reader.responder.clarify_many(question, offered, [], reply.score)
