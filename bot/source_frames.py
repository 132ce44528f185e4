"""Words at a question's start that only say where its answer is ("bài viết nói mục tiêu đào tạo
là gì?", "theo bài báo, …"), or ask what the article says of a thing ("bài này có nói gì về cán bộ
trẻ không?"): read past when what follows is answered on its own. A call before them ("cháu ơi,
…") is read past too; "bài viết nói về gì?" keeps them: it asks about the article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import message_words
from bot.normalize import clean
from bot.phrases import phrase_at

if TYPE_CHECKING:
    from bot.reading import Reader


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
    if size == at or size >= len(folded) or folded[size] in reading.frame_not_before:
        return None
    rest = cleaned[words.starts[size] :]
    match = reader.match(rest)
    # as the reader answers it alone (a fact of both levels too: "bài nói bao nhiêu người học
    # trung cấp?")
    reply = reader.single(rest, match, ())
    return rest if reply.status == "answer" else None
