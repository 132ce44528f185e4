"""A message asking what a figure stands for and something else besides ("115 là gì, tác giả là
ai?"): each question answered, all in one reply. One whose figure only qualifies another
question ("… dưới 35 tuổi cấp xã mấy người, rồi công chức xã học cái gì?") asks no meaning."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import message_memo
from bot.phrases import has_phrase, own_words
from bot.understanding import numbers_in
from bot.unstated import asked_unstated, states_of

if TYPE_CHECKING:
    from bot.figures import Figures
    from bot.normalize import Normalized
    from bot.reply import Reply

OWN_SUBJECT = 2  # words of its own a question beside a figure's names, at least ("tác giả")


def other_questions(
    figures: Figures, question: str, numbers: Sequence[str], earlier: Sequence[str]
) -> tuple[bool, list[Reply]]:
    """(whether a question of the message asks another thing, each question's reply in order).
    Another thing: a question naming no figure, pointing at none ("số đó", "nó"), naming a
    subject of its own ("tác giả"; not "học gì", said of the people counted) and answered
    alone with other facts than the figure's ("tên đầy đủ là gì" is the resolution's). The
    replies are empty when a figure's question, read alone, asks no meaning."""
    reading = figures.reading
    clauses = [c.text for c in message_memo.clauses(question, reading, figures.kb.tables)]
    numbered = [c for c in clauses if set(numbers_in(c)) & set(numbers)]  # not "năm 2020"
    if len(clauses) < 2 or not numbered or len(numbered) == len(clauses):
        return False, []
    meant = {c: figures.meaning(c, figures.match(c), earlier) for c in numbered}
    # what each question with a figure is of: its meaning, or else what it asks ("Nghị quyết 03
    # do cơ quan nào ban hành, ban hành năm nào …": the resolution, asked of again after it)
    read = [r or figures.responder.decide(c, figures.match(c), earlier) for c, r in meant.items()]
    facts = tuple(dict.fromkeys(f for r in read for f in r.intents))
    told: dict[str, Reply] = {}
    for clause in (c for c in clauses if c not in meant):
        match = figures.match(clause)
        words = match.question
        if {"so", *reading.referring_words} & set(words.folded):
            return False, []  # "số đó là gì": of the figure
        if has_phrase(words.folded, figures.where_cues, words.tokens):
            return False, []  # "thấy xuất hiện mấy lần": where the figure stands
        if set(words.tokens) & set(reading.back_pronouns):
            return False, []  # "nó là số gì vậy"
        own = own_words(words.folded, words.tokens, reading, figures.light_words)
        if len([w for w in own if w not in reading.figure_asks_more]) < OWN_SUBJECT:
            return False, []  # "115 cán bộ là những ai, học gì?": of the people counted
        said_of = figures.responder.decide(clause, match, facts)
        if said_of.status == "answer" and set(said_of.intents) <= set(facts):
            return False, []  # "Nghị quyết 03 về vấn đề gì, tên đầy đủ là gì?": of its fact
        reply = figures.responder.decide(clause, match, ())
        if reply.status != "answer" or _unstated_of(figures, words, reply):
            return False, []  # "115 là gì, lương cán bộ bao nhiêu": what the article never says
        told[clause] = reply
    if any(r is None or r.status != "answer" for r in meant.values()):
        return True, []  # the figure only qualifies what is asked of it ("dưới 35 tuổi")
    return True, [meant.get(c) or told[c] for c in clauses]


def _unstated_of(figures: Figures, words: Normalized, reply: Reply) -> bool:
    """The question asks what the article never says of the facts it reaches ("lương cán bộ
    bao nhiêu"), not what one of them states ("bài đăng ngày nào": the article's date)."""
    attribute = asked_unstated(" ".join(words.tokens), words.folded_text, figures.reading)
    if attribute is None:
        return False
    return not any(attribute.id in states_of(figures.kb, i) for i in reply.intents)
