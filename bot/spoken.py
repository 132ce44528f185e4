"""The question at the end of a long message said in one go (voice typing: no marks, a story
first): "à này tôi hỏi cái nhé hôm trước … tôi cũng không biết thật không nhưng mà trong bài
báo thì cán bộ cấp xã bên điện biên đông được tập trung đào tạo cái gì". The question starts
right after a word a speaker pauses on ("thì", "mà", "nhưng", "hỏi", …); the longest such tail
that alone is answered surely, by the fact the whole message ranks first, is the question —
when the words before it ask nothing the tail leaves out and name no other place or figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import message_memo
from bot.group_facts import exact_group
from bot.last_sentence import RUN_ON_WORDS, SENTENCES, STORY_SLOTS
from bot.phrases import has_phrase, question_cues, spans
from bot.run_on_pairs import two_questions
from bot.understanding import numbers_in
from bot.unstated import asked_unstated

if TYPE_CHECKING:
    from bot.normalize import Normalized
    from bot.reading import Reader
    from bot.reply import Reply

LONGEST_TAIL = 22  # words: a spoken question is rarely longer
SHORTEST_TAIL = 3
_TIED = 1.0  # points: the whole message ranks two facts alike
_WHY = "figure_reason"  # "bà con hỏi sao mà yếu thế": a why told in the story, asked of no one


def spoken_question(reader: Reader, text: str, reply: Reply, uncut: str = "") -> str | None:
    """The tail of `text` that is its question, or None (see the module's docstring); else of
    the message `uncut`, when a preamble was cut from it ill ("… bác không nhớ | rõ cháu …");
    else `text` with a comma between two questions said in one go (bot/run_on_pairs.py)."""
    found = _spoken(reader, text, reply)
    if not found and uncut and uncut != text:
        found = _spoken(reader, uncut, reply)
    return found or two_questions(reader, text, reply)


def _spoken(reader: Reader, text: str, reply: Reply) -> str | None:
    # (a "why" inside the story, "bà con hỏi sao mà yếu thế", reads as asked what is unstated)
    if reply.status not in ("clarify", "fallback") or SENTENCES.search(text):
        return None
    if any(mark in text for mark in "?;:"):
        return None  # marked sentences are read as such (bot/last_sentence.py)
    matcher = reader.responder.matcher
    words = message_memo.words(matcher, text)
    whole = reader.match(text)
    if len(words.folded) < RUN_ON_WORDS or not whole.candidates:
        return None
    # "tôi là người ở Tuần Giáo … thì bên Điện Biên Đông …": another place in the story only
    refused = reader.responder.refusal(text, whole) is not None
    cues = question_cues(words.folded, words.tokens, reader.reading)
    if not cues:
        return None
    last_cue = cues[-1][0]
    found = spans(words.folded, reader.reading.spoken_pivots, words.tokens)
    # (no pause inside a noun's words: "chi phí đào tạo cho những người …" is one question;
    # but where only light words come before it, "là những năm trước …", the pause stays)
    not_pivots, light = reader.reading.not_pivots, reader.responder.light_words
    pivots = sorted(
        {
            b
            for a, b in found
            if (words.tokens[a].lower(),) not in not_pivots or light.issuperset(words.folded[:a])
        }
    )
    top = whole.candidates[0].score  # (two facts ranked as one: either, the tail says which)
    best = {c.intent.id for c in whole.candidates[:2] if c.score >= top - _TIED}
    for pause, start in zip([0, *pivots], pivots, strict=False):
        if not (SHORTEST_TAIL <= len(words.folded) - start <= LONGEST_TAIL) or start > last_cue:
            continue
        tail = " ".join(words.tokens[start:])
        named = _names_the_district(reader, tail) or _district_after_elsewhere(reader, words)
        if (refused or _elsewhere(reader, words)) and not named:
            continue
        if not _asks_it(reader, tail, best) or _before_says_more(reader, words, pause, start, tail):
            continue
        return tail
    return None


def _asks_it(reader: Reader, tail: str, best: set[str]) -> bool:
    """The tail, alone, is answered, and by the one fact the whole message ranks first — or by
    the parts of a group it is one of ("…, thế dưới 35 tuổi mà làm chủ chốt có bao nhiêu
    người": both levels)."""
    alone = reader.read_alone(tail)  # as it will be read: clause by clause
    if alone.status != "answer" or not set(alone.intents) & best:
        return False
    return len(alone.intents) == 1 or exact_group(reader.kb.groups, alone.intents) is not None


def _before_says_more(reader: Reader, words: Normalized, pause: int, start: int, tail: str) -> bool:
    """The words before the tail answer another fact, hold a number (a figure, a time), or
    name another place or time the tail does not set aside by naming the article's district
    ("ở tỉnh bên cạnh … thì có bao nhiêu …"; not "tôi ở Tuần Giáo … thì bên Điện Biên Đông …")."""
    before = " ".join(words.tokens[:start])
    if any(not _told_in_passing(reader, words, n, tail) for n in numbers_in(before)):
        return True  # a figure, or a time ("mười năm nữa … thì có bao nhiêu …")
    values = reader.responder.matcher.slot_values
    said = message_memo.words(reader.responder.matcher, tail)
    topic = message_memo.words(reader.responder.matcher, " ".join(words.tokens[pause:start]))
    if set(values(topic)) - STORY_SLOTS - set(values(said)):
        return True  # "… địa chính, tư pháp ở xã thì được đi học cái gì": what it is of, before
    match = reader.match(before)
    told = reader.responder.decide(before, match, None)
    alone = reader.single(tail, reader.match(tail), ())
    if told.status == "answer" and not set(told.intents) <= set(alone.intents):
        return True  # "… có bao nhiêu cán bộ đi học thạc sĩ rồi em cũng muốn biết là …": two
    said = message_memo.words(reader.responder.matcher, before)
    unstated = asked_unstated(" ".join(said.tokens), said.folded_text, reader.reading)
    # (asked by a cue of its own: "lương … bao nhiêu", not "có mấy đứa thanh niên giỏi")
    cued = any(b - a > 1 for a, b in question_cues(said.folded, said.tokens, reader.reading))
    if unstated is not None and unstated.id != _WHY and cued:
        return True  # "cho tôi hỏi lương cán bộ xã bao nhiêu một tháng mà …": asked, never said
    refused = reader.responder.refusal(before, match) is not None
    return refused and not (
        _names_the_district(reader, tail) or _district_after_elsewhere(reader, words)
    )


def _told_in_passing(reader: Reader, words: Normalized, number: str, tail: str) -> bool:
    """A number of the story that asks nothing: the speaker's age ("bác năm nay 68 tuổi", no
    "dưới" before it), or a figure of the very fact the tail asks ("nghị quyết năm 2011 …")."""
    at = [i for i, w in enumerate(words.folded) if w == number]
    if at and all(
        i + 1 < len(words.folded)
        and words.folded[i + 1] == "tuoi"
        and not (i and words.folded[i - 1] in _BOUNDS)
        for i in at
    ):
        return True
    alone = reader.read_alone(tail)
    return alone.status == "answer" and bool(
        set(alone.intents) & set(reader.responder.facts_with_figure(number))
    )


_BOUNDS = frozenset({"duoi", "tren", "qua", "ngoai", "toi", "den"})  # "dưới 35 tuổi": a bound


def _district_after_elsewhere(reader: Reader, words: Normalized) -> bool:
    """The article's district named after the other place the story mentions ("bác là người
    Hà Giang … nghị quyết của huyện ủy Điện Biên Đông …"): what is asked is set there."""
    outside = reader.responder.scope.words_outside(words)
    names = spans(words.folded, reader.reading.article_names, words.tokens)
    return bool(outside) and any(a > max(outside) for a, _ in names)


def _elsewhere(reader: Reader, words: Normalized) -> bool:
    """The message sets what it asks in another place or time (as typed: "tính" is no "tỉnh")."""
    return has_phrase(words.folded, reader.reading.spoken_elsewhere, words.tokens)


def _names_the_district(reader: Reader, text: str) -> bool:
    said = message_memo.words(reader.responder.matcher, text)
    return has_phrase(said.folded, reader.reading.article_names, said.tokens)
