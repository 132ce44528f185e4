"""A message typed in telex with the input method off ("soos 115 laf gif", "conf caaps xax?"),
written out in the message before anything reads it. The matcher already decodes telex word by
word (bot/lexicon.py); the readers of questions, joiners and clauses ("là gì", "còn", "và",
"cộng lại") look for the words as the article spells them, and miss them typed so.

A word is written out only when it is no word the knowledge base knows as typed: as the word
the KB knows that its telex spells ("cos" → có; an abbreviation's key, "ddc" → đc), else, among
at least two of those, as Vietnamese spelling puts the tone ("dayj" → dạy); "bus", "thesis", "vs"
and "sax 712" stay as they are.
"""

from __future__ import annotations

import re

from bot.lexicon import Lexicon
from bot.normalize import Tables, fold, split_tone
from bot.syllables import is_syllable, with_tone
from bot.telex import decode_telex

_ASCII_WORD = re.compile(r"(?<![^\W\d_])[A-Za-z]{2,}(?![^\W\d_])")
_VOWELS = frozenset("aeiouy")
_KEYS = re.compile(r"dd|aa|ee|oo|[aou]?w|[aeiouy][a-z]*[sfrxj](?![a-z])", re.IGNORECASE)


def untelexed(text: str, lexicon: Lexicon, tables: Tables) -> str:
    """`text` with every word typed in telex written with its marks; equal to it when none is,
    or when more of its words are no Vietnamese at all ("Nyob zoo, koj yog leej twg?" is Hmong,
    "what is the ratio" English) than are telex."""
    if not _KEYS.search(text):
        return text  # most messages: no key telex spells a mark with
    found = list(_ASCII_WORD.finditer(text))
    typed = [m.group(0).lower() for m in found]
    known = [lexicon.has_fold(word) or word in tables.firsts for word in typed]
    telex = [decode_telex(word, tables) if _KEYS.search(word) else None for word in typed]
    readings = [_reading(*at, lexicon, tables) for at in zip(typed, known, telex, strict=True)]
    # "bao nhieeu", "chuyeen vieen": the hats typed and no tone, told by the words beside
    literal = [
        t[0] if r is None and not k and t is not None and not t[1] else None
        for r, k, t in zip(readings, known, telex, strict=True)
    ]
    beside = [r or t or w for r, t, w in zip(readings, literal, typed, strict=True)]
    for at, letters in enumerate(literal):
        pairs = (f"{beside[at - 1]} {letters}" if at else "", f"{letters} {beside[at + 1]}"
                 if at + 1 < len(beside) else "")  # fmt: skip
        if letters and any(lexicon.knows(pair) for pair in pairs if pair):
            readings[at] = letters
    if sum(1 for r in readings if r) <= sum(1 for r in readings if r == ""):
        return text
    if sum(1 for r in readings if r and lexicon.has_fold(fold(r, tables))) < 2:
        # a word the KB never saw is written out only among telex it knows ("dayj hocj cans
        # booj"): "sax 712" is slang, "max" English
        readings = [r if r and lexicon.has_fold(fold(r, tables)) else None for r in readings]
    for m, word in zip(reversed(found), reversed(readings), strict=True):
        if word:
            word = word[0].upper() + word[1:] if m.group(0)[0].isupper() else word
            text = text[: m.start()] + word + text[m.end() :]
    return text


def _reading(
    typed: str, known: bool, telex: tuple[str, str] | None, lexicon: Lexicon, tables: Tables
) -> str | None:
    """The word `typed` spells in telex (`telex`, decoded); None for a word read as typed (one
    the knowledge base knows, or no telex), "" for one that is neither Vietnamese nor telex."""
    if known:  # ("people", "commune": English)
        return None if len(typed) <= 2 or _vietnamese(typed) else ""
    if telex is None:
        return None if _vietnamese(typed) else ""
    letters, tone = telex
    same = lexicon.folds.get(fold(letters, tables), ())
    known = sorted(v for v in same if split_tone(v) == telex)  # ("hoá" and "hóa": the first)
    if not tone:  # "khoong": the hats typed, the tone maybe forgotten ("nhieeu" for nhiều)
        if known and all(split_tone(v)[1] == "" for v in same):
            return known[0]
        if (word := _dd_only(typed, telex, same)) is not None:
            return word
        return letters if not same and letters in tables.firsts else None  # "ddc": đc
    if known:
        return known[0]
    slipped = [v for v in same if split_tone(v)[1] == tone]  # "caais": cái, a hat slipped in
    if len(slipped) == 1:
        return slipped[0]
    return with_tone(letters, tone) if is_syllable(letters, tone) else ""


def _vietnamese(typed: str) -> bool:
    """A syllable typed without marks, or letters with no vowel ("cbcc", "llct", "vs")."""
    return is_syllable(typed, "") or not _VOWELS.intersection(typed)


def _dd_only(typed: str, telex: tuple[str, str], same: tuple[str, ...]) -> str | None:
    """ "ddang": đang — an đ and no other key, the word as typed when the KB knows it."""
    return telex[0] if typed.startswith("dd") and telex[0] in same else None
