"""Where the question starts in a message that opens it with words of its own ("…, cho em
hỏi: …", "bà em hỏi là …", "Báo cáo: hiện có …"): the last opener or colon, and what comes
before it, for bot/preambles.py to judge."""

from __future__ import annotations

import re

from bot import message_words
from bot.kb.model import Understanding
from bot.normalize import Normalized, Tables, clean, fold
from bot.phrases import ends_with, has_phrase, only_phrases, outermost, phrase_at, spans

_WORD = message_words.WORD
VOCATIVE_NAME = 2  # words at most after a word of address ("thưa đồng chí", "thưa anh Thanh")
_COLON = re.compile(r"(?<!\d):|:(?!\d)")  # not in a time (08:37); "năm 2018: …" is a colon
_STOP = re.compile(r"[.?!]")  # a sentence's end
_MARK = re.compile(r"\s*[,.!;:]")  # a mark right after a word
_PIECES = re.compile(r"[,;:.!?](?=.*\w)")  # a mark with more words after it


def after_opener(text: str, reading: Understanding, tables: Tables) -> tuple[str, str] | None:
    """(what comes before, the question) around the last question opener ("…, cho em hỏi:
    tiêu đề bài là gì?"), or None when the message has none after its first word."""
    cleaned = clean(text, tables)
    words = message_words.words(cleaned, tables)
    denied = phrase_at(words.folded, reading.correction_openers, words.marked, 0)
    # (one clause after it: "Không, cấp huyện 10 người là đúng rồi, còn …?" asks on its own)
    single = 0 < denied < len(words.starts) and not _PIECES.search(
        cleaned, words.ends[denied - 1] + 1
    )
    if single and _MARK.match(cleaned, words.ends[denied - 1]):
        # "ko phải, huyện cơ": what was meant, after its own opener ("ko phải, ông hỏi huyện")
        said = phrase_at(words.folded, reading.question_openers, words.marked, denied)
        meant = denied + said if denied + said < len(words.starts) else denied
        return "", cleaned[words.starts[meant] :]
    # where the question may start: an opener, or right after a colon ("…báo cáo: hiện có …")
    openers = [  # never across a sentence's end ("… không? Nhờ bạn …" is no "không nhớ")
        (a, b)
        for a, b in spans(words.folded, reading.question_openers, words.marked)
        if not _STOP.search(cleaned, words.starts[a], words.ends[b - 1])
    ]
    starts = [
        (words.starts[a], words.ends[b - 1])  # the opener asks nothing itself
        for a, b in outermost(openers)
        # "…, cho mình xin với": no question after it; "bà em hỏi là …" opens a relayed one
        # (relayed: a word after it is a question, "ông hỏi huyện"; else two, "cho hỏi gì")
        if ((relayed := _relayed(words, reading, a)) or a > 0)
        and b + (not relayed) < len(words.starts)
        # (nor one closing its sentence: "Tôi đọc rồi mà giờ quên mất. Bài nói …?")
        and not _STOP.match(cleaned[words.ends[b - 1] :].lstrip())
    ]
    starts += [
        (colon.start(), colon.end())
        for colon in _COLON.finditer(cleaned)
        if _WORD.search(cleaned[: colon.start()])
        and _WORD.search(cleaned[colon.end() :])
        and not _lists_parts(cleaned[: colon.start()], reading, tables)
    ]
    if not starts:
        return None
    cut, resume = max(starts)
    before = message_words.words(cleaned[:cut], tables)
    found = spans(before.folded, reading.question_openers, before.marked)
    # … and a call before them ("ad ơi, cô e bảo: …"): whom it addresses, then "ơi"
    found += [
        (0, b)
        for a, b in spans(before.folded, reading.calls, before.marked)
        if phrase_at(before.folded, reading.call_addressees, before.marked, 0) == a > 0
    ]
    if found and all(  # "Can you tell me: …", "Dạ ông hỏi: …": only an opener before the colon
        any(a <= i < b for a, b in found) or w in reading.opening_particles
        for i, w in enumerate(before.folded)
    ):
        return "", cleaned[resume:]
    return cleaned[:cut], cleaned[resume:]


def _relayed(words: Normalized, reading: Understanding, at: int) -> bool:
    """An opener at the message's start that relays a question ("bà em hỏi là …")."""
    return at == 0 and bool(phrase_at(words.folded, reading.relayed_openers, words.marked, 0))


def without_joiner(before: str, reading: Understanding, tables: Tables) -> str:
    """What comes before an opener, without a joiner that ends it ("mục tiêu … là gì, đồng thời
    đề nghị"): what it asks is read as said (understanding.yaml `request_joiners`)."""
    words = before.rstrip(" ,;:-–").split()
    folded = [fold(w.strip(",;:.!?").lower(), tables) for w in words]
    for joiner in reading.request_joiners:
        if len(joiner) < len(folded) and tuple(folded[-len(joiner) :]) == joiner:
            return " ".join(words[: -len(joiner)])
    return before


def _lists_parts(before: str, reading: Understanding, tables: Tables) -> bool:
    """ "… được đào tạo gồm: A, B và C": the colon opens the parts of what it follows."""
    return ends_with(message_words.words(before, tables).folded, reading.parts_after)


def tells_me(words: Normalized, reading: Understanding, light_words: frozenset[str]) -> bool:
    """ "nói cho em với", "trả lời giúp": nothing but asking to be told (closing a question)."""
    return only_phrases(words, reading.closing_requests, light_words)


def addresses(words: Normalized, reading: Understanding) -> bool:
    """ "thưa đồng chí", "dạ thưa anh": a short piece opening with a word of address."""
    at = phrase_at(words.folded, reading.vocatives, words.tokens, 0) if words.folded else 0
    return bool(at) and len(words.folded) - at <= VOCATIVE_NAME


def requests(words: Normalized, reading: Understanding) -> bool:
    """ "cho mình xin tên tác giả": a request asks, though by no question word."""
    return has_phrase(words.folded, reading.question_openers, words.tokens)
