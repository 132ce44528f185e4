"""An alternation tried one alternative at a time: what `A|B|C` finds, without compiling it.

A slot's pattern narrowed to the few alternatives a text can hold used to be compiled as one
regex (0.1–1.9 ms each, several per new message: the slowest questions' whole cost). Each
alternative is compiled once instead and the alternation is emulated over them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

from bot.message_words import word_starts


class Alternation:
    """`(?:A|B|C)` over compiled alternatives `A`, `B`, `C` (each with its own `\\b` edges and
    group name), found as the compiled alternation finds: the leftmost match, and at one
    position the first alternative in order that matches there. No alternative may match
    empty (the slot finder never narrows a pattern that has one), and `sub` takes plain text
    or a function (the alternatives' group numbers are not the whole's).

    An alternative whose matches all begin with one of some whole words (`begins`, known from
    its source: bot/slot_finder.py) is tried only where those words start, not searched for:
    a search tried every position of the text (~3 µs an alternative), as no literal opens it."""

    __slots__ = ("_patterns", "_positional", "_tried")

    def __init__(
        self,
        patterns: tuple[re.Pattern[str], ...],
        begins: tuple[frozenset[str] | None, ...] | None = None,
    ) -> None:
        """`begins`: per pattern, the words every match of it begins with (None: not known)."""
        self._patterns = patterns
        begins = begins or (None,) * len(patterns)
        # per pattern: itself, its one first word ("" when several), those words (or None)
        self._tried = tuple(
            (p, next(iter(words)) if words is not None and len(words) == 1 else "", words)
            for p, words in zip(patterns, begins, strict=True)
        )
        self._positional = any(words is not None for words in begins)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Non-overlapping matches left to right, as `re.finditer` gives them."""
        starts = word_starts(text) if self._positional else {}
        # each alternative's first match, with where it may begin (None: anywhere); one found
        # nowhere is found nowhere after any position either (a match at a position does not
        # depend on where the search began): only those found are kept, in their order
        ahead = []
        for pattern, word, words in self._tried:
            if words is None:
                at, hit = None, pattern.search(text)
            else:
                at = starts.get(word, _NONE) if word else _starts_of(words, starts)
                hit = None
                for start in at:
                    hit = pattern.match(text, start)
                    if hit is not None:
                        break
            if hit is not None:
                ahead.append((hit, pattern, at))
        while ahead:
            best = ahead[0][0]
            for hit, _, _ in ahead[1:]:
                if hit.start() < best.start():
                    best = hit
            yield best
            pos = best.end()
            if pos == best.start():  # never met (a slot's alternatives name words)
                raise ValueError(f"an alternative matched empty: {best.re.pattern!r}")
            ahead = [
                (hit, pattern, at)
                for old, pattern, at in ahead
                if (hit := old if old.start() >= pos else _first(pattern, text, pos, at))
            ]

    def search(self, text: str) -> re.Match[str] | None:
        """The first match, as `re.search` finds it."""
        return next(self.finditer(text), None)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        """`text` with every match replaced, as `re.sub` replaces them."""
        if isinstance(repl, str) and "\\" in repl:  # group numbers differ from the whole's
            raise ValueError("an Alternation replaces with plain text or a function only")
        pieces, last = [], 0
        for hit in self.finditer(text):
            pieces.append(text[last : hit.start()])
            pieces.append(repl if isinstance(repl, str) else repl(hit))
            last = hit.end()
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)


def _first(
    pattern: re.Pattern[str], text: str, pos: int, at: list[int] | None
) -> re.Match[str] | None:
    """`pattern.search(text, pos)`; tried only at the positions `at` (ascending) when every
    match begins at one of them."""
    if at is None:
        return pattern.search(text, pos)
    for start in at[bisect_left(at, pos) :]:
        found = pattern.match(text, start)
        if found is not None:
            return found
    return None


_NONE: list[int] = []  # where a word the text lacks starts


def _starts_of(words: frozenset[str], starts: dict[str, list[int]]) -> list[int]:
    """Where any of `words` starts in a text whose words start at `starts`, ascending."""
    held = words.intersection(starts) if len(words) > 1 else words
    if len(held) == 1:
        return starts.get(next(iter(held)), _NONE)
    return sorted(k for word in held for k in starts[word])
