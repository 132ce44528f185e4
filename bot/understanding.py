"""What a question asks beyond which fact it names: several questions in one message, a total,
the meaning of a figure, an attribute the article never gives, a pick among suggestions.

Pure functions over text and the tables of knowledge/understanding.yaml; the decisions that use
them live in bot/answer.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import clause_cuts, message_words
from bot.clause_cuts import cue_in, ends_marker, of_a_share, opens_with, run_on, shares_owner
from bot.enumerations import without_item_marks
from bot.kb.bound_pairs import COMMA
from bot.kb.model import Understanding
from bot.normalize import Tables, canonical_number, clean, fold
from bot.phrases import has_phrase, phrase_at, question_cues, spans
from bot.recent import ByIdentity
from bot.values import value_class

if TYPE_CHECKING:
    from bot.matcher import Match

_WORD = message_words.WORD
# a full stop or comma between digits is part of a number (1.999, 53,3), not a break
# ("No. 03": a full stop before a figure ends no sentence)
SENTENCE_END = re.compile(r"[?!;\n…|•]+|(?<!\d)\.(?![\d\s])|\.$|\.(?=\s+[^\d\s])|(?:^|\s)\(?\d\)\s")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ITEM_MARK = re.compile(r"\s*\(?\d\)\s")  # what opens the next sentence as an item: "(2) "


# ---------------------------------------------------------------- several questions in one


@value_class
class Clause:
    """One possible question of a message; `asks` when it or its sentence asks something
    (a clause of a statement, such as a preamble, answers nothing)."""

    text: str
    asks: bool
    own_cue: bool = False  # it asks by a word of its own ("bao nhiêu", "ai" …)


def split_clauses(
    text: str,
    reading: Understanding,
    tables: Tables,
    as_list: bool = False,
    sentences: Sequence[Sentence] | None = None,
) -> list[Clause]:
    """The message cut where a new question may start: at sentence ends, and inside a sentence
    at commas and joiners ("và", "với", "vs", "còn") — except where the article itself joins the
    same two words ("cán bộ, công chức", "bí thư và phó bí thư"). A kept joiner ("còn") heads
    its clause, where it marks a follow-up of the clause before. `sentences`: sentences_of(text)
    when read before (both ways of cutting read them alike).
    """
    clauses: list[Clause] = []
    for found in sentences_of(text, reading, tables) if sentences is None else sentences:
        parts = _split_sentence(found, reading, as_list)
        for part, own_cue in parts:
            # "còn trên đại học?": a sentence of its own asks by its question mark
            own_cue = own_cue or (len(parts) == 1 and found.asked_at_end)
            if _WORD.search(part):
                clauses.append(Clause(part.strip(), found.asks, own_cue))
    return clauses


@value_class
class Sentence:
    """A sentence of a message with its words (`forms`: folded, as written), its question cues,
    whether it asks, and where it may be cut (at commas and joiners, the words' positions)."""

    text: str
    words: list[tuple[int, int, str]]
    forms: tuple[list[str], list[str]]
    cues: list[tuple[int, int]]
    asks: bool
    asked_at_end: bool
    # (first word after the clause, first word of the next, a kept joiner such as "còn")
    cuts: list[tuple[int, int, bool]]
    opener: int  # the words of a joiner that asks on, opening the sentence (else 0)


def sentences_of(text: str, reading: Understanding, tables: Tables) -> list[Sentence]:
    """The sentences of a message (`text`) as `split_clauses` cuts them, whether as a list or
    not: read once for both."""
    cleaned = clean(text, tables)
    every = message_words.words(cleaned, tables)  # the words of the message, once
    found: list[Sentence] = []
    asked_before = item = False
    items: list[bool] = []  # whether each sentence is an item of a numbered list
    listed: list[bool] = []  # whether a semicolon ends it
    for start, sentence, ended_by in _sentences(cleaned):
        numbered, item = item, bool(_ITEM_MARK.fullmatch(ended_by))  # "(2) …" an item of a list
        first, last = every.between(start, start + len(sentence))
        if first >= last:
            continue
        folded, marked = list(every.folded[first:last]), list(every.marked[first:last])
        starts, ends = every.starts[first:last], every.ends[first:last]
        words = [(a - start, b - start, w) for a, b, w in zip(starts, ends, folded, strict=True)]
        cues = question_cues(folded, marked, reading)
        # "cho hỏi thêm số thạc sĩ": a request asks, though it cuts nothing the way a cue does
        # (an opener closing the sentence opens nothing: "Tôi đọc bài này rồi mà giờ quên mất.")
        opens = any(b < len(folded) for _, b in spans(folded, reading.question_openers, marked))
        asks = "?" in ended_by or bool(cues) or opens
        # "… mấy người? Kèm luôn số đảng viên.": a sentence opening with a joiner asks on
        asks = asks or (asked_before and _joiner_at((folded, marked), 0, reading)[0] > 0)
        asked_before = asks
        forms = (folded, marked)
        cuts, opener = _cuts(sentence, words, forms, cues, reading)
        # "…, còn số người có bằng đại học?": asks on
        found.append(Sentence(sentence, words, forms, cues, asks, "?" in ended_by, cuts, opener))
        items.append(numbered)
        listed.append(";" in ended_by)
    if any(s.asks for s, item in zip(found, items, strict=True) if item):  # "(1) tổng số cán
        return [replace(s, asks=True) if item else s for s, item in zip(found, items, strict=True)]
    # bộ; (2) bao nhiêu đảng viên?": one item asks, so does each of its list; so does an item
    # a semicolon ends when the next asks ("Tổng CBCC; CBCC cấp xã?")
    for i in range(len(found) - 2, -1, -1):
        if listed[i] and found[i + 1].asks and not found[i].asks:
            found[i] = replace(found[i], asks=True, asked_at_end=True)  # as its own question
    return found


def _sentences(text: str) -> list[tuple[int, str, str]]:
    """(where it starts, the sentence, what ends it)."""
    pieces, start = [], 0
    for found in SENTENCE_END.finditer(text):
        pieces.append((start, text[start : found.start()], found.group(0)))
        start = found.end()
    pieces.append((start, text[start:], ""))
    return pieces


def _cuts(
    sentence: str,
    words: list[tuple[int, int, str]],
    forms: tuple[list[str], list[str]],
    cues: list[tuple[int, int]],
    reading: Understanding,
) -> tuple[list[tuple[int, int, bool]], int]:
    """Where the sentence may be cut (cut points are word positions), and the words of a joiner
    that asks on opening it."""
    folded, marked = forms
    cuts: list[tuple[int, int, bool]] = []
    for found in COMMA.finditer(sentence):
        after = next((i for i, (start, _, _) in enumerate(words) if start >= found.end()), None)
        if after is None or after == 0:
            continue
        if (folded[after - 1], folded[after]) not in reading.bound:
            cuts.append((after, after, False))
    i, starts = 1, _joiner_starts(reading)  # a joiner at the very start joins nothing
    while i < len(words):
        if folded[i] not in starts:
            i += 1  # most words: no joiner starts there (as _joiner_at says, a call less)
            continue
        size, keep = _joiner_at(forms, i, reading)
        if size and ends_marker(folded, i + size, reading.topic_markers):
            size = 0  # "đối với": the "với" of a topic marker joins nothing
        if size and of_a_share(folded, marked, i, reading):
            size = 0  # "tỷ lệ đại học trên tổng số cán bộ": what the share is of
        if size and not (
            i + size < len(words) and (folded[i - 1], folded[i + size]) in reading.bound
        ):
            cuts.append((i, i if keep else i + size, keep))
        i += max(size, 1)
    enders = (reading.question_enders, reading.time_enders)
    cuts += [c for c in run_on(cues, folded, *enders) if c not in cuts]
    # "…; đồng thời số cán bộ xã": a joiner that asks on opens the sentence and names nothing
    opener = phrase_at(folded, reading.asking_joiners, marked, 0)
    return cuts, opener if opener < len(words) else 0  # a joiner alone is all it says


def _split_sentence(
    found: Sentence, reading: Understanding, as_list: bool = False
) -> list[tuple[str, bool]]:
    """(clause, whether it has a cue of its own); a clause is words[a:b]."""
    sentence, words, forms, cues = found.text, found.words, found.forms, found.cues
    cuts, opener, asked_at_end = found.cuts, found.opener, found.asked_at_end
    folded, marked = forms
    if not cuts:
        if opener:
            return [(sentence[words[opener][0] :], cue_in(cues, opener, len(words)))]
        return [(sentence, bool(cues))]
    # a sentence that asks is cut only between two questions ("ai viết bài này và đăng ngày
    # nào?"), not after an opening phrase ("sau khi được đào tạo, … vị trí nào?"); a list asking
    # nothing by word ("ngày đăng & lượt xem?") or asking for each is cut anywhere; `as_list`:
    # read as items sharing one question ("tổng số cán bộ, số đảng viên là bao nhiêu?")
    anywhere = as_list or not cues or has_phrase(folded, reading.distributive_cues, marked)
    checked = clause_cuts.checks_at_end(folded, marked, cues, reading)
    wh_cues = [(a, b) for a, b in cues if (folded[a],) not in reading.yes_no_cues]  # not "không"
    requests = spans(folded, reading.question_openers, marked)
    bounds, start = [], opener
    for end, resume, kept in sorted(set(cuts)):
        if end <= start:  # ", and": the comma cut already; the joiner goes too
            start = max(start, resume) if bounds else start
            continue
        # "với công chức cấp xã, …": the topic of what follows, not a question — unless a comma
        # ends a question of its own ("Riêng cấp huyện: cao cấp bao nhiêu, trung cấp …")
        asks_apart = resume == end and not kept and cue_in(cues, start, end)
        if opens_with(folded[start:end], reading.topic_markers) and not asks_apart:
            continue
        if shares_owner(folded, marked, (start, end, resume), reading.owned_first):
            continue  # "tên và chức vụ của người …": both of the one owner named after
        # "Tổng số CBCC … và trong đó bao nhiêu …?": a count named, then a part of it asked
        counted = not bounds and clause_cuts.count_asked_inside(forms, start, resume, reading)
        # "cho mình biết tên bài và báo nào đăng": a request asks for what follows it
        asked_before = cue_in(cues, start, end) or cue_in(requests, start, end) or counted
        if kept and not asked_before:
            continue  # "giờ còn cử … không?": "còn" (still) opens no new question here
        listing = has_phrase(folded[end:resume], reading.list_joiners, marked[end:resume])
        # the rest asks by a word, or a kept joiner ("còn") opens the sentence's last part, which
        # a question mark ends ("người còn yếu?", "còn trẻ, dưới 35?": "còn" is "still" before a
        # single word; "bao nhiêu người trong đó là đảng viên?": "trong đó" asks only by a word)
        upto = min((e for e, _, _ in cuts if e > resume), default=len(words))
        last_part = kept and asked_at_end and len(words) - resume > 2 and upto - resume > 2
        last_part = last_part and not clause_cuts.inside_it(forms, resume, reading)
        # "…, kèm theo tên trưởng ban": the joiner itself asks for what follows
        requested = has_phrase(folded[end:resume], reading.asking_joiners, marked[end:resume])
        asked_after = cue_in(cues, resume, len(words)) or last_part or requested
        asked_after = asked_after or (
            upto == len(words) and clause_cuts.ends_asking_on(forms, reading)
        )
        # "huyện có 1.999 CBCC, trong đó 294 ở cấp xã, đúng không?": each figure checked
        apart = checked and clause_cuts.figures_apart(folded, start, end, resume)
        # "…, trên đại học, và bao nhiêu đảng viên?": an item of the question before, then a
        # joiner opening a question of its own
        item = bool(bounds) and resume > end and clause_cuts.names_an_item(folded, start, end)
        apart = apart or (item and cue_in(wh_cues, resume, upto))
        apart = apart or clause_cuts.offers_the_other_answer(
            forms, cues, (start, end, resume), reading
        )
        if anywhere or listing or apart or counted or (asked_before and asked_after):
            if counted:  # each asks: the count named, and its part after "trong đó"
                cues = [*cues, (start, start + 1), (resume, resume + 1)]
            bounds.append((start, end))
            start = resume
    bounds.append((start, len(words)))
    # "…, còn số người có bằng đại học?": the last part, opened by "còn", asks by the "?"
    ends = asked_at_end and len(bounds) > 1 and len(words) - start > 2
    last_asks = ends and _joiner_at(forms, start, reading)[1]
    return [
        (sentence[words[a][0] : words[b - 1][1]], cue_in(cues, a, b) or (a == start and last_asks))
        for a, b in bounds
        if b > a
    ]


def _joiner_at(
    forms: tuple[list[str], list[str]], i: int, reading: Understanding
) -> tuple[int, bool]:
    folded, marked = forms
    if folded[i] not in _joiner_starts(reading):
        return 0, False  # most words: no joiner starts there (what follows only rules one out)
    closes = i > 0 and folded[i] == "va" and (folded[i - 1],) in reading.yes_no_cues
    closes = closes and (i < 2 or folded[i - 2] != "hay")  # "… hay không và …": one question
    if i > 0 and folded[i - 1] in reading.joiner_blockers and not closes:
        return 0, False  # "không còn": no longer (not "… không và …": a question closed)
    if clause_cuts.written_at(marked, reading.joiner_words, i):
        return 0, False  # "cộng tác viên", "con số": a word, not "cộng" (plus) or "còn"
    for keep, joiners in ((False, reading.drop_joiners), (True, reading.keep_joiners)):
        size = phrase_at(folded, joiners, marked, i)
        if size:
            return size, keep
    return 0, False


def _starts_of(reading: Understanding) -> frozenset[str]:
    """The first words (folded) of every joiner."""
    return frozenset(fold(p[0]) for p in (*reading.drop_joiners, *reading.keep_joiners))


_joiner_starts = ByIdentity(_starts_of)


def numbers_in(text: str) -> list[str]:
    """The numbers a text names, in canonical form ('1.999' → '1999')."""
    return [canonical_number(n) for n in _NUMBER.findall(without_item_marks(text))]


def without_numbers(text: str) -> str:
    """`text` with the numbers `numbers_in` reads blanked out (what its words alone say)."""
    return _NUMBER.sub(" ", text)


def names_a_count(match: Match) -> bool:
    """ "số …", "tổng …": the clause names a count, an item of a list rather than a qualifier."""
    return bool(COUNT_WORDS & set(match.question.folded))


COUNT_WORDS = frozenset({"so", "tong"})
MEN = frozenset({"ông", "ổng"})  # as written (words): a man the article names, the man quoted
PEOPLE = MEN | {"bà", "bả"}  # … or a woman
