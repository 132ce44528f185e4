"""Words at a question's start that only say where its answer is ("bài viết nói mục tiêu đào tạo
là gì?", "theo bài báo, …"), or ask what the article says of a thing ("bài này có nói gì về cán bộ
trẻ không?"): read past when what follows is answered on its own. A call before them ("cháu ơi,
…") is read past too; "bài viết nói về gì?" keeps them: it asks about the article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import message_words
from bot.normalize import clean
from bot.phrases import phrase_at, spans

if TYPE_CHECKING:
    from bot.reading import Reader

_YES_OR_NO = frozenset({"khong", "ko", "k", "chua", "hong", "ha", "a"})  # "… bài có nói … không?"
_ARTICLE = frozenset({"bai", "bao", "viet", "nay", "do", "phai", "dung"})  # "bài này phải không"


def without_frame(reader: Reader, question: str) -> str | None:
    """The question after its frame, or None when it has none (or the rest asks nothing alone)."""
    tables, reading = reader.kb.tables, reader.reading
    cleaned = clean(question, tables)
    words = message_words.letters(cleaned, tables)
    if not words.starts:
        return None  # "???": no words, no frame
    folded, filler = words.folded, reader.responder.matcher.lexicon.is_filler
    at = 0  # past a call at the start
    while at < len(folded) - 1 and filler(words.marked[at].lower(), folded[at]):
        at += 1
    of_a_topic = phrase_at(folded, reading.topic_frames, words.marked, at)
    size = at + (of_a_topic or phrase_at(folded, reading.source_frames, words.marked, at))
    if size == at and at:  # a frame opening with a filler word ("hình như bài nói …")
        size = phrase_at(folded, reading.source_frames, words.marked, 0) or at  # (else none)
    if size > at:  # "theo bài báo của Phong Vân, …": the article named by its author, read past
        size += phrase_at(folded, reading.inner_source_frames, words.marked, size)
    if size == at or size >= len(folded) or folded[size] in reading.frame_not_before:
        return _without_inner(reader, cleaned, words)
    return _answered(reader, cleaned[words.starts[size] :])


def _without_inner(reader: Reader, cleaned: str, words: message_words.Words) -> str | None:
    """ "Mục tiêu đào tạo được nêu trong bài là gì?", "Cán bộ trẻ, bài ghi bao nhiêu?": the
    question without the words inside it saying the article writes it, when the rest is
    answered alone."""
    found = spans(words.folded, reader.reading.inner_source_frames, words.marked)
    # … or a frame opening the part after a comma ("Cán bộ chủ chốt trẻ, bài ghi bao nhiêu?")
    # (not "…, bài nói về gì?", "…, bài có nói cụ thể không?": what the article says, asked)
    found += [
        (a, b)
        for a, b in spans(words.folded, reader.reading.source_frames, words.marked)
        if a > 0
        and "," in cleaned[words.ends[a - 1] : words.starts[a]]
        and b < len(words.folded)
        and words.folded[b] not in reader.reading.frame_not_before
        and words.folded[-1] not in _YES_OR_NO
    ]
    # "… trong bài là bao nhiêu?": from the frame's "là" on, the words ask and stay
    found = [(a, next((i for i in range(a, b) if words.folded[i] == "la"), b)) for a, b in found]
    # "… theo bài báo của Phong Vân?": a frame closing the question, with the one before it
    opening = {b: a for a, b in spans(words.folded, reader.reading.source_frames, words.marked)}
    found = [(opening.get(a, a), b) if b == len(words.folded) else (a, b) for a, b in found]
    inside = [(a, b) for a, b in found if a > 0 and b < len(words.folded)]
    closing = [(a, b) for a, b in found if a > 0 and b == len(words.folded)]
    for spans_tried in (inside, closing):  # a frame inside first, else one closing it
        if spans_tried:
            a, b = min(spans_tried, key=lambda span: (span[0], -span[1]))  # the first, longest
            rest = _without_span(reader, cleaned, words, a, b)
            if rest is not None:
                return rest
    return None


def _without_span(
    reader: Reader, cleaned: str, words: message_words.Words, a: int, b: int
) -> str | None:
    after = cleaned[words.starts[b] :] if b < len(words.folded) else ""
    rest = f"{cleaned[: words.ends[a - 1]]} {after}".rstrip()
    if not _names_more(reader, rest):
        return None  # "bài đăng ngày 6/8/2018 phải không?": the date itself is asked
    # (a frame the rest opens with read past too: "bài ngày 6/8/2018 nói gì về đảng viên")
    return without_frame(reader, rest) or _answered(reader, rest)


def _names_more(reader: Reader, rest: str) -> bool:
    """`rest` names more than the article and asks more than yes or no."""
    tables, reading = reader.kb.tables, reader.reading
    plain = reader.responder.light_words | _YES_OR_NO | _ARTICLE
    cues = {w for phrase in reading.yes_no_cues for w in phrase}
    return any(w not in plain and w not in cues for w in message_words.letters(rest, tables).folded)


def _answered(reader: Reader, rest: str) -> str | None:
    """`rest` when the reader answers it alone (a fact of both levels too: "bài nói bao nhiêu
    người học trung cấp?"), else None."""
    reply = reader.single(rest, reader.match(rest), ())
    return rest if reply.status == "answer" else None
