"""Regular expressions made from the code the regex engine runs, saved with the built core.

`re.compile` parses a pattern and writes its code for the engine (`_sre`): the KB's patterns
and the slots' alternatives a simple question compiles (~130) were ~25 ms of a cold start. The
code depends on the pattern, its flags and the Python build alone (the cache key holds the
build), so the built core keeps it (bot/cache.py) and a start makes each pattern from it in
microseconds. Only code that makes a pattern equal to `re.compile`'s (same code, flags and
groups) is saved; the engine checks whatever it is given, and a pattern it refuses, or one with
no code saved, is compiled as ever.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import field

import numpy as np

from bot.regex_heads import is_key
from bot.values import value_class

try:  # the compiler behind `re` (CPython); without it nothing is saved and all is compiled
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _sre = _compiler = _parser = None

Key = tuple[str, int]  # a pattern's text and flags
# what the compiler hands the engine besides the code: the flags, where the code lies in the
# saved array (start, end), the count of groups, the groups' numbers by name, their names
Entry = tuple[int, int, int, int, tuple[tuple[str, int], ...], tuple[str | None, ...]]
_FAILED = (RuntimeError, TypeError, ValueError, OverflowError, IndexError)


@value_class
class Saved:
    """The code of some patterns: one array, and each pattern's place and groups in it."""

    entries: Mapping[Key, Entry] = field(default_factory=dict)
    code: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint32))


_SAVED = [Saved()]  # learnt from the cached core
_RECORDING: list[set[Key]] = []


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, made from its saved code when there is some."""
    for asked in _RECORDING:
        asked.add((pattern, flags))
    saved = _SAVED[0]
    entry = saved.entries.get((pattern, flags))
    if entry is not None:
        final, start, end, groups, numbers, names = entry
        try:
            code = saved.code[start:end].tolist()
            return _sre.compile(pattern, final, code, groups, dict(numbers), names)
        except _FAILED:
            pass
    return re.compile(pattern, flags)


def learn(saved: Saved) -> None:
    """Take `saved` as the code of its patterns (checked by `is_saved` first)."""
    _SAVED[0] = saved


@contextmanager
def recorded() -> Iterator[set[Key]]:
    """The patterns asked of `compiled` inside the `with` block."""
    asked: set[Key] = set()
    _RECORDING.append(asked)
    try:
        yield asked
    finally:
        _RECORDING.remove(asked)


def saved_code(patterns: Iterable[Key]) -> Saved:
    """The code of `patterns`, each kept only if it makes the pattern `re.compile` makes."""
    if _sre is None:  # pragma: no cover
        return Saved()
    entries: dict[Key, Entry] = {}
    parts: list[list[int]] = []
    at = 0
    for key in dict.fromkeys(patterns):
        pattern, flags = key
        try:
            parsed = _parser.parse(pattern, flags)
            code = _compiler._code(parsed, flags)
            state = parsed.state
            names: list[str | None] = [None] * state.groups
            for name, number in state.groupdict.items():
                names[number] = name
            entry = (flags | state.flags, at, at + len(code), state.groups - 1)
            entry += (tuple(state.groupdict.items()), tuple(names))
            made = _sre.compile(pattern, entry[0], code, entry[3], dict(entry[4]), entry[5])
            if made != re.compile(pattern, flags) or max(code, default=0) >= 2**32:
                continue
        except (re.error, *_FAILED):
            continue
        entries[key] = entry
        parts.append(code)
        at += len(code)
    return Saved(entries, np.array([c for code in parts for c in code], np.uint32))


def patterns_in(value: object) -> list[Key]:
    """Every compiled pattern `value` holds, found as pickling it finds them."""
    import io
    import pickle

    found: list[Key] = []

    class _Finder(pickle.Pickler):
        def reducer_override(self, obj: object) -> object:
            if isinstance(obj, re.Pattern) and isinstance(obj.pattern, str):
                found.append((obj.pattern, obj.flags))
            return NotImplemented

    _Finder(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return found


def is_saved(entries: object, code: np.ndarray) -> bool:
    """Whether `entries` has the shape `saved_code` gives and fits in `code` (a saved table is
    checked before it is learnt)."""
    if not isinstance(entries, dict) or code.dtype != np.uint32 or code.ndim != 1:
        return False
    for key, entry in entries.items():
        if not is_key(key) or not (isinstance(entry, tuple) and len(entry) == 6):
            return False
        final, start, end, groups, numbers, names = entry
        if not all(isinstance(n, int) for n in (final, start, end, groups)):
            return False
        if not 0 <= start <= end <= len(code) or not isinstance(names, tuple):
            return False
        if not isinstance(numbers, tuple) or not all(
            isinstance(pair, tuple) and len(pair) == 2 for pair in numbers
        ):
            return False
    return True
