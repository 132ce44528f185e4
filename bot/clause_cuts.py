"""Where a sentence may not be cut into two questions, and where a run-on one starts: rules
over its folded words, read by bot/understanding.py's split."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import cache

from bot.kb.model import Phrases, Understanding
from bot.phrases import LISTS_KEPT, has_phrase, outermost, phrase_at, spans
from bot.recent import ByIdentity

# how many, asked by a word that may close each part of a run-on message (not "không … không",
# "năm nào … năm nào"), and the words it counts when it opens one ("bao nhiêu người …")
_COUNT_ASKS = frozenset({("bao", "nhieu"), ("bn",), ("may",), ("bnhieu",)})
_COUNTED = frozenset({"nguoi", "ng", "can", "cb", "cbcc", "cong", "luot", "dang"})
_WHICH = frozenset({("nao",), ("gi",), ("j",)})  # "báo nào", "tin gì": which one of a thing
_DATE_PARTS = frozenset({"ngay", "thang", "nam"})  # a date asked part by part
_OWN_WORDS = 4  # words at least of a run-on question after a time asked, before its cue
_NOUN_MOST = 2  # words of a part that is only what is counted ("đảng viên")
_PART_MOST = 4  # words naming each part between two ("… bao nhiêu hiện có đại học bao nhiêu")


def run_on(
    cues: list[tuple[int, int]], folded: list[str], enders: Phrases, times: Phrases = ()
) -> list[tuple[int, int, bool]]:
    """Where a run-on second question starts: asking by the same words, "bao nhiêu ng … bao
    nhiêu ng là đv" (before it), "tổng số cb là bao nhiêu có bao nhiêu người …" (after the
    first, a question that ends by its cue); or by other words, after one of `enders`, or of
    `times` when a question word follows at once or words of its own ("… năm nào ai …", "…
    năm nào à mà mục tiêu … là gì"; not "… ra năm nào nói về cái gì": of the same subject)."""
    found = []
    asked = outermost(cues)
    for (a, b), (c, d) in itertools.pairwise(asked):
        if folded[a:b] != folded[c:d]:
            continue
        # "cao cấp bao nhiêu trung cấp huyện bao nhiêu xã bao nhiêu": the same word closing each
        # part (not "có bao nhiêu người …, … bao nhiêu": it opens one; not "ngày mấy tháng mấy")
        if asked[-1][1] == len(folded) and folded[a:b] == folded[slice(*asked[-1])]:
            # (a counted word right after it opens a part, unless it is that part: "… bao nhiêu
            # đảng viên bao nhiêu")
            after = folded[b] if b < len(folded) else ""
            counted = after in _COUNTED and c - b > _NOUN_MOST
            closes = tuple(folded[a:b]) in _COUNT_ASKS and not counted
            if a >= 2 and b < c <= b + _PART_MOST and closes and not _date_asked(folded, a, b, c):
                found.append((b, b, False))
            continue
        # "cao cấp … bao nhiêu người trung cấp thì bao nhiêu": after what the first counts, a
        # topic of the second ("… thì") asked of by the same word, counting nothing new (not
        # "… bao nhiêu người học đại học thì bao nhiêu người là đảng viên": one question)
        unit = b + 1 if b < len(folded) and folded[b] in _COUNTED else b
        own = d < len(folded) and folded[d] in _COUNTED
        if (
            a >= 2
            and unit > b
            and unit < c - 1 <= unit + _PART_MOST
            and folded[c - 1] == "thi"
            and not own
        ):
            found.append((unit, unit, False))
            continue
        if len(folded) - d < 2:
            continue
        if a <= 2 and c > b + 2:  # (a few words before the first: "bây giờ bao nhiêu …")
            found.append((c, c, False))
        elif a >= 2 and c - b <= 1 and b - a >= 2:  # not "ngày mấy tháng mấy"
            found.append((b, b, False))
    # "bài báo tên là gì đăng ngày nào có bao nhiêu người xem": a question that ends by what it
    # asks, then words of another that asks by other words (voice typing: no commas)
    for (a, b), (c, d) in itertools.pairwise(asked):
        ender = _ending(folded, b, enders)
        if not ender and (c == b or c - b >= _OWN_WORDS):
            ender = _ending(folded, b, times)
        # (the same word may ask again after a phrase that ends for sure: "bài này tên gì nói
        # về cái gì" — not "từ năm nào đến năm nào": the same phrase again, a range)
        again = tuple(folded[c - (ender - (b - a)) : d]) == tuple(folded[b - ender : b])
        other = folded[a:b] != folded[c:d] or (ender > b - a and c - b >= 2 and not again)
        if ender and a >= 2 and c >= b and other and not _date_asked(folded, a, b, c):
            found.append((b, b, False))
        # "lượt xem bao nhiêu báo nào đăng": how many, then at once a word and "nào" asking
        # which of it (not "bao nhiêu người nào", "mấy giờ, ai viết", "mấy tháng và ai …")
        counts = tuple(folded[a:b]) in _COUNT_ASKS and tuple(folded[c:d]) in _WHICH
        if counts and a >= 2 and c == b + 1 and folded[b] not in _COUNTED:
            found.append((b, b, False))
        # … or a question word and the words it asks with ("bài này ai viết đăng ngày nào")
        # (the same word again after two words it asked with: "ai viết bài ai được phỏng vấn")
        said = max((len(e) for e in enders if tuple(folded[a : a + len(e)]) == e), default=0)
        if said > b - a and c >= a + said and (folded[a:b] != folded[c:d] or said >= b - a + 2):
            found.append((a + said, a + said, False))
    return found


def _date_asked(folded: list[str], a: int, b: int, c: int) -> bool:
    """A date asked part by part, one cue after each ("ngày mấy tháng mấy", "tháng mấy năm nào"):
    one question."""
    return a > 0 and c == b + 1 and folded[a - 1] in _DATE_PARTS and folded[b] in _DATE_PARTS


def _ending(folded: list[str], end: int, enders: Phrases) -> int:
    """The words of the longest of `enders` ending right before `end` (0: none)."""
    return max(
        (len(e) for e in enders if tuple(folded[max(0, end - len(e)) : end]) == e), default=0
    )


def ends_marker(words: Sequence[str], end: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a phrase of two or more words ends right before position `end`."""
    return any(
        len(p) > 1 and end >= len(p) and tuple(words[end - len(p) : end]) == p for p in phrases
    )


def shares_owner(
    folded: list[str], marked: list[str], cut: tuple[int, int, int], owned: Phrases
) -> bool:
    """ "tên và chức vụ của người …": a name or post alone before the cut, another after it."""
    start, end, resume = cut
    first = phrase_at(folded, owned, marked, start)
    return start + first == end and bool(first) and bool(phrase_at(folded, owned, marked, resume))


def of_a_share(folded: list[str], marked: list[str], i: int, reading: Understanding) -> bool:
    """ "tỷ lệ … trên tổng số …": after a share word, what the share is of, no second count."""
    joiners, shares = reading.of_a_share
    return bool(phrase_at(folded, joiners, marked, i)) and has_phrase(
        folded[:i], shares, marked[:i]
    )


def cue_in(cues: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start <= a and b <= end for a, b in cues)


def opens_with(words: Sequence[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(words[: len(p)]) == p for p in phrases)


def checks_at_end(
    folded: list[str], marked: list[str], cues: list[tuple[int, int]], reading: Understanding
) -> bool:
    """Whether the sentence asks only by a check at its end ("…, đúng không?"): what it
    states before is all checked, clause by clause."""
    tags = spans(folded, reading.confirmations, marked)
    return (
        bool(tags)
        and max(b for _, b in tags) >= len(folded) - 1
        and all(any(a <= c and d <= b for a, b in tags) for c, d in cues)
    )


def figures_apart(folded: list[str], start: int, end: int, resume: int) -> bool:
    """A figure before the cut and another after it."""
    return figure_in(folded, start, end) and figure_in(folded, resume)


def figure_in(folded: list[str], start: int, end: int | None = None) -> bool:
    return any(w.isdigit() for w in folded[start:end])


def names_an_item(folded: list[str], start: int, end: int) -> bool:
    """Words that name an item of their own: two or more, not only a level ("cùng" of "cùng
    với", "cấp xã" of "cán bộ cấp huyện, cấp xã, và bao nhiêu …": the next question's)."""
    words = folded[start:end]
    return len(words) > 1 and any(w not in _LEVEL_WORDS for w in words)


_LEVEL_WORDS = frozenset({"cap", "huyen", "xa", "thi", "tran", "o", "ca", "va"})


def inside_it(forms: tuple[Sequence[str], Sequence[str]], at: int, reading: Understanding) -> bool:
    """Words at `at` ask inside the figure just named ("trong đó", "trong số đó")."""
    folded, marked = forms
    size = phrase_at(folded, reading.part_of_cues, marked, at)
    return bool(size) and at + size < len(folded) and folded[at + size] in reading.referring_words


def count_asked_inside(
    forms: tuple[list[str], list[str]], start: int, resume: int, reading: Understanding
) -> bool:
    """A part naming a count ("Tổng số CBCC của huyện …") that the next part asks inside ("… và
    trong đó bao nhiêu ở cấp xã?"): it asks that count though it has no question word."""
    opens = phrase_at(forms[0], reading.count_openers, forms[1], start)
    return bool(opens) and inside_it(forms, resume, reading)


def offers_the_other_answer(
    forms: tuple[list[str], list[str]],
    cues: list[tuple[int, int]],
    cut: tuple[int, int, int],
    reading: Understanding,
) -> bool:
    """ "…, có ai được lên chức không, hay vẫn ngồi chỗ cũ?": after a yes-no question (words
    `start:end` of the cut), the rest opens with "or" and asks nothing of its own — the other
    answer it offers, set apart ("bao nhiêu người học đại học, hay thạc sĩ?" is no such)."""
    folded, marked = forms
    start, end, at = cut
    yes_no = any(start <= a < end and tuple(folded[a:b]) in reading.yes_no_cues for a, b in cues)
    opens = phrase_at(folded, reading.other_answers, marked, at) > 0
    return yes_no and opens and not cue_in(cues, at, len(folded))


def ends_asking_on(forms: tuple[list[str], list[str]], reading: Understanding) -> bool:
    """ "…, với số người học thạc sĩ nữa": the sentence's last words ask for its last part too."""
    folded, marked = forms
    return any(b == len(folded) for _, b in spans(folded, reading.also_ends, marked))


def written_at(marked: list[str], phrases: tuple[tuple[str, ...], ...], i: int) -> bool:
    """Whether one of `phrases` starts at word `i` exactly as written: "con số" is a number,
    while "còn số …" (and … ?) and "con so", typed without diacritics, may ask on."""
    return any(
        tuple(w.lower() for w in marked[i : i + len(p)]) == p
        for p in _written_index(phrases).get(marked[i].lower(), ())
    )


@cache
def _by_first_written(
    phrases: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(found) for first, found in index.items()}


# found by identity: hashing a list of phrases cost more than reading it
_written_index = ByIdentity(_by_first_written, kept=LISTS_KEPT)
