"""Thanks after an answer that shares a word with it ("cám ơn cán bộ") is thanks, not a
follow-up; a telex tone key struck twice ("boojj") is one: through `ask --json`."""

from __future__ import annotations

from conftest import ask_json


def test_thanks_to_the_official_after_an_answer_is_thanks():
    answer, thanks = ask_json(
        "bao nhiêu người học thạc sĩ?", "cám ơn cán bộ", conversation="thanks-official"
    )
    assert answer["intents"] == ["masters_sent"]
    assert thanks["status"] == "smalltalk"


def test_a_tone_key_struck_twice_reads_as_once():
    (reply,) = ask_json("huyện có bao nhiêu cán boojj công chức")
    assert (reply["status"], reply["intents"]) == ("answer", ["total_staff"])


def test_english_words_ending_in_a_doubled_letter_are_not_telex():
    (reply,) = ask_json("hello boss")
    assert reply["status"] == "smalltalk"


def test_an_officials_noted_and_a_useful_are_pleasantries():
    noted, useful = ask_json("Tôi ghi nhận, cám ơn anh.", "cám ơn bạn, hữu ích lắm luôn")
    assert noted["status"] == "smalltalk" and useful["status"] == "smalltalk"
