"""The slot values a question names are found as the slot's whole pattern finds them."""

from __future__ import annotations

import random
import re

import pytest
from conftest import ask_json

from bot.kb.model import Slot
from bot.slot_finder import Finder, pattern_in


def _by_pattern(slot, text: str) -> list[str | None]:
    return [hit.lastgroup for hit in slot.pattern.finditer(text)]


def _vocabulary(responder) -> list[str]:
    """Every word and phrase of every slot pattern (regex syntax left out), and a few others."""
    phrases = set()
    kb = responder.kb
    for slot in (*kb.settings.slots, *kb.conversation.part_words, *kb.conversation.slot_words):
        body = re.sub(r"\(\?P<v\d+>|\\b", " ", slot.pattern.pattern)
        for part in body.split("|"):
            phrase = " ".join(re.findall(r"[a-z0-9]+", part))
            phrases |= {phrase, *phrase.split()}
    return [*sorted(phrases - {""}), "nha", "abc's", "o,", "va", ",", "huyen,", "xa.", "(", ")"]


@pytest.mark.parametrize("seed", range(8))  # 8 × 500 random texts per slot
def test_each_slot_finds_what_its_whole_pattern_finds(responder, seed):
    rng = random.Random(seed)
    vocabulary = _vocabulary(responder)
    kb = responder.kb
    for slot in (*kb.settings.slots, *kb.conversation.part_words, *kb.conversation.slot_words):
        finder = Finder.of(slot)
        for _ in range(500):
            text = " ".join(rng.choices(vocabulary, k=rng.randint(1, 12)))
            words = frozenset(re.findall(r"\w+", text))
            if finder is not None:
                # twice: a set of alternatives met again is served by what was kept for it
                for _ in range(2):
                    assert finder.groups(text, words) == _by_pattern(slot, text), (slot.name, text)
            for _ in range(2):
                narrowed = pattern_in(slot, text)
                assert narrowed.sub("|", text) == slot.pattern.sub("|", text), (slot.name, text)


@pytest.mark.every_question
def test_eval_questions_name_the_same_slot_values(responder):
    from every_question import spread_sample

    from bot.normalize import normalize

    slots = responder.matcher.slots
    for text in spread_sample(3000):  # three thousand, spread over every set
        folded = normalize(text, responder.kb.tables).folded_text
        words = frozenset(re.findall(r"\w+", folded))
        for slot, finder in slots._finders:
            if finder is not None:
                for _ in range(2):  # met once, and again: what was kept for it
                    assert finder.groups(folded, words) == _by_pattern(slot, folded), text


def test_o_dau_after_a_shortcoming_asks_in_what_respect_not_a_place():
    weak, place = ask_json("hồi trước cán bộ xã yếu ở đâu", "cán bộ đi học trung cấp ở đâu")
    assert weak["status"] == "answer" and weak["intents"] == ["past_weakness"]
    assert place["status"] != "answer"  # where a course is taught: the article never says


def _slot_of(*parts: str) -> Slot:
    body = "|".join(f"(?P<v{i}>{part})" for i, part in enumerate(parts))
    values = {f"v{i}": part for i, part in enumerate(parts)}
    return Slot("test", re.compile(rf"\b(?:{body})\b"), values, frozenset(values.values()))


def test_a_finder_is_refused_when_an_alternative_alone_could_match_empty():
    # tried alone, "(?:huyen)?" would match empty where the whole pattern tries "xa" next
    assert Finder.of(_slot_of("(?:huyen)?", "xa")) is None
    assert Finder.of(_slot_of("cap|", "xa")) is None
    found = Finder.of(_slot_of("cap huyen", "xa", "(?<=cap )tinh"))
    assert found is not None and found.groups("cap huyen va xa", None) == ["v0", "v1"]
