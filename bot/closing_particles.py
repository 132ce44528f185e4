"""A particle typed bare where it closes a sentence ("em chao anh chi a", "… the nao a?"): "ạ",
the polite particle, rather than a word to match ("thanks a lot" is no thanks here). Read from
knowledge/normalization.yaml `closing_particles`; a bare letter after a word naming an option
("chọn a", "nhóm a") or after "dạ" stays as typed (`closing_particles_kept_after`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping


def closing_words(closing: Mapping[str, str]) -> re.Pattern[str] | None:
    """The words closing a sentence after another word (the word before, then it): before an
    end mark, a comma or the text's end ("… anh chi a, em la sv"; not "a man or a woman")."""
    if not closing:
        return None
    words = "|".join(map(re.escape, sorted(closing, key=len, reverse=True)))
    return re.compile(rf"\b([^\W\d_]+) ({words})(?=\s*(?:[.?!…,;]|$))")


def with_particles(
    text: str,
    pattern: re.Pattern[str],
    closing: Mapping[str, str],
    kept_after: Collection[str],
    fold: Callable[[str], str],
) -> str:
    """`text` with each closing word written as its particle, unless the word before it (folded)
    names an option."""

    def particle(found: re.Match[str]) -> str:
        before, word = found.groups()
        return found.group(0) if fold(before) in kept_after else f"{before} {closing[word]}"

    return pattern.sub(particle, text)
