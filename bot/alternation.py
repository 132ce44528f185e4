"""An alternation tried one alternative at a time: what `A|B|C` finds, without compiling it.

A slot's pattern narrowed to the few alternatives a text can hold used to be compiled as one
regex (0.1–1.9 ms each, several per new message: the slowest questions' whole cost). Each
alternative is compiled once instead and the alternation is emulated over them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


class Alternation:
    """`(?:A|B|C)` over compiled alternatives `A`, `B`, `C` (each with its own `\\b` edges and
    group name), found as the compiled alternation finds: the leftmost match, and at one
    position the first alternative in order that matches there. No alternative may match
    empty (the slot finder never narrows a pattern that has one), and `sub` takes plain text
    or a function (the alternatives' group numbers are not the whole's)."""

    __slots__ = ("_patterns",)

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        self._patterns = patterns

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Non-overlapping matches left to right, as `re.finditer` gives them."""
        # an alternative found nowhere is found nowhere after any position either (a match at
        # a position does not depend on where the search began): only those found are kept,
        # in their order, and dropped once they find nothing more
        ahead = [hit for p in self._patterns if (hit := p.search(text)) is not None]
        pos = 0
        while ahead:
            best = ahead[0]
            for hit in ahead[1:]:
                if hit.start() < best.start():
                    best = hit
            yield best
            pos = best.end()
            if pos == best.start():  # never met (a slot's alternatives name words)
                raise ValueError(f"an alternative matched empty: {best.re.pattern!r}")
            again = (hit.re.search(text, pos) if hit.start() < pos else hit for hit in ahead)
            ahead = [hit for hit in again if hit is not None]

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
