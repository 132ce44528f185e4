"""Finding a slot's values fast: its regex read alternative by alternative, only those whose
first word the text holds."""

from __future__ import annotations

import re

from bot.kb.model import Slot
from bot.lazy_regex import LazyPattern
from bot.regex_heads import heads

_BACKREFERENCE = re.compile(r"\\\d|\(\?P=|\(\?\(")
# a pattern's first word, after lookbehinds: letters followed by a space that must be there or
# by the pattern's end (so the text holds it as a whole word wherever the pattern matches)
_FIRST_WORD = re.compile(r"(?:\(\?<[=!][^()\\]*\))*(\w+)(?: (?![?*{])|$)")


class Finder:
    """`slot.pattern.finditer` by its alternatives, trying only those whose first word the text
    holds: the slot regexes (60 alternatives for what is asked) were ~25 µs a question.

    At the leftmost position where any alternative matches, the first of them in the pattern's
    order wins, with the span it matches alone (the `\\b(?:…)\\b` around it kept), and the
    search goes on after it: the same matches as the alternation, read one by one."""

    def __init__(self, alternatives: list[tuple[str, LazyPattern, str | None]]) -> None:
        self._always: list[int] = []  # searched in every text
        self._prefixed: list[tuple[int, tuple[str, ...]]] = []  # … that holds one of these
        self._by_first: dict[str, list[int]] = {}
        for i, (_, pattern, first) in enumerate(alternatives):
            if first is not None:
                self._by_first.setdefault(first, []).append(i)
                continue
            # a look-behind, a grouped choice, a look-ahead: its parse shows how it begins
            words, prefixes = heads(pattern.pattern, pattern.flags)
            if words is not None:
                for word in words:
                    self._by_first.setdefault(word, []).append(i)
            elif prefixes is not None:
                self._prefixed.append((i, prefixes))
            else:
                self._always.append(i)
        self._alternatives = alternatives
        self._first_words = frozenset(self._by_first)

    @classmethod
    def of(cls, slot: Slot) -> Finder | None:
        """The slot's pattern split into its alternatives, or None when it is not the pattern
        bot/kb/settings.py writes (then the pattern itself is used)."""
        source, names = slot.pattern.pattern, list(slot.values)
        if names != [f"v{i}" for i in range(len(names))] or not names or slot.pattern.flags != re.U:
            return None
        bounds = [source.find(f"(?P<{name}>") for name in names]
        parts = [
            source[start + len(f"(?P<{name}>") : end - 2]  # up to ")|" before the next group
            for name, start, end in zip(names, bounds, [*bounds[1:], len(source) - 2], strict=True)
        ]
        body = "|".join(f"(?P<{n}>{p})" for n, p in zip(names, parts, strict=True))
        if source != rf"\b(?:{body})\b":
            return None
        alternatives = []
        for name, part in zip(names, parts, strict=True):
            if _BACKREFERENCE.search(part):  # its groups are numbered otherwise alone
                return None
            # compiled when a text holds its first word (140 of them were ~5 ms of a cold
            # start): a part of a pattern that compiles, referring to no other group, compiles
            alone = LazyPattern(rf"\b(?:{part})\b")
            first = _FIRST_WORD.match(part)
            single = first is not None and _top_level_branches(part) == 1
            alternatives.append((name, alone, first.group(1) if single and first else None))
        return cls(alternatives)

    def groups(self, text: str, words: frozenset[str]) -> list[str | None] | None:
        """The group names of `finditer`'s matches over `text` (whose words are `words`); None
        when an alternative matches nothing (an empty match: left to the pattern itself)."""
        tried = set(self._always)
        for i, prefixes in self._prefixed:
            if any(prefix in text for prefix in prefixes):
                tried.add(i)
        for word in words & self._first_words:
            tried.update(self._by_first[word])
        if not tried:
            return []
        order = sorted(tried)
        alternatives = self._alternatives
        found = {i: alternatives[i][1].search(text) for i in order}
        names: list[str | None] = []
        while True:
            hits = [(m.start(), i) for i, m in found.items() if m is not None]
            if not hits:
                return names
            start, i = min(hits)
            end = found[i].end()  # type: ignore[union-attr]
            if end == start:
                return None
            names.append(alternatives[i][0])
            for j in order:
                m = found[j]
                if m is not None and m.start() < end:
                    found[j] = alternatives[j][1].search(text, end)


def _top_level_branches(pattern: str) -> int:
    """How many branches `pattern` has outside any group or character class."""
    depth, branches, i, in_class = 0, 1, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches += 1
        i += 1
    return branches
