"""Slots: words that pick one of several values (level, degree, course, what is asked).

A question naming "cấp xã" is not about a district-level fact: each intent declares the values
its answer is about (`slots:` in the KB), and one that declares a slot but not the value the
question names scores `slot_penalty` times lower (knowledge/matching.yaml)."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

from bot import message_words
from bot.counted_units import CountedUnits
from bot.kb import Intent, KnowledgeBase
from bot.kb.model import Slot
from bot.lexicon import Lexicon
from bot.normalize import Normalized, normalize
from bot.recent import ByIdentity, ByValue
from bot.slot_finder import NOTHING, finder_of, pattern_in

_PENALTIES = 64  # combinations of values named whose factors are kept (a float per intent)
_TEXTS = 8192  # questions' words kept with the values they name
_Named = tuple[tuple[str, frozenset[str]], ...]


class Slots:
    """Built once with the matcher; read-only afterwards, safe to share between threads."""

    def __init__(self, kb: KnowledgeBase, intents: Sequence[Intent], lexicon: Lexicon) -> None:
        self.kb, self.lexicon = kb, lexicon
        tables = kb.tables
        self._context = {normalize(w, tables).text for w in kb.settings.context}
        self._counted = CountedUnits(kb, lexicon, self._context)
        self._tables = self._build(intents)
        self._count = len(intents)
        # the reading of a message asks about the same match up to four times (bot/recent.py),
        # and messages about the same words (clauses, follow-ups): kept by value too
        by_words: ByValue[tuple, _Named] = ByValue(_TEXTS)
        self.named = ByIdentity(
            lambda q: by_words.get((0, q.tokens, q.folded), lambda: self._find(q))
        )
        self.softly = ByIdentity(
            lambda q: by_words.get((1, q.tokens, q.folded), lambda: self._find_softly(q))
        )
        self._part_hits = ByIdentity(self._find_part_hits)  # read by both: found once
        self.penalties = lru_cache(maxsize=_PENALTIES)(self._penalty)
        self._part_words = kb.conversation.part_words
        self._every = kb.settings.slot_every
        self._of_every = self._parts_of_every(intents)
        # a slot of no values never matches (its pattern is "(?!)"): never searched
        self._finders = [(slot, finder_of(slot)) for slot in kb.settings.slots if slot.values]

    def _build(self, intents: Sequence[Intent]) -> dict[str, tuple[np.ndarray, dict, np.ndarray]]:
        """Per slot: which intents declare it, which allow each value, and how many values
        each declares."""
        tables: dict[str, tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]] = {}
        for slot in self.kb.settings.slots:
            declares = np.array([slot.name in i.slots for i in intents])
            allows = {
                value: np.array([value in i.slots.get(slot.name, ()) for i in intents])
                for value in slot.declared
            }
            counts = np.array([len(i.slots.get(slot.name, ())) for i in intents])
            tables[slot.name] = (declares, allows, counts)
        return tables

    def _parts_of_every(self, intents: Sequence[Intent]) -> dict[str, np.ndarray]:
        """Per slot with a value naming every other ("cả huyện"): the facts the article gives
        one per value (groups.yaml `unnamed: all`) and never for all together. "Toàn huyện bao
        nhiêu người học trung cấp?" asks each of them (and their sum): no penalty for them."""
        position = {intent.id: n for n, intent in enumerate(intents)}
        found: dict[str, np.ndarray] = {}
        for group in self.kb.groups:
            every = self._every.get(group.by)
            at = [position[p] for p in group.parts if p in position]
            if every is None or not group.all_when_unnamed or not at:
                continue
            if any(every in intents[n].slots.get(group.by, ()) for n in at):
                continue  # the article gives the whole too ("toàn huyện" is that figure)
            found.setdefault(group.by, np.zeros(len(intents), dtype=bool))[at] = True
        return found

    def values(self, question: Normalized) -> dict[str, set[str]]:
        """Which value of each slot the question names ("cấp xã" → level=commune).

        Found once per question object (the reading of a message asks several times); each
        caller gets sets of its own."""
        return {name: set(values) for name, values in self.named(question)}

    def first_named(self, question: Normalized, name: str) -> dict[str, int]:
        """Where the question first names each value of slot `name` (a character offset):
        "trên đại học và đại học" asks them in that order."""
        folded, first = self.corrected(question), {}
        for slot, _ in self._finders:
            if slot.name == name:
                for hit in slot.pattern.finditer(folded):
                    first.setdefault(slot.values[hit.lastgroup or ""], hit.start())
        return first

    def words_outside_values(self, question: Normalized) -> int:
        """How many words name no value of any slot but what is asked: "trung cấp lý luận chính
        trị" none, a topic's label however long."""
        folded, covered = self.corrected(question), set()
        for slot, _ in self._finders:
            if slot.name != "ask":
                for hit in slot.pattern.finditer(folded):
                    covered.update(range(hit.start(), hit.end()))
        return sum(word.start() not in covered for word in re.finditer(r"\S+", folded))

    def corrected(self, question: Normalized) -> str:
        """The question folded, each mistyped word the one KB word it surely is ("huyênj")."""
        return self.lexicon.corrected(question.tokens, question.folded)

    def _find(self, question: Normalized) -> _Named:
        folded = self.corrected(question)
        words = message_words.word_set(folded)
        found: dict[str, set[str]] = {}
        for slot, finder in self._finders:
            if finder is None:
                pattern = slot.pattern
            elif finder.by_words_only and finder.first_words.isdisjoint(words):
                continue  # most slots, most questions: no word an alternative begins with
            else:
                pattern = finder.pattern_in(folded, words)
                if pattern is NOTHING:
                    continue
            for hit in pattern.finditer(folded):
                found.setdefault(slot.name, set()).add(slot.values[hit.lastgroup or ""])
        for name, every in self._every.items():
            # "toàn huyện có bao nhiêu cán bộ cấp xã": the whole district is where, one level what
            if every in found.get(name, ()) and len(found[name]) == 2:
                found[name].discard(every)
        for slot, hits in self._part_hits(question):
            # beside another part ("cán bộ huyện lẫn cán bộ xã"), or alone, an item of a list
            # ("cán bộ huyện, cán bộ xã và …"): a part word names its part
            if hits and (slot.name in found or self._only(hits, question)):
                for hit in hits:
                    found.setdefault(slot.name, set()).add(slot.values[hit.lastgroup or ""])
        if "count" in found.get("ask", ()) and self._counted.counts_something_else(
            question, folded
        ):
            found["ask"] = (found["ask"] - {"count"}) | {"count_other"}
        if "content" in found.get("ask", ()) and self.kb.article_numbers & set(question.folded):
            found["ask"] -= {"content"}  # "115 cán bộ học gì": the figure names its fact
            if not found["ask"]:
                del found["ask"]
        return tuple((name, frozenset(values)) for name, values in found.items())

    def fits_softly(self, intent: Intent, question: Normalized) -> bool:
        """`intent` is of a part the question's part words name, or of the whole, or of none."""
        for name, values in self.softly(question):
            own = intent.slots.get(name)
            if own and not own <= {*values, self._every.get(name, "")}:
                return False
        return True

    def _only(self, hits: list[re.Match[str]], question: Normalized) -> bool:
        """Nothing but the words `hits` span, filler and the article's subject."""
        text = question.folded_text
        for hit in reversed(hits):
            text = text[: hit.start()] + " " + text[hit.end() :]
        rest = text.split()
        pairs = dict(zip(question.folded, question.tokens, strict=False))
        return all(w in self._context or self.lexicon.is_filler(pairs.get(w, w), w) for w in rest)

    def _find_softly(self, question: Normalized) -> _Named:
        """Part words of a slot the question names no value of ("người làm ở huyện"): they
        never mean another part ("ở huyện" is no commune figure), though alone they may mean
        the whole (knowledge/conversation.yaml `part_words`)."""
        named = {name for name, _ in self.named(question)}
        found: dict[str, set[str]] = {}
        for slot, hits in self._part_hits(question):
            if slot.name in named:
                continue
            for hit in hits:
                found.setdefault(slot.name, set()).add(slot.values[hit.lastgroup or ""])
        return tuple((name, frozenset(values)) for name, values in found.items())

    def _find_part_hits(self, question: Normalized) -> tuple[tuple[Slot, list[re.Match[str]]], ...]:
        """Each part-word slot with where its pattern matches the question (folded): `_find`
        and `_find_softly` read them for the same question, searched once."""
        text = question.folded_text
        return tuple(
            (slot, list(pattern_in(slot, text).finditer(text))) for slot in self._part_words
        )

    def factors(self, named: dict[str, set[str]], intents: np.ndarray) -> np.ndarray:
        """Per intent: slot_penalty for each slot whose value the question names differently.

        What is asked may be any of an intent's values ("ai, khi nào"); of any other slot, a fact
        declaring several values is about them together ("cao cấp, trung cấp": 168 people), so
        a question must name every one ("mấy người học cao cấp?" is not that fact).

        Masks are combined over every intent of the KB (a few passes over small arrays), then
        read once at `intents`: indexing each table at a large `intents` cost more."""
        if not named:
            return np.ones(len(intents))
        return self.penalties(tuple((k, frozenset(v)) for k, v in named.items()))[intents]

    def _penalty(self, named: _Named, softly: _Named = ()) -> np.ndarray:
        """`factors` over every intent of the KB (kept per combination of values named); a
        value named `softly` lowers only the intents of another value that is not the whole."""
        factors = np.ones(self._count)
        penalty = self.kb.settings.slot_penalty
        for name, values in named:
            declares, allows, counts = self._tables[name]
            hits = np.zeros(self._count, dtype=np.int64)
            for value in sorted(values):
                hits += allows[value]
            allowed = hits > 0 if name == "ask" else hits == counts
            if name in self._of_every and values == {self._every[name]}:
                allowed = allowed | self._of_every[name]  # "cả huyện" of per-level facts
            factors[declares & ~allowed] *= penalty
        for name, values in softly:
            declares, allows, _ = self._tables[name]
            wider = {*values, self._every.get(name, "")} & set(allows)
            allowed = np.zeros(self._count, dtype=bool)
            for value in sorted(wider):
                allowed |= allows[value]
            factors[declares & ~allowed] *= penalty
        factors.flags.writeable = False
        return factors


