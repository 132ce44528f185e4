"""A clause naming nothing of its own after one that named its subject ("Trung cấp lý luận
chính trị là gì, học những môn gì?"): what it asks is of that subject — the course's subjects,
which the article never gives, not what the district trains each level in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.phrases import outside, question_cues

if TYPE_CHECKING:
    from bot.matcher import Match
    from bot.reading import Reader
    from bot.reply import Reply


def subject_of(reader: Reader, match: Match) -> str:
    """The words of a clause that names a value, without its question words ("Trung cấp lý
    luận chính trị" of "Trung cấp lý luận chính trị là gì"); "" when it names none."""
    words = match.question
    if not reader.responder.matcher.names_a_value(words):
        return ""
    return " ".join(
        outside(words.tokens, question_cues(words.folded, words.tokens, reader.reading))
    )


def carried_unstated(
    reader: Reader, text: str, match: Match, reply: Reply, before: tuple[str, str] | None
) -> Reply:
    """`reply` to a clause naming no value, unless read with the subject of the clause before
    (itself asking what the article never says of it: `before`, the subject and that) it asks
    something else the article never says: then that (never one answer for another; "tổng
    CBCC, cấp xã, số đảng viên": items; "… for my PhD thesis. Who wrote it?": the same unsaid)."""
    subject, unsaid = before or ("", "")
    if not subject or reply.unstated or reader.responder.matcher.names_a_value(match.question):
        return reply
    carried = f"{subject} {text}"
    read = reader.single(carried, reader.match(carried), ())
    return read if read.unstated and read.unstated != unsaid else reply
