"""What in a message marks it as read against the previous answer: openers and closers ("còn …",
"… thì sao"), words pointing back at it ("nó", "ông ấy"), slot values only a follow-up names
("ở huyện"), and the words left once all of those are gone (knowledge/conversation.yaml).
Pure: built once from the KB, then a function of the matched question."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from bot import message_memo
from bot.kb import KnowledgeBase
from bot.lazy_regex import LazyPattern
from bot.normalize import Normalized, fold, normalize
from bot.phrases import has_phrase, spans, starts_with
from bot.slot_finder import pattern_in
from bot.values import value_class

if TYPE_CHECKING:
    from bot.kb import Intent
    from bot.matcher import Match


@value_class
class Cues:
    """How one message reads as a follow-up."""

    opens: bool  # "còn …", "vậy …"
    closes: bool  # "… thì sao", "… nữa"
    refers: bool  # "nó", "ông ấy": it points back at the previous answer
    why: bool
    purpose: bool
    remedy: bool  # "đã làm gì để khắc phục?"
    period: bool  # "mỗi năm hay tổng?", "is that per year?"
    inclusion: bool  # "cái đó tính cả viên chức không?"
    other: bool  # "cấp kia": the other part
    besides: bool  # "ngoài ra … nào nữa": something else
    share: bool  # "mấy phần trăm"
    whole: bool  # "so với tổng số"
    about: str  # "ông ấy nói gì về việc chọn cán bộ": the words after "nói gì về", as written
    named: dict[str, set[str]]  # slot values named (not `ask`), a follow-up's own words included
    asked: frozenset[str]  # values of the `ask` slot
    leftover: Sequence[str]  # folded words naming something: no marker, slot value or light word

    @property
    def marked(self) -> bool:
        return self.opens or self.closes or self.refers


Known = Callable[[str], bool] | None  # whether a word is one of the last answer's own
_OWN_TIMES = frozenset({"when", "number"})  # what a fact may state of itself: its year, its number


class FollowUpWords:
    def __init__(self, kb: KnowledgeBase, light_words: frozenset[str]) -> None:
        self.kb = kb
        self.conversation = c = kb.conversation
        self.light_words = light_words
        self._pronouns = tuple(normalize(p, kb.tables) for p in c.pronouns)
        # each confirmation's words, and itself as a list of one (indexed once, by identity)
        self._confirmations = [(set(p), (p,)) for p in kb.understanding.confirmations]
        self._article_words = tuple(tuple(p.split()) for p in c.article_words)  # folded
        self._restates = tuple(tuple(p.split()) for p in c.restate_words)  # folded
        self._splits = tuple(tuple(p.split()) for p in c.split_words)
        self.restate_beside = frozenset(w for p in c.restate_beside for w in p.split())
        self._content_asks = tuple(tuple(p.split()) for p in c.content_asks)
        self._own_name_asks = tuple(tuple(p.split()) for p in c.own_name_asks)
        # by first word (~60 pronouns were compared at every position of a message)
        self._pronouns_by_first: dict[str, list[tuple[str, ...]]] = {}
        for pronoun in self._pronouns:
            if pronoun.tokens:
                self._pronouns_by_first.setdefault(pronoun.tokens[0], []).append(pronoun.tokens)
        # "bao nhiêu lượt?": question words, filler, and a unit that names no fact (người, lượt)
        settings = kb.settings
        units = [u for u in settings.counted_units if fold(u, kb.tables) in light_words]
        counting = (*settings.question_words, *settings.filler, *units)
        self._counting = {form for w in counting for form in (w.lower(), fold(w, kb.tables))}
        self._filler = tuple(tuple(f.split()) for f in c.filler)  # "chính xác là bao nhiêu"
        folded = (
            c.markers_start,
            c.markers_end,
            c.why_markers,
            c.purpose_markers,
            c.remedy_markers,
            c.period_markers,
            c.inclusion_markers,
            c.other_markers,
            c.else_markers,
            c.share_markers,
            c.whole_markers,
            c.filler,
        )
        # longest first, so "thì sao" goes before "sao"; one pattern, compiled at the first
        # follow-up (~3 ms of every start, and a first question is none)
        markers = sorted({m for ms in folded for m in ms}, key=len, reverse=True)
        self._markers = LazyPattern(rf"(?<= )(?:{'|'.join(map(re.escape, markers))})(?= )")

    def read(self, match: Match, named_all: dict[str, set[str]]) -> Cues:
        """`named_all`: the slot values the matcher found in the question."""
        question = match.question
        words, text = question.folded, question.folded_text
        c = self.conversation
        pointed = self.pronoun_positions(question)
        left = " " + " ".join(w for i, w in enumerate(words) if i not in pointed) + " "
        own: dict[str, set[str]] = {}  # slot values only a follow-up names
        asked = set(named_all.get("ask", ()))
        for slot in c.slot_words:
            if slot.name in named_all and slot.name != "ask":
                continue
            text = left.strip()
            pattern = pattern_in(slot, text)
            hits = {slot.values[h.lastgroup or ""] for h in pattern.finditer(text)}
            if slot.name == "ask" and hits:  # "đến năm bao nhiêu": a year, not a count
                asked = hits
            elif hits:
                own[slot.name] = hits
            left = " " + pattern.sub(" ", text) + " "
        left = self._markers.sub(" ", left)  # "trên tổng số": a marker before "tổng số" a count
        for slot in self.kb.settings.slots:
            left = pattern_in(slot, left).sub(" ", left)
        leftover = tuple(w for w in left.split() if w not in self.light_words)
        named = {k: set(v) for k, v in named_all.items() if k != "ask"}
        if not leftover:  # "thế ở huyện thì?": only then is "huyện" the district level
            named.update(own)
        return Cues(
            opens=any(starts_with(words, m) for m in c.markers_start),
            closes=any(_ends_with(words, m) for m in c.markers_end),
            refers=bool(pointed),
            why=_any_phrase(text, c.why_markers),
            purpose=_any_phrase(text, c.purpose_markers),
            remedy=_any_phrase(text, c.remedy_markers),
            period=_any_phrase(text, c.period_markers),
            inclusion=_any_phrase(text, c.inclusion_markers),
            other=_any_phrase(text, c.other_markers),
            besides=_any_phrase(text, c.else_markers),
            share=_any_phrase(f"{text} | {question.text.lower()}", c.share_markers),  # "hơn nửa"
            whole=_any_phrase(text, c.whole_markers),
            about=_after(question, c.about_markers, pointed),
            named=named,
            asked=frozenset(asked),
            leftover=leftover,
        )

    def counts_a_unit(self, question: Normalized, aside: Iterable[int] = ()) -> bool:
        """ "bao nhiêu lượt?", "mấy người vậy?", "chính xác là bao nhiêu?": question words, a
        unit the article counts and filler, nothing else (but the words at positions `aside`) —
        as bare a question as "bao nhiêu?"."""
        skipped = set(aside)
        skipped.update(i for a, b in spans(question.folded, self._filler) for i in range(a, b))
        words = [
            (t.lower(), f)
            for i, (t, f) in enumerate(zip(question.tokens, question.folded, strict=True))
            if i not in skipped
        ]
        # a word typed with diacritics is compared as typed ("báo" is no "bao"); typed bare,
        # its fold is the word itself
        return bool(words) and all(t in self._counting for t, _ in words)

    def points_back(self, question: Normalized) -> bool:
        """Whether a pronoun points at the previous answer ("số đó", "nó")."""
        return bool(self.pronoun_positions(question))

    def picks_among(self, question: str, cues: Cues, previous: Intent) -> bool:
        """ "cấp huyện hay cấp xã rứa?" after the district's figure: a choice among values of
        which the fact just given has one (the answer again says which)."""
        named = cues.named.items()
        if not named or not self.says(question, self.kb.conversation.choice_words):
            return False
        if all(len(v) > 1 and v & previous.slots.get(k, set()) for k, v in named):
            return True
        # "số đó là cán bộ, công chức hay chỉ cán bộ?": a slot the fact has none of: it says which
        pointed = self.points_back(message_memo.normalized(question, self.kb.tables))
        return pointed and all(k not in previous.slots for k, _ in named)

    def says(self, question: str, phrases: Sequence[str]) -> bool:
        """Whether any of `phrases` (folded) occurs in the message as whole words."""
        text = f" {' '.join(message_memo.normalized(question, self.kb.tables).folded)} "
        return any(f" {phrase} " in text for phrase in phrases)

    def asks_what_it_says(self, question: Normalized, says_one: bool = False) -> bool:
        """ "nó nói về chuyện gì?", "văn bản đó nói về vấn đề gì": a pronoun and words asking
        what the thing it points at says, nothing else; after a fact that says one (`says_one`:
        a resolution, not a count), "nội dung về cái gì?" alone, naming not the article."""
        pointed = self.pronoun_positions(question)
        words, marked = question.folded, question.tokens
        if pointed:  # "nó nói về cái gì": what it says, as asked of the one before or alone
            asked = spans(words, self.kb.understanding.of_the_one_before, marked)
            if says_one and not asked:  # (after the title: what the article says, its own fact)
                asked = spans(words, self._content_asks, marked)
        elif says_one and not has_phrase(words, self._article_words, marked):
            asked = spans(words, self._content_asks, marked)
        else:
            return False
        rest = [
            w
            for i, w in enumerate(words)
            if i not in pointed and not any(a <= i < b for a, b in asked)
        ]
        return bool(asked) and all(w in self.light_words for w in rest)

    def asks_its_name(self, question: Normalized) -> bool:
        """ "tên đầy đủ là gì?", "tên đầy đủ của nó?": the full name of what was just given,
        and nothing else (no subject of its own)."""
        words, marked = question.folded, question.tokens
        asked = spans(words, self._own_name_asks, marked)
        pointed = self.pronoun_positions(question)
        rest = [
            w
            for i, w in enumerate(words)
            if i not in pointed and not any(a <= i < b for a, b in asked)
        ]
        return bool(asked) and all(w in self.light_words or w == "cua" for w in rest)

    def only_confirms(self, match: Match) -> bool:
        """ "chắc không?", "đáp án đó đúng không?" alone after an answer: whether it holds,
        asked of it (a pronoun pointing at it is no other subject)."""
        words, marked = match.question.folded, match.question.tokens
        pointed = self.pronoun_positions(match.question)
        rest = {w for i, w in enumerate(words) if w not in self.light_words and i not in pointed}
        return any(
            rest <= words_of and has_phrase(words, alone, marked)
            for words_of, alone in self._confirmations
        )

    def only_restates(self, match: Match, known: Known = None) -> bool:
        """ "nói gọn 1 câu", "nhắc lại giúp", "shorter pls": the last answer asked again, every
        other word a pronoun, one of `restate_beside` or `known` ("đạt về mặt gì?" after
        whether they met requirements: a word of that fact)."""
        return self._only(match, self._restates, known)

    def only_splits(self, match: Match) -> bool:
        """ "tách ra từng cấp", "break it down": the last answer's facts, each on its own."""
        return self._only(match, self._splits)

    def _only(self, match: Match, phrases: Sequence[tuple[str, ...]], known: Known = None) -> bool:
        words = match.question.folded
        found = spans(words, phrases)
        if not found or spans(words, self._article_words):  # not "tóm tắt bài báo"
            return False
        inside = {i for a, b in found for i in range(a, b)} | self.pronoun_positions(match.question)
        beside = self.restate_beside
        return all(i in inside or w in beside or (known and known(w)) for i, w in enumerate(words))

    def own_time(self, match: Match, cues: Cues, leftover: Sequence[str], previous: Intent) -> bool:
        """ "từ năm nào?" after the resolution: a few words asking nothing but a time (or a
        number) that the last fact states of itself ask it of that fact, however surely the
        article's own date answers them alone — or that the article never dates ("từ năm
        nào?" after a yearly figure: not the article's date either)."""
        undated = {"when"} if previous.topic in self.kb.conversation.undated_topics else set()
        own = cues.asked & (previous.slots.get("ask", frozenset()) | undated) & _OWN_TIMES
        return bool(own) and not leftover and not cues.named and len(match.question.tokens) <= 3

    def pronoun_positions(self, question: Normalized) -> set[int]:
        """Where a pronoun stands, compared as written ("nó" is not "no", "họ" not "hồ")."""
        tokens = [t.lower() for t in question.tokens]
        found: set[int] = set()
        by_first = self._pronouns_by_first
        for i, token in enumerate(tokens):
            for pronoun in by_first.get(token, ()):
                size = len(pronoun)
                if tuple(tokens[i : i + size]) == pronoun:
                    found.update(range(i, i + size))
        return found


def _after(question: Normalized, phrases: Iterable[str], aside: set[int]) -> str:
    """The words after the first of `phrases` in the question, as written ("" if none, or if
    they only point back, at positions `aside`: "ai là người nói những điều này?")."""
    words = question.folded
    for phrase in phrases:
        parts = tuple(phrase.split())
        for i in range(len(words) - len(parts)):
            if words[i : i + len(parts)] == parts:
                rest = range(i + len(parts), len(words))
                if all(j in aside for j in rest):
                    return ""
                return " ".join(question.tokens[i + len(parts) :])
    return ""


def _any_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    return bool(_phrases_pattern(phrases).search(text))


@lru_cache(maxsize=64)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `phrases` as whole words, compiled once per list (a KB has a handful)."""
    if not phrases:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(rf"(?:^| )(?:{'|'.join(map(re.escape, phrases))})(?: |$)")


def _ends_with(words: tuple[str, ...], phrase: str) -> bool:
    parts = tuple(phrase.split())
    return len(words) >= len(parts) and words[-len(parts) :] == parts
