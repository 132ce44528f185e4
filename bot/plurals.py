"""A question word that is a plural where it stands: "ở dưới mấy xã với thị trấn thì có bao nhiêu
người …" asks one count, of "those communes"; "mấy cô chú cán bộ có được lên chức không", "mấy
cán bộ ấy …" speak of those people (normalization.yaml `plural_determiners`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def plural_before_count(tokens: Sequence[str], rule: Mapping[str, str]) -> list[str]:
    """`tokens` with `rule["word"]` read as `rule["as"]` where a word of `rule["after"]` comes
    right before it and a question of `rule["before"]` (phrases split by "|") is asked later."""
    word, plural, after = rule["word"], rule["as"], frozenset(rule["after"].split())
    asks = [phrase.split() for phrase in rule["before"].split("|")]
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token == word and _speaks_of_them(tokens, i, rule):
            out[i] = plural
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


def _speaks_of_them(tokens: Sequence[str], at: int, rule: Mapping[str, str]) -> bool:
    """ "mấy cô chú …": a pair of kin words (`kin_pairs`), said of a group, is never counted;
    "mấy cán bộ ấy có …": a pointing word (`pointing`) right after its noun, then what is said
    of them (`pointing_then`), points at people already spoken of (not "mấy bài về huyện này",
    "tên mấy người đó là gì", "có tin mấy con số đó không")."""
    pairs = {tuple(p.split()) for p in rule.get("kin_pairs", "").split("|") if p}
    if tuple(tokens[at + 1 : at + 3]) in pairs:
        return True
    pointing = frozenset(rule.get("pointing", "").split())
    then = frozenset(rule.get("pointing_then", "").split())
    last = min(at + 2 + POINTED_WITHIN, len(tokens) - 1)  # (a word said of them after it)
    return any(tokens[k] in pointing and tokens[k + 1] in then for k in range(at + 2, last))


POINTED_WITHIN = 2  # words after "mấy" where "ấy", "đó" still point at its noun (of 1–2 words)
