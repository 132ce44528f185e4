"""Telex typed without an input method ("caaps", "chwsc", "boojj"): the letters it spells and
its tone, as bot/normalize.py's `split_tone` gives them for the word typed with its marks."""

from __future__ import annotations

from bot.normalize import Tables, split_tone

_FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")  # longest first
_NUCLEUS = frozenset("aeiouyw")  # a tone key follows a vowel (or w, the horn's key)


def decode_telex(word: str, tables: Tables) -> tuple[str, str] | None:
    """'caaps' → ('câp', acute), as split_tone would give for 'cấp'; None if it is not telex.

    Typed without an input method, telex spells hats and horns by doubling (aa → â, ow → ơ,
    dd → đ) and the tone by a key (s f r x j) at the end or before the final consonant.
    """
    if not word.isalpha() or len(word) < 2:
        return None
    if not word.isascii():  # "huyênj": the hat typed by the input method, the tone by its key
        if len(word) < 3 or word[-1] not in tables.telex_tones or split_tone(word[:-1])[1]:
            return None
        return word[:-1], tables.telex_tones[word[-1]]
    tone = ""
    hats = any(typed in word for typed, _ in tables.telex_letters if len(typed) > 1)
    while hats and len(word) > 3 and word[-1] == word[-2] and word[-1] in tables.telex_tones:
        word = word[:-1]  # "boojj": the tone key struck twice (not "boss", "miss")
    if word[-1] in tables.telex_tones and len(word) > 2:
        tone, word = tables.telex_tones[word[-1]], word[:-1]
    else:  # "chwsc", "cans": input methods take the tone key before the final consonant too
        for final in _FINALS:
            if not word.endswith(final) or len(word) < len(final) + 3:
                continue
            key, stem = word[-len(final) - 1], word[: -len(final) - 1]
            if key in tables.telex_tones and stem[-1:] in _NUCLEUS:
                tone, word = tables.telex_tones[key], stem + final
                break
    decoded = word
    for typed, letter in tables.telex_letters:
        decoded = decoded.replace(typed, letter)
    if decoded == word and not tone:
        return None
    return decoded, tone
