"""Regular expressions compiled at their first use, for the KB read back from the cache.

Unpickling a compiled pattern compiles it again: the KB's ~140 patterns were ~12 ms of every
cold start (a third of loading the cached core), though one question uses few of them. A
`LazyPattern` stands in for each: it compiles on first use, then holds the compiled pattern's
methods as its own attributes, so later calls cost what the compiled pattern's do. It is made
from the code saved with the core when there is some (bot/regex_code.py).
"""

from __future__ import annotations

import re
from typing import Any

from bot.regex_code import compiled

# what the code calls on a pattern; any other attribute is read from the compiled one
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A `re.Pattern` that compiles when first used; equal to the pattern it stands for."""

    __slots__ = ("pattern", "flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            found = compiled(self.pattern, self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(found, name))
            self._compiled = found
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # a method not yet bound, or another attribute
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern | re.Pattern):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return re.compile, (self.pattern, self.flags)  # pickled as a compiled pattern would be


def lazy_compile(pattern: str, flags: int) -> LazyPattern:
    """What the cache's unpickler makes of a pickled pattern (`re._compile(pattern, flags)`)."""
    return LazyPattern(pattern, flags)
