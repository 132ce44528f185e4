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


@lru_cache(maxsize=8)
def _pattern(tables: Tables) -> re.Pattern[str] | None:
    keys = sorted(tables.respellings, key=len, reverse=True)  # the longest first
    if not keys:
        return None
    alternatives = "|".join(map(re.escape, keys))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def respelled(text: str, tables: Tables) -> str:
    """`text` with the words heard rather than spelt written the article's way; the same
    string when it holds none."""
    pattern = _pattern(tables)
    if pattern is None:
        return text
    composed = unicodedata.normalize("NFC", text)
    if pattern.search(composed) is None:
        return text
    return pattern.sub(lambda m: _as_heard(m, tables), composed)


def _as_heard(found: re.Match[str], tables: Tables) -> str:
    """The article's spelling of what was found — unless a capital says it is a name ("bên Lào
    Cai", "… ở Lào"), not a word heard: a capital begins only a message or a sentence."""
    written = found.group(0)
    words = written.split()
    opens = _SENTENCE_START.search(found.string[: found.start()]) is not None
    if any(w[0].isupper() for w in words[1:]) or (words[0][0].isupper() and not opens):
        return written
    return tables.respellings[written.lower()]


_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s*)\W*$")  # what comes before a sentence's first word
