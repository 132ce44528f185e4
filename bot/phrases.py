"""Where the phrases of a word list (knowledge/understanding.yaml) occur in a message: folded,
whole words, and a phrase word written with diacritics only as written ("cộng" is not "công")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from bot.kb.model import Phrases, Understanding
from bot.normalize import fold
from bot.recent import ByIdentity

if TYPE_CHECKING:
    from bot.kb import KnowledgeBase
    from bot.normalize import Normalized

# per length, longest first: the phrases without diacritics (how often each is listed), and
# the others by which of their words carry them (how often each is listed)
_Written = tuple[tuple[tuple[bool, ...], dict[tuple[str, ...], int]], ...]
_Group = tuple[int, dict[tuple[str, ...], int], _Written]
_Indexed = dict[str, tuple[_Group, ...]]


@cache
def _by_first(phrases: tuple[tuple[str, ...], ...]) -> _Indexed:
    """The phrases by their first word folded, then by length, longest first. A phrase word
    with diacritics must match as written; a phrase with none is its folded words, looked up
    at once (43 phrases open with "cho": one look-up per length, not a comparison each), and
    those with some by which words carry them ("cho mình hỏi", "cho em hỏi"): one look-up of
    the message's words read so, per way of carrying them."""
    index: dict[str, dict[int, tuple[dict[tuple[str, ...], int], dict[Any, Any]]]] = {}
    for phrase in phrases:
        marks = tuple(not w.isascii() and _unmarked(w) != w for w in phrase)
        plain, marked = index.setdefault(_unmarked(phrase[0]), {}).setdefault(len(phrase), ({}, {}))
        table = marked.setdefault(marks, {}) if any(marks) else plain
        table[phrase] = table.get(phrase, 0) + 1
    return {
        first: tuple(
            (n, plain, tuple(marked.items())) for n, (plain, marked) in sorted(sizes.items())[::-1]
        )
        for first, sizes in index.items()
    }


LISTS_KEPT = 1024  # word lists kept (a KB has a few hundred, each read in every message)
# the word lists are few and long-lived: found by identity, never hashed (hashing a list of 70
# phrases cost more than reading a short message with it)
_indexed = ByIdentity(_by_first, kept=LISTS_KEPT)
_INDEXES = _indexed.kept  # read in place by `spans` (~50 calls a message: a call less each)


_JOINED: dict[tuple[int, ...], tuple[tuple[object, ...], tuple[tuple[str, ...], ...]]] = {}


_SPLIT: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}


