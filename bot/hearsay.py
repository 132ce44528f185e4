"""Who said a claim before the claim a message checks ("Có người đăng lên mạng rằng huyện có
1.999 cán bộ, công chức. Con số đó có đúng với bài không?", "Có người nói rằng …"): the words
up to "rằng" only say where the claim was read. Read with them, "đăng" and "nói" asked when the
article was posted or who spoke in it; the claim is read without them (its figures are checked
when the message has words of checking: claims.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.last_sentence import SENTENCES
from bot.phrases import asks, has_phrase, outside, own_words, question_cues, spans
from bot.understanding import MEN, numbers_in

if TYPE_CHECKING:
    from bot.kb import KnowledgeBase
    from bot.reading import Reader
    from bot.reply import Reply

# "rằng" as written (bare "rang" is also "răng", "ra răng": how, in Central speech); the
# sentence it ends the frame of starts after a stop
_THAT = re.compile(r"(?:^|(?<=[.!?]))([^.!?]*?)\b([Rr]ằng)\b[\s,:]*")
FRAME_WORDS = 10  # words at most before "rằng" in a frame ("một bài đăng trên Facebook …")
CLAIM_WORDS = 2  # words of its own at least in what the frame reports


def without_hearsay(reader: Reader, text: str) -> str | None:
    """`text` without the frame of the first claim it reports, or None when it reports none:
    the words before "rằng" in its sentence, when they name where the claim was heard, ask
    nothing and write no figure, and what follows claims something of its own."""
    found = _THAT.search(text)
    if found is None:
        return None
    frame = found.group(1)
    words = reader.words(frame)
    if not 0 < len(words.tokens) <= FRAME_WORDS or numbers_in(frame):
        return None
    if question_cues(words.folded, words.tokens, reader.reading):
        return None  # "ai nói rằng …", "bài có nói rằng … không": the frame is asked
    if not has_phrase(words.folded, reader.reading.hearsay_sources, words.tokens):
        return None  # "ông Thanh nói rằng …", "tôi cứ tưởng rằng …": the frame is the subject
    rest = text[found.end() :].strip()
    said = reader.words(rest)
    own = own_words(said.folded, said.tokens, reader.reading, reader.responder.light_words)
    if len(own) < CLAIM_WORDS:
        return None  # "có người nói rằng gì?": nothing claimed
    return f"{text[: found.start(1)]}{rest}".strip()


def without_speaker(reader: Reader, text: str) -> str | None:
    """ "(còn) ông Thanh nói chọn cán bộ đi học thế nào": the question after the frame naming the
    person quoted as its speaker, when the rest names something of its own and the article
    answers it (or nearly: asked back about); None otherwise ("ông Thanh nói gì?")."""
    words = reader.words(text)
    folded, tokens, reading = words.folded, words.tokens, reader.reading
    opened = max(
        (b for a, b in spans(folded, reading.speaker_openers, tokens) if a == 0), default=0
    )
    frame = max(
        (b for a, b in spans(folded, reading.speaker_frames, tokens) if a == opened), default=0
    )
    if not frame:
        return None
    about = max(
        (b for a, b in spans(folded, reading.speaker_about, tokens) if a == frame), default=frame
    )
    rest = " ".join(tokens[about:])
    if any(t.lower() in MEN for t in tokens[about:]):
        return None  # "ông Thanh nói tên ông ấy là gì": of himself
    said = reader.words(rest)
    own = own_words(said.folded, said.tokens, reading, reader.responder.light_words)
    if len(own) < CLAIM_WORDS:
        return None
    rest += "?" if text.rstrip().endswith("?") else ""
    if reader.single(rest, reader.match(rest), ()).status == "fallback":
        return None  # "ông Thanh nói về vấn đề gì": what he said, asked of him
    return rest


def of_what_was_said(reader: Reader, text: str) -> str | None:
    """ "Có người bảo huyện cử đi học tràn lan. Bài báo nói gì về chuyện này?": the sentences
    before a last one that asks only what the article says of "this" (it names nothing of its
    own) — what they tell is what is asked; None otherwise."""
    sentences = [s for s in SENTENCES.split(text.strip()) if s]
    # "… số học viên TCLLCT, bài viết ghi thế nào?": a statement, then what the article says of it
    head, _, tail = text.rpartition(",")
    if len(sentences) < 2 and head.strip() and not asks(reader.words(head), reader.reading):
        sentences = [head, tail]
    if len(sentences) < 2:
        return None
    words = reader.words(sentences[-1])
    folded, tokens, reading = words.folded, words.tokens, reader.reading
    pointed = spans(folded, reading.said_pointers, tokens)
    if not pointed:
        return None
    rest = outside(folded, pointed)
    article = reader.kb.conversation.article_words  # "bài báo nói gì về …"
    light = reader.responder.light_words | {w for phrase in article for w in phrase.split()}
    if own_words(rest, rest, reading, light):
        return None  # "… Bài nói gì về chuyện này và về số đảng viên?": more of its own
    story = " ".join(sentences[:-1])
    story = without_hearsay(reader, story) or story
    alone = reader.read_alone(story)
    if alone.status not in ("answer", "clarify") and not alone.unstated:
        return None  # a story the article answers nothing of: what it says, asked as before
    # (one it says nothing of a part of, "… ghi 11 người trình độ tiến sĩ", is what is asked)
    return " ".join(sentences[:-1])


def who_said(reader: Reader, text: str) -> Reply | None:
    """ "ai nói là không còn cử đi học tràn lan?", "… là lời của ai?": the person the article
    quotes, when what the message says was said is what it quotes them saying (a fact it
    answers alone whose evidence lies in the quote); None otherwise."""
    words = reader.words(text)
    folded, tokens, reading = words.folded, words.tokens, reader.reading
    first = max((b for a, b in spans(folded, reading.who_said, tokens) if a == 0), default=0)
    closers = reading.who_said_after + (reading.who_said_closers if first else ())
    last = min(
        (a for a, b in spans(folded, closers, tokens) if b == len(folded)), default=len(folded)
    )
    if not first and last == len(folded):
        return None
    said = reader.words(" ".join(tokens[first:last]))
    own = own_words(said.folded, said.tokens, reading, reader.responder.light_words)
    if len(own) < CLAIM_WORDS:
        return None  # "ai nói vậy?": of the last answer, a follow-up
    # "ai phát biểu trong bài? ông ấy nói ai lập kế hoạch …": two questions (a "không" opening
    # what was said is its negation: "ai nói là không còn …")
    cues = question_cues(said.folded, said.tokens, reading)
    if len(SENTENCES.split(text.strip())) > 1 or any(a > 0 for a, _ in cues):
        return None
    told = reader.read_alone(" ".join(said.tokens))
    speaker = reader.kb.conversation.by_ask.get("speaker", "")
    if told.status != "answer" or not set(told.intents) <= quoted_facts(reader.kb, speaker):
        return None  # "ai nói huyện có 1.999 cán bộ?": the article tells it, quoting no one
    return reader.responder.answer_intent(speaker, question=text)


_QUOTED: dict[tuple[object, ...], frozenset[str]] = {}  # per article, evidence and speaker


def quoted_facts(kb: KnowledgeBase, speaker: str) -> frozenset[str]:
    """The facts whose every evidence lies in the paragraph quoting `speaker` after their
    words ("Ông Ngô Văn Thanh, …, cho biết: …"), worked out once per KB."""
    key = (kb.article_text, speaker, tuple((i.id, i.evidence) for i in kb.intents))
    if key not in _QUOTED:
        fact = kb.intent(speaker)
        heads = fact.evidence if fact is not None else ()
        quotes = [
            p[p.index(h) + len(h) :] for p in kb.article_text.split("\n") for h in heads if h in p
        ]
        _QUOTED[key] = frozenset(
            i.id
            for i in kb.intents
            if i.id != speaker
            and i.evidence
            and all(any(e in q for q in quotes) for e in i.evidence)
        )
    return _QUOTED[key]
