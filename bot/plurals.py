"""A question word that is a plural where it stands: "ở dưới mấy xã với thị trấn thì có bao nhiêu
người …" asks one count, of "those communes"; "mấy cô chú cán bộ có được lên chức không" speaks
of those people (normalization.yaml `plural_determiners`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def plural_before_count(tokens: Sequence[str], rule: Mapping[str, str]) -> list[str]:
    """`tokens` with `rule["word"]` read as `rule["as"]` where a word of `rule["after"]` comes
    right before it and a question of `rule["before"]` (phrases split by "|") is asked later."""
    word, plural, after = rule["word"], rule["as"], frozenset(rule["after"].split())
    asks = [phrase.split() for phrase in rule["before"].split("|")]
    kin = _kin_pairs(rule)  # (read once per message, not per "mấy" in it)
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token == word and tuple(tokens[i + 1 : i + 3]) in kin:
            out[i] = plural  # "mấy cô chú …": a pair of kin words said of a group, no count
            continue
        if token != word or not i or tokens[i - 1] not in after:
            continue
        if any(
            list(tokens[j : j + len(ask)]) == ask
            for ask in asks
            for j in range(i + 2, len(tokens) - len(ask) + 1)
        ):
            out[i] = plural
    return out


def _kin_pairs(rule: Mapping[str, str]) -> frozenset[tuple[str, ...]]:
    """The rule's `kin_pairs` ("cô chú|anh chị"), each as its words."""
    return frozenset(tuple(p.split()) for p in rule.get("kin_pairs", "").split("|") if p)