def as_phrases(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A settings list of phrases ("tuc la", "nói ngắn thôi") split into words, once per list."""
    kept = _SPLIT.get(words)
    if kept is None:
        kept = _SPLIT[words] = tuple(tuple(w.split()) for w in words)
    return kept


def joined(*lists: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The word lists one after another, the same tuple for the same lists: `spans` indexes a
    list once by identity, and a list joined anew per message was indexed anew each time."""
    key = tuple(map(id, lists))
    kept = _JOINED.get(key)
    if kept is not None and all(a is b for a, b in zip(kept[0], lists, strict=True)):
        return kept[1]
    if len(_JOINED) >= LISTS_KEPT:
        _JOINED.clear()
    found = tuple(phrase for phrases in lists for phrase in phrases)
    _JOINED[key] = (lists, found)  # the lists are held, so their ids are not reused meanwhile
    return found


def _unmarked(word: str) -> str:
    return fold(word)


def _written(
    written: _Written, folded: Sequence[str], marked: Sequence[str] | None, i: int, size: int
) -> int:
    """How many of the `written` phrases (of `size` words, found by which words carry
    diacritics) occur at word `i`: those words compared as written, the others folded."""
    if marked is None or i + size > len(folded):
        return 0  # a phrase with diacritics needs the words as written
    times = 0
    for marks, table in written:
        key = tuple([marked[k].lower() if m else folded[k] for k, m in enumerate(marks, i)])
        times += table.get(key, 0)
    return times


def spans(
    words: Sequence[str], phrases: tuple[tuple[str, ...], ...], marked: Sequence[str] | None = None
) -> list[tuple[int, int]]:
    """Where `phrases` occur in `words` (folded; `marked`: the same words as written)."""
    kept = _INDEXES.get(id(phrases))
    index = kept[1] if kept is not None and kept[0] is phrases else _indexed(phrases)
    if index.keys().isdisjoint(words):  # most lists: no phrase starts in the message
        return []
    found = []
    for i in [i for i, word in enumerate(words) if word in index]:  # where a phrase may start
        for size, plain, written in index[words[i]]:
            times = plain.get(tuple(words[i : i + size]), 0) if plain else 0
            if written:
                times += _written(written, words, marked, i, size)
            if times:
                found += [(i, i + size)] * times
    return found


def question_cues(
    folded: Sequence[str], marked: Sequence[str], reading: Understanding
) -> list[tuple[int, int]]:
    """Where the message asks by a word ("bao nhiêu", "ai", "đâu"), leaving out words typed
    with diacritics that only fold like one ("đứng đầu" is not "đâu")."""
    # "chưa qua tuổi 35": a negation with words after it (never "… đã đi học chưa?")
    denied = {a for a, b in spans(folded, reading.negations, marked) if b < len(folded)}
    fixed = spans(folded, reading.set_phrases, marked)  # "không sao, cảm ơn nha"
    return [
        (a, b)
        for a, b in spans(folded, reading.question_cues, marked)
        if marked[a].lower() not in reading.not_cues
        and not any(c <= a and b <= d for c, d in fixed)
        and not _indefinite(folded, marked, a, b, reading)
        and not _plural(folded, marked, a, b, reading)
        and not (b == a + 1 and a in denied)
    ]


def own_words(
    folded: Sequence[str], marked: Sequence[str], reading: Understanding, light: frozenset[str]
) -> list[str]:
    """The words that are neither light nor part of a question cue: what a piece of a message
    names of its own ("ở những mặt nào": "mặt")."""
    return [w for w in outside(folded, question_cues(folded, marked, reading)) if w not in light]


def own_words_but(
    forms: tuple[Sequence[str], Sequence[str]],
    skipped: set[int],
    reading: Understanding,
    light: frozenset[str],
    span: tuple[int, int | None] = (0, None),
) -> list[str]:
    """own_words of the words (`forms`: folded, as typed) in `span`, but those at positions
    `skipped` (a cue's own: "tổng", "gộp")."""
    folded, marked = forms
    start, end = span
    kept = [k for k in range(start, len(folded) if end is None else end) if k not in skipped]
    return own_words([folded[k] for k in kept], [marked[k] for k in kept], reading, light)


def _indefinite(
    folded: Sequence[str], marked: Sequence[str], a: int, b: int, reading: Understanding
) -> bool:
    """A one-word question word that means every or any: "ai cũng", "năm nào huyện cũng" — the
    word compared as typed ("cùng", "củng" are none), and bare "cung" not in "cung cấp"."""
    if b != a + 1:
        return False
    for i in range(b, min(b + 3, len(folded))):
        typed, after = marked[i].lower(), (folded[i + 1] if i + 1 < len(folded) else "")
        if typed in reading.indefinite_after and not (typed == "cung" and after == "cap"):
            return True
    return False


def _plural(
    folded: Sequence[str], marked: Sequence[str], a: int, b: int, reading: Understanding
) -> bool:
    """ "Mấy ông chủ tịch … học gì?": "mấy" opening the message before people, a word asking
    what after them (as typed: "chị" asks nothing) — and none sent ("có mấy ông …", "mấy ông
    … đi bồi dưỡng, học gì": how many went, then what)."""
    if a or b >= len(folded) or folded[a] != "may" or folded[b] not in reading.plural_people:
        return False
    if spans(folded[b + 1 :], reading.plural_then_asks, marked[b + 1 :]):
        return True  # "… học đại học mất mấy năm": how long they took, no count
    if any(w in reading.sent_words for w in folded[b + 1 :]):
        return False
    return any(w.lower() in reading.what_asks for w in marked[b + 1 :])


_COUNTS = {"2": 2, "3": 3, "4": 4, "5": 5}  # how many things a message may say it names


def count_of(word: str, roles: Mapping[str, str]) -> int | None:
    """The count a word says ("hai", "3": how many things a list announces or a sum adds),
    read through the number words (`roles`, folded); None for any other word."""
    return _COUNTS.get(roles.get(word, word))


def asks(words: Normalized, reading: Understanding) -> bool:
    """Whether the words ask something by a question word of their own."""
    return bool(question_cues(words.folded, words.tokens, reading))


def asks_why(words: Normalized, reading: Understanding) -> bool:
    """ "bài có giải thích vì sao hai số chênh nhau không?": why, which the article never says."""
    return why_in(words.folded, words.tokens, reading.pair_why)


def why_in(folded: Sequence[str], marked: Sequence[str], whys: Phrases) -> bool:
    """A why among the words — not "sao" right after "khác (nhau)": how they differ ("hai số
    đó khác nhau sao?")."""
    return any(
        not (
            b == a + 1
            and folded[a] == "sao"
            and a
            and folded[a - 1] in _DIFFER
            and all(w in _PARTICLES for w in folded[b:])  # not "… khác nhau sao nhiều vậy?"
        )
        for a, b in spans(folded, whys, marked)
    )


_DIFFER = frozenset({"khac", "nhau"})
_PARTICLES = frozenset({"vay", "the", "a", "ha", "z", "v", "nhi", "day", "ta", "nhe"})


def outermost(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not inside a longer one ("em hỏi" of "cho em hỏi", "nhiêu" of "bao nhiêu")."""
    if len(found) < 2:
        return list(found)  # (a span alone is inside no longer one)
    return [
        (a, b) for a, b in found if not any(c <= a and b <= d and d - c > b - a for c, d in found)
    ]


def outside(words: Sequence[str], found: list[tuple[int, int]]) -> list[str]:
    """The words no span of `found` covers ("cấp xã mỗi cấp có …" without "mỗi cấp")."""
    return [w for i, w in enumerate(words) if not any(a <= i < b for a, b in found)]


def only_phrases(words: Normalized, phrases: Phrases, light: frozenset[str]) -> bool:
    """The words hold one of `phrases` and, beside them, only `light` words ("nói cho em với")."""
    found = spans(words.folded, phrases, words.tokens)
    return bool(found) and all(w in light for w in outside(words.folded, found))


def starts_with(words: Sequence[str], phrase: str) -> bool:
    """Whether `words` (folded) open with `phrase`, words written apart ("vậy còn")."""
    parts = tuple(phrase.split())
    return tuple(words[: len(parts)]) == parts


def ends_with(words: Sequence[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `words` (folded) end with one of `phrases` ("… được đào tạo gồm")."""
    return any(len(words) >= len(p) and tuple(words[len(words) - len(p) :]) == p for p in phrases)


def has_phrase(
    words: Sequence[str], phrases: tuple[tuple[str, ...], ...], marked: Sequence[str] | None = None
) -> bool:
    """Whether any of `phrases` occurs in `words` (folded) as whole words; a phrase word written
    with diacritics is compared with `marked`, the same words as written."""
    return bool(spans(words, phrases, marked))


def phrase_at(
    words: Sequence[str], phrases: tuple[tuple[str, ...], ...], marked: Sequence[str], i: int
) -> int:
    """The length of the longest of `phrases` that starts at word `i`, else 0 (also past the
    last word: an empty message starts nothing)."""
    if not 0 <= i < len(words):
        return 0
    for size, plain, written in _indexed(phrases).get(words[i], ()):
        if tuple(words[i : i + size]) in plain or (
            written and _written(written, words, marked, i, size)
        ):
            return size
    return 0


def people_and_levels(kb: KnowledgeBase, reading: Understanding) -> frozenset[str]:
    """Folded words that name only people counted and a level or place ("cán bộ cấp xã",
    "CBCC toàn huyện"): a part of a share or a summand of no count of its own."""
    units = {fold(w.lower(), kb.tables) for u in kb.settings.counted_units for w in u.split()}
    return frozenset(units | {w for p in reading.summand_bare_words for w in p})
