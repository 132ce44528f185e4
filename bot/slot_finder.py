"""Finding a slot's values fast: its regex narrowed to the alternatives whose first word the
text holds."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot import message_words
from bot.alternation import Alternation
from bot.kb.model import Slot
from bot.regex_code import compiled
from bot.regex_heads import heads

_BACKREFERENCE = re.compile(r"\\\d|\(\?P=|\(\?\(")
# a pattern's first word, after lookbehinds: letters followed by a space that must be there or
# by the pattern's end (so the text holds it as a whole word wherever the pattern matches)
_FIRST_WORD = re.compile(r"(?:\(\?<[=!][^()\\]*\))*(\w+)(?: (?![?*{])|$)")
# … and the words after it that each follow a space and are followed by one or end the pattern
# ("can bo chu chot"): a text that matches holds every one of them as a whole word too
_LEAD_WORDS = re.compile(r"(?:\(\?<[=!][^()\\]*\))*((?:\w+ (?![?*{]))*\w+)(?: (?![?*{])|$)")
# no alternative can match: matches nothing, as the whole would (tried at the start alone)
NOTHING = re.compile(r"\A(?!)")
_NARROWED = 4096  # patterns kept per slot, one per set of alternatives a text may match
_SLOTS = 1024  # slots whose finders are kept (a KB has a few dozen)


class Finder:
    """`slot.pattern` narrowed, for one text, to the alternatives whose first word the text
    holds: the slot regexes (60 alternatives for what is asked) were ~25 µs a question.

    An alternative left out cannot match anywhere in the text, so at every position the
    narrowed alternation tries the same alternatives in the same order as the whole one: the
    same matches, the same group names, for `finditer`, `search` and `sub` alike. The narrowed
    alternation is tried one alternative at a time (`Alternation`), each alternative compiled
    once: compiling each set of alternatives a message holds as one regex cost 0.1–1.9 ms, and
    many sets are met once or twice."""

    def __init__(
        self, alternatives: list[tuple[str, str, str | None]], whole: re.Pattern[str]
    ) -> None:
        """`alternatives`: (group name, source, first word or None when it has none), the
        alternatives of `whole`."""
        self._always: list[int] = []  # searched in every text
        self._prefixed: list[tuple[int, tuple[str, ...]]] = []  # … that holds one of these
        self._by_first: dict[str, list[int]] = {}
        # per alternative: the words a text must hold for it to match there (none known: ()),
        # and the whole words every match of it begins with (None: not known)
        self._needs: list[frozenset[str]] = []
        self._begins: list[frozenset[str] | None] = []
        for i, (_, part, first) in enumerate(alternatives):
            lead = _LEAD_WORDS.match(part) if first is not None else None
            needs = frozenset(lead.group(1).split()) if lead else frozenset()
            self._needs.append(needs | _words_behind(part))
            if first is not None:
                self._by_first.setdefault(first, []).append(i)
                self._begins.append(frozenset({first}))
                continue
            # a look-behind, a grouped choice, a look-ahead: its parse shows how it begins
            words, prefixes = heads(rf"\b(?:{part})\b")
            self._begins.append(words)
            if words is not None:
                for word in words:
                    self._by_first.setdefault(word, []).append(i)
            elif prefixes is not None:
                self._prefixed.append((i, prefixes))
            else:
                self._always.append(i)
        self._alternatives = alternatives
        # a text holding none of these words matches nothing when `by_words_only`
        self.first_words = frozenset(self._by_first)
        self._lead_words = self.first_words.union(*self._needs)
        self.by_words_only = not self._always and not self._prefixed
        self._whole = whole
        self._compiled: list[re.Pattern[str] | None] = [None] * len(alternatives)
        self._narrowed: dict[tuple[int, ...], re.Pattern[str] | Alternation] = {}
        # by the first words a text holds (and the prefixes it holds): the pattern, found once
        self._by_hits: dict[
            tuple[frozenset[str], tuple[int, ...]], re.Pattern[str] | Alternation
        ] = {}

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
            first = _FIRST_WORD.match(part)
            single = first is not None and _top_level_branches(part) == 1
            # tried alone, an empty match would be found otherwise; a single branch that
            # begins with a word cannot match empty (compiling each part was ~12 ms a start;
            # the others are made from the code saved with the core: bot/regex_code.py)
            if not single and compiled(part).fullmatch(""):
                return None
            alternatives.append((name, part, first.group(1) if single and first else None))
        return cls(alternatives, slot.pattern)

    def pattern_in(
        self, text: str, words: frozenset[str] | None = None
    ) -> re.Pattern[str] | Alternation:
        """A pattern that finds in `text` (whose `\\w+` words are `words`) what the slot's
        whole pattern finds."""
        if words is None:
            words = message_words.word_set(text)
        held = self._lead_words.intersection(words)
        if self._prefixed:
            prefixed = tuple(
                i for i, prefixes in self._prefixed if any(prefix in text for prefix in prefixes)
            )
        elif self.by_words_only and self.first_words.isdisjoint(held):
            return NOTHING  # most slots, most texts
        else:
            prefixed = ()
        found = self._by_hits.get((held, prefixed))
        if found is None:
            found = self._narrowed_to(held, prefixed)
            if len(self._by_hits) >= _NARROWED:
                self._by_hits.clear()
            self._by_hits[held, prefixed] = found
        return found

    def _narrowed_to(
        self, held: frozenset[str], prefixed: tuple[int, ...]
    ) -> re.Pattern[str] | Alternation:
        """The alternatives always tried, those of the prefixes a text holds and those of the
        first words it holds (`held`: of the words alternatives begin with, those it holds)
        whose other leading words it holds too, tried one by one."""
        tried = {*self._always, *prefixed}
        needs = self._needs
        for word in self.first_words.intersection(held):
            tried.update(i for i in self._by_first[word] if needs[i] <= held)
        if not tried:
            return NOTHING
        if len(tried) == len(self._alternatives):
            return self._whole
        key = tuple(sorted(tried))
        found = self._narrowed.get(key)
        if found is None:
            if len(self._narrowed) >= _NARROWED:
                self._narrowed.clear()
            patterns = tuple(self._alone(i) for i in key)
            begins = tuple(self._begins[i] for i in key)
            alone = len(patterns) == 1 and begins[0] is None  # searched as it is
            found = self._narrowed[key] = patterns[0] if alone else Alternation(patterns, begins)
        return found

    def _alone(self, index: int) -> re.Pattern[str]:
        """Alternative `index` as a pattern of its own, with its group name: compiled once."""
        found = self._compiled[index]
        if found is None:  # (made from the code the core saved: compiling was a cold message's
            found = self._compiled[index] = compiled(self.alone(index))  # slowest part)
        return found

    def alone(self, index: int) -> str:
        """The pattern of alternative `index` alone, with its group name."""
        name, part, _ = self._alternatives[index]
        return rf"\b(?:(?P<{name}>{part}))\b"

    def every_alone(self) -> list[str]:
        """The pattern of each alternative alone."""
        return [self.alone(index) for index in range(len(self._alternatives))]

    def groups(self, text: str, words: frozenset[str] | None = None) -> list[str | None]:
        """The group names of the whole pattern's `finditer` matches over `text`."""
        return [hit.lastgroup for hit in self.pattern_in(text, words).finditer(text)]


