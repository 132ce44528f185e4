"""A question word that is a plural where it stands: "ở dưới mấy xã với thị trấn thì có bao nhiêu
người …" asks one count, of "those communes" (normalization.yaml `plural_determiners`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def plural_before_count(tokens: Sequence[str], rule: Mapping[str, str]) -> list[str]:
    """`tokens` with `rule["word"]` read as `rule["as"]` where a word of `rule["after"]` comes
    right before it and the count `rule["before"]` is asked later in the text."""
    word, plural, after = rule["word"], rule["as"], frozenset(rule["after"].split())
    count = rule["before"].split()
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token != word or not i or tokens[i - 1] not in after:
            continue
        later = range(i + 1, len(tokens) - len(count) + 1)
        if any(list(tokens[j : j + len(count)]) == count for j in later):
            out[i] = plural
    return out
