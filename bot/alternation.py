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
    position the first alternative in order that matches there."""

    __slots__ = ("_patterns",)

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        self._patterns = patterns

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Non-overlapping matches left to right, as `re.finditer` gives them."""
        patterns = self._patterns
        ahead: list[re.Match[str] | None] = [p.search(text) for p in patterns]
        pos = 0
        while True:
            best: re.Match[str] | None = None
            for i, hit in enumerate(ahead):
                if hit is not None and hit.start() < pos:
                    hit = ahead[i] = patterns[i].search(text, pos)
                if hit is not None and (best is None or hit.start() < best.start()):
                    best = hit
            if best is None:
                return
            yield best
            # an empty match moves on one character, as finditer does
            pos = best.end() if best.end() > best.start() else best.end() + 1

    def search(self, text: str) -> re.Match[str] | None:
        """The first match, as `re.search` finds it."""
        return next(self.finditer(text), None)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        """`text` with every match replaced, as `re.sub` replaces them."""
        literal = isinstance(repl, str) and "\\" not in repl
        pieces, last = [], 0
        for hit in self.finditer(text):
            pieces.append(text[last : hit.start()])
            if literal:
                pieces.append(repl)  # type: ignore[arg-type]
            else:
                pieces.append(repl(hit) if callable(repl) else hit.expand(repl))
            last = hit.end()
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)
