"""Vietnamese syllables as spelled (bot/syllables.py): what telex may write out, and where the
tone mark of a word the knowledge base never saw goes."""

from __future__ import annotations

import pytest

from bot.syllables import is_syllable, with_tone

ACUTE, GRAVE, DOT, HOOK = "\u0301", "\u0300", "\u0323", "\u0309"


@pytest.mark.parametrize(
    ("letters", "tone", "written"),
    [
        ("day", DOT, "dạy"),
        ("trư", GRAVE, "trừ"),
        ("ngươi", GRAVE, "người"),
        ("hoa", ACUTE, "hóa"),  # the article's own style: "chuẩn hóa"
        ("quôc", ACUTE, "quốc"),
        ("gia", GRAVE, "già"),
        ("hoang", GRAVE, "hoàng"),
        ("tuôi", HOOK, "tuổi"),
    ],
)
def test_the_tone_goes_on_its_vowel(letters, tone, written):
    assert is_syllable(letters, tone)
    assert with_tone(letters, tone) == written


@pytest.mark.parametrize(
    ("letters", "tone"),
    [
        ("ko", DOT),  # k only before i, e, ê, y
        ("ci", ""),  # spelled ki
        ("cac", ""),  # a stop ends only an acute or a dot
        ("nyob", ""),  # Hmong
        ("ưhat", ""),  # English "what" read as telex
        ("thesi", ACUTE),
    ],
)
def test_what_no_syllable_spells_is_refused(letters, tone):
    assert not is_syllable(letters, tone)
