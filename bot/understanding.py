"""What a question asks beyond which fact it names: several questions in one message, a total,
the meaning of a figure, an attribute the article never gives, a pick among suggestions.

Pure functions over text and the tables of knowledge/understanding.yaml; the decisions that use
them live in bot/answer.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.kb.model import Understanding, Unstated
from bot.kb.understanding import COMMA
from bot.normalize import Tables, canonical_number, clean, fold

_WORD = re.compile(r"[^\W_]+|[&+]", re.UNICODE)
# a full stop or comma between digits is part of a number (1.999, 53,3), not a break
# ("No. 03": a full stop before a figure ends no sentence)
_SENTENCE_END = re.compile(r"[?!;\n…]+|(?<!\d)\.(?![\d\s])|\.$|\.(?=\s+[^\d\s])|(?:^|\s)\(?\d\)\s")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def asked_in(attribute: Unstated, accented_text: str, folded_text: str) -> bool:
    return any(p.search(folded_text) for p in attribute.folded) or any(
        p.search(accented_text) for p in attribute.accented
    )


# ---------------------------------------------------------------- several questions in one


@dataclass(frozen=True, slots=True)
class Clause:
    """One possible question of a message; `asks` when it or its sentence asks something
    (a clause of a statement, such as a preamble, answers nothing)."""

    text: str
    asks: bool


def split_clauses(text: str, reading: Understanding, tables: Tables) -> list[Clause]:
    """The message cut where a new question may start: at sentence ends, and inside a sentence
    at commas and joiners ("và", "với", "vs", "còn") — except where the article itself joins the
    same two words ("cán bộ, công chức", "bí thư và phó bí thư"). A kept joiner ("còn") heads
    its clause, where it marks a follow-up of the clause before.
    """
    cleaned = clean(text, tables)
    clauses: list[Clause] = []
    for sentence, ended_by in _sentences(cleaned):
        asks = "?" in ended_by or _asks(sentence, reading, tables)
        for part in _split_sentence(sentence, reading, tables):
            if _WORD.search(part):
                clauses.append(Clause(part.strip(), asks))
    return clauses


def _sentences(text: str) -> list[tuple[str, str]]:
    pieces, start = [], 0
    for found in _SENTENCE_END.finditer(text):
        pieces.append((text[start : found.start()], found.group(0)))
        start = found.end()
    pieces.append((text[start:], ""))
    return pieces


def _split_sentence(sentence: str, reading: Understanding, tables: Tables) -> list[str]:
    words = [(m.start(), m.end(), fold(m.group(0), tables)) for m in _WORD.finditer(sentence)]
    folded = [w for _, _, w in words]
    cuts: list[tuple[int, int]] = []  # (where a clause ends, where the next one starts)
    for found in COMMA.finditer(sentence):
        before = [w for start, _, w in words if start < found.start()][-1:]
        after = [w for start, _, w in words if start >= found.end()][:1]
        if not before or not after or (before[0], after[0]) not in reading.bound:
            cuts.append((found.start(), found.end()))
    i = 1  # a joiner at the very start joins nothing
    while i < len(words):
        size, keep = _joiner_at(folded, i, reading)
        if size and not (
            i + size < len(words) and (folded[i - 1], folded[i + size]) in reading.bound
        ):
            cuts.append((words[i][0], words[i][0] if keep else words[i + size - 1][1]))
        i += max(size, 1)
    # a sentence that asks something is cut only between two questions ("ai viết bài này và
    # đăng ngày nào?"), not after an opening phrase ("sau khi được đào tạo, … vị trí nào?");
    # a list that asks nothing by word ("ngày đăng & lượt xem?") or asks for each is cut anywhere
    anywhere = has_phrase(folded, reading.distributive_cues) or not _asks(sentence, reading, tables)
    out, start = [], 0
    for end, resume in sorted(cuts):
        left, right = sentence[start:end], sentence[resume:]
        if _opens_with(left, reading.topic_markers, tables):
            continue  # "với công chức cấp xã, …": the topic of what follows, not a question
        if anywhere or (_asks(left, reading, tables) and _asks(right, reading, tables)):
            out.append(left)
            start = resume
    out.append(sentence[start:])
    return out


def _opens_with(text: str, phrases: tuple[tuple[str, ...], ...], tables: Tables) -> bool:
    words = tuple(fold(m.group(0), tables) for m in _WORD.finditer(text))
    return any(words[: len(p)] == p for p in phrases)


def _asks(text: str, reading: Understanding, tables: Tables) -> bool:
    return has_phrase(
        [fold(m.group(0), tables) for m in _WORD.finditer(text)], reading.question_cues
    )


def _joiner_at(folded: list[str], i: int, reading: Understanding) -> tuple[int, bool]:
    for keep, joiners in ((False, reading.drop_joiners), (True, reading.keep_joiners)):
        for phrase in joiners:
            if tuple(folded[i : i + len(phrase)]) == phrase:
                return len(phrase), keep
    return 0, False


# ---------------------------------------------------------------- cues


def has_phrase(words: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    """Whether any of `phrases` occurs in `words` as whole words."""
    for phrase in phrases:
        n = len(phrase)
        if any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)):
            return True
    return False


def numbers_in(text: str) -> list[str]:
    """The numbers a text names, in canonical form ('1.999' → '1999')."""
    return [canonical_number(n) for n in _NUMBER.findall(text)]


def asked_unstated(accented_text: str, folded_text: str, reading: Understanding) -> Unstated | None:
    """The attribute the article never gives that the question asks for, if any."""
    for attribute in reading.unstated:
        if asked_in(attribute, accented_text, folded_text):
            return attribute
    return None


def picked(folded_words: Sequence[str], reading: Understanding, offered: int) -> int | None:
    """Which of `offered` suggestions a reply such as "cái đầu tiên", "2", "ừ" picks (0-based)."""
    words = tuple(w for w in folded_words if w not in ("cai", "cau", "so", "y", "chon", "la"))
    if not words:
        words = tuple(folded_words)
    if offered == 1 and words in reading.yes:
        return 0
    for position, phrases in reading.ordinals.items():
        if position <= offered and (words in phrases or tuple(folded_words) in phrases):
            return position - 1
    return None


def refused(folded_words: Sequence[str], reading: Understanding) -> bool:
    """ "không", "sai": the user says the one suggestion offered is not what they meant."""
    return tuple(folded_words) in reading.no
