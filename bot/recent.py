"""What was worked out for one question object, remembered while its message is read.

The reading of a message asks about the same match several times (the slot values it names,
whether it is out of scope); those answers depend on the question alone. They are kept by the
identity of the question object, never by its text: a question asked again is a new object and
is worked out anew, so nothing is remembered from one message to the next that a new message
could hit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

_KEPT = 64  # question objects remembered (the texts of a message, a few messages at once)


class ByIdentity(Generic[K, V]):
    """`work(key)`, remembered for the last few keys by identity (safe to share: a lost race
    only works something out twice)."""

    def __init__(self, work: Callable[[K], V], kept: int = _KEPT) -> None:
        self._work, self._most = work, kept
        # by id(key): (key, value); a caller on a hot path may read it in place, as __call__ does
        self.kept: dict[int, tuple[K, V]] = {}

    def __call__(self, key: K) -> V:
        kept = self.kept.get(id(key))
        if kept is not None and kept[0] is key:
            return kept[1]
        value = self._work(key)
        if len(self.kept) >= self._most:
            self.kept.clear()
        self.kept[id(key)] = (key, value)  # the key is held, so its id is not reused meanwhile
        return value


class ByValue(Generic[K, V]):
    """Pure work kept for the last few keys by value, where the same values come back from
    message to message (safe to share: the results are immutable, a lost race only works
    something out twice)."""

    def __init__(self, kept: int) -> None:
        self._most = kept
        self.kept: dict[K, V] = {}

    def get(self, key: K, work: Callable[[], V]) -> V:
        """`work()`, the value for `key`, worked out unless kept."""
        try:
            return self.kept[key]
        except KeyError:  # (None may be a value kept)
            pass
        if len(self.kept) >= self._most:
            self.kept.clear()
        found = self.kept[key] = work()
        return found
