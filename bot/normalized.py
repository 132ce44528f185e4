"""A text as the matcher reads it, in two forms (bot/normalize.py makes it)."""

from __future__ import annotations

from bot.values import value_class


@value_class
class Normalized:
    """A text in two forms; `tokens[i]` and `folded[i]` are the same word."""

    tokens: tuple[str, ...]
    folded: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @property
    def folded_text(self) -> str:
        return " ".join(self.folded)
