"""The question at the end of a message that first tells a story ("Chào bot. Em mới vào làm
công chức xã được 3 tháng, đang lo không biết có được cho đi học không. Bài … nói công chức cấp
xã được đào tạo tập trung vào cái gì vậy?"): the last sentence, when it alone is answered surely
and the sentences before it answer nothing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_memo
from bot.openers import requests
from bot.phrases import asks, has_phrase, phrase_at, question_cues, spans
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.reply import Reply

SENTENCES = re.compile(r"(?<=[.!?…])\s+")  # where one sentence ends and the next begins
_YEAR = re.compile(r"\b(19|20)\d\d\b")
SURE = 80  # the last sentence's score, alone, for the sentences before it to be left out


def last_question(reader: Reader, question: str) -> str | None:
    """The last sentence of `question` when it asks (and no earlier one does), is answered
    surely on its own, and what comes before it is neither answered nor a choice — or only
    restates a figure the article gives ("tôi nhớ bài nói có 1.066 người trình độ đại học. Còn
    trên đại học là bao nhiêu nhỉ, bạn nói giúp tôi nhé.")."""
    sentences = [s for s in SENTENCES.split(question.strip()) if s]
    if len(sentences) < 2 or any("?" in s for s in sentences[:-1]):
        return None  # one sentence, or questions before the last: read with it
    last, before = sentences[-1], " ".join(sentences[:-1])
    marked = last.endswith("?")
    if not marked and not asks(message_memo.words(reader.responder.matcher, last), reader.reading):
        return None
    # read before any matching: "Năm 2020 thì sao. …", "Không tính cấp xã. …" say what the
    # question is of (not "năm 1998 tôi cũng từng đi học …": the asker's own story)
    if any(_YEAR.search(s) and not _own_story(reader, s) for s in sentences[:-1]):
        return None
    if _limits(reader, before):
        return None
    closed = reader.preambles.without_closing(last) or last  # "…, bạn check giúp mình với?"
    relayed = reader.preambles.without_purpose(closed) or closed  # "Chị Hoa ở xã … hỏi …"
    framed = reader.preambles.without_frame(relayed) or relayed  # "Hình như bài nói … phải không?"
    alone = reader.single(framed, reader.match(framed), ())
    if alone.status != "answer" or alone.score < SURE:
        return None
    refused = [s for s in sentences[:-1] if reader.responder.refusal(s, reader.match(s))]
    # "Mình hỏi về tỉnh Lai Châu. …" is refused as such (not "Tôi ở Hà Nội. …", nor a story
    # of the asker's own: "năm 1998 tôi cũng từng đi học …. Bài này ai viết?", nor a place
    # set against the article's named in the question: "… ở quê bác …. Rứa ở Điện Biên Đông, …?")
    chat = not _points_at_a_place(reader, last)  # "…. Ở đó có bao nhiêu …?": that place's
    if not _names_article_place(reader, last, refused) and not all(
        reader.several.introduces(reader.match(s))
        or _own_story(reader, s)
        or (chat and _chat(reader, s))
        for s in refused
    ):
        return None
    told = reader.responder.decide(before, reader.match(before), None)
    if marked and (
        told.status in ("fallback", "smalltalk") or _tells_nothing(reader, before, told)
    ):
        return last
    if _forgot(reader, before, alone.intents):  # "… mà quên ai viết. Tác giả là ai (?)"
        return last
    words = message_memo.words(reader.responder.matcher, last)
    concludes = phrase_at(words.folded, reader.reading.concluding_openers, words.tokens, 0)
    # "…. Vậy công chức cấp xã thì …?": what the story leads to — never past a question of its
    # own ("Bài này ai viết. Vậy …?") nor a figure checked ("… 1.999 đúng không. Vậy …?")
    own = told.status == "answer" and not set(told.intents) <= set(alone.intents)
    if marked and concludes and not own and not numbers_in(before):
        return last
    return last if _restates(reader, before, told, alone.intents) else None


def _names_article_place(reader: Reader, sentence: str, refused: list[str]) -> bool:
    """Whether the sentence names the article's district by its name ("Rứa ở Điện Biên Đông,
    …?"; not "ở đó", "huyện kia": the other place just named) after places refused, never a
    time ("Tôi cần số liệu năm ngoái. …": refused as such)."""
    words = message_memo.words(reader.responder.matcher, sentence)
    if not has_phrase(words.folded, reader.reading.article_names, words.tokens):
        return False
    times = reader.reading.time_words
    return not any(
        has_phrase(message_memo.words(reader.responder.matcher, s).folded, times) for s in refused
    )


def _own_story(reader: Reader, sentence: str) -> bool:
    """The asker tells what they once did, asking nothing ("năm 1998 tôi cũng từng đi học …";
    not "Tôi hỏi về tỉnh Lai Châu.", "Tôi cần số liệu năm 2020.": what the question is of)."""
    words = message_memo.words(reader.responder.matcher, sentence)
    if requests(words, reader.reading) or sentence.rstrip().endswith("?"):
        return False  # ("mấy chục cây số" in a story asks nothing)
    told = has_phrase(words.folded, reader.reading.story_words, words.tokens)
    return told and has_phrase(words.folded, reader.reading.asker_words, words.tokens)


def _points_at_a_place(reader: Reader, sentence: str) -> bool:
    """ "Ở đó …", "huyện đó …": the place said before, never the article's named."""
    words = message_memo.words(reader.responder.matcher, sentence)
    reading = reader.reading
    pointed = has_phrase(words.folded, reading.article_place, words.tokens)
    return pointed and not has_phrase(words.folded, reading.article_names, words.tokens)


def _chat(reader: Reader, sentence: str, cues: list[tuple[str, ...]] | None = None) -> bool:
    """What the asker's day is like ("hôm nay Sài Gòn mưa quá trời mà deadline thì dí sát
    nút."): a place, and nothing asked, requested, counted or named of any fact (not "Tôi cần
    số liệu năm 2020.", "Ở Lai Châu có 500 cán bộ.", "Tôi quan tâm đến huyện Mường Nhé.": what
    the question is of). `cues`: the question words to go by, when not every one asks ("…
    nhưng không hiểu hết": a "không" with words after it denies)."""
    words = message_memo.words(reader.responder.matcher, sentence)
    reading = reader.reading
    return not (
        sentence.rstrip().endswith("?")
        or (asks(words, reading) if cues is None else bool(cues))
        or requests(words, reading)
        or has_phrase(words.folded, reading.fact_requests, words.tokens)
        or has_phrase(words.folded, reading.interest_words, words.tokens)
        or numbers_in(sentence)
        or reader.responder.matcher.names_a_value(words)
    )


def _restates(reader: Reader, before: str, told: Reply, asked: tuple[str, ...]) -> bool:
    """The sentences before ask nothing and restate figures the article gives, of facts the
    question after them does not ask (and name no other fact surely)."""
    words = message_memo.words(reader.responder.matcher, before)
    if asks(words, reader.reading):
        return False
    owners = [set(reader.responder.facts_with_figure(n)) for n in numbers_in(before)]
    if not owners or not all(owners) or any(o & set(asked) for o in owners):
        return False
    return told.status != "answer" or set(told.intents) <= set().union(*owners)


def _tells_nothing(reader: Reader, before: str, told: Reply) -> bool:
    """The sentences before are only the asker's remark of themselves ("toi moi doc bai nay
    nhung khong hieu het."): near nothing surely, and asking, requesting, counting or naming a
    value of nothing — never a fragment naming the topic ("Chưa vào đảng. Bao nhiêu người?")."""
    if told.status != "clarify":
        return False
    words = message_memo.words(reader.responder.matcher, before)
    if not has_phrase(words.folded, reader.reading.remark_askers, words.tokens):
        return False
    said = before.rstrip(" .!…")
    return _chat(reader, said, cues=_cues(reader, said))


def _forgot(reader: Reader, before: str, asked: tuple[str, ...]) -> bool:
    """The asker read the article but forgot, or could not find, what the question after asks
    ("Tôi đọc bài này trên báo mà quên ai viết. Tác giả là ai?"): their story, not a question."""
    words = message_memo.words(reader.responder.matcher, before)
    if not has_phrase(words.folded, reader.reading.remark_askers, words.tokens):
        return False
    found = spans(words.folded, reader.reading.forgetting_words, words.tokens)
    if not found or found[-1][1] >= len(words.tokens):
        return False
    what = " ".join(words.tokens[found[-1][1] :])
    reply = reader.single(what, reader.match(what), ())
    guesses = reply.intents or tuple(s.intent_id for s in reply.suggestions[:1])
    return bool(guesses) and set(guesses) <= set(asked)


def _limits(reader: Reader, text: str) -> bool:
    """ "Không tính cấp xã.": what the answer is to leave out, said before the question."""
    words = message_memo.words(reader.responder.matcher, text)
    return has_phrase(words.folded, reader.reading.exclusion_cues, words.tokens)


RUN_ON_WORDS = 16  # a message this long without a sentence mark may be a story said in one go
STORY_SLOTS = {"role", "ask"}  # "cán bộ": whom a story is about, never what it asks
LEAD = 7  # words at most before the last question word that may still be the question's own


def run_on_question(reader: Reader, text: str, reply: Reply) -> str | None:
    """The question at the end of a message said in one go, without a sentence mark (voice
    typing: "ông hỏi tí nhé hôm qua nghe đài … tai nghễnh ngãng có bao nhiêu người được cử đi
    học đại học"): the longest tail from a few words before its last question word that is
    answered surely alone by the fact the whole message ranks first (the bot knew and did not
    dare), when the whole is not answered and nothing in it is out of scope; the words left
    before the tail hold no question word (the tail keeps every one), no article figure and no
    value, and are answered by nothing, and they say the asker asks ("ông hỏi tí nhé")."""
    if reply.status not in ("clarify", "fallback") or reply.unstated or SENTENCES.search(text):
        return None
    spoken = text.split()
    whole = reader.match(text)
    if len(spoken) < RUN_ON_WORDS or not whole.candidates or reader.responder.refusal(text, whole):
        return None
    last_cue = next(
        (
            i
            for i in range(len(spoken) - 1, -1, -1)
            if asks(
                message_memo.words(reader.responder.matcher, " ".join(spoken[i:])), reader.reading
            )
        ),
        None,
    )
    if last_cue is None:
        return None
    for start in range(max(1, last_cue - LEAD), last_cue + 1):
        tail, before = " ".join(spoken[start:]), " ".join(spoken[:start])
        alone = reader.single(tail, reader.match(tail), ())
        if alone.status != "answer" or alone.score < SURE:
            continue
        if alone.intents != (whole.candidates[0].intent.id,):
            return None  # the tail must bear out the whole's best guess, never another fact
        if not _asks_alike(reader, tail, text) or _says_what_of(reader, before):
            return None  # "Năm nào huyện cử 26 người …": what is asked, or of what, is before
        if not _says_it_asks(reader, " ".join(spoken[:last_cue])):
            return None  # "ở tỉnh bên cạnh … thì có bao nhiêu người …": the topic, not a story
        told = reader.responder.decide(before, reader.match(before), None)
        return tail if told.status != "answer" else None
    return None


def _asks_alike(reader: Reader, tail: str, text: str) -> bool:
    """The tail keeps every question word of the whole and asks what it asks ("năm nào" is a
    year: "nào thì huyện cử …" without "năm" asks something else)."""
    values = reader.responder.matcher.slot_values
    said, whole = (message_memo.words(reader.responder.matcher, t) for t in (tail, text))
    return _cues(reader, tail) == _cues(reader, text) and values(said).get("ask") == values(
        whole
    ).get("ask")


def _cues(reader: Reader, text: str) -> list[tuple[str, ...]]:
    """The question words of `text`, folded, but a "không" with words after it: it denies ("ông
    không nghe rõ"), it asks only at the end."""
    words = message_memo.words(reader.responder.matcher, text)
    yes_no = {p for p in reader.reading.yes_no_cues if len(p) == 1}
    last = len(words.folded)
    return [
        tuple(words.folded[a:b])
        for a, b in question_cues(words.folded, words.tokens, reader.reading)
        if not (b == a + 1 and b < last and tuple(words.folded[a:b]) in yes_no)
    ]


def _says_what_of(reader: Reader, before: str) -> bool:
    """The words before a run-on question say what it is of: an article figure, a value of a
    slot other than whom it is about ("Trong số 712 người được cử đi học đại học có …")."""
    if any(reader.responder.facts_with_figure(n) for n in numbers_in(before)):
        return True
    words = message_memo.words(reader.responder.matcher, before)
    return bool(set(reader.responder.matcher.slot_values(words)) - STORY_SLOTS)


def _says_it_asks(reader: Reader, before: str) -> bool:
    """The story says the asker is asking ("ông hỏi tí nhé …", "… hỏi chơi cái máy này"), and
    nothing after that says what the question is of: no "thì" making it the topic ("…, ở
    tỉnh bên cạnh nơi con gái tôi lấy chồng thì có bao nhiêu người …")."""
    words = message_memo.words(reader.responder.matcher, before)
    opened = [b for _, b in spans(words.folded, reader.reading.question_openers, words.tokens)]
    opened += [i + 1 for i, t in enumerate(words.tokens) if t in _ASKING]
    return bool(opened) and not any(t in _TOPIC_MARKS for t in words.tokens[max(opened) :])


_TOPIC_MARKS = {"thì", "thi"}  # "X thì có bao nhiêu …": X is what the question is of
_ASKING = {"hỏi"}  # "… buồn quá nên hỏi cái máy này …": the asker says so, as an opener does
