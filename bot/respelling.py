"""Words written as a speaker's accent says them ("thế lào" for "thế nào", "nàm" for "làm",
"chình độ" for "trình độ"), respelled in the message as typed before anything reads it: the
readers of questions, joiners and clauses look for the article's spelling of their words, and
the matcher's own slip tolerance reaches only the words it looks up (abbreviations.yaml
`said_as_heard`)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.normalize import Tables

_SENTENCE_MARKS = frozenset(".!?…")


@lru_cache(maxsize=8)
def _pattern(tables: Tables) -> re.Pattern[str] | None:
    keys = sorted(tables.respellings, key=len, reverse=True)  # the longest first
    if not keys:
        return None
    alternatives = "|".join(map(re.escape, keys))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def respelled(text: str, tables: Tables) -> str:
    """`text` with the words heard rather than spelt written the article's way; equal to it
    when it holds none."""
    pattern = _pattern(tables)
    if pattern is None:
        return text
    composed = unicodedata.normalize("NFC", text)
    if pattern.search(composed) is None:
        return text
    return pattern.sub(lambda m: _as_heard(m, tables), composed)


def _as_heard(found: re.Match[str], tables: Tables) -> str:
    """The article's spelling of what was found — unless a capital says it is a name ("bên Lào
    Cai", "… ở Lào"), not a word heard: a capital begins only a message or a sentence (a message
    typed all in capitals shouts; it names nothing by them)."""
    written = found.group(0)
    words = written.split()
    named = any(w[0].isupper() for w in words[1:]) or (
        words[0][0].isupper() and not opens_sentence(found)
    )
    if named and not written.isupper():
        return written
    # the keys are cased as `casefold` writes them ("ſ" matched as "s" by IGNORECASE is "s")
    return tables.respellings.get(written.casefold(), written)


def opens_sentence(found: re.Match[str]) -> bool:
    """Whether the match begins the message or a sentence: nothing but marks and spaces before
    it back to the start or to a sentence's end (looked at from the match backwards, once)."""
    before = found.string[: found.start()]
    i = len(before)
    while i > 0 and not before[i - 1].isalnum():
        i -= 1
    return i == 0 or not _SENTENCE_MARKS.isdisjoint(before[i:])
