"""Words either side of a comma or joiner that name one thing, so a message is not cut there:
those the article writes so ("cán bộ, công chức"), and those understanding.yaml lists
(`bound_words`: "cadres | civil", the English names of the article's staff)."""

from __future__ import annotations

import re

from bot.kb.model import Phrases
from bot.kb.source import FieldReader
from bot.normalize import Tables, clean, fold

_WORD = re.compile(r"[^\W_]+|[&+]", re.UNICODE)
# a comma between digits is part of a number (53,3), not a break
COMMA = re.compile(r"(?<!\d)[,:&+/](?!\d)|[,:&+/](?=\s)|\s[-–—]+(?=\s)|[–—]")  # "A — B"

Pairs = frozenset[tuple[str, str]]


def article_pairs(article: str, joiners: Phrases, tables: Tables) -> Pairs:
    """Word pairs the article writes across a comma or a one-word joiner; never a pair with a
    number ("… đại học, 28 người …" lists two counts: a figure after a comma starts a new item),
    nor one a count ends ("… cho 84 lượt người, quản lý Nhà nước cho 128 …", "cấp huyện có 10
    người và cấp xã …": the unit of a figure, then the next item)."""
    pairs: set[tuple[str, str]] = set()
    text = clean(article, tables)
    for found in COMMA.finditer(text):
        before = _WORD.findall(text[: found.start()])[-1:]
        after = _WORD.findall(text[found.end() :])[:1]
        if before and after and not _COUNT_BEFORE.search(text[: found.start()]):
            pairs.add((fold(before[0], tables), fold(after[0], tables)))
    found = list(_WORD.finditer(text))
    words = [fold(w.group(), tables) for w in found]
    singles = {j[0] for j in joiners if len(j) == 1}
    for at, (before, joiner, after) in enumerate(zip(words, words[1:], words[2:], strict=False)):
        if joiner in singles and not _COUNT_BEFORE.search(text[: found[at + 1].start()]):
            pairs.add((before, after))
    return frozenset(p for p in pairs if not any(w.isdigit() for w in p))


# a figure standing apart, then one or two words, before a comma or joiner: a count ends there
# ("84 lượt người,", "10 người và"; not a code: "03-NQ/HU")
_COUNT_BEFORE = re.compile(r"(?:^|\s)\d[\d.]*(?:\s+[^\W\d_]+){1,2}\s*$")


def listed_pairs(root: FieldReader, key: str, tables: Tables) -> Pairs:
    """ "before | after" entries of `key`, folded; one that is not two words is reported."""
    pairs: set[tuple[str, str]] = set()
    for index, text in enumerate(root.texts(key, required=False)):
        words = [w.strip() for w in text.split("|")]
        if len(words) != 2 or not all(w and " " not in w for w in words):
            root.problem(key, f"{key}[{index}]: must be two words, 'before | after'", index)
            continue
        pairs.add((fold(words[0], tables), fold(words[1], tables)))
    return frozenset(pairs)