def values_left_out(
    slots: Sequence[str], named: dict[str, set[str]], facts: Sequence[Intent]
) -> dict[str, set[str]]:
    """The values of `slots` a question names that none of `facts` holds ("chuyên viên" beside
    the advanced course): what an answer of those facts leaves unanswered."""
    left = {}
    for slot in slots:
        held = set().union(*(fact.slots.get(slot, ()) for fact in facts))
        if named.get(slot, set()) - held:
            left[slot] = named[slot] - held
    return left


def named_fits(slot: str, own: frozenset[str] | set[str], named: set[str]) -> bool:
    """An intent declaring `own` values of `slot` is about a question naming `named`: any of
    them for what is asked, every one of them otherwise (the rule of `Slots.factors`)."""
    return bool(own & named) and (slot == "ask" or own <= named)


def takes(intent: Intent, named: dict[str, set[str]]) -> bool:
    """Takes every value the follow-up names."""
    return all(
        named_fits(name, intent.slots.get(name, frozenset()), values)
        for name, values in named.items()
    )


class OnlyFact:
    """The one fact that takes every value named ("còn cao cấp?"), if only one does: read among
    the facts declaring one of the values of the first slot named, and left at the second found
    (a scan of every intent took ~24 ms at a million phrasings)."""

    def __init__(self, intents: Sequence[Intent]) -> None:
        self._facts = tuple(i for i in intents if i.kind == "fact")
        self._by_value: dict[tuple[str, str], array[int]] = {}  # (slot, value) → facts, in order
        for n, intent in enumerate(self._facts):
            for name, values in intent.slots.items():
                for value in values:
                    self._by_value.setdefault((name, value), array("i")).append(n)

    def __call__(self, named: dict[str, set[str]]) -> Intent | None:
        pool: Iterable[Intent] = self._facts
        if named:  # a fact taking them declares one of the first slot's values named
            name, values = next(iter(named.items()))
            found = {n for v in values for n in self._by_value.get((name, v), ())}
            pool = (self._facts[n] for n in sorted(found))
        only = None
        for intent in pool:
            if takes(intent, named):
                if only is not None:
                    return None
                only = intent
        return only


def fits_keeping(
    intent: Intent,
    named: dict[str, set[str]],
    previous: Intent,
    unkept: frozenset[str] = frozenset(),
) -> bool:
    """Takes every value the follow-up names, and keeps the previous intent's other values
    (but those of `unkept` slots: the user never named them)."""
    if not takes(intent, named):
        return False
    for name, values in previous.slots.items():
        if name in named or name == "ask" or name in unkept:
            continue
        if name in intent.slots and not values & intent.slots[name]:
            return False
    return True
