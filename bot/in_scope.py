"""What the article does say, offered beside a refusal: "Huyện Mường Nhé có bao nhiêu cán bộ?"
gets that the article speaks of Điện Biên Đông only, with its own figure offered; "vậy Điện
Biên Đông thì sao?", "thế bây giờ?" or "có" then takes it (bot/picks.py). Only intent ids are
kept for the next message, never the words asked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.phrases import asks, has_phrase, only_phrases, spans
from bot.reply import Reply, suggestion_of

if TYPE_CHECKING:
    from bot.matcher import Match
    from bot.reading import Reader
    from bot.understanding import Clause


def offered_in_scope(reader: Reader, question: str, match: Match, refusal: Reply) -> Reply:
    """`refusal`, with what the same question gets of the article's own district and time
    offered (the words of another place or year left out) when that is an answer."""
    dropped = reader.responder.scope.words_outside(match.question)
    tokens = match.question.tokens
    rest = " ".join(t for i, t in enumerate(tokens) if i not in dropped)
    if not dropped or not rest.strip() or len(dropped) == len(tokens):
        return refusal
    reply = reader.single(rest, reader.match(rest), ())
    intents = [i for i in (reader.kb.intent(x) for x in reply.intents) if i is not None]
    if reply.status != "answer" or not intents or any(i.kind != "fact" for i in intents):
        return refusal
    messages = reader.kb.messages
    suggestions = tuple(suggestion_of(i) for i in intents)
    said = refusal.text.split("\n", 1)[0]  # why the article cannot, without its topics
    lines = [said, messages.fallback_in_scope, *(f"• {s.question}" for s in suggestions)]
    return replace(
        refusal, text="\n".join(lines), suggestions=suggestions, context=tuple(reply.intents)
    )


def names_only_the_article(reader: Reader, match: Match) -> bool:
    """ "vậy Điện Biên Đông thì sao?", "thế bây giờ?", "vậy tính đến lúc viết bài thì tổng là
    bao nhiêu": the article's own district or time, and nothing else (the whole of what it
    counts, at most) — after a refusal, what it offered."""
    words, marked = match.question.folded, match.question.tokens
    reading = reader.reading
    now = [
        (a, b)
        for a, b in spans(words, reading.article_now, marked)
        if tuple(marked[a:b]) != ("này",)
    ]
    found = spans(words, reading.article_place, marked) + now  # ("bài này": this, not now)
    if found:
        found += spans(words, reading.total_cues, marked)
    inside = {i for a, b in found for i in range(a, b)}
    light = reader.responder.light_words
    return bool(found) and all(i in inside or w in light for i, w in enumerate(words))


def refused_in_preamble_only(reader: Reader, clauses: Sequence[Clause]) -> bool:
    """ "Mình ở Hà Nội lên …, bài này đăng ngày nào?": another place named only where the
    asker says who they are, not in what they ask."""
    if len(clauses) < 2:
        return False

    def refused(text: str) -> bool:
        return reader.responder.refusal(text, reader.match(text)) is not None

    if refused(clauses[-1].text):
        return False
    # a refusal no clause makes alone spans them ("Cao cấp LLCT là gì vậy, khác gì trung cấp?")
    before = [c for c in clauses[:-1] if refused(c.text)]
    # "…, vì ở nhiều nơi người ta phàn nàn …. Ở Điện Biên Đông còn … không?": told, then asked
    if before and all(_told(reader, c) for c in before):
        last = clauses.index(before[-1])
        if any(c.asks and _of_the_article(reader, c) for c in clauses[last + 1 :]):
            return True
    return bool(before) and all(reader.several.introduces(reader.match(c.text)) for c in before)


def _of_the_article(reader: Reader, clause: Clause) -> bool:
    """The clause names the article's district, or the article ("Bài này ai …?") and points
    back at nothing of the story ("Theo bài báo ở đó có bao nhiêu …?": the place told)."""
    said = reader.words(clause.text)
    if has_phrase(said.folded, reader.reading.article_names, said.tokens):
        return True
    mentions = has_phrase(said.folded, reader.reading.article_mentions, said.tokens)
    return mentions and not _POINTERS & set(said.folded)


_POINTERS = frozenset({"do", "ay", "kia", "that", "there"})  # "ở đó", "huyện ấy", "năm đó"


def _told(reader: Reader, clause: Clause) -> bool:
    """A statement of the story, set elsewhere or at another time ("vì ở nhiều nơi người ta phàn
    nàn …", "trong đề thi năm ngoái có câu …") — not the data it asks for ("tôi cần số liệu năm
    ngoái": every figure after it is of that year)."""
    if clause.asks or any(ch.isdigit() for ch in clause.text):
        return False  # ("Lào Cai đã cử 500 người đi học. Theo bài thì bao nhiêu?": compared)
    words = reader.words(clause.text)
    if reader.responder.scope.by_rule(words) == reader.kb.messages.fallback_out_of_scope:
        return True  # another place
    return not has_phrase(words.folded, reader.reading.figure_things, words.tokens)


def names_only_the_place(reader: Reader, match: Match) -> bool:
    """ "Không biết ở Điện Biên Đông, …": the article's own district named, and nothing else;
    or the article itself ("quay lại bài: …", "em hỏi bài này, …")."""
    words = match.question
    place = has_phrase(words.folded, reader.reading.article_place, words.tokens)
    if place:
        return names_only_the_article(reader, match)
    if asks(words, reader.reading):
        return False  # "Bài này nói về chuyện gì, …": what it is about, asked
    return only_phrases(words, reader.reading.article_itself, reader.responder.light_words)
