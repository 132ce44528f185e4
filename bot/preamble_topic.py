"""A bare question whose subject was said in the preamble before it ("Mình viết về cán bộ trẻ,
cần số liệu cán bộ chủ chốt dưới 35 tuổi. Trong bài, riêng cấp xã có bao nhiêu người?"): read
as it would be read after an answer with those facts, when it then asks of one of them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from bot import message_memo
from bot.last_sentence import SENTENCES
from bot.phrases import has_phrase, spans
from bot.topic_heads import TOPIC_LABEL

if TYPE_CHECKING:
    from bot.normalize import Normalized
    from bot.reading import Reader
    from bot.reply import Reply

_PIECES = re.compile(r"\s*[,;:]\s*")
TOPIC_WORDS = 3  # fewer words name no topic ("Trong bài,", "Dạ,")
TOPICS_READ = 4  # sentences and pieces read, from the question back, at most


def of_the_preamble(reader: Reader, text: str, asked: str, reply: Reply) -> Reply | None:
    """`asked` (the question left of `text` once its preamble is set aside) read against the
    facts the preamble names last — when `asked` names nothing but slot values ("riêng cấp xã
    bao nhiêu?") and that reading gives some of those facts, others than `reply` (alone) does."""
    asked = [s for s in SENTENCES.split(asked.strip()) if s][-1]  # "… về đảng viên. Cấp xã?"
    at = text.lower().rfind(asked.lower())
    before = text[:at].strip() if at > 0 else ""
    if not before or not reader.several.only_values(reader.match(asked)):
        return None
    for said in _topics(before):
        topic = reader.read_alone(said)
        if topic.status == "clarify":
            continue  # "Hello, mình viết khóa luận …, phần này cần số liệu …": its pieces
        if topic.status != "answer" or not _of_facts(reader, topic):
            return None  # the nearest topic names no fact: the question stands alone
        read = reader.read_alone(asked, topic.intents)
        if read.status == "answer" and read.intents and set(read.intents) <= set(topic.intents):
            return None if read.intents == reply.intents else read
        # "Mình hỏi về đảng viên. Cấp xã bao nhiêu?": the article counts them for all levels
        return read if read.status == "fallback" and read.unstated else None
    return None


def _topics(before: str) -> Iterator[str]:
    """The preamble's sentences from the last back, each whole then its pieces from the last."""
    read = 0
    for sentence in reversed([s for s in SENTENCES.split(before) if s.strip()]):
        pieces = [p for p in _PIECES.split(sentence.strip(" .!…")) if p]
        for said in dict.fromkeys((sentence, *reversed(pieces))):
            if len(said.split()) < TOPIC_WORDS:
                continue
            read += 1
            if read > TOPICS_READ:
                return
            yield said


def _of_facts(reader: Reader, topic: Reply) -> bool:
    """Facts of the article's content (not smalltalk, not the article's own data)."""
    kinds = {i.kind for i in map(reader.kb.intent, topic.intents) if i is not None}
    return bool(kinds) and kinds <= {"fact"}


def corrects(reader: Reader, words: Normalized) -> bool:
    """ "ý mình là 712 người đi học đại học": what the asker meant, never who they are ("mình
    là" inside "ý mình là", an opener)."""
    openers = spans(words.folded, reader.reading.question_openers, words.tokens)
    found = spans(words.folded, reader.reading.introductions, words.tokens)
    return all(any(a <= c and d <= b for a, b in openers) for c, d in found)


def figure_requested(reader: Reader, before: str) -> str | None:
    """The last piece before the question when it asks for figures of a topic ("…. Giờ mình
    cần con số về bồi dưỡng QLNN chương trình chuyên viên"): the question's subject."""
    sentence = SENTENCES.split(before.strip())[-1]
    piece = re.split(r"[,;]", sentence)[-1].strip(" :-–")  # "…, tôi cần con số": no topic
    words = message_memo.words(reader.responder.matcher, piece)
    return piece if request_topic(reader, words) is not None else None


def request_topic(reader: Reader, words: Normalized) -> str | None:
    """What a request for figures asks for ("mình đang cần con số đảng viên trong đội ngũ cán
    bộ" → "đảng viên trong đội ngũ cán bộ"), when it names something; else None ("Mình đang
    cần con số." asks for nothing yet)."""
    found = spans(words.folded, reader.reading.fact_requests, words.tokens)
    if not found:
        return None
    topic = " ".join(words.tokens[found[-1][1] :])
    named = reader.responder.matcher.names_a_value(
        message_memo.words(reader.responder.matcher, topic)
    )
    return topic if named else None


def says_who_asks(reader: Reader, before: str) -> bool:
    """ "Bạn đọc hỏi", "Một cử tri hỏi": who asks, then the verb (never a topic label); "ê bot,
    sếp mình quê Điện Biên, hỏi giùm": for whom, then the request, naming nothing asked."""
    matcher = reader.responder.matcher
    words = message_memo.words(matcher, before)
    last = message_memo.words(matcher, before.rsplit(",", 1)[-1])
    if "," in before and has_phrase(last.folded, reader.reading.question_openers, last.tokens):
        return len(last.folded) <= TOPIC_LABEL and not matcher.names_a_value(words)
    if "," in before or not words.tokens or len(words.tokens) > TOPIC_LABEL:
        return False  # "Về cán bộ trẻ, em hỏi: …": a topic, then who asks
    asker = words.tokens[-1] in ("hỏi", "hoi")
    return asker and not matcher.names_a_value(words)


def question_past_closing(reader: Reader, text: str) -> str | None:
    """The question after a preamble in a message closed by thanks ("Hi bạn, mình đang làm bài
    …, ai là người phát biểu vậy? Thanks nha"): read without the closing, what follows the
    preamble there; None when nothing closes it."""
    closed = reader.preambles.without_closing(text)
    return reader.preambles.question_after(closed) if closed else None