_FINDERS: dict[int, tuple[Slot, Finder | None]] = {}


def finder_of(slot: Slot) -> Finder | None:
    """The slot's finder, made once per slot (found by identity: a slot holds a dict)."""
    kept = _FINDERS.get(id(slot))
    if kept is None or kept[0] is not slot:
        if len(_FINDERS) >= _SLOTS:
            _FINDERS.clear()
        kept = _FINDERS[id(slot)] = (slot, Finder.of(slot))  # held: its id is not reused
    return kept[1]


def alone_patterns(slots: Iterable[Slot]) -> list[str]:
    """Every alternative alone of the slots' finders: the built core saves their code."""
    return [pattern for slot in slots if (f := finder_of(slot)) for pattern in f.every_alone()]


def pattern_in(
    slot: Slot, text: str, words: frozenset[str] | None = None
) -> re.Pattern[str] | Alternation:
    """`slot.pattern`, or one that finds the same in `text` faster (`words`: its `\\w+`
    words, when known)."""
    finder = finder_of(slot)
    return slot.pattern if finder is None else finder.pattern_in(text, words)


# a look-behind opening an alternative: one that must fail (skipped), or one of plain words
_NOT_BEHIND = re.compile(r"\(\?<!(?:\\.|[^()\\])*\)")
_BEHIND = re.compile(r"\(\?<=(\\b)?([\w ]+)\)")
_WHOLE = re.compile(r"(?<= )\w+(?= )")  # a word with a space either side


def _words_behind(part: str) -> frozenset[str]:
    """Whole words the look-behinds an alternative opens with say come before it ("(?<=xa va
    )huyen": "va"; a first word only after a \\b, else it may end a longer one): a text
    lacking one never matches it there (the level slot's 28 alternatives after "huyen")."""
    found: set[str] = set()
    at = 0
    while True:
        if skipped := _NOT_BEHIND.match(part, at):
            at = skipped.end()
        elif behind := _BEHIND.match(part, at):
            found.update(_WHOLE.findall(f"{' ' if behind.group(1) else ''}{behind.group(2)}"))
            at = behind.end()
        else:
            return frozenset(found)


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
