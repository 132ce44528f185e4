"""Words an accent or a habit spells with another initial or final ("chung cấp" for trung cấp,
"nhà lước" for nhà nước, "chính chị" for chính trị, "cáng bộ" for cán bộ), written the article's
way when the word beside them says which word they are: the pair as typed is none the knowledge
base holds, and exactly one spelling one sound away (normalization.yaml `slips.heard_*`) is a
pair it holds in more than one of its texts.

abbreviations.yaml `said_as_heard` lists the respellings that hold anywhere ("sã", "nàm");
this pass finds the rest by the pair, so "nói chung" and "không nên" keep their words: the KB
holds those pairs, or no other spelling of them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from bot.lexicon import Lexicon
from bot.normalize import Tables, fold
from bot.respelling import opens_sentence

_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouy")
_OFTEN = 1.2  # idf under the rarest pair's: said in about three times as many of the KB's texts


def heard_pairs(text: str, lexicon: Lexicon, tables: Tables) -> str:
    """`text` with each word heard as another written as that word; equal to it when none is."""
    found = list(_WORD.finditer(text))
    if len(found) < 2:
        return text
    words = [unicodedata.normalize("NFC", m.group(0).lower()) for m in found]
    gaps = (text[a.end() : b.start()] for a, b in pairwise(found))
    beside = [not gap.strip(" \t") for gap in gaps]  # only spaces between the two, no mark
    heard: dict[int, str] = {}
    for at, word in enumerate(words):
        if not (others := _others(word, tables)):
            continue  # (no other spelling: nothing more to look at)
        neighbours = [n for n in (at - 1, at + 1) if 0 <= n < len(words) and beside[min(at, n)]]
        if not neighbours or _named(found[at]) or _counted(words, at, tables):
            continue
        if any(lexicon.knows(_pair(words, at, n, word)) for n in neighbours):
            continue
        # a word of its own ("chung", "chị", "nên") only beside a pair the KB says often
        often = _OFTEN if lexicon.knows(word) else 0.0
        spellings = {
            other
            for other in others
            if any(_common(lexicon, _pair(words, at, n, other), often) for n in neighbours)
        }
        if len(spellings) == 1:
            heard[at] = spellings.pop()
    for at in sorted(heard, reverse=True):
        m, word = found[at], heard[at]
        word = word[0].upper() + word[1:] if m.group(0)[0].isupper() else word
        text = text[: m.start()] + word + text[m.end() :]
    return text


def _common(lexicon: Lexicon, pair: str, often: float) -> bool:
    """A pair the KB holds in more than one of its texts ("năm nào"): one seen once ("trị là",
    "học vị") tells nothing of the word beside it; `often` more (its idf that much under the
    rarest's: "chính trị", "trung cấp", not "trí chủ" for "đồng chí chủ chốt")."""
    return lexicon.knows(pair) and lexicon.idf(pair) < lexicon.max_idf - often


def _pair(words: list[str], at: int, neighbour: int, word: str) -> str:
    return f"{words[neighbour]} {word}" if neighbour < at else f"{word} {words[neighbour]}"


def _named(found: re.Match[str]) -> bool:
    """A capital not opening a sentence names something ("bên Lào", "ở Chiềng Sơ")."""
    return found.group(0)[0].isupper() and not opens_sentence(found)


def _counted(words: list[str], at: int, tables: Tables) -> bool:
    """After a word for tens a word is a digit said ("mười lăm" is fifteen, not "mười năm")."""
    return at > 0 and tables.number_roles.get(fold(words[at - 1], tables)) == "tens"


@lru_cache(maxsize=20_000)
def _others(word: str, tables: Tables) -> frozenset[str]:
    """`word` with its initial, or its final, spelled as each other member of a confusable group
    (its tone and hats kept: they sit on the vowels); cached, as users repeat their words."""
    folded = fold(word, tables)
    others: set[str] = set()
    for group in tables.slips.heard_initials:
        for spelling in sorted(group, key=len, reverse=True):
            rest = folded[len(spelling) :]
            if folded.startswith(spelling) and rest[:1] in _VOWELS and word.startswith(spelling):
                others.update(o + word[len(spelling) :] for o in group if o != spelling)
                break
    for group in tables.slips.heard_finals:
        for spelling in sorted(group, key=len, reverse=True):
            stem = word[: -len(spelling)]
            if word.endswith(spelling) and stem and fold(stem[-1], tables) in _VOWELS:
                others.update(stem + o for o in group if o != spelling)
                break
    return frozenset(others - {word})
