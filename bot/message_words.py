"""The words of a message's texts, split and folded once while the message is read.

Finding where a question starts, cutting it into clauses and looking for a frame each cleaned
the same text, split it into words with a Unicode regex and folded every word (~5 µs a reader,
most of a short reader's time). They read the same texts: kept per message (a ContextVar set by
bot/message_memo.py), never from one message to the next.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from bot.normalize import Tables, fold
from bot.values import value_class

# letters or digits, and the two signs that join list items ("A & B", "A + B")
WORD = re.compile(r"[^\W_]+|[&+]", re.UNICODE)
_SIGNS = frozenset("&+")
_ANY_WORD = re.compile(r"\w+")


@value_class
class Words:
    """The words of a cleaned text: where each starts and ends, as written, and folded."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    marked: tuple[str, ...]
    folded: tuple[str, ...]

    def between(self, start: int, end: int) -> tuple[int, int]:
        """The words (first, past the last) lying wholly within text[start:end]."""
        return bisect_left(self.starts, start), bisect_right(self.ends, end)


_KEPT: ContextVar[dict[tuple[str, str, int], Words] | None] = ContextVar(
    "message_words", default=None
)
_SETS: ContextVar[dict[str, frozenset[str]] | None] = ContextVar("message_word_sets", default=None)
_STARTS: ContextVar[dict[str, dict[str, list[int]]] | None] = ContextVar(
    "message_word_starts", default=None
)


@contextmanager
def one_message() -> Iterator[None]:
    """While one message is read: its texts' words are kept."""
    token, sets, starts = _KEPT.set({}), _SETS.set({}), _STARTS.set({})
    try:
        yield
    finally:
        _STARTS.reset(starts)
        _SETS.reset(sets)
        _KEPT.reset(token)


def words(cleaned: str, tables: Tables) -> Words:
    """WORD's matches in `cleaned` (a text as bot.normalize.clean gives it), folded."""
    return _kept("words", cleaned, tables)


def letters(cleaned: str, tables: Tables) -> Words:
    """The words of `cleaned` made of letters or digits only (no "&", "+")."""
    return _kept("letters", cleaned, tables)


def word_set(text: str) -> frozenset[str]:
    """The `\\w+` words of `text`: the slot finders look for their first words in the same
    texts, reader after reader."""
    kept = _SETS.get()
    found = None if kept is None else kept.get(text)
    if found is None:
        found = frozenset(_ANY_WORD.findall(text))
        if kept is not None:
            kept[text] = found
    return found


def word_starts(text: str) -> dict[str, list[int]]:
    """Where each `\\w+` word of `text` starts, in order: a slot's alternatives are tried
    only there (bot/alternation.py), reader after reader."""
    kept = _STARTS.get()
    found = None if kept is None else kept.get(text)
    if found is None:
        found = {}
        for word in _ANY_WORD.finditer(text):
            found.setdefault(word.group(), []).append(word.start())
        if kept is not None:
            kept[text] = found
    return found


def _kept(kind: str, cleaned: str, tables: Tables) -> Words:
    kept = _KEPT.get()
    key = (kind, cleaned, id(tables))
    found = None if kept is None else kept.get(key)
    if found is None:
        found = _split(cleaned, tables) if kind == "words" else _letters(cleaned, tables)
        if kept is not None:
            kept[key] = found
    return found


def _split(cleaned: str, tables: Tables) -> Words:
    found = list(WORD.finditer(cleaned))
    marked = tuple([m.group(0) for m in found])
    return Words(
        tuple([m.start() for m in found]),
        tuple([m.end() for m in found]),
        marked,
        tuple([fold(w, tables) for w in marked]),
    )


def _letters(cleaned: str, tables: Tables) -> Words:
    every = words(cleaned, tables)
    if _SIGNS.isdisjoint(every.marked):
        return every
    kept = [i for i, w in enumerate(every.marked) if w not in _SIGNS]
    parts = (every.starts, every.ends, every.marked, every.folded)
    return Words(*(tuple([part[i] for i in kept]) for part in parts))
