"""What the reading of one message works out once: the words of its texts, their matches and
its clauses.

A message is read many ways (its preamble, its clauses, a list, a total …), and each asks for
the same texts' words and matches again: a long message normalized the same text six times and
scored clauses whose words alone settled the question. Kept per call (a ContextVar), never from
one message to the next, so shared Responders stay safe across threads and tasks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from bot import message_words
from bot.normalize import fold, normalize
from bot.normalized import Normalized
from bot.pieces import leading_pieces
from bot.recent import ByValue
from bot.understanding import Clause, Sentence, sentences_of, split_clauses

T = TypeVar("T")

if TYPE_CHECKING:
    from bot.kb.model import Understanding
    from bot.matcher import Match, Matcher
    from bot.normalize import Tables
    from bot.reply import Reply


@dataclass(slots=True)
class _Kept:
    words: dict[str, Normalized] = field(default_factory=dict)
    normalized: dict[tuple[str, int], Normalized] = field(default_factory=dict)
    # by text and by how the matcher reads it ("…, có yếu không?" and "… có yếu không")
    matches: dict[str | Normalized, Match] = field(default_factory=dict)
    clauses: dict[tuple[str, bool, int, int], tuple[Clause, ...]] = field(default_factory=dict)
    sentences: dict[tuple[str, int, int], tuple[Sentence, ...]] = field(default_factory=dict)
    pieces: dict[tuple[str, int], tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    folded: dict[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)
    folded_texts: dict[tuple[str, int], str] = field(default_factory=dict)
    readings: dict[object, object] = field(default_factory=dict)
    singles: dict[tuple[str, int, tuple[str, ...]], tuple[Match, Reply]] = field(
        default_factory=dict
    )


_KEPT: ContextVar[_Kept | None] = ContextVar("message_memo", default=None)
# the matches of every message read while `matches_left()` is on (the eval's golden rows)
_LEFT: ContextVar[dict[str | Normalized, Match] | None] = ContextVar("memo_left", default=None)


@contextmanager
def one_message() -> Iterator[None]:
    """While one message is read: its texts' words, matches and clauses are kept."""
    kept = _Kept()
    token = _KEPT.set(kept)
    try:
        with message_words.one_message():  # and the words of its texts
            yield
    finally:
        _KEPT.reset(token)
        left = _LEFT.get()
        if left is not None:
            left.update(kept.matches)


@contextmanager
def matches_left() -> Iterator[dict[str | Normalized, Match]]:
    """The matches the messages read meanwhile worked out, by text and by how the matcher
    reads it: what `python -m bot eval --replies` records of a question it has just answered
    (the same match, worked out once: ~0.4 ms of a question's ~2.5)."""
    left: dict[str | Normalized, Match] = {}
    token = _LEFT.set(left)
    try:
        yield left
    finally:
        _LEFT.reset(token)


def words(matcher: Matcher, text: str) -> Normalized:
    """`text` as the matcher reads it, once per text while one message is read."""
    kept = _KEPT.get()
    if kept is None:
        return matcher.read(text)
    found = kept.words.get(text)
    if found is None:  # normalized as totals are looked for in the same text (one pass)
        found = kept.words[text] = matcher.read(text, normalized(text, matcher.kb.tables))
    return found


def normalized(text: str, tables: Tables) -> Normalized:
    """normalize(text), once per text while one message is read (a total is looked for in the
    message, and in each clause, by several readers)."""
    return _once("normalized", (text, id(tables)), lambda: _normalized(text, tables))


def _normalized(text: str, tables: Tables) -> Normalized:
    """normalize(text), kept by value from message to message (clauses and follow-ups recur: a
    fifth of the texts eval sets read), each message getting an object of its own."""
    words = _ACROSS.get((tables, text), lambda: _forms(normalize(text, tables)))
    return Normalized(*words)


def _forms(words: Normalized) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return words.tokens, words.folded


_ACROSS: ByValue[tuple[Tables, str], tuple[tuple[str, ...], tuple[str, ...]]] = ByValue(8192)


def match(matcher: Matcher, text: str) -> Match:
    """The matcher's candidates for `text`, once per text (and per reading) while one message
    is read."""
    kept = _KEPT.get()
    if kept is None:
        return matcher.match(text)
    found = kept.matches.get(text)
    if found is None:
        read = words(matcher, text)
        found = kept.matches.get(read)
        if found is None:
            found = kept.matches[read] = matcher.match_read(read)
        kept.matches[text] = found
    return found


def single(question: str, match: Match, earlier: Sequence[str], work: Callable[[], Reply]) -> Reply:
    """`work()`, the single-question reply to `question` read as `match` after `earlier`, once
    while one message is read (a list's item is decided when its pleasantries are looked for,
    then again as an item)."""
    kept = _KEPT.get()
    if kept is None:
        return work()
    key = (question, id(match), tuple(earlier))
    found = kept.singles.get(key)
    if found is not None and found[0] is match:
        return found[1]
    reply = work()
    kept.singles[key] = (match, reply)  # the match is held, so its id is not reused meanwhile
    return reply


def clauses(
    text: str, reading: Understanding, tables: Tables, as_list: bool = False
) -> list[Clause]:
    """split_clauses, once per text and way of cutting while one message is read (a list of
    its own for each caller)."""
    key = (text, as_list, id(reading), id(tables))
    return list(_once("clauses", key, lambda: tuple(_split(text, reading, tables, as_list))))


def _split(text: str, reading: Understanding, tables: Tables, as_list: bool) -> list[Clause]:
    """split_clauses, its sentences read once for both ways of cutting (their words, cues and
    cut points are the same either way)."""
    key = (text, id(reading), id(tables))
    sentences = _once("sentences", key, lambda: tuple(sentences_of(text, reading, tables)))
    return split_clauses(text, reading, tables, as_list, sentences)


def pieces(text: str, tables: Tables) -> list[tuple[str, str, str]]:
    """leading_pieces, once per text while one message is read (where the question starts, what
    closes it and whether it only introduces the asker each cut the same message)."""
    return list(_once("pieces", (text, id(tables)), lambda: tuple(leading_pieces(text, tables))))


def folded_words(text: str, tables: Tables) -> tuple[str, ...]:
    """The words (\\w+) of `text` as written, lowercased and folded, once per text while one
    message is read (whether it writes a number in words, or a count, each read them)."""
    key = (text, id(tables))
    return _once(
        "folded", key, lambda: tuple([fold(w.lower(), tables) for w in _WORDS.findall(text)])
    )


_WORDS = re.compile(r"\w+")


def folded_text(text: str, tables: Tables) -> str:
    """fold(text) of a whole text (one letter for one), once per text while one message is
    read (its preambles and the asker's role each look for their cues in it)."""
    return _once("folded_texts", (text, id(tables)), lambda: fold(text, tables))


def once(key: object, work: Callable[[], T]) -> T:
    """`work()`, a pure reading of the message's texts (its `key` names it and its inputs),
    once while one message is read."""
    return _once("readings", key, work)


def _once(table: str, key: object, work: Callable[[], T]) -> T:
    """`work()`, kept in the message's `table` under `key` while one message is read."""
    kept = _KEPT.get()
    if kept is None:
        return work()
    found = getattr(kept, table)
    if key not in found:
        found[key] = work()
    return found[key]
