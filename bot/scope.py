"""What the article cannot speak to, whatever else a question names: another place (a rule of
knowledge/matching.yaml `scope_rules:`), a year it has no figure for, or one after it was
published."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import takewhile
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from bot import message_memo
from bot.kb import KnowledgeBase
from bot.normalize import Normalized, fold, normalize
from bot.quoted_figures import offered_beside_known

if TYPE_CHECKING:
    from bot.matcher import Match
from bot.recent import ByIdentity, ByValue
from bot.regex_heads import Heads, heads
from bot.regex_tails import tails

_YEAR = re.compile(r"^(19|20)\d\d$")
_DISTRICT = re.compile(r"\bhuyện\s+((?:\w+\s*){1,3})", re.IGNORECASE)  # "huyện Krông Pắc …"
_OWN_AFTER = frozenset({"uy"})  # "Huyện Ủy": the district's Party committee
_SAME = 75  # how alike each word of a name is to one of the district's, typed with a slip
_WORD = re.compile(r"\w+")
# before "năm 2011": since then ("từ", "kể từ", "sau"), or the event itself named ("nghị quyết")
_SINCE = frozenset({"tu", "sau", "quyet", "nq", "03"})
_NONE = (None, None)  # heads that tell nothing


def _holds(needs: tuple[Heads, ...], present: frozenset[str], text: str) -> bool:
    """Whether `text` (whose `\\w+` words are `present`) holds what each tail begins with: a
    whole word of its words, else one of its texts."""
    for words, prefixes in needs:
        if words is not None:
            if words.isdisjoint(present):
                return False
        elif prefixes is not None and not any(p in text for p in prefixes):
            return False
    return True


class Scope:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        years = re.findall(r"\b(?:19|20)\d\d\b", kb.messages.article.published)
        self._published_year = int(years[-1]) if years else 9999
        # each rule with the words (or texts) one of which a text it matches must hold: 17
        # rules were searched in every clause of every message
        self._rules = [
            (rule, *heads(rule.pattern.pattern, rule.pattern.flags))
            for rule in kb.settings.scope_rules
        ]
        # the rules by the words their matches begin with (a text is tried only at those of its
        # words, and at the rules that show none), in their order
        self._by_word: dict[str, list[int]] = {}
        for k, (_, words, _) in enumerate(self._rules):
            for word in words or ():
                self._by_word.setdefault(word, []).append(k)
        self._always = frozenset(k for k, (_, words, _) in enumerate(self._rules) if words is None)
        # per rule, what its tails begin with (bot/regex_tails.py): a text lacking any is no match
        self._needs = [
            tuple(h for tail in tails(rule.pattern.pattern) if (h := heads(tail, flags)) != _NONE)
            for rule in kb.settings.scope_rules
            for flags in (rule.pattern.flags,)
        ]
        # a refused question is asked which rules it matches, then which words matched them
        self._tried = ByIdentity(self._rules_for)
        self._outside: ByValue[tuple, str | None] = ByValue(8192)
        self._own = [fold(w, kb.tables) for w in kb.settings.context]  # the district's words

    def words_outside(self, question: Normalized) -> frozenset[int]:
        """The words that put the question outside the article ("Mường Nhé", "năm 2011"):
        without them it may be one the article answers, of its own district, now."""
        folded = question.folded_text
        starts, at = [], 0
        for word in question.folded:
            starts.append(at)
            at += len(word) + 1
        found = {i for i, _ in self._years_outside(question) for i in (i - 1, i)}
        for k in self._tried(question):
            rule = self._rules[k][0]
            if rule.message != self.kb.messages.fallback_out_of_scope:
                continue  # advice, the clock: nothing of the article once its words are gone
            for hit in rule.pattern.finditer(folded):
                found |= {i for i, start in enumerate(starts) if hit.start() <= start < hit.end()}
        kinds = self.kb.understanding.place_kinds  # "tỉnh Hà Giang", "thành phố Hà Nội"
        for i in sorted(found):
            while i - 1 >= 0 and i - 1 not in found and question.folded[i - 1] in kinds:
                i -= 1
                found.add(i)
        return frozenset(i for i in found if i >= 0)

    def outside(self, question: Normalized) -> str | None:
        """The message that says why the article cannot answer, or None when it may (kept by
        the question's words: clauses and follow-ups come back from message to message)."""
        key = (question.tokens, question.folded)
        return self._outside.get(key, lambda: self._outside_of(question))

    def _outside_of(self, question: Normalized) -> str | None:
        by_rule = self.by_rule(question)
        if by_rule is not None:
            return by_rule
        years = self._years_outside(question)
        if years:
            return self.kb.messages.fallback_unknown_year.format(year=years[0][1])
        return None

    def by_rule(self, question: Normalized) -> str | None:
        """The message of the first scope rule the question matches (another place, another
        level of government …), years left aside."""
        folded = question.folded_text
        for k in self._tried(question):
            rule, words, prefixes = self._rules[k]
            # a match begins with one of the rule's words, and one of its prefixes: with the
            # words present, the prefixes tell little more than the search itself
            if words is None and prefixes is not None and not any(p in folded for p in prefixes):
                continue
            if rule.pattern.search(folded):
                return rule.message
        return None

    def _rules_for(self, question: Normalized) -> list[int]:
        """The rules a text may match, in their order: those whose first words it holds (a
        match begins with one), and those that show none."""
        by_word = self._by_word
        # the words \w+ finds in the text: its words, when each is letters or digits alone
        whole = all(map(str.isalnum, question.folded))
        present = frozenset(question.folded if whole else _WORD.findall(question.folded_text))
        tried = set(self._always)
        for word in present:  # (not present.intersection(by_word): that reads every key)
            if word in by_word:
                tried.update(by_word[word])
        folded, needs = question.folded_text, self._needs
        return sorted(k for k in tried if not needs[k] or _holds(needs[k], present, folded))

    def _years_outside(self, question: Normalized) -> list[tuple[int, str]]:
        """(index, year) of each year asked about that the article cannot speak to — not one
        offered beside the article's as the answer's alternatives ("ban hành năm 2010 hay
        2011?": which of them it is)."""
        settings, folded = self.kb.settings, question.folded
        if "" not in settings.year_cues and settings.year_cues.isdisjoint(folded):
            return []  # most questions: no word before a year says it is one
        found = []
        words = ("", "", *folded)
        for index, (earlier, before, word) in enumerate(
            zip(words, words[1:], words[2:], strict=False)
        ):
            # "năm 2019": a year the article does not cover ("gần 2000 cán bộ" is no year), or
            # one after it was published ("sau năm 2020"; but "đến năm 2020" is its horizon)
            if before not in settings.year_cues or not _YEAR.match(word):
                continue
            unknown = word not in self.kb.article_numbers
            later = int(word) > self._published_year and earlier not in settings.horizon_cues
            if unknown or later:
                found.append((index, word))
        offered = offered_beside_known(question, self.kb) if found else frozenset()
        return [(i, year) for i, year in found if year not in offered]

    def count_of_an_event_year(
        self, match: Match, slot_values: Callable[[Normalized], dict[str, set[str]]]
    ) -> str | None:
        """ "Năm 2011 huyện có bao nhiêu cán bộ có trình độ đại học?": a count asked as of a year
        the article names only for an event (the resolution, 2011), of a fact that does not
        carry that year — the article gives its figures as of publication, none for then."""
        settings, folded = self.kb.settings, match.question.folded
        no_year = "" not in settings.year_cues and settings.year_cues.isdisjoint(folded)
        if no_year or not match.candidates:
            return None  # most messages: no year asked (the slots are read only for one)
        if "count" not in slot_values(match.question).get("ask", ()):
            return None
        near = [c.intent.answer for c in match.candidates if c.score >= settings.thresholds.clarify]
        words = ("", "", *folded)
        for since, before, word in zip(words, words[1:], words[2:], strict=False):
            if before not in settings.year_cues or not _YEAR.match(word):
                continue
            if since in _SINCE:  # "từ năm 2011 đến nay", "nghị quyết năm 2011": of the event
                continue
            event = word in self.kb.article_numbers and int(word) < self._published_year
            if event and not any(word in answer for answer in near):
                return self.kb.messages.fallback_unknown_year.format(year=word)
        return None

    def another_district(self, question: str) -> str | None:
        """ "huyện Krông Pắc đào tạo bao nhiêu thạc sĩ": a district named by its capitalised
        name other than the article's (its words are the settings' `context`: Điện Biên Đông);
        once a message (asked of the message and of its clause, as each is decided)."""
        key = ("another district", id(self), question)
        return message_memo.once(key, lambda: self._another_district(question))

    def _another_district(self, question: str) -> str | None:
        hits = list(_DISTRICT.finditer(question))  # most messages: none, nothing more read
        if not hits:
            return None
        words = question.split()
        if sum(w[:1].isupper() for w in words) * 2 > len(words):
            return None  # "Huyện Có Bao Nhiêu Cán Bộ": every word capitalised, no name told
        for hit in hits:
            # a name's words are capitalised, never all capitals ("cấp huyện QLNN": a word)
            words = takewhile(lambda w: w[:1].isupper() and not w.isupper(), hit.group(1).split())
            named = [
                fold(w, self.kb.tables) for w in normalize(" ".join(words), self.kb.tables).tokens
            ]
            if not named or set(named) <= _OWN_AFTER:
                continue
            # the article's own, however typed ("Điện Biên Đôngg", "Ðiện Biên Ðông")
            if any(max(fuzz.ratio(w, o) for o in self._own) < _SAME for w in named):
                return self.kb.messages.fallback_out_of_scope
        return None
