"""A number and the word that multiplies it, read as one number ("2 nghìn" → 2000), and a
unit's letter typed right after a number ("35t" → "35 tuổi"): the tables come from
normalization.yaml (bot/normalize.py joins them as it splits a text into words)."""

from __future__ import annotations

import re
from collections.abc import Mapping


def multiplied(
    words: list[str], multipliers: Mapping[str, int], units: Mapping[str, str]
) -> list[str]:
    """ "2 nghìn" → "2000": a number and the word that multiplies it, as one number; a
    unit's letter right after a number, the unit ("35t" → "35 tuổi")."""
    if multipliers.keys().isdisjoint(words) and units.keys().isdisjoint(words):
        return words  # most texts: no word to join to the number before it
    out: list[str] = []
    for word in words:
        factor = multipliers.get(word)
        if out and out[-1].isdigit() and word in units:  # "35t": 35 tuổi
            out.append(units[word])
        elif factor and out and (product := times(out[-1], factor)) is not None:
            out[-1] = product  # "2 nghìn" → 2000, "1,8 nghìn" → 1800
        else:
            out.append(word)
    return out


def times(number: str, factor: int) -> str | None:
    """A canonical number times a factor, when it is one and the product is whole."""
    if not _DECIMAL.fullmatch(number):
        return None
    value = float(number) * factor
    return str(round(value)) if abs(value - round(value)) < 1e-6 else None


_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
