"""Small readings of a follow-up against the fact just given (bot/followups.py): whether it asks
what that answer itself says (or whom it names), a level the article never counts that fact at, who of another fact,
or a share against a whole it names by its figure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import message_memo, message_words
from bot.followup_words import Cues
from bot.kb import Intent, KnowledgeBase
from bot.normalize import clean
from bot.phrases import spans
from bot.slots import takes
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match
    from bot.reply import Reply


def told_in_it(responder: Responder, previous: Intent, cues: Cues, leftover: Sequence[str]) -> bool:
    """What the last answer itself says, asked of it ("học chương trình gì?" after the
    district's state-management course, "chương trình chuyên viên"): no word new to it, one at
    least in its answer, nothing but what or which asked."""
    if not cues.asked or not cues.asked <= {"what", "content"} or leftover or cues.named:
        return False  # the answer's words only when the rest allows (normalizing it ~0.4 ms)
    named = {w for w in cues.leftover if w not in responder.light_words}
    return bool(named) and not named.isdisjoint(
        message_memo.normalized(previous.answer, responder.kb.tables).folded
    )


def asks_whom_it_says(responder: Responder, previous: Intent, match: Match) -> bool:
    """ "chuẩn hóa là chuẩn hóa ai?" after the training's aim: "ai" right after a word of the
    last answer asks whom that answer names (its object), not who said it ("ai nói vậy?")."""
    words = match.question.folded
    if "ai" not in words[1:]:
        return False  # no "ai" after a word: the answer's words are not needed
    said = set(message_memo.normalized(previous.answer, responder.kb.tables).folded)
    light = responder.light_words  # ("số liệu này ai đưa ra": "này", no word of the answer)
    return any(
        w == "ai"
        and i > 0
        and words[i - 1] in said
        and words[i - 1] not in _BEFORE_WHO
        and words[i - 1] not in light
        for i, w in enumerate(words)
    )


_BEFORE_WHO = frozenset({"cua", "do", "boi", "la", "voi", "cho", "nguoi", "ong", "ba", "theo"})


def level_counterpart(kb: KnowledgeBase, previous: Intent, named: dict[str, set[str]]) -> bool:
    """Whether a fact grouped by level with `previous` is counted at a level named ("huyện bn?"
    after the commune's young leaders: the district's)."""
    levels = named.get("level", set())
    groups = [g for g in kb.groups if g.by == "level" and previous.id in g.parts]
    partners = (kb.intent(p) for g in groups for p in g.parts if p != previous.id)
    return any(f is not None and levels & f.slots.get("level", set()) for f in partners)


def no_level_counterpart(
    kb: KnowledgeBase, previous: Intent | None, named: dict[str, set[str]]
) -> bool:
    """Whether a level is all a follow-up names, of a count the article gives district-wide
    only ("ở xã bao nhiêu?" after the party members): no fact grouped by level with it is
    counted at that level."""
    if previous is None:
        return False
    every = kb.settings.slot_every.get("level")
    levels = named.get("level", set())
    own = previous.slots.get("level", frozenset())
    if set(named) != {"level"} or own != {every} or every in levels:
        return False
    if "count" not in previous.slots.get("ask", frozenset()):
        return False
    return not level_counterpart(kb, previous, named)


def who_of(kb: KnowledgeBase, match: Match) -> bool:
    """Whether the words alone point at a fact that says who (not the speaker asked after any
    answer): "ai được ưu tiên đào tạo?" asks who is chosen."""
    speaker = kb.conversation.by_ask.get("person")
    best = match.candidates[0] if match.candidates else None
    return (
        best is not None
        and best.intent.id != speaker
        and best.intent.kind != "smalltalk"
        and "person" in best.intent.slots.get("ask", frozenset())
        and best.score >= kb.settings.thresholds.ask_answer
    )


_GUESSES = (["a"], ["ha"], ["ho"], ["khong"], ["ko"], ["k"], ["chu"])  # "… à?", "… phải không?"


def names_another_post(responder: Responder, question: str, match: Match) -> bool:
    """ "thủ tướng là ai?", "bầu ai làm bí thư?" after an answer: a post the message names that
    the person quoted does not hold — who holds it is asked, not who was quoted."""
    kb, words = responder.kb, match.question
    said = (*responder.understanding.who_said, *responder.understanding.who_said_after)
    if list(words.folded[-1:]) in _GUESSES or spans(words.folded, said, words.tokens):
        return False  # "ai chủ trì, trưởng phòng nội vụ à?": a guess of who, of the last answer
    # (a post after a comma guesses who: "ai ban hành, bí thư huyện ủy?")
    first = len(message_memo.normalized(question.split(",")[0], kb.tables).folded)
    speaker = kb.intent(kb.conversation.by_ask.get("person", ""))
    held = (
        f" {' '.join(message_memo.normalized(speaker.answer, kb.tables).folded)} "
        if speaker
        else ""
    )
    found = spans(words.folded, responder.understanding.post_words, words.tokens)
    return any(f" {' '.join(words.folded[a:b])} " not in held for a, b in found if b <= first)


def tied_parts(responder: Responder, reply: Reply) -> bool:
    """A clarification between parts of one group a question naming none of them gets whole
    ("có bao nhiêu cán bộ chủ chốt trẻ dưới 35?": both levels): as good as answered."""
    offered = {s.intent_id for s in reply.suggestions}
    sure = reply.score >= responder.kb.settings.thresholds.answer
    return (
        reply.status == "clarify"
        and sure
        and len(offered) > 1
        and any(g.all_when_unnamed and offered <= set(g.parts) for g in responder.groups)
    )


def whole_by_figure(
    responder: Responder, leftover: Sequence[str], earlier: Sequence[str]
) -> str | None:
    """The fact a share is asked against when the only word left is its figure ("so với 294
    CBCC xã thì chiếm bao nhiêu %?": the commune's staff; 1.999: the article's whole; 55: the
    district's intermediate course), when one fact has that figure."""
    if len(set(leftover)) != 1 or not leftover[0].isdigit():
        return None
    facts = [f for f in responder.facts_with_figure(leftover[0]) if f not in earlier]
    whole = responder.kb.conversation.whole
    return whole if whole in facts else (facts[0] if len(facts) == 1 else None)


def figure_of_one(kb: KnowledgeBase, match: Match, earlier: Sequence[str]) -> Intent | None:
    """ "mà 115 là cán bộ cấp nào?" after the 115 and the 128 (summed): the one fact of the
    last answer the message names by its only figure — asked about that fact alone (not
    "sao lại ít hơn 28?": a comparison)."""
    words = match.question
    numbers = set(numbers_in(" ".join(words.tokens)))
    compared = spans(words.folded, kb.understanding.comparison_cues, words.tokens)
    if len(earlier) < 2 or len(numbers) != 1 or compared:
        return None
    facts = [i for i in map(kb.intent, earlier) if i is not None and numbers & set(i.figures)]
    return facts[0] if len(facts) == 1 else None


def why_of(
    kb: KnowledgeBase, purpose: bool, remedy: bool, previous: Intent, bare: bool = False
) -> Intent | None:
    """The fact that answers "tại sao?" ("để làm gì?", "đã làm gì để khắc phục?") after
    `previous`, by its topic (conversation.yaml), if another; a bare "tại sao thế?" by the
    reason the article gives beside that fact, if any (not "vì sao trước đây tràn lan?")."""
    conversation = kb.conversation
    by_topic = conversation.purpose_by_topic if purpose else None
    by_topic = conversation.remedy_by_topic if remedy else by_topic
    own = None if by_topic or not bare else conversation.why_by_intent.get(previous.id)
    target = kb.intent(own or (by_topic or conversation.why_by_topic).get(previous.topic, ""))
    return target if target is not None and target.id != previous.id else None


FIGURE_LEAD = 5.0  # points a fact sharing the figure named leads the others by, in the match


def figure_named_first(kb: KnowledgeBase, match: Match, earlier: Sequence[str]) -> Sequence[str]:
    """ "ý mình là 712 người đi học đại học á, tính tới lúc nào?" after both facts of 712: the
    one the message names by its figure and its words, first in mind (put last); else
    `earlier` as it is."""
    numbers = set(numbers_in(" ".join(match.question.tokens)))
    if len(earlier) < 2 or not numbers:
        return earlier
    sharing = [x for x in earlier if (i := kb.intent(x)) is not None and numbers & set(i.figures)]
    scores = {c.intent.id: c.score for c in match.candidates}
    ranked = sorted(sharing, key=lambda x: -scores.get(x, 0.0))
    if len(ranked) < 2 or scores.get(ranked[0], 0.0) < scores.get(ranked[1], 0.0) + FIGURE_LEAD:
        return earlier
    return (*(x for x in earlier if x != ranked[0]), ranked[0])


def of_the_article(kb: KnowledgeBase, previous: Intent, standalone: Reply) -> bool:
    """ "who wrote it?" after the newspaper: "it" is the article both facts are of."""
    alone = kb.intent(standalone.intent or "")
    topic = kb.conversation.article_topic
    return alone is not None and previous.topic == topic == alone.topic


ABOUT_SURE = 80  # what a message says it asks about, answered this surely alone


def said_about(responder: Responder, about: str, sure: bool) -> Reply | None:
    """The reply to what "ông ấy nói gì về …" asks about, when the message is no sure question
    of its own and that reply is sure ("việc thực hiện nó" alone is no fact)."""
    if not about or sure:
        return None
    reply = responder.respond(about)
    return reply if reply.score >= ABOUT_SURE else None


def mentioned_in_it(
    of_a_fact: bool, cues: Cues, own: Intent | None, previous: Intent, surely: bool
) -> bool:
    """ "nghị quyết nhắc trong đó là nghị quyết gì?" after the summary: a fact the article's
    own answer mentions, named `surely` by words of its own (not the summary asked again)."""
    return (
        not of_a_fact
        and bool(cues.leftover)
        and own is not None
        and own.topic != previous.topic
        and surely
    )


def offered_elsewhere(
    moved: dict[str, set[str]], offered: Sequence[Intent | None], earlier: Sequence[str]
) -> bool:
    """A value the last answer lacks that another fact offered has ("lực lượng kế cận ấy, có số
    cán bộ chủ chốt trẻ không" after the training goal: the young leaders, not the goal)."""
    return any(
        i is not None and i.id not in earlier and takes(i, {slot: values})
        for i in offered
        for slot, values in moved.items()
    )


def doubts_its_figure(responder: Responder, question: str, previous: Intent) -> bool:
    """ "đúng 1800 hay hơn?", "1800 thôi à": the last answer's own figure doubted (its answer
    says how the article writes it: "trên 1.800"), no other word but light ones."""
    figures = numbers_in(question)  # (a part of a date it writes too: "năm 2018 à?")
    if not figures or not set(figures) <= {*previous.figures, *numbers_in(previous.answer)}:
        return False
    doubts, light = responder.understanding.figure_doubts, responder.light_words
    # as typed: the matcher reads "năm 2018" (the article's year) as "hiện nay"
    tables = responder.kb.tables
    typed = message_words.letters(clean(question, tables), tables).folded
    return all(w[:1].isdigit() or w in doubts for w in typed if w not in light)


def present_again(cues: Cues, previous: Intent) -> bool:
    """ "bây giờ thì sao?", "chừ thì răng?" after a fact the article tells as it stands when
    written (a state, no figure or date; no stage of its own, not of before: `era`): again."""
    timed = "stage" in previous.slots or "era" in previous.slots
    told = previous.slots.get("ask", frozenset()) <= {"what", "content"}  # (no count, no date)
    return cues.named == {"stage": {"now"}} and told and not timed and not cues.asked


def names_the_bot(responder: Responder, match: Match) -> bool:
    """The message names the bot ("bạn", "bot"), or surely asks about it by words only a
    pleasantry needs ("mà cháu là ai thế"): it asks about the bot, not the last fact."""
    kb, best = responder.kb, (match.candidates[0] if match.candidates else None)
    if kb.conversation.addresses(match.question.tokens):
        return True
    if best is None or best.intent.kind != "smalltalk" or not best.intent.needs:
        return False
    sure = best.score >= kb.settings.thresholds.answer
    return sure and responder.matcher.needs_met(best.intent, match.question)
